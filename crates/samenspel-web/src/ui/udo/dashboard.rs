//! The use of the UDO per ministry and year (`/udo/gebruik`, `/udo/gebruik.csv`): counts over
//! the dossiers from `App::udo_dashboard` (drafts count, their content is not shown), narrowed
//! by the query parameters `year` and `ministry`; a chart per ministry above the table that
//! holds the same figures. A refused parameter is named: the page says so (400) and counts
//! everything, the CSV answers 400 with the reason.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samenspel_app::{App, AppError};
use samenspel_domain::ValidationErrors;
use samenspel_domain::org::OrgType;
use samenspel_domain::udo::dashboard::chart::{MinistryTotal, Part, per_ministry};
use samenspel_domain::udo::dashboard::{DashboardFilter, UdoYearFigures, totals_per_year};
use samenspel_store::{OrgFilter, Page};
use serde::Deserialize;

use super::org_name;
use crate::charts::udo::{Words, usage};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::{Layout, csv_line, csv_response, parse_query_in, render, status_unless};

pub struct FigureRow {
    pub ministry: String,
    pub year: i32,
    pub dossiers: u32,
    pub consulted: u32,
    pub udo_before: String,
    pub term_kept: String,
    pub outcomes: String,
    pub cosign: u32,
    pub overdue: u32,
}

