//! The SQLite backend: the embedded default. WAL journal synced at every commit (durable even
//! if the machine stops right after), foreign keys on, a busy timeout so concurrent writers
//! wait instead of failing (write transactions begin with `BEGIN IMMEDIATE`, see
//! `samenspel-store-sql`).

use std::str::FromStr;
use std::time::Duration;

use samenspel_store::{StoreError, StoreResult};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// The store on SQLite: the shared SQL compiled for [`sqlx::Sqlite`].
pub type SqliteStore = samenspel_store_sql::sqlite::SqlStore;

static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// Opens (and creates, if missing) the database at a `sqlite:` URL.
pub async fn connect(url: &str) -> StoreResult<SqliteStore> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::UnsupportedUrl(format!("Ongeldige SQLite-URL '{url}': {e}")))?
        .create_if_missing(true)
        .foreign_keys(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Database(Box::new(e)))?;
    Ok(SqliteStore::new(pool, &MIGRATOR))
}
