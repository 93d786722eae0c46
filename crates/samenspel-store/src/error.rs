//! What a store method answers besides success. `Database` keeps the underlying error as its
//! source, so whoever logs it can log the whole chain.

use samenspel_domain::{Message, ValidationErrors};

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("niet gevonden")]
    NotFound,
    /// The change conflicts with the current state (a stale version, a duplicate key); the
    /// message says so (see [`crate::conflict`]).
    #[error("conflict: {0}")]
    Conflict(Message),
    /// The change breaks a rule that only the database can check (e.g. the partner does not
    /// exist); carries field errors for the user.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// Anything else from the database; the message is for the log, not the user.
    #[error("database error: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The database cannot be reached now (refused or lost connection, no connection free
    /// within the pool's wait, the server shutting down): nothing was changed, and the same
    /// request may succeed later. The source is for the log.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("{0}")]
    UnsupportedUrl(String),
}
