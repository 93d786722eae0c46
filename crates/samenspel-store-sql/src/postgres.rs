//! The store on PostgreSQL: `src/shared/` compiled for [`sqlx::Postgres`].

/// The database the shared code is compiled for.
pub type Db = sqlx::Postgres;

/// Row locks (the audit head, the rows written) order concurrent writers on PostgreSQL.
const BEGIN_WRITE: &str = "BEGIN";

const BACKEND: &str = "postgres";

#[path = "shared/mod.rs"]
mod shared;

pub use shared::SqlStore;
