//! HTTP for Samenspel: server-rendered HTML pages (`ui`), the JSON API under `/api/v1` with
//! its generated OpenAPI document (`api`), static assets, and the one place where errors
//! become responses (`error`).
//!
//! [`router`] builds everything; [`serve`] only serves, so tests bind `127.0.0.1:0` and
//! start the real application without sleeping.

mod api;
mod assets;
mod charts;
mod compression;
mod error;
pub mod exports;
mod headers;
mod health;
pub mod i18n;
pub mod messages;
mod metrics;
pub mod odt;
pub mod page_cache;
mod redirects;
mod request_log;
mod serve;
mod session;
mod ui;

use axum::Router;
use axum::http::StatusCode;
use samenspel_app::App;
use tower_http::timeout::{RequestBodyDeadlineLayer, TimeoutLayer};

pub use api::openapi_document;
pub use request_log::REQUEST_ID_HEADER;
pub use serve::{BODY_DEADLINE, HEADER_TIMEOUT, REQUEST_TIMEOUT, serve};
pub use session::WebConfig;

/// The largest request body accepted (forms and JSON alike).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Builds the whole application: pages, API, assets, security headers, body limits and
/// deadlines, compression of text responses, and a log line per request.
pub fn router(app: App, config: WebConfig) -> Router {
    assets::prepare_in_background();
    let counts = std::sync::Arc::new(metrics::Metrics::default());
    let pages = std::sync::Arc::new(page_cache::PageCache::default());
    Router::new()
        .route("/metrics", axum::routing::get(metrics::metrics))
        // Only the pages read the data version: the API, the assets and the health answers
        // never wait on the database for the page cache.
        .merge(ui::routes().layer(axum::middleware::from_fn_with_state(
            (app.clone(), pages),
            page_cache::serve,
        )))
        .nest("/api", api::routes())
        .merge(assets::routes())
        .merge(health::routes())
        .fallback(ui::not_found)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            redirects::merged_collaborations,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(session::csrf))
        .layer(axum::Extension(config))
        .layer(axum::middleware::from_fn(headers::security_headers))
        .layer(RequestBodyDeadlineLayer::new(BODY_DEADLINE))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(compression::layer())
        .layer(axum::Extension(counts.clone()))
        .layer(axum::middleware::from_fn_with_state(counts, metrics::count))
        .layer(axum::middleware::from_fn(request_log::log_request))
        .with_state(app)
}
