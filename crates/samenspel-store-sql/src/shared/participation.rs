//! How residents take part, per collaboration, stored as one JSON record; a row exists only
//! while something is recorded.

use std::collections::HashSet;

use async_trait::async_trait;
use chrono::Utc;
use samenspel_domain::audit::Actor;
use samenspel_domain::participation::{Participation, has_any};
use samenspel_store::{AuditEvent, ParticipationStore, StoreResult};

use super::{Conn, SqlStore};
use crate::error::{Result, boundary, stored_json};

const SELECT_PARTICIPATION: &str = "SELECT participation_json FROM participation WHERE collaboration_id = $1";

const UPSERT_PARTICIPATION: &str = "INSERT INTO participation (collaboration_id, participation_json, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (collaboration_id) DO UPDATE SET participation_json = excluded.participation_json, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";

const DELETE_PARTICIPATION: &str = "DELETE FROM participation WHERE collaboration_id = $1";

const SELECT_RECORDED: &str = "SELECT collaboration_id FROM participation";

async fn load(conn: &mut Conn, collaboration_id: i64) -> Result<Option<Participation>> {
    let text: Option<String> = sqlx::query_scalar(SELECT_PARTICIPATION)
        .bind(collaboration_id)
        .fetch_optional(&mut *conn)
        .await?;
    text.as_deref()
        .map(|t| stored_json("participation", t))
        .transpose()
}

/// Writes the record inside a transaction that is already open (also used by the exchange
/// import): upserts it, or removes the row when nothing is recorded.
pub(super) async fn store(
    conn: &mut Conn,
    collaboration_id: i64,
    record: &Participation,
    actor: &Actor,
) -> Result<()> {
    if has_any(record) {
        sqlx::query(UPSERT_PARTICIPATION)
            .bind(collaboration_id)
            .bind(serde_json::to_string(record)?)
            .bind(&actor.name)
            .bind(Utc::now())
            .execute(&mut *conn)
            .await?;
    } else {
        sqlx::query(DELETE_PARTICIPATION)
            .bind(collaboration_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[async_trait]
impl ParticipationStore for SqlStore {
    async fn get_participation(&self, collaboration_id: i64) -> StoreResult<Option<Participation>> {
        boundary(async { load(&mut *self.pool.acquire().await?, collaboration_id).await }).await
    }

    async fn set_participation(
        &self,
        collaboration_id: i64,
        record: &Participation,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = load(&mut tx, collaboration_id).await?;
            store(&mut tx, collaboration_id, record, actor).await?;
            super::signals::refresh_signals(&mut tx, collaboration_id).await?;
            let event = AuditEvent::ParticipationUpdate {
                collaboration_id,
                before: before.as_ref(),
                after: record,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn participation_recorded(&self) -> StoreResult<HashSet<i64>> {
        boundary(async {
            let ids: Vec<i64> = sqlx::query_scalar(SELECT_RECORDED)
                .fetch_all(&mut *self.pool.acquire().await?)
                .await?;
            Ok(ids.into_iter().collect())
        })
        .await
    }
}
