//! What the council of each municipality in a gemeenschappelijke regeling can do itself.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::council::{CouncilGroup, councils_of};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::ApiPath;
use super::problems::LookupSearch;
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default().routes(routes!(councils))
}

/// The municipal partners of a gemeenschappelijke regeling grouped by their council's
/// position (`raad-neemt-deel`, `raad-en-college`, `college-of-burgemeester`,
/// `niet-vastgelegd`: which of the municipality's bodies take part, from the register's
/// `bestuursorganen`), each group with what such a council can do there today under the Wet
/// gemeenschappelijke regelingen, with the article and whether the law text itself was read.
/// Empty for a collaboration that is not a gemeenschappelijke regeling.
#[utoipa::path(get, operation_id = "getCouncils", path = "/v1/collaborations/{id}/councils", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Vec<CouncilGroup>), LookupSearch))]
pub async fn councils(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<CouncilGroup>>, ApiError> {
    let collaboration = app.collaboration(id, &who).await?;
    Ok(Json(councils_of(&collaboration, app.today())?))
}
