use super::page_path::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samenspel_app::{App, AppError, CollaborationView, PartnerInput};
use samenspel_domain::collaboration::{CollaborationInput, CollaborationKind, PartnerRole, WgrForm};
use samenspel_domain::org::Organisation;
use samenspel_domain::partnership::{IDEAL_TYPE, REFERENCE_PROFILES};
use samenspel_domain::spreadsheet;
use samenspel_store::{Collaboration, CollaborationFilter, CollaborationSummary, OrgFilter, Page};
use serde::Deserialize;

use crate::session::PageContext;

use super::form::{FormState, get};
use super::radar::{RadarView, as_f64, view as radar_view};
use super::{
    Layout, Pagination, decimal, error_page, optional_filter, page_from, parse_query, render, see_other,
};

pub struct Choice {
    pub key: &'static str,
    pub label: &'static str,
}

fn kinds() -> Vec<Choice> {
    CollaborationKind::ALL
        .iter()
        .map(|k| Choice {
            key: k.key(),
            label: k.label_nl(),
        })
        .collect()
}

fn roles() -> Vec<Choice> {
    PartnerRole::ALL
        .iter()
        .map(|r| Choice {
            key: r.key(),
            label: r.label_nl(),
        })
        .collect()
}

fn wgr_forms() -> Vec<Choice> {
    WgrForm::ALL
        .iter()
        .map(|w| Choice {
            key: w.key(),
            label: w.label_nl(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "collaborations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub query: String,
    pub kind: String,
    pub kinds: Vec<Choice>,
    pub region: String,
    pub regions: Vec<RegionGroup>,
    pub policy: String,
    pub status: String,
    pub collaborations: Vec<CollaborationSummary>,
    pub pagination: Pagination,
    pub error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    regio: Option<String>,
    beleidsterrein: Option<String>,
    status: Option<String>,
    pagina: Option<u32>,
}

/// A group of regions (one division) for the region filter.
pub struct RegionGroup {
    pub name: &'static str,
    pub regions: Vec<(String, String)>,
}

fn region_groups() -> Vec<RegionGroup> {
    samenspel_app::regions::divisions()
        .map(|divisions| {
            divisions
                .iter()
                .map(|d| RegionGroup {
                    name: d.name,
                    regions: d
                        .regions
                        .iter()
                        .map(|r| (format!("{}:{}", d.key, r.code), r.name.clone()))
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default()
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
    let (query, query_error) = parse_query::<ListQuery>(raw.as_deref());
    let kind_key = query.kind.clone().unwrap_or_default().trim().to_owned();
    let (kind, error) = optional_filter(&kind_key, |key| CollaborationKind::parse_field("type", key));
    let error = error.or(query_error);
    let q = query.q.clone().unwrap_or_default();
    let page = page_from(query.pagina);
    let (region, policy, activity) = (
        query.regio.clone().unwrap_or_default(),
        query.beleidsterrein.clone().unwrap_or_default(),
        query.status.clone().unwrap_or_default(),
    );
    let (extras, extras_error) = match samenspel_app::collaboration_query::ExtraFilters::parse(
        Some(&region),
        Some(&policy),
        Some(&activity),
        ("regio", "status"),
        app.today(),
    ) {
        Ok(extras) => (Some(extras), None),
        Err(errors) => (
            None,
            Some(
                errors
                    .errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
                    + " Dit filter is niet toegepast.",
            ),
        ),
    };
    let error = error.or(extras_error);
    let mut filter = CollaborationFilter {
        kind,
        query: Some(q.clone()),
        ..Default::default()
    };
    if let Some(extras) = extras {
        filter.any_partner = extras.any_partner;
        filter.policy_area = extras.policy_area;
        filter.activity = extras.activity;
    }
    let found = match app.list_collaborations(&filter, page, &ctx.who).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let params = [
        ("q", q.clone()),
        ("type", kind.map(|k| k.key().to_owned()).unwrap_or_default()),
        ("regio", region.clone()),
        ("beleidsterrein", policy.clone()),
        ("status", activity.clone()),
    ];
    let pagination = Pagination::new("/samenwerkingen", &params, page, found.items.len(), found.total);
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render(
        status,
        &ListPage {
            layout: Layout::new(&ctx, "Samenwerkingen", "samenwerkingen"),
            query: q,
            kind: kind.map(|k| k.key().to_owned()).unwrap_or_default(),
            kinds: kinds(),
            region,
            regions: region_groups(),
            policy,
            status: activity,
            collaborations: found.items,
            pagination,
            error,
        },
    )
}

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
    pub stance_href: String,
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

fn phase_query(phase: Option<&str>) -> String {
    phase
        .map(|p| {
            format!(
                "?{}",
                serde_urlencoded::to_string([("fase", p)]).unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

pub async fn show(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(id): PagePath<i64>,
    RawQuery(raw): RawQuery,
) -> Response {
    let phase = parse_query::<PhaseQuery>(raw.as_deref())
        .0
        .fase
        .filter(|p| !p.trim().is_empty());
    match app.collaboration_view(id, phase.as_deref(), &ctx.who).await {
        Ok(view) => render(StatusCode::OK, &show_page(&ctx, view)),
        Err(e) => error_page(&e),
    }
}

fn show_page(ctx: &PageContext, view: CollaborationView) -> ShowPage {
    let CollaborationView {
        collaboration: c,
        phase,
        stances,
        analysis,
        history,
    } = view;
    let phase_suffix = phase_query(phase.as_deref());
    let mut phases = vec![PhaseLink {
        label: "Samenwerking als geheel".into(),
        href: format!("/samenwerkingen/{}", c.id),
        current: phase.is_none(),
    }];
    phases.extend(c.fields.phases.iter().map(|p| PhaseLink {
        label: format!("Fase: {p}"),
        href: format!("/samenwerkingen/{}{}", c.id, phase_query(Some(p))),
        current: phase.as_deref() == Some(p.as_str()),
    }));
    let partners = stances
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
            stance_href: format!(
                "/samenwerkingen/{}/standpunt/{}{}",
                c.id, s.partner.code, phase_suffix
            ),
            joined: s.partner.joined_on.map(|d| d.format("%d-%m-%Y").to_string()),
            notes: s.partner.notes.clone(),
        })
        .collect();
    let radar = (!analysis.partners.is_empty()).then(|| {
        radar_view(
            &format!("Standpunten in {}", c.fields.name),
            (IDEAL_TYPE.name, as_f64(IDEAL_TYPE.scores.values())),
            analysis
                .partners
                .iter()
                .map(|p| (p.name.clone(), as_f64(p.scores.values())))
                .collect(),
        )
    });
    let disagreements = analysis
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
        .collect();
    let analyses = analysis
        .partners
        .iter()
        .map(|p| PartnerAnalysisView {
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
        })
        .collect();
    let distance_columns: Vec<&'static str> = REFERENCE_PROFILES.iter().map(|r| r.name).collect();
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
    let missing = stances
        .iter()
        .filter(|s| s.current.is_none())
        .map(|s| s.partner.name.clone())
        .collect();
    let history = history
        .iter()
        .map(|h| HistoryRow {
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
        })
        .collect();
    let period = match (c.fields.start_date, c.fields.end_date) {
        (Some(s), Some(e)) => format!("{} tot en met {}", s.format("%d-%m-%Y"), e.format("%d-%m-%Y")),
        (Some(s), None) => format!("vanaf {}", s.format("%d-%m-%Y")),
        (None, Some(e)) => format!("tot en met {}", e.format("%d-%m-%Y")),
        (None, None) => "niet vastgelegd".into(),
    };
    ShowPage {
        layout: Layout::new(ctx, c.fields.name.clone(), "samenwerkingen"),
        kind_label: c.fields.kind.label_nl(),
        wgr_label: c.fields.wgr_form.map(WgrForm::label_nl),
        period,
        phase_label: phase.map_or_else(
            || "de samenwerking als geheel".into(),
            |p| format!("de fase ‘{p}’"),
        ),
        phases,
        partners,
        radar,
        disagreements,
        analyses,
        distance_columns,
        distances,
        collaboration_summary,
        missing,
        history,
        distance_measure: samenspel_domain::partnership::DISTANCE_MEASURE,
        c,
    }
}

pub struct PartnerSlot {
    pub code_name: String,
    pub role_name: String,
}

#[derive(Template)]
#[template(path = "collaborations/form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub heading: String,
    pub action: String,
    pub form: FormState,
    pub kinds: Vec<Choice>,
    pub wgr_forms: Vec<Choice>,
    pub roles: Vec<Choice>,
    /// Empty when editing (partners are added on their own page).
    pub partner_slots: Vec<PartnerSlot>,
    pub organisations: Vec<Organisation>,
    pub cancel: String,
}

const PARTNER_SLOTS: usize = 6;

async fn all_organisations(app: &App) -> Vec<Organisation> {
    app.list_organisations(&OrgFilter::default(), Page::all())
        .await
        .map(|p| p.items)
        .unwrap_or_default()
}

async fn new_page(app: &App, ctx: &PageContext, form: FormState) -> FormPage {
    FormPage {
        layout: Layout::new(ctx, "Nieuwe samenwerking", "samenwerkingen"),
        heading: "Nieuwe samenwerking".into(),
        action: "/samenwerkingen".into(),
        form,
        kinds: kinds(),
        wgr_forms: wgr_forms(),
        roles: roles(),
        partner_slots: (0..PARTNER_SLOTS)
            .map(|i| PartnerSlot {
                code_name: format!("partners[{i}].code"),
                role_name: format!("partners[{i}].role"),
            })
            .collect(),
        organisations: all_organisations(app).await,
        cancel: "/samenwerkingen".into(),
    }
}

pub async fn new_form(State(app): State<App>, ctx: PageContext) -> Response {
    let mut form = FormState::default();
    form.set("partners[0].role", "trekker");
    render(StatusCode::OK, &new_page(&app, &ctx, form).await)
}

fn collaboration_input(pairs: &[(String, String)]) -> CollaborationInput {
    CollaborationInput {
        name: get(pairs, "name").into(),
        kind: get(pairs, "type").into(),
        wgr_form: get(pairs, "wgr_form").into(),
        task: get(pairs, "task").into(),
        public_value: get(pairs, "public_value").into(),
        region: get(pairs, "region").into(),
        start_date: get(pairs, "start_date").into(),
        end_date: get(pairs, "end_date").into(),
        phases: get(pairs, "phases").lines().map(str::to_owned).collect(),
        legal_basis: get(pairs, "legal_basis").into(),
        policy_areas: get(pairs, "policy_areas").lines().map(str::to_owned).collect(),
    }
}

pub async fn create(
    State(app): State<App>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = collaboration_input(&pairs);
    let partners: Vec<PartnerInput> = (0..PARTNER_SLOTS)
        .map(|i| PartnerInput {
            code: get(&pairs, &format!("partners[{i}].code")).into(),
            role: get(&pairs, &format!("partners[{i}].role")).into(),
        })
        .filter(|p| !p.code.trim().is_empty())
        .collect();
    // Errors name the partner by its position among the filled-in rows; map them back to the
    // form rows so each message appears next to its own field.
    let filled_rows: Vec<usize> = (0..PARTNER_SLOTS)
        .filter(|i| !get(&pairs, &format!("partners[{i}].code")).trim().is_empty())
        .collect();
    match app.create_collaboration(&input, &partners, &ctx.who).await {
        Ok(id) => see_other(&format!("/samenwerkingen/{id}")),
        Err(AppError::Invalid(mut errors)) => {
            for error in &mut errors.errors {
                if let Some(rest) = error.field.strip_prefix("partners[")
                    && let Some((index, tail)) = rest.split_once(']')
                    && let Some(row) = index.parse::<usize>().ok().and_then(|i| filled_rows.get(i))
                {
                    error.field = format!("partners[{row}]{tail}");
                }
            }
            let form = FormState::from_pairs(&pairs).with_errors(errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(&app, &ctx, form).await,
            )
        }
        Err(e) => error_page(&e),
    }
}

fn edit_page(ctx: &PageContext, c: &Collaboration, form: FormState) -> FormPage {
    FormPage {
        layout: Layout::new(ctx, format!("{} bewerken", c.fields.name), "samenwerkingen"),
        heading: format!("{} bewerken", c.fields.name),
        action: format!("/samenwerkingen/{}", c.id),
        form,
        kinds: kinds(),
        wgr_forms: wgr_forms(),
        roles: roles(),
        partner_slots: Vec::new(),
        organisations: Vec::new(),
        cancel: format!("/samenwerkingen/{}", c.id),
    }
}

pub async fn edit_form(State(app): State<App>, ctx: PageContext, PagePath(id): PagePath<i64>) -> Response {
    let c = match app.collaboration(id, &ctx.who).await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let mut form = FormState::default();
    let f = &c.fields;
    form.set("version", c.version.to_string());
    form.set("name", f.name.clone());
    form.set("type", f.kind.key());
    form.set("wgr_form", f.wgr_form.map(|w| w.key()).unwrap_or_default());
    form.set("task", f.task.clone().unwrap_or_default());
    form.set("public_value", f.public_value.clone().unwrap_or_default());
    form.set("region", f.region.clone().unwrap_or_default());
    form.set(
        "start_date",
        f.start_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    form.set("end_date", f.end_date.map(|d| d.to_string()).unwrap_or_default());
    form.set("phases", f.phases.join("\n"));
    form.set("legal_basis", f.legal_basis.clone().unwrap_or_default());
    form.set("policy_areas", f.policy_areas.join("\n"));
    render(StatusCode::OK, &edit_page(&ctx, &c, form))
}

pub async fn update(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(id): PagePath<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let c = match app.collaboration(id, &ctx.who).await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let input = collaboration_input(&pairs);
    let Ok(version) = get(&pairs, "version").parse::<i64>() else {
        let errors = samenspel_domain::ValidationErrors::single(
            "version",
            "required",
            "De versie ontbreekt; laad het formulier opnieuw.",
        );
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(&ctx, &c, FormState::from_pairs(&pairs).with_errors(errors)),
        );
    };
    match app.update_collaboration(id, version, &input, &ctx.who).await {
        Ok(()) => see_other(&format!("/samenwerkingen/{id}")),
        Err(AppError::Invalid(errors)) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(&ctx, &c, FormState::from_pairs(&pairs).with_errors(errors)),
        ),
        Err(AppError::Conflict(message)) => {
            // Show the form again with the user's input, based on the current version, and say
            // what happened.
            let mut form = FormState::from_pairs(&pairs);
            form.set("version", c.version.to_string());
            let errors = samenspel_domain::ValidationErrors::single("version", "stale", message);
            render(
                StatusCode::CONFLICT,
                &edit_page(&ctx, &c, form.with_errors(errors)),
            )
        }
        Err(e) => error_page(&e),
    }
}

#[derive(Template)]
#[template(path = "collaborations/partner.html")]
pub struct PartnerPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub form: FormState,
    pub roles: Vec<Choice>,
    pub organisations: Vec<Organisation>,
}

pub async fn partner_form(State(app): State<App>, ctx: PageContext, PagePath(id): PagePath<i64>) -> Response {
    let c = match app.collaboration(id, &ctx.who).await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let mut form = FormState::default();
    form.set("role", "partner");
    let page = PartnerPage {
        layout: Layout::new(&ctx, "Partner toevoegen", "samenwerkingen"),
        c,
        form,
        roles: roles(),
        organisations: all_organisations(&app).await,
    };
    render(StatusCode::OK, &page)
}

pub async fn add_partner(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(id): PagePath<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = PartnerInput {
        code: get(&pairs, "code").into(),
        role: get(&pairs, "role").into(),
    };
    match app.add_partner(id, &input, &ctx.who).await {
        Ok(()) => see_other(&format!("/samenwerkingen/{id}")),
        Err(AppError::Invalid(errors)) => {
            let c = match app.collaboration(id, &ctx.who).await {
                Ok(c) => c,
                Err(e) => return error_page(&e),
            };
            let page = PartnerPage {
                layout: Layout::new(&ctx, "Partner toevoegen", "samenwerkingen"),
                c,
                form: FormState::from_pairs(&pairs).with_errors(errors),
                roles: roles(),
                organisations: all_organisations(&app).await,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => error_page(&e),
    }
}

pub async fn publish(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(id): PagePath<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let published = get(&pairs, "published") == "true";
    match app.set_published(id, published, &ctx.who).await {
        Ok(()) => see_other(&format!("/samenwerkingen/{id}")),
        Err(e) => error_page(&e),
    }
}

pub struct ChangeRow {
    pub when: String,
    pub actor: String,
    pub organisation: String,
    pub action: &'static str,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "collaborations/changes.html")]
pub struct ChangesPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub rows: Vec<ChangeRow>,
}

/// The Dutch name of an audit action.
fn action_label(action: &str) -> &'static str {
    match action {
        "collaboration.create" => "Samenwerking vastgelegd",
        "collaboration.update" => "Gegevens gewijzigd",
        "collaboration.publish" => "Gepubliceerd",
        "collaboration.withdraw" => "Teruggezet naar concept",
        "partner.add" => "Partner toegevoegd",
        "stance.record" => "Standpunt gegeven",
        "money.record" => "Bedrag vastgelegd",
        "money.delete" => "Bedrag verwijderd",
        _ => "Wijziging",
    }
}

fn change_summary(record: &samenspel_store::AuditRecord) -> String {
    let after = record.after.as_ref();
    match record.action.as_str() {
        "partner.add" => after
            .map(|a| {
                format!(
                    "{} als {}",
                    a["code"].as_str().unwrap_or("?"),
                    a["role"].as_str().unwrap_or("?")
                )
            })
            .unwrap_or_default(),
        "money.record" | "money.delete" => after
            .or(record.before.as_ref())
            .map(|a| {
                format!(
                    "{} {} {} ({}, {})",
                    a["partner"].as_str().unwrap_or("?"),
                    a["year"],
                    samenspel_domain::money::Cents(a["amount"].as_i64().unwrap_or_default()).format_nl(),
                    a["instrument"].as_str().unwrap_or("?"),
                    a["status"].as_str().unwrap_or("?")
                )
            })
            .unwrap_or_default(),
        "stance.record" => after
            .map(|a| {
                let phase = a["phase"]
                    .as_str()
                    .map(|p| format!(" (fase {p})"))
                    .unwrap_or_default();
                format!("namens {}{phase}", a["code"].as_str().unwrap_or("?"))
            })
            .unwrap_or_default(),
        "collaboration.update" => {
            let before = record.before.as_ref();
            let changed: Vec<&str> = [
                "name",
                "type",
                "wgr_form",
                "task",
                "public_value",
                "region",
                "start_date",
                "end_date",
                "phases",
            ]
            .into_iter()
            .filter(|k| before.map(|b| &b[*k]) != after.map(|a| &a[*k]))
            .collect();
            if changed.is_empty() {
                "geen inhoudelijke wijziging".into()
            } else {
                format!("gewijzigd: {}", changed.join(", "))
            }
        }
        _ => String::new(),
    }
}

async fn audit_of(
    app: &App,
    ctx: &PageContext,
    id: i64,
) -> Result<(Collaboration, Vec<samenspel_store::AuditRecord>), AppError> {
    let c = app.collaboration(id, &ctx.who).await?;
    let events = app.audit_events(id, &ctx.who).await?;
    Ok((c, events))
}

pub async fn changes(State(app): State<App>, ctx: PageContext, PagePath(id): PagePath<i64>) -> Response {
    let (c, events) = match audit_of(&app, &ctx, id).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let rows = events
        .iter()
        .rev()
        .map(|e| ChangeRow {
            when: e.occurred_at.format("%d-%m-%Y %H:%M:%S").to_string(),
            actor: e.actor.clone(),
            organisation: e.actor_organisation.clone().unwrap_or_default(),
            action: action_label(&e.action),
            summary: change_summary(e),
        })
        .collect();
    render(
        StatusCode::OK,
        &ChangesPage {
            layout: Layout::new(
                &ctx,
                format!("Wijzigingen in {}", c.fields.name),
                "samenwerkingen",
            ),
            c,
            rows,
        },
    )
}

pub async fn changes_json(State(app): State<App>, ctx: PageContext, PagePath(id): PagePath<i64>) -> Response {
    match audit_of(&app, &ctx, id).await {
        Ok((_, events)) => axum::Json(events).into_response(),
        Err(e) => error_page(&e),
    }
}

pub async fn changes_csv(State(app): State<App>, ctx: PageContext, PagePath(id): PagePath<i64>) -> Response {
    let (_, events) = match audit_of(&app, &ctx, id).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let mut csv = String::from("id;tijdstip;door;namens;actie;voor;na\r\n");
    for e in &events {
        let fields = [
            e.id.to_string(),
            e.occurred_at.to_rfc3339(),
            e.actor.clone(),
            e.actor_organisation.clone().unwrap_or_default(),
            e.action.clone(),
            e.before.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            e.after.as_ref().map(|v| v.to_string()).unwrap_or_default(),
        ];
        csv.push_str(
            &fields
                .iter()
                .map(|f| spreadsheet::cell(f))
                .collect::<Vec<_>>()
                .join(";"),
        );
        csv.push_str("\r\n");
    }
    super::csv_response("wijzigingen.csv", csv)
}
