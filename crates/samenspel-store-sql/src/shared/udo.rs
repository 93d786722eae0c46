//! UDO dossiers: the content and progress as JSON, the facts lists and the dashboard read in
//! columns; every write checks the version it was based on and writes its audit event in the
//! same transaction.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::udo::dashboard::{DashboardFilter, DossierFacts};
use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::{UdoProgress, UdoState};
use samenspel_store::{
    AuditEvent, NewUdoDossier, StoreError, StoreResult, UdoDossierRecord, UdoDossierSummary, UdoFacts,
    UdoStepChange, UdoStore, conflict,
};

use super::organisations::org_code;
use super::read::{fetch_all_into, fetch_existing_into, fetch_optional_into};
use super::versioned::{Versioned, still_at, update_versioned};
use super::{Conn, SqlStore};
use crate::error::{Error, Result, boundary, stored_json};

/// The columns of [`DossierRow`].
macro_rules! columns {
    () => {
        "id, ministry_code, title, content_json, progress_json, cosign, consultation_term_kept, opened_on, \
         outcome_on, consultation_opened_on, demo_key, version, created_at, updated_at"
    };
}

const SELECT_ONE: &str = concat!("SELECT ", columns!(), " FROM udo_dossiers WHERE id = $1");

const SELECT_ALL: &str = concat!("SELECT ", columns!(), " FROM udo_dossiers ORDER BY id DESC");

const INSERT_DOSSIER: &str = "INSERT INTO udo_dossiers (ministry_code, title, state, content_json, progress_json, cosign, \
     consultation_term_kept, opened_on, demo_key, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id";

const UPDATE_CONTENT: &str = "UPDATE udo_dossiers SET ministry_code = $1, title = $2, content_json = $3, cosign = $4, \
     consultation_term_kept = $5, version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8";

const UPDATE_PROGRESS: &str = "UPDATE udo_dossiers SET state = $1, progress_json = $2, cosign = $3, \
     consultation_term_kept = $4, outcome_on = $5, consultation_opened_on = $6, version = version + 1, updated_at = $7 \
     WHERE id = $8 AND version = $9";

/// The dashboard's columns only (no content), with the optional year range and ministry.
const SELECT_DASHBOARD: &str = "SELECT ministry_code, opened_on, progress_json, cosign, consultation_term_kept, outcome_on, \
     consultation_opened_on FROM udo_dossiers \
     WHERE ($1 IS NULL OR opened_on >= $1) AND ($2 IS NULL OR opened_on < $2) AND ($3 IS NULL OR ministry_code = $3)";

const FIND_DEMO: &str = "SELECT id FROM udo_dossiers WHERE demo_key = $1";

#[derive(sqlx::FromRow)]
struct DossierRow {
    id: i64,
    ministry_code: String,
    title: String,
    content_json: String,
    progress_json: String,
    cosign: bool,
    consultation_term_kept: Option<bool>,
    opened_on: NaiveDate,
    outcome_on: Option<NaiveDate>,
    consultation_opened_on: Option<NaiveDate>,
    demo_key: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl DossierRow {
    fn facts(&self) -> Result<UdoFacts> {
        Ok(UdoFacts {
            ministry: org_code(&self.ministry_code)?,
            title: self.title.clone(),
            cosign: self.cosign,
            consultation_term_kept: self.consultation_term_kept,
        })
    }
}

impl TryFrom<DossierRow> for UdoDossierRecord {
    type Error = Error;

