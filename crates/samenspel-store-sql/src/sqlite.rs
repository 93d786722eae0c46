//! The store on SQLite: `src/shared/` compiled for [`sqlx::Sqlite`].

/// The database the shared code is compiled for.
pub type Db = sqlx::Sqlite;

/// Takes the write lock at once: a deferred `BEGIN` that reads before it writes is refused
/// ("database is locked") when another connection commits in between, without waiting for
/// the busy timeout.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

const BACKEND: &str = "sqlite";

#[path = "shared/mod.rs"]
mod shared;

pub use shared::SqlStore;
