//! For `samenspel bench udo-dashboard`: the fresh database it loads (a temporary SQLite file,
//! or a new database on the PostgreSQL server named with `--database`, dropped afterwards),
//! and its peer: the dashboard's column-backed counts as one plain SQL `GROUP BY` over the
//! same table, on its own connection to the same database.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use sqlx::{Connection, PgConnection, SqliteConnection};

use crate::bench_udo::stats;

/// A database made for one run.
pub struct Fresh {
    pub url: String,
    /// The server's URL and the database's name, when it was created on PostgreSQL.
    created: Option<(String, String)>,
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// `url` with its database name replaced by `name` (query string kept).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host = base[scheme_end..]
        .find('/')
        .map_or(base, |i| &base[..i + scheme_end]);
    match query {
        Some(q) => format!("{host}/{name}?{q}"),
        None => format!("{host}/{name}"),
    }
}

/// Without `database`: a new SQLite file in `dir`. With a PostgreSQL URL: a new database on
/// that server. Another URL (a SQLite file) is used as given: name a file that does not exist.
pub async fn fresh_database(database: Option<&str>, dir: &Path) -> anyhow::Result<Fresh> {
    match database {
        None => Ok(Fresh {
            url: format!("sqlite://{}", dir.join("bench.db").display()),
            created: None,
        }),
        Some(url) if is_postgres(url) => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let name = format!("samenspel_bench_{}_{nanos}", std::process::id());
            let mut admin = PgConnection::connect(url)
                .await
                .with_context(|| format!("kan PostgreSQL niet bereiken ({})", crate::redact(url)))?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .context("een nieuwe database maken")?;
            Ok(Fresh {
                url: with_database(url, &name),
                created: Some((url.to_owned(), name)),
            })
        }
        Some(url) => Ok(Fresh {
            url: url.to_owned(),
            created: None,
        }),
    }
}

impl Fresh {
    /// Drops the database when this run created it on PostgreSQL (a failure is reported).
    pub async fn drop_database(&self) {
        let Some((admin_url, name)) = &self.created else {
            return;
        };
        let dropped = async {
            let mut admin = PgConnection::connect(admin_url).await?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await
        }
        .await;
        if let Err(error) = dropped {
            eprintln!("Let op: de database {name} is niet verwijderd: {error}");
        }
    }
}

/// A temporary folder and a fresh database for one benchmark run (see [`fresh_database`]).
pub struct Scratch {
    dir: tempfile::TempDir,
    fresh: Fresh,
}

impl Scratch {
    pub async fn new(database: Option<&str>) -> anyhow::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("samenspel-bench-")
            .tempdir()
            .context("kan geen tijdelijke map maken")?;
        let fresh = fresh_database(database, dir.path()).await?;
        Ok(Self { dir, fresh })
    }

    pub fn url(&self) -> &str {
        &self.fresh.url
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Drops the database when it was made on PostgreSQL, and removes the folder.
    pub async fn remove(self) {
        self.fresh.drop_database().await;
        self.dir.close().ok();
    }
}

/// The counts per ministry and year the columns hold: dossiers, consulted, UDO outcome before
/// the consultation, term kept, co-signing.
const COUNTS: &str = "COUNT(*), \
     SUM(CASE WHEN consultation_opened_on IS NOT NULL THEN 1 ELSE 0 END), \
     SUM(CASE WHEN consultation_opened_on IS NOT NULL AND outcome_on <= consultation_opened_on THEN 1 ELSE 0 END), \
     SUM(CASE WHEN consultation_opened_on IS NOT NULL AND consultation_term_kept THEN 1 ELSE 0 END), \
     SUM(CASE WHEN cosign THEN 1 ELSE 0 END) FROM udo_dossiers GROUP BY 1, 2 ORDER BY 1, 2";

type GroupRow = (String, i64, i64, i64, i64, i64, i64);

pub enum Peer {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Peer {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        Ok(if is_postgres(url) {
            Peer::Postgres(PgConnection::connect(url).await?)
        } else {
            Peer::Sqlite(SqliteConnection::connect(url).await?)
        })
    }

    /// One row per ministry and year, ordered by both.
    pub async fn group_by(&mut self) -> anyhow::Result<Vec<GroupRow>> {
        Ok(match self {
            Peer::Sqlite(conn) => {
                let sql = format!("SELECT ministry_code, CAST(substr(opened_on, 1, 4) AS INTEGER), {COUNTS}");
                sqlx::query_as::<_, GroupRow>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(conn)
                    .await?
            }
            Peer::Postgres(conn) => {
                let sql =
                    format!("SELECT ministry_code, CAST(EXTRACT(YEAR FROM opened_on) AS BIGINT), {COUNTS}");
                sqlx::query_as::<_, GroupRow>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(conn)
                    .await?
            }
        })
    }

    /// (min, median, p95, max) of `repeats` runs after one warm-up.
    pub async fn time(&mut self, repeats: u32) -> anyhow::Result<[Duration; 4]> {
        self.group_by().await?;
        let mut durations = Vec::with_capacity(repeats as usize);
        for _ in 0..repeats {
            let start = Instant::now();
            self.group_by().await?;
            durations.push(start.elapsed());
        }
        stats(durations)
    }

    pub fn sums(rows: &[GroupRow]) -> [i64; 5] {
        rows.iter().fold([0; 5], |s, r| {
            [s[0] + r.2, s[1] + r.3, s[2] + r.4, s[3] + r.5, s[4] + r.6]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_name_is_replaced_and_the_rest_kept() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "b1"),
            "postgres://postgres@127.0.0.1:5432/b1"
        );
        assert_eq!(
            with_database("postgresql://u:p@h/db?sslmode=disable", "b2"),
            "postgresql://u:p@h/b2?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "b3"), "postgres://h/b3");
    }
}
