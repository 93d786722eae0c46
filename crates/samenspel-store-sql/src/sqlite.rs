//! The store on SQLite: `src/shared/` compiled for [`sqlx::Sqlite`].

/// The database the shared code is compiled for.
pub type Db = sqlx::Sqlite;

/// Takes the write lock at once: a deferred `BEGIN` that reads before it writes is refused
/// ("database is locked") when another connection commits in between, without waiting for
/// the busy timeout.
const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

const BACKEND: &str = "sqlite";

/// Search candidates: the FTS5 index over the folded text (see migration 0010).
const SEARCH_FROM: &str =
    "search_fts JOIN search_items s ON s.id = search_fts.rowid WHERE search_fts MATCH $1";

/// The database's own rank of a candidate, best first.
const SEARCH_ORDER: &str = "bm25(search_fts, 6.0, 5.0, 1.0)";

/// The FTS5 query: every word, as the start of an indexed word (`"utr"* "woondeal"*`).
/// The words are folded to letters and digits, so quoting them is enough.
fn search_expression(terms: &[String]) -> String {
    terms
        .iter()
        .map(|term| format!("\"{term}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[path = "shared/mod.rs"]
mod shared;

pub use shared::SqlStore;
