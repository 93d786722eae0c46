//! The "Staat van het samenspel" (issue 15, item 6): a periodic report on the state of the
//! relations between the Rijk and the other governments, the mechanism the ROB found missing
//! (ROB 2021, annex II §6; seed `001`). It follows the questions of BZK's *Staat van het
//! Bestuur* where Samenspel has data for them (kennisopenbaarbestuur.nl/themas/staat-van-het-bestuur;
//! research note §3):
//!
//! - **where Rijk and regions work together** — collaborations by type and region, partnership
//!   profiles and their distance to the ideal type, unmotivated deviations, disagreements, one
//!   voice of the Rijk ([`collaboration`]);
//! - **perception** — the latest closed wave of the knelpuntenmonitor and its trend
//!   ([`PerceptionSection`]);
//! - **the Rijk's impulses** — UDO use per ministry, consultations, co-signing ([`impulses`]);
//! - **money** — the disbalance of medebewind tasks ([`MoneySection`]);
//! - **democratic control** — overdue evaluations and the coming statutory moments
//!   ([`ControlSection`]).
//!
//! A report is compiled once for a period and kept as it was ([`StaatReport`] is stored as
//! JSON with its [`SCHEMA`] version), so reports of different periods can be set side by side:
//! [`compare::headlines`] picks the same figures from each. Only published data counts, and
//! only organisations are named, never people.

pub mod chart;
pub mod collaboration;
pub mod compare;
pub mod control;
pub mod impulses;
pub mod money;
pub mod period;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use collaboration::{CollaborationSection, ProfileFigures};
pub use impulses::{ImpulseSection, MinistryImpulse};
pub use period::Period;

/// The version of the stored shape; a report of another version is shown as stored but not
/// compared.
pub const SCHEMA: u32 = 1;

/// A key with how many: a collaboration type, a region, a signal, a reference profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

/// One report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StaatReport {
    pub schema: u32,
    #[serde(flatten)]
    pub period: Period,
    /// The day the report was compiled; figures that depend on the day (an overdue
    /// evaluation) are judged on the period's last day or on this day, whichever is earlier.
    pub compiled_on: NaiveDate,
    pub collaboration: CollaborationSection,
    pub perception: PerceptionSection,
    pub impulses: ImpulseSection,
    pub money: MoneySection,
    pub control: ControlSection,
    /// Some of the figures come from demonstration data.
    pub demo: bool,
}

/// The perception of the relations: the latest wave of the knelpuntenmonitor closed by the
/// end of the period, and its trend (the ROB's published means of 2020 and up to three
/// earlier waves).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PerceptionSection {
    /// Waves closed within the period.
    pub waves_closed: u64,
    /// The latest wave closed on or before the period's last day; absent when there is none.
    pub wave: Option<WaveFigures>,
}

/// The figures of one wave.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WaveFigures {
    pub key: String,
    pub title: String,
    pub closed_on: Option<NaiveDate>,
    pub respondents: u64,
    /// The statements' ids in the instrument's order.
    pub statements: Vec<String>,
    /// Oldest first, this wave last.
    pub trend: Vec<TrendColumn>,
}

/// The Rijk's and the decentral governments' mean per statement in one wave.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TrendColumn {
    pub key: String,
    pub title: String,
    pub means: Vec<StatementMeans>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatementMeans {
    pub statement: String,
    /// Absent where the group is suppressed (too few respondents).
    pub rijk: Option<f64>,
    pub decentraal: Option<f64>,
}

/// Money: per medebewind task of municipalities, its budget against the booked costs per
/// inhabitant as the disbalance monitor reads them with its default settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MoneySection {
    pub tasks: u64,
    /// The monitor's margin and years running.
    pub margin_percent: u32,
    pub years_running: u32,
    /// The tasks the monitor can read (municipal tasks with task fields), biggest gap first.
    pub monitored: Vec<TaskMoney>,
}

impl MoneySection {
    pub fn flagged(&self) -> u64 {
        self.monitored.iter().filter(|t| t.flagged).count() as u64
    }
}

/// One task in the money section.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TaskMoney {
    pub id: i64,
    pub name: String,
    pub ministry: String,
    /// The latest year up to the period's end with both a budget and costs.
    pub year: Option<i32>,
    /// Per inhabitant, in cents, in that year.
    pub budget_per_inhabitant: Option<i64>,
    pub costs_per_inhabitant: Option<i64>,
    /// Costs per 1,000 of budget in that year.
    pub ratio_permille: Option<i64>,
    /// `widening`, `stable` or `narrowing`, when there are two years with a ratio.
    pub trend: Option<String>,
    pub flagged: bool,
    /// Municipalities with figures in that year, and how many of them the monitor flags.
    pub organisations: u64,
    pub organisations_flagged: u64,
}

/// Democratic control.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ControlSection {
    /// Collaborations whose periodic evaluation was overdue on the day judged.
    pub evaluations_overdue: u64,
    /// Collaborations whose evaluation falls due within a year after that day.
    pub evaluations_due_next_year: u64,
    /// Running gemeenschappelijke regelingen.
    pub regelingen: u64,
    /// The Wgr's coming moments for an openbaar lichaam of municipalities (the most common
    /// form), in date order: every such regeling has them.
    pub statutory: Vec<StatutoryFigure>,
}

/// A statutory moment as the report keeps it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatutoryFigure {
    /// The moment's key in the Wgr table ([`crate::wgr::WgrMoment`]).
    pub moment: String,
    /// The last day on which it can happen.
    pub last_day: NaiveDate,
    /// The law says "vóór" (before) a day rather than "uiterlijk" (no later than).
    pub before: bool,
    pub concerns_year: i32,
    /// The article, e.g. `Wet gemeenschappelijke regelingen, artikel 35, lid 1 (BWBR0003740)`.
    pub source: String,
    pub law_url: String,
}
