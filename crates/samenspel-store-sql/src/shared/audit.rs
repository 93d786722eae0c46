//! Reading the audit trail: the events of one subject, and checking the hash chain.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::{ChainedEvent, GENESIS, chain_hash};
use samenspel_store::{AuditRecord, AuditStore, AuditVerification, StoreResult};

use super::SqlStore;
use super::read::fetch_all_into;
use crate::error::boundary;
use crate::text::audit_time_text;

const LIST_AUDIT: &str = "SELECT id, occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json, prev_hash, hash \
     FROM audit_events WHERE subject_type = $1 AND subject_id = $2 ORDER BY id";

const AUDIT_CHAIN_PAGE: &str = "SELECT id, occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json, prev_hash, hash \
     FROM audit_events WHERE id > $1 ORDER BY id LIMIT 1000";

const AUDIT_HEAD: &str = "SELECT last_id, last_hash FROM audit_head WHERE id = 1";

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    occurred_at: DateTime<Utc>,
    actor: String,
    actor_org: Option<String>,
    action: String,
    subject_type: String,
    subject_id: String,
    before_json: Option<String>,
    after_json: Option<String>,
    prev_hash: Option<String>,
    hash: Option<String>,
}

impl AuditRow {
    /// The hash this event should carry after `previous`.
    fn expected_hash(&self, previous: &str) -> String {
        chain_hash(
            previous,
            &ChainedEvent {
                id: self.id,
                occurred_at: &audit_time_text(self.occurred_at),
                actor: &self.actor,
                actor_organisation: self.actor_org.as_deref(),
                action: &self.action,
                subject_type: &self.subject_type,
                subject_id: &self.subject_id,
                before: self.before_json.as_deref(),
                after: self.after_json.as_deref(),
            },
        )
    }
}

fn parse_json(text: Option<String>) -> Option<serde_json::Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

impl From<AuditRow> for AuditRecord {
    fn from(row: AuditRow) -> Self {
        let before = parse_json(row.before_json);
        let after = parse_json(row.after_json);
        let (label, summary) = AuditRecord::describe(&row.action, before.as_ref(), after.as_ref(), &|code| {
            code.to_owned()
        });
        AuditRecord {
            id: row.id,
            occurred_at: row.occurred_at,
            actor: samenspel_domain::Message::plain(row.actor),
            actor_organisation: row.actor_org,
            action: row.action,
            label,
            summary,
            subject_type: row.subject_type,
            subject_id: row.subject_id,
            before,
            after,
        }
    }
}

#[derive(sqlx::FromRow)]
struct HeadRow {
    last_id: i64,
    last_hash: String,
}

#[async_trait]
impl AuditStore for SqlStore {
    async fn list_audit_events(&self, subject_type: &str, subject_id: &str) -> StoreResult<Vec<AuditRecord>> {
        let query = sqlx::query_as::<_, AuditRow>(LIST_AUDIT)
            .bind(subject_type)
            .bind(subject_id);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn verify_audit_chain(&self) -> StoreResult<AuditVerification> {
        boundary(async {
            let mut previous = GENESIS.to_owned();
            let mut after_id = 0i64;
            let mut events = 0u64;
            loop {
                let rows: Vec<AuditRow> = sqlx::query_as(AUDIT_CHAIN_PAGE)
                    .bind(after_id)
                    .fetch_all(&self.pool)
                    .await?;
                if rows.is_empty() {
                    // The head remembers the last event written: events removed from the end of
                    // the trail break the chain there.
                    let head: HeadRow = sqlx::query_as(AUDIT_HEAD).fetch_one(&self.pool).await?;
                    let intact = head.last_id == after_id && head.last_hash == previous;
                    return Ok(AuditVerification {
                        events,
                        first_broken: (!intact).then_some(after_id + 1),
                    });
                }
                for row in rows {
                    let expected = row.expected_hash(&previous);
                    events += 1;
                    if row.prev_hash.as_deref() != Some(previous.as_str())
                        || row.hash.as_deref() != Some(expected.as_str())
                    {
                        return Ok(AuditVerification {
                            events,
                            first_broken: Some(row.id),
                        });
                    }
                    previous = expected;
                    after_id = row.id;
                }
            }
        })
        .await
    }
}
