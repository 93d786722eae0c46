use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, invalid_names};

#[tokio::test]
async fn create_read_and_list_a_collaboration() {
    let h = Harness::start().await;
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({
                "name": "Regio Deal Noordoost-Friesland",
                "type": "regio-deal",
                "task": "Brede welvaart",
                "public_value": "Leefbaarheid",
                "region": "Noordoost-Fryslân",
                "start_date": "2020-01-01",
                "end_date": "2023-12-31",
                "phases": ["uitvraag", "uitvoering", "evaluatie"],
                "partners": [{"code": "gm0059", "role": "trekker"}, {"code": "MNRE1153", "role": "financier"}]
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["partners"][0]["code"], "GM0059");
    assert_eq!(body["partners"][1]["role"], "financier");
    assert_eq!(body["phases"], json!(["uitvraag", "uitvoering", "evaluatie"]));
    assert_eq!(body["version"], 1);
    let id = body["id"].as_i64().unwrap();

    let list = h.get_json("/api/v1/collaborations?type=regio-deal").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["partner_count"], 2);
    assert_eq!(h.get_json("/api/v1/collaborations?type=mirt").await["total"], 0);
    assert_eq!(
        h.get_json("/api/v1/collaborations?organisation=MNRE1153").await["total"],
        1
    );
    assert_eq!(h.get_json("/api/v1/collaborations?q=friesland").await["total"], 1);
    assert_eq!(
        h.get_json(&format!("/api/v1/collaborations/{id}")).await["name"],
        "Regio Deal Noordoost-Friesland"
    );
}

#[tokio::test]
async fn bad_collaborations_are_refused_naming_each_field_and_store_nothing() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let cases = [
        (json!({"name": "", "type": "mirt"}), vec!["name"]),
        (json!({"name": "X", "type": "samenwerking"}), vec!["type"]),
        (
            json!({"name": "X", "type": "mirt", "start_date": "2024-01-01", "end_date": "2023-01-01"}),
            vec!["end_date"],
        ),
        (
            json!({"name": "X", "type": "mirt", "partners": [{"code": "GM9999", "role": "partner"}]}),
            vec!["partners[0].code"],
        ),
        (
            json!({"name": "X", "type": "mirt", "partners": [{"code": "GM0363", "role": "partner"}, {"code": "gm0363", "role": "trekker"}]}),
            vec!["partners[1].code"],
        ),
        (
            json!({"name": "X", "type": "mirt", "partners": [{"code": "GM0363", "role": "baas"}]}),
            vec!["partners[0].role"],
        ),
    ];
    for (body, fields) in cases {
        let (status, problem) = h.send_json(Method::POST, "/api/v1/collaborations", &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(invalid_names(&problem), fields, "{body}");
        assert!(problem["invalidParams"][0]["reason"].as_str().unwrap().len() > 5);
    }
    let response = h
        .client
        .post(h.url("/api/v1/collaborations"))
        .header("content-type", "application/json")
        .body("{\"name\": \"kapot")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(invalid_names(&problem), ["body"]);
    assert_eq!(before, h.fingerprint().await, "a refused request changes nothing");
}

#[tokio::test]
async fn a_stale_edit_is_refused_with_what_changed() {
    let h = Harness::start().await;
    let id = h.create_draft("Woondeal", &[("MNRE1034", "trekker")]).await;
    let path = format!("/api/v1/collaborations/{id}");
    let edit = |version: i64, name: &str| json!({"version": version, "name": name, "type": "woondeal", "phases": ["afspraken", "uitvoering"]});
    let (status, body) = h
        .send_json(Method::PUT, &path, &edit(1, "Woondeal Utrecht"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["version"], 2);
    let before = h.fingerprint().await;
    let (status, problem) = h
        .send_json(Method::PUT, &path, &edit(1, "Woondeal Amersfoort"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        problem["detail"].as_str().unwrap().contains("versie 2"),
        "{problem}"
    );
    let (status, problem) = h
        .send_json(
            Method::PUT,
            &path,
            &json!({"name": "zonder versie", "type": "woondeal"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["version"]);
    assert_eq!(before, h.fingerprint().await);
    assert_eq!(h.get_json(&path).await["name"], "Woondeal Utrecht");
}

#[tokio::test]
async fn partners_are_added_once() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker")])
        .await;
    let path = format!("/api/v1/collaborations/{id}/partners");
    let (status, body) = h
        .send_json(Method::POST, &path, &json!({"code": "GM0344", "role": "partner"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["partners"].as_array().unwrap().len(), 2);
    let before = h.fingerprint().await;
    let (status, problem) = h
        .send_json(
            Method::POST,
            &path,
            &json!({"code": "gm0344", "role": "financier"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["code"]);
    let (status, _) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations/999999/partners",
            &json!({"code": "GM0344", "role": "partner"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(before, h.fingerprint().await);
}

#[tokio::test]
async fn every_change_leaves_an_audit_event() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker")])
        .await;
    h.send_json(
        Method::POST,
        &format!("/api/v1/collaborations/{id}/partners"),
        &json!({"code": "GM0344", "role": "partner"}),
    )
    .await;
    let events = h
        .get_json(&format!("/api/v1/collaborations/{id}/audit-events"))
        .await;
    let actions: Vec<&str> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["collaboration.create", "collaboration.publish", "partner.add"]
    );
    assert_eq!(events["items"][0]["after"]["name"], "Woondeal");
}

#[tokio::test]
async fn api_responses_carry_the_version_header_and_unknown_paths_are_problems() {
    let h = Harness::start().await;
    let response = h.get("/api/v1/reference-profiles").await;
    assert_eq!(response.headers()["api-version"], "1.0.0");
    let response = h.get("/api/v1/bestaat-niet").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
}
