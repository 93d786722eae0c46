//! The PostgreSQL backend: the production database. Several app servers may share one.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use samenspel_store::{Store, StoreError, StoreResult};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

pub struct PostgresStore {
    pool: sqlx::PgPool,
}

impl PostgresStore {
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::UnsupportedUrl(format!("Ongeldige PostgreSQL-URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Database(e.to_string()))?;
        Ok(Self { pool })
    }
}

samenspel_store_sql::impl_sql_store!(crate::PostgresStore, ::sqlx::Postgres);

#[async_trait]
impl Store for PostgresStore {
    async fn migrate(&self) -> StoreResult<()> {
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(e.to_string()))
    }

    fn backend(&self) -> &'static str {
        "postgres"
    }
}
