//! The crate's own error, so that `?` works on `sqlx` and `serde_json` errors inside the store
//! code; it becomes a [`StoreError`] once, where a trait method returns.

use samenspel_domain::ValidationErrors;
use samenspel_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// An answer the store gives on purpose (not found, conflict, invalid).
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// A value that could not be written or read as JSON (an audit payload, a stored record).
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl From<ValidationErrors> for Error {
    fn from(errors: ValidationErrors) -> Self {
        Error::Store(StoreError::Invalid(errors))
    }
}

/// A conversion that cannot fail (a row read with `From`) in the place of one that can.
impl From<std::convert::Infallible> for Error {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl From<Error> for StoreError {
    fn from(error: Error) -> Self {
        match error {
            Error::Store(error) => error,
            Error::Sql(error) if unreachable(&error) => StoreError::Unavailable(Box::new(error)),
            Error::Sql(error) => StoreError::Database(Box::new(error)),
            Error::Json(error) => StoreError::Database(Box::new(error)),
        }
    }
}

/// Whether a failed statement failed because the database could not be reached rather than
/// because of the statement: no connection within the pool's wait, a connection refused or
/// broken, or the server refusing work while it starts or stops (SQLSTATE class 08, the
/// 57P0x shutdown codes, 53300 too many connections).
pub(crate) fn unreachable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(d) => d
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P0") || code == "53300"),
        _ => false,
    }
}

/// A stored value the code does not recognise: the database was changed outside Samenspel.
pub(crate) fn corrupt(what: &str, value: &str) -> Error {
    Error::Store(StoreError::Database(
        format!("unexpected {what} in database: {value:?}").into(),
    ))
}

/// A value kept as JSON text in a column, read back; text that does not parse is [`corrupt`].
pub(crate) fn stored_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|_| corrupt(what, text))
}

/// A kind of constraint of the schema that a statement can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Constraint {
    Unique,
    ForeignKey,
}

impl Constraint {
    /// The constraint the failed statement broke, if that is why it failed.
    pub(crate) fn broken_by(e: &sqlx::Error) -> Option<Constraint> {
        let d = e.as_database_error()?;
        if d.is_unique_violation() {
            Some(Constraint::Unique)
        } else if d.is_foreign_key_violation() {
            Some(Constraint::ForeignKey)
        } else {
            None
        }
    }

    /// The error of a failed statement: `refusal` (what breaking this constraint means to the
    /// user) where it broke this constraint, the database's error otherwise.
    pub(crate) fn refuses<E: Into<Error>>(
        self,
        refusal: impl FnOnce() -> E,
    ) -> impl FnOnce(sqlx::Error) -> Error {
        move |e| {
            if Constraint::broken_by(&e) == Some(self) {
                refusal().into()
            } else {
                e.into()
            }
        }
    }
}

/// Runs a trait method's body, which speaks [`Error`], and answers in [`StoreError`]: the one
/// place the conversion happens.
pub(crate) async fn boundary<T>(body: impl Future<Output = Result<T>>) -> Result<T, StoreError> {
    Ok(body.await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreachable_database_is_unavailable_and_a_bad_statement_is_not() {
        let refused = || std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        for error in [
            sqlx::Error::PoolTimedOut,
            sqlx::Error::PoolClosed,
            sqlx::Error::Io(refused()),
        ] {
            assert!(
                matches!(StoreError::from(Error::Sql(error)), StoreError::Unavailable(_)),
                "unavailable"
            );
        }
        for error in [
            sqlx::Error::RowNotFound,
            sqlx::Error::Protocol("unexpected message".into()),
            sqlx::Error::ColumnNotFound("naam".into()),
        ] {
            assert!(
                matches!(StoreError::from(Error::Sql(error)), StoreError::Database(_)),
                "an error of the statement, not of reaching the database"
            );
        }
    }
}
