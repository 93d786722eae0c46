//! Medebewind tasks: the content as JSON, the facts lists read in columns; every write checks
//! the version it was based on and writes its audit event in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::medebewind::TaskInput;
use samenspel_store::{
    AuditEvent, MedebewindFacts, MedebewindStore, MedebewindTaskRecord, StoreError, StoreResult, conflict,
};

use super::organisations::org_code;
use super::read::{fetch_all_into, fetch_existing_into, fetch_optional_into};
use super::versioned::{Versioned, still_at, update_versioned};
use super::{Conn, SqlStore};
use crate::error::{Constraint, Error, Result, boundary, stored_json};

/// The columns of [`TaskRow`].
macro_rules! columns {
    () => {
        "id, name, ministry_code, layer, content_json, next_recalibration_on, starter_key, version, \
         created_at, updated_at"
    };
}

const SELECT_ONE: &str = concat!("SELECT ", columns!(), " FROM medebewind_tasks WHERE id = $1");

const SELECT_ALL: &str = concat!("SELECT ", columns!(), " FROM medebewind_tasks ORDER BY name, id");

const INSERT: &str = "INSERT INTO medebewind_tasks (name, ministry_code, layer, content_json, next_recalibration_on, \
     starter_key, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id";

const UPDATE: &str = "UPDATE medebewind_tasks SET name = $1, ministry_code = $2, layer = $3, content_json = $4, \
     next_recalibration_on = $5, version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8";

const STARTER_KEYS: &str =
    "SELECT starter_key FROM medebewind_tasks WHERE starter_key IS NOT NULL ORDER BY starter_key";

#[derive(sqlx::FromRow)]
struct TaskRow {
    id: i64,
    name: String,
    ministry_code: String,
    layer: String,
    content_json: String,
    next_recalibration_on: Option<NaiveDate>,
    starter_key: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<TaskRow> for MedebewindTaskRecord {
    type Error = Error;

    fn try_from(row: TaskRow) -> Result<Self> {
        Ok(MedebewindTaskRecord {
            facts: MedebewindFacts {
                name: row.name,
                ministry: org_code(&row.ministry_code)?,
                layer: row.layer,
                next_recalibration_on: row.next_recalibration_on,
            },
            content: stored_json("medebewind task", &row.content_json)?,
            id: row.id,
            starter_key: row.starter_key,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

async fn load(conn: &mut Conn, id: i64) -> Result<MedebewindTaskRecord> {
    fetch_existing_into(sqlx::query_as::<_, TaskRow>(SELECT_ONE).bind(id), &mut *conn).await
}

impl Versioned for MedebewindTaskRecord {
    fn version(&self) -> i64 {
        self.version
    }

    fn stale(&self) -> Error {
        Error::Store(StoreError::Conflict(conflict::stale_medebewind_version(
            self.version,
            self.updated_at,
        )))
    }
}

#[async_trait]
impl MedebewindStore for SqlStore {
    async fn create_medebewind_task(
        &self,
        content: &TaskInput,
        facts: &MedebewindFacts,
        starter_key: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let id: i64 = sqlx::query_scalar(INSERT)
                .bind(&facts.name)
                .bind(facts.ministry.as_str())
                .bind(&facts.layer)
                .bind(serde_json::to_string(content)?)
                .bind(facts.next_recalibration_on)
                .bind(starter_key)
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await
                .map_err(
                    Constraint::Unique
                        .refuses(|| StoreError::Conflict(conflict::medebewind_starter_loaded())),
                )?;
            tx.commit(actor, AuditEvent::MedebewindCreate { id, after: content })
                .await?;
            Ok(id)
        })
        .await
    }

    async fn update_medebewind_task(
        &self,
        id: i64,
        expected_version: i64,
        content: &TaskInput,
        facts: &MedebewindFacts,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = still_at(load(&mut tx, id).await?, expected_version)?;
            let update = sqlx::query(UPDATE)
                .bind(&facts.name)
                .bind(facts.ministry.as_str())
                .bind(&facts.layer)
                .bind(serde_json::to_string(content)?)
                .bind(facts.next_recalibration_on)
                .bind(Utc::now())
                .bind(id)
                .bind(expected_version);
            update_versioned(&mut tx, &before, update).await?;
            let event = AuditEvent::MedebewindUpdate {
                id,
                before: &before.content,
                after: content,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn get_medebewind_task(&self, id: i64) -> StoreResult<Option<MedebewindTaskRecord>> {
        boundary(async {
            let query = sqlx::query_as::<_, TaskRow>(SELECT_ONE).bind(id);
            fetch_optional_into(query, &self.pool).await
        })
        .await
    }

    async fn list_medebewind_tasks(&self) -> StoreResult<Vec<MedebewindTaskRecord>> {
        boundary(async { fetch_all_into(sqlx::query_as::<_, TaskRow>(SELECT_ALL), &self.pool).await }).await
    }

    async fn medebewind_starter_keys(&self) -> StoreResult<Vec<String>> {
        boundary(async { Ok(sqlx::query_scalar(STARTER_KEYS).fetch_all(&self.pool).await?) }).await
    }
}
