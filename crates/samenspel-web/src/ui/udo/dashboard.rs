//! The use of the UDO per ministry and year (`/udo/gebruik`, `/udo/gebruik.csv`): counts over
//! every dossier from `App::udo_dashboard` (drafts count, their content is not shown).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_app::App;
use samenspel_domain::udo::dashboard::{UdoYearFigures, totals_per_year};

use super::org_name;
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::{Layout, csv_line, csv_response, render};

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

#[derive(Template)]
#[template(path = "udo/dashboard.html")]
pub struct DashboardPage {
    pub layout: Layout,
    pub rows: Vec<FigureRow>,
    pub totals: Vec<FigureRow>,
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

async fn rows(app: &App, lang: Lang) -> Result<(Vec<FigureRow>, Vec<FigureRow>), samenspel_app::AppError> {
    let figures = app.udo_dashboard().await?;
    let mut rows = Vec::with_capacity(figures.len());
    for f in &figures {
        rows.push(row(lang, org_name(app, &f.ministry).await, f));
    }
    let totals = totals_per_year(&figures)
        .iter()
        .map(|f| row(lang, lang.t("udo-dashboard-all"), f))
        .collect();
    Ok((rows, totals))
}

pub async fn page(State(app): State<App>, ctx: PageContext) -> PageResult {
    let lang = ctx.lang;
    let (rows, totals) = rows(&app, lang).await?;
    Ok(render(
        StatusCode::OK,
        &DashboardPage {
            layout: Layout::translated(&ctx, lang.t("udo-dashboard-title"), "udo"),
            rows,
            totals,
        },
    ))
}

pub async fn csv(State(app): State<App>, ctx: PageContext) -> Result<Response, crate::error::PageError> {
    let lang = ctx.lang;
    let (rows, totals) = rows(&app, lang).await?;
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
