//! Costs per municipality per Iv3 task field: the import of a CBS- or openspending-shaped CSV
//! (all or nothing) and the series of an organisation, on the parent code across the 2023
//! split or as booked.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::iv3_costs::{CostOverview, CostSeries};
use samenspel_domain::iv3::TaskFieldCode;
use samenspel_domain::iv3::costs::{CostShape, SeriesOn};
use samenspel_domain::org::OrgCode;
use samenspel_store::CostImportReport;
use serde::Deserialize;

use super::extract::{ApiFile, ApiPath, ApiQuery};
use super::problems::{Create, LookupSearch};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(super::with_import_limit(routes!(import)))
        .routes(routes!(overview))
        .routes(routes!(series))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `cbs` (table 45071NED) or `openspending`; columns in docs/DATA.md.
    pub shape: String,
    /// The file's name, recorded with the import.
    pub name: Option<String>,
}

/// Import costs per municipality per task field from a CSV body (amounts in thousands of
/// euros): all or nothing, every problem as `invalidParams` named `bestand:<row>:<column>`;
/// the same file again changes nothing. A municipality's redacteuren for its own figures,
/// beheerders for all.
#[utoipa::path(post, operation_id = "importIv3Costs", path = "/v1/iv3/costs/import", tag = "iv3",
    params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses((status = 200, body = CostImportReport), Create))]
pub async fn import(
    State(app): State<App>,
    Who(who): Who,
    ApiQuery(query): ApiQuery<ImportQuery>,
    ApiFile(body): ApiFile,
) -> Result<Json<CostImportReport>, ApiError> {
    let shape = CostShape::parse_field("shape", &query.shape)?;
    let name = query.name.as_deref().unwrap_or("upload.csv");
    Ok(Json(app.import_costs(shape, name, &body, &who).await?))
}

/// An organisation's costs: each task field with figures (new codes of the 2023 split under
/// their parent) as a series on the parent per kind of report, and the figures later imports
/// replaced. `demo` says the figures are generated demonstration figures.
#[utoipa::path(get, operation_id = "getIv3Costs", path = "/v1/iv3/costs/{organisation}", tag = "iv3",
    params(("organisation" = String, Path, description = "CBS code, e.g. GM0363")),
    responses((status = 200, body = CostOverview), LookupSearch))]
pub async fn overview(
    State(app): State<App>,
    ApiPath(organisation): ApiPath<String>,
) -> Result<Json<CostOverview>, ApiError> {
    let organisation = OrgCode::parse_field("organisation", &organisation)?;
    Ok(Json(app.cost_overview(&organisation).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    /// `parent` (default): an old code of the split runs on from 2023 with the sum of its new
    /// codes; `new`: each code as booked (6.72 ends in 2022, 6.81a starts in 2023).
    pub on: Option<String>,
}

/// The series of one task field of an organisation per kind of report.
#[utoipa::path(get, operation_id = "getIv3CostSeries", path = "/v1/iv3/costs/{organisation}/{task_field}", tag = "iv3",
    params(("organisation" = String, Path, description = "CBS code, e.g. GM0363"),
           ("task_field" = String, Path, description = "Iv3 task field, e.g. 6.72"),
           SeriesQuery),
    responses((status = 200, body = CostSeries), LookupSearch))]
pub async fn series(
    State(app): State<App>,
    ApiPath((organisation, task_field)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<SeriesQuery>,
) -> Result<Json<CostSeries>, ApiError> {
    let organisation = OrgCode::parse_field("organisation", &organisation)?;
    let code = TaskFieldCode::parse("task_field", &task_field)?;
    let on = match query.on.as_deref() {
        None | Some("") => SeriesOn::Parent,
        Some(raw) => SeriesOn::parse_field("on", raw)?,
    };
    Ok(Json(app.cost_series(&organisation, &code, on).await?))
}
