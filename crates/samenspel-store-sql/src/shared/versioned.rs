//! Records an edit must name the version of (UDO dossiers, medebewind tasks): the edit is
//! refused with the record's conflict when someone saved it since, whether that shows when
//! the record is read or only when the update finds no row at the version it names.

use super::{Arguments, Conn, Db};
use crate::error::{Error, Result};

/// An update statement with its bind values.
type Update<'q> = sqlx::query::Query<'q, Db, Arguments>;

/// A stored record with the version an edit must be based on.
pub(super) trait Versioned {
    fn version(&self) -> i64;

    /// The conflict of an edit based on another version than this record's.
    fn stale(&self) -> Error;
}

/// `record` if it is still at version `expected`, else its conflict.
pub(super) fn still_at<R: Versioned>(record: R, expected: i64) -> Result<R> {
    if record.version() != expected {
        return Err(record.stale());
    }
    Ok(record)
}

/// Runs `update`, which changes the row only while it is at the version `before` was read
/// at; when it changed nothing, `before`'s conflict.
pub(super) async fn update_versioned(
    conn: &mut Conn,
    before: &impl Versioned,
    update: Update<'_>,
) -> Result<()> {
    let changed = update.execute(&mut *conn).await?.rows_affected();
    if changed == 0 {
        return Err(before.stale());
    }
    Ok(())
}
