//! One voice of the Rijk (issue 13, point 6): two ministries whose stances lie 2 points apart
//! on a dimension are named as "het Rijk spreekt niet met één mond" on the page and in the
//! analysis JSON; several ministries without one responsible minister are a control finding.

use reqwest::StatusCode;

use crate::helpers::{Harness, scores};

/// States each stance and checks it was stored.
async fn state(h: &Harness, stances: &[(i64, &str, [u8; 6])]) {
    for (id, code, values) in stances {
        let (status, body) = h
            .put_stance(*id, code, &serde_json::json!({"scores": scores(*values)}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{code}: {body}");
    }
}

async fn page_text(h: &Harness, path: &str, english: bool) -> String {
    let response = if english {
        h.get_in_english(path).await
    } else {
        h.get(path).await
    };
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The one-voice section of a collaboration page, if it has one.
fn one_voice_section(page: &str) -> Option<&str> {
    let from = page.find("<section class=\"ss-one-voice\"")?;
    let to = page[from..].find("</section>")? + from;
    Some(&page[from..to])
}

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
    state(
        &h,
        &[
            (id, "MNRE1034", [3, 1, 3, 3, 3, 1]),
            (id, "MNRE1130", [3, 4, 3, 3, 3, 2]),
            (id, "GM0344", [3, 2, 3, 3, 3, 1]),
        ],
    )
    .await;
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

    let page = page_text(&h, &format!("/samenwerkingen/{id}"), false).await;
    let section = one_voice_section(&page).expect("the page has the one-voice section");
    assert!(
        section.contains("Het Rijk spreekt niet met één mond"),
        "{section}"
    );
    for said in [
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties: 1",
        "Ministerie van Infrastructuur en Waterstaat: 4",
    ] {
        assert!(section.contains(said), "the section says who said what: {said}");
    }
    assert!(
        !section.contains("Utrecht: 2"),
        "the municipality is not the Rijk's voice"
    );
    let english = page_text(&h, &format!("/samenwerkingen/{id}"), true).await;
    let section = one_voice_section(&english).expect("the English page has the section");
    assert!(section.contains("Central government does not speak with one voice"));
    assert!(section.contains("Central government divided"), "{section}");

    let control = page_text(&h, &format!("/samenwerkingen/{id}/democratische-controle"), false).await;
    assert!(
        control.contains("2 ministeries doen mee, maar er is niet één verantwoordelijke minister genoemd"),
        "several ministries without one minister"
    );
}

#[tokio::test]
async fn ministries_that_agree_and_a_lone_ministry_are_one_voice() {
    let h = Harness::start().await;
    let agree = h
        .create_collaboration(
            "Woondeal Eensgezind",
            &[("MNRE1034", "trekker"), ("MNRE1130", "partner")],
        )
        .await;
    let lone = h
        .create_collaboration(
            "Woondeal Alleen",
            &[("MNRE1034", "trekker"), ("GM0344", "partner")],
        )
        .await;
    state(
        &h,
        &[
            (agree, "MNRE1034", [3, 1, 3, 3, 3, 1]),
            (agree, "MNRE1130", [4, 2, 3, 3, 3, 1]),
            (lone, "MNRE1034", [1, 1, 1, 1, 1, 1]),
            (lone, "GM0344", [5, 5, 5, 5, 5, 5]),
        ],
    )
    .await;
    for id in [agree, lone] {
        let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
        assert_eq!(analysis["rijk_speaks_with_one_voice"], true, "{id}");
        assert_eq!(analysis["rijk_divergences"].as_array().unwrap().len(), 0, "{id}");
        h.publish(id).await;
        let page = page_text(&h, &format!("/samenwerkingen/{id}"), false).await;
        assert!(page.contains("ss-radar"), "the analysis is on the page of {id}");
        assert!(one_voice_section(&page).is_none(), "no one-voice section on {id}");
    }
    let lone_analysis = h
        .get_json(&format!("/api/v1/collaborations/{lone}/analysis"))
        .await;
    assert_eq!(lone_analysis["disagreement_count"], 6, "the partners do disagree");
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
    let page = page_text(&h, &format!("/samenwerkingen/{id}"), false).await;
    let section = one_voice_section(&page).expect("the demo shows the one-voice section");
    assert!(
        section.contains("Ministerie van Infrastructuur en Waterstaat: 4"),
        "{section}"
    );
}
