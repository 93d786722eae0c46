//! The stance form: a partner states a score 1–5 and a motivation on each dimension.

use askama::Template;
use axum::Router;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::routing;
use samenspel_app::{App, AppError};
use samenspel_domain::partnership::{Dimension, IDEAL_TYPE, ScoreValue, StanceInput};
use samenspel_store::{Collaboration, PartnerInfo};
use serde::Deserialize;

use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::request::{PostedTo, Visit};

use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, parse_query, render};
use crate::error::PageResult;

pub fn routes() -> Router<App> {
    Router::new().route(
        "/samenwerkingen/{id}/standpunt/{code}",
        routing::get(form).post(submit),
    )
}

pub struct ScaleOption {
    pub value: u8,
    pub label: String,
    pub id: String,
}

pub struct DimensionField {
    pub number: usize,
    pub question: String,
    pub label: String,
    pub score_name: String,
    pub motivation_name: String,
    pub options: Vec<ScaleOption>,
    pub ideal: u8,
}

pub struct PhaseChoice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "collaborations/stance.html")]
pub struct StancePage {
    pub layout: Layout,
    pub c: Collaboration,
    pub phases: Vec<PhaseChoice>,
    pub dimensions: Vec<DimensionField>,
    pub form: FormState,
    pub action: String,
}

/// What the lowest (1) or highest (5) score of dimension `d` means, in `lang`.
fn scale_end(lang: Lang, end: &str, d: Dimension) -> String {
    let own = format!("collab-scale-{end}-{}", d.key());
    if crate::i18n::message_ids(lang).contains(&own) {
        lang.t(&own)
    } else {
        lang.t(&format!("collab-scale-{end}"))
    }
}

fn dimension_fields(lang: Lang) -> Vec<DimensionField> {
    Dimension::ALL
        .into_iter()
        .map(|d| DimensionField {
            number: d.number(),
            question: lang.t(&format!("collab-question-{}", d.key())),
            label: super::collaborations::dimension_label(lang, d),
            score_name: format!("scores.{}", d.key()),
            motivation_name: format!("motivations.{}", d.key()),
            options: (1..=5)
                .map(|v| ScaleOption {
                    value: v,
                    label: match v {
                        1 => format!("1 – {}", scale_end(lang, "low", d)),
                        5 => format!("5 – {}", scale_end(lang, "high", d)),
                        other => other.to_string(),
                    },
                    id: format!("f-scores-{}-{v}", d.key()),
                })
                .collect(),
            ideal: IDEAL_TYPE.scores.get(d).value(),
        })
        .collect()
}

fn page(ctx: &PageContext, c: Collaboration, partner: PartnerInfo, form: FormState) -> StancePage {
    let mut phases = vec![PhaseChoice {
        value: String::new(),
        label: ctx.lang.t("stance-whole"),
    }];
    phases.extend(c.fields.phases.iter().map(|p| PhaseChoice {
        value: p.clone(),
        label: ctx.lang.t_with("collab-phase-link", &[("phase", p.as_str())]),
    }));
    let title = ctx
        .lang
        .t_with("stance-title", &[("name", partner.name.as_str())]);
    StancePage {
        layout: Layout::translated(ctx, title, "samenwerkingen"),
        action: format!("/samenwerkingen/{}/standpunt/{}", c.id, partner.code),
        c,
        phases,
        dimensions: dimension_fields(ctx.lang),
        form,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct PhaseQuery {
    fase: Option<String>,
}

async fn load(
    app: &App,
    who: &samenspel_app::Principal,
    id: i64,
    code: &str,
) -> Result<(Collaboration, PartnerInfo), AppError> {
    let c = app.collaboration(id, who).await?;
    let partner = partner_of(&c, code)?;
    Ok((c, partner))
}

/// The partner with `code` (any case) in the collaboration; not found otherwise.
pub(super) fn partner_of(c: &Collaboration, code: &str) -> Result<PartnerInfo, AppError> {
    let wanted = code.trim().to_ascii_uppercase();
    c.partners
        .iter()
        .find(|p| p.code.as_str() == wanted)
        .cloned()
        .ok_or(AppError::NotFound("partner"))
}

pub async fn form(Visit(app, ctx, (id, code)): Visit<(i64, String)>, RawQuery(raw): RawQuery) -> PageResult {
    let (c, partner) = load(&app, &ctx.who, id, &code).await?;
    let may = samenspel_app::offers::Offers::of(&c, &ctx.who)
        .stance_for
        .contains(&partner.code);
    crate::ui::offered(&ctx, may, samenspel_domain::auth::Action::RecordStance)?;
    let phase = parse_query::<PhaseQuery>(raw.as_deref())
        .0
        .fase
        .unwrap_or_default();
    let mut form = FormState::default();
    // Start from the partner's current stance for this phase, if any.
    if let Ok(view) = app
        .collaboration_view(id, Some(phase.as_str()).filter(|p| !p.is_empty()), &ctx.who)
        .await
        && let Some(current) = view
            .stances
            .iter()
            .find(|s| s.partner.code == partner.code)
            .and_then(|s| s.current.as_ref())
    {
        for d in Dimension::ALL {
            form.set(
                &format!("scores.{}", d.key()),
                current.stance.profile.get(d).to_string(),
            );
            form.set(
                &format!("motivations.{}", d.key()),
                current.stance.motivation(d).unwrap_or_default(),
            );
        }
    }
    form.set("phase", phase);
    Ok(render(StatusCode::OK, &page(&ctx, c, partner, form)))
}

fn stance_input(pairs: &[(String, String)]) -> StanceInput {
    let mut input = StanceInput {
        phase: Some(get(pairs, "phase").to_owned()).filter(|p| !p.trim().is_empty()),
        ..Default::default()
    };
    for d in Dimension::ALL {
        let score_name = format!("scores.{}", d.key());
        input.scores.insert(
            d.key().to_owned(),
            ScoreValue::Form(get(pairs, &score_name).to_owned()),
        );
        let motivation = get(pairs, &format!("motivations.{}", d.key()));
        if !motivation.trim().is_empty() {
            input
                .motivations
                .insert(d.key().to_owned(), motivation.to_owned());
        }
    }
    input
}

pub async fn submit(PostedTo(app, ctx, (id, code), pairs): PostedTo<(i64, String)>) -> PageResult {
    let (c, partner) = load(&app, &ctx.who, id, &code).await?;
    let input = stance_input(&pairs);
    let result = app
        .record_stance(id, partner.code.as_str(), &input, &ctx.who)
        .await;
    let saved = ctx
        .lang
        .t_with("stance-saved", &[("name", partner.name.as_str())]);
    form_outcome(
        &ctx,
        result,
        |record| {
            let suffix = super::collaborations::phase_query(record.phase.as_deref());
            Saved::at_collaboration(id, &suffix, saved)
        },
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            Ok(page(&ctx, c, partner, form))
        },
    )
    .await
}
