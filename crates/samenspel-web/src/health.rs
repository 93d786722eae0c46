//! Health for operators (issue 16, item 1): `/health/live` answers 200 while the process
//! serves requests at all; `/health/ready` answers 200 only when the database answers and
//! every migration is applied, else 503 with the reason, so a load balancer sends no traffic
//! to a process that cannot serve it. Neither names anything but the database's kind.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;
use serde_json::json;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
}

async fn live() -> Response {
    no_store(StatusCode::OK, json!({"status": "live"}))
}

async fn ready(State(app): State<App>) -> Response {
    match app.readiness().await {
        Ok(readiness) if readiness.ready() => no_store(
            StatusCode::OK,
            json!({"status": "ready", "database": readiness.database}),
        ),
        Ok(readiness) => no_store(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({
                "status": "not-ready",
                "database": readiness.database,
                "reason": "migrations-pending",
                "pending_migrations": readiness.pending_migrations,
            }),
        ),
        Err(error) => {
            tracing::warn!(error = %error, "readiness: the database does not answer");
            crate::error::with_retry_after(no_store(
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"status": "not-ready", "reason": "database-unreachable"}),
            ))
        }
    }
}

fn no_store(status: StatusCode, body: serde_json::Value) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}
