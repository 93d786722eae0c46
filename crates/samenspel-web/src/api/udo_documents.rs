//! Documents of a UDO dossier, published with it under the Wet open overheid (issue 14, item
//! 9): list them with their Woo information category, TOOI id and SHA-256, download one, and
//! upload one (multipart, the owning ministry's redacteuren). The upload route alone takes a
//! body of a whole file ([`UPLOAD_LIMIT`]); a larger one is refused with 413 before it is read.

use axum::Json;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_app::App;
use samenspel_app::udo_documents::UdoDocumentView;
use samenspel_domain::Message;
use samenspel_domain::attachment::MAX_BYTES;
use samenspel_domain::udo::publication::{
    CATEGORY_FIELD, DocumentInput, FILE_FIELD, KIND_FIELD, TITLE_FIELD, download_name,
};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};
use utoipa_axum::routes;

use super::extract::ApiPath;
use super::problems::{Change, Lookup};
use crate::error::ApiError;
use crate::session::Who;

/// The largest upload body: a file of [`MAX_BYTES`] and the form around it (boundaries, the
/// title, the kind, the category and the CSRF token of the page's form).
pub const UPLOAD_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(with_upload_limit(routes!(list, upload)))
        .routes(routes!(download))
}

/// The upload route takes [`UPLOAD_LIMIT`] instead of the usual body limit (the list on the
/// same path reads no body).
fn with_upload_limit(endpoint: UtoipaMethodRouter<App>) -> UtoipaMethodRouter<App> {
    let (schemas, paths, method_router) = endpoint;
    (
        schemas,
        paths,
        method_router.layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
    )
}

/// An upload as read from a multipart body: the description and the file (name and bytes).
pub struct Upload {
    pub input: DocumentInput,
    pub file: Option<(String, Vec<u8>)>,
    /// The names of the other fields, in the order sent (the page's form sends its CSRF
    /// token; the API takes no other field).
    pub other_fields: Vec<String>,
}

/// Why an upload could not be read.
pub enum Unreadable {
    /// Larger than [`UPLOAD_LIMIT`].
    TooLarge,
    /// Not a multipart body, or a broken one (axum's words).
    Broken(String),
}

/// Reads the fields of an upload; the names of other fields are kept in
/// [`Upload::other_fields`], their content skipped.
pub async fn read_upload(multipart: &mut Multipart) -> Result<Upload, Unreadable> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Unreadable::TooLarge
        } else {
            Unreadable::Broken(e.body_text())
        }
    };
    let mut upload = Upload {
        input: DocumentInput::default(),
        file: None,
        other_fields: Vec::new(),
    };
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == FILE_FIELD {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(unreadable)?;
            // A form sent without choosing a file has an empty part.
            if !(bytes.is_empty() && file_name.is_empty()) {
                upload.file = Some((file_name, bytes.to_vec()));
            }
            continue;
        }
        let target = match name.as_str() {
            TITLE_FIELD => &mut upload.input.title,
            KIND_FIELD => &mut upload.input.kind,
            CATEGORY_FIELD => &mut upload.input.category,
            _ => {
                upload.other_fields.push(name);
                continue;
            }
        };
        *target = field.text().await.map_err(unreadable)?;
    }
    Ok(upload)
}

/// The documents of a dossier you may read: title, kind, Woo information category (its key,
/// DiWoo name and TOOI concept), file name, type recognised in the content, size and SHA-256.
#[utoipa::path(get, operation_id = "listUdoAttachments", path = "/v1/udo/dossiers/{id}/attachments", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = Vec<UdoDocumentView>), Lookup))]
pub async fn list(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<UdoDocumentView>>, ApiError> {
    Ok(Json(app.udo_documents(id, &who).await?))
}

/// The fields of an upload; no other field is taken.
// Deserialize only so that `deny_unknown_fields` gives the schema `additionalProperties: false`.
#[derive(utoipa::ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "documents the multipart body; read field by field")]
pub struct UploadForm {
    /// The document's title (1–200 characters, one line).
    title: String,
    /// The kind of document (optional); it suggests the category when none is given.
    kind: Option<samenspel_domain::udo::woo::AttachmentKind>,
    /// The Woo information category (art. 3.3 Woo); may be left out when `kind` is given.
    category: Option<samenspel_domain::udo::woo::InformationCategory>,
    /// The file: PDF, OpenDocument or Office Open XML, recognised by its content; at most
    /// 10 MB.
    #[schema(value_type = String, format = Binary)]
    bestand: Vec<u8>,
}

/// Add a document to a dossier (multipart/form-data: `title`, `kind`, `category`, `bestand`).
/// The owning ministry's redacteuren and beheerders. A file that is not a PDF, ODF or Office
/// Open XML document by its content, larger than 10 MB, without a title or with an unknown
/// category is refused with 422 naming the field; a body that is not multipart or holds
/// another field with 400; a body over the limit with 413. Who may not add a document is
/// answered (401, 403, 404) before the body is read.
#[utoipa::path(post, operation_id = "addUdoAttachment", path = "/v1/udo/dossiers/{id}/attachments", tag = "udo",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 201, body = UdoDocumentView), Change))]
pub async fn upload(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<UdoDocumentView>), ApiError> {
    app.may_add_udo_document(id, &who).await?;
    let mut multipart = multipart.map_err(|e| ApiError::BadRequest {
        name: "body".into(),
        reason: Message::plain(e.body_text()),
    })?;
    let upload = read_upload(&mut multipart).await.map_err(|e| match e {
        Unreadable::TooLarge => ApiError::TooLarge {
            limit_bytes: UPLOAD_LIMIT,
        },
        Unreadable::Broken(reason) => ApiError::BadRequest {
            name: "body".into(),
            reason: Message::plain(reason),
        },
    })?;
    if let Some(other) = upload.other_fields.first() {
        return Err(ApiError::BadRequest {
            name: other.clone(),
            reason: super::reasons::unknown_field(&format!(
                "{TITLE_FIELD}, {KIND_FIELD}, {CATEGORY_FIELD}, {FILE_FIELD}"
            )),
        });
    }
    let document = app.add_udo_document(id, &upload.input, upload.file, &who).await?;
    let view = app
        .udo_documents(id, &who)
        .await?
        .into_iter()
        .find(|d| d.id == document)
        .ok_or(samenspel_app::AppError::NotFound("udo-document"))?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The file of a document, as stored: its type as recognised, offered as a download under a
/// plain-ASCII name; the SHA-256 in the `ETag`.
#[utoipa::path(get, operation_id = "getUdoAttachment", path = "/v1/udo/dossiers/{id}/attachments/{attachment}", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id"), ("attachment" = i64, Path, description = "Document id")),
    responses((status = 200, description = "The file, in the type recognised when it was stored",
        content((String = "application/pdf"),
            (String = "application/vnd.oasis.opendocument.text"),
            (String = "application/vnd.oasis.opendocument.spreadsheet"),
            (String = "application/vnd.oasis.opendocument.presentation"),
            (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "application/vnd.openxmlformats-officedocument.presentationml.presentation"))), Lookup))]
pub async fn download(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, attachment)): ApiPath<(i64, i64)>,
) -> Result<Response, ApiError> {
    let (view, bytes) = app.udo_document_file(id, attachment, &who).await?;
    Ok(file_response(&view, bytes))
}

/// A document as a download.
pub fn file_response(view: &UdoDocumentView, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", download_name(&view.file_name));
    (
        [
            (header::CONTENT_TYPE, view.media_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::ETAG, format!("\"{}\"", view.sha256)),
        ],
        bytes,
    )
        .into_response()
}
