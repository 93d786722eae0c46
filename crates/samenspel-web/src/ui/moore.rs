//! Moore's triangle of a collaboration: the triangle for the whole, each partner's elements,
//! what the partners stated, and a form per partner.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::routing;
use samenspel_app::moore::MooreView;
use samenspel_app::{App, AppError};
use samenspel_domain::moore::{Element, ElementJudgement, MooreInput, MooreStatement, Strength, Support};
use samenspel_store::{Collaboration, PartnerInfo};

use super::collaborations::{Labelled, labelled};
use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, render};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::request::{PostedTo, Visit};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/samenwerkingen/{id}/driehoek", routing::get(show))
        .route(
            "/samenwerkingen/{id}/driehoek/{code}",
            routing::get(form).post(submit),
        )
}

pub struct JudgementRow {
    pub element: String,
    pub strength: String,
    pub in_order: bool,
    pub reasons: Vec<String>,
}

pub struct PartnerRow {
    pub code: String,
    /// The visitor may state this partner's side (its own redacteuren).
    pub stateable: bool,
    pub name: String,
    /// The three judgements in the order of [`Element::ALL`].
    pub strengths: Vec<(String, bool)>,
    pub public_value: String,
    pub mandate: String,
    pub support: String,
    pub fte: String,
    pub money: String,
    pub processes: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "collaborations/moore.html")]
pub struct MoorePage {
    pub layout: Layout,
    /// The visitor may state some partner's side (the table then has an action column).
    pub any_stateable: bool,
    /// The visitor may edit the collaboration (where the joint public value is recorded).
    pub editable: bool,
    pub c: Collaboration,
    pub joint: Option<String>,
    pub svg: String,
    pub whole: Vec<JudgementRow>,
    pub elements: Vec<String>,
    pub partners: Vec<PartnerRow>,
    pub total_fte: String,
    pub total_money: String,
}

fn judgement_rows(lang: crate::i18n::Lang, judgements: &[ElementJudgement]) -> Vec<JudgementRow> {
    judgements
        .iter()
        .map(|j| JudgementRow {
            element: lang.t(j.element.message_id()),
            strength: lang.t(j.strength.message_id()),
            in_order: j.strength == Strength::OpOrde,
            reasons: j.reasons.iter().map(|r| lang.msg(r)).collect(),
        })
        .collect()
}

