//! How residents take part: the section on the collaboration page (what the law asks, the
//! processes as links, the ordinance and the uitdaagrecht) and the form for the trekker's
//! redacteuren. Links to platforms open the platform itself (`rel="noopener"`, its host
//! name shown); nothing is embedded.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::routing;
use samenspel_app::App;
use samenspel_app::participation::ParticipationView;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::participation::{
    Duty, Participation, ParticipationInput, Platform, ProcessInput, WebAddress, yes_no_key,
};
use samenspel_domain::wgr::Verification;
use samenspel_store::Collaboration;

use super::collaborations::{Labelled, labelled};
use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, render};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::request::{PostedTo, Visit};

pub fn routes() -> Router<App> {
    Router::new().route(
        "/samenwerkingen/{id}/participatie",
        routing::get(form).post(submit),
    )
}

/// Empty process rows offered below the recorded ones.
const EMPTY_ROWS: usize = 2;

/// A link to another site, shown with its host name.
pub struct ExternalLink {
    pub href: String,
    pub host: String,
    pub label: String,
}

fn external(address: &WebAddress, label: String) -> ExternalLink {
    ExternalLink {
        href: address.as_str().to_owned(),
        host: address.host().to_owned(),
        label,
    }
}

/// What the law asks, in the page's language, with its article and sources.
pub struct DutyView {
    pub text: String,
    pub citation: Option<String>,
    pub law_url: Option<String>,
    /// The law text itself was not read: "onze lezing".
    pub our_reading: bool,
    pub sources: Vec<ExternalLink>,
}

