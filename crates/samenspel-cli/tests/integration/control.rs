//! Democratic control: recorded by the trekker through the API and the form, assessed for
//! what is missing or overdue, refused whole when bad.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, invalid_names};

fn keys(view: &serde_json::Value) -> Vec<String> {
    view["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_trekker_records_control_and_overdue_evaluations_are_flagged() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Regio Deal Eemsdelta",
            &[("GM1979", "trekker"), ("MNRE1153", "financier")],
        )
        .await;
    let path = format!("/api/v1/collaborations/{id}/control");
    let empty = h.get_json(&path).await;
    assert!(keys(&empty).contains(&"geen-minister".to_owned()));

    let body = json!({
        "bodies": ["gemeenteraden", "tweede-kamer"],
        "instruments": ["rekenkamer"],
        "responsible_minister": "MNRE1153",
        "next_evaluation": "2020-01-01",
        "moments": [
            {"kind": "kaderstelling", "date": "2019-03-01", "body": "gemeenteraden"},
            {"kind": "verantwoording", "date": "2021-06-01", "body": "gemeenteraden", "description": "Jaarverslag"}
        ]
    });
    let trekker = h.token_for("GM1979", "redacteur").await;
    let partner = h.token_for("MNRE1153", "redacteur").await;
    let before = h.fingerprint().await;
    let (status, _) = h.request(Some(&partner), Method::PUT, &path, Some(&body)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only the trekker keeps it");
    assert!(before == h.fingerprint().await, "nothing stored");
    let (status, view) = h.request(Some(&trekker), Method::PUT, &path, Some(&body)).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(keys(&view), ["evaluatie-achterstallig"]);

    let html = h
        .get(&format!("/samenwerkingen/{id}/democratische-controle"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("De evaluatie van 01-01-2020 is achterstallig."));
    assert!(html.contains("Gemeenteraden, Tweede Kamer (via de verantwoordelijke minister)"));

    let overview = h.get("/organisaties/GM1979").await.text().await.unwrap();
    assert!(overview.contains("01-01-2020 <span class=\"ss-flag ss-flag--warning\">achterstallig</span>"));
    let csv = h
        .get("/organisaties/GM1979/samenwerkingen.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains(";2020-01-01"), "{csv}");
}

#[tokio::test]
async fn bad_control_is_refused_with_the_fields_named() {
    let h = Harness::start().await;
    let id = h.create_collaboration("Convenant", &[("PV20", "trekker")]).await;
    let path = format!("/api/v1/collaborations/{id}/control");
    let before = h.fingerprint().await;
    let (status, problem) = h
        .send_json(
            Method::PUT,
            &path,
            &json!({"bodies": ["raad"], "responsible_minister": "GM0014", "moments": [{"kind": "kaderstelling", "date": "1-1", "body": "gemeenteraden"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["bodies", "moments[0].date"]);
    let (status, problem) = h
        .send_json(Method::PUT, &path, &json!({"responsible_minister": "GM0014"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        invalid_names(&problem),
        ["responsible_minister"],
        "a municipality is no minister"
    );
    assert!(before == h.fingerprint().await, "nothing stored");

    let browser = h.browser_as("PV20", "redacteur").await;
    let before = h.fingerprint().await;
    let form = format!("/samenwerkingen/{id}/democratische-controle");
    let response = browser
        .post_form(
            &form,
            &[
                ("bodies", "provinciale-staten"),
                ("next_evaluation", "morgen"),
                ("moments[0].kind", "verantwoording"),
                ("moments[0].date", "2026-01-01"),
                ("moments[0].body", "provinciale-staten"),
                ("moments[0].description", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"f-next-evaluation-error\""));
    assert!(html.contains("value=\"morgen\""), "the input is kept");
    assert!(before == h.fingerprint().await, "nothing stored");
    let response = browser
        .post_form(
            &form,
            &[
                ("bodies", "provinciale-staten"),
                ("next_evaluation", "2030-01-01"),
                ("moments[0].kind", "verantwoording"),
                ("moments[0].date", "2026-01-01"),
                ("moments[0].body", "provinciale-staten"),
                ("moments[0].description", "Jaarrekening"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let view = h.get_json(&path).await;
    assert_eq!(keys(&view), ["geen-kaderstelling"]);
    assert_eq!(view["control"]["moments"][0]["description"], "Jaarrekening");
}
