//! The use of the UDO per ministry and year (issue 14, item 10): how many dossiers a ministry
//! opened, how many of those that went into consultation had their UDO outcome before the
//! consultation, how many consultations kept their term, the outcomes, the co-signing flags
//! and the overdue evaluations. The Eerste Kamer asked how the use of the UDO is stimulated;
//! these figures show it per ministry. Pure counting over [`DossierFacts`], which the
//! application takes from the stored dossiers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::workflow::{UdoOutcome, UdoProgress};
use crate::org::OrgCode;
use crate::{ValidationErrors, msg};

pub mod chart;

/// What the dashboard needs to know of one dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierFacts {
    pub ministry: OrgCode,
    /// The year the dossier was opened.
    pub year: i32,
    pub progress: UdoProgress,
    /// When the outcome of the toets was recorded, and when the consultation was opened
    /// (from the dossier's steps).
    pub outcome_on: Option<NaiveDate>,
    pub consultation_opened_on: Option<NaiveDate>,
    /// Whether the consultation kept its term (the normenkader's term rule: voldoet), once
    /// the dossier went into consultation; `None` before.
    pub consultation_term_kept: Option<bool>,
    pub cosign: bool,
}

/// The counts of one ministry in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct UdoYearFigures {
    pub ministry: String,
    pub year: i32,
    pub dossiers: u32,
    /// Dossiers that went into consultation.
    pub consulted: u32,
    /// Of those, the ones whose UDO outcome was recorded before the consultation opened.
    pub udo_before_consultation: u32,
    /// Of those consulted, the ones whose consultation kept its term.
    pub consultation_term_kept: u32,
    pub uitvoerbaar: u32,
    pub onder_voorwaarden: u32,
    pub niet_uitvoerbaar: u32,
    pub cosign: u32,
    pub evaluations_overdue: u32,
}

impl UdoYearFigures {
    /// The share of consulted dossiers with their UDO before the consultation, in whole
    /// percents; `None` when none was consulted.
    pub fn udo_before_consultation_percent(&self) -> Option<u32> {
        percent(self.udo_before_consultation, self.consulted)
    }

    pub fn term_kept_percent(&self) -> Option<u32> {
        percent(self.consultation_term_kept, self.consulted)
    }

    fn add(&mut self, facts: &DossierFacts, today: NaiveDate) {
        self.dossiers += 1;
        if let Some(opened) = facts.consultation_opened_on {
            self.consulted += 1;
            let skipped = facts.progress.udo_skipped.is_some();
            if !skipped && facts.outcome_on.is_some_and(|outcome| outcome <= opened) {
                self.udo_before_consultation += 1;
            }
            if facts.consultation_term_kept == Some(true) {
                self.consultation_term_kept += 1;
            }
        }
        match &facts.progress.outcome {
            Some(UdoOutcome::Uitvoerbaar) => self.uitvoerbaar += 1,
            Some(UdoOutcome::OnderVoorwaarden(_)) => self.onder_voorwaarden += 1,
            Some(UdoOutcome::NietUitvoerbaar) => self.niet_uitvoerbaar += 1,
            None => {}
        }
        self.cosign += u32::from(facts.cosign);
        self.evaluations_overdue += u32::from(facts.progress.evaluation_overdue(today));
    }
}

/// Rounded half up; `None` for an empty base.
pub(crate) fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0)
        .then(|| (200 * u64::from(part) + u64::from(whole)) / (2 * u64::from(whole)))
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
}

/// The years a filter may name: the UDO dates from 2020; a year far outside is a typing error.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Which dossiers the dashboard counts: those opened in `year`, of `ministry`; `None` is all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardFilter {
    pub year: Option<i32>,
    pub ministry: Option<OrgCode>,
}

impl DashboardFilter {
    /// The filter from the query parameters `year` and `ministry` (empty means all); a year
    /// that is not a whole number in [`YEARS`] or a ministry code that cannot be one is
    /// refused naming its parameter, both at once.
    pub fn parse(year: &str, ministry: &str) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let year = match year.trim() {
            "" => None,
            raw => errors.collect(parse_year(raw)),
        };
        let ministry = match ministry.trim() {
            "" => None,
            raw => errors.collect(OrgCode::parse_field("ministry", raw)),
        };
        errors.finish(|| DashboardFilter { year, ministry })
    }

    /// The first day of the year and the first day of the next, when a year is chosen.
    pub fn opened_between(&self) -> Option<(NaiveDate, NaiveDate)> {
        let year = self.year?;
        Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        ))
    }
}

fn parse_year(raw: &str) -> Result<i32, ValidationErrors> {
    match raw.parse::<i32>() {
        Ok(year) if YEARS.contains(&year) => Ok(year),
        _ => Err(ValidationErrors::single(
            "year",
            "invalid_year",
            msg!(
                "error-udo-dashboard-year",
                "'{value}' is geen jaartal van {first} tot en met {last}.",
                value = raw,
                first = YEARS.start(),
                last = YEARS.end()
            ),
        )),
    }
}

/// The figures per ministry and year, ordered by ministry code and year; a ministry appears
/// only in the years it opened a dossier.
pub fn figures(dossiers: &[DossierFacts], today: NaiveDate) -> Vec<UdoYearFigures> {
    let mut by: BTreeMap<(&str, i32), UdoYearFigures> = BTreeMap::new();
    for facts in dossiers {
        by.entry((facts.ministry.as_str(), facts.year))
            .or_insert_with(|| UdoYearFigures {
                ministry: facts.ministry.as_str().to_owned(),
                year: facts.year,
                ..Default::default()
            })
            .add(facts, today);
    }
    by.into_values().collect()
}

/// The figures of all ministries together per year (the dashboard's total row per year).
pub fn totals_per_year(figures: &[UdoYearFigures]) -> Vec<UdoYearFigures> {
    let mut by: BTreeMap<i32, UdoYearFigures> = BTreeMap::new();
    for f in figures {
        let total = by.entry(f.year).or_insert_with(|| UdoYearFigures {
            year: f.year,
            ..Default::default()
        });
        total.dossiers += f.dossiers;
        total.consulted += f.consulted;
        total.udo_before_consultation += f.udo_before_consultation;
        total.consultation_term_kept += f.consultation_term_kept;
        total.uitvoerbaar += f.uitvoerbaar;
        total.onder_voorwaarden += f.onder_voorwaarden;
        total.niet_uitvoerbaar += f.niet_uitvoerbaar;
        total.cosign += f.cosign;
        total.evaluations_overdue += f.evaluations_overdue;
    }
    by.into_values().collect()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod filter_and_chart_tests;
