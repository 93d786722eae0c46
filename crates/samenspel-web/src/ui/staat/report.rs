//! One report in full (`/staat/{id}`): the headlines beside the report before, then the five
//! questions — where Rijk and regions work together, perception, the Rijk's impulses, money,
//! democratic control — each with its figures, a chart where one helps, and its sources.
//! Printable on A4 (the site's print style drops navigation and forms).

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::staat::StaatReportView;
use samenspel_domain::staat::compare::Headline;
use samenspel_domain::staat::{Count, StaatReport};

use super::period_text;
use crate::charts::staat::bar_chart;
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::ui::collaborations::show::reference_name;
use crate::ui::request::Visit;
use crate::ui::{Layout, decimal, render};

pub struct HeadlineRow {
    pub label: String,
    pub value: String,
    pub previous: String,
    pub change: String,
}

pub struct CountRow {
    pub label: String,
    pub count: u64,
}

pub struct StatementRow {
    pub id: String,
    pub text: String,
    /// Per trend column: the Rijk's and the decentral mean.
    pub cells: Vec<(String, String)>,
}

pub struct MinistryRow {
    pub name: String,
    pub dossiers: u32,
    pub consulted: u32,
    pub coverage: String,
    pub on_time: String,
    pub cosign: u32,
    pub outcomes: String,
}

pub struct TaskRow {
    pub id: i64,
    pub name: String,
    pub ministry: String,
    pub year: String,
    pub budget: String,
    pub costs: String,
    pub ratio: String,
    pub trend: String,
    pub flagged: bool,
    pub organisations: String,
}

pub struct MomentRow {
    pub what: String,
    pub when: String,
    pub concerns_year: i32,
    pub source: String,
    pub law_url: String,
}

#[derive(Template)]
#[template(path = "staat/report.html")]
pub struct ReportPage {
    pub layout: Layout,
    pub id: i64,
    pub report: StaatReport,
    pub period: String,
    pub compiled_on: String,
    pub previous: Option<(i64, String)>,
    pub headlines: Vec<HeadlineRow>,
    pub kinds: Vec<CountRow>,
    pub kind_chart: String,
    pub regions: Vec<CountRow>,
    pub signals: Vec<CountRow>,
    pub signal_chart: String,
    pub distance: String,
    pub nearest: Vec<CountRow>,
    pub wave_columns: Vec<String>,
    pub statements: Vec<StatementRow>,
    pub wave_closed_on: String,
    pub ministries: Vec<MinistryRow>,
    pub udo_total: Option<MinistryRow>,
    pub udo_chart: String,
    pub tasks: Vec<TaskRow>,
    pub moments: Vec<MomentRow>,
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), decimal)
}

pub(super) fn headline_rows(lang: Lang, headlines: &[Headline]) -> Vec<HeadlineRow> {
    headlines
        .iter()
        .map(|h| HeadlineRow {
            label: lang.t(&format!("staat-headline-{}", h.key)),
            value: number(h.value),
            previous: number(h.previous),
            change: h.change().map_or_else(
                || "–".to_owned(),
                |c| {
                    if c > 0.0 {
                        format!("+{}", decimal(c))
                    } else if c < 0.0 {
                        format!("−{}", decimal(-c))
                    } else {
                        "0".to_owned()
                    }
                },
            ),
        })
        .collect()
}

/// The label of `key` of the keyed enum `kind` (`CollaborationKind`, `SignalKind`).
fn keyed(lang: Lang, kind: &str, key: &str) -> String {
    lang.t(&format!("{kind}-{key}"))
}

fn count_rows(counts: &[Count], label: impl Fn(&str) -> String) -> Vec<CountRow> {
    counts
        .iter()
        .map(|c| CountRow {
            label: label(&c.key),
            count: c.count,
        })
        .collect()
}

fn percent(value: Option<u32>) -> String {
    value.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))
}

fn ministry_row(lang: Lang, m: &samenspel_domain::staat::MinistryImpulse) -> MinistryRow {
    MinistryRow {
        name: if m.name.is_empty() {
            lang.t("staat-udo-total")
        } else {
            m.name.clone()
        },
        dossiers: m.dossiers,
        consulted: m.consulted,
        coverage: percent(m.coverage_percent()),
        on_time: percent(m.on_time_percent()),
        cosign: m.cosign,
        outcomes: format!(
            "{} / {} / {}",
            m.uitvoerbaar, m.onder_voorwaarden, m.niet_uitvoerbaar
        ),
    }
}

fn euro(cents: Option<i64>) -> String {
    cents
        .and_then(samenspel_domain::money::Cents::new)
        .map_or_else(|| "–".to_owned(), samenspel_domain::money::Cents::format_nl)
}

