//! The store's code, written once against `Db` and compiled once per backend (see the crate
//! docs). One file per module: its statements, the row structs they read, and its trait
//! implementation.

use async_trait::async_trait;
use samenspel_store::{Store, StoreResult};
use sqlx::migrate::Migrator;

use super::{BACKEND, BEGIN_WRITE, Db, SEARCH_FROM, SEARCH_ORDER, search_expression};

mod accounts;
mod attachments;
mod audit;
mod bulk;
mod collaborations;
mod control;
mod costs;
mod export;
mod id_runs;
mod limits;
mod listings;
mod medebewind;
mod money;
mod moore;
mod organisations;
mod participation;
mod read;
mod register;
mod register_add;
mod search;
mod signals;
mod staat;
mod stances;
mod survey;
mod udo;
mod udo_documents;
mod udo_reactions;
mod versioned;
mod versions;
mod write;

/// A connection of this backend (plain, or inside a transaction).
type Conn = <Db as sqlx::Database>::Connection;

/// Bind values gathered before the statement is chosen or shared by two statements (a
/// list's count and page; a collaboration's fields in the insert and the update).
type Arguments = <Db as sqlx::Database>::Arguments;

/// Adds one bind value.
fn push<'q, T: sqlx::Encode<'q, Db> + sqlx::Type<Db>>(
    args: &mut Arguments,
    value: T,
) -> crate::error::Result<()> {
    sqlx::Arguments::add(args, value).map_err(sqlx::Error::Encode)?;
    Ok(())
}

/// The store: a connection pool and the backend's migrations.
pub struct SqlStore {
    pool: sqlx::Pool<Db>,
    migrator: &'static Migrator,
}

impl SqlStore {
    /// Wraps a pool the backend crate set up; `migrator` holds that crate's migrations.
    pub fn new(pool: sqlx::Pool<Db>, migrator: &'static Migrator) -> Self {
        Self { pool, migrator }
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn migrate(&self) -> StoreResult<()> {
        self.migrator
            .run(&self.pool)
            .await
            .map_err(|e| samenspel_store::StoreError::Database(Box::new(e)))?;
        crate::error::boundary(async {
            self.bring_search_up_to_date().await?;
            self.bring_signals_up_to_date().await
        })
        .await
    }

    fn backend(&self) -> &'static str {
        BACKEND
    }

    async fn pending_migrations(&self) -> StoreResult<Vec<i64>> {
        crate::error::boundary(async {
            let applied: Vec<i64> =
                sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                    .fetch_all(&self.pool)
                    .await?;
            Ok(self
                .migrator
                .iter()
                .map(|m| m.version)
                .filter(|v| !applied.contains(v))
                .collect())
        })
        .await
    }

    async fn backup_into(&self, target: &str) -> StoreResult<()> {
        if BACKEND != "sqlite" {
            return Err(samenspel_store::StoreError::UnsupportedUrl(
                "Een reservekopie van PostgreSQL maakt u met pg_dump (zie docs/DEPLOY.md).".to_owned(),
            ));
        }
        crate::error::boundary(async {
            sqlx::query("VACUUM INTO $1")
                .bind(target)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    async fn data_version(&self) -> StoreResult<i64> {
        crate::error::boundary(SqlStore::data_version(self)).await
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn admit_hit(
        &self,
        scope: &str,
        key: &str,
        limit: u32,
        window_seconds: i64,
        now: i64,
    ) -> StoreResult<bool> {
        crate::error::boundary(limits::admit_hit(self, scope, key, limit, window_seconds, now)).await
    }

    fn pool_state(&self) -> (u32, u32) {
        let idle = u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX);
        (self.pool.size(), idle)
    }

    async fn audit_action_counts(&self) -> StoreResult<Vec<(String, u64)>> {
        crate::error::boundary(async {
            let rows: Vec<(String, i64)> =
                sqlx::query_as("SELECT action, COUNT(*) FROM audit_events GROUP BY action ORDER BY action")
                    .fetch_all(&self.pool)
                    .await?;
            Ok(rows
                .into_iter()
                .map(|(action, n)| (action, u64::try_from(n).unwrap_or(0)))
                .collect())
        })
        .await
    }
}
