//! The collaborations: the list, one collaboration's page, the form to create or edit one,
//! adding a partner, and the change log. Each has its own file; this one registers their
//! routes and holds the choices the forms share.

mod changes;
mod form;
mod list;
mod partners;
mod show;

use axum::Router;
use axum::routing::{get, post};
use samenspel_app::App;
use samenspel_domain::collaboration::{CollaborationKind, PartnerRole, WgrForm};
use samenspel_domain::org::Organisation;
use samenspel_store::{OrgFilter, Page};

pub(super) use show::phase_query;

use super::form::{Choice, choices};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/samenwerkingen", get(list::list).post(form::create))
        .route("/samenwerkingen/nieuw", get(form::new_form))
        .route("/samenwerkingen/{id}", get(show::show).post(form::update))
        .route("/samenwerkingen/{id}/bewerken", get(form::edit_form))
        .route(
            "/samenwerkingen/{id}/partners",
            get(partners::partner_form).post(partners::add_partner),
        )
        .route("/samenwerkingen/{id}/publicatie", post(show::publish))
        .route("/samenwerkingen/{id}/wijzigingen", get(changes::changes))
        .route("/samenwerkingen/{id}/wijzigingen.csv", get(changes::changes_csv))
        .route(
            "/samenwerkingen/{id}/wijzigingen.json",
            get(changes::changes_json),
        )
}

pub(super) fn kinds() -> Vec<Choice> {
    choices(
        CollaborationKind::ALL,
        CollaborationKind::key,
        CollaborationKind::label_nl,
        |_| false,
    )
}

pub(super) fn roles() -> Vec<Choice> {
    choices(PartnerRole::ALL, PartnerRole::key, PartnerRole::label_nl, |_| {
        false
    })
}

pub(super) fn wgr_forms() -> Vec<Choice> {
    choices(WgrForm::ALL, WgrForm::key, WgrForm::label_nl, |_| false)
}

/// Every organisation, for the partner pickers.
pub(super) async fn all_organisations(app: &App) -> Vec<Organisation> {
    app.list_organisations(&OrgFilter::default(), Page::all())
        .await
        .map(|p| p.items)
        .unwrap_or_default()
}
