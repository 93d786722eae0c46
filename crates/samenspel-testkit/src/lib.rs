//! Test support. [`TestDb::new`] gives each test its own database: a temporary SQLite file by
//! default, or — when `SAMENSPEL_TEST_DATABASE_URL` names a PostgreSQL server — a fresh
//! database created there and dropped afterwards. The same tests thus run on both backends.

#![expect(clippy::expect_used, reason = "test support fails loudly")]

use std::sync::Arc;

use rand::Rng;
use samenspel_app::App;
use samenspel_store::Store;
use sqlx::{Connection, Row};

pub const TEST_DATABASE_ENV: &str = "SAMENSPEL_TEST_DATABASE_URL";

enum Backing {
    Sqlite {
        _dir: tempfile::TempDir,
        path: std::path::PathBuf,
    },
    Postgres {
        admin_url: String,
        name: String,
    },
}

pub struct TestDb {
    pub url: String,
    pub store: Arc<dyn Store>,
    backing: Backing,
}

impl TestDb {
    /// A new, empty, migrated database with the reference organisations loaded.
    pub async fn new() -> Self {
        let db = Self::empty().await;
        App::new(db.store.clone())
            .prepare()
            .await
            .expect("prepare test database");
        db
    }

    /// A new database without migrations (for testing `migrate` itself).
    pub async fn empty() -> Self {
        let (url, backing) = match std::env::var(TEST_DATABASE_ENV) {
            Ok(admin_url) if !admin_url.trim().is_empty() => {
                let name = format!("samenspel_test_{:016x}", rand::rng().random::<u64>());
                let mut admin = sqlx::PgConnection::connect(&admin_url)
                    .await
                    .expect("connect to PostgreSQL test server");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
                let url = replace_database(&admin_url, &name);
                (url, Backing::Postgres { admin_url, name })
            }
            _ => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("test.db");
                (
                    format!("sqlite://{}", path.display()),
                    Backing::Sqlite { _dir: dir, path },
                )
            }
        };
        let store = samenspel_store_any::connect(&url)
            .await
            .expect("connect test database");
        Self { url, store, backing }
    }

    pub fn app(&self) -> App {
        App::new(self.store.clone())
    }

    pub fn backend(&self) -> &'static str {
        self.store.backend()
    }

    /// Runs one SQL statement directly on the database (as a person with a database client
    /// would, e.g. to tamper with an audit row); returns the number of rows affected.
    pub async fn execute(&self, sql: &str) -> u64 {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.backing {
            Backing::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
                sqlx::query(sql)
                    .execute(&mut conn)
                    .await
                    .expect("execute")
                    .rows_affected()
            }
            Backing::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                sqlx::query(sql)
                    .execute(&mut conn)
                    .await
                    .expect("execute")
                    .rows_affected()
            }
        }
    }

    /// The single integer a `SELECT COUNT(*) …`-like query returns.
    pub async fn count(&self, sql: &str) -> i64 {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.backing {
            Backing::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_one(&mut conn).await.expect("count")
            }
            Backing::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_one(&mut conn).await.expect("count")
            }
        }
    }

    /// The first column of every row a query returns, as text (the query casts it).
    pub async fn texts(&self, sql: &str) -> Vec<String> {
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        match &self.backing {
            Backing::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("texts")
            }
            Backing::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                sqlx::query_scalar(sql).fetch_all(&mut conn).await.expect("texts")
            }
        }
    }

    /// The bytes of the SQLite database file and its write-ahead log (0 on PostgreSQL): they
    /// grow while a long transaction writes.
    pub fn disk_bytes(&self) -> u64 {
        match &self.backing {
            Backing::Sqlite { path, .. } => {
                let wal = path.with_extension("db-wal");
                [path.as_path(), wal.as_path()]
                    .iter()
                    .filter_map(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
                    .sum()
            }
            Backing::Postgres { .. } => 0,
        }
    }

    /// Whether another connection is in the middle of a transaction that has written into
    /// `table`: on SQLite, the file and its log have grown by more than 2 MB beyond
    /// `bytes_before` (from [`Self::disk_bytes`]); on PostgreSQL, a session of this database
    /// holds a transaction id and its last statement inserted into `table`.
    pub async fn another_transaction_has_written(&self, bytes_before: u64, table: &str) -> bool {
        match &self.backing {
            Backing::Sqlite { .. } => self.disk_bytes() > bytes_before + 2_000_000,
            Backing::Postgres { .. } => {
                let table = table.replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "");
                self.count(&format!(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
                     AND backend_xid IS NOT NULL AND pid <> pg_backend_pid() \
                     AND query LIKE 'INSERT INTO {table} %'"
                ))
                .await
                    > 0
            }
        }
    }

    /// Everything the database holds durably, to compare before and after a refused request.
    /// SQLite: the bytes of the database file and its write-ahead log (every committed write
    /// changes one of them). PostgreSQL: every row of every table, as JSON, in order.
    pub async fn fingerprint(&self) -> Vec<u8> {
        match &self.backing {
            Backing::Sqlite { path, .. } => {
                let mut bytes = std::fs::read(path).expect("read sqlite file");
                let wal = path.with_extension("db-wal");
                if let Ok(wal_bytes) = std::fs::read(wal) {
                    bytes.extend(wal_bytes);
                }
                bytes
            }
            Backing::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                let tables: Vec<String> = sqlx::query(
                    "SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
                )
                .fetch_all(&mut conn)
                .await
                .expect("list tables")
                .iter()
                .map(|r| r.get("t"))
                .collect();
                let mut out = Vec::new();
                for table in tables {
                    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "SELECT row_to_json(x)::text AS j FROM {table} x ORDER BY row_to_json(x)::text"
                    )))
                    .fetch_all(&mut conn)
                    .await
                    .expect("dump table");
                    out.extend(table.as_bytes());
                    for row in rows {
                        let json: String = row.get("j");
                        out.extend(json.as_bytes());
                        out.push(b'\n');
                    }
                }
                out
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Backing::Postgres { admin_url, name } = &self.backing {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async; a short-lived runtime on its own thread does the cleanup.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async move {
                    if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .execute(&mut admin)
                        .await;
                    }
                });
            })
            .join();
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..].find('/').map(|i| i + scheme_end);
    let host = path_start.map_or(base, |i| &base[..i]);
    match query {
        Some(q) => format!("{host}/{name}?{q}"),
        None => format!("{host}/{name}"),
    }
}

/// A running server on 127.0.0.1 with a fresh database.
pub struct TestApp {
    pub address: String,
    pub db: TestDb,
    pub app: App,
}

/// Starts the real HTTP application on an ephemeral port.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(samenspel_app::Clock::system()).await
}

/// The same, telling the time by `clock` (a fixed day for tests of dates).
pub async fn spawn_app_with(clock: samenspel_app::Clock) -> TestApp {
    let db = TestDb::new().await;
    let app = db.app().with_clock(clock);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    let router = samenspel_web::router(app.clone(), samenspel_web::WebConfig::default());
    tokio::spawn(async move {
        let _ = samenspel_web::serve(listener, router, std::future::pending()).await;
    });
    TestApp { address, db, app }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            replace_database("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
