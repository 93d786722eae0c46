//! The disbalance monitor of one task (issue 15, item 4): the Rijk's view (the budget as the
//! Rijk counts it, from the task's budget lines) against the municipalities' view (the costs
//! as booked on the task's Iv3 task fields), in total and per organisation, read by
//! [`super::disbalance::assess`].
//!
//! A national budget and the costs of the organisations that sent figures only compare when
//! every organisation sent them. So the total compares **per inhabitant**: the national budget
//! divided by the inhabitants of all organisations of the layer, against the costs of the
//! organisations with figures divided by their inhabitants, and says how many organisations
//! (and what share of the inhabitants) the costs cover. An organisation compares against its
//! own budget line where the task has one, else against the national budget per inhabitant
//! times its inhabitants (a share by inhabitants: our reading, not how the Gemeentefonds
//! distributes), and against the median of its size class per inhabitant.

use std::collections::BTreeMap;

use serde::Serialize;

pub mod chart;

use super::Task;
use super::disbalance::{Assessment, Settings, YearFigures, assess};
use super::peers::{SizeClass, gap_per_inhabitant, median};
use crate::money::Cents;
use crate::org::OrgCode;

/// The costs one organisation booked on the task, per year (`None` for a year that is not
/// comparable across the 2023 split), with its inhabitants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationCosts {
    pub organisation: OrgCode,
    pub inhabitants: u32,
    pub costs: BTreeMap<i32, Option<Cents>>,
}

/// Where an organisation's budget comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetBasis {
    /// The task's budget line for this organisation.
    Own,
    /// The national budget's share by inhabitants.
    ShareByInhabitants,
}

/// One organisation in the monitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OrganisationMonitor {
    #[schema(value_type = String)]
    pub organisation: OrgCode,
    pub inhabitants: u32,
    pub size_class: SizeClass,
    pub basis: BudgetBasis,
    pub assessment: Assessment,
    /// The latest gap per inhabitant in cents, and the median of the same size class's
    /// organisations in the monitor for that year.
    pub gap_per_inhabitant_cents: Option<i64>,
    pub peer_median_per_inhabitant_cents: Option<i64>,
    pub peers: u32,
}

/// The whole task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TaskMonitor {
    /// Per year in cents per inhabitant: the national budget over all inhabitants of the
    /// layer, the costs over the inhabitants of the organisations with figures.
    pub per_inhabitant: Assessment,
    /// Per year: how many organisations the costs cover and their inhabitants.
    pub coverage: Vec<Coverage>,
    pub organisations: Vec<OrganisationMonitor>,
}

/// What the costs of one year cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Coverage {
    pub year: i32,
    pub organisations: u32,
    pub inhabitants: u64,
}

/// Reads the task's monitor from the organisations' costs; `layer_inhabitants` is the number
/// of inhabitants of all organisations of the task's layer.
pub fn monitor(
    task: &Task,
    costs: &[OrganisationCosts],
    layer_inhabitants: u64,
    settings: Settings,
) -> TaskMonitor {
    let mut years: Vec<i32> = task.budget_years();
    years.extend(costs.iter().flat_map(|c| c.costs.keys().copied()));
    years.sort_unstable();
    years.dedup();

    let mut coverage = Vec::new();
    let mut total = Vec::new();
    for &year in &years {
        let covered: Vec<(&OrganisationCosts, Cents)> = costs
            .iter()
            .filter_map(|c| c.costs.get(&year).copied().flatten().map(|amount| (c, amount)))
            .collect();
        let inhabitants: u64 = covered.iter().map(|(c, _)| u64::from(c.inhabitants)).sum();
        let spent: Cents = covered.iter().map(|(_, a)| *a).sum();
        coverage.push(Coverage {
            year,
            organisations: u32::try_from(covered.len()).unwrap_or(u32::MAX),
            inhabitants,
        });
        total.push(YearFigures {
            year,
            budget: task
                .national_budget(year)
                .and_then(|b| divide(b, layer_inhabitants)),
            costs: if covered.is_empty() {
                None
            } else {
                divide(spent, inhabitants)
            },
        });
    }

    let mut organisations: Vec<OrganisationMonitor> = costs
        .iter()
        .map(|c| organisation(task, c, layer_inhabitants, settings))
        .collect();
    add_peers(&mut organisations);
    super::disbalance::biggest_gaps_first(&mut organisations, |o| &o.assessment);
    TaskMonitor {
        per_inhabitant: assess(&total, settings),
        coverage,
        organisations,
    }
}

fn organisation(
    task: &Task,
    c: &OrganisationCosts,
    layer_inhabitants: u64,
    settings: Settings,
) -> OrganisationMonitor {
    let own = task
        .budgets
        .iter()
        .any(|b| b.organisation.as_ref() == Some(&c.organisation));
    let mut years: Vec<i32> = c.costs.keys().copied().collect();
    years.extend(task.budget_years());
    years.sort_unstable();
    years.dedup();
    let figures: Vec<YearFigures> = years
        .iter()
        .map(|&year| YearFigures {
            year,
            budget: if own {
                task.budget_for(&c.organisation, year)
            } else {
                task.national_budget(year)
                    .and_then(|b| share(b, c.inhabitants, layer_inhabitants))
            },
            costs: c.costs.get(&year).copied().flatten(),
        })
        .collect();
    let assessment = assess(&figures, settings);
    OrganisationMonitor {
        organisation: c.organisation.clone(),
        inhabitants: c.inhabitants,
        size_class: SizeClass::of(c.inhabitants),
        basis: if own {
            BudgetBasis::Own
        } else {
            BudgetBasis::ShareByInhabitants
        },
        gap_per_inhabitant_cents: assessment
            .latest_gap_cents
            .and_then(|g| gap_per_inhabitant(g, c.inhabitants)),
        assessment,
        peer_median_per_inhabitant_cents: None,
        peers: 0,
    }
}

/// Fills in each organisation's peers: those of its size class with a gap per inhabitant.
fn add_peers(organisations: &mut [OrganisationMonitor]) {
    let classes: Vec<(SizeClass, Option<i64>)> = organisations
        .iter()
        .map(|o| (o.size_class, o.gap_per_inhabitant_cents))
        .collect();
    for o in organisations.iter_mut() {
        let mut gaps: Vec<i64> = classes
            .iter()
            .filter(|(class, _)| *class == o.size_class)
            .filter_map(|(_, gap)| *gap)
            .collect();
        o.peers = u32::try_from(gaps.len()).unwrap_or(u32::MAX);
        o.peer_median_per_inhabitant_cents = median(&mut gaps);
    }
}

/// `amount / count` in cents, rounded half up; none for no count.
fn divide(amount: Cents, count: u64) -> Option<Cents> {
    (count > 0).then(|| {
        let n = i128::from(count);
        let value = (i128::from(amount.get()) + n / 2) / n;
        Cents::new(i64::try_from(value).unwrap_or(i64::MAX)).unwrap_or(Cents::ZERO)
    })
}

/// `amount × part / whole`, rounded half up; none for no whole.
fn share(amount: Cents, part: u32, whole: u64) -> Option<Cents> {
    (whole > 0).then(|| {
        let w = i128::from(whole);
        let value = (i128::from(amount.get()) * i128::from(part) + w / 2) / w;
        Cents::new(i64::try_from(value).unwrap_or(i64::MAX)).unwrap_or(Cents::ZERO)
    })
}

#[cfg(test)]
mod tests;
