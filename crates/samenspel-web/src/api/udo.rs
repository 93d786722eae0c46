//! UDO dossiers (issue 14): open, change and move a dossier through the workflow; read the
//! published ones and the dashboard of the UDO's use per ministry.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::udo::{UdoDossierItem, UdoDossierView};
use samenspel_domain::udo::dashboard::{DashboardFilter, UdoYearFigures};
use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::StepInput;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiJson, ApiPath, ApiQuery, required_version};
use super::problems::{Change, Create, Lookup, Malformed, Search};
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(show, update))
        .routes(routes!(step))
        .routes(routes!(dashboard))
}

/// The dossiers you may see: those in consultation or later for everyone, drafts for the
/// owning ministry, BZK and the koepels concerned. Newest first.
#[utoipa::path(get, operation_id = "listUdoDossiers", path = "/v1/udo/dossiers", tag = "udo",
    responses((status = 200, body = Vec<UdoDossierItem>), Malformed))]
pub async fn list(State(app): State<App>, Who(who): Who) -> Result<Json<Vec<UdoDossierItem>>, ApiError> {
    Ok(Json(app.udo_dossiers(&who).await?))
}

/// Open a dossier (a redacteur of the ministry it names). It starts as a concept.
#[utoipa::path(post, operation_id = "createUdoDossier", path = "/v1/udo/dossiers", tag = "udo", request_body = DossierInput,
    responses((status = 201, body = UdoDossierView), Create))]
pub async fn create(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<DossierInput>,
) -> Result<(StatusCode, Json<UdoDossierView>), ApiError> {
    let id = app.create_udo_dossier(&body, &who).await?;
    Ok((StatusCode::CREATED, Json(app.udo_dossier(id, &who).await?)))
}

/// One dossier with its progress, every rule of the normenkader against it (with its source)
/// and the co-signing flag with its reasons.
#[utoipa::path(get, operation_id = "getUdoDossier", path = "/v1/udo/dossiers/{id}", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoDossierView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UdoDossierView>, ApiError> {
    Ok(Json(app.udo_dossier(id, &who).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateUdoDossierBody {
    /// The version the change is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub dossier: DossierInput,
}

/// Change the dossier's content (the owning ministry's redacteuren).
#[utoipa::path(put, operation_id = "updateUdoDossier", path = "/v1/udo/dossiers/{id}", tag = "udo", request_body = UpdateUdoDossierBody,
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoDossierView), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateUdoDossierBody>,
) -> Result<Json<UdoDossierView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(
        app.update_udo_dossier(id, version, &body.dossier, &who).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UdoStepBody {
    /// The version the step is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub step: StepInput,
}

/// Take a step of the workflow. A step the workflow or the normenkader does not allow is
/// refused with 422, naming everything missing; nothing changes.
#[utoipa::path(post, operation_id = "takeUdoStep", path = "/v1/udo/dossiers/{id}/steps", tag = "udo", request_body = UdoStepBody,
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoDossierView), Change))]
pub async fn step(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UdoStepBody>,
) -> Result<Json<UdoDossierView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(app.take_udo_step(id, version, &body.step, &who).await?))
}

/// The dashboard's filter: both optional, together narrowing the count.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Only the dossiers opened in this year (2000 to 2100), e.g. `2025`.
    pub year: Option<String>,
    /// Only the dossiers of this ministry, by its organisation code, e.g. `MNRE1034`.
    pub ministry: Option<String>,
}

/// The use of the UDO per ministry and year: dossiers, how many of those consulted had their
/// UDO outcome before the consultation, consultations that kept their term, outcomes,
/// co-signing flags and overdue evaluations (counts over every dossier, or those of the year
/// and ministry asked for). A year that is not one, or a code that names no ministry, is a
/// 422 naming the parameter.
#[utoipa::path(get, operation_id = "getUdoDashboard", path = "/v1/udo/dashboard", tag = "udo",
    params(DashboardQuery),
    responses((status = 200, body = Vec<UdoYearFigures>), Search))]
pub async fn dashboard(
    State(app): State<App>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> Result<Json<Vec<UdoYearFigures>>, ApiError> {
    let filter = DashboardFilter::parse(
        query.year.as_deref().unwrap_or_default(),
        query.ministry.as_deref().unwrap_or_default(),
    )?;
    Ok(Json(app.udo_dashboard(&filter).await?))
}
