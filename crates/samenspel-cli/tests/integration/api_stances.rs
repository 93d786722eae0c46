use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names, scores};

#[tokio::test]
async fn reference_profiles_are_exactly_the_published_values() {
    let h = Harness::start().await;
    let body = h.get_json("/api/v1/reference-profiles").await;
    let profiles: Vec<(String, Value)> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_owned(), p["scores"].clone()))
        .collect();
    assert_eq!(
        profiles,
        [
            ("mirt".to_owned(), scores([3, 1, 1, 5, 1, 5])),
            ("res".to_owned(), scores([5, 3, 2, 2, 4, 3])),
            ("regio-deals".to_owned(), scores([3, 1, 3, 2, 5, 3])),
            ("ideaaltype".to_owned(), scores([3, 1, 3, 3, 3, 1])),
        ]
    );
    let dimensions = h.get_json("/api/v1/dimensions").await;
    assert_eq!(
        dimensions["items"][4]["scale_high"],
        "de decentrale overheden 100%"
    );
}

#[tokio::test]
async fn a_spread_of_two_is_shown_as_a_disagreement_naming_who_said_what() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker"), ("GM0344", "partner")])
        .await;
    let (status, body) = h
        .put_stance(id, "MNRE1034", &json!({"scores": scores([3, 1, 3, 3, 3, 1])}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, _) = h
        .put_stance(id, "gm0344", &json!({"scores": scores([3, 3, 3, 4, 3, 1])}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    assert_eq!(analysis["disagreement_count"], 1);
    let verplicht = &analysis["dimensions"][1];
    assert_eq!(verplicht["dimension"], "verplicht-karakter");
    assert_eq!(verplicht["disagreement"], true);
    assert_eq!(verplicht["scores"][0]["code"], "MNRE1034");
    assert_eq!(verplicht["scores"][1]["score"], 3);
    assert_eq!(
        analysis["dimensions"][3]["disagreement"], false,
        "a spread of 1 is no disagreement"
    );

    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Verwachtingen niet gelijk"));
    assert!(page.contains("Utrecht: 3"), "names who said what");
    assert!(page.contains("Koninkrijksrelaties: 1"), "names who said what");
}

#[tokio::test]
async fn an_unmotivated_deviation_is_flagged_and_a_motivated_one_is_not() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker")])
        .await;
    let body = json!({
        "scores": scores([3, 1, 3, 5, 3, 2]),
        "motivations": {"eisen-aan-uitvoering": "De wet schrijft de bouwaantallen voor."}
    });
    h.put_stance(id, "MNRE1034", &body).await;
    let analysis = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    let deviations = analysis["partners"][0]["deviations"].as_array().unwrap();
    assert_eq!(deviations.len(), 2);
    assert_eq!(
        (
            deviations[0]["dimension"].as_str(),
            deviations[0]["motivated"].as_bool()
        ),
        (Some("eisen-aan-uitvoering"), Some(true))
    );
    assert_eq!(
        (
            deviations[1]["dimension"].as_str(),
            deviations[1]["motivated"].as_bool()
        ),
        (Some("verantwoording-aan-rijk"), Some(false))
    );
    assert_eq!(analysis["unmotivated_deviation_count"], 1);
    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(page.matches("Niet gemotiveerd").count(), 1);
    assert!(page.contains("De wet schrijft de bouwaantallen voor."));
}

#[tokio::test]
async fn bad_scores_are_refused_per_field_and_store_nothing() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker"), ("GM0344", "partner")])
        .await;
    let before = h.fingerprint().await;
    for (bad, code) in [
        (json!(0), "out_of_range"),
        (json!(6), "out_of_range"),
        (json!(3.5), "not_a_score"),
        (json!("drie"), "not_a_score"),
    ] {
        let mut body = json!({"scores": scores([3, 1, 3, 3, 3, 1])});
        body["scores"]["decentrale-middelen"] = bad.clone();
        let (status, problem) = h.put_stance(id, "GM0344", &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(invalid_names(&problem), ["scores.decentrale-middelen"], "{bad}");
        assert_eq!(problem["invalidParams"][0]["code"], code);
    }
    let (status, problem) = h
        .put_stance(id, "GM0518", &json!({"scores": scores([3, 1, 3, 3, 3, 1])}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not a partner");
    assert_eq!(invalid_names(&problem), ["code"]);
    let (status, problem) = h
        .put_stance(
            id,
            "GM0344",
            &json!({"phase": "evaluatie", "scores": scores([3, 1, 3, 3, 3, 1])}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["phase"]);
    let (status, _) = h
        .put_stance(id, "GM0344", &json!({"scores": {"beleidsambitie-rijk": 3}}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = h
        .put_stance(999_999, "GM0344", &json!({"scores": scores([3, 1, 3, 3, 3, 1])}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = h
        .send_json(
            Method::PUT,
            &format!("/api/v1/collaborations/{id}/stances/GM0344"),
            &json!("geen object"),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        before,
        h.fingerprint().await,
        "nothing of a refused stance is stored"
    );
}

#[tokio::test]
async fn restating_keeps_the_history_and_phases_are_separate() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker")])
        .await;
    h.put_stance(id, "MNRE1034", &json!({"scores": scores([3, 1, 3, 3, 3, 1])}))
        .await;
    h.put_stance(id, "MNRE1034", &json!({"scores": scores([4, 2, 3, 4, 3, 2])}))
        .await;
    h.put_stance(
        id,
        "MNRE1034",
        &json!({"phase": "Uitvoering", "scores": scores([5, 5, 5, 5, 5, 5])}),
    )
    .await;
    let stances = h.get_json(&format!("/api/v1/collaborations/{id}/stances")).await;
    assert_eq!(stances["total"], 3);
    assert_eq!(
        stances["items"][2]["phase"], "uitvoering",
        "the phase is stored by its canonical name"
    );
    let whole = h.get_json(&format!("/api/v1/collaborations/{id}/analysis")).await;
    assert_eq!(
        whole["partners"][0]["scores"],
        scores([4, 2, 3, 4, 3, 2]),
        "the latest stance counts"
    );
    let phase = h
        .get_json(&format!("/api/v1/collaborations/{id}/analysis?phase=uitvoering"))
        .await;
    assert_eq!(phase["partners"][0]["scores"], scores([5, 5, 5, 5, 5, 5]));
    assert_eq!(phase["phase"], "uitvoering");
    let empty = h
        .get_json(&format!("/api/v1/collaborations/{id}/analysis?phase=afspraken"))
        .await;
    assert_eq!(empty["partners"], json!([]));
    assert_eq!(empty["missing_stances"], json!(["MNRE1034"]));
}

#[tokio::test]
async fn the_demo_reproduces_the_rob_profiles() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    for (kind, profile) in [("mirt", "mirt"), ("res", "res"), ("regio-deal", "regio-deals")] {
        let list = h.get_json(&format!("/api/v1/collaborations?type={kind}")).await;
        let item = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["demo"] == true)
            .unwrap();
        assert_eq!(item["demo"], true);
        let analysis = h
            .get_json(&format!("/api/v1/collaborations/{}/analysis", item["id"]))
            .await;
        let collab = &analysis["collaboration"];
        assert_eq!(collab["nearest_reference"], profile, "{kind}");
        let own = collab["distances"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["profile"] == profile)
            .unwrap();
        assert_eq!(own["distance"], 0.0, "{kind}");
    }
}
