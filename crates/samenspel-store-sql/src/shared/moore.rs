//! Moore's triangle: one JSON statement per partner per collaboration.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::moore::MooreStatement;
use samenspel_domain::org::OrgCode;
use samenspel_store::{AuditEvent, MooreRecord, MooreStore, StoreResult};

use super::SqlStore;
use super::organisations::org_code;
use super::read::fetch_all_into;
use crate::error::{Error, Result, boundary, stored_json};

const LIST_MOORE: &str = "SELECT org_code, statement_json, updated_by, updated_at FROM moore_statements WHERE collaboration_id = $1 ORDER BY org_code";

const SELECT_MOORE: &str =
    "SELECT statement_json FROM moore_statements WHERE collaboration_id = $1 AND org_code = $2";

const UPSERT_MOORE: &str = "INSERT INTO moore_statements (collaboration_id, org_code, statement_json, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (collaboration_id, org_code) DO UPDATE SET statement_json = excluded.statement_json, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";

fn statement(text: &str) -> Result<MooreStatement> {
    stored_json("Moore statement", text)
}

#[derive(sqlx::FromRow)]
struct MooreRow {
    org_code: String,
    statement_json: String,
    updated_by: String,
    updated_at: DateTime<Utc>,
}

impl TryFrom<MooreRow> for MooreRecord {
    type Error = Error;

    fn try_from(row: MooreRow) -> Result<Self> {
        Ok(MooreRecord {
            code: org_code(&row.org_code)?,
            statement: statement(&row.statement_json)?,
            updated_by: samenspel_domain::Message::plain(row.updated_by),
            updated_at: row.updated_at,
        })
    }
}

#[async_trait]
impl MooreStore for SqlStore {
    async fn list_moore(&self, collaboration_id: i64) -> StoreResult<Vec<MooreRecord>> {
        let query = sqlx::query_as::<_, MooreRow>(LIST_MOORE).bind(collaboration_id);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn set_moore(
        &self,
        collaboration_id: i64,
        code: &OrgCode,
        after: &MooreStatement,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before: Option<String> = sqlx::query_scalar(SELECT_MOORE)
                .bind(collaboration_id)
                .bind(code.as_str())
                .fetch_optional(&mut *tx)
                .await?;
            let before = before.as_deref().map(statement).transpose()?;
            sqlx::query(UPSERT_MOORE)
                .bind(collaboration_id)
                .bind(code.as_str())
                .bind(serde_json::to_string(after)?)
                .bind(&actor.name)
                .bind(Utc::now())
                .execute(&mut *tx)
                .await?;
            let event = AuditEvent::MooreUpdate {
                collaboration_id,
                partner: code,
                before: before.as_ref(),
                after,
            };
            tx.commit(actor, event).await
        })
        .await
    }
}
