//! Who is asking: the session cookie for pages, `Authorization: Bearer` for the API; and the
//! CSRF check that every state-changing form passes.
//!
//! CSRF uses a per-browser random token in an `HttpOnly`, `SameSite=Lax` cookie that every
//! form repeats in a hidden field (double submit). The middleware checks it for every POST
//! outside `/api/` before any handler runs, so no form can forget it.

use crate::i18n::{LANGUAGE_COOKIE, Lang};
use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request};
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_app::{App, AppError, Principal};

use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "samenspel_sessie";
pub const CSRF_COOKIE: &str = "samenspel_csrf";
pub const CSRF_FIELD: &str = "csrf";

/// Settings of the web layer.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (when the site is served over https).
    pub secure_cookies: bool,
    /// The site runs behind a reverse proxy: a client's address is the last one the proxy
    /// added to `X-Forwarded-For`, not the proxy's own.
    pub behind_proxy: bool,
    /// The organisation that runs this installation (named on the privacy, accessibility and
    /// contact pages); set once at start-up.
    pub operator: Option<&'static str>,
    /// How visitors reach that organisation: an e-mail or web address.
    pub contact: Option<&'static str>,
    /// `/metrics` may be read by anyone (a scraper on a private network); otherwise by
    /// beheerders only.
    pub metrics_public: bool,
}

/// The address of the client, for limits per address (sign-in failures, answers by a wave's
/// link): the connection's peer, or behind a reverse proxy the last `X-Forwarded-For` entry.
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let config = parts.extensions.get::<WebConfig>().copied().unwrap_or_default();
        let forwarded = || {
            let header = parts.headers.get_all("x-forwarded-for").iter().next_back()?;
            let last = header.to_str().ok()?.rsplit(',').next()?.trim();
            last.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_string())
        };
        let peer = || {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        };
        let address = if config.behind_proxy {
            forwarded().or_else(peer)
        } else {
            peer()
        };
        Ok(Self(address.unwrap_or_else(|| "onbekend".to_owned())))
    }
}

