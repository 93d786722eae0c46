//! The OpenAPI document is generated from the code; this snapshot makes every change to the
//! contract visible in review. Run with UPDATE_SNAPSHOTS=1 to accept a deliberate change.

#[test]
fn openapi_document_matches_the_snapshot() {
    let path = format!("{}/../../docs/openapi.json", env!("CARGO_MANIFEST_DIR"));
    let document = samenspel_web::openapi_document();
    assert!(document.contains("\"/collaborations/{id}/stances/{code}\""));
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &document).unwrap();
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        snapshot == document,
        "docs/openapi.json differs from the generated document; review the API change and run UPDATE_SNAPSHOTS=1 cargo test -p samenspel-cli openapi"
    );
}

#[tokio::test]
async fn the_served_document_is_the_generated_one() {
    let h = crate::helpers::Harness::start().await;
    let served = h.get_json("/api/openapi.json").await;
    let generated: serde_json::Value = serde_json::from_str(&samenspel_web::openapi_document()).unwrap();
    assert_eq!(served, generated);
    assert_eq!(
        served["openapi"].as_str().map(|v| v.starts_with("3.")),
        Some(true)
    );
}