pub struct MinistryChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "udo/dashboard.html")]
pub struct DashboardPage {
    pub layout: Layout,
    pub rows: Vec<FigureRow>,
    pub totals: Vec<FigureRow>,
    pub chart: String,
    /// The year asked for, as typed (empty: all years).
    pub year: String,
    pub ministries: Vec<MinistryChoice>,
    /// Why a parameter was refused (everything is counted then).
    pub error: Option<String>,
    /// The query string of the filter in force, for the CSV and JSON links (`?year=…`).
    pub query: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct DashboardQuery {
    year: Option<String>,
    ministry: Option<String>,
}

/// "3 of 4 (75%)", or "—" when none was consulted.
fn share(part: u32, whole: u32, percent: Option<u32>) -> String {
    percent.map_or_else(|| "—".to_owned(), |p| format!("{part}/{whole} ({p}%)"))
}

fn row(lang: Lang, ministry: String, f: &UdoYearFigures) -> FigureRow {
    FigureRow {
        ministry,
        year: f.year,
        dossiers: f.dossiers,
        consulted: f.consulted,
        udo_before: share(
            f.udo_before_consultation,
            f.consulted,
            f.udo_before_consultation_percent(),
        ),
        term_kept: share(f.consultation_term_kept, f.consulted, f.term_kept_percent()),
        outcomes: lang.t_with(
            "udo-dashboard-outcomes",
            &[
                ("feasible", &f.uitvoerbaar.to_string()),
                ("conditions", &f.onder_voorwaarden.to_string()),
                ("infeasible", &f.niet_uitvoerbaar.to_string()),
            ],
        ),
        cosign: f.cosign,
        overdue: f.evaluations_overdue,
    }
}

/// "Parameter year: …" for each refused parameter.
fn refusal(lang: Lang, errors: &ValidationErrors) -> String {
    errors
        .errors
        .iter()
        .map(|e| {
            lang.t_with(
                "udo-dashboard-filter-invalid",
                &[("field", &e.field), ("message", &lang.msg(&e.message))],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The figures the address asks for, with the filter used; a refused parameter gives the
/// figures of everything, the default filter and the reason.
async fn counted(
    app: &App,
    lang: Lang,
    raw: Option<&str>,
) -> Result<(Vec<UdoYearFigures>, DashboardFilter, Option<String>), AppError> {
    let (query, unreadable) = parse_query_in::<DashboardQuery>(lang, raw);
    let year = query.year.as_deref().unwrap_or_default();
    let ministry = query.ministry.as_deref().unwrap_or_default();
    let asked = match DashboardFilter::parse(year, ministry) {
        Ok(filter) => app.udo_dashboard(&filter).await.map(|f| (f, filter)),
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match asked {
        Ok((figures, filter)) => Ok((figures, filter, unreadable)),
        Err(AppError::Invalid(errors)) => {
            let all = DashboardFilter::default();
            Ok((app.udo_dashboard(&all).await?, all, Some(refusal(lang, &errors))))
        }
        Err(other) => Err(other),
    }
}

/// The table's rows and total rows, and each ministry's name by its code.
async fn rows(
    app: &App,
    lang: Lang,
    figures: &[UdoYearFigures],
) -> (Vec<FigureRow>, Vec<FigureRow>, HashMap<String, String>) {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut rows = Vec::with_capacity(figures.len());
    for f in figures {
        if !names.contains_key(&f.ministry) {
            names.insert(f.ministry.clone(), org_name(app, &f.ministry).await);
        }
        rows.push(row(lang, names[&f.ministry].clone(), f));
    }
    let totals = totals_per_year(figures)
        .iter()
        .map(|f| row(lang, lang.t("udo-dashboard-all"), f))
        .collect();
    (rows, totals, names)
}

fn chart(lang: Lang, figures: &[UdoYearFigures], names: &HashMap<String, String>) -> String {
    let part = |p: Part| lang.t(&format!("udo-dashboard-part-{}", p.key()));
    let ministry = |code: &str| names.get(code).cloned().unwrap_or_else(|| code.to_owned());
    let bar = |name: &str, t: &MinistryTotal| {
        lang.t_with(
            "udo-dashboard-chart-bar",
            &[
                ("ministry", name),
                ("dossiers", &t.dossiers.to_string()),
                ("before", &t.udo_before.to_string()),
                ("without", &t.consulted_without.to_string()),
                ("pending", &t.not_consulted.to_string()),
            ],
        )
    };
    usage(
        "udo-chart",
        &per_ministry(figures),
        &Words {
            title: &lang.t("udo-dashboard-chart-title"),
            desc: &lang.t("udo-dashboard-chart-desc"),
            part: &part,
            ministry: &ministry,
            bar: &bar,
        },
    )
}

/// The current ministries to choose from, and the one chosen when it is not among them.
async fn ministry_choices(app: &App, filter: &DashboardFilter) -> Result<Vec<MinistryChoice>, AppError> {
    let current = OrgFilter {
        org_type: Some(OrgType::Ministerie),
        query: None,
        include_ended: false,
    };
    let found = app
        .list_organisations(
            &current,
            Page {
                limit: 100,
                offset: 0,
            },
        )
        .await?;
    let chosen = filter.ministry.as_ref().map(|m| m.as_str());
    let mut choices: Vec<MinistryChoice> = found
        .items
        .iter()
        .map(|o| MinistryChoice {
            code: o.code.to_string(),
            name: o.display_name(),
            selected: chosen == Some(o.code.as_str()),
        })
        .collect();
    if let Some(code) = chosen.filter(|c| !choices.iter().any(|m| m.code == *c)) {
        choices.push(MinistryChoice {
            code: code.to_owned(),
            name: org_name(app, code).await,
            selected: true,
        });
    }
    Ok(choices)
}

/// `?year=2025&ministry=MNRE1034`, or empty for everything.
fn query_string(filter: &DashboardFilter) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(year) = filter.year {
        pairs.push(("year", year.to_string()));
    }
    if let Some(ministry) = &filter.ministry {
        pairs.push(("ministry", ministry.as_str().to_owned()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    format!("?{}", serde_urlencoded::to_string(&pairs).unwrap_or_default())
}

pub async fn page(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let lang = ctx.lang;
    let (figures, filter, error) = counted(&app, lang, raw.as_deref()).await?;
    let (rows, totals, names) = rows(&app, lang, &figures).await;
    let error = error.map(|e| format!("{e} {}", lang.t("udo-dashboard-filter-ignored")));
    Ok(render(
        status_unless(error.as_ref(), StatusCode::BAD_REQUEST),
        &DashboardPage {
            layout: Layout::translated(&ctx, lang.t("udo-dashboard-title"), "udo"),
            chart: chart(lang, &figures, &names),
            rows,
            totals,
            year: filter.year.map(|y| y.to_string()).unwrap_or_default(),
            ministries: ministry_choices(&app, &filter).await?,
            query: query_string(&filter),
            error,
        },
    ))
}

pub async fn csv(
    State(app): State<App>,
    ctx: PageContext,
    RawQuery(raw): RawQuery,
) -> Result<Response, crate::error::PageError> {
    let lang = ctx.lang;
    let (figures, _, error) = counted(&app, lang, raw.as_deref()).await?;
    if let Some(error) = error {
        let plain = [(axum::http::header::CONTENT_TYPE, "text/plain; charset=utf-8")];
        return Ok((StatusCode::BAD_REQUEST, plain, error).into_response());
    }
    let (rows, totals, _) = rows(&app, lang, &figures).await;
    let mut body = csv_line(&[
        lang.t("udo-col-ministry"),
        lang.t("udo-col-year"),
        lang.t("udo-col-dossiers"),
        lang.t("udo-col-consulted"),
        lang.t("udo-col-udo-before"),
        lang.t("udo-col-term-kept"),
        lang.t("udo-col-outcomes"),
        lang.t("udo-col-cosign"),
        lang.t("udo-col-overdue"),
    ]);
    for r in rows.iter().chain(&totals) {
        body.push_str(&csv_line(&[
            r.ministry.clone(),
            r.year.to_string(),
            r.dossiers.to_string(),
            r.consulted.to_string(),
            r.udo_before.clone(),
            r.term_kept.clone(),
            r.outcomes.clone(),
            r.cosign.to_string(),
            r.overdue.to_string(),
        ]));
    }
    Ok(csv_response("udo-gebruik.csv", body))
}
