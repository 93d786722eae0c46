use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, invalid_names};

#[tokio::test]
async fn reference_organisations_are_all_there() {
    let h = Harness::start().await;
    for (org_type, total) in [
        ("gemeente", 342),
        ("provincie", 12),
        ("waterschap", 21),
        ("ministerie", 12),
        ("koepel", 3),
    ] {
        let body = h
            .get_json(&format!("/api/v1/organisations?type={org_type}"))
            .await;
        assert_eq!(body["total"], total, "{org_type}");
    }
}

#[tokio::test]
async fn organisations_page_with_limit_and_offset() {
    let h = Harness::start().await;
    let first = h.get_json("/api/v1/organisations?type=gemeente&limit=10").await;
    let second = h
        .get_json("/api/v1/organisations?type=gemeente&limit=10&offset=10")
        .await;
    assert_eq!(first["items"].as_array().unwrap().len(), 10);
    assert_eq!(first["limit"], 10);
    assert_eq!(second["offset"], 10);
    assert_ne!(first["items"][0]["code"], second["items"][0]["code"]);
    let capped = h.get_json("/api/v1/organisations?limit=100000").await;
    assert_eq!(capped["limit"], 200);
}

#[tokio::test]
async fn search_ignores_case_and_accents_and_matches_codes() {
    let h = Harness::start().await;
    let body = h.get_json("/api/v1/organisations?q=sudwest").await;
    assert_eq!(body["items"][0]["name"], "Súdwest-Fryslân");
    let body = h.get_json("/api/v1/organisations?q=gm0363").await;
    assert_eq!(body["items"][0]["name"], "Amsterdam");
    let body = h.get_json("/api/v1/organisations/gm0363").await;
    assert_eq!(body["province"], "PV27");
}

#[tokio::test]
async fn unknown_type_and_bad_paging_are_refused_clearly() {
    let h = Harness::start().await;
    let (status, body) = h
        .send_json(Method::GET, "/api/v1/organisations?type=stad", &json!(null))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown filter value is a bad query"
    );
    assert_eq!(invalid_names(&body), ["type"]);
    let reason = body["invalidParams"][0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("gemeente") && reason.contains("waterschap"),
        "names the values it takes: {reason}"
    );
    let response = h.get("/api/v1/organisations?limit=veel").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    assert_eq!(
        h.get("/api/v1/organisations/XX9999").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn users_add_partners_and_get_a_code() {
    let h = Harness::start().await;
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "TNO", "type": "kennisinstelling"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["code"], "OR000001");
    let (_, second) = h
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Energie BV", "type": "bedrijf"}),
        )
        .await;
    assert_eq!(second["code"], "OR000002");
}

#[tokio::test]
async fn a_refused_partner_stores_nothing() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    for body in [
        json!({"name": "", "type": "bedrijf"}),
        json!({"name": "Nieuwe gemeente", "type": "gemeente"}),
        json!({"name": "X\u{7}Y", "type": "bedrijf"}),
    ] {
        let (status, problem) = h.send_json(Method::POST, "/api/v1/organisations", &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(!invalid_names(&problem).is_empty());
    }
    assert_eq!(before, h.fingerprint().await);
}
