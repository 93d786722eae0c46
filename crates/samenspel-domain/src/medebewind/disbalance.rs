//! The disbalance monitor (issue 15, item 4): per year the costs as booked against the budget
//! as the Rijk counts it, the gap and the ratio, the trend of the ratio, and a flag when the
//! costs exceed the budget beyond a margin for a number of years running.
//!
//! The two sides come from different places and are shown each with its source: the budget
//! from the task's [`super::BudgetLine`]s (the Rijk's view), the costs from the Iv3 figures
//! municipalities book on the task's task fields (their view, CBS table 45071NED or
//! openspending.nl). The monitor the Eerste Kamer asked for (kst-36600-B-K, 10-9-2024) and the
//! "disbalans" of the ROB (2025) name no margin or period; both are settings here, with
//! [`Settings::DEFAULT`] as our reading (10 % for three years running).
//!
//! The flag: counted back from the latest year with both figures, the consecutive years beyond
//! the margin number at least [`Settings::years_running`]. A year without one of the figures
//! between them breaks the run, so the flag speaks of the latest years with figures, not of a
//! past episode; a later year with only a budget (costs not yet booked) does not end it.

use serde::Serialize;

use crate::money::Cents;
use crate::{ValidationErrors, msg};

/// The monitor's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Settings {
    /// How far the costs may exceed the budget, in whole percent of the budget (0–100).
    pub margin_percent: u32,
    /// For how many years running (1–10) before the task is flagged.
    pub years_running: u32,
}

impl Settings {
    /// 10 % for three years running (our reading; no source sets either).
    pub const DEFAULT: Settings = Settings {
        margin_percent: 10,
        years_running: 3,
    };

    /// Checks settings as typed in; an empty value takes the default. Errors name `margin` and
    /// `years`.
    pub fn parse(margin: &str, years: &str) -> Result<Settings, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let number = |e: &mut ValidationErrors, field: &str, raw: &str, default: u32, max: u32, min: u32| {
            let raw = raw.trim();
            if raw.is_empty() {
                return Some(default);
            }
            match raw.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Some(n),
                _ => {
                    e.add(
                        field,
                        "out_of_range",
                        msg!(
                            "error-disbalance-setting",
                            "Vul een heel getal van {min} tot en met {max} in.",
                            min = min,
                            max = max
                        ),
                    );
                    None
                }
            }
        };
        let margin_percent = number(&mut e, "margin", margin, Self::DEFAULT.margin_percent, 100, 0);
        let years_running = number(&mut e, "years", years, Self::DEFAULT.years_running, 10, 1);
        match (margin_percent, years_running) {
            (Some(margin_percent), Some(years_running)) if e.is_empty() => Ok(Settings {
                margin_percent,
                years_running,
            }),
            _ => Err(e),
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The two figures of one year, either of which may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct YearFigures {
    pub year: i32,
    pub budget: Option<Cents>,
    pub costs: Option<Cents>,
}

/// One year as the monitor reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct YearRow {
    pub year: i32,
    pub budget: Option<Cents>,
    pub costs: Option<Cents>,
    /// Costs minus budget in cents (negative when the budget is larger), with both figures.
    pub gap_cents: Option<i64>,
    /// Costs per 1,000 of budget (1,250 is costs a quarter above the budget), with both
    /// figures and a budget above zero.
    pub ratio_permille: Option<i64>,
    /// The costs exceed the budget by more than the margin.
    pub beyond_margin: bool,
}

/// Which way the ratio goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The costs grow faster than the budget.
    Widening,
    /// Less than [`STABLE_PERMILLE`] a year either way.
    Stable,
    Narrowing,
}

/// A trend of less than 1 % of the budget a year counts as stable (our reading).
pub const STABLE_PERMILLE: i64 = 10;

/// The trend of the ratio: its least-squares slope in permille per year over the years with a
/// ratio (at least two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Trend {
    pub permille_per_year: i64,
    pub direction: Direction,
}

/// The monitor's reading of one series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Assessment {
    pub rows: Vec<YearRow>,
    pub trend: Option<Trend>,
    /// The consecutive years beyond the margin, counted back from the latest year with both
    /// figures (0 when that year is within it).
    pub years_beyond: u32,
    pub flagged: bool,
    /// The gap in the latest year with both figures.
    pub latest_gap_cents: Option<i64>,
    pub settings: Settings,
}

/// Reads a series: `figures` in any order, at most one per year (a later one for the same year
/// replaces an earlier one).
pub fn assess(figures: &[YearFigures], settings: Settings) -> Assessment {
    let mut by_year: std::collections::BTreeMap<i32, YearFigures> = std::collections::BTreeMap::new();
    for f in figures {
        by_year.insert(f.year, *f);
    }
    let rows: Vec<YearRow> = by_year.values().map(|f| row(f, settings)).collect();
    let compared: Vec<&YearRow> = rows.iter().filter(|r| r.gap_cents.is_some()).collect();
    let mut years_beyond = 0u32;
    let mut previous: Option<i32> = None;
    for r in compared.iter().rev() {
        let consecutive = previous.is_none_or(|p| p == r.year + 1);
        if !r.beyond_margin || !consecutive {
            break;
        }
        years_beyond += 1;
        previous = Some(r.year);
    }
    let latest_gap_cents = compared.last().and_then(|r| r.gap_cents);
    Assessment {
        trend: trend(&rows),
        flagged: years_beyond >= settings.years_running,
        years_beyond,
        latest_gap_cents,
        rows,
        settings,
    }
}

fn row(f: &YearFigures, settings: Settings) -> YearRow {
    let (gap_cents, ratio_permille, beyond_margin) = match (f.budget, f.costs) {
        (Some(budget), Some(costs)) => {
            let (b, c) = (i128::from(budget.get()), i128::from(costs.get()));
            let gap = clamp(c - b);
            let ratio = (b > 0).then(|| clamp((c * 1000 + b / 2) / b));
            // costs > budget × (100 + margin) / 100, exactly.
            let beyond = c * 100 > b * (100 + i128::from(settings.margin_percent));
            (Some(gap), ratio, beyond)
        }
        _ => (None, None, false),
    };
    YearRow {
        year: f.year,
        budget: f.budget,
        costs: f.costs,
        gap_cents,
        ratio_permille,
        beyond_margin,
    }
}

fn clamp(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

fn trend(rows: &[YearRow]) -> Option<Trend> {
    let points: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| r.ratio_permille.map(|p| (f64::from(r.year), p as f64)))
        .collect();
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points.iter().map(|(x, y)| (x - mean_x) * (y - mean_y)).sum();
    let sxx: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
    let slope = (sxy / sxx).round();
    let permille_per_year = if slope.is_finite() { slope as i64 } else { 0 };
    let direction = if permille_per_year >= STABLE_PERMILLE {
        Direction::Widening
    } else if permille_per_year <= -STABLE_PERMILLE {
        Direction::Narrowing
    } else {
        Direction::Stable
    };
    Some(Trend {
        permille_per_year,
        direction,
    })
}

/// Orders assessments with the biggest latest gap first; those without a gap last, in their
/// given order.
pub fn biggest_gaps_first<T>(items: &mut [T], assessment: impl Fn(&T) -> &Assessment) {
    items.sort_by_key(|item| {
        std::cmp::Reverse(assessment(item).latest_gap_cents.map_or(i128::MIN, i128::from))
    });
}

#[cfg(test)]
mod tests;
