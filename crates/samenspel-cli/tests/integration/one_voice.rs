//! One voice of the Rijk (issue 13, point 6): two ministries whose stances lie 2 points apart
//! on a dimension are named as "het Rijk spreekt niet met één mond" on the page and in the
//! analysis JSON; several ministries without one responsible minister are a control finding.

use reqwest::StatusCode;

use crate::helpers::{Harness, scores};

#[tokio::test]
async fn two_ministries_apart_are_named_on_the_page_and_in_the_analysis() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Regio Deal Twee Stemmen",
            &[
                ("MNRE1034", "trekker"),
                ("MNRE1130", "partner"),
                ("GM0344", "partner"),
            ],
        )
        .await;
    for (code, values) in [
        ("MNRE1034", [3, 1, 3, 3, 3, 1]),
        ("MNRE1130", [3, 4, 3, 3, 3, 2]),
        ("GM0344", [3, 2, 3, 3, 3, 1]),
    ] {
        let (status, body) = h
            .put_stance(id, code, &serde_json::json!({"scores": scores(values)}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    h.publish(id).await;

    let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    assert_eq!(analysis["rijk_speaks_with_one_voice"], false);
    let divergences = analysis["rijk_divergences"].as_array().unwrap();
    assert_eq!(divergences.len(), 1, "{divergences:?}");
    assert_eq!(divergences[0]["dimension"], "verplicht-karakter");
    assert_eq!(divergences[0]["spread"], 3);
    let who: Vec<(&str, u64)> = divergences[0]["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["code"].as_str().unwrap(), s["score"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        who,
        [("MNRE1034", 1), ("MNRE1130", 4)],
        "the Rijk only, lowest first"
    );

    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Het Rijk spreekt niet met één mond"),
        "the page names it"
    );
    assert!(
        page.contains("Ministerie van Infrastructuur en Waterstaat: 4"),
        "who said what"
    );
    let english = h
        .get_in_english(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("Central government does not speak with one voice"));

    let control = h
        .get(&format!("/samenwerkingen/{id}/democratische-controle"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        control.contains("2 ministeries doen mee, maar er is niet één verantwoordelijke minister genoemd"),
        "several ministries without one minister"
    );
}

#[tokio::test]
async fn ministries_that_agree_and_a_lone_ministry_raise_nothing() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Woondeal Eensgezind",
            &[("MNRE1034", "trekker"), ("MNRE1130", "partner")],
        )
        .await;
    for (code, values) in [("MNRE1034", [3, 1, 3, 3, 3, 1]), ("MNRE1130", [4, 2, 3, 3, 3, 1])] {
        h.put_stance(id, code, &serde_json::json!({"scores": scores(values)}))
            .await;
    }
    let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    assert_eq!(analysis["rijk_speaks_with_one_voice"], true);
    assert_eq!(analysis["rijk_divergences"].as_array().unwrap().len(), 0);
    h.publish(id).await;
    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Verwachtingen niet gelijk") || page.contains("Geen"),
        "the page rendered"
    );
    assert!(!page.contains("Het Rijk spreekt niet met één mond"));
}

/// The demonstration shows it: in the Woondeal Regio Utrecht, BZK and IenW differ on the
/// account the Rijk asks.
#[tokio::test]
async fn the_demonstration_woondeal_shows_a_divided_rijk() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let list = h.get_json("/api/v1/collaborations?limit=200&type=woondeal").await;
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Woondeal Regio Utrecht (demonstratie)")
        .map(|c| c["id"].as_i64().unwrap())
        .unwrap();
    let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    assert_eq!(
        analysis["rijk_divergences"][0]["dimension"],
        "verantwoording-aan-rijk"
    );
    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Het Rijk spreekt niet met één mond"));
}