fn duty_view(lang: Lang, duty: &Duty) -> DutyView {
    let rule = duty.rule();
    DutyView {
        text: lang.msg(&duty.explanation()),
        citation: rule.map(|r| lang.msg(&r.citation())),
        law_url: rule.map(|r| r.law_url.to_owned()),
        our_reading: rule.is_some_and(|r| r.verification == Verification::OnzeLezing),
        sources: rule
            .map(|r| {
                r.checked_at
                    .iter()
                    .filter_map(|u| WebAddress::parse("source", u, true).ok().flatten())
                    .map(|a| {
                        let host = a.host().to_owned();
                        external(&a, host)
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The section "Hoe inwoners meedoen" on the collaboration page.
pub struct ParticipationSection {
    pub duty: DutyView,
    pub recorded: bool,
    pub processes: Vec<ProcessLink>,
    pub ordinance: Option<ExternalLink>,
    pub cvdr: Option<String>,
    pub challenge: String,
    pub agreements: Option<String>,
    pub agreements_link: Option<ExternalLink>,
    /// The form, for whom may record it.
    pub edit_href: Option<String>,
}

pub struct ProcessLink {
    pub platform: String,
    pub link: ExternalLink,
}

fn challenge_label(lang: Lang, value: Option<bool>) -> String {
    lang.t(match value {
        Some(true) => "participation-challenge-yes",
        Some(false) => "participation-challenge-no",
        None => "participation-challenge-unknown",
    })
}

/// The section for collaboration `c`, from what the use case returned.
pub fn section(
    lang: Lang,
    c: &Collaboration,
    view: &ParticipationView,
    may_edit: bool,
) -> ParticipationSection {
    let p: &Participation = &view.participation;
    let ordinance = p
        .ordinance_url
        .as_ref()
        .map(|a| external(a, lang.t("participation-ordinance-link")))
        .or_else(|| {
            let link = p.ordinance_link()?;
            let address = WebAddress::parse("ordinance", &link, true).ok().flatten()?;
            Some(external(&address, lang.t("participation-ordinance-link")))
        });
    ParticipationSection {
        duty: duty_view(lang, &view.duty),
        recorded: view.recorded,
        processes: p
            .processes
            .iter()
            .map(|process| ProcessLink {
                platform: lang.t(process.platform.message_id()),
                link: external(&process.address, process.title.clone()),
            })
            .collect(),
        ordinance,
        cvdr: p.ordinance_cvdr.clone(),
        challenge: challenge_label(lang, p.right_to_challenge),
        agreements: p.agreements.clone(),
        agreements_link: p
            .agreements_url
            .as_ref()
            .map(|a| external(a, lang.t("participation-agreements-link"))),
        edit_href: may_edit.then(|| format!("/samenwerkingen/{}/participatie", c.id)),
    }
}

/// One row of processes in the form, with its field names.
pub struct ProcessRow {
    pub number: usize,
    pub platform: String,
    pub address: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "collaborations/participation_form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub duty: DutyView,
    pub form: FormState,
    pub rows: Vec<ProcessRow>,
    pub platforms: Vec<Labelled>,
    pub choices: Vec<(&'static str, String)>,
    /// Agreements in the regeling: only for a gemeenschappelijke regeling.
    pub is_regeling: bool,
}

fn form_page(ctx: &PageContext, c: Collaboration, duty: &Duty, form: FormState, rows: usize) -> FormPage {
    let lang = ctx.lang;
    FormPage {
        layout: Layout::translated(
            ctx,
            lang.t_with("participation-form-title", &[("name", c.fields.name.as_str())]),
            "samenwerkingen",
        ),
        duty: duty_view(lang, duty),
        rows: (0..rows)
            .map(|i| ProcessRow {
                number: i + 1,
                platform: format!("processes[{i}].platform"),
                address: format!("processes[{i}].address"),
                title: format!("processes[{i}].title"),
            })
            .collect(),
        platforms: labelled(lang, Platform::ALL, Platform::key, Platform::message_id, |_| {
            false
        }),
        choices: vec![
            ("", lang.t("participation-challenge-unknown")),
            ("ja", lang.t("participation-challenge-yes")),
            ("nee", lang.t("participation-challenge-no")),
        ],
        is_regeling: c.fields.kind == CollaborationKind::GemeenschappelijkeRegeling,
        form,
        c,
    }
}

/// The form filled with `input`.
fn filled(input: &ParticipationInput) -> FormState {
    let mut form = FormState::default();
    for (i, p) in input.processes.iter().enumerate() {
        form.set(&format!("processes[{i}].platform"), p.platform.clone());
        form.set(&format!("processes[{i}].address"), p.address.clone());
        form.set(&format!("processes[{i}].title"), p.title.clone());
    }
    form.set("ordinance_url", input.ordinance_url.clone());
    form.set("ordinance_cvdr", input.ordinance_cvdr.clone());
    form.set("right_to_challenge", input.right_to_challenge.clone());
    form.set("agreements", input.agreements.clone());
    form.set("agreements_url", input.agreements_url.clone());
    form
}

fn from_form(pairs: &[(String, String)]) -> ParticipationInput {
    let mut processes = Vec::new();
    for index in 0..samenspel_domain::participation::MAX_PROCESSES + EMPTY_ROWS + 1 {
        let prefix = format!("processes[{index}].");
        if !pairs.iter().any(|(k, _)| k.starts_with(&prefix)) {
            break;
        }
        processes.push(ProcessInput {
            platform: get(pairs, &format!("{prefix}platform")).to_owned(),
            address: get(pairs, &format!("{prefix}address")).to_owned(),
            title: get(pairs, &format!("{prefix}title")).to_owned(),
        });
    }
    ParticipationInput {
        processes,
        ordinance_url: get(pairs, "ordinance_url").to_owned(),
        ordinance_cvdr: get(pairs, "ordinance_cvdr").to_owned(),
        right_to_challenge: get(pairs, "right_to_challenge").to_owned(),
        agreements: get(pairs, "agreements").to_owned(),
        agreements_url: get(pairs, "agreements_url").to_owned(),
    }
}

pub async fn form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let c = app.collaboration(id, &ctx.who).await?;
    let may = samenspel_app::offers::Offers::of(&c, &ctx.who).participation;
    super::offered(&ctx, may, samenspel_domain::auth::Action::RecordParticipation)?;
    let view = app.participation(id, &ctx.who).await?;
    let input = ParticipationInput::from(&view.participation);
    let rows = input.processes.len() + EMPTY_ROWS;
    let mut form = filled(&input);
    if view.participation.right_to_challenge.is_none() {
        form.set("right_to_challenge", yes_no_key(None));
    }
    Ok(render(
        StatusCode::OK,
        &form_page(&ctx, c, &view.duty, form, rows),
    ))
}

pub async fn submit(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = from_form(&pairs);
    let result = app.set_participation(id, &input, &ctx.who).await;
    let saved = ctx.lang.t("participation-saved");
    form_outcome(
        &ctx,
        result,
        |_| Saved::at_collaboration(id, "", saved),
        async |errors| {
            let c = app.collaboration(id, &ctx.who).await?;
            let duty = samenspel_domain::participation::duty(c.fields.kind, c.fields.wgr_form);
            let rows = input.processes.len().max(EMPTY_ROWS);
            Ok(form_page(
                &ctx,
                c,
                &duty,
                FormState::refused(&pairs, errors),
                rows,
            ))
        },
    )
    .await
}
