//! The "Staat van het samenspel" (issue 15, item 6): the kept reports, one report with the
//! headlines beside the report before, and compiling a new one for a period (beheerders).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use samenspel_app::App;
use samenspel_app::staat::StaatReportView;
use samenspel_domain::staat::compare::Headline;
use samenspel_domain::staat::{Period, StaatReport};
use samenspel_store::StaatReportItem;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ListResponse;
use super::extract::{ApiJson, ApiPath};
use super::problems::{Create, Lookup, Malformed};
use crate::error::ApiError;
use crate::session::Who;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, compile))
        .routes(routes!(show))
}

/// One kept report as the API gives it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaatReportDocument {
    pub id: i64,
    pub compiled_at: DateTime<Utc>,
    pub report: StaatReport,
    /// The latest report whose period ends before this one's, if any.
    pub previous: Option<StaatReportItem>,
    /// The headline figures beside the same figures of the report before.
    pub headlines: Vec<Headline>,
}

impl From<StaatReportView> for StaatReportDocument {
    fn from(view: StaatReportView) -> Self {
        StaatReportDocument {
            id: view.record.id,
            compiled_at: view.record.compiled_at,
            report: view.record.report,
            previous: view.previous,
            headlines: view.headlines,
        }
    }
}

/// The period of a new report: its first and last day (`2025-01-01`).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompileStaatBody {
    #[schema(example = "2025-01-01")]
    pub from: String,
    #[schema(example = "2025-12-31")]
    pub to: String,
}

/// Every kept report, the latest period first.
#[utoipa::path(get, operation_id = "listStaatReports", path = "/v1/staat/reports", tag = "staat",
    responses((status = 200, body = ListResponse<StaatReportItem>), Malformed))]
pub async fn list(State(app): State<App>) -> Result<Json<ListResponse<StaatReportItem>>, ApiError> {
    Ok(Json(ListResponse::all(app.staat_reports().await?)))
}

/// One report as it was compiled: where Rijk and regions work together, perception, the
/// Rijk's impulses, money and democratic control, with the headlines beside the report
/// before.
#[utoipa::path(get, operation_id = "getStaatReport", path = "/v1/staat/reports/{id}", tag = "staat",
    params(("id" = i64, Path, description = "Report id")),
    responses((status = 200, body = StaatReportDocument), Lookup))]
pub async fn show(
    State(app): State<App>,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<StaatReportDocument>, ApiError> {
    Ok(Json(app.staat_report(id).await?.into()))
}

/// Compile and keep a report for a period (beheerders). A wrong date is named with 422 and
/// nothing is kept.
#[utoipa::path(post, operation_id = "compileStaatReport", path = "/v1/staat/reports", tag = "staat",
    request_body = CompileStaatBody,
    responses((status = 201, body = StaatReportDocument), Create))]
pub async fn compile(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<CompileStaatBody>,
) -> Result<(StatusCode, Json<StaatReportDocument>), ApiError> {
    let period = Period::parse(&body.from, &body.to).map_err(samenspel_app::AppError::Invalid)?;
    let id = app.compile_staat_report(period, &who).await?;
    Ok((StatusCode::CREATED, Json(app.staat_report(id).await?.into())))
}
