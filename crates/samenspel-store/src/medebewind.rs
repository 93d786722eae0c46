//! The register of medebewind tasks (issue 15, item 1) as the store keeps it: each task as last
//! accepted (its input, parsed again when read) with the facts lists read in columns, a
//! version for optimistic locking, and an audit event with before and after for every change,
//! which is the task's history.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::medebewind::TaskInput;
use samenspel_domain::org::OrgCode;
use serde::Serialize;

use crate::StoreResult;

/// What the application works out of a task on every write and the store keeps in columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MedebewindFacts {
    pub name: String,
    pub ministry: OrgCode,
    /// The layer's key (`gemeenten`).
    pub layer: String,
    pub next_recalibration_on: Option<NaiveDate>,
}

/// A task as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedebewindTaskRecord {
    pub id: i64,
    pub content: TaskInput,
    pub facts: MedebewindFacts,
    /// The key of the starter set's task it was loaded from, if it was.
    pub starter_key: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Medebewind tasks.
#[async_trait]
pub trait MedebewindStore {
    /// Stores a new task with its audit event; returns its id. With a `starter_key` that is
    /// already stored, a conflict (the starter set is loaded once).
    async fn create_medebewind_task(
        &self,
        content: &TaskInput,
        facts: &MedebewindFacts,
        starter_key: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<i64>;
    /// Replaces the task when it is still at `expected_version` (else a conflict), with an
    /// audit event holding before and after.
    async fn update_medebewind_task(
        &self,
        id: i64,
        expected_version: i64,
        content: &TaskInput,
        facts: &MedebewindFacts,
        actor: &Actor,
    ) -> StoreResult<()>;
    async fn get_medebewind_task(&self, id: i64) -> StoreResult<Option<MedebewindTaskRecord>>;
    /// Every task, by name.
    async fn list_medebewind_tasks(&self) -> StoreResult<Vec<MedebewindTaskRecord>>;
    /// The starter keys already stored.
    async fn medebewind_starter_keys(&self) -> StoreResult<Vec<String>>;
}
