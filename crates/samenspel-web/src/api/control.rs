//! Democratic control of a collaboration.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::control::ControlView;
use samenspel_domain::control::ControlInput;

use super::extract::{ApiJson, ApiPath};
use crate::error::{ApiError, Problem};
use crate::session::Who;

/// The elected bodies, moments of kaderstelling and verantwoording, Wgr instruments,
/// responsible minister and next evaluation, with what is missing or overdue.
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/control", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ControlView, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ControlView>, ApiError> {
    Ok(Json(app.democratic_control(id, &who).await?))
}

/// Replace the democratic control (the trekker's redacteuren).
#[utoipa::path(put, path = "/api/v1/collaborations/{id}/control", tag = "collaborations", request_body = ControlInput,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ControlView, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ControlInput>,
) -> Result<Json<ControlView>, ApiError> {
    Ok(Json(app.set_democratic_control(id, &body, &who).await?))
}
