//! The one ending of every form handler: a save answers "see other" and the next page says
//! what was saved; refused input shows the form again with 422 and its messages beside the
//! fields; anything else becomes the error page.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use samenspel_app::AppError;
use samenspel_domain::ValidationErrors;

use super::flash::see_other_saying;
use super::render;
use crate::error::{PageError, PageResult};
use crate::session::PageContext;

/// Where a successful save leads, and the confirmation shown there.
pub struct Saved {
    pub location: String,
    /// None when the page it leads to is itself the confirmation (the survey's thanks page).
    pub message: Option<String>,
}

impl Saved {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            message: Some(message.into()),
        }
    }

    /// To one of a collaboration's pages: `page` is "" for the collaboration itself, or the
    /// rest of the address ("/geld", "?fase=…").
    pub fn at_collaboration(id: i64, page: &str, message: impl Into<String>) -> Self {
        Self::new(format!("/samenwerkingen/{id}{page}"), message)
    }

    /// To a page that says by itself what was saved.
    pub fn to_confirmation_page(location: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            message: None,
        }
    }

    /// The "see other" answer carrying the confirmation.
    pub fn answer(self, ctx: &PageContext) -> PageResult {
        Ok(match &self.message {
            Some(message) => see_other_saying(ctx.config, &self.location, message),
            None => Redirect::to(&self.location).into_response(),
        })
    }
}

/// Answers a form submission: `saved` says where a success leads and what to say there;
/// `refused` builds the form again with the messages of refused input.
pub async fn form_outcome<T, P: Template>(
    ctx: &PageContext,
    result: Result<T, AppError>,
    saved: impl FnOnce(T) -> Saved,
    refused: impl AsyncFnOnce(ValidationErrors) -> Result<P, PageError>,
) -> PageResult {
    match result {
        Ok(value) => saved(value).answer(ctx),
        Err(AppError::Invalid(errors)) => {
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &refused(errors).await?))
        }
        Err(e) => Err(e.into()),
    }
}
