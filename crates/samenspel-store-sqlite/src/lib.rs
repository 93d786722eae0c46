//! The SQLite backend: the embedded default. WAL journal synced at every commit (durable even
//! if the machine stops right after), foreign keys on, a busy timeout so
//! concurrent writers wait instead of failing.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use samenspel_store::{Store, StoreError, StoreResult};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub struct SqliteStore {
    pool: sqlx::SqlitePool,
}

impl SqliteStore {
    /// Opens (and creates, if missing) the database at a `sqlite:` URL.
    pub async fn connect(url: &str) -> StoreResult<Self> {
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
            .map_err(|e| StoreError::Database(e.to_string()))?;
        Ok(Self { pool })
    }
}

samenspel_store_sql::impl_sql_store!(crate::SqliteStore, ::sqlx::Sqlite);

#[async_trait]
impl Store for SqliteStore {
    async fn migrate(&self) -> StoreResult<()> {
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(e.to_string()))
    }

    fn backend(&self) -> &'static str {
        "sqlite"
    }
}
