//! The documents section of a dossier page and the upload form (`/udo/{id}/documenten`,
//! multipart): the list (title, Woo information category with its article, type, size,
//! SHA-256, download) for whoever may read the dossier, the form for those who may change it.

use askama::Template;
use axum::extract::Multipart;
use axum::http::StatusCode;
use samenspel_app::udo_documents::UdoDocumentView;
use samenspel_app::{App, AppError};
use samenspel_domain::attachment::MAX_BYTES;
use samenspel_domain::udo::publication::{CATEGORY_FIELD, FILE_FIELD, KIND_FIELD, TITLE_FIELD};
use samenspel_domain::udo::woo::{AttachmentKind, InformationCategory, suggest_category};
use samenspel_domain::{ValidationErrors, msg};

use crate::api::udo_documents::{UPLOAD_LIMIT, Unreadable, read_upload};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::form::FormState;
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::page_path::PagePath;
use crate::ui::request::Visit;
use crate::ui::{Layout, render};

/// One document as the page lists it.
pub struct DocumentItem {
    pub title: String,
    pub category: String,
    /// Where the category comes from: art. 3.3 Woo, lid and onderdeel.
    pub category_source: String,
    pub category_law: String,
    pub kind: Option<String>,
    /// The type in short: PDF, ODT, DOCX, …
    pub format: String,
    pub size: String,
    pub sha256: String,
    pub href: String,
}

