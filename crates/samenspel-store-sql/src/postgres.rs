//! The store on PostgreSQL: `src/shared/` compiled for [`sqlx::Postgres`].

/// The database the shared code is compiled for.
pub type Db = sqlx::Postgres;

/// Row locks (the audit head, the rows written) order concurrent writers on PostgreSQL.
const BEGIN_WRITE: &str = "BEGIN";

const BACKEND: &str = "postgres";

/// Search candidates: the Dutch text-search vector over the folded text (see migration 0010).
const SEARCH_FROM: &str = "search_items s WHERE s.document @@ to_tsquery('dutch', $1)";

/// The database's own rank of a candidate, best first.
const SEARCH_ORDER: &str = "ts_rank(s.document, to_tsquery('dutch', $1)) DESC";

/// The `tsquery`: every word, as the start of a lexeme (`utr:* & woondeal:*`). The words are
/// folded to letters and digits, so they carry no query syntax; a Dutch stop word drops out.
fn search_expression(terms: &[String]) -> String {
    terms
        .iter()
        .map(|term| format!("{term}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

#[path = "shared/mod.rs"]
mod shared;

pub use shared::SqlStore;