    fn try_from(row: DossierRow) -> Result<Self> {
        Ok(UdoDossierRecord {
            facts: row.facts()?,
            content: stored_json("UDO dossier", &row.content_json)?,
            progress: stored_json("UDO progress", &row.progress_json)?,
            id: row.id,
            opened_on: row.opened_on,
            outcome_on: row.outcome_on,
            consultation_opened_on: row.consultation_opened_on,
            demo_key: row.demo_key,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

impl TryFrom<DossierRow> for UdoDossierSummary {
    type Error = Error;

    fn try_from(row: DossierRow) -> Result<Self> {
        Ok(UdoDossierSummary {
            facts: row.facts()?,
            progress: stored_json("UDO progress", &row.progress_json)?,
            id: row.id,
            opened_on: row.opened_on,
            outcome_on: row.outcome_on,
            consultation_opened_on: row.consultation_opened_on,
            demo_key: row.demo_key,
        })
    }
}

#[derive(sqlx::FromRow)]
struct DashboardRow {
    ministry_code: String,
    opened_on: NaiveDate,
    progress_json: String,
    cosign: bool,
    consultation_term_kept: Option<bool>,
    outcome_on: Option<NaiveDate>,
    consultation_opened_on: Option<NaiveDate>,
}

impl TryFrom<DashboardRow> for DossierFacts {
    type Error = Error;

    fn try_from(row: DashboardRow) -> Result<Self> {
        Ok(DossierFacts {
            ministry: org_code(&row.ministry_code)?,
            year: chrono::Datelike::year(&row.opened_on),
            progress: stored_json("UDO progress", &row.progress_json)?,
            outcome_on: row.outcome_on,
            consultation_opened_on: row.consultation_opened_on,
            consultation_term_kept: row.consultation_term_kept,
            cosign: row.cosign,
        })
    }
}

/// The dossier as it is now, when it is still at `expected` (else a conflict naming the
/// version it is at).
async fn at_version(conn: &mut Conn, id: i64, expected: i64) -> Result<UdoDossierRecord> {
    let query = sqlx::query_as::<_, DossierRow>(SELECT_ONE).bind(id);
    still_at(fetch_existing_into(query, &mut *conn).await?, expected)
}

impl Versioned for UdoDossierRecord {
    fn version(&self) -> i64 {
        self.version
    }

    fn stale(&self) -> Error {
        Error::Store(StoreError::Conflict(conflict::stale_udo_version(
            self.version,
            self.updated_at,
        )))
    }
}

#[async_trait]
impl UdoStore for SqlStore {
    async fn create_udo_dossier(&self, new: &NewUdoDossier<'_>, actor: &Actor) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let progress = UdoProgress::new();
            let id: i64 = sqlx::query_scalar(INSERT_DOSSIER)
                .bind(new.facts.ministry.as_str())
                .bind(&new.facts.title)
                .bind(progress.state.key())
                .bind(serde_json::to_string(new.content)?)
                .bind(serde_json::to_string(&progress)?)
                .bind(new.facts.cosign)
                .bind(new.facts.consultation_term_kept)
                .bind(new.opened_on)
                .bind(new.demo_key)
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await?;
            tx.commit(
                actor,
                AuditEvent::UdoCreate {
                    id,
                    after: new.content,
                },
            )
            .await?;
            Ok(id)
        })
        .await
    }

    async fn update_udo_dossier(
        &self,
        id: i64,
        expected_version: i64,
        content: &DossierInput,
        facts: &UdoFacts,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = at_version(&mut tx, id, expected_version).await?;
            let update = sqlx::query(UPDATE_CONTENT)
                .bind(facts.ministry.as_str())
                .bind(&facts.title)
                .bind(serde_json::to_string(content)?)
                .bind(facts.cosign)
                .bind(facts.consultation_term_kept)
                .bind(Utc::now())
                .bind(id)
                .bind(expected_version);
            update_versioned(&mut tx, &before, update).await?;
            let event = AuditEvent::UdoUpdate {
                id,
                before: &before.content,
                after: content,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn record_udo_step(
        &self,
        id: i64,
        expected_version: i64,
        step: &UdoStepChange<'_>,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = at_version(&mut tx, id, expected_version).await?;
            let entered = |state: UdoState, recorded: Option<NaiveDate>| {
                if step.after.state == state && step.before.state != state {
                    Some(step.on)
                } else {
                    recorded
                }
            };
            let update = sqlx::query(UPDATE_PROGRESS)
                .bind(step.after.state.key())
                .bind(serde_json::to_string(step.after)?)
                .bind(step.facts.cosign)
                .bind(step.facts.consultation_term_kept)
                .bind(entered(UdoState::Uitkomst, before.outcome_on))
                .bind(entered(UdoState::Consultatie, before.consultation_opened_on))
                .bind(Utc::now())
                .bind(id)
                .bind(expected_version);
            update_versioned(&mut tx, &before, update).await?;
            let event = AuditEvent::UdoStep {
                id,
                before: step.before,
                after: step.after,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn get_udo_dossier(&self, id: i64) -> StoreResult<Option<UdoDossierRecord>> {
        boundary(async {
            let query = sqlx::query_as::<_, DossierRow>(SELECT_ONE).bind(id);
            fetch_optional_into(query, &self.pool).await
        })
        .await
    }

    async fn list_udo_dossiers(&self) -> StoreResult<Vec<UdoDossierSummary>> {
        boundary(async { fetch_all_into(sqlx::query_as::<_, DossierRow>(SELECT_ALL), &self.pool).await })
            .await
    }

    async fn udo_dashboard_facts(&self, filter: &DashboardFilter) -> StoreResult<Vec<DossierFacts>> {
        let (from, until) = filter.opened_between().unzip();
        boundary(async {
            let query = sqlx::query_as::<_, DashboardRow>(SELECT_DASHBOARD)
                .bind(from)
                .bind(until)
                .bind(filter.ministry.as_ref().map(|m| m.as_str().to_owned()));
            fetch_all_into(query, &self.pool).await
        })
        .await
    }

    async fn find_demo_udo_dossier(&self, demo_key: &str) -> StoreResult<Option<i64>> {
        boundary(async {
            Ok(sqlx::query_scalar(FIND_DEMO)
                .bind(demo_key)
                .fetch_optional(&self.pool)
                .await?)
        })
        .await
    }
}
