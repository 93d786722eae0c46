//! The behavioural story of Samenspel, run against a real server on 127.0.0.1 with a fresh
//! database per test: SQLite by default, PostgreSQL when SAMENSPEL_TEST_DATABASE_URL is set.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

mod accounts;
mod api_collaborations;
mod api_organisations;
mod api_stances;
mod attachments;
mod authorization;
mod bench;
mod changes;
mod cli;
mod collaboration_pages_en;
mod concurrency;
mod confirmations;
mod control;
mod council_bodies;
mod exchange;
mod findings_en;
mod helpers;
mod info_pages;
mod iv3_costs;
mod messages_en;
mod ministry_history;
mod money;
mod moore;
mod one_voice;
mod openapi;
mod operations;
mod overview;
mod pages;
mod pages_en;
mod participation;
mod privacy;
mod problems_en;
mod processes;
mod programmes;
mod region_page;
mod regions;
mod register;
mod search;
mod security;
mod sign_in_limits;
mod signals;
mod site_search;
mod storage;
mod survey;
mod survey_web;
mod udo;
mod udo_advice;
mod udo_allocation;
mod udo_dashboard;
mod udo_forms;
mod udo_memorandum;
mod udo_publication;
mod udo_reactions;
