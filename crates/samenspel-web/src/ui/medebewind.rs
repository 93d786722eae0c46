//! The register of medebewind tasks on the site (issue 15, item 1): the register
//! (`/medebewind`, also as CSV), one task with its legal basis, money, task fields, UDO
//! dossiers and history (`/medebewind/{id}`), and the form to record or change a task for the
//! responsible ministry's redacteuren. The same data as JSON: `/api/v1/medebewind/tasks`.

mod form;
mod form_input;
mod monitor;
mod task;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use samenspel_app::App;
use samenspel_app::medebewind::MedebewindTaskView;

use super::{Layout, csv_line, csv_response, render};
use crate::error::{PageError, PageResult};
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/medebewind", get(list))
        .route("/medebewind.csv", get(csv))
        .route("/medebewind/nieuw", get(form::new_form).post(form::create))
        .route("/medebewind/startset", post(task::load_starter))
        .route("/medebewind/{id}", get(task::page))
        .route(
            "/medebewind/{id}/bewerken",
            get(form::edit_form).post(form::update),
        )
        .route("/medebewind/{id}/udo-budget", post(task::adopt_udo_budget))
        .route("/medebewind/{id}/monitor", get(monitor::page))
        .route("/medebewind/{id}/monitor.csv", get(monitor::csv))
}

/// One task in the register's table.
pub struct TaskRow {
    pub id: i64,
    pub name: String,
    pub basis: String,
    pub carrier: String,
    pub ministry: String,
    pub freedom: String,
    pub funding: String,
    /// The latest year with a national budget and the amount, or empty.
    pub budget: String,
    pub task_fields: String,
    pub overdue: bool,
}

fn row(lang: Lang, view: &MedebewindTaskView) -> TaskRow {
    let task = &view.task;
    let budget = task
        .budget_years()
        .iter()
        .rev()
        .find_map(|year| {
            let amount = task.national_budget(*year)?;
            let mut methods: Vec<String> = task
                .budgets
                .iter()
                .filter(|b| b.year == *year && b.organisation.is_none())
                .map(|b| lang.t(b.funding.message_id()))
                .collect();
            methods.dedup();
            Some(format!("{year}: {} ({})", amount.format_nl(), methods.join(", ")))
        })
        .unwrap_or_default();
    TaskRow {
        id: view.id,
        name: task.name.clone(),
        basis: lang.msg(&task.basis.citation()),
        carrier: format!(
            "{} ({})",
            lang.t(task.layer.message_id()),
            lang.t(task.body.message_id())
        ),
        ministry: view.ministry_name.clone(),
        freedom: lang.t(task.freedom.message_id()),
        funding: task
            .funding
            .iter()
            .map(|f| lang.t(f.message_id()))
            .collect::<Vec<_>>()
            .join(", "),
        budget,
        task_fields: task
            .task_fields
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        overdue: view.recalibration_overdue,
    }
}

#[derive(Template)]
#[template(path = "medebewind/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub rows: Vec<TaskRow>,
    /// The visitor may record a task for some ministry.
    pub may_add: bool,
    /// The visitor may load the starter set, and some of it is missing.
    pub may_load_starter: bool,
}

async fn list(State(app): State<App>, ctx: PageContext) -> PageResult {
    let lang = ctx.lang;
    let views = app.medebewind_tasks(&ctx.who).await?;
    let rows = views.iter().map(|v| row(lang, v)).collect();
    let starter_missing = app.medebewind_starter_missing().await?;
    Ok(render(
        StatusCode::OK,
        &ListPage {
            layout: Layout::translated(&ctx, lang.t("medebewind-title"), "medebewind"),
            rows,
            may_add: !app.udo_ministries_for(&ctx.who).await?.is_empty(),
            may_load_starter: ctx.who.is_platform_admin() && starter_missing,
        },
    ))
}

/// The register as CSV (semicolons, as Dutch spreadsheets read it).
async fn csv(State(app): State<App>, ctx: PageContext) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let views = app.medebewind_tasks(&ctx.who).await?;
    let headings = [
        "medebewind-col-name",
        "medebewind-col-basis",
        "medebewind-col-carrier",
        "medebewind-col-ministry",
        "medebewind-col-freedom",
        "medebewind-col-funding",
        "medebewind-col-budget",
        "medebewind-col-task-fields",
        "medebewind-col-recalibration-overdue",
    ];
    let mut body = csv_line(&headings.iter().map(|h| lang.t(h)).collect::<Vec<_>>());
    for view in &views {
        let r = row(lang, view);
        body.push_str(&csv_line(&[
            r.name,
            r.basis,
            r.carrier,
            r.ministry,
            r.freedom,
            r.funding,
            r.budget,
            r.task_fields,
            lang.t(if r.overdue { "udo-yes" } else { "udo-no" }),
        ]));
    }
    Ok(csv_response("medebewindstaken.csv", body))
}
