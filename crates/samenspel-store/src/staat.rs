//! The "Staat van het samenspel" reports (issue 15, item 6) as the store keeps them: each
//! report as compiled, never changed afterwards.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::staat::{Period, StaatReport};
use serde::Serialize;

use crate::StoreResult;

/// A stored report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaatReportRecord {
    pub id: i64,
    pub report: StaatReport,
    pub compiled_at: DateTime<Utc>,
}

/// A report in the list of reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StaatReportItem {
    pub id: i64,
    #[serde(flatten)]
    pub period: Period,
    pub demo: bool,
    pub compiled_at: DateTime<Utc>,
}

#[async_trait]
pub trait StaatStore {
    /// Stores a compiled report with its audit event; returns its id.
    async fn save_staat_report(&self, report: &StaatReport, actor: &Actor) -> StoreResult<i64>;
    /// Every report, the latest period first (by its last day, then its first, then the
    /// latest compiled).
    async fn list_staat_reports(&self) -> StoreResult<Vec<StaatReportItem>>;
    async fn get_staat_report(&self, id: i64) -> StoreResult<Option<StaatReportRecord>>;
}
