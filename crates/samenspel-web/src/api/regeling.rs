//! A regeling's versions from the register of gemeenschappelijke regelingen.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::regeling::RegelingHistory;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::ApiPath;
use super::problems::LookupSearch;
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default().routes(routes!(versions))
}

/// The versions of a regeling, oldest first, each with what changed since the one before
/// (name, form, who joined and who left), the participants that left with when they joined
/// and left, and the names of the organisations they mention. Empty for a collaboration that
/// did not come from the register.
#[utoipa::path(get, operation_id = "getVersions", path = "/v1/collaborations/{id}/versions", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = RegelingHistory), LookupSearch))]
pub async fn versions(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RegelingHistory>, ApiError> {
    let collaboration = app.collaboration(id, &who).await?;
    Ok(Json(app.regeling_history(&collaboration).await?))
}
