//! Finding things in the register: filters on region, policy area and running/ended, through
//! the API and the list page, on the real register of the demo.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::Harness;

async fn total(h: &Harness, query: &str) -> (u64, Value) {
    let body = h
        .get_json(&format!("/api/v1/collaborations?limit=200&{query}"))
        .await;
    (body["total"].as_u64().unwrap(), body)
}

#[tokio::test]
async fn the_register_is_filtered_by_region_policy_area_and_status() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let (all, _) = total(&h, "").await;
    let (region, body) = total(&h, "region=veiligheidsregio:VR13").await;
    assert!(region > 0 && region < all, "{region} of {all}");
    let names: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert!(names.iter().any(|n| n.contains("Amstelland")), "{names:?}");

    let (safety, _) = total(&h, "policyArea=veiligheid").await;
    let (safety_upper, _) = total(&h, "policyArea=VEILIGHEID").await;
    assert!(safety > 0 && safety < all);
    assert_eq!(safety, safety_upper, "case is ignored");

    let today = chrono::Utc::now().date_naive().to_string();
    let (running, running_body) = total(&h, "status=lopend").await;
    let (ended, ended_body) = total(&h, "status=beeindigd").await;
    assert!(running > 0 && ended > 0 && running + ended <= all);
    for item in ended_body["items"].as_array().unwrap() {
        assert!(item["end_date"].as_str().unwrap() < today.as_str(), "{item}");
    }
    for item in running_body["items"].as_array().unwrap() {
        assert!(
            item["end_date"].as_str().is_none_or(|e| e >= today.as_str()),
            "{item}"
        );
    }
    let (both, _) = total(&h, "region=veiligheidsregio:VR13&status=lopend").await;
    assert!(both <= region && both <= running);

    let (status, problem) = h
        .request(
            None,
            Method::GET,
            "/api/v1/collaborations?region=veiligheidsregio:VR99&status=soms",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(crate::helpers::invalid_names(&problem), ["region", "status"]);
    // A value the document does not enumerate but that names nothing is invalid input (422):
    // the request matches the schema, so it is not a bad request.
    let (status, problem) = h
        .request(None, Method::GET, "/api/v1/collaborations?organisation=%23", None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(crate::helpers::invalid_names(&problem), ["organisation"]);
}

#[tokio::test]
async fn the_list_page_filters_and_keeps_the_filters_in_the_form() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let response = h
        .get("/samenwerkingen?regio=veiligheidsregio%3AVR13&status=lopend")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<option value=\"veiligheidsregio:VR13\" selected>Amsterdam-Amstelland</option>"));
    assert!(html.contains("<option value=\"lopend\" selected>Lopend</option>"));
    let bad = h.get("/samenwerkingen?regio=nergens").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Dit filter is niet toegepast.")
    );
}
