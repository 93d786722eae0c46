//! Regional divisions of 2025 and their congruence.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use samenspel_app::congruence::{CongruenceReport, PartnerSetCount};
use samenspel_app::region_page::RegionReport;
use samenspel_app::regions::{self, Division};
use samenspel_app::{App, AppError};
use serde::Deserialize;

use super::ListResponse;
use super::extract::{ApiPath, ApiQuery};
use super::problems::{Lookup, LookupSearch};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list))
        .routes(routes!(show))
        .routes(routes!(congruence))
        .routes(routes!(partner_sets))
        .routes(routes!(region))
}

fn all<T>(items: Vec<T>) -> ListResponse<T> {
    ListResponse {
        total: items.len() as u64,
        limit: items.len().max(1) as u32,
        offset: 0,
        items,
    }
}

/// The seven regional divisions (the MIRT regions by their provinces) of the municipalities of 2025, with their regions.
#[utoipa::path(get, operation_id = "listDivisions", path = "/v1/divisions", tag = "regions",
    responses((status = 200, body = ListResponse<Division>)))]
pub async fn list() -> Result<Json<ListResponse<Division>>, ApiError> {
    let divisions = regions::divisions().map_err(AppError::internal)?;
    Ok(Json(all(divisions.to_vec())))
}

/// One division: `provincie`, `veiligheidsregio`, `ggd-regio`, `jeugdzorgregio`,
/// `arbeidsmarktregio`, `res-regio` or `mirt-regio`.
#[utoipa::path(get, operation_id = "getDivision", path = "/v1/divisions/{key}", tag = "regions",
    params(("key" = String, Path, description = "The division, e.g. veiligheidsregio")),
    responses((status = 200, body = Division), Lookup))]
pub async fn show(ApiPath(key): ApiPath<String>) -> Result<Json<Division>, ApiError> {
    match regions::division(&key).map_err(AppError::internal)? {
        Some(d) => Ok(Json(d.clone())),
        None => Err(AppError::NotFound("indeling").into()),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CongruenceQuery {
    /// A division key, `samenwerking-{id}` or `soort-{type}` (e.g. `soort-res`).
    pub a: Option<String>,
    /// The same kinds of key as `a`.
    pub b: Option<String>,
}

/// How congruent two groupings of municipalities are: pair shares, Jaccard index of the pairs
/// and adjusted Rand index (see docs/DATA.md). Without `a` and `b`: every pair of the seven
/// divisions.
#[utoipa::path(get, operation_id = "getCongruence", path = "/v1/congruence", tag = "regions",
    params(CongruenceQuery),
    responses((status = 200, body = ListResponse<CongruenceReport>), LookupSearch))]
pub async fn congruence(
    State(app): State<App>,
    Who(who): Who,
    ApiQuery(query): ApiQuery<CongruenceQuery>,
) -> Result<Json<ListResponse<CongruenceReport>>, ApiError> {
    let reports = match (query.a, query.b) {
        (None, None) => App::division_congruence()?,
        (a, b) => vec![
            app.congruence(
                a.as_deref().unwrap_or_default(),
                b.as_deref().unwrap_or_default(),
                &who,
            )
            .await?,
        ],
    };
    Ok(Json(all(reports)))
}

/// Per municipality, the number of distinct sets of partner municipalities it deals with over
/// the seven divisions and the collaborations the caller may see; most first.
#[utoipa::path(get, operation_id = "listPartnerSets", path = "/v1/partner-sets", tag = "regions",
    responses((status = 200, body = ListResponse<PartnerSetCount>)))]
pub async fn partner_sets(
    State(app): State<App>,
    Who(who): Who,
) -> Result<Json<ListResponse<PartnerSetCount>>, ApiError> {
    Ok(Json(all(app.partner_set_counts(&who).await?)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// `json` (default) or `csv` (the collaborations, one line each).
    #[param(schema_with = super::format_filter)]
    pub format: Option<String>,
}

/// One region of a division: its municipalities, the collaborations the caller may see with
/// at least one municipal partner in it (how much of the region each covers, how much of each
/// lies inside), their recorded money per year, the survey waves about them, and the
/// best-matching region of every other division. 404 for an unknown division or region.
#[utoipa::path(get, operation_id = "getRegion", path = "/v1/regions/{division}/{code}", tag = "regions",
    params(
        ("division" = String, Path, description = "The division, e.g. veiligheidsregio"),
        ("code" = String, Path, description = "The region's code, e.g. VR09 (RES and MIRT regions: the name)"),
        RegionQuery),
    responses((status = 200, description = "JSON, or CSV with format=csv",
        content((RegionReport = "application/json"), (String = "text/csv"))), Lookup))]
pub async fn region(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((division, code)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<RegionQuery>,
) -> Result<Response, ApiError> {
    let csv = match query.format.as_deref().map(str::trim) {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(other) => {
            return Err(ApiError::BadRequest {
                name: "format".into(),
                reason: super::reasons::unknown_format(other),
            });
        }
    };
    let report = app.region_report(&division, &code, &who).await?;
    Ok(if csv {
        crate::ui::region_page::csv_response(&report)
    } else {
        Json(report).into_response()
    })
}
