//! The confirmation after a save ("Standpunt van Provincie Utrecht opgeslagen."): a form
//! answers "see other", and the page it leads to says what was saved, once. The message
//! travels in a short-lived cookie (HttpOnly, SameSite=Lax, Path=/), so no JavaScript and no
//! server-side state are needed; the first HTML page that follows shows it and clears it.
//!
//! The cookie holds the message's UTF-8 bytes in hexadecimal, so any Dutch text survives the
//! cookie syntax. A visitor can only ever set a message for themselves, and templates escape
//! it like any other text.

use axum::extract::Request;
use axum::http::HeaderMap;
use axum::http::header::{CONTENT_TYPE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::session::{WebConfig, cookie_value, set_cookie};

pub const FLASH_COOKIE: &str = "samenspel_melding";

/// How long a confirmation waits for its page, in seconds.
const LIFETIME_SECONDS: i64 = 60;

/// The longest message kept (in bytes); a longer one is cut at a character boundary.
const MAX_BYTES: usize = 1000;

/// "See other" to `location`, with `message` shown on the page it leads to.
pub fn see_other_saying(config: WebConfig, location: &str, message: &str) -> Response {
    let mut response = Redirect::to(location).into_response();
    response.headers_mut().append(
        SET_COOKIE,
        set_cookie(config, FLASH_COOKIE, &encode(message), Some(LIFETIME_SECONDS)),
    );
    response
}

/// The confirmation waiting for this request's page, if any.
pub fn read(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, FLASH_COOKIE).and_then(|value| decode(&value))
}

/// Clears the confirmation once a page has been rendered for a request that carried one
/// (a redirect passes it on; downloads and other non-HTML answers leave it waiting).
pub async fn show_once(request: Request, next: Next) -> Response {
    let config = request
        .extensions()
        .get::<WebConfig>()
        .copied()
        .unwrap_or_default();
    let carried = read(request.headers()).is_some();
    let mut response = next.run(request).await;
    let is_page = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if carried && is_page && !response.status().is_redirection() {
        response
            .headers_mut()
            .append(SET_COOKIE, set_cookie(config, FLASH_COOKIE, "", Some(0)));
    }
    response
}

fn encode(message: &str) -> String {
    let mut end = message.len().min(MAX_BYTES);
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    message.as_bytes()[..end]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn decode(value: &str) -> Option<String> {
    if value.is_empty() || value.len() > 2 * MAX_BYTES || !value.len().is_multiple_of(2) {
        return None;
    }
    let bytes = (0..value.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(value.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use axum::http::header::COOKIE;

    #[test]
    fn a_message_survives_the_cookie() {
        let message = "Standpunt van Provincie Utrecht opgeslagen — ‘fase één’.";
        let value = encode(message);
        assert!(value.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(decode(&value).as_deref(), Some(message));
    }

    #[test]
    fn a_long_message_is_cut_at_a_character() {
        let message = "é".repeat(MAX_BYTES);
        let decoded = decode(&encode(&message)).unwrap_or_default();
        assert_eq!(decoded.len(), MAX_BYTES);
        assert!(decoded.chars().all(|c| c == 'é'));
    }

    #[test]
    fn a_forged_cookie_is_ignored() {
        for value in ["", "zz", "abc", "c3", &"41".repeat(MAX_BYTES + 1)] {
            assert_eq!(decode(value), None, "{value}");
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; samenspel_melding=4f4b; b=2"),
        );
        assert_eq!(read(&headers).as_deref(), Some("OK"));
    }
}
