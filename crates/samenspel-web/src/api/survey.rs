//! The knelpuntenmonitor: waves, the import of responses, and the report of a closed wave.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samenspel_app::App;
use samenspel_app::survey::{SurveyReport, WaveInput, report_csv_with_header};
use samenspel_store::Wave;
use serde::{Deserialize, Serialize};

use super::extract::{ApiFile, ApiJson, ApiPath, ApiQuery};
use super::problems::{Change, Create, Lookup, LookupInState};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(show))
        .routes(routes!(close))
        .routes(super::with_import_limit(routes!(import)))
        .routes(routes!(report))
        .routes(routes!(trend))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WaveList {
    pub items: Vec<Wave>,
}

/// All waves, newest first.
#[utoipa::path(get, operation_id = "listWaves", path = "/v1/survey/waves", tag = "survey",
    responses((status = 200, body = WaveList)))]
pub async fn list(State(app): State<App>, Who(who): Who) -> Result<Json<WaveList>, ApiError> {
    Ok(Json(WaveList {
        items: app.shown_waves(&who).await?,
    }))
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct NewWaveBody {
    /// Short name: lowercase letters, digits and dashes.
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub title: String,
    /// Minimum group size (default 10).
    #[serde(default)]
    pub k: Option<i64>,
    /// yyyy-mm-dd
    #[serde(default)]
    pub opens_on: String,
    /// yyyy-mm-dd
    #[serde(default)]
    pub closes_on: String,
    /// The collaboration the wave is about; none for the whole country.
    #[serde(default)]
    pub collaboration_id: Option<i64>,
}

/// Open a wave (beheerders).
#[utoipa::path(post, operation_id = "createWave", path = "/v1/survey/waves", tag = "survey", request_body = NewWaveBody,
    responses((status = 201, body = Wave), Create))]
pub async fn create(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<NewWaveBody>,
) -> Result<(StatusCode, Json<Wave>), ApiError> {
    let input = WaveInput {
        key: body.key,
        title: body.title,
        k: body.k.map(|k| k.to_string()).unwrap_or_default(),
        opens_on: body.opens_on,
        closes_on: body.closes_on,
        collaboration: body.collaboration_id.map(|id| id.to_string()).unwrap_or_default(),
    };
    Ok((StatusCode::CREATED, Json(app.create_wave(&input, &who).await?)))
}

/// One wave.
#[utoipa::path(get, operation_id = "getWave", path = "/v1/survey/waves/{key}", tag = "survey",
    params(("key" = String, Path, description = "The wave's short name")),
    responses((status = 200, body = Wave), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(key): ApiPath<String>,
) -> Result<Json<Wave>, ApiError> {
    Ok(Json(app.shown_wave(&key, &who).await?))
}

/// Close a wave (beheerders): answering stops, the report becomes available.
#[utoipa::path(post, operation_id = "closeWave", path = "/v1/survey/waves/{key}/close", tag = "survey",
    params(("key" = String, Path, description = "The wave's short name")),
    responses((status = 200, body = Wave), Change))]
pub async fn close(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(key): ApiPath<String>,
) -> Result<Json<Wave>, ApiError> {
    Ok(Json(app.close_wave(&key, &who).await?))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ImportedResponses {
    pub imported: usize,
}

/// Import responses as CSV (`respondent,layer,S01,…,S24`; beheerders): all or nothing, every
/// problem as `invalidParams` named `bestand:<row>:<column>`.
#[utoipa::path(post, operation_id = "importResponses", path = "/v1/survey/waves/{key}/responses", tag = "survey",
    params(("key" = String, Path, description = "The wave's short name")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportedResponses), Change))]
pub async fn import(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(key): ApiPath<String>,
    ApiFile(body): ApiFile,
) -> Result<Json<ImportedResponses>, ApiError> {
    Ok(Json(ImportedResponses {
        imported: app.import_responses(&key, body, &who).await?,
    }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// `json` (default) or `csv`.
    #[param(schema_with = super::format_filter)]
    pub format: Option<String>,
}

/// The report of a closed wave (409 while it is open); groups below k are left out with a note.
#[utoipa::path(get, operation_id = "getSurveyReport", path = "/v1/survey/waves/{key}/report", tag = "survey",
    params(("key" = String, Path, description = "The wave's short name"), ReportQuery),
    responses((status = 200, description = "JSON, or CSV with format=csv",
        content((SurveyReport = "application/json"), (String = "text/csv"))), LookupInState))]
pub async fn report(
    State(app): State<App>,
    ApiPath(key): ApiPath<String>,
    ApiQuery(query): ApiQuery<ReportQuery>,
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
    let report: SurveyReport = app.survey_report(&key).await?;
    Ok(if csv {
        crate::ui::csv_response(
            &format!("knelpuntenmonitor-{}.csv", report.wave.key),
            report_csv_with_header(&report, &crate::exports::survey_report(crate::error::api_lang())),
        )
    } else {
        Json(report).into_response()
    })
}

/// The ROB's 2020 means, up to three earlier closed waves of the same instrument, and this
/// closed wave: Rijk and decentral means per statement (409 while the wave is open).
#[utoipa::path(get, operation_id = "getSurveyTrend", path = "/v1/survey/waves/{key}/trend", tag = "survey",
    params(("key" = String, Path, description = "The wave's short name")),
    responses((status = 200, body = Vec<samenspel_app::survey::TrendWave>), LookupInState))]
pub async fn trend(
    State(app): State<App>,
    ApiPath(key): ApiPath<String>,
) -> Result<Json<Vec<samenspel_app::survey::TrendWave>>, ApiError> {
    Ok(Json(app.survey_trend(&key).await?))
}
