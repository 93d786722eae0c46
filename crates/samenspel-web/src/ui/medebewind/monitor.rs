//! The disbalance monitor of a task (`/medebewind/{id}/monitor`, also as CSV): the chart of the
//! budget and the costs per inhabitant per year with the same figures in a table, the flag and
//! the trend, what the costs cover, and per municipality its gap with the median of its size
//! class, the biggest gaps first. Margin, years running and kind of report are settings on
//! the page (`marge`, `jaren`, `verslag`).

use askama::Template;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_app::medebewind_monitor::{MonitorView, parse_parameters};
use samenspel_domain::iv3::costs::ReportKind;
use samenspel_domain::medebewind::disbalance::{Direction, Settings, YearRow};
use samenspel_domain::medebewind::monitor::BudgetBasis;
use samenspel_domain::medebewind::monitor::chart::{Side, layout};
use samenspel_domain::money::Cents;
use serde::Deserialize;

use crate::charts::medebewind::{Words, monitor};
use crate::error::{PageError, PageResult};
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::collaborations::{Labelled, labelled};
use crate::ui::request::Visit;
use crate::ui::{Layout, csv_line, csv_response, parse_query_in, render};

#[derive(Debug, Default, Deserialize)]
struct MonitorQuery {
    #[serde(default)]
    marge: String,
    #[serde(default)]
    jaren: String,
    #[serde(default)]
    verslag: String,
}

/// A year of the total in the table.
pub struct TotalRow {
    pub year: i32,
    pub budget: String,
    pub costs: String,
    pub ratio: String,
    pub coverage: String,
    pub beyond: bool,
}

/// A municipality in the table.
pub struct OrganisationRow {
    pub code: String,
    pub name: String,
    pub size_class: String,
    pub basis: String,
    pub latest: String,
    pub gap: String,
    pub gap_per_inhabitant: String,
    pub peer_median: String,
    pub years_beyond: u32,
    pub flagged: bool,
}

#[derive(Template)]
#[template(path = "medebewind/monitor.html")]
pub struct MonitorPage {
    pub layout: Layout,
    pub view: MonitorView,
    pub refused: Option<String>,
    pub chart: String,
    pub totals: Vec<TotalRow>,
    pub organisations: Vec<OrganisationRow>,
    pub trend: String,
    pub missing_funding: String,
    pub reports: Vec<Labelled>,
    pub margin: String,
    pub years: String,
    pub query: String,
}

fn money(cents: Option<Cents>, lang: Lang) -> String {
    cents.map_or_else(|| lang.t("medebewind-unknown"), Cents::format_nl)
}

fn signed(cents: Option<i64>, lang: Lang) -> String {
    match cents {
        Some(c) if c < 0 => format!("−{}", Cents::new(-c).map_or_else(String::new, Cents::format_nl)),
        Some(c) => format!("+{}", Cents::new(c).map_or_else(String::new, Cents::format_nl)),
        None => lang.t("medebewind-unknown"),
    }
}

fn ratio(row: &YearRow) -> String {
    row.ratio_permille
        .map_or_else(String::new, |p| format!("{},{} %", p / 10, (p % 10).abs()))
}

