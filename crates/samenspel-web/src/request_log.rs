//! One log line per request: method, the route's path template, status, duration and a request
//! id, which is also sent back in the `X-Request-Id` header so a user's report can be found in
//! the log. Only the template is logged (`/samenwerkingen/{id}`), never the path as sent, its
//! query, headers or body: invitation tokens travel in paths and queries, passwords in bodies,
//! session and bearer tokens in headers. A request that matches no route is logged as `-`.
//!
//! The lines go through `tracing` (target `samenspel::http`); `SAMENSPEL_LOG_FORMAT=json`
//! makes the binary write them as JSON lines.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// The response header that carries the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Logs the request once it is answered and adds its id to the response.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(request.headers().get(REQUEST_ID_HEADER));
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "-".to_owned(), |path| path.as_str().to_owned());
    let mut response = next.run(request).await;
    let status = response.status().as_u16();
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        target: "samenspel::http",
        request_id = %id,
        method = %method,
        route = %route,
        status,
        duration_ms = format_args!("{duration_ms:.3}"),
        "request"
    );
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    response
}

/// The id a proxy in front already gave the request, when it is a plain token of at most 64
/// letters, digits and dashes (anything else could forge log lines); otherwise a new random one.
fn request_id(given: Option<&HeaderValue>) -> String {
    given
        .and_then(|value| value.to_str().ok())
        .filter(|value| is_plain_id(value))
        .map_or_else(new_id, str::to_owned)
}

fn is_plain_id(value: &str) -> bool {
    (1..=64).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn new_id() -> String {
    samenspel_domain::audit::hex(&rand::random::<[u8; 12]>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_id_from_a_proxy_is_kept_and_anything_else_replaced() {
        let keep = HeaderValue::from_static("abc-123-DEF");
        assert_eq!(request_id(Some(&keep)), "abc-123-DEF");
        for bad in ["a b", "x\"y", "line\\nbreak", "", &"a".repeat(65)] {
            let value = HeaderValue::from_str(bad).ok();
            let id = request_id(value.as_ref());
            assert_ne!(id, bad);
            assert_eq!(id.len(), 24, "{bad:?} gave {id}");
            assert!(is_plain_id(&id));
        }
        assert_ne!(request_id(None), request_id(None));
    }
}
