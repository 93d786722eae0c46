//! Taking a step of a dossier's workflow (`/udo/{id}/stap`): the steps the table has from where
//! the dossier stands and the person may take, the outcome with its conditions, the date. A
//! refused step shows the form again with 422 and everything that is missing; nothing changes.

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::udo::{UdoDossierView, refusal};
use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::workflow::{OutcomeInput, StepInput, rules_gating};

use super::state_label;
use crate::error::{PageError, PageResult};
use crate::session::PageContext;
use crate::ui::form::{FormState, get, posted_version};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::{Layout, offered_because, render};

/// A step on offer.
pub struct StepChoice {
    pub key: &'static str,
    pub label: String,
    /// The step needs an outcome, a date, or the reason the UDO is skipped.
    pub outcome: bool,
    pub date: bool,
    pub reason: bool,
}

#[derive(Template)]
#[template(path = "udo/step.html")]
pub struct StepPage {
    pub layout: Layout,
    pub id: i64,
    pub version: i64,
    pub state: String,
    pub steps: Vec<StepChoice>,
    pub asks_outcome: bool,
    pub asks_date: bool,
    pub asks_reason: bool,
    /// The rules of the normenkader that do not hold now and gate a state ahead.
    pub failing: Vec<(String, String)>,
    pub outcomes: Vec<(&'static str, String)>,
    pub form: FormState,
}

fn step_page(
    ctx: &PageContext,
    app: &samenspel_app::App,
    view: &UdoDossierView,
    form: FormState,
) -> StepPage {
    let lang = ctx.lang;
    let offers = app.udo_offers(view, &ctx.who);
    let steps: Vec<StepChoice> = offers
        .steps
        .iter()
        .map(|e| StepChoice {
            key: e.key(),
            label: lang.t(&format!("udo-step-{}", e.key())),
            outcome: e.needs_outcome(),
            date: e.needs_date(),
            reason: e.needs_reason(),
        })
        .collect();
    let gating: Vec<&str> = samenspel_domain::udo::workflow::UdoState::ALL
        .iter()
        .filter(|s| s.rank() > view.progress.state.rank())
        .flat_map(|s| rules_gating(*s))
        .collect();
    StepPage {
        layout: Layout::translated(
            ctx,
            lang.t_with("udo-step-title", &[("title", view.content.title.as_str())]),
            "udo",
        ),
        id: view.id,
        version: view.version,
        state: state_label(lang, view.progress.state),
        asks_outcome: steps.iter().any(|s| s.outcome),
        asks_date: steps.iter().any(|s| s.date),
        asks_reason: steps.iter().any(|s| s.reason),
        steps,
        failing: view
            .rules
            .iter()
            .filter(|r| r.outcome == samenspel_domain::rules::Outcome::VoldoetNiet && gating.contains(&r.key))
            .map(|r| (lang.msg(&r.rule), lang.msg(&r.explanation)))
            .collect(),
        outcomes: ["uitvoerbaar", "uitvoerbaar-onder-voorwaarden", "niet-uitvoerbaar"]
            .into_iter()
            .map(|k| (k, lang.t(&format!("udo-outcome-{k}"))))
            .collect(),
        form,
    }
}

/// The step as the form sends it: conditions one per line.
fn from_form(pairs: &[(String, String)]) -> StepInput {
    StepInput {
        event: get(pairs, "event").to_owned(),
        outcome: OutcomeInput {
            outcome: get(pairs, "outcome").to_owned(),
            conditions: get(pairs, "conditions")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        on: get(pairs, "on").to_owned(),
        reason: get(pairs, "reason").to_owned(),
    }
}

pub async fn form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let view = app.udo_dossier(id, &ctx.who).await?;
    let offers = app.udo_offers(&view, &ctx.who);
    offered_because(&ctx, !offers.steps.is_empty(), &refusal())?;
    let mut form = FormState::default();
    if let [only] = offers.steps.as_slice() {
        form.set("event", only.key());
    }
    Ok(render(StatusCode::OK, &step_page(&ctx, &app, &view, form)))
}

pub async fn submit(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = from_form(&pairs);
    let version = posted_version(&pairs);
    let result = app.take_udo_step(id, version, &input, &ctx.who).await;
    let saved = |view: UdoDossierView| {
        let state = state_label(ctx.lang, view.progress.state);
        Saved::new(
            format!("/udo/{id}"),
            ctx.lang.t_with("udo-step-taken", &[("state", state.as_str())]),
        )
    };
    form_outcome(&ctx, result, saved, async |errors: ValidationErrors| {
        let view = app.udo_dossier(id, &ctx.who).await?;
        Ok::<_, PageError>(step_page(&ctx, &app, &view, FormState::refused(&pairs, errors)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use samenspel_domain::udo::workflow::{StepRefusal, UdoEvent, UdoState};

    use crate::i18n::Lang;

    /// Steps and states are named in the page's language, also inside a refusal.
    #[test]
    fn steps_and_states_have_their_names_in_both_catalogues() {
        for event in UdoEvent::ALL {
            let label = event.label();
            assert_eq!(Lang::Nl.msg(&label), label.dutch(), "{event:?}");
            let english = Lang::En.msg(&label);
            assert!(
                !english.is_empty() && english != label.dutch(),
                "{event:?}: {english}"
            );
        }
        for state in UdoState::ALL {
            let label = state.label();
            assert_eq!(Lang::Nl.msg(&label), label.dutch(), "{state:?}");
        }
        let refusal = StepRefusal::NotInState {
            state: UdoState::Concept,
            event: UdoEvent::Adopt,
        };
        assert_eq!(
            Lang::En.msg(&refusal.message()),
            "The step 'adopt' cannot be taken while the dossier is in the state 'draft'."
        );
        assert_eq!(
            Lang::Nl.msg(&refusal.message()),
            "De stap 'vaststellen' kan niet als het dossier in de toestand 'concept' is."
        );
    }
}
