//! Moore's triangle of a collaboration.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::moore::MooreView;
use samenspel_domain::moore::MooreInput;

use super::extract::{ApiJson, ApiPath};
use super::problems::{Change, Lookup};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(show))
        .routes(routes!(update))
}

/// Each partner's own public value, mandate, support and capacity, and which element of the
/// triangle is missing or thin, per partner and for the whole.
#[utoipa::path(get, operation_id = "getMoore", path = "/v1/collaborations/{id}/moore", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = MooreView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MooreView>, ApiError> {
    Ok(Json(app.moore(id, &who).await?))
}

/// Replace one partner's statement (that partner's redacteuren).
#[utoipa::path(put, operation_id = "updateMoore", path = "/v1/collaborations/{id}/moore/{code}", tag = "collaborations", request_body = MooreInput,
    params(("id" = i64, Path, description = "Collaboration id"),
           ("code" = String, Path, description = "The partner's organisation code, e.g. GM0363")),
    responses((status = 200, body = MooreView), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, code)): ApiPath<(i64, String)>,
    ApiJson(body): ApiJson<MooreInput>,
) -> Result<Json<MooreView>, ApiError> {
    Ok(Json(app.state_moore(id, &code, &body, &who).await?))
}
