//! One collaboration's page: its data, the partners and their stances (as a whole or per
//! phase), the radar, where partners disagree or deviate from the ideal type, the distances to
//! the reference profiles and the history; and publishing it.

use askama::Template;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use samenspel_app::{CollaborationView, PartnerStanceView, StanceHistoryEntry};
use samenspel_domain::collaboration::WgrForm;
use samenspel_domain::partnership::{Analysis, IDEAL_TYPE, PartnerAnalysis, REFERENCE_PROFILES};
use samenspel_store::Collaboration;
use serde::Deserialize;

use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::form::get;
use crate::ui::outcome::Saved;
use crate::ui::radar::{RadarView, as_f64, view as radar_view};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::{Layout, decimal, parse_query, render};

pub struct PhaseLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct PartnerRow {
    pub code: String,
    pub name: String,
    pub type_label: &'static str,
    pub role_label: &'static str,
    pub stated_at: Option<String>,
    /// The stance form, when the visitor may state this partner's stance.
    pub stance_href: Option<String>,
    pub joined: Option<String>,
    pub notes: Option<String>,
}

pub struct DisagreementView {
    pub dimension: &'static str,
    pub spread: u8,
    pub said: Vec<String>,
}

pub struct DeviationView {
    pub dimension: &'static str,
    pub score: u8,
    pub ideal: u8,
    pub difference: String,
    pub motivated: bool,
    pub motivation: String,
}

pub struct PartnerAnalysisView {
    pub name: String,
    pub distance_to_ideal: u32,
    pub nearest: &'static str,
    pub deviations: Vec<DeviationView>,
    pub unmotivated: usize,
}

pub struct DistanceRow {
    pub name: String,
    pub values: Vec<String>,
}

pub struct HistoryRow {
    pub when: String,
    pub partner: String,
    pub phase: String,
    pub scores: String,
    pub by: String,
}

#[derive(Template)]
#[template(path = "collaborations/show.html")]
pub struct ShowPage {
    pub layout: Layout,
    /// What the visitor may do here (the permission table's answer).
    pub offers: samenspel_app::offers::Offers,
    /// Sign in and come back here (for an anonymous visitor).
    pub sign_in_href: String,
    pub c: Collaboration,
    pub kind_label: &'static str,
    pub wgr_label: Option<&'static str>,
    pub period: String,
    pub phase_label: String,
    pub phases: Vec<PhaseLink>,
    pub partners: Vec<PartnerRow>,
    pub radar: Option<RadarView>,
    pub disagreements: Vec<DisagreementView>,
    pub analyses: Vec<PartnerAnalysisView>,
    pub distance_columns: Vec<&'static str>,
    pub distances: Vec<DistanceRow>,
    pub collaboration_summary: Option<String>,
    pub missing: Vec<String>,
    pub history: Vec<HistoryRow>,
    pub distance_measure: &'static str,
}

#[derive(Debug, Default, Deserialize)]
pub struct PhaseQuery {
    fase: Option<String>,
}

fn reference_name(key: &str) -> &'static str {
    REFERENCE_PROFILES
        .iter()
        .find(|r| r.key == key)
        .map_or("", |r| r.name)
}

