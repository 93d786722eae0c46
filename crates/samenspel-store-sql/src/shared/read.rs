//! Reading rows into domain values: the rows a statement selects, each converted with the
//! `TryFrom` (or `From`) next to its row struct. One place for the fetch-then-convert steps,
//! from the pool or from a connection inside a transaction.

use samenspel_store::StoreError;
use sqlx::query::QueryAs;

use super::{Arguments, Db};
use crate::error::{Error, Result};

/// A statement that selects rows `R`, with its bind values.
type Query<'q, R> = QueryAs<'q, Db, R, Arguments>;

/// A `#[derive(sqlx::FromRow)]` struct of this backend.
pub(super) trait Row: for<'r> sqlx::FromRow<'r, <Db as sqlx::Database>::Row> + Send + Unpin {}

impl<R> Row for R where R: for<'r> sqlx::FromRow<'r, <Db as sqlx::Database>::Row> + Send + Unpin {}

/// A domain value made from a row `R` by its `TryFrom` (or `From`).
pub(super) trait FromRowOf<R>: TryFrom<R, Error: Into<Error>> {}

impl<R, T> FromRowOf<R> for T where T: TryFrom<R, Error: Into<Error>> {}

fn convert<R, T: FromRowOf<R>>(row: R) -> Result<T> {
    T::try_from(row).map_err(Into::into)
}

/// Every row `query` selects, converted.
pub(super) async fn fetch_all_into<'c, R: Row, T: FromRowOf<R>>(
    query: Query<'_, R>,
    executor: impl sqlx::Executor<'c, Database = Db>,
) -> Result<Vec<T>> {
    query
        .fetch_all(executor)
        .await?
        .into_iter()
        .map(convert)
        .collect()
}

/// The row `query` selects, if there is one, converted.
pub(super) async fn fetch_optional_into<'c, R: Row, T: FromRowOf<R>>(
    query: Query<'_, R>,
    executor: impl sqlx::Executor<'c, Database = Db>,
) -> Result<Option<T>> {
    query.fetch_optional(executor).await?.map(convert).transpose()
}

/// The row `query` selects, converted; no row: not found.
pub(super) async fn fetch_existing_into<'c, R: Row, T: FromRowOf<R>>(
    query: Query<'_, R>,
    executor: impl sqlx::Executor<'c, Database = Db>,
) -> Result<T> {
    fetch_optional_into(query, executor)
        .await?
        .ok_or(Error::Store(StoreError::NotFound))
}
