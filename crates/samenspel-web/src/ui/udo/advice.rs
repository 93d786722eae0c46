//! The forms for BZK's advice (`/udo/{id}/advies`) and a koepel's judgement
//! (`/udo/{id}/oordeel`), offered only to a redacteur of BZK and of a koepel concerned. A save
//! leads to the dossier with a confirmation; refused input shows the form again with 422 and
//! the message beside its field; a stale version is a conflict.

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::udo::{KoepelJudgementInput, UdoDossierView, refusal};
use samenspel_app::{App, AppError};
use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::dossier::{BzkAdviceInput, CheckMoment, Koepel};

use crate::error::{PageError, PageResult};
use crate::session::PageContext;
use crate::ui::collaborations::{Labelled, labelled};
use crate::ui::form::{FormState, get, posted_version};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::{Layout, offered_because, render};

#[derive(Template)]
#[template(path = "udo/advice_form.html")]
pub struct AdvicePage {
    pub layout: Layout,
    pub id: i64,
    pub version: i64,
    /// `advies` or `oordeel`.
    pub action: &'static str,
    pub intro: String,
    pub bzk: bool,
    pub choices: Vec<Labelled>,
    pub form: FormState,
}

fn page(
    ctx: &PageContext,
    view: &UdoDossierView,
    bzk: bool,
    choices: Vec<Labelled>,
    form: FormState,
) -> AdvicePage {
    let lang = ctx.lang;
    let title_id = if bzk {
        "udo-advice-form-title"
    } else {
        "udo-judgement-form-title"
    };
    AdvicePage {
        layout: Layout::translated(
            ctx,
            lang.t_with(title_id, &[("title", view.content.title.as_str())]),
            "udo",
        ),
        id: view.id,
        version: view.version,
        action: if bzk { "advies" } else { "oordeel" },
        intro: lang.t(if bzk {
            "udo-advice-form-intro"
        } else {
            "udo-judgement-form-intro"
        }),
        bzk,
        choices,
        form,
    }
}

fn moments(ctx: &PageContext) -> Vec<Labelled> {
    labelled(
        ctx.lang,
        CheckMoment::ALL,
        CheckMoment::key,
        CheckMoment::message_id,
        |_| false,
    )
}

fn koepels(ctx: &PageContext, allowed: &[Koepel]) -> Vec<Labelled> {
    labelled(ctx.lang, allowed, Koepel::key, Koepel::message_id, |_| false)
}

fn judgement_refusal() -> samenspel_domain::Message {
    samenspel_domain::msg!(
        "udo-judgement-refused",
        "Een oordeel geeft alleen een redacteur van de koepel zelf, en alleen een koepel van een bestuurslaag die het voorstel raakt."
    )
}

pub async fn advice_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let view = app.udo_dossier(id, &ctx.who).await?;
    offered_because(&ctx, app.udo_offers(&view, &ctx.who).advise, &refusal())?;
    let mut form = FormState::default();
    form.set("given_on", app.today().format("%Y-%m-%d").to_string());
    Ok(render(
        StatusCode::OK,
        &page(&ctx, &view, true, moments(&ctx), form),
    ))
}

pub async fn advice_submit(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = BzkAdviceInput {
        moment: get(&pairs, "moment").to_owned(),
        given_on: get(&pairs, "given_on").to_owned(),
        advice: get(&pairs, "advice").to_owned(),
    };
    let result = app
        .give_udo_bzk_advice(id, posted_version(&pairs), &input, &ctx.who)
        .await;
    answer(&app, &ctx, id, &pairs, true, result, "udo-advice-saved").await
}

pub async fn judgement_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let view = app.udo_dossier(id, &ctx.who).await?;
    let allowed = app.udo_offers(&view, &ctx.who).judge;
    offered_because(&ctx, !allowed.is_empty(), &judgement_refusal())?;
    let mut form = FormState::default();
    if let [only] = allowed.as_slice() {
        form.set("koepel", only.key());
        if let Some(k) = view.content.koepels.iter().find(|k| k.koepel == only.key()) {
            form.set("judgement", k.judgement.clone());
        }
    }
    Ok(render(
        StatusCode::OK,
        &page(&ctx, &view, false, koepels(&ctx, &allowed), form),
    ))
}

pub async fn judgement_submit(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = KoepelJudgementInput {
        koepel: get(&pairs, "koepel").to_owned(),
        judgement: get(&pairs, "judgement").to_owned(),
    };
    let result = app
        .give_udo_koepel_judgement(id, posted_version(&pairs), &input, &ctx.who)
        .await;
    answer(&app, &ctx, id, &pairs, false, result, "udo-judgement-saved").await
}

/// What a posted advice (`bzk`) or judgement leads to: the dossier with the confirmation
/// `saved_id`, or the form again with the refusal and the choices the visitor has.
async fn answer<T>(
    app: &App,
    ctx: &PageContext,
    id: i64,
    pairs: &[(String, String)],
    bzk: bool,
    result: Result<T, AppError>,
    saved_id: &str,
) -> PageResult {
    let saved = ctx.lang.t(saved_id);
    form_outcome(
        ctx,
        result,
        |_| Saved::new(format!("/udo/{id}"), saved),
        async |errors: ValidationErrors| {
            let view = app.udo_dossier(id, &ctx.who).await?;
            let choices = if bzk {
                moments(ctx)
            } else {
                koepels(ctx, &app.udo_offers(&view, &ctx.who).judge)
            };
            Ok::<_, PageError>(page(ctx, &view, bzk, choices, FormState::refused(pairs, errors)))
        },
    )
    .await
}
