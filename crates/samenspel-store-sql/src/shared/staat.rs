//! "Staat van het samenspel" reports: stored once as compiled (the figures as JSON), listed by
//! period, never changed.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::staat::{Period, StaatReport};
use samenspel_store::{AuditEvent, StaatReportItem, StaatReportRecord, StaatStore, StoreResult};

use super::SqlStore;
use super::read::{fetch_all_into, fetch_optional_into};
use crate::error::{Error, Result, boundary, stored_json};

const INSERT: &str = "INSERT INTO staat_reports (period_from, period_to, schema, demo, content_json, compiled_at) \
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

const LIST: &str = "SELECT id, period_from, period_to, demo, compiled_at FROM staat_reports \
     ORDER BY period_to DESC, period_from DESC, id DESC";

const ONE: &str = "SELECT id, content_json, compiled_at FROM staat_reports WHERE id = $1";

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    period_from: NaiveDate,
    period_to: NaiveDate,
    demo: bool,
    compiled_at: DateTime<Utc>,
}

impl From<ItemRow> for StaatReportItem {
    fn from(row: ItemRow) -> Self {
        StaatReportItem {
            id: row.id,
            period: Period {
                from: row.period_from,
                to: row.period_to,
            },
            demo: row.demo,
            compiled_at: row.compiled_at,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    content_json: String,
    compiled_at: DateTime<Utc>,
}

impl TryFrom<ReportRow> for StaatReportRecord {
    type Error = Error;

    fn try_from(row: ReportRow) -> Result<Self> {
        Ok(StaatReportRecord {
            id: row.id,
            report: stored_json("staat report", &row.content_json)?,
            compiled_at: row.compiled_at,
        })
    }
}

#[async_trait]
impl StaatStore for SqlStore {
    async fn save_staat_report(&self, report: &StaatReport, actor: &Actor) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let id: i64 = sqlx::query_scalar(INSERT)
                .bind(report.period.from)
                .bind(report.period.to)
                .bind(i32::try_from(report.schema).unwrap_or(i32::MAX))
                .bind(report.demo)
                .bind(serde_json::to_string(report)?)
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await?;
            tx.commit(
                actor,
                AuditEvent::StaatCompile {
                    id,
                    period: &report.period,
                },
            )
            .await?;
            Ok(id)
        })
        .await
    }

    async fn list_staat_reports(&self) -> StoreResult<Vec<StaatReportItem>> {
        boundary(fetch_all_into(sqlx::query_as::<_, ItemRow>(LIST), &self.pool)).await
    }

    async fn get_staat_report(&self, id: i64) -> StoreResult<Option<StaatReportRecord>> {
        let query = sqlx::query_as::<_, ReportRow>(ONE).bind(id);
        boundary(fetch_optional_into(query, &self.pool)).await
    }
}
