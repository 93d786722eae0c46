//! One UDO dossier: what it proposes, where it stands, every rule of the normenkader with its
//! verdict and source, the financial paragraph, the koepels' judgements, BZK's advice and the
//! co-signing flag. Drafts only for those who may read them (see `App::udo_dossier`).

use askama::Template;
use axum::http::StatusCode;
use chrono::NaiveDate;
use samenspel_domain::rules::Outcome;
use samenspel_domain::udo::cosign::CosignFlag;
use samenspel_domain::udo::dossier::Dossier;
use samenspel_domain::udo::workflow::UdoState;

use super::{org_name, state_label};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::ui::money::outcome_label;
use crate::ui::request::Visit;
use crate::ui::{Layout, render};

pub struct RuleRow {
    pub rule: String,
    pub outcome: String,
    pub failed: bool,
    pub explanation: String,
    pub source: String,
}

pub struct MoneyRow {
    pub layer: String,
    pub year: i32,
    pub structural: String,
    pub incidental: String,
    pub reasoning: String,
}

pub struct StateStep {
    pub label: String,
    pub current: bool,
    pub passed: bool,
}

#[derive(Template)]
#[template(path = "udo/dossier.html")]
pub struct DossierPage {
    pub layout: Layout,
    pub id: i64,
    pub demo: bool,
    pub ministry_code: String,
    pub ministry: String,
    /// (label, value) pairs of the dossier's description.
    pub facts: Vec<(String, String)>,
    pub summary: String,
    pub states: Vec<StateStep>,
    /// Why the dossier went into consultation without the UDO's outcome.
    pub skipped: Option<String>,
    pub cosign: Vec<String>,
    pub cosign_source: String,
    pub rules: Vec<RuleRow>,
    pub rules_version: String,
    pub money: Vec<MoneyRow>,
    pub funding: String,
    pub articles: Vec<String>,
    pub koepels: Vec<String>,
    pub advice: Vec<String>,
    pub consultation: Vec<String>,
    /// The forms the visitor may use.
    pub may_edit: bool,
    pub may_step: bool,
    pub reactions: super::reactions::ReactionsPart,
    pub documents: super::publication::documents::DocumentsPart,
    pub allocation: super::allocation::AllocationSection,
    /// BZK's advice and a koepel's judgement, offered to BZK and the koepels themselves.
    pub may_advise: bool,
    pub may_judge: bool,
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub async fn page(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let lang = ctx.lang;
    let view = app.udo_dossier(id, &ctx.who).await?;
    let dossier = view
        .content
        .parse()
        .map_err(|e| samenspel_app::AppError::internal(format!("UDO dossier {id}: {e}")))?;
    let state = view.progress.state;
    let offers = app.udo_offers(&view, &ctx.who);
    let page = DossierPage {
        allocation: super::allocation::section(lang, view.allocation.as_ref()),
        may_edit: offers.edit,
        may_step: !offers.steps.is_empty(),
        may_advise: offers.advise,
        may_judge: !offers.judge.is_empty(),
        layout: Layout::translated(&ctx, dossier.title.clone(), "udo"),
        id,
        demo: view.demo,
        ministry: org_name(&app, dossier.ministry.as_str()).await,
        ministry_code: dossier.ministry.as_str().to_owned(),
        facts: facts(lang, &dossier, state, view.opened_on, view.evaluation_due),
        summary: dossier.summary.clone(),
        skipped: view.progress.udo_skipped.clone(),
        states: UdoState::ALL
            .iter()
            .map(|s| StateStep {
                label: state_label(lang, *s),
                current: *s == state,
                passed: s.rank() < state.rank(),
            })
            .collect(),
        cosign: cosign(lang, &view.cosign),
        cosign_source: lang.msg(&CosignFlag::source()),
        rules: view
            .rules
            .iter()
            .map(|r| RuleRow {
                rule: lang.msg(&r.rule),
                outcome: outcome_label(lang, r.outcome),
                failed: r.outcome == Outcome::VoldoetNiet,
                explanation: lang.msg(&r.explanation),
                source: lang.msg(&r.source),
            })
            .collect(),
        rules_version: samenspel_domain::udo::normenkader::NORMENKADER_VERSION.to_owned(),
        money: money(lang, &dossier),
        funding: dossier
            .financial
            .as_ref()
            .and_then(|f| f.funding)
            .map(|f| lang.t(f.message_id()))
            .unwrap_or_default(),
        articles: dossier
            .financial
            .as_ref()
            .map(|f| f.articles.iter().map(|a| lang.t(a.message_id())).collect())
            .unwrap_or_default(),
        koepels: dossier
            .koepels
            .iter()
            .map(|k| {
                let judgement = k.judgement.clone().unwrap_or_else(|| lang.t("udo-awaited"));
                format!(
                    "{} ({}): {judgement}",
                    lang.t(k.koepel.message_id()),
                    date(k.asked_on)
                )
            })
            .collect(),
        advice: dossier
            .bzk_advice
            .iter()
            .map(|a| {
                format!(
                    "{} ({}): {}",
                    lang.t(a.moment.message_id()),
                    date(a.given_on),
                    a.advice
                )
            })
            .collect(),
        consultation: consultation(lang, &dossier),
        reactions: super::reactions::part(&app, &ctx, id, &dossier, state, Default::default()).await?,
        documents: super::publication::documents::part(&app, &ctx, id, offers.edit, Default::default())
            .await?,
    };
    Ok(render(StatusCode::OK, &page))
}

fn facts(
    lang: Lang,
    d: &Dossier,
    state: UdoState,
    opened_on: NaiveDate,
    evaluation_due: Option<NaiveDate>,
) -> Vec<(String, String)> {
    let layers: Vec<String> = d.layers.iter().map(|l| lang.t(l.message_id())).collect();
    let mut facts = vec![
        (lang.t("udo-fact-form"), lang.t(d.form.message_id())),
        (lang.t("udo-fact-layers"), layers.join(", ")),
        (
            lang.t("udo-fact-scope"),
            format!("{} — {}", lang.t(d.scope.message_id()), d.scope_reason),
        ),
        (lang.t("udo-fact-phase"), lang.t(d.phase.message_id())),
        (lang.t("udo-col-state"), state_label(lang, state)),
        (lang.t("udo-col-opened"), date(opened_on)),
    ];
    if let Some(due) = evaluation_due {
        facts.push((lang.t("udo-fact-evaluation-due"), date(due)));
    }
    facts
}

fn cosign(lang: Lang, flag: &CosignFlag) -> Vec<String> {
    flag.reasons.iter().map(|r| lang.msg(&r.message())).collect()
}

fn money(lang: Lang, d: &Dossier) -> Vec<MoneyRow> {
    d.financial
        .iter()
        .flat_map(|f| f.rows.iter())
        .map(|r| MoneyRow {
            layer: lang.t(r.layer.message_id()),
            year: r.year,
            structural: r.structural.format_nl(),
            incidental: r.incidental.format_nl(),
            reasoning: format!("{} ({})", r.reasoning, r.source),
        })
        .collect()
}

fn consultation(lang: Lang, d: &Dossier) -> Vec<String> {
    let Some(plan) = d.consultation else {
        return Vec::new();
    };
    let period =
        |p: samenspel_domain::udo::dossier::Period| format!("{} – {}", date(p.opens), date(p.closes));
    let mut lines = vec![lang.t_with(
        "udo-consultation-co-governments",
        &[("period", &period(plan.co_governments))],
    )];
    if let Some(internet) = plan.internet {
        lines.push(lang.t_with("udo-consultation-internet", &[("period", &period(internet))]));
    }
    lines
}