pub(crate) fn phase_query(phase: Option<&str>) -> String {
    phase
        .map(|p| {
            format!(
                "?{}",
                serde_urlencoded::to_string([("fase", p)]).unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

pub async fn show(Visit(app, ctx, id): Visit<i64>, RawQuery(raw): RawQuery) -> PageResult {
    let phase = parse_query::<PhaseQuery>(raw.as_deref())
        .0
        .fase
        .filter(|p| !p.trim().is_empty());
    let view = app.collaboration_view(id, phase.as_deref(), &ctx.who).await?;
    Ok(render(StatusCode::OK, &show_page(&ctx, view)))
}

fn show_page(ctx: &PageContext, view: CollaborationView) -> ShowPage {
    let CollaborationView {
        collaboration: c,
        phase,
        stances,
        analysis,
        history,
    } = view;
    let (distances, collaboration_summary) = distances(&analysis);
    let offers = samenspel_app::offers::Offers::of(&c, &ctx.who);
    ShowPage {
        sign_in_href: format!(
            "/inloggen?{}",
            serde_urlencoded::to_string([("terug", ctx.path.as_str())]).unwrap_or_default()
        ),
        layout: Layout::new(ctx, c.fields.name.clone(), "samenwerkingen"),
        kind_label: c.fields.kind.label_nl(),
        wgr_label: c.fields.wgr_form.map(WgrForm::label_nl),
        period: period(&c),
        phases: phase_links(&c, phase.as_deref()),
        partners: partner_rows(&c, &stances, phase.as_deref(), &offers),
        phase_label: phase.map_or_else(
            || "de samenwerking als geheel".into(),
            |p| format!("de fase ‘{p}’"),
        ),
        radar: radar(&c, &analysis),
        disagreements: disagreements(&analysis),
        analyses: analysis.partners.iter().map(PartnerAnalysisView::from).collect(),
        distance_columns: REFERENCE_PROFILES.iter().map(|r| r.name).collect(),
        distances,
        collaboration_summary,
        missing: stances
            .iter()
            .filter(|s| s.current.is_none())
            .map(|s| s.partner.name.clone())
            .collect(),
        history: history.iter().map(HistoryRow::from).collect(),
        distance_measure: samenspel_domain::partnership::DISTANCE_MEASURE,
        offers,
        c,
    }
}

/// The whole, then each phase; the shown one is current.
fn phase_links(c: &Collaboration, phase: Option<&str>) -> Vec<PhaseLink> {
    let mut phases = vec![PhaseLink {
        label: "Samenwerking als geheel".into(),
        href: format!("/samenwerkingen/{}", c.id),
        current: phase.is_none(),
    }];
    phases.extend(c.fields.phases.iter().map(|p| PhaseLink {
        label: format!("Fase: {p}"),
        href: format!("/samenwerkingen/{}{}", c.id, phase_query(Some(p))),
        current: phase == Some(p.as_str()),
    }));
    phases
}

fn partner_rows(
    c: &Collaboration,
    stances: &[PartnerStanceView],
    phase: Option<&str>,
    offers: &samenspel_app::offers::Offers,
) -> Vec<PartnerRow> {
    let phase_suffix = phase_query(phase);
    stances
        .iter()
        .map(|s| PartnerRow {
            code: s.partner.code.to_string(),
            name: s.partner.name.clone(),
            type_label: s.partner.org_type.label_nl(),
            role_label: s.partner.role.label_nl(),
            stated_at: s
                .current
                .as_ref()
                .map(|r| r.stated_at.format("%d-%m-%Y %H:%M").to_string()),
            stance_href: offers.stance_for.contains(&s.partner.code).then(|| {
                format!(
                    "/samenwerkingen/{}/standpunt/{}{}",
                    c.id, s.partner.code, phase_suffix
                )
            }),
            joined: s.partner.joined_on.map(|d| d.format("%d-%m-%Y").to_string()),
            notes: s.partner.notes.clone(),
        })
        .collect()
}

/// The partners' stances against the ideal type; none before the first stance.
fn radar(c: &Collaboration, analysis: &Analysis) -> Option<RadarView> {
    (!analysis.partners.is_empty()).then(|| {
        radar_view(
            &format!("Standpunten in {}", c.fields.name),
            (IDEAL_TYPE.name, as_f64(IDEAL_TYPE.scores.values())),
            analysis
                .partners
                .iter()
                .map(|p| (p.name.clone(), as_f64(p.scores.values())))
                .collect(),
        )
    })
}

/// The dimensions on which the partners' scores lie far apart.
fn disagreements(analysis: &Analysis) -> Vec<DisagreementView> {
    analysis
        .dimensions
        .iter()
        .filter(|d| d.disagreement)
        .map(|d| DisagreementView {
            dimension: d.dimension.label(),
            spread: d.spread,
            said: d
                .scores
                .iter()
                .map(|s| format!("{}: {}", s.name, s.score))
                .collect(),
        })
        .collect()
}

impl From<&PartnerAnalysis> for PartnerAnalysisView {
    fn from(p: &PartnerAnalysis) -> Self {
        Self {
            name: p.name.clone(),
            distance_to_ideal: p.distance_to_ideal,
            nearest: reference_name(p.nearest_reference),
            unmotivated: p.deviations.iter().filter(|d| !d.motivated).count(),
            deviations: p
                .deviations
                .iter()
                .map(|d| DeviationView {
                    dimension: d.dimension.label(),
                    score: d.score.value(),
                    ideal: d.ideal.value(),
                    difference: format!("{:+}", d.difference),
                    motivated: d.motivated,
                    motivation: d.motivation.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// Each partner's distances to the reference profiles, then the collaboration's mean profile
/// (as a last row and as a summary sentence) when there is one.
fn distances(analysis: &Analysis) -> (Vec<DistanceRow>, Option<String>) {
    let mut distances: Vec<DistanceRow> = analysis
        .partners
        .iter()
        .map(|p| DistanceRow {
            name: p.name.clone(),
            values: p.distances.iter().map(|d| decimal(d.distance)).collect(),
        })
        .collect();
    let collaboration_summary = analysis.collaboration.as_ref().map(|cp| {
        distances.push(DistanceRow {
            name: "Samenwerking (gemiddelde)".into(),
            values: cp.distances.iter().map(|d| decimal(d.distance)).collect(),
        });
        format!(
            "Gemiddeld profiel: {}. Afstand tot het ideaaltype: {}; het dichtst bij {}.",
            cp.mean_scores
                .iter()
                .map(|m| decimal(*m))
                .collect::<Vec<_>>()
                .join(" · "),
            decimal(cp.distance_to_ideal),
            reference_name(cp.nearest_reference)
        )
    });
    (distances, collaboration_summary)
}

impl From<&StanceHistoryEntry> for HistoryRow {
    fn from(h: &StanceHistoryEntry) -> Self {
        Self {
            when: h.record.stated_at.format("%d-%m-%Y %H:%M:%S").to_string(),
            partner: h.partner_name.clone(),
            phase: h.record.phase.clone().unwrap_or_else(|| "geheel".into()),
            scores: h
                .record
                .stance
                .profile
                .values()
                .map(|v| v.to_string())
                .join(" · "),
            by: h.record.stated_by.clone(),
        }
    }
}

fn period(c: &Collaboration) -> String {
    match (c.fields.start_date, c.fields.end_date) {
        (Some(s), Some(e)) => format!("{} tot en met {}", s.format("%d-%m-%Y"), e.format("%d-%m-%Y")),
        (Some(s), None) => format!("vanaf {}", s.format("%d-%m-%Y")),
        (None, Some(e)) => format!("tot en met {}", e.format("%d-%m-%Y")),
        (None, None) => "niet vastgelegd".into(),
    }
}

pub async fn publish(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let published = get(&pairs, "published") == "true";
    app.set_published(id, published, &ctx.who).await?;
    let message = if published {
        "Samenwerking gepubliceerd."
    } else {
        "Samenwerking teruggezet naar concept."
    };
    Saved::at_collaboration(id, "", message).answer(&ctx)
}
