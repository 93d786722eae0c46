//! Extractors whose rejections are problem+json with the offending field named.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use samenspel_domain::{Message, ValidationErrors};
use serde::de::DeserializeOwned;

use super::reasons;
use crate::error::ApiError;

pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::TooLarge {
            limit_bytes: crate::MAX_BODY_BYTES,
        };
    }
    let reason = match rejection {
        JsonRejection::MissingJsonContentType(_) => reasons::not_json(),
        JsonRejection::JsonSyntaxError(e) => reasons::json_syntax(&cause(e)),
        JsonRejection::JsonDataError(e) => reasons::json_data(&cause(e)),
        other => Message::plain(other.body_text()),
    };
    ApiError::BadRequest {
        name: "body".into(),
        reason,
    }
}

/// The library's own words for what went wrong (serde's, in English), without axum's
/// preamble ("Failed to parse the request body as JSON: "), which the reason says instead.
fn cause(rejection: &(dyn std::error::Error + 'static)) -> String {
    rejection
        .source()
        .map_or_else(|| rejection.to_string(), ToString::to_string)
}

/// A whole uploaded file (an import), at most [`crate::api::MAX_IMPORT_BYTES`].
pub struct ApiFile(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiFile {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Bytes::from_request(request, state)
            .await
            .map(Self)
            .map_err(|e: BytesRejection| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::TooLarge {
                        limit_bytes: crate::api::MAX_IMPORT_BYTES,
                    }
                } else {
                    ApiError::BadRequest {
                        name: "body".into(),
                        reason: Message::plain(e.body_text()),
                    }
                }
            })
    }
}

pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|e: QueryRejection| ApiError::BadRequest {
                name: "query".into(),
                reason: match &e {
                    QueryRejection::FailedToDeserializeQueryString(inner) => reasons::query(&cause(inner)),
                    other => Message::plain(other.body_text()),
                },
            })
    }
}

/// The query string's pairs in order, a parameter as often as it is given (for filters that
/// take several values).
pub struct ApiQueryPairs(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for ApiQueryPairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        serde_urlencoded::from_str(parts.uri.query().unwrap_or_default())
            .map(Self)
            .map_err(|e| ApiError::BadRequest {
                name: "query".into(),
                reason: reasons::query(&e.to_string()),
            })
    }
}

pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|e: PathRejection| ApiError::BadRequest {
                name: "path".into(),
                reason: match &e {
                    PathRejection::FailedToDeserializePathParams(inner) => {
                        reasons::path(&inner.kind().to_string())
                    }
                    other => Message::plain(other.body_text()),
                },
            })
    }
}

/// The `version` a change is based on, which the body must carry (a stale one is then
/// refused with 409 by the store).
pub(super) fn required_version(version: Option<i64>) -> Result<i64, ValidationErrors> {
    version.ok_or_else(|| {
        ValidationErrors::single(
            "version",
            "required",
            samenspel_domain::msg!(
                "error-version-required",
                "Geef de versie waarop de wijziging is gebaseerd."
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::extract::DefaultBodyLimit;
    use axum::routing::post;
    use tower::ServiceExt;

    use super::*;

    async fn post_to(path: &str, body: &'static str) -> (StatusCode, String) {
        let app = Router::new()
            .route(
                "/file",
                post(|ApiFile(b): ApiFile| async move { b.len().to_string() }),
            )
            .route(
                "/json",
                post(|ApiJson(v): ApiJson<serde_json::Value>| async move { v.to_string() }),
            )
            .layer(DefaultBodyLimit::max(8));
        let request = Request::post(path)
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = to_bytes(response.into_body(), 1 << 16).await.unwrap();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_413_naming_the_limit() {
        assert_eq!(post_to("/file", "1234").await, (StatusCode::OK, "4".into()));
        let (status, problem) = post_to("/file", "\"123456789\"").await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            problem.contains("Stuur hoogstens 32 MB per verzoek."),
            "{problem}"
        );
        let (status, problem) = post_to("/json", "\"123456789\"").await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            problem.contains("Stuur hoogstens 256 kB per verzoek."),
            "{problem}"
        );
        let (status, problem) = post_to("/json", "[1,").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    }

    #[tokio::test]
    async fn a_malformed_body_is_named_with_serdes_words_after_ours() {
        let (status, problem) = post_to("/json", "[1,").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        let problem: serde_json::Value = serde_json::from_str(&problem).unwrap();
        assert_eq!(
            problem["invalidParams"][0]["reason"],
            "De JSON is niet goed gevormd: EOF while parsing a value at line 1 column 3",
            "without axum's own preamble"
        );
    }
}
