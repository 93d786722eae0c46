//! Democratic control per collaboration, stored as one JSON record.

use async_trait::async_trait;
use chrono::Utc;
use samenspel_domain::audit::Actor;
use samenspel_domain::control::DemocraticControl;
use samenspel_store::{AuditEvent, ControlStore, StoreResult};

use super::signals::refresh_signals;
use super::{Conn, SqlStore};
use crate::error::{Result, boundary, stored_json};

const SELECT_CONTROL: &str = "SELECT control_json FROM democratic_control WHERE collaboration_id = $1";

const UPSERT_CONTROL: &str = "INSERT INTO democratic_control (collaboration_id, control_json, next_evaluation, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (collaboration_id) DO UPDATE SET control_json = excluded.control_json, \
     next_evaluation = excluded.next_evaluation, updated_by = excluded.updated_by, updated_at = excluded.updated_at";

/// Democratic control as stored (its `control_json`), read back.
pub(super) fn control(text: &str) -> Result<DemocraticControl> {
    stored_json("democratic control", text)
}

async fn load_control(conn: &mut Conn, collaboration_id: i64) -> Result<Option<DemocraticControl>> {
    let text: Option<String> = sqlx::query_scalar(SELECT_CONTROL)
        .bind(collaboration_id)
        .fetch_optional(&mut *conn)
        .await?;
    text.as_deref().map(control).transpose()
}

#[async_trait]
impl ControlStore for SqlStore {
    async fn get_control(&self, collaboration_id: i64) -> StoreResult<Option<DemocraticControl>> {
        boundary(async { load_control(&mut *self.pool.acquire().await?, collaboration_id).await }).await
    }

    async fn set_control(
        &self,
        collaboration_id: i64,
        control: &DemocraticControl,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = load_control(&mut tx, collaboration_id).await?;
            sqlx::query(UPSERT_CONTROL)
                .bind(collaboration_id)
                .bind(serde_json::to_string(control)?)
                .bind(control.next_evaluation)
                .bind(&actor.name)
                .bind(Utc::now())
                .execute(&mut *tx)
                .await?;
            refresh_signals(&mut tx, collaboration_id).await?;
            let event = AuditEvent::ControlUpdate {
                collaboration_id,
                before: before.as_ref(),
                after: control,
            };
            tx.commit(actor, event).await
        })
        .await
    }
}
