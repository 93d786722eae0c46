//! The path parameters of a page. An address whose parameter cannot be read (a letter where a
//! number belongs, a number too large) names no page, so it gets the "not found" page
//! rather than the framework's plain-text message (in the visitor's language).

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::Response;
use samenspel_app::AppError;
use serde::de::DeserializeOwned;

pub struct PagePath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for PagePath<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| Self(value))
            .map_err(|_| {
                let lang = crate::session::request_lang(&parts.headers);
                super::error_page(&AppError::NotFound("pagina"), lang)
            })
    }
}
