//! Health for operators (issue 16, item 1): `/health/live` while the process serves,
//! `/health/ready` only while the database answers with every migration applied, on both
//! databases.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::Harness;

async fn health(h: &Harness, path: &str) -> (StatusCode, Value, String) {
    let response = h.get(path).await;
    let status = response.status();
    let cache = response.headers()["cache-control"].to_str().unwrap().to_owned();
    (status, response.json().await.unwrap(), cache)
}

#[tokio::test]
async fn live_and_ready_and_not_ready_when_a_migration_is_missing() {
    let h = Harness::start().await;
    let (status, body, cache) = health(&h, "/health/live").await;
    assert_eq!((status, body["status"].as_str()), (StatusCode::OK, Some("live")));
    assert_eq!(cache, "no-store");
    let (status, body, _) = health(&h, "/health/ready").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "ready");
    assert_eq!(body["database"], h.app.app.store().backend());

    // As if the database were one version behind the program.
    let latest: i64 = h.app.db.count("SELECT MAX(version) FROM _sqlx_migrations").await;
    h.app
        .db
        .execute(&format!("DELETE FROM _sqlx_migrations WHERE version = {latest}"))
        .await;
    let (status, body, _) = health(&h, "/health/ready").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["reason"], "migrations-pending");
    assert_eq!(body["pending_migrations"], serde_json::json!([latest]));
    let (status, _, _) = health(&h, "/health/live").await;
    assert_eq!(status, StatusCode::OK, "still alive");
}
