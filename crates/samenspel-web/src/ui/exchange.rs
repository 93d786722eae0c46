//! Importing collaborations from a file (beheerders), with every refused row listed.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::exchange::Format;
use samenspel_app::{App, AppError};

use super::{Layout, render};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;

/// Where the import form posts; the CSRF check allows large bodies here.
pub const IMPORT_PATH: &str = "/samenwerkingen/importeren";

pub fn routes() -> Router<App> {
    Router::new().route(
        IMPORT_PATH,
        get(form)
            .post(submit)
            .layer(DefaultBodyLimit::max(crate::api::MAX_IMPORT_BYTES)),
    )
}

pub struct ProblemRow {
    pub row: String,
    pub column: String,
    pub reason: samenspel_domain::Message,
}

#[derive(Template)]
#[template(path = "collaborations/import.html")]
pub struct ImportPage {
    pub layout: Layout,
    pub message: Option<String>,
    pub problems: Vec<ProblemRow>,
    pub report: Option<(usize, usize, u64)>,
}

impl ImportPage {
    /// What the import did, in a sentence (when it did).
    pub fn imported(&self) -> Option<String> {
        self.report.map(|(added, changed, unchanged)| {
            self.layout.lang.t_with(
                "exchange-imported",
                &[
                    ("added", added.to_string().as_str()),
                    ("changed", changed.to_string().as_str()),
                    ("unchanged", unchanged.to_string().as_str()),
                ],
            )
        })
    }
}

fn page(ctx: &PageContext) -> ImportPage {
    ImportPage {
        layout: Layout::translated(ctx, ctx.lang.t("exchange-title"), "samenwerkingen"),
        message: None,
        problems: Vec::new(),
        report: None,
    }
}

/// The problems of a refused file as rows of the problem table; the fields are named
/// `bestand:<row>:<column>`.
fn problem_rows(errors: samenspel_domain::ValidationErrors) -> Vec<ProblemRow> {
    errors
        .errors
        .into_iter()
        .map(|e| {
            let mut place = e.field.splitn(3, ':').skip(1);
            ProblemRow {
                row: place.next().unwrap_or_default().to_owned(),
                column: place.next().unwrap_or_default().to_owned(),
                reason: e.message,
            }
        })
        .collect()
}

/// Says on the page that the file `name` was refused, with each problem (`unit`: what the
/// count counts) by row and column.
pub(super) fn refuse_file(
    name: &str,
    unit: &str,
    errors: samenspel_domain::ValidationErrors,
    message: &mut Option<String>,
    problems: &mut Vec<ProblemRow>,
) {
    *message = Some(format!(
        "{name} is niet geïmporteerd; er is niets opgeslagen. Verbeter de {} {unit} hieronder en probeer het opnieuw.",
        errors.errors.len()
    ));
    *problems = problem_rows(errors);
}

pub async fn form(ctx: PageContext) -> crate::error::PageResult {
    let may = samenspel_app::offers::GeneralOffers::of(&ctx.who).import;
    super::offered(&ctx, may, samenspel_domain::auth::Action::ImportData)?;
    Ok(render(StatusCode::OK, &page(&ctx)))
}

/// The chosen file and its name, or the status and message for the page when no file was
/// chosen (`missing`) or the upload cannot be read.
pub(super) async fn chosen_file(
    multipart: &mut Multipart,
    missing: &str,
) -> Result<(String, Vec<u8>), (StatusCode, String)> {
    chosen_file_in(Lang::Nl, multipart, missing).await
}

/// [`chosen_file`], its message about an unreadable upload in `lang`.
async fn chosen_file_in(
    lang: Lang,
    multipart: &mut Multipart,
    missing: &str,
) -> Result<(String, Vec<u8>), (StatusCode, String)> {
    match uploaded(multipart).await {
        Ok(Some((name, bytes))) if !bytes.is_empty() => Ok((name, bytes)),
        Ok(_) => Err((StatusCode::UNPROCESSABLE_ENTITY, missing.to_owned())),
        Err(reason) => Err((
            StatusCode::BAD_REQUEST,
            lang.t_with("exchange-unreadable", &[("reason", reason.as_str())]),
        )),
    }
}

/// The uploaded file and its name, from the form field `bestand`.
async fn uploaded(multipart: &mut Multipart) -> Result<Option<(String, Vec<u8>)>, String> {
    while let Some(field) = multipart.next_field().await.map_err(|e| e.body_text())? {
        if field.name() == Some("bestand") {
            let name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|e| e.body_text())?;
            return Ok(Some((name, bytes.to_vec())));
        }
    }
    Ok(None)
}

pub async fn submit(State(app): State<App>, ctx: PageContext, mut multipart: Multipart) -> PageResult {
    let mut view = page(&ctx);
    let missing = ctx.lang.t("exchange-missing");
    let (name, bytes) = match chosen_file_in(ctx.lang, &mut multipart, &missing).await {
        Ok(file) => file,
        Err((status, message)) => {
            view.message = Some(message);
            return Ok(render(status, &view));
        }
    };
    let format = if name.to_ascii_lowercase().ends_with(".json") {
        Format::Json
    } else {
        Format::Csv
    };
    match app.import_collaborations(&bytes, format, &ctx.who).await {
        Ok(report) => {
            view.report = Some((report.added.len(), report.changed.len(), report.unchanged));
            Ok(render(StatusCode::OK, &view))
        }
        Err(AppError::Invalid(errors)) => {
            view.message = Some(ctx.lang.t_with(
                "exchange-refused",
                &[
                    ("name", name.as_str()),
                    ("count", errors.errors.len().to_string().as_str()),
                ],
            ));
            view.problems = problem_rows(errors);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
        Err(e) => Err(e.into()),
    }
}
