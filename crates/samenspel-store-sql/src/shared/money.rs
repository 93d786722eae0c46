//! Money per partner per year: recorded (or replaced, for the same partner, year, instrument
//! and status) and removed, each with its audit event.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::money::{Cents, Contribution, Instrument, MoneyStatus};
use samenspel_store::{AuditEvent, ContributionRecord, MoneyStore, StoreResult};

use super::organisations::org_code;
use super::read::{fetch_all_into, fetch_existing_into, fetch_optional_into};
use super::signals::refresh_signals;
use super::{Conn, SqlStore};
use crate::error::{Error, Result, boundary, corrupt};
use crate::text::not_a_paying_partner;

/// The columns of a contribution, read into [`ContributionRow`].
macro_rules! contribution_columns {
    () => {
        "SELECT collaboration_id, id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at FROM contributions "
    };
}
pub(super) use contribution_columns;

/// All money of one organisation, in any collaboration (the overview keeps the visible ones).
pub(super) const CONTRIBUTIONS_OF_ORG: &str = concat!(
    contribution_columns!(),
    "WHERE org_code = $1 ORDER BY collaboration_id, year, id"
);

const LIST_CONTRIBUTIONS: &str = concat!(
    contribution_columns!(),
    "WHERE collaboration_id = $1 ORDER BY year, org_code, instrument, status"
);

/// The money of the collaborations whose ids are in `$1`, a comma-separated list.
const CONTRIBUTIONS_OF_COLLABORATIONS: &str = concat!(
    contribution_columns!(),
    "WHERE (',' || $1 || ',') LIKE ('%,' || CAST(collaboration_id AS TEXT) || ',%') \
     ORDER BY collaboration_id, year, id"
);

const CONTRIBUTION_BY_KEY: &str = concat!(
    contribution_columns!(),
    "WHERE collaboration_id = $1 AND org_code = $2 AND year = $3 AND instrument = $4 AND status = $5"
);

const CONTRIBUTION_BY_ID: &str = concat!(contribution_columns!(), "WHERE collaboration_id = $1 AND id = $2");

const UPSERT_CONTRIBUTION: &str = "INSERT INTO contributions (collaboration_id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (collaboration_id, org_code, year, instrument, status) \
     DO UPDATE SET amount_cents = excluded.amount_cents, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at RETURNING id";

const DELETE_CONTRIBUTION: &str = "DELETE FROM contributions WHERE collaboration_id = $1 AND id = $2";

const DELETE_MONEY_OF: &str = "DELETE FROM contributions WHERE collaboration_id = $1";

pub(super) const IS_PARTNER: &str =
    "SELECT 1 FROM collaboration_partners WHERE collaboration_id = $1 AND org_code = $2";

#[derive(sqlx::FromRow)]
pub(super) struct ContributionRow {
    pub collaboration_id: i64,
    id: i64,
    org_code: String,
    year: i32,
    amount_cents: i64,
    instrument: String,
    status: String,
    recorded_by: String,
    recorded_at: DateTime<Utc>,
}

impl TryFrom<ContributionRow> for ContributionRecord {
    type Error = Error;

    fn try_from(row: ContributionRow) -> Result<Self> {
        Ok(ContributionRecord {
            id: row.id,
            contribution: Contribution {
                partner: org_code(&row.org_code)?,
                year: row.year,
                amount: Cents::new(row.amount_cents)
                    .ok_or_else(|| corrupt("amount", &row.amount_cents.to_string()))?,
                instrument: Instrument::from_key(&row.instrument)
                    .ok_or_else(|| corrupt("instrument", &row.instrument))?,
                status: MoneyStatus::from_key(&row.status)
                    .ok_or_else(|| corrupt("money status", &row.status))?,
            },
            recorded_by: samenspel_domain::Message::plain(row.recorded_by),
            recorded_at: row.recorded_at,
        })
    }
}