/// The documents part of the dossier page and of the upload page.
pub struct DocumentsPart {
    pub id: i64,
    pub items: Vec<DocumentItem>,
    /// The visitor may add a document.
    pub may_add: bool,
    pub form: FormState,
    /// (key, label, suggested category's label) of every kind of document.
    pub kinds: Vec<(&'static str, String)>,
    pub categories: Vec<(&'static str, String)>,
    pub max_megabytes: usize,
}

/// The part for dossier `id`; `may_add` as the offers say, `form` empty or refused input.
pub async fn part(
    app: &App,
    ctx: &PageContext,
    id: i64,
    may_add: bool,
    form: FormState,
) -> Result<DocumentsPart, AppError> {
    let lang = ctx.lang;
    let documents = app.udo_documents(id, &ctx.who).await?;
    Ok(DocumentsPart {
        id,
        items: documents.iter().map(|d| item(lang, d)).collect(),
        may_add,
        form,
        kinds: AttachmentKind::ALL
            .iter()
            .map(|k| {
                let suggested = lang.t(suggest_category(*k).message_id());
                (
                    k.key(),
                    lang.t_with(
                        "udo-documents-kind-option",
                        &[("kind", &lang.t(k.message_id())), ("category", &suggested)],
                    ),
                )
            })
            .collect(),
        categories: InformationCategory::ALL
            .iter()
            .map(|c| (c.key(), lang.t(c.message_id())))
            .collect(),
        max_megabytes: MAX_BYTES / (1024 * 1024),
    })
}

fn item(lang: Lang, d: &UdoDocumentView) -> DocumentItem {
    DocumentItem {
        title: d.title.clone(),
        category: lang.t(d.category.message_id()),
        category_source: lang.msg(&d.category.citation()),
        category_law: d.category.law_url(),
        kind: d.kind.map(|k| lang.t(k.message_id())),
        format: format_name(&d.media_type),
        size: size(lang, d.size),
        sha256: d.sha256.clone(),
        href: d.href.clone(),
    }
}

/// A media type in short, as people know it.
pub fn format_name(media_type: &str) -> String {
    let short = match media_type {
        "application/pdf" => "PDF",
        "application/vnd.oasis.opendocument.text" => "ODT",
        "application/vnd.oasis.opendocument.spreadsheet" => "ODS",
        "application/vnd.oasis.opendocument.presentation" => "ODP",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "PPTX",
        other => other,
    };
    short.to_owned()
}

/// A size for people: bytes under a kilobyte, else kB or MB with one decimal.
pub fn size(lang: Lang, bytes: i64) -> String {
    let comma = |s: String| if lang == Lang::Nl { s.replace('.', ",") } else { s };
    // A size shown to one decimal: the precision of f64 is plenty.
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        comma(format!("{:.1} kB", b / 1024.0))
    } else {
        comma(format!("{:.1} MB", b / (1024.0 * 1024.0)))
    }
}

/// The upload form on a page of its own (also where refused input is shown again).
#[derive(Template)]
#[template(path = "udo/attachment_form.html")]
pub struct UploadPage {
    pub layout: Layout,
    pub dossier_title: String,
    pub documents: DocumentsPart,
}

async fn upload_page(app: &App, ctx: &PageContext, id: i64, form: FormState) -> Result<UploadPage, AppError> {
    let view = app.udo_dossier(id, &ctx.who).await?;
    let offers = app.udo_offers(&view, &ctx.who);
    let documents = part(app, ctx, id, offers.edit, form).await?;
    let title = view.content.parse().map(|d| d.title).unwrap_or_default();
    Ok(UploadPage {
        layout: Layout::translated(ctx, ctx.lang.t("udo-documents-add-heading"), "udo"),
        dossier_title: title,
        documents,
    })
}

pub async fn form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let page = upload_page(&app, &ctx, id, FormState::default()).await?;
    crate::ui::offered_because(&ctx, page.documents.may_add, &samenspel_app::udo::refusal())?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn submit(
    axum::extract::State(app): axum::extract::State<App>,
    ctx: PageContext,
    PagePath(id): PagePath<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> PageResult {
    app.may_add_udo_document(id, &ctx.who).await?;
    let read = match multipart {
        Ok(mut multipart) => read_upload(&mut multipart).await,
        Err(rejection) => Err(Unreadable::Broken(rejection.body_text())),
    };
    let upload = match read {
        Ok(upload) => upload,
        Err(unreadable) => {
            let (status, errors) = unreadable_errors(unreadable);
            let page = upload_page(&app, &ctx, id, FormState::default().with_errors(errors)).await?;
            return Ok(render(status, &page));
        }
    };
    let pairs = vec![
        (TITLE_FIELD.to_owned(), upload.input.title.clone()),
        (KIND_FIELD.to_owned(), upload.input.kind.clone()),
        (CATEGORY_FIELD.to_owned(), upload.input.category.clone()),
    ];
    let result = app
        .add_udo_document(id, &upload.input, upload.file, &ctx.who)
        .await;
    let added = ctx.lang.t("udo-documents-added");
    form_outcome(
        &ctx,
        result,
        |_| Saved::new(format!("/udo/{id}#documenten"), added),
        async |errors: ValidationErrors| {
            Ok(upload_page(&app, &ctx, id, FormState::refused(&pairs, errors)).await?)
        },
    )
    .await
}

/// An upload that could not be read, as a status and a message on the file field.
fn unreadable_errors(unreadable: Unreadable) -> (StatusCode, ValidationErrors) {
    match unreadable {
        Unreadable::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            ValidationErrors::single(
                FILE_FIELD,
                "too_large",
                msg!(
                    "udo-documents-upload-too-large",
                    "Het bestand is te groot: een document is ten hoogste {megabytes} MB (het hele formulier ten hoogste {limit} bytes). Er is niets opgeslagen.",
                    megabytes = MAX_BYTES / (1024 * 1024),
                    limit = UPLOAD_LIMIT
                ),
            ),
        ),
        Unreadable::Broken(reason) => (
            StatusCode::BAD_REQUEST,
            ValidationErrors::single(
                FILE_FIELD,
                "unreadable",
                msg!(
                    "udo-documents-upload-unreadable",
                    "Het formulier kon niet worden gelezen ({reason}). Er is niets opgeslagen.",
                    reason = reason
                ),
            ),
        ),
    }
}
