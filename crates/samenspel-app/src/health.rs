//! Whether the application can serve (issue 16, item 1): its database answers and every
//! migration this version ships has been applied. A load balancer or an orchestrator asks
//! this before sending traffic (`/health/ready`).

use serde::Serialize;

use crate::{App, AppResult};

/// The answer of a reachable database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// `sqlite` or `postgres`.
    pub database: &'static str,
    /// The versions of the migrations not yet applied; ready only when empty.
    pub pending_migrations: Vec<i64>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.pending_migrations.is_empty()
    }
}

impl App {
    /// The database's state; an error when it cannot be reached.
    pub async fn readiness(&self) -> AppResult<Readiness> {
        Ok(Readiness {
            database: self.store.backend(),
            pending_migrations: self.store.pending_migrations().await?,
        })
    }
}
