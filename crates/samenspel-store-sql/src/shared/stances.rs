//! Stances: append-only, one row per statement of a partner (six scores and motivations).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::partnership::{Profile, Stance};
use samenspel_store::{AuditEvent, StanceRecord, StanceStore, StoreResult};

use super::SqlStore;
use super::money::is_partner;
use super::organisations::{org_code, org_type};
use super::read::fetch_all_into;
use super::signals::refresh_signals;
use crate::error::{Error, Result, boundary, corrupt};
use crate::text::not_a_partner;

const INSERT_STANCE: &str = "INSERT INTO stances (collaboration_id, org_code, phase, stated_by, stated_at, \
     score_1, score_2, score_3, score_4, score_5, score_6, \
     motivation_1, motivation_2, motivation_3, motivation_4, motivation_5, motivation_6) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id";

/// The columns of a stance, read into [`StanceRow`].
macro_rules! stance_columns {
    () => {
        "SELECT id, collaboration_id, org_code, phase, stated_by, stated_at, \
         score_1, score_2, score_3, score_4, score_5, score_6, \
         motivation_1, motivation_2, motivation_3, motivation_4, motivation_5, motivation_6 FROM stances"
    };
}
pub(super) use stance_columns;

const LIST_STANCES: &str = concat!(
    stance_columns!(),
    " WHERE collaboration_id = $1 ORDER BY stated_at, id"
);

const GENERAL_STANCES: &str = "SELECT s.id, s.collaboration_id, s.org_code, s.phase, s.stated_by, s.stated_at, \
     s.score_1, s.score_2, s.score_3, s.score_4, s.score_5, s.score_6, \
     s.motivation_1, s.motivation_2, s.motivation_3, s.motivation_4, s.motivation_5, s.motivation_6, \
     o.org_type FROM stances s JOIN organisations o ON o.code = s.org_code \
     WHERE s.phase IS NULL ORDER BY s.stated_at, s.id";

/// A stance with the type of the organisation that stated it.
#[derive(sqlx::FromRow)]
struct TypedStanceRow {
    #[sqlx(flatten)]
    stance: StanceRow,
    org_type: String,
}

#[derive(sqlx::FromRow)]
pub(super) struct StanceRow {
    id: i64,
    collaboration_id: i64,
    org_code: String,
    phase: Option<String>,
    stated_by: String,
    stated_at: DateTime<Utc>,
    score_1: i32,
    score_2: i32,
    score_3: i32,
    score_4: i32,
    score_5: i32,
    score_6: i32,
    motivation_1: Option<String>,
    motivation_2: Option<String>,
    motivation_3: Option<String>,
    motivation_4: Option<String>,
    motivation_5: Option<String>,
    motivation_6: Option<String>,
}

impl TryFrom<StanceRow> for StanceRecord {
    type Error = Error;

    fn try_from(row: StanceRow) -> Result<Self> {
        let scores = [
            row.score_1,
            row.score_2,
            row.score_3,
            row.score_4,
            row.score_5,
            row.score_6,
        ];
        let profile = Profile::from_values(scores.map(|s| u8::try_from(s).unwrap_or(0)))
            .ok_or_else(|| corrupt("scores", &format!("{scores:?}")))?;
        let motivations = [
            row.motivation_1,
            row.motivation_2,
            row.motivation_3,
            row.motivation_4,
            row.motivation_5,
            row.motivation_6,
        ];
        Ok(StanceRecord {
            id: row.id,
            collaboration_id: row.collaboration_id,
            code: org_code(&row.org_code)?,
            phase: row.phase,
            stance: Stance { profile, motivations },
            stated_by: samenspel_domain::Message::plain(row.stated_by),
            stated_at: row.stated_at,
        })
    }
}

#[async_trait]
impl StanceStore for SqlStore {
    async fn record_stance(
        &self,
        collaboration_id: i64,
        code: &OrgCode,
        phase: Option<&str>,
        stance: &Stance,
        actor: &Actor,
    ) -> StoreResult<StanceRecord> {
        boundary(async {
            let mut tx = self.write().await?;
            if !is_partner(&mut tx, collaboration_id, code.as_str()).await? {
                return Err(not_a_partner(code).into());
            }
            let now = Utc::now();
            let mut insert = sqlx::query_scalar(INSERT_STANCE)
                .bind(collaboration_id)
                .bind(code.as_str())
                .bind(phase)
                .bind(&actor.name)
                .bind(now);
            for score in stance.profile.values() {
                insert = insert.bind(i32::from(score));
            }
            for motivation in &stance.motivations {
                insert = insert.bind(motivation.as_deref());
            }
            let id: i64 = insert.fetch_one(&mut *tx).await?;
            let record = StanceRecord {
                id,
                collaboration_id,
                code: code.clone(),
                phase: phase.map(str::to_owned),
                stance: stance.clone(),
                stated_by: samenspel_domain::Message::plain(actor.name.clone()),
                stated_at: now,
            };
            refresh_signals(&mut tx, collaboration_id).await?;
            tx.commit(actor, AuditEvent::StanceRecord { record: &record })
                .await?;
            Ok(record)
        })
        .await
    }

    async fn list_stances(&self, collaboration_id: i64) -> StoreResult<Vec<StanceRecord>> {
        let query = sqlx::query_as::<_, StanceRow>(LIST_STANCES).bind(collaboration_id);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn general_stances(&self) -> StoreResult<Vec<(StanceRecord, OrgType)>> {
        boundary(async {
            let rows: Vec<TypedStanceRow> = sqlx::query_as(GENERAL_STANCES).fetch_all(&self.pool).await?;
            rows.into_iter()
                .map(|row| Ok((StanceRecord::try_from(row.stance)?, org_type(&row.org_type)?)))
                .collect()
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_scores_are_an_error_not_a_panic() {
        let row = StanceRow {
            id: 1,
            collaboration_id: 1,
            org_code: "GM0363".into(),
            phase: None,
            stated_by: "x".into(),
            stated_at: Utc::now(),
            score_1: 0,
            score_2: 1,
            score_3: 2,
            score_4: 3,
            score_5: 4,
            score_6: 5,
            motivation_1: None,
            motivation_2: None,
            motivation_3: None,
            motivation_4: None,
            motivation_5: None,
            motivation_6: None,
        };
        assert!(matches!(
            StanceRecord::try_from(row),
            Err(Error::Store(samenspel_store::StoreError::Database(_)))
        ));
    }
}
