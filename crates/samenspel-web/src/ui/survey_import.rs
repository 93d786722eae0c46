//! Importing the responses of a wave from a file (beheerders): the same file as `samenspel
//! survey import`, all or nothing, with every refused cell listed by row and column; in the
//! visitor's language (`locales/*/survey.ftl`).

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart};
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::survey::header;
use samenspel_app::{App, AppError};

use super::exchange::{ProblemRow, chosen_file, refuse_file};
use super::{Layout, render};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::request::Visit;

pub fn routes() -> Router<App> {
    Router::new().route(
        "/knelpuntenmonitor/{key}/importeren",
        get(form)
            .post(submit)
            .layer(DefaultBodyLimit::max(crate::api::MAX_IMPORT_BYTES)),
    )
}

/// Whether `path` is a wave's import page (`/knelpuntenmonitor/{key}/importeren`).
pub fn is_import_path(path: &str) -> bool {
    path.strip_prefix("/knelpuntenmonitor/")
        .and_then(|rest| rest.strip_suffix("/importeren"))
        .is_some_and(|key| !key.is_empty() && !key.contains('/'))
}

#[derive(Template)]
#[template(path = "survey/import.html")]
pub struct ImportPage {
    pub layout: Layout,
    pub key: String,
    pub title: String,
    pub header: String,
    pub message: Option<String>,
    pub problems: Vec<ProblemRow>,
    /// "12 answers imported."
    pub imported: Option<String>,
}

async fn page(app: &App, ctx: &PageContext, key: &str) -> Result<ImportPage, AppError> {
    let wave = app.wave_for_import(key, &ctx.who).await?;
    let statements = samenspel_app::survey::instrument(wave.instrument_version).unwrap_or_default();
    Ok(ImportPage {
        layout: Layout::translated(
            ctx,
            ctx.lang.t_with("survey-import-title", &[("title", &wave.title)]),
            "knelpuntenmonitor",
        ),
        key: wave.key,
        title: wave.title,
        header: header(statements).join(","),
        message: None,
        problems: Vec::new(),
        imported: None,
    })
}

pub async fn form(Visit(app, ctx, key): Visit<String>) -> PageResult {
    Ok(render(StatusCode::OK, &page(&app, &ctx, &key).await?))
}

pub async fn submit(Visit(app, ctx, key): Visit<String>, mut multipart: Multipart) -> PageResult {
    let mut view = page(&app, &ctx, &key).await?;
    let (name, bytes) = match chosen_file(&mut multipart, &ctx.lang.t("survey-import-choose")).await {
        Ok(file) => file,
        Err((status, message)) => {
            view.message = Some(message);
            return Ok(render(status, &view));
        }
    };
    match app.import_responses(&key, bytes, &ctx.who).await {
        Ok(n) => {
            view.imported = Some(ctx.lang.t_with("survey-imported", &[("count", &n.to_string())]));
            Ok(render(StatusCode::OK, &view))
        }
        Err(AppError::Invalid(errors)) => {
            refuse_file(&name, "fout(en)", errors, &mut view.message, &mut view.problems);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
        Err(e) => Err(e.into()),
    }
}
