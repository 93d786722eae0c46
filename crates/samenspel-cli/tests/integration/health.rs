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

#[tokio::test]
async fn metrics_count_requests_by_route_template_for_beheerders_only() {
    let h = Harness::start().await;
    let redacteur = h.token_for("GM0363", "redacteur").await;
    assert_eq!(h.get("/health/live").await.status(), StatusCode::OK);
    assert_eq!(
        h.get("/samenwerkingen/987654").await.status(),
        StatusCode::NOT_FOUND
    );
    let read = |token: Option<String>| {
        let mut request = h.client.get(h.url("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    assert_eq!(read(None).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        read(Some(redacteur)).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let response = read(Some(h.admin.clone())).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = response.text().await.unwrap();
    for line in [
        "samenspel_http_requests_total{route=\"/health/live\",method=\"GET\",status=\"200\"} 1",
        "samenspel_http_requests_total{route=\"/samenwerkingen/{id}\",method=\"GET\",status=\"404\"} 1",
        "samenspel_http_request_duration_seconds_count{route=\"/health/live\",method=\"GET\"} 1",
        "# TYPE samenspel_http_request_duration_seconds histogram",
        "samenspel_db_pool_connections{state=\"idle\"}",
        "samenspel_audit_events_total{action=\"user.create\"}",
    ] {
        assert!(text.contains(line), "{line} missing in\n{text}");
    }
    assert!(
        !text.contains("987654"),
        "only route templates, never a path as sent"
    );
}
