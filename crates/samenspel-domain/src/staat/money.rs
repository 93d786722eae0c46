//! Money: a medebewind task's line in the report, read from its disbalance monitor
//! ([`crate::medebewind::monitor`]) up to the period's last year.

use super::{Period, TaskMoney};
use crate::medebewind::disbalance::{Direction, YearRow};
use crate::medebewind::monitor::TaskMonitor;

/// The task's figures for the report: the latest year up to the end of `period` with both a
/// budget and costs per inhabitant, the trend, the flag, and the municipalities with figures
/// in that year and how many of those the monitor flags.
pub fn task_money(id: i64, name: &str, ministry: &str, period: &Period, monitor: &TaskMonitor) -> TaskMoney {
    let last_year = *period.years().end();
    let assessment = &monitor.per_inhabitant;
    let latest: Option<&YearRow> = assessment
        .rows
        .iter()
        .filter(|r| r.year <= last_year && r.budget.is_some() && r.costs.is_some())
        .max_by_key(|r| r.year);
    let year = latest.map(|r| r.year);
    let organisations = monitor
        .organisations
        .iter()
        .filter(|o| {
            o.assessment
                .rows
                .iter()
                .any(|r| Some(r.year) == year && r.costs.is_some())
        })
        .collect::<Vec<_>>();
    TaskMoney {
        id,
        name: name.to_owned(),
        ministry: ministry.to_owned(),
        year,
        budget_per_inhabitant: latest.and_then(|r| r.budget).map(|c| c.get()),
        costs_per_inhabitant: latest.and_then(|r| r.costs).map(|c| c.get()),
        ratio_permille: latest.and_then(|r| r.ratio_permille),
        trend: assessment.trend.map(|t| {
            match t.direction {
                Direction::Widening => "widening",
                Direction::Stable => "stable",
                Direction::Narrowing => "narrowing",
            }
            .to_owned()
        }),
        flagged: assessment.flagged,
        organisations: organisations.len() as u64,
        organisations_flagged: organisations.iter().filter(|o| o.assessment.flagged).count() as u64,
    }
}

/// Biggest gap between costs and budget first (the highest ratio), tasks without a ratio
/// last, then by name.
pub fn biggest_gaps_first(tasks: &mut [TaskMoney]) {
    tasks.sort_by(|a, b| {
        b.ratio_permille
            .is_some()
            .cmp(&a.ratio_permille.is_some())
            .then_with(|| b.ratio_permille.cmp(&a.ratio_permille))
            .then_with(|| a.name.cmp(&b.name))
    });
}
