//! UDO dossiers on the site (issue 14): the list of dossiers the visitor may see (`/udo`), one
//! dossier with every rule of the normenkader and its source, the co-signing flag and where it
//! stands (`/udo/{id}`), and the use of the UDO per ministry and year (`/udo/gebruik`, also as
//! CSV). The same data as JSON: `/api/v1/udo/...`.

mod advice;
mod allocation;
mod dashboard;
mod dossier;
mod form;
mod form_input;
mod memorandum;
pub(super) mod publication;
mod reactions;
mod step;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::App;
use samenspel_domain::udo::workflow::UdoState;

use super::{Layout, render};
use crate::error::{PageError, PageResult};
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/udo", get(list))
        .route("/udo/gebruik", get(dashboard::page))
        .route("/udo/gebruik.csv", get(dashboard::csv))
        .route("/udo/nieuw", get(form::new_form).post(form::create))
        .route("/udo/{id}", get(dossier::page))
        .route("/udo/{id}/bewerken", get(form::edit_form).post(form::update))
        .route("/udo/{id}/stap", get(step::form).post(step::submit))
        .route("/udo/{id}/toelichting", get(memorandum::page))
        .route("/udo/{id}/toelichting.odt", get(memorandum::odt))
        .route("/udo/{id}/toelichting.txt", get(memorandum::text))
        .route(
            "/udo/{id}/advies",
            get(advice::advice_form).post(advice::advice_submit),
        )
        .route(
            "/udo/{id}/oordeel",
            get(advice::judgement_form).post(advice::judgement_submit),
        )
        .merge(reactions::routes())
        .merge(publication::routes())
}

/// A state's name in the page's language.
pub fn state_label(lang: Lang, state: UdoState) -> String {
    lang.t(&format!("udo-state-{}", state.key()))
}

/// The name of an organisation by its code (the code when it is unknown).
async fn org_name(app: &App, code: &str) -> String {
    app.organisation(code)
        .await
        .map_or_else(|_| code.to_owned(), |o| o.name)
}

pub struct DossierRow {
    pub id: i64,
    pub title: String,
    pub ministry: String,
    pub state: String,
    pub opened_on: String,
    pub cosign: bool,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "udo/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub rows: Vec<DossierRow>,
    /// The visitor may open a dossier for some ministry.
    pub may_open: bool,
}

async fn list(State(app): State<App>, ctx: PageContext) -> PageResult {
    let lang = ctx.lang;
    let mut rows = Vec::new();
    for d in app.udo_dossiers(&ctx.who).await? {
        rows.push(DossierRow {
            ministry: org_name(&app, &d.ministry).await,
            state: state_label(lang, d.state),
            opened_on: d.opened_on.format("%d-%m-%Y").to_string(),
            id: d.id,
            title: d.title,
            cosign: d.cosign,
            demo: d.demo,
        });
    }
    Ok(render(
        StatusCode::OK,
        &ListPage {
            layout: Layout::translated(&ctx, lang.t("udo-list-title"), "udo"),
            rows,
            may_open: !app.udo_ministries_for(&ctx.who).await?.is_empty(),
        },
    ))
}

/// The ministries the visitor may open dossiers and keep tasks for, as (code, name) for a
/// form's choice of ministry.
pub(super) async fn ministry_choices(
    app: &App,
    ctx: &PageContext,
) -> Result<Vec<(String, String)>, PageError> {
    Ok(app
        .udo_ministries_for(&ctx.who)
        .await?
        .into_iter()
        .map(|o| (o.code.as_str().to_owned(), o.name))
        .collect())
}