/// Whether `code` is a partner in the collaboration.
pub(super) async fn is_partner(conn: &mut Conn, collaboration_id: i64, code: &str) -> Result<bool> {
    let found: Option<i32> = sqlx::query_scalar(IS_PARTNER)
        .bind(collaboration_id)
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// Records one contribution (replacing the amount of the same line); returns its id.
async fn upsert(
    conn: &mut Conn,
    collaboration_id: i64,
    c: &Contribution,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(UPSERT_CONTRIBUTION)
        .bind(collaboration_id)
        .bind(c.partner.as_str())
        .bind(c.year)
        .bind(c.amount.get())
        .bind(c.instrument.key())
        .bind(c.status.key())
        .bind(&actor.name)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?)
}

/// Replaces all money of a collaboration (an import that brings money).
pub(super) async fn replace_money(
    conn: &mut Conn,
    collaboration_id: i64,
    money: &[Contribution],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(DELETE_MONEY_OF)
        .bind(collaboration_id)
        .execute(&mut *conn)
        .await?;
    for c in money {
        upsert(conn, collaboration_id, c, actor, now).await?;
    }
    Ok(())
}

#[async_trait]
impl MoneyStore for SqlStore {
    async fn contributions_of(&self, collaboration_ids: &[i64]) -> StoreResult<Vec<(i64, Contribution)>> {
        if collaboration_ids.is_empty() {
            return Ok(Vec::new());
        }
        let ids = collaboration_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        boundary(async {
            let rows: Vec<ContributionRow> = sqlx::query_as(CONTRIBUTIONS_OF_COLLABORATIONS)
                .bind(ids)
                .fetch_all(&self.pool)
                .await?;
            rows.into_iter()
                .map(|row| {
                    let id = row.collaboration_id;
                    ContributionRecord::try_from(row).map(|r| (id, r.contribution))
                })
                .collect()
        })
        .await
    }

    async fn list_contributions(&self, collaboration_id: i64) -> StoreResult<Vec<ContributionRecord>> {
        let query = sqlx::query_as::<_, ContributionRow>(LIST_CONTRIBUTIONS).bind(collaboration_id);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn set_contribution(
        &self,
        collaboration_id: i64,
        contribution: &Contribution,
        actor: &Actor,
    ) -> StoreResult<ContributionRecord> {
        boundary(async {
            let mut tx = self.write().await?;
            if !is_partner(&mut tx, collaboration_id, contribution.partner.as_str()).await? {
                return Err(not_a_paying_partner(&contribution.partner).into());
            }
            let query = sqlx::query_as::<_, ContributionRow>(CONTRIBUTION_BY_KEY)
                .bind(collaboration_id)
                .bind(contribution.partner.as_str())
                .bind(contribution.year)
                .bind(contribution.instrument.key())
                .bind(contribution.status.key());
            let before: Option<ContributionRecord> = fetch_optional_into(query, &mut *tx).await?;
            let now = Utc::now();
            let id = upsert(&mut tx, collaboration_id, contribution, actor, now).await?;
            let record = ContributionRecord {
                id,
                contribution: contribution.clone(),
                recorded_by: samenspel_domain::Message::plain(actor.name.clone()),
                recorded_at: now,
            };
            refresh_signals(&mut tx, collaboration_id).await?;
            let event = AuditEvent::MoneyRecord {
                collaboration_id,
                before: before.as_ref(),
                after: &record,
            };
            tx.commit(actor, event).await?;
            Ok(record)
        })
        .await
    }

    async fn delete_contribution(&self, collaboration_id: i64, id: i64, actor: &Actor) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let query = sqlx::query_as::<_, ContributionRow>(CONTRIBUTION_BY_ID)
                .bind(collaboration_id)
                .bind(id);
            let before: ContributionRecord = fetch_existing_into(query, &mut *tx).await?;
            sqlx::query(DELETE_CONTRIBUTION)
                .bind(collaboration_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            refresh_signals(&mut tx, collaboration_id).await?;
            tx.commit(
                actor,
                AuditEvent::MoneyDelete {
                    collaboration_id,
                    before: &before,
                },
            )
            .await
        })
        .await
    }
}
