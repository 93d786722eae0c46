//! Open data: all collaborations with partners and money as CSV or JSON, and the import of the
//! same format (beheerders only; all or nothing).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use samenspel_app::App;
use samenspel_app::exchange::{ExchangeDocument, Format, to_csv};
use samenspel_store::ImportReport;
use serde::Deserialize;

use super::extract::{ApiFile, ApiQuery};
use super::problems::{Create, Malformed};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(export))
        .routes(super::with_import_limit(routes!(import)))
}

/// The largest file the import accepts.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `json` (default) or `csv` (semicolons, comma decimals, UTF-8 with BOM).
    #[param(schema_with = super::format_filter)]
    pub format: Option<String>,
}

/// Every collaboration the caller may see, with partners and money (schema in docs/DATA.md).
#[utoipa::path(get, operation_id = "exportCollaborations", path = "/v1/collaborations/export", tag = "collaborations",
    params(ExportQuery),
    responses((status = 200, description = "JSON, or CSV with format=csv",
        content((ExchangeDocument = "application/json"), (String = "text/csv"))), Malformed))]
pub async fn export(
    State(app): State<App>,
    Who(who): Who,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let format = match query.format.as_deref().map(str::trim) {
        None | Some("" | "json") => Format::Json,
        Some("csv") => Format::Csv,
        Some(other) => {
            return Err(ApiError::BadRequest {
                name: "format".into(),
                reason: super::reasons::unknown_format(other),
            });
        }
    };
    // Read a batch of collaborations at a time (App::export_batch), then answered whole: a
    // streamed body broke under the compression layer (the gzip/brotli stream ended after the
    // first batch), so streaming waits until that is understood and tested.
    let items = app.export_collaborations(&who).await?;
    Ok(match format {
        Format::Json => Json(ExchangeDocument {
            collaborations: items,
        })
        .into_response(),
        Format::Csv => crate::ui::csv_response("samenwerkingen.csv", to_csv(&items)),
    })
}

/// Import collaborations from CSV (`Content-Type: text/csv`) or JSON (`application/json`):
/// all or nothing; a bad row refuses the whole file, with every row, column and reason as
/// `invalidParams` named `bestand:<row>:<column>`.
#[utoipa::path(post, operation_id = "importCollaborations", path = "/v1/collaborations/import", tag = "collaborations",
    request_body(content = ExchangeDocument, description = "JSON as exported, or the CSV (text/csv)"),
    responses((status = 200, body = ImportReport), Create))]
pub async fn import(
    State(app): State<App>,
    Who(who): Who,
    headers: HeaderMap,
    ApiFile(body): ApiFile,
) -> Result<Json<ImportReport>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let format = if content_type.starts_with("application/json") {
        Format::Json
    } else if content_type.starts_with("text/csv") {
        Format::Csv
    } else {
        return Err(ApiError::BadRequest {
            name: "Content-Type".into(),
            reason: super::reasons::import_content_type(),
        });
    };
    Ok(Json(app.import_collaborations(&body, format, &who).await?))
}
