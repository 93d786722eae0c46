//! The disbalance monitor as a use case (issue 15, item 4): for a task of municipalities, the
//! costs each municipality booked on the task's Iv3 task fields (CBS or openspending imports)
//! against the budget the task records, read by `samenspel_domain::medebewind::monitor`.
//! Everyone may read it; the figures are public.

use std::collections::BTreeMap;

use samenspel_domain::iv3::costs::ReportKind;
use samenspel_domain::medebewind::costs::task_costs;
use samenspel_domain::medebewind::disbalance::Settings;
use samenspel_domain::medebewind::monitor::{OrganisationCosts, TaskMonitor, monitor};
use samenspel_domain::medebewind::{FundingMethod, GovernmentLayer};
use serde::Serialize;

use crate::medebewind::catalogue;
use crate::reference::municipal_inhabitants;
use crate::{App, AppResult, Principal};

/// The monitor of one task, with what the reader needs to weigh it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MonitorView {
    pub task_id: i64,
    pub task_name: String,
    pub settings: Settings,
    /// The kind of report the costs are taken from.
    #[schema(value_type = String)]
    pub report: ReportKind,
    /// Only tasks of municipalities have Iv3 figures here.
    pub applies: bool,
    pub monitor: TaskMonitor,
    /// Organisation code → name, for the organisations in the monitor.
    pub names: BTreeMap<String, String>,
    /// Some of the costs are generated demonstration figures.
    pub demo: bool,
    /// The funding methods of the task that no national budget line covers: the budget is
    /// then only part of what pays for the task, and the gap overstates the shortfall.
    #[schema(value_type = Vec<String>)]
    pub funding_without_budget: Vec<FundingMethod>,
    /// The inhabitants of all municipalities (the denominator of the national budget).
    pub layer_inhabitants: u64,
}

/// Reads the monitor's parameters as typed (empty takes the default), naming each wrong one by
/// the name the caller uses for it (`names`: margin, years, report).
pub fn parse_parameters(
    margin: &str,
    years: &str,
    report: &str,
    names: [&str; 3],
) -> AppResult<(Settings, ReportKind)> {
    let mut errors = samenspel_domain::ValidationErrors::new();
    let settings = match Settings::parse(margin, years) {
        Ok(settings) => Some(settings),
        Err(wrong) => {
            for e in wrong.errors {
                let field = if e.field == "margin" { names[0] } else { names[1] };
                errors.add(field, e.code, e.message);
            }
            None
        }
    };
    let report = match report.trim() {
        "" => Some(ReportKind::Jaarrekening),
        raw => errors.collect(ReportKind::parse_field(names[2], raw)),
    };
    match (settings, report) {
        (Some(settings), Some(report)) if errors.is_empty() => Ok((settings, report)),
        _ => Err(errors.into()),
    }
}

impl App {
    /// The monitor of task `id`, with `settings` and costs from reports of kind `report`.
    pub async fn medebewind_monitor(
        &self,
        id: i64,
        settings: Settings,
        report: ReportKind,
        who: &Principal,
    ) -> AppResult<MonitorView> {
        let view = self.medebewind_task(id, who).await?;
        let task = &view.task;
        let inhabitants = municipal_inhabitants()?;
        let layer_inhabitants: u64 = inhabitants.values().map(|n| u64::from(*n)).sum();
        let applies = task.layer == GovernmentLayer::Gemeenten && !task.task_fields.is_empty();
        let mut costs = Vec::new();
        let mut names = BTreeMap::new();
        let mut demo = false;
        if applies {
            let catalogue = catalogue()?;
            for (organisation, _) in self.store.cost_organisations().await? {
                let Some(count) = inhabitants.get(organisation.as_str()) else {
                    continue;
                };
                let stored = self.store.costs_of(&organisation).await?;
                let amounts: Vec<_> = stored
                    .iter()
                    .filter(|s| s.figure.key.report == report)
                    .map(|s| {
                        (
                            s.figure.key.year,
                            s.figure.key.task_field.clone(),
                            s.figure.lasten,
                        )
                    })
                    .collect();
                let per_year = task_costs(catalogue, &task.task_fields, &amounts);
                if per_year.values().all(Option::is_none) {
                    continue;
                }
                demo |= stored.iter().any(|s| s.demo);
                let name = match self.organisation(organisation.as_str()).await {
                    Ok(org) => org.name,
                    Err(_) => organisation.as_str().to_owned(),
                };
                names.insert(organisation.as_str().to_owned(), name);
                costs.push(OrganisationCosts {
                    organisation,
                    inhabitants: *count,
                    costs: per_year,
                });
            }
        }
        let budgeted: Vec<FundingMethod> = task
            .budgets
            .iter()
            .filter(|b| b.organisation.is_none())
            .map(|b| b.funding)
            .collect();
        Ok(MonitorView {
            task_id: view.id,
            task_name: task.name.clone(),
            settings,
            report,
            applies,
            monitor: monitor(task, &costs, layer_inhabitants, settings),
            names,
            demo,
            funding_without_budget: task
                .funding
                .iter()
                .copied()
                .filter(|f| {
                    !budgeted.contains(f) && *f != FundingMethod::EigenMiddelen && *f != FundingMethod::Geen
                })
                .collect(),
            layer_inhabitants,
        })
    }
}
