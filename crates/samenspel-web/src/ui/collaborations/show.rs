//! One collaboration's page: its data, the partners and their stances (as a whole or per
//! phase), the radar, where partners disagree or deviate from the ideal type, the distances to
//! the reference profiles and the history; and publishing it.

use askama::Template;
use axum::extract::RawQuery;
use axum::http::StatusCode;
use samenspel_app::{CollaborationView, PartnerStanceView, StanceHistoryEntry};
use samenspel_domain::partnership::{Analysis, Dimension, IDEAL_TYPE, REFERENCE_PROFILES};
use samenspel_store::Collaboration;
use serde::Deserialize;

use super::org_type_label;
use super::versions::{RegelingView, regeling_view};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::form::get;
use crate::ui::outcome::Saved;
use crate::ui::radar::{RadarView, as_f64, view_in as radar_view};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::statutory::{self, StatutoryRow};
use crate::ui::{Layout, decimal, parse_query, render};

pub struct PhaseLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

pub struct PartnerRow {
    pub code: String,
    pub name: String,
    pub type_label: String,
    pub role_label: String,
    pub stated_at: Option<String>,
    /// The stance form, when the visitor may state this partner's stance.
    pub stance_href: Option<String>,
    pub joined: Option<String>,
    pub notes: Option<String>,
    /// Its bodies that take part, in the reader's language (a regeling's participants).
    pub organs: Option<String>,
    /// A municipality in a regeling: its council's position, as (anchor, label).
    pub council: Option<(String, String)>,
    /// The organisation no longer exists; the collaboration keeps it as it was.
    pub ended: bool,
    /// For one that ended: the organisation that carries on now, when known.
    pub succeeded_by: Option<crate::ui::org_history::OrgLink>,
}

pub struct DisagreementView {
    pub dimension: String,
    pub spread: u8,
    pub said: Vec<String>,
}

pub struct DeviationView {
    pub dimension: String,
    pub score: u8,
    pub ideal: u8,
    pub difference: String,
    pub motivated: bool,
    pub motivation: String,
}

