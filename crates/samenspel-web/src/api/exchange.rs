//! Open data: all collaborations with partners and money as CSV or JSON, and the import of the
//! same format (beheerders only; all or nothing).

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use samenspel_app::exchange::{
    ANONYMOUS_EXPORT_WINDOW, ExchangeDocument, ExchangedCollaboration, Format, csv_header, csv_rows,
};
use samenspel_app::{App, AppError, Principal};
use samenspel_store::ImportReport;
use serde::Deserialize;

use super::extract::{ApiFile, ApiQuery};
use super::problems::{Create, Limited, Malformed};
use crate::error::ApiError;
use crate::session::{ClientAddress, Who};
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
///
/// Streamed in id order a batch at a time. Anonymous visitors may start a limited number of
/// exports per address in a window (429 with `Retry-After` beyond it); signed-in callers are
/// not limited.
#[utoipa::path(get, operation_id = "exportCollaborations", path = "/v1/collaborations/export", tag = "collaborations",
    params(ExportQuery),
    responses((status = 200, description = "JSON, or CSV with format=csv",
        content((ExchangeDocument = "application/json"), (String = "text/csv"))), Malformed, Limited))]
pub async fn export(
    State(app): State<App>,
    Who(who): Who,
    ClientAddress(address): ClientAddress,
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
    if let Err(refused) = app.admit_export(&who, &address).await {
        let mut response = ApiError::from(refused).into_response();
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(ANONYMOUS_EXPORT_WINDOW.as_secs()),
            );
        }
        return Ok(response);
    }
    // The first batch is read before the answer starts, so that a failure there is still a
    // problem response; the later ones are read as the client takes the answer.
    let (first, next) = app.export_batch(&who, 0).await?;
    let body = Body::from_stream(export_stream(app, who, format, first, next));
    Ok(match format {
        Format::Json => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Format::Csv => crate::ui::download("samenwerkingen.csv", "text/csv; charset=utf-8", body),
    })
}

/// Where an export's stream stands.
enum Step {
    /// The first batch, read already: the document's opening, then its items.
    Start(Vec<ExchangedCollaboration>, Option<i64>),
    /// The next batch to read, after this id.
    After(i64),
    /// The document's closing (JSON's `]}`; a CSV has none).
    End,
    Done,
}

/// The export document a batch at a time: JSON as `{"collaborations":[…]}` (the bytes of
/// [`ExchangeDocument`] written whole), CSV with a byte-order mark and its header first. A
/// batch that cannot be read ends the stream with an error, so the connection is cut before
/// the document's end and no client takes a part for the whole.
///
/// The stream is fused: once it has ended it keeps answering that it has ended. The
/// compression layer (tower-http's `WrapBody`) asks the body once more after it has ended, for
/// trailers, and `stream::unfold` panics when asked after its end: the connection's task died
/// there and every compressed export was cut off before its last bytes (issue 16, item 5).
fn export_stream(
    app: App,
    who: Principal,
    format: Format,
    first: Vec<ExchangedCollaboration>,
    next: Option<i64>,
) -> impl Stream<Item = Result<Vec<u8>, AppError>> + Send {
    futures_util::stream::unfold(Step::Start(first, next), move |step| {
        let (app, who) = (app.clone(), who.clone());
        async move {
            let (items, next, opening) = match step {
                Step::Start(items, next) => (items, next, true),
                Step::After(after) => match app.export_batch(&who, after).await {
                    Ok((items, next)) => (items, next, false),
                    Err(e) => {
                        tracing::error!(error = %e, after, "the export stopped: a batch could not be read");
                        return Some((Err(e), Step::Done));
                    }
                },
                Step::End => {
                    return match format {
                        Format::Json => Some((Ok(b"]}".to_vec()), Step::Done)),
                        Format::Csv => None,
                    };
                }
                Step::Done => return None,
            };
            let chunk = match format {
                Format::Json => json_chunk(&items, opening),
                Format::Csv => {
                    let mut text = if opening {
                        format!("\u{feff}{}", csv_header())
                    } else {
                        String::new()
                    };
                    csv_rows(&items, &mut text);
                    text.into_bytes()
                }
            };
            Some((Ok(chunk), next.map_or(Step::End, Step::After)))
        }
    })
    .fuse()
}

/// A batch's items as part of the JSON array, each after a comma but the document's first.
fn json_chunk(items: &[ExchangedCollaboration], opening: bool) -> Vec<u8> {
    let mut chunk = if opening {
        b"{\"collaborations\":[".to_vec()
    } else {
        Vec::new()
    };
    for (n, item) in items.iter().enumerate() {
        if !(opening && n == 0) {
            chunk.push(b',');
        }
        // Plain strings and numbers: writing them to memory cannot fail.
        if let Err(e) = serde_json::to_writer(&mut chunk, item) {
            tracing::error!(error = %e, key = %item.key, "an exported item could not be written");
        }
    }
    chunk
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