fn task_rows(lang: Lang, report: &StaatReport) -> Vec<TaskRow> {
    report
        .money
        .monitored
        .iter()
        .map(|t| TaskRow {
            id: t.id,
            name: t.name.clone(),
            ministry: t.ministry.clone(),
            year: t.year.map_or_else(|| "–".to_owned(), |y| y.to_string()),
            budget: euro(t.budget_per_inhabitant),
            costs: euro(t.costs_per_inhabitant),
            ratio: t
                .ratio_permille
                .map_or_else(|| "–".to_owned(), |r| decimal(r as f64 / 1000.0)),
            trend: t
                .trend
                .as_deref()
                .map_or_else(|| "–".to_owned(), |d| lang.t(&format!("staat-trend-{d}"))),
            flagged: t.flagged,
            organisations: lang.t_with(
                "staat-money-organisations",
                &[
                    ("flagged", &t.organisations_flagged.to_string()),
                    ("total", &t.organisations.to_string()),
                ],
            ),
        })
        .collect()
}

fn moment_rows(lang: Lang, report: &StaatReport) -> Vec<MomentRow> {
    report
        .control
        .statutory
        .iter()
        .map(|m| MomentRow {
            what: keyed(lang, "WgrMoment", &m.moment),
            when: lang.t_with(
                if m.before {
                    "staat-moment-before"
                } else {
                    "staat-moment-no-later"
                },
                &[("date", &m.last_day.format("%d-%m-%Y").to_string())],
            ),
            concerns_year: m.concerns_year,
            source: m.source.clone(),
            law_url: m.law_url.clone(),
        })
        .collect()
}

fn statement_rows(lang: Lang, report: &StaatReport) -> (Vec<String>, Vec<StatementRow>) {
    let Some(wave) = &report.perception.wave else {
        return (Vec::new(), Vec::new());
    };
    let columns = wave.trend.iter().map(|c| c.title.clone()).collect();
    let rows = wave
        .statements
        .iter()
        .map(|id| StatementRow {
            id: id.clone(),
            text: lang.t(&format!("survey-statement-{id}")),
            cells: wave
                .trend
                .iter()
                .map(|column| {
                    let means = column.means.iter().find(|m| &m.statement == id);
                    (
                        number(means.and_then(|m| m.rijk)),
                        number(means.and_then(|m| m.decentraal)),
                    )
                })
                .collect(),
        })
        .collect();
    (columns, rows)
}

pub fn view(layout: Layout, lang: Lang, view: StaatReportView) -> ReportPage {
    let report = view.record.report;
    let c = &report.collaboration;
    let kind_label = |key: &str| keyed(lang, "CollaborationKind", key);
    let signal_label = |key: &str| keyed(lang, "SignalKind", key);
    let udo_counts: Vec<Count> = report
        .impulses
        .per_ministry
        .iter()
        .map(|m| Count {
            key: m.name.clone(),
            count: u64::from(m.dossiers),
        })
        .collect();
    let (wave_columns, statements) = statement_rows(lang, &report);
    ReportPage {
        id: view.record.id,
        period: period_text(lang, &report.period),
        compiled_on: report.compiled_on.format("%d-%m-%Y").to_string(),
        previous: view.previous.map(|p| (p.id, period_text(lang, &p.period))),
        headlines: headline_rows(lang, &view.headlines),
        kinds: count_rows(&c.by_kind, kind_label),
        kind_chart: bar_chart(
            "staat-kinds",
            &lang.t("staat-kinds-chart"),
            &c.by_kind,
            &kind_label,
        ),
        regions: count_rows(&c.by_region, str::to_owned),
        signals: count_rows(&c.signals, signal_label),
        signal_chart: bar_chart(
            "staat-signals",
            &lang.t("staat-signals-chart"),
            &c.signals,
            &signal_label,
        ),
        distance: number(c.profiles.mean_distance_to_ideal),
        nearest: count_rows(&c.profiles.nearest_reference, |k| reference_name(lang, k)),
        wave_columns,
        statements,
        wave_closed_on: report
            .perception
            .wave
            .as_ref()
            .and_then(|w| w.closed_on)
            .map_or_else(String::new, |d| d.format("%d-%m-%Y").to_string()),
        ministries: report
            .impulses
            .per_ministry
            .iter()
            .map(|m| ministry_row(lang, m))
            .collect(),
        udo_total: (report.impulses.total.dossiers > 0).then(|| ministry_row(lang, &report.impulses.total)),
        udo_chart: bar_chart(
            "staat-udo",
            &lang.t("staat-udo-chart"),
            &udo_counts,
            &str::to_owned,
        ),
        tasks: task_rows(lang, &report),
        moments: moment_rows(lang, &report),
        layout,
        report,
    }
}

pub async fn page(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let lang = ctx.lang;
    let report = app.staat_report(id).await?;
    let title = format!(
        "{} {}",
        lang.t("staat-title"),
        period_text(lang, &report.record.report.period)
    );
    let layout = Layout::translated(&ctx, title, "staat");
    Ok(render(StatusCode::OK, &view(layout, lang, report)))
}
