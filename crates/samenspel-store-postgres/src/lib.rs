//! The PostgreSQL backend: the production database. Several app servers may share one.

use std::str::FromStr;
use std::time::Duration;

use samenspel_store::{StoreError, StoreResult};
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

/// The store on PostgreSQL: the shared SQL compiled for [`sqlx::Postgres`].
pub type PostgresStore = samenspel_store_sql::postgres::SqlStore;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// How long a request waits for a connection from the pool (see [`connect`]).
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// Connects to the database at a `postgres:` URL.
pub async fn connect(url: &str) -> StoreResult<PostgresStore> {
    let options = PgConnectOptions::from_str(url)
        .map_err(|e| StoreError::UnsupportedUrl(format!("Ongeldige PostgreSQL-URL: {e}")))?;
    // A request waits at most ACQUIRE_TIMEOUT for a connection: long enough to ride out a
    // moment of load or a quick restart of PostgreSQL, short enough that a visitor gets the
    // 503 page ("try again in a few seconds") instead of a request that seems to hang.
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Database(Box::new(e)))?;
    Ok(PostgresStore::new(pool, &MIGRATOR))
}
