//! The SQL of the Samenspel store, shared by SQLite and PostgreSQL.
//!
//! Both databases accept the same statements here (`$n` parameters, `RETURNING`,
//! `ON CONFLICT … DO UPDATE … WHERE`, `LIKE … ESCAPE`), so every statement and every function
//! is written once, in `src/shared/`, against the type alias `Db`. Each backend module below
//! names its `sqlx` database as `Db` and includes that same directory as a child module, so the
//! shared code is compiled once per backend (features `sqlite` and `postgres`) as ordinary,
//! concrete Rust: rustc, clippy and rust-analyzer see it, no `where` clauses over
//! `sqlx::Database` are needed, and no macro remains. This keeps `sqlx::Any` out; each backend
//! crate still owns its migrations and connection set-up and hands them to [`sqlite::SqlStore`]
//! or [`postgres::SqlStore`].
//!
//! Rows are read into `#[derive(sqlx::FromRow)]` structs next to the statement that selects
//! them and converted to domain types with `TryFrom`. Every writing method goes through one
//! write transaction (`shared/write.rs`): it begins with the backend's write statement
//! (`BEGIN IMMEDIATE` on SQLite, so concurrent writers wait for the lock instead of failing),
//! runs the change and commits it together with its typed audit event.

#![cfg_attr(
    all(feature = "sqlite", feature = "postgres"),
    expect(
        clippy::duplicate_mod,
        reason = "src/shared is compiled once per backend on purpose: one copy of the code, two databases"
    )
)]

mod error;
mod text;

pub use text::{audit_time, audit_time_text};

#[cfg(feature = "sqlite")]
pub mod sqlite;

#[cfg(feature = "postgres")]
pub mod postgres;
