//! How residents take part in a collaboration.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::participation::ParticipationView;
use samenspel_domain::participation::ParticipationInput;

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

/// The participation processes (platform, address, title), the participation ordinance,
/// whether the uitdaagrecht applies, the regeling's participation agreements, and what the
/// law asks of the collaboration (`duty`, with the article and its sources).
#[utoipa::path(get, operation_id = "getParticipation", path = "/v1/collaborations/{id}/participation", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ParticipationView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ParticipationView>, ApiError> {
    Ok(Json(app.participation(id, &who).await?))
}

/// Replace how residents take part (the trekker's redacteuren). Addresses must be http(s);
/// an empty body removes what was recorded.
#[utoipa::path(put, operation_id = "updateParticipation", path = "/v1/collaborations/{id}/participation", tag = "collaborations", request_body = ParticipationInput,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ParticipationView), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ParticipationInput>,
) -> Result<Json<ParticipationView>, ApiError> {
    Ok(Json(app.set_participation(id, &body, &who).await?))
}