/// The settings and report asked for; wrong ones fall back to the defaults with a message.
fn asked(lang: Lang, raw: Option<&str>) -> (Settings, ReportKind, Option<String>, MonitorQuery) {
    let (query, unreadable) = parse_query_in::<MonitorQuery>(lang, raw);
    match parse_parameters(
        &query.marge,
        &query.jaren,
        &query.verslag,
        ["marge", "jaren", "verslag"],
    ) {
        Ok((settings, report)) => (settings, report, unreadable, query),
        Err(samenspel_app::AppError::Invalid(errors)) => {
            let message = errors
                .errors
                .iter()
                .map(|e| {
                    lang.t_with(
                        "medebewind-monitor-invalid",
                        &[("field", &e.field), ("message", &lang.msg(&e.message))],
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            (
                Settings::DEFAULT,
                ReportKind::Jaarrekening,
                Some(message),
                MonitorQuery::default(),
            )
        }
        Err(_) => (
            Settings::DEFAULT,
            ReportKind::Jaarrekening,
            unreadable,
            MonitorQuery::default(),
        ),
    }
}

async fn view_for(
    app: &samenspel_app::App,
    ctx: &PageContext,
    id: i64,
    raw: Option<&str>,
) -> Result<(MonitorView, Option<String>, MonitorQuery), PageError> {
    let (settings, report, refused, query) = asked(ctx.lang, raw);
    let view = app.medebewind_monitor(id, settings, report, &ctx.who).await?;
    Ok((view, refused, query))
}

fn total_rows(lang: Lang, view: &MonitorView) -> Vec<TotalRow> {
    view.monitor
        .per_inhabitant
        .rows
        .iter()
        .map(|r| {
            let coverage = view.monitor.coverage.iter().find(|c| c.year == r.year);
            TotalRow {
                year: r.year,
                budget: money(r.budget, lang),
                costs: money(r.costs, lang),
                ratio: ratio(r),
                coverage: coverage.map_or_else(String::new, |c| {
                    lang.t_with(
                        "medebewind-monitor-coverage",
                        &[
                            ("organisations", &c.organisations.to_string()),
                            ("inhabitants", &c.inhabitants.to_string()),
                        ],
                    )
                }),
                beyond: r.beyond_margin,
            }
        })
        .collect()
}

fn organisation_rows(lang: Lang, view: &MonitorView) -> Vec<OrganisationRow> {
    view.monitor
        .organisations
        .iter()
        .map(|o| {
            let latest = o.assessment.rows.iter().rev().find(|r| r.gap_cents.is_some());
            OrganisationRow {
                code: o.organisation.as_str().to_owned(),
                name: view
                    .names
                    .get(o.organisation.as_str())
                    .cloned()
                    .unwrap_or_default(),
                size_class: lang.t(o.size_class.message_id()),
                basis: lang.t(match o.basis {
                    BudgetBasis::Own => "medebewind-monitor-basis-own",
                    BudgetBasis::ShareByInhabitants => "medebewind-monitor-basis-share",
                }),
                latest: latest.map_or_else(String::new, |r| r.year.to_string()),
                gap: signed(o.assessment.latest_gap_cents, lang),
                gap_per_inhabitant: signed(o.gap_per_inhabitant_cents, lang),
                peer_median: signed(o.peer_median_per_inhabitant_cents, lang),
                years_beyond: o.assessment.years_beyond,
                flagged: o.assessment.flagged,
            }
        })
        .collect()
}

pub async fn page(Visit(app, ctx, id): Visit<i64>, RawQuery(raw): RawQuery) -> PageResult {
    let lang = ctx.lang;
    let (view, refused, query) = view_for(&app, &ctx, id, raw.as_deref()).await?;
    let chart = layout(&view.monitor.per_inhabitant.rows);
    let side = |s: Side| {
        lang.t(match s {
            Side::Budget => "medebewind-monitor-budget",
            Side::Costs => "medebewind-monitor-costs",
        })
    };
    let bar = |year: i32, s: Side, cents: i64| {
        format!(
            "{year}, {}: {}",
            side(s),
            Cents::new(cents).map_or_else(String::new, Cents::format_nl)
        )
    };
    let title = lang.t_with(
        "medebewind-monitor-chart-title",
        &[("name", view.task_name.as_str())],
    );
    let desc = lang.t("medebewind-monitor-chart-desc");
    let svg = monitor(
        &format!("monitor-{id}"),
        &chart,
        &Words {
            title: &title,
            desc: &desc,
            side: &side,
            bar: &bar,
        },
    );
    let trend = view.monitor.per_inhabitant.trend.map_or_else(
        || lang.t("medebewind-monitor-no-trend"),
        |t| {
            let direction = lang.t(match t.direction {
                Direction::Widening => "medebewind-monitor-widening",
                Direction::Stable => "medebewind-monitor-stable",
                Direction::Narrowing => "medebewind-monitor-narrowing",
            });
            format!("{direction} ({} ‰)", t.permille_per_year)
        },
    );
    let missing_funding = view
        .funding_without_budget
        .iter()
        .map(|f| lang.t(f.message_id()))
        .collect::<Vec<_>>()
        .join(", ");
    let chosen = view.report.key();
    let reports = labelled(
        lang,
        ReportKind::ALL,
        ReportKind::key,
        ReportKind::message_id,
        |k| k == chosen,
    );
    let query_string = format!(
        "marge={}&jaren={}&verslag={}",
        view.settings.margin_percent,
        view.settings.years_running,
        view.report.key()
    );
    let page = MonitorPage {
        layout: Layout::translated(
            &ctx,
            lang.t_with("medebewind-monitor-title", &[("name", view.task_name.as_str())]),
            "medebewind",
        ),
        totals: total_rows(lang, &view),
        organisations: organisation_rows(lang, &view),
        chart: svg,
        trend,
        missing_funding,
        reports,
        margin: if query.marge.is_empty() {
            view.settings.margin_percent.to_string()
        } else {
            query.marge.clone()
        },
        years: if query.jaren.is_empty() {
            view.settings.years_running.to_string()
        } else {
            query.jaren.clone()
        },
        query: query_string,
        refused,
        view,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The same figures as CSV: the total per year, then every municipality's latest gap.
pub async fn csv(Visit(app, ctx, id): Visit<i64>, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (view, _, _) = view_for(&app, &ctx, id, raw.as_deref()).await?;
    let mut body = csv_line(&[
        lang.t("medebewind-col-year"),
        lang.t("medebewind-monitor-budget"),
        lang.t("medebewind-monitor-costs"),
        lang.t("medebewind-monitor-ratio"),
        lang.t("medebewind-monitor-beyond"),
        lang.t("medebewind-monitor-covered"),
    ]);
    for (r, row) in total_rows(lang, &view)
        .iter()
        .zip(&view.monitor.per_inhabitant.rows)
    {
        body.push_str(&csv_line(&[
            r.year.to_string(),
            row.budget.map_or_else(String::new, Cents::format_number_nl),
            row.costs.map_or_else(String::new, Cents::format_number_nl),
            r.ratio.clone(),
            lang.t(if r.beyond { "udo-yes" } else { "udo-no" }),
            r.coverage.clone(),
        ]));
    }
    body.push_str("\r\n");
    body.push_str(&csv_line(&[
        lang.t("medebewind-monitor-organisation"),
        lang.t("medebewind-monitor-size-class"),
        lang.t("medebewind-monitor-basis"),
        lang.t("medebewind-col-year"),
        lang.t("medebewind-monitor-gap"),
        lang.t("medebewind-monitor-gap-per-inhabitant"),
        lang.t("medebewind-monitor-peer-median"),
        lang.t("medebewind-monitor-years-beyond"),
    ]));
    for o in organisation_rows(lang, &view) {
        body.push_str(&csv_line(&[
            format!("{} ({})", o.name, o.code),
            o.size_class,
            o.basis,
            o.latest,
            o.gap,
            o.gap_per_inhabitant,
            o.peer_median,
            o.years_beyond.to_string(),
        ]));
    }
    Ok(csv_response(&format!("medebewind-{id}-monitor.csv"), body))
}
