//! Moore's triangle of a collaboration.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::moore::MooreView;
use samenspel_domain::moore::MooreInput;

use super::extract::{ApiJson, ApiPath};
use crate::error::{ApiError, Problem};
use crate::session::Who;

/// Each partner's own public value, mandate, support and capacity, and which element of the
/// triangle is missing or thin, per partner and for the whole.
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/moore", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = MooreView, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MooreView>, ApiError> {
    Ok(Json(app.moore(id, &who).await?))
}

/// Replace one partner's statement (that partner's redacteuren).
#[utoipa::path(put, path = "/api/v1/collaborations/{id}/moore/{code}", tag = "collaborations", request_body = MooreInput,
    params(("id" = i64, Path, description = "Collaboration id"),
           ("code" = String, Path, description = "The partner's organisation code, e.g. GM0363")),
    responses((status = 200, body = MooreView, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, code)): ApiPath<(i64, String)>,
    ApiJson(body): ApiJson<MooreInput>,
) -> Result<Json<MooreView>, ApiError> {
    Ok(Json(app.state_moore(id, &code, &body, &who).await?))
}
