//! HTTP for Samenspel: server-rendered HTML pages (`ui`), the JSON API under `/api/v1` with
//! its generated OpenAPI document (`api`), static assets, and the one place where errors
//! become responses (`error`).
//!
//! [`router`] builds everything; [`serve`] only serves, so tests bind `127.0.0.1:0` and
//! start the real application without sleeping.

mod api;
mod assets;
mod charts;
mod error;
mod headers;
mod session;
mod ui;

use std::future::Future;

use axum::Router;
use samenspel_app::App;
use tokio::net::TcpListener;

pub use api::openapi_document;
pub use session::WebConfig;

/// The largest request body accepted (forms and JSON alike).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Builds the whole application: pages, API, assets, security headers and body limits.
pub fn router(app: App, config: WebConfig) -> Router {
    Router::new()
        .merge(ui::routes())
        .nest("/api", api::routes())
        .merge(assets::routes())
        .fallback(ui::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(session::csrf))
        .layer(axum::Extension(config))
        .layer(axum::middleware::from_fn(headers::security_headers))
        .with_state(app)
}

/// Serves `router` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