pub struct PartnerAnalysisView {
    pub name: String,
    pub deviations: Vec<DeviationView>,
    /// How many deviations lack a motivation, the distance to the ideal type and the nearest
    /// reference profile, in a sentence or two.
    pub summary: String,
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
    pub kind_label: String,
    pub wgr_label: Option<String>,
    pub period: String,
    pub phase_label: String,
    pub phases: Vec<PhaseLink>,
    pub partners: Vec<PartnerRow>,
    pub radar: Option<RadarView>,
    pub disagreements: Vec<DisagreementView>,
    /// The dimensions on which the Rijk's own organisations differ: "het Rijk spreekt niet
    /// met één mond".
    pub rijk_divergences: Vec<DisagreementView>,
    pub analyses: Vec<PartnerAnalysisView>,
    pub distance_columns: Vec<String>,
    pub distances: Vec<DistanceRow>,
    pub collaboration_summary: Option<String>,
    pub missing: Vec<String>,
    pub history: Vec<HistoryRow>,
    pub distance_measure: String,
    /// A regeling from the register: its versions and the participants that left.
    pub regeling: Option<RegelingView>,
    /// A gemeenschappelijke regeling: its coming statutory moments, or why there are none.
    pub statutory_shown: bool,
    pub statutory: Vec<StatutoryRow>,
    pub statutory_none: Option<String>,
    pub statutory_caption: String,
    pub statutory_per_regeling: bool,
    /// A gemeenschappelijke regeling: the partners' bodies are shown.
    pub organs_shown: bool,
    /// What the council of each municipal partner can do, by position.
    pub councils: Vec<crate::ui::council::CouncilGroupView>,
    /// How residents take part (section "Hoe inwoners meedoen").
    pub participation: Option<crate::ui::participation::ParticipationSection>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PhaseQuery {
    fase: Option<String>,
}

/// The name of the reference profile `key` in `lang` (ids `collab-profile-<key>`).
pub(crate) fn reference_name(lang: Lang, key: &str) -> String {
    lang.t(&format!("collab-profile-{key}"))
}

/// The short label of a dimension in `lang` (ids `collab-dimension-<key>`).
pub(crate) fn dimension_label(lang: Lang, dimension: Dimension) -> String {
    lang.t(&format!("collab-dimension-{}", dimension.key()))
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
    let regeling = app.regeling_history(&view.collaboration).await?;
    let calendar = samenspel_app::statutory::calendar_of(&view.collaboration, app.today())?;
    let councils = samenspel_app::council::councils_of(&view.collaboration, app.today())?;
    let councils = crate::ui::council::groups(ctx.lang, &view.collaboration, &councils);
    let mut page = show_page(&ctx, view);
    page.councils = councils;
    page.regeling = regeling_view(ctx.lang, &regeling);
    if let Some(calendar) = calendar {
        page.statutory = statutory::rows(
            ctx.lang,
            calendar.moments.iter().map(|m| (None, m, statutory::step_of(m))),
        );
        page.statutory_none = calendar.none_because.map(|reason| {
            ctx.lang.t_with(
                "statutory-none",
                &[("reason", ctx.lang.msg(&reason.label()).as_str())],
            )
        });
        page.statutory_shown = true;
    }
    let participation = app.participation(id, &ctx.who).await?;
    page.participation = Some(crate::ui::participation::section(
        ctx.lang,
        &page.c,
        &participation,
        page.offers.participation,
    ));
    Ok(crate::page_cache::cacheable(render(StatusCode::OK, &page)))
}

fn show_page(ctx: &PageContext, view: CollaborationView) -> ShowPage {
    let CollaborationView {
        collaboration: c,
        phase,
        stances,
        analysis,
        history,
    } = view;
    let lang = ctx.lang;
    let (distances, collaboration_summary) = distances(lang, &analysis);
    let offers = samenspel_app::offers::Offers::of(&c, &ctx.who);
    ShowPage {
        sign_in_href: format!(
            "/inloggen?{}",
            serde_urlencoded::to_string([("terug", ctx.path.as_str())]).unwrap_or_default()
        ),
        layout: Layout::translated(ctx, c.fields.name.clone(), "samenwerkingen"),
        kind_label: lang.t(c.fields.kind.message_id()),
        wgr_label: c.fields.wgr_form.map(|w| lang.t(w.message_id())),
        period: period(lang, &c),
        phases: phase_links(lang, &c, phase.as_deref()),
        partners: partner_rows(lang, &c, &stances, phase.as_deref(), &offers),
        phase_label: phase.map_or_else(
            || lang.t("collab-show-phase-whole"),
            |p| lang.t_with("collab-show-phase-named", &[("phase", p.as_str())]),
        ),
        radar: radar(lang, &c, &analysis),
        disagreements: disagreements(lang, &analysis),
        rijk_divergences: analysis
            .rijk_divergences
            .iter()
            .map(|d| said_apart(lang, d.dimension, d.spread, &d.scores))
            .collect(),
        analyses: analysis
            .partners
            .iter()
            .map(|p| partner_analysis(lang, p))
            .collect(),
        distance_columns: REFERENCE_PROFILES
            .iter()
            .map(|r| reference_name(lang, r.key))
            .collect(),
        distances,
        collaboration_summary,
        missing: stances
            .iter()
            .filter(|s| s.current.is_none())
            .map(|s| s.partner.name.clone())
            .collect(),
        history: history.iter().map(|h| history_row(lang, h)).collect(),
        distance_measure: lang.t("collab-show-distance-measure"),
        regeling: None,
        statutory_shown: false,
        statutory: Vec::new(),
        statutory_none: None,
        statutory_caption: lang.t("statutory-collab-caption"),
        statutory_per_regeling: false,
        organs_shown: c.fields.kind
            == samenspel_domain::collaboration::CollaborationKind::GemeenschappelijkeRegeling,
        councils: Vec::new(),
        participation: None,
        offers,
        c,
    }
}

/// The whole, then each phase; the shown one is current.
fn phase_links(lang: Lang, c: &Collaboration, phase: Option<&str>) -> Vec<PhaseLink> {
    let mut phases = vec![PhaseLink {
        label: lang.t("collab-show-phase-link-whole"),
        href: format!("/samenwerkingen/{}", c.id),
        current: phase.is_none(),
    }];
    phases.extend(c.fields.phases.iter().map(|p| PhaseLink {
        label: lang.t_with("collab-phase-link", &[("phase", p.as_str())]),
        href: format!("/samenwerkingen/{}{}", c.id, phase_query(Some(p))),
        current: phase == Some(p.as_str()),
    }));
    phases
}

fn partner_rows(
    lang: Lang,
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
            type_label: org_type_label(lang, s.partner.org_type),
            role_label: lang.t(s.partner.role.message_id()),
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
            organs: crate::ui::council::organs_label(lang, &s.partner.organs),
            council: crate::ui::council::partner_position(lang, c, &s.partner),
            ended: s.partner.ended,
            succeeded_by: s.succeeded_by.as_ref().map(crate::ui::org_history::OrgLink::to),
        })
        .collect()
}

/// The partners' stances against the ideal type; none before the first stance.
fn radar(lang: Lang, c: &Collaboration, analysis: &Analysis) -> Option<RadarView> {
    (!analysis.partners.is_empty()).then(|| {
        radar_view(
            lang,
            &lang.t_with("collab-show-radar-caption", &[("name", c.fields.name.as_str())]),
            (
                &reference_name(lang, IDEAL_TYPE.key),
                as_f64(IDEAL_TYPE.scores.values()),
            ),
            analysis
                .partners
                .iter()
                .map(|p| (p.name.clone(), as_f64(p.scores.values())))
                .collect(),
        )
    })
}

