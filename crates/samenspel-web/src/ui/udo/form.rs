//! The dossier form: open a dossier (`/udo/nieuw`) and change one (`/udo/{id}/bewerken`), for
//! the owning ministry's redacteuren. A save leads to the dossier with a confirmation; refused
//! input shows the form again with 422 and every message beside its field.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::udo::{UdoDossierView, refusal};
use samenspel_domain::udo::allocation::PolicyFreedom;
use samenspel_domain::udo::dossier::{
    CheckMoment, DossierInput, GovernmentLayer, Koepel, LegislativePhase, RegulationForm, UdoScope,
};
use samenspel_domain::udo::financial::{FinancialArticle, FundingMethod};
use samenspel_domain::udo::kompas::QUESTION_SETS;

use super::form_input::{KompasSlot, Submitted, filled, from_form, kompas_slots};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::collaborations::{Labelled, labelled};
use crate::ui::form::{FormState, FormTarget, posted_version};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{Posted, PostedTo, Visit};
use crate::ui::udo::ministry_choices;
use crate::ui::{Layout, offered_because, render};

/// A question of the Beleidskompas (or the IAK) on the form, with its field names.
pub struct KompasRow {
    pub slot: KompasSlot,
    pub framework: String,
    pub version: String,
    pub question: String,
    pub answer: String,
    pub number: String,
    /// The question as published (in Dutch).
    pub text: String,
    pub help: String,
}

/// A koepel or check moment on the form: its name and the names of its date and text fields.
pub struct FixedRow {
    pub label: String,
    pub date: String,
    pub text: String,
}

/// A row of the financial paragraph: its number and the names of its fields.
pub struct MoneyRow {
    pub number: usize,
    pub layer: String,
    pub year: String,
    pub structural: String,
    pub incidental: String,
    pub reasoning: String,
    pub source: String,
}

fn money_row(i: usize) -> MoneyRow {
    let field = |name: &str| format!("financial.rows[{i}].{name}");
    MoneyRow {
        number: i + 1,
        layer: field("layer"),
        year: field("year"),
        structural: field("structural"),
        incidental: field("incidental"),
        reasoning: field("reasoning"),
        source: field("source"),
    }
}

#[derive(Template)]
#[template(path = "udo/form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub action: String,
    pub cancel: String,
    /// The version the change is based on (a change only).
    pub version: Option<i64>,
    pub form: FormState,
    pub ministries: Vec<(String, String)>,
    pub forms: Vec<Labelled>,
    pub layers: Vec<Labelled>,
    pub scopes: Vec<Labelled>,
    pub phases: Vec<Labelled>,
    pub freedoms: Vec<Labelled>,
    pub kompas: Vec<KompasRow>,
    pub koepels: Vec<FixedRow>,
    pub moments: Vec<FixedRow>,
    pub money_rows: Vec<MoneyRow>,
    pub articles: Vec<Labelled>,
    pub fundings: Vec<Labelled>,
    pub allocation: super::allocation::AllocationFields,
}

fn kompas_rows(input: &DossierInput) -> Vec<KompasRow> {
    kompas_slots(input)
        .into_iter()
        .enumerate()
        .map(|(index, slot)| {
            let question = QUESTION_SETS
                .iter()
                .find(|s| s.framework.key() == slot.framework && s.version.to_string() == slot.version)
                .and_then(|s| s.question(&slot.question));
            let field = |name: &str| format!("kompas[{index}].{name}");
            KompasRow {
                framework: field("framework"),
                version: field("version"),
                question: field("question"),
                answer: field("answer"),
                number: question.map_or_else(String::new, |q| q.number.to_owned()),
                text: question.map_or_else(|| slot.question.clone(), |q| q.text.to_owned()),
                help: question.map_or_else(String::new, |q| q.help.to_owned()),
                slot,
            }
        })
        .collect()
}

fn none_chosen(_: &str) -> bool {
    false
}

