//! What a use case answers besides success, and how store errors become that.

use samenspel_domain::{Message, ValidationErrors};
use samenspel_store::StoreError;

pub type AppResult<T> = Result<T, AppError>;

/// What a use case can answer besides success. The web layer maps each to one HTTP status
/// and one page; the messages are for the user (a [`Message`], shown in the visitor's
/// language), except `Internal`, which is logged with its source chain and replaced by a
/// generic message.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0} niet gevonden")]
    NotFound(&'static str),
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error("{0}")]
    Conflict(Message),
    /// Not possible in the state the thing is in (a closed wave): 409 with its own heading.
    /// Boxed, so every `AppResult` stays small; made with [`AppError::unavailable`].
    #[error("{message}")]
    Unavailable {
        title: Box<Message>,
        message: Box<Message>,
    },
    /// Not signed in (or the token is unknown, expired or revoked).
    #[error("niet aangemeld")]
    Unauthenticated,
    /// Signed in, but the permission table does not allow it.
    #[error("{0}")]
    Forbidden(samenspel_domain::Message),
    /// Too many failed sign-ins; the message says when to try again.
    #[error("{0}")]
    TooManyAttempts(Message),
    /// The database cannot be reached now; nothing was changed and trying again later may
    /// work (503 with `Retry-After`). The source is logged, never shown.
    #[error("database niet bereikbaar: {0}")]
    DatabaseUnavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("interne fout: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    /// Not possible now: `title` heads the page that says `message`.
    pub fn unavailable(title: Message, message: Message) -> Self {
        AppError::Unavailable {
            title: Box::new(title),
            message: Box::new(message),
        }
    }

    /// An internal error from an error value (kept as the source) or a message.
    pub fn internal(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound("gegeven"),
            StoreError::Conflict(message) => AppError::Conflict(message),
            StoreError::Invalid(errors) => AppError::Invalid(errors),
            database @ StoreError::Database(_) => AppError::Internal(Box::new(database)),
            StoreError::Unavailable(source) => AppError::DatabaseUnavailable(source),
            StoreError::UnsupportedUrl(message) => AppError::Internal(message.into()),
        }
    }
}