/// The CSRF token of this browser, put in the request by [`csrf`].
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    cookie_value(headers, name)
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The value of the cookie `name` as sent, unchecked (the caller checks its own format).
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure when configured.
pub fn set_cookie(config: WebConfig, name: &str, value: &str, max_age_seconds: Option<i64>) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_seconds {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if config.secure_cookies {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// Ensures every browser has a CSRF cookie and checks the token on every POST outside the API.
pub async fn csrf(request: Request, next: Next) -> Response {
    let config = request
        .extensions()
        .get::<WebConfig>()
        .copied()
        .unwrap_or_default();
    let existing = cookie(request.headers(), CSRF_COOKIE);
    let token = existing
        .clone()
        .unwrap_or_else(|| samenspel_app::secret::new_token().0);
    let (mut parts, body) = request.into_parts();
    let body = if parts.method == Method::POST && !parts.uri.path().starts_with("/api/") {
        let limit = if crate::ui::takes_files(parts.uri.path()) {
            crate::api::MAX_IMPORT_BYTES
        } else {
            crate::MAX_BODY_BYTES
        };
        let lang = request_lang(&parts.headers);
        let Ok(bytes) = to_bytes(body, limit).await else {
            return crate::ui::error_page(
                &AppError::Invalid(samenspel_domain::ValidationErrors::single(
                    "body",
                    "too_large",
                    samenspel_domain::msg!("error-form-too-large", "Het formulier is te groot."),
                )),
                lang,
            );
        };
        let submitted = match multipart_boundary(&parts.headers) {
            Some(boundary) => multipart_field(&bytes, &boundary, CSRF_FIELD),
            None => form_field(&bytes, CSRF_FIELD),
        };
        if existing.is_none() || submitted.as_deref() != existing.as_deref() {
            return crate::ui::csrf_refused(lang);
        }
        Body::from(bytes)
    } else {
        body
    };
    parts.extensions.insert(CsrfToken(token.clone()));
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if existing.is_none() {
        response
            .headers_mut()
            .append(SET_COOKIE, set_cookie(config, CSRF_COOKIE, &token, None));
    }
    response
}

/// The boundary of a `multipart/form-data` body (a file upload form).
fn multipart_boundary(headers: &axum::http::HeaderMap) -> Option<String> {
    let value = headers.get(axum::http::header::CONTENT_TYPE)?.to_str().ok()?;
    let (kind, params) = value.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The value of a small text field of a multipart body: the part whose headers name it, up to
/// the next boundary.
fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    text.split(delimiter.as_str()).find_map(|part| {
        let (head, value) = part.split_once("\r\n\r\n")?;
        let named = head.lines().any(|l| {
            l.to_ascii_lowercase().starts_with("content-disposition")
                && l.contains(&format!("name=\"{name}\""))
        });
        named.then(|| value.trim_end_matches("\r\n").to_owned())
    })
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The caller of an API request: a bearer token (refused with 401 when unknown, expired or
/// revoked), else — for reading only — the browser's session, else anonymous. A write through
/// the API needs a bearer token: another site's page can make the browser send its cookies,
/// never its `Authorization` header, so a write by cookie could be forged.
pub struct Who(pub Principal);

impl FromRequestParts<App> for Who {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(AUTHORIZATION) {
            let token = value
                .to_str()
                .ok()
                .and_then(|v| {
                    // The scheme name is case-insensitive (RFC 9110 §11.1).
                    let (scheme, token) = v.split_once(' ')?;
                    scheme.eq_ignore_ascii_case("bearer").then_some(token)
                })
                .unwrap_or_default()
                .trim();
            if token.is_empty() {
                return Err(ApiError::App(AppError::Unauthenticated));
            }
            return Ok(Who(app.principal_for_bearer(token).await?));
        }
        if !parts.method.is_safe() {
            return Ok(Who(Principal::Anonymous));
        }
        Ok(Who(session_principal(&parts.headers, app).await?))
    }
}

async fn session_principal(headers: &HeaderMap, app: &App) -> Result<Principal, AppError> {
    match cookie(headers, SESSION_COOKIE) {
        Some(token) => app.principal_for_session(&token).await,
        None => Ok(Principal::Anonymous),
    }
}

/// What every page needs: who is asking, the CSRF token for its forms, the session token.
pub struct PageContext {
    pub who: Principal,
    pub csrf: String,
    pub session: Option<String>,
    pub config: WebConfig,
    /// The confirmation of the save that led here, shown once.
    pub flash: Option<String>,
    /// The visitor's language ([`Lang::negotiate`]).
    pub lang: Lang,
    /// The address of this page (path and query), for the language switch to return to.
    pub path: String,
}

/// The visitor's language from the request: the cookie of an explicit choice, else
/// `Accept-Language`.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Lang::negotiate(cookie(headers, LANGUAGE_COOKIE).as_deref(), accept)
}

impl FromRequestParts<App> for PageContext {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let config = parts.extensions.get::<WebConfig>().copied().unwrap_or_default();
        let session = cookie(&parts.headers, SESSION_COOKIE);
        let who = session_principal(&parts.headers, app)
            .await
            .map_err(|e| crate::ui::error_page(&e, request_lang(&parts.headers)).into_response())?;
        Ok(PageContext {
            who,
            csrf,
            session,
            config,
            flash: crate::ui::flash::read(&parts.headers),
            lang: request_lang(&parts.headers),
            path: parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_by_name_and_checked() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; samenspel_csrf=abc123; b=2"),
        );
        assert_eq!(cookie(&headers, CSRF_COOKIE).as_deref(), Some("abc123"));
        headers.insert(COOKIE, HeaderValue::from_static("samenspel_csrf=<script>"));
        assert_eq!(cookie(&headers, CSRF_COOKIE), None);
    }

    #[test]
    fn set_cookie_has_the_flags() {
        let plain = set_cookie(WebConfig::default(), "x", "1", Some(60));
        assert_eq!(plain, "x=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
        let secure = set_cookie(
            WebConfig {
                secure_cookies: true,
                ..WebConfig::default()
            },
            "x",
            "1",
            None,
        );
        assert!(secure.to_str().unwrap().ends_with("; Secure"));
    }

    async fn address(behind_proxy: bool, forwarded: Option<&str>) -> String {
        let mut request = axum::http::Request::builder().uri("/");
        if let Some(f) = forwarded {
            request = request.header("x-forwarded-for", f);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        parts.extensions.insert(WebConfig {
            behind_proxy,
            ..WebConfig::default()
        });
        parts
            .extensions
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [10, 0, 0, 1],
                443,
            ))));
        ClientAddress::from_request_parts(&mut parts, &())
            .await
            .unwrap()
            .0
    }

    #[tokio::test]
    async fn the_client_address_is_the_peer_unless_behind_a_proxy() {
        let spoofed = Some("203.0.113.9, 198.51.100.7");
        assert_eq!(
            address(false, spoofed).await,
            "10.0.0.1",
            "a header is not trusted by default"
        );
        assert_eq!(
            address(true, spoofed).await,
            "198.51.100.7",
            "the entry the proxy added"
        );
        assert_eq!(address(true, Some("onzin")).await, "10.0.0.1");
        assert_eq!(address(true, None).await, "10.0.0.1");
    }
}
