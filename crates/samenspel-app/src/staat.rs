//! The "Staat van het samenspel" as a use case (issue 15, item 6): compile a report for a
//! period from every module — collaborations and their signals and profiles, the latest wave
//! of the knelpuntenmonitor, the UDO per ministry, the medebewind tasks' disbalance, the
//! democratic control — keep it as compiled, and show it beside the report before.
//!
//! A report is public: it counts only published collaborations and dossiers (what an
//! anonymous visitor may see) and names organisations, never people. Only beheerders compile
//! one ([`Action::CompileStaatReport`]); the CLI compiles as the system.

use std::collections::HashMap;

use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::iv3::costs::ReportKind;
use samenspel_domain::medebewind::GovernmentLayer;
use samenspel_domain::medebewind::disbalance::Settings;
use samenspel_domain::partnership::PartnerStance;
use samenspel_domain::staat::collaboration::{CollaborationFact, collaboration_section, current_stances};
use samenspel_domain::staat::compare::{Headline, headlines};
use samenspel_domain::staat::control::control_section;
use samenspel_domain::staat::impulses::impulse_section;
use samenspel_domain::staat::money::{biggest_gaps_first, task_money};
use samenspel_domain::staat::{
    MoneySection, PerceptionSection, Period, SCHEMA, StaatReport, StatementMeans, TrendColumn, WaveFigures,
};
use samenspel_domain::udo::dashboard::DashboardFilter;
use samenspel_domain::wgr::statutory_table;
use samenspel_store::{CollaborationFilter, StaatReportItem, StaatReportRecord};
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

/// A stored report with the report before it and the headlines of both.
#[derive(Debug, Clone, Serialize)]
pub struct StaatReportView {
    pub record: StaatReportRecord,
    /// The latest report whose period ends before this one's.
    pub previous: Option<StaatReportItem>,
    pub headlines: Vec<Headline>,
}

impl App {
    /// Compiles the report for `period` and keeps it; returns its id. Beheerders only (and
    /// the system: the CLI, the demonstration data).
    pub async fn compile_staat_report(&self, period: Period, who: &Principal) -> AppResult<i64> {
        let actor = who.authorise(Action::CompileStaatReport, |_| Relation::None)?;
        let report = self.staat_figures(period).await?;
        Ok(self.store.save_staat_report(&report, &actor).await?)
    }

    /// The demonstration reports, when there is no report yet: last year, and this year up
    /// to today (the demonstration dossiers and waves date from the day they are loaded), so
    /// the latest report has one before it to be compared with.
    pub async fn load_demo_staat(&self) -> AppResult<()> {
        if !self.store.list_staat_reports().await?.is_empty() {
            return Ok(());
        }
        let today = self.today();
        let year = chrono::Datelike::year(&today);
        let this_year = Period::year(year).map(|p| Period { to: today, ..p });
        for period in [Period::year(year - 1), this_year].into_iter().flatten() {
            self.compile_staat_report(period, &Principal::System("demo"))
                .await?;
        }
        Ok(())
    }

    /// Every kept report, the latest period first.
    pub async fn staat_reports(&self) -> AppResult<Vec<StaatReportItem>> {
        Ok(self.store.list_staat_reports().await?)
    }

    /// One kept report, with the one before it.
    pub async fn staat_report(&self, id: i64) -> AppResult<StaatReportView> {
        let record = self
            .store
            .get_staat_report(id)
            .await?
            .ok_or(AppError::NotFound("staat-report"))?;
        let this = record.report.period;
        let previous = self
            .store
            .list_staat_reports()
            .await?
            .into_iter()
            .find(|item| item.id != id && item.period.to < this.to);
        let before = match &previous {
            Some(item) => self.store.get_staat_report(item.id).await?,
            None => None,
        };
        Ok(StaatReportView {
            headlines: headlines(&record.report, before.as_ref().map(|b| &b.report)),
            record,
            previous,
        })
    }

    /// The figures of every module for `period`, as an anonymous visitor may see them.
    pub async fn staat_figures(&self, period: Period) -> AppResult<StaatReport> {
        let compiled_on = self.today();
        let judged_on = period.judged_on(compiled_on);
        let (facts, demo) = self.collaboration_facts(judged_on).await?;
        let stances = self.published_stances(&facts).await?;
        let table = statutory_table().map_err(|e| AppError::internal(e.to_string()))?;
        let money = self.money_section(&period).await?;
        Ok(StaatReport {
            schema: SCHEMA,
            period,
            compiled_on,
            collaboration: collaboration_section(&period, judged_on, &facts, &stances),
            perception: self.perception_section(&period).await?,
            impulses: self.impulse_figures(&period).await?,
            control: control_section(&period, judged_on, &facts, table),
            demo: demo || money.1,
            money: money.0,
        })
    }

