//! Static assets built into the binary, so the app needs no files at run time.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;

const STYLESHEETS: &[(&str, &str)] = &[
    (
        "utrecht-components.css",
        include_str!("../../../assets/css/utrecht-components.css"),
    ),
    ("theme.css", include_str!("../../../assets/css/theme.css")),
    ("site.css", include_str!("../../../assets/css/site.css")),
];

/// The site's icon: a PNG in an ICO container for `/favicon.ico`, which browsers ask for on
/// every site, and the same picture as SVG for those that take it.
const FAVICON_ICO: &[u8] = include_bytes!("../../../assets/favicon.ico");
const FAVICON_SVG: &str = include_str!("../../../assets/favicon.svg");

pub fn routes() -> Router<App> {
    Router::new()
        .route("/assets/css/{name}", get(stylesheet))
        .route("/favicon.ico", get(async || icon("image/x-icon", FAVICON_ICO)))
        .route(
            "/favicon.svg",
            get(async || icon("image/svg+xml", FAVICON_SVG.as_bytes())),
        )
}

fn icon(content_type: &'static str, bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn stylesheet(Path(name): Path<String>) -> Response {
    match STYLESHEETS.iter().find(|(n, _)| *n == name) {
        Some((_, css)) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/css; charset=utf-8"),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=3600"),
                ),
            ],
            *css,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