async fn form_page(
    app: &samenspel_app::App,
    ctx: &PageContext,
    target: FormTarget,
    input: &DossierInput,
    form: FormState,
    money_rows: usize,
) -> Result<FormPage, crate::error::PageError> {
    let lang: Lang = ctx.lang;
    Ok(FormPage {
        layout: Layout::translated(ctx, target.title, "udo"),
        action: target.action,
        cancel: target.cancel,
        version: target.version,
        form,
        ministries: ministry_choices(app, ctx).await?,
        forms: labelled(
            lang,
            RegulationForm::ALL,
            RegulationForm::key,
            RegulationForm::message_id,
            none_chosen,
        ),
        layers: labelled(
            lang,
            GovernmentLayer::ALL,
            GovernmentLayer::key,
            GovernmentLayer::message_id,
            none_chosen,
        ),
        scopes: labelled(
            lang,
            UdoScope::ALL,
            UdoScope::key,
            UdoScope::message_id,
            none_chosen,
        ),
        phases: labelled(
            lang,
            LegislativePhase::ALL,
            LegislativePhase::key,
            LegislativePhase::message_id,
            none_chosen,
        ),
        freedoms: labelled(
            lang,
            PolicyFreedom::ALL,
            PolicyFreedom::key,
            PolicyFreedom::message_id,
            none_chosen,
        ),
        kompas: kompas_rows(input),
        koepels: Koepel::ALL
            .iter()
            .enumerate()
            .map(|(i, k)| FixedRow {
                label: lang.t(k.message_id()),
                date: format!("koepels[{i}].asked_on"),
                text: format!("koepels[{i}].judgement"),
            })
            .collect(),
        moments: CheckMoment::ALL
            .iter()
            .enumerate()
            .map(|(i, m)| FixedRow {
                label: lang.t(m.message_id()),
                date: format!("bzk_advice[{i}].given_on"),
                text: format!("bzk_advice[{i}].advice"),
            })
            .collect(),
        money_rows: (0..money_rows).map(money_row).collect(),
        articles: labelled(
            lang,
            FinancialArticle::ALL,
            FinancialArticle::key,
            FinancialArticle::message_id,
            none_chosen,
        ),
        fundings: labelled(
            lang,
            FundingMethod::ALL,
            FundingMethod::key,
            FundingMethod::message_id,
            none_chosen,
        ),
        allocation: super::allocation::fields(lang),
    })
}

fn new_target(lang: Lang) -> FormTarget {
    FormTarget::new_item(lang.t("udo-form-new-title"), "/udo")
}

fn edit_target(lang: Lang, view: &UdoDossierView) -> FormTarget {
    FormTarget::edit(
        lang.t_with("udo-form-edit-title", &[("title", view.content.title.as_str())]),
        format!("/udo/{}", view.id),
        view.version,
    )
}

pub async fn new_form(State(app): State<samenspel_app::App>, ctx: PageContext) -> PageResult {
    let ministries = app.udo_ministries_for(&ctx.who).await?;
    offered_because(&ctx, !ministries.is_empty(), &refusal())?;
    let mut input = DossierInput::default();
    if let [only] = ministries.as_slice() {
        input.ministry = only.code.as_str().to_owned();
    }
    let (form, rows) = filled(&input);
    let page = form_page(&app, &ctx, new_target(ctx.lang), &input, form, rows).await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let submitted = from_form(&pairs);
    let result = app.create_udo_dossier(&submitted.input, &ctx.who).await;
    let saved = ctx.lang.t("udo-form-opened");
    form_outcome(
        &ctx,
        result,
        |id| Saved::new(format!("/udo/{id}"), saved),
        async |errors| refused(&app, &ctx, new_target(ctx.lang), &submitted, &pairs, errors).await,
    )
    .await
}

pub async fn edit_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let view = app.udo_dossier(id, &ctx.who).await?;
    offered_because(&ctx, app.udo_offers(&view, &ctx.who).edit, &refusal())?;
    let (form, rows) = filled(&view.content);
    let page = form_page(
        &app,
        &ctx,
        edit_target(ctx.lang, &view),
        &view.content,
        form,
        rows,
    )
    .await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn update(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let submitted = from_form(&pairs);
    let version = posted_version(&pairs);
    let result = app
        .update_udo_dossier(id, version, &submitted.input, &ctx.who)
        .await;
    let saved = ctx.lang.t("udo-form-saved");
    form_outcome(
        &ctx,
        result,
        |_| Saved::new(format!("/udo/{id}"), saved),
        async |errors| {
            let view = app.udo_dossier(id, &ctx.who).await?;
            refused(
                &app,
                &ctx,
                edit_target(ctx.lang, &view),
                &submitted,
                &pairs,
                errors,
            )
            .await
        },
    )
    .await
}

async fn refused(
    app: &samenspel_app::App,
    ctx: &PageContext,
    target: FormTarget,
    submitted: &Submitted,
    pairs: &[(String, String)],
    errors: samenspel_domain::ValidationErrors,
) -> Result<FormPage, crate::error::PageError> {
    let form = FormState::refused(pairs, submitted.renumber(errors));
    form_page(app, ctx, target, &submitted.input, form, submitted.money_rows()).await
}
