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

pub fn routes() -> Router<App> {
    Router::new().route("/assets/css/{name}", get(stylesheet))
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
