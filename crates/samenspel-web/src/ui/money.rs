//! The money page of a collaboration: who pays what per year, the totals and shares, the rule
//! checks with their source, the link to dimension 3, and a form to record a figure.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{self, post};
use samenspel_app::money::MoneyView;
use samenspel_app::{App, AppError};
use samenspel_domain::money::{AmountInput, ContributionInput, Instrument, MoneyStatus, Outcome, Share};
use samenspel_store::Collaboration;

use super::collaborations::{Labelled, labelled};
use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, decimal, organisation_name, render};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::request::{PostedTo, Visit};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/samenwerkingen/{id}/geld", routing::get(show).post(record))
        .route(
            "/samenwerkingen/{id}/geld/{contribution}/verwijderen",
            post(delete),
        )
}

pub struct FigureRow {
    pub id: i64,
    pub partner: String,
    pub year: i32,
    pub amount: String,
    pub instrument: String,
    pub status: String,
    pub recorded_by: String,
    /// The visitor may remove it (its payer's or the trekker's redacteur).
    pub removable: bool,
}

pub struct ShareRow {
    pub name: String,
    pub amount: String,
    pub share: String,
}

pub struct CheckRow {
    pub rule: String,
    pub source: String,
    pub outcome: String,
    pub failed: bool,
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "collaborations/money.html")]
pub struct MoneyPage {
    pub layout: Layout,
    /// The partners whose money the visitor may record: (code, name); the form only then.
    pub payers: Vec<(String, String)>,
    pub c: Collaboration,
    pub figures: Vec<FigureRow>,
    pub total: String,
    /// (caption, rows): per partner, per layer, per year, per status.
    pub tables: Vec<(String, Vec<ShareRow>)>,
    pub checks: Vec<CheckRow>,
    pub decentral_share: Option<String>,
    pub implied: Option<u8>,
    /// Each partner whose stance on dimension 3 differs from the money, in a sentence.
    pub mismatches: Vec<String>,
    pub form: FormState,
    pub instruments: Vec<Labelled>,
    pub statuses: Vec<Labelled>,
}

/// The rows of a table of shares; `name` gives a row's name in the page's language (from its
/// key and the domain's Dutch name).
fn share_rows(shares: &[Share], name: impl Fn(&Share) -> String) -> Vec<ShareRow> {
    shares
        .iter()
        .map(|s| ShareRow {
            name: name(s),
            amount: s.amount.format_nl(),
            share: s.share.map_or_else(
                || "–".into(),
                |x| format!("{}%", decimal((x * 1000.0).round() / 10.0)),
            ),
        })
        .collect()
}

/// A layer's name (`rijk`, `decentraal`, `overig`) in `lang`.
fn layer_name(lang: Lang, share: &Share) -> String {
    lang.t(&format!("money-layer-{}", share.key))
}

/// A status's name in `lang`, from its key.
fn status_name(lang: Lang, share: &Share) -> String {
    MoneyStatus::from_key(&share.key).map_or_else(|| share.name.clone(), |s| lang.t(s.message_id()))
}

/// How a rule's check came out (meets, fails, does not apply), in the visitor's language.
pub(super) fn outcome_label(lang: Lang, outcome: Outcome) -> String {
    lang.t(match outcome {
        Outcome::Voldoet => "money-outcome-meets",
        Outcome::VoldoetNiet => "money-outcome-fails",
        Outcome::NietVanToepassing => "money-outcome-not-applicable",
    })
}

