//! The language switch in the header: remembers the choice in a cookie and brings the
//! visitor back to the page they were on. Works without JavaScript.

use axum::Router;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;

use crate::i18n::{LANGUAGE_COOKIE, Lang};
use crate::session::{WebConfig, set_cookie};
use crate::ui::parse_query;

pub fn routes() -> Router<App> {
    Router::new().route("/taal/{code}", get(choose))
}

/// A year, in seconds: the choice is remembered until the visitor changes it.
const REMEMBERED: i64 = 365 * 24 * 3600;

#[derive(Debug, Default, serde::Deserialize)]
struct Back {
    terug: Option<String>,
}

async fn choose(
    axum::extract::Extension(config): axum::extract::Extension<WebConfig>,
    headers: axum::http::HeaderMap,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        let lang = crate::session::request_lang(&headers);
        return crate::ui::error_page(&samenspel_app::AppError::NotFound("pagina"), lang);
    };
    let back = parse_query::<Back>(raw.as_deref()).0.terug;
    let location = HeaderValue::from_str(crate::ui::local_path(back.as_deref()))
        .unwrap_or(HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (
                header::SET_COOKIE,
                set_cookie(config, LANGUAGE_COOKIE, lang.code(), Some(REMEMBERED)),
            ),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {

    use crate::ui::local_path;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        for (back, expected) in [
            (Some("/samenwerkingen/4?fase=x"), "/samenwerkingen/4?fase=x"),
            (Some("//evil.example/"), "/"),
            (Some("https://evil.example/"), "/"),
            (Some("/\\evil.example"), "/"),
            (None, "/"),
        ] {
            assert_eq!(local_path(back), expected);
        }
    }
}
