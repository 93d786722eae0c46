//! The explanatory memorandum's paragraphs of a UDO dossier (issue 14, item 8), written from
//! its data: "Financiële gevolgen voor decentrale overheden" and "Advies en consultatie".

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::udo::UdoMemorandum;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::ApiPath;
use super::problems::Lookup;
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default().routes(routes!(memorandum))
}

/// The two paragraphs of the explanatory memorandum, in Dutch, as sections (heading,
/// paragraphs, the amounts per layer and year) and as plain text; for whoever may read the
/// dossier. The same as an OpenDocument text: `/udo/{id}/toelichting.odt` on the site.
#[utoipa::path(get, operation_id = "getUdoMemorandum", path = "/v1/udo/dossiers/{id}/memorandum", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoMemorandum), Lookup))]
pub async fn memorandum(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UdoMemorandum>, ApiError> {
    Ok(Json(app.udo_memorandum(id, &who).await?))
}