fn page(ctx: &PageContext, c: Collaboration, view: MoneyView, form: FormState) -> MoneyPage {
    let lang = ctx.lang;
    let offers = samenspel_app::offers::Offers::of(&c, &ctx.who);
    let name_of = |code: &str| {
        c.partners
            .iter()
            .find(|p| p.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |p| p.name.clone())
    };
    let s = &view.summary;
    MoneyPage {
        payers: c
            .partners
            .iter()
            .filter(|p| offers.money_for.contains(&p.code))
            .map(|p| (p.code.to_string(), p.name.clone()))
            .collect(),
        layout: Layout::translated(
            ctx,
            lang.t_with("money-title", &[("name", c.fields.name.as_str())]),
            "samenwerkingen",
        ),
        figures: view
            .items
            .iter()
            .map(|r| FigureRow {
                id: r.id,
                partner: name_of(r.contribution.partner.as_str()),
                year: r.contribution.year,
                amount: r.contribution.amount.format_nl(),
                instrument: lang.t(r.contribution.instrument.message_id()),
                status: lang.t(r.contribution.status.message_id()),
                recorded_by: lang.msg(&r.recorded_by),
                removable: offers.money_for.contains(&r.contribution.partner),
            })
            .collect(),
        total: s.total.format_nl(),
        tables: vec![
            (
                lang.t("money-per-partner"),
                share_rows(&s.per_partner, |x| x.name.clone()),
            ),
            (
                lang.t("money-per-layer"),
                share_rows(&s.per_layer, |x| layer_name(lang, x)),
            ),
            (
                lang.t("money-per-year"),
                share_rows(&s.per_year, |x| x.name.clone()),
            ),
            (
                lang.t("money-per-status"),
                share_rows(&s.per_status, |x| status_name(lang, x)),
            ),
        ],
        checks: s
            .checks
            .iter()
            .map(|k| CheckRow {
                rule: lang.msg(&k.rule),
                source: lang.msg(&k.source),
                outcome: outcome_label(lang, k.outcome),
                failed: k.outcome == Outcome::VoldoetNiet,
                explanation: lang.msg(&k.explanation),
            })
            .collect(),
        decentral_share: s
            .decentral_share
            .map(|x| format!("{}%", decimal((x * 1000.0).round() / 10.0))),
        implied: s.implied_dimension3,
        mismatches: s
            .mismatches
            .iter()
            .map(|m| {
                lang.t_with(
                    "money-stated",
                    &[
                        ("partner", m.partner.as_str()),
                        ("score", m.stated.to_string().as_str()),
                    ],
                )
            })
            .collect(),
        form,
        instruments: labelled(
            lang,
            Instrument::ALL,
            Instrument::key,
            Instrument::message_id,
            |_| false,
        ),
        statuses: labelled(
            lang,
            MoneyStatus::ALL,
            MoneyStatus::key,
            MoneyStatus::message_id,
            |_| false,
        ),
        c,
    }
}

async fn load(app: &App, ctx: &PageContext, id: i64) -> Result<(Collaboration, MoneyView), AppError> {
    super::with_collaboration(app, ctx, id, app.money(id, &ctx.who)).await
}

pub async fn show(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (c, view) = load(&app, &ctx, id).await?;
    let mut form = FormState::default();
    form.set("status", "toegezegd");
    form.set("instrument", "eigen-middelen");
    form.set("year", chrono::Datelike::year(&app.today()).to_string());
    Ok(render(StatusCode::OK, &page(&ctx, c, view, form)))
}

pub async fn record(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = ContributionInput {
        partner: get(&pairs, "partner"),
        year: get(&pairs, "year"),
        amount: AmountInput::Euro(get(&pairs, "amount")),
        instrument: get(&pairs, "instrument"),
        status: get(&pairs, "status"),
    };
    let result = app.record_money(id, &input, &ctx.who).await;
    let partner = match &result {
        Ok(record) => organisation_name(&app, record.contribution.partner.as_str()).await,
        Err(_) => String::new(),
    };
    form_outcome(
        &ctx,
        result,
        |record| {
            let saved = ctx.lang.t_with(
                "money-saved",
                &[
                    ("partner", partner.as_str()),
                    ("year", record.contribution.year.to_string().as_str()),
                    ("amount", record.contribution.amount.format_nl().as_str()),
                ],
            );
            Saved::at_collaboration(id, "/geld", saved)
        },
        async |errors| {
            let (c, view) = load(&app, &ctx, id).await?;
            Ok(page(&ctx, c, view, FormState::refused(&pairs, errors)))
        },
    )
    .await
}

pub async fn delete(Visit(app, ctx, (id, contribution)): Visit<(i64, i64)>) -> PageResult {
    app.delete_money(id, contribution, &ctx.who).await?;
    Saved::at_collaboration(id, "/geld", ctx.lang.t("money-removed")).answer(&ctx)
}
