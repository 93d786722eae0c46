//! Many rows in few statements, for the imports: each statement is one round trip to the
//! database (on SQLite, a hand-over to its worker thread and back), and an import of 10,000
//! collaborations made ~140,000 of them — the hand-overs, not SQLite, took most of its time.
//! Rows go [`CHUNK`] at a time, so a table's statement has at most two texts (a full chunk and
//! the rest), which the connection keeps prepared.

use sqlx::query_builder::Separated;
use sqlx::{Encode, QueryBuilder, Type};

use super::{Arguments, Conn, Db};
use crate::error::{Error, Result};

/// Rows one statement writes or names at most (a collaboration has 19 columns: 1,900 bind
/// values, well within both databases' limits).
pub(super) const CHUNK: usize = 100;

/// Somewhere to put bind values in order: a statement's arguments, or one row of a
/// multi-row `VALUES` list.
pub(super) trait Binds {
    fn value<'t, T: Encode<'t, Db> + Type<Db>>(&mut self, value: T) -> Result<()>;
}

/// A statement's arguments as [`Binds`] (a wrapper: the backend's argument type is only known
/// through `Db`, and a direct implementation would overlap the one for `Separated`).
pub(super) struct ArgumentsOf<'a>(pub &'a mut Arguments);

impl Binds for ArgumentsOf<'_> {
    fn value<'t, T: Encode<'t, Db> + Type<Db>>(&mut self, value: T) -> Result<()> {
        sqlx::Arguments::add(self.0, value).map_err(sqlx::Error::Encode)?;
        Ok(())
    }
}

impl Binds for Separated<'_, Db, &'static str> {
    fn value<'t, T: Encode<'t, Db> + Type<Db>>(&mut self, value: T) -> Result<()> {
        self.push_bind(value);
        Ok(())
    }
}

/// `head` ("INSERT INTO t (a, b) ") followed by `VALUES (…), (…)` for `rows`, each row's
/// values pushed by `bind`, and `tail` (e.g. "RETURNING id"); the first error of `bind` wins.
pub(super) fn values_statement<T>(
    head: &str,
    rows: &[T],
    tail: &str,
    mut bind: impl FnMut(&mut Separated<'_, Db, &'static str>, &T) -> Result<()>,
) -> Result<QueryBuilder<Db>> {
    let mut builder = QueryBuilder::<Db>::new(head);
    let mut failed: Option<Error> = None;
    builder.push_values(rows, |mut row, item| {
        if failed.is_none() {
            failed = bind(&mut row, item).err();
        }
    });
    builder.push(tail);
    match failed {
        Some(e) => Err(e),
        None => Ok(builder),
    }
}

/// Inserts `rows`, [`CHUNK`] at a time; see [`values_statement`].
pub(super) async fn insert_rows<T>(
    conn: &mut Conn,
    head: &str,
    rows: &[T],
    mut bind: impl FnMut(&mut Separated<'_, Db, &'static str>, &T) -> Result<()>,
) -> Result<()> {
    for chunk in rows.chunks(CHUNK) {
        values_statement(head, chunk, "", &mut bind)?
            .build()
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Runs `head` ("DELETE FROM t WHERE k IN ") with `keys` as its list, [`CHUNK`] at a time;
/// returns the number of rows removed.
pub(super) async fn delete_in<K>(conn: &mut Conn, head: &str, keys: &[K]) -> Result<u64>
where
    for<'t> &'t K: Encode<'t, Db> + Type<Db>,
{
    let mut removed = 0;
    for chunk in keys.chunks(CHUNK) {
        let mut builder = QueryBuilder::<Db>::new(head);
        builder.push("(");
        let mut list = builder.separated(", ");
        for key in chunk {
            list.push_bind(key);
        }
        builder.push(")");
        removed += builder.build().execute(&mut *conn).await?.rows_affected();
    }
    Ok(removed)
}