/// The dimensions on which the partners' scores lie far apart.
fn disagreements(lang: Lang, analysis: &Analysis) -> Vec<DisagreementView> {
    analysis
        .dimensions
        .iter()
        .filter(|d| d.disagreement)
        .map(|d| said_apart(lang, d.dimension, d.spread, &d.scores))
        .collect()
}

/// A dimension on which `scores` lie `spread` points apart, with who said what.
fn said_apart(
    lang: Lang,
    dimension: samenspel_domain::partnership::Dimension,
    spread: u8,
    scores: &[samenspel_domain::partnership::DimensionScore],
) -> DisagreementView {
    DisagreementView {
        dimension: dimension_label(lang, dimension),
        spread,
        said: scores
            .iter()
            .map(|s| format!("{}: {}", s.name, s.score))
            .collect(),
    }
}

fn partner_analysis(lang: Lang, p: &samenspel_domain::partnership::PartnerAnalysis) -> PartnerAnalysisView {
    let unmotivated = p.deviations.iter().filter(|d| !d.motivated).count();
    let distance = lang.t_with(
        "collab-show-partner-distance",
        &[
            ("distance", p.distance_to_ideal.to_string().as_str()),
            ("nearest", reference_name(lang, p.nearest_reference).as_str()),
        ],
    );
    let summary = if unmotivated > 0 {
        let count = lang.t_with(
            "collab-show-unmotivated-count",
            &[("count", unmotivated.to_string().as_str())],
        );
        format!("{count} {distance}")
    } else {
        distance
    };
    PartnerAnalysisView {
        name: p.name.clone(),
        summary,
        deviations: p
            .deviations
            .iter()
            .map(|d| DeviationView {
                dimension: dimension_label(lang, d.dimension),
                score: d.score.value(),
                ideal: d.ideal.value(),
                difference: format!("{:+}", d.difference),
                motivated: d.motivated,
                motivation: d.motivation.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

/// Each partner's distances to the reference profiles, then the collaboration's mean profile
/// (as a last row and as a summary sentence) when there is one.
fn distances(lang: Lang, analysis: &Analysis) -> (Vec<DistanceRow>, Option<String>) {
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
            name: lang.t("collab-show-mean-row"),
            values: cp.distances.iter().map(|d| decimal(d.distance)).collect(),
        });
        let profile = cp
            .mean_scores
            .iter()
            .map(|m| decimal(*m))
            .collect::<Vec<_>>()
            .join(" · ");
        lang.t_with(
            "collab-show-mean-summary",
            &[
                ("profile", profile.as_str()),
                ("distance", decimal(cp.distance_to_ideal).as_str()),
                ("nearest", reference_name(lang, cp.nearest_reference).as_str()),
            ],
        )
    });
    (distances, collaboration_summary)
}

fn history_row(lang: Lang, h: &StanceHistoryEntry) -> HistoryRow {
    HistoryRow {
        when: h.record.stated_at.format("%d-%m-%Y %H:%M:%S").to_string(),
        partner: h.partner_name.clone(),
        phase: h
            .record
            .phase
            .clone()
            .unwrap_or_else(|| lang.t("collab-show-history-whole")),
        scores: h
            .record
            .stance
            .profile
            .values()
            .map(|v| v.to_string())
            .join(" · "),
        by: lang.msg(&h.record.stated_by),
    }
}

fn period(lang: Lang, c: &Collaboration) -> String {
    period_between(lang, c.fields.start_date, c.fields.end_date)
}

/// "01-01-2015 tot 01-01-2019", "vanaf …", "tot …" or "onbekend" in `lang`.
pub(crate) fn period_between(
    lang: Lang,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> String {
    let date = |d: chrono::NaiveDate| d.format("%d-%m-%Y").to_string();
    match (start, end) {
        (Some(s), Some(e)) => lang.t_with(
            "collab-period-both",
            &[("start", date(s).as_str()), ("end", date(e).as_str())],
        ),
        (Some(s), None) => lang.t_with("collab-period-from", &[("start", date(s).as_str())]),
        (None, Some(e)) => lang.t_with("collab-period-until", &[("end", date(e).as_str())]),
        (None, None) => lang.t("collab-period-unknown"),
    }
}

pub async fn publish(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let published = get(&pairs, "published") == "true";
    app.set_published(id, published, &ctx.who).await?;
    let message = ctx.lang.t(if published {
        "collab-show-published"
    } else {
        "collab-show-withdrawn"
    });
    Saved::at_collaboration(id, "", message).answer(&ctx)
}
