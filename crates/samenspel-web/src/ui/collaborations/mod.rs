//! The collaborations: the list, one collaboration's page, the form to create or edit one,
//! adding a partner, and the change log. Each has its own file; this one registers their
//! routes and holds the choices the forms share.

pub(crate) mod changes;
pub(crate) mod filters;
mod form;
pub(crate) mod list;
mod partners;
pub(crate) mod show;
mod versions;

use axum::Router;
use axum::routing::{get, post};
use samenspel_app::App;
use samenspel_domain::collaboration::{CollaborationKind, PartnerRole, WgrForm};
use samenspel_domain::org::Organisation;
use samenspel_store::{OrgFilter, Page};

pub(super) use show::{dimension_label, phase_query};

use crate::i18n::Lang;

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

/// A value of a closed list with its label in the page's language.
pub(crate) struct Labelled {
    pub key: &'static str,
    pub label: String,
    /// Chosen already (for lists whose template does not ask the form state).
    pub selected: bool,
}

/// The values of a closed list, labelled from the catalogue by their message id.
pub(crate) fn labelled<T: Copy>(
    lang: Lang,
    all: &[T],
    key: fn(T) -> &'static str,
    message_id: fn(T) -> &'static str,
    chosen: impl Fn(&str) -> bool,
) -> Vec<Labelled> {
    all.iter()
        .map(|v| Labelled {
            key: key(*v),
            label: lang.t(message_id(*v)),
            selected: chosen(key(*v)),
        })
        .collect()
}

pub(super) fn kinds(lang: Lang) -> Vec<Labelled> {
    labelled(
        lang,
        CollaborationKind::ALL,
        CollaborationKind::key,
        CollaborationKind::message_id,
        |_| false,
    )
}

pub(super) fn roles(lang: Lang) -> Vec<Labelled> {
    labelled(
        lang,
        PartnerRole::ALL,
        PartnerRole::key,
        PartnerRole::message_id,
        |_| false,
    )
}

pub(super) fn wgr_forms(lang: Lang) -> Vec<Labelled> {
    labelled(lang, WgrForm::ALL, WgrForm::key, WgrForm::message_id, |_| false)
}

/// The label of an organisation's type in `lang` (the type is no keyed list, so its ids are
/// `collab-orgtype-<key>`).
pub(crate) fn org_type_label(lang: Lang, org_type: samenspel_domain::org::OrgType) -> String {
    lang.t(&format!("collab-orgtype-{}", org_type.key()))
}

/// Every organisation, for the partner pickers.
pub(super) async fn all_organisations(app: &App) -> Vec<Organisation> {
    app.list_organisations(&OrgFilter::default(), Page::all())
        .await
        .map(|p| p.items)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use samenspel_domain::org::OrgType;
    use samenspel_domain::partnership::{Dimension, REFERENCE_PROFILES};

    use super::show::reference_name;
    use super::*;

    /// The Dutch of `collab-values.ftl` is the domain's own wording; the English exists.
    #[test]
    fn the_labels_of_unkeyed_lists_agree_with_the_domain() {
        for t in OrgType::ALL {
            assert_eq!(org_type_label(Lang::Nl, t), t.label_nl());
            assert_ne!(org_type_label(Lang::En, t), format!("collab-orgtype-{}", t.key()));
        }
        for d in Dimension::ALL {
            assert_eq!(dimension_label(Lang::Nl, d), d.label());
            assert_eq!(Lang::Nl.t(&format!("collab-question-{}", d.key())), d.question());
        }
        for r in REFERENCE_PROFILES {
            assert_eq!(reference_name(Lang::Nl, r.key), r.name);
        }
        assert_eq!(
            Lang::Nl.t("collab-show-distance-measure"),
            samenspel_domain::partnership::DISTANCE_MEASURE
        );
    }
}
