//! The behavioural story of Samenspel, run against a real server on 127.0.0.1 with a fresh
//! database per test: SQLite by default, PostgreSQL when SAMENSPEL_TEST_DATABASE_URL is set.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

mod api_collaborations;
mod api_organisations;
mod api_stances;
mod cli;
mod helpers;
mod openapi;
mod pages;
mod storage;
