//! Democratic control of a collaboration.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::control::ControlView;
use samenspel_domain::control::ControlInput;

use super::extract::{ApiJson, ApiPath};
use super::problems::{Change, Lookup};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default().routes(routes!(show, update))
}

/// The elected bodies, moments of kaderstelling and verantwoording, Wgr instruments,
/// responsible minister and next evaluation, with what is missing or overdue.
#[utoipa::path(get, operation_id = "getControl", path = "/v1/collaborations/{id}/control", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ControlView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ControlView>, ApiError> {
    Ok(Json(app.democratic_control(id, &who).await?))
}

/// Replace the democratic control (the trekker's redacteuren).
#[utoipa::path(put, operation_id = "updateControl", path = "/v1/collaborations/{id}/control", tag = "collaborations", request_body = ControlInput,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ControlView), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ControlInput>,
) -> Result<Json<ControlView>, ApiError> {
    Ok(Json(app.set_democratic_control(id, &body, &who).await?))
}
