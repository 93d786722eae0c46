//! The "Staat van het samenspel" on the site (issue 15, item 6): the kept reports with the
//! latest one's headlines (`/staat`), compiling a new one for a period (beheerders, the form
//! on the same page), and one report in full, printable on A4 (`/staat/{id}`). The same data
//! as JSON: `/api/v1/staat/reports`.

mod report;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::App;
use samenspel_domain::ValidationErrors;
use samenspel_domain::auth::Action;
use samenspel_domain::staat::Period;
use samenspel_store::StaatReportItem;

use super::form::get as field;
use super::outcome::{Saved, form_outcome};
use super::request::Posted;
use super::{Layout, render};
use crate::error::{PageError, PageResult};
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/staat", get(list).post(compile))
        .route("/staat/{id}", get(report::page))
}

/// "1-1-2025 t/m 31-12-2025".
pub(crate) fn period_text(lang: Lang, period: &Period) -> String {
    lang.t_with(
        "staat-period",
        &[
            ("from", &period.from.format("%d-%m-%Y").to_string()),
            ("to", &period.to.format("%d-%m-%Y").to_string()),
        ],
    )
}

/// One kept report in the list.
pub struct ReportRow {
    pub id: i64,
    pub period: String,
    pub compiled_on: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "staat/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub reports: Vec<ReportRow>,
    /// The latest report's headlines beside the report before it.
    pub headlines: Vec<report::HeadlineRow>,
    /// The visitor may compile a report (beheerders).
    pub may_compile: bool,
    /// The form's values and its messages.
    pub from: String,
    pub to: String,
    pub errors: ValidationErrors,
}

impl ListPage {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.for_field(field).map(|m| self.layout.msg(m))
    }
}

fn rows(lang: Lang, items: &[StaatReportItem]) -> Vec<ReportRow> {
    items
        .iter()
        .map(|item| ReportRow {
            id: item.id,
            period: period_text(lang, &item.period),
            compiled_on: item.compiled_at.format("%d-%m-%Y").to_string(),
            demo: item.demo,
        })
        .collect()
}

async fn list_page(
    app: &App,
    ctx: &PageContext,
    (from, to): (String, String),
    errors: ValidationErrors,
) -> Result<ListPage, PageError> {
    let items = app.staat_reports().await?;
    let headlines = match items.first() {
        Some(latest) => report::headline_rows(ctx.lang, &app.staat_report(latest.id).await?.headlines),
        None => Vec::new(),
    };
    Ok(ListPage {
        headlines,
        layout: Layout::translated(ctx, ctx.lang.t("staat-title"), "staat"),
        reports: rows(ctx.lang, &items),
        may_compile: ctx.who.is_platform_admin(),
        from,
        to,
        errors,
    })
}

async fn list(State(app): State<App>, ctx: PageContext) -> PageResult {
    let last_year = chrono::Datelike::year(&app.today()) - 1;
    let defaults = (format!("{last_year}-01-01"), format!("{last_year}-12-31"));
    let page = list_page(&app, &ctx, defaults, ValidationErrors::new()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// Compiles a report for the period in the form (beheerders) and shows it.
async fn compile(Posted(app, ctx, pairs): Posted) -> PageResult {
    super::offered(&ctx, ctx.who.is_platform_admin(), Action::CompileStaatReport)?;
    let (from, to) = (field(&pairs, "from").to_owned(), field(&pairs, "to").to_owned());
    let result = match Period::parse(&from, &to) {
        Ok(period) => app.compile_staat_report(period, &ctx.who).await,
        Err(errors) => Err(samenspel_app::AppError::Invalid(errors)),
    };
    form_outcome(
        &ctx,
        result,
        |id| Saved::new(format!("/staat/{id}"), ctx.lang.t("staat-compiled")),
        async |errors| list_page(&app, &ctx, (from.clone(), to.clone()), errors).await,
    )
    .await
}
