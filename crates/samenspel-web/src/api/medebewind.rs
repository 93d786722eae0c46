//! The register of medebewind tasks (issue 15, item 1): read the register and one task with
//! its history; record and change a task (the responsible ministry's redacteuren); take a
//! linked UDO dossier's financial paragraph as the budget; load the starter set (beheerders).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::medebewind::{MedebewindTaskView, StarterReport};
use samenspel_domain::medebewind::TaskInput;
use samenspel_store::AuditRecord;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ListResponse;
use super::extract::{ApiJson, ApiPath, ApiQuery, required_version};
use super::problems::{Change, Create, Lookup, LookupSearch, Malformed};
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(show, update))
        .routes(routes!(history))
        .routes(routes!(adopt_udo_budget))
        .routes(routes!(load_starter))
        .routes(routes!(monitor))
}

/// Every task of the register, by name: legal basis, carrier, ministry, policy freedom,
/// ambition, powers, funding and budgets, Iv3 task fields, recalibration and UDO dossiers.
#[utoipa::path(get, operation_id = "listMedebewindTasks", path = "/v1/medebewind/tasks", tag = "medebewind",
    responses((status = 200, body = ListResponse<MedebewindTaskView>), Malformed))]
pub async fn list(
    State(app): State<App>,
    Who(who): Who,
) -> Result<Json<ListResponse<MedebewindTaskView>>, ApiError> {
    Ok(Json(ListResponse::all(app.medebewind_tasks(&who).await?)))
}

/// Record a task (a redacteur of the responsible ministry it names). Amounts are euro as
/// written in Dutch (`1.234,56`); every wrong field is named with 422 and nothing is stored.
#[utoipa::path(post, operation_id = "createMedebewindTask", path = "/v1/medebewind/tasks", tag = "medebewind", request_body = TaskInput,
    responses((status = 201, body = MedebewindTaskView), Create))]
pub async fn create(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<TaskInput>,
) -> Result<(StatusCode, Json<MedebewindTaskView>), ApiError> {
    let id = app.create_medebewind_task(&body, &who).await?;
    Ok((StatusCode::CREATED, Json(app.medebewind_task(id, &who).await?)))
}

/// One task.
#[utoipa::path(get, operation_id = "getMedebewindTask", path = "/v1/medebewind/tasks/{id}", tag = "medebewind",
    params(("id" = i64, Path, description = "Task id")),
    responses((status = 200, body = MedebewindTaskView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MedebewindTaskView>, ApiError> {
    Ok(Json(app.medebewind_task(id, &who).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateMedebewindTaskBody {
    /// The version the change is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub task: TaskInput,
}

/// Change a task (the responsible ministry's redacteuren; moving it to another ministry needs
/// both). The whole task is sent, as `content` of the task read.
#[utoipa::path(put, operation_id = "updateMedebewindTask", path = "/v1/medebewind/tasks/{id}", tag = "medebewind", request_body = UpdateMedebewindTaskBody,
    params(("id" = i64, Path, description = "Task id")),
    responses((status = 200, body = MedebewindTaskView), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateMedebewindTaskBody>,
) -> Result<Json<MedebewindTaskView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(
        app.update_medebewind_task(id, version, &body.task, &who).await?,
    ))
}

/// Every change of the task with before and after, and who made it as you may see it
/// (organisations for everyone, people for beheerders).
#[utoipa::path(get, operation_id = "listMedebewindTaskHistory", path = "/v1/medebewind/tasks/{id}/history", tag = "medebewind",
    params(("id" = i64, Path, description = "Task id")),
    responses((status = 200, body = ListResponse<AuditRecord>), Lookup))]
pub async fn history(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ListResponse<AuditRecord>>, ApiError> {
    Ok(Json(ListResponse::all(app.medebewind_history(id, &who).await?)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct AdoptUdoBudgetBody {
    /// The version the change is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    /// A UDO dossier the task links to.
    pub dossier: i64,
}

/// Take the financial paragraph of a linked UDO dossier as the task's budget: its amounts for
/// the task's layer per year become national budget lines under its funding method (years
/// already budgeted that way are kept).
#[utoipa::path(post, operation_id = "adoptMedebewindUdoBudget", path = "/v1/medebewind/tasks/{id}/udo-budget", tag = "medebewind", request_body = AdoptUdoBudgetBody,
    params(("id" = i64, Path, description = "Task id")),
    responses((status = 200, body = MedebewindTaskView), Change))]
pub async fn adopt_udo_budget(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<AdoptUdoBudgetBody>,
) -> Result<Json<MedebewindTaskView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(app.adopt_udo_budget(id, version, body.dossier, &who).await?))
}

/// Load the starter set (beheerders): the tasks not yet in the register are added, the
/// others left as they are.
#[utoipa::path(post, operation_id = "loadMedebewindStarter", path = "/v1/medebewind/starter", tag = "medebewind",
    responses((status = 200, body = StarterReport), Create))]
pub async fn load_starter(State(app): State<App>, Who(who): Who) -> Result<Json<StarterReport>, ApiError> {
    Ok(Json(app.load_medebewind_starter(&who).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonitorQuery {
    /// How far the costs may exceed the budget, in whole percent (0–100; default 10).
    pub margin: Option<String>,
    /// For how many years running (1–10; default 3).
    pub years: Option<String>,
    /// The kind of report the costs are taken from (default `jaarrekening`).
    pub report: Option<String>,
}

/// The disbalance monitor of a task of municipalities: per year the national budget per
/// inhabitant against the costs per inhabitant booked on the task's Iv3 task fields by the
/// municipalities with figures (and what they cover), the trend, the flag when the costs exceed
/// the budget beyond the margin for the years running, and per municipality its gap against
/// its own budget line or its share by inhabitants, with the median of its size class; the
/// biggest gaps first. Amounts in cents. A wrong parameter is refused with 422 naming it.
#[utoipa::path(get, operation_id = "getMedebewindMonitor", path = "/v1/medebewind/tasks/{id}/monitor", tag = "medebewind",
    params(("id" = i64, Path, description = "Task id"), MonitorQuery),
    responses((status = 200, body = samenspel_app::medebewind_monitor::MonitorView), LookupSearch))]
pub async fn monitor(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<MonitorQuery>,
) -> Result<Json<samenspel_app::medebewind_monitor::MonitorView>, ApiError> {
    let (settings, report) = samenspel_app::medebewind_monitor::parse_parameters(
        query.margin.as_deref().unwrap_or_default(),
        query.years.as_deref().unwrap_or_default(),
        query.report.as_deref().unwrap_or_default(),
        ["margin", "years", "report"],
    )?;
    Ok(Json(app.medebewind_monitor(id, settings, report, &who).await?))
}