pub async fn show(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (c, view) = load(&app, &ctx, id).await?;
    let offers = samenspel_app::offers::Offers::of(&c, &ctx.who);
    let a = &view.assessment;
    let lang = ctx.lang;
    let partners = a
        .partners
        .iter()
        .map(|p| {
            let record = view.statements.iter().find(|s| s.code == p.code);
            let s = record.map(|r| r.statement.clone()).unwrap_or_default();
            PartnerRow {
                stateable: offers.moore_for.contains(&p.code),
                code: p.code.to_string(),
                name: p.name.clone(),
                strengths: p
                    .elements
                    .iter()
                    .map(|e| (lang.t(e.strength.message_id()), e.strength == Strength::OpOrde))
                    .collect(),
                public_value: s.public_value.unwrap_or_default(),
                mandate: s.mandate.unwrap_or_default(),
                support: s.support.map(|x| lang.t(x.message_id())).unwrap_or_default(),
                fte: s.fte.map(|f| f.format_nl()).unwrap_or_default(),
                money: p.money.format_nl(),
                processes: s.processes.unwrap_or_default(),
                updated: record
                    .map(|r| {
                        format!(
                            "{} ({})",
                            r.updated_at.format("%d-%m-%Y"),
                            lang.msg(&r.updated_by)
                        )
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let heading = lang.t("collab-show-moore");
    let words = crate::charts::moore::Words {
        heading: &heading,
        element: &|e: Element| lang.t(e.message_id()),
        strength: &|s: Strength| lang.t(s.message_id()),
    };
    let page = MoorePage {
        any_stateable: !offers.moore_for.is_empty(),
        editable: offers.edit,
        layout: Layout::translated(
            &ctx,
            lang.t_with("moore-title", &[("name", c.fields.name.as_str())]),
            "samenwerkingen",
        ),
        joint: view.joint_public_value.clone(),
        svg: crate::charts::moore::triangle(&format!("moore-{id}"), &a.elements, &words),
        whole: judgement_rows(lang, &a.elements),
        elements: Element::ALL.iter().map(|e| lang.t(e.message_id())).collect(),
        partners,
        total_fte: a.total_fte.format_nl(),
        total_money: a.total_money.format_nl(),
        c,
    };
    Ok(render(StatusCode::OK, &page))
}

async fn load(app: &App, ctx: &PageContext, id: i64) -> Result<(Collaboration, MooreView), AppError> {
    super::with_collaboration(app, ctx, id, app.moore(id, &ctx.who)).await
}

#[derive(Template)]
#[template(path = "collaborations/moore_form.html")]
pub struct MooreFormPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub partner: PartnerInfo,
    pub form: FormState,
    pub supports: Vec<Labelled>,
}

fn form_page(ctx: &PageContext, c: Collaboration, partner: PartnerInfo, form: FormState) -> MooreFormPage {
    MooreFormPage {
        layout: Layout::translated(
            ctx,
            ctx.lang
                .t_with("moore-partner-title", &[("name", partner.name.as_str())]),
            "samenwerkingen",
        ),
        c,
        partner,
        form,
        supports: labelled(ctx.lang, Support::ALL, Support::key, Support::message_id, |_| {
            false
        }),
    }
}

async fn load_partner(
    app: &App,
    ctx: &PageContext,
    id: i64,
    code: &str,
) -> Result<(Collaboration, PartnerInfo, MooreView), AppError> {
    let (c, view) = load(app, ctx, id).await?;
    let partner = super::stances::partner_of(&c, code)?;
    Ok((c, partner, view))
}

fn fill(form: &mut FormState, s: &MooreStatement) {
    form.set("public_value", s.public_value.clone().unwrap_or_default());
    form.set("mandate", s.mandate.clone().unwrap_or_default());
    form.set("support", s.support.map_or("", |x| x.key()));
    form.set("fte", s.fte.map(|f| f.format_nl()).unwrap_or_default());
    form.set("processes", s.processes.clone().unwrap_or_default());
}

pub async fn form(Visit(app, ctx, (id, code)): Visit<(i64, String)>) -> PageResult {
    let (c, partner, view) = load_partner(&app, &ctx, id, &code).await?;
    let may = samenspel_app::offers::Offers::of(&c, &ctx.who)
        .moore_for
        .contains(&partner.code);
    crate::ui::offered(&ctx, may, samenspel_domain::auth::Action::StateMoore)?;
    let mut form = FormState::default();
    if let Some(record) = view.statements.iter().find(|s| s.code == partner.code) {
        fill(&mut form, &record.statement);
    }
    Ok(render(StatusCode::OK, &form_page(&ctx, c, partner, form)))
}

pub async fn submit(PostedTo(app, ctx, (id, code), pairs): PostedTo<(i64, String)>) -> PageResult {
    let (c, partner, _) = load_partner(&app, &ctx, id, &code).await?;
    let input = MooreInput {
        public_value: get(&pairs, "public_value").to_owned(),
        mandate: get(&pairs, "mandate").to_owned(),
        support: get(&pairs, "support").to_owned(),
        fte: get(&pairs, "fte").to_owned(),
        processes: get(&pairs, "processes").to_owned(),
    };
    let result = app.state_moore(id, partner.code.as_str(), &input, &ctx.who).await;
    let saved = ctx.lang.t_with("moore-saved", &[("name", partner.name.as_str())]);
    form_outcome(
        &ctx,
        result,
        |_| Saved::at_collaboration(id, "/driehoek", saved),
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            Ok(form_page(&ctx, c, partner, form))
        },
    )
    .await
}