    /// The published collaborations with their stored signals, the evaluations due up to a
    /// year after `judged_on` among them; and whether any is demonstration data.
    async fn collaboration_facts(
        &self,
        judged_on: chrono::NaiveDate,
    ) -> AppResult<(Vec<CollaborationFact>, bool)> {
        let summaries = self
            .list_all_collaborations(&CollaborationFilter::default(), &Principal::Anonymous)
            .await?;
        let ids: Vec<i64> = summaries.iter().map(|s| s.id).collect();
        let horizon = judged_on
            .checked_add_days(chrono::Days::new(367))
            .unwrap_or(judged_on);
        let mut signals: HashMap<i64, Vec<_>> =
            self.store.signals_of(&ids, horizon).await?.into_iter().collect();
        let demo = summaries.iter().any(|s| s.demo);
        let facts = summaries
            .into_iter()
            .map(|s| CollaborationFact {
                signals: signals.remove(&s.id).unwrap_or_default(),
                id: s.id,
                kind: s.kind,
                region: s.region,
                start: s.start_date,
                end: s.end_date,
            })
            .collect();
        Ok((facts, demo))
    }

    /// The current general stances in the published collaborations among `facts`.
    async fn published_stances(
        &self,
        facts: &[CollaborationFact],
    ) -> AppResult<std::collections::BTreeMap<i64, Vec<PartnerStance>>> {
        let published: std::collections::HashSet<i64> = facts.iter().map(|f| f.id).collect();
        let stated = self
            .store
            .general_stances()
            .await?
            .into_iter()
            .filter(|(record, _)| published.contains(&record.collaboration_id))
            .map(|(record, org_type)| {
                (
                    record.collaboration_id,
                    PartnerStance {
                        name: record.code.to_string(),
                        code: record.code,
                        layer: org_type.layer(),
                        stance: record.stance,
                    },
                )
            })
            .collect();
        Ok(current_stances(stated))
    }

    /// The latest country-wide wave closed by the period's end, with its trend.
    async fn perception_section(&self, period: &Period) -> AppResult<PerceptionSection> {
        let closed: Vec<_> = self
            .waves()
            .await?
            .into_iter()
            .filter(|w| w.collaboration_id.is_none())
            .filter_map(|w| w.closed_at.map(|at| (at.date_naive(), w)))
            .filter(|(on, _)| *on <= period.to)
            .collect();
        let waves_closed = closed.iter().filter(|(on, _)| period.contains(*on)).count() as u64;
        let Some((closed_on, latest)) = closed.into_iter().max_by_key(|(on, w)| (*on, w.id)) else {
            return Ok(PerceptionSection {
                waves_closed,
                wave: None,
            });
        };
        let report = self.survey_report(&latest.key).await?;
        let respondents = ["rijk", "decentraal", "overig"]
            .iter()
            .filter_map(|g| report.report.groups.get(*g))
            .map(|g| g.respondents)
            .sum();
        let trend = self
            .survey_trend(&latest.key)
            .await?
            .into_iter()
            .map(|column| TrendColumn {
                key: column.key,
                title: column.title,
                means: report
                    .statements
                    .iter()
                    .map(|s| {
                        let (rijk, decentraal) = column.means.get(s.id).copied().unwrap_or((None, None));
                        StatementMeans {
                            statement: s.id.to_owned(),
                            rijk,
                            decentraal,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(PerceptionSection {
            waves_closed,
            wave: Some(WaveFigures {
                key: latest.key,
                title: latest.title,
                closed_on: Some(closed_on),
                respondents,
                statements: report.statements.iter().map(|s| s.id.to_owned()).collect(),
                trend,
            }),
        })
    }

    async fn impulse_figures(&self, period: &Period) -> AppResult<samenspel_domain::staat::ImpulseSection> {
        let figures = self.udo_dashboard(&DashboardFilter::default()).await?;
        let mut names: HashMap<String, String> = HashMap::new();
        for f in &figures {
            if !names.contains_key(&f.ministry) {
                let name = match self.organisation(&f.ministry).await {
                    Ok(org) => org.name,
                    Err(_) => f.ministry.clone(),
                };
                names.insert(f.ministry.clone(), name);
            }
        }
        Ok(impulse_section(period, &figures, |code| {
            names.get(code).cloned().unwrap_or_else(|| code.to_owned())
        }))
    }

    /// Every medebewind task, the municipal ones with task fields read by the monitor with
    /// its default settings on the jaarrekening figures; and whether any costs are
    /// demonstration figures.
    async fn money_section(&self, period: &Period) -> AppResult<(MoneySection, bool)> {
        let tasks = self.medebewind_tasks(&Principal::Anonymous).await?;
        let settings = Settings::DEFAULT;
        let mut section = MoneySection {
            tasks: tasks.len() as u64,
            margin_percent: settings.margin_percent,
            years_running: settings.years_running,
            monitored: Vec::new(),
        };
        let mut demo = false;
        for view in tasks
            .iter()
            .filter(|v| v.task.layer == GovernmentLayer::Gemeenten && !v.task.task_fields.is_empty())
        {
            let monitor = self
                .medebewind_monitor(view.id, settings, ReportKind::Jaarrekening, &Principal::Anonymous)
                .await?;
            demo |= monitor.demo;
            section.monitored.push(task_money(
                view.id,
                &view.task.name,
                &view.ministry_name,
                period,
                &monitor.monitor,
            ));
        }
        biggest_gaps_first(&mut section.monitored);
        Ok((section, demo))
    }
}
