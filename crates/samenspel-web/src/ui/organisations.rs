//! The organisations: the list with its filters, adding a partner organisation, and one
//! organisation's page with its collaborations, money per year and coming moments (also as
//! CSV and JSON).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing;
use samenspel_app::App;
use samenspel_app::overview::OverviewItem;
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_store::OrgFilter;
use serde::Deserialize;

use super::form::{Choice, FormState, choices, get};
use crate::session::PageContext;
use crate::ui::request::{Posted, Visit};

use super::outcome::{Saved, form_outcome};
use super::{Layout, Pagination, csv_line, optional_filter, page_from, parse_query, render, status_unless};
use crate::error::PageResult;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/organisaties", routing::get(list).post(create))
        .route("/organisaties/nieuw", routing::get(new_form))
        .route("/organisaties/{code}", routing::get(show))
        .route(
            "/organisaties/{code}/samenwerkingen.csv",
            routing::get(involvements_csv),
        )
        .route(
            "/organisaties/{code}/samenwerkingen.json",
            routing::get(involvements_json),
        )
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub query: String,
    pub types: Vec<Choice>,
    pub organisations: Vec<Organisation>,
    pub pagination: Pagination,
    pub error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    org_type: Option<String>,
    pagina: Option<u32>,
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (query, query_error) = parse_query::<ListQuery>(raw.as_deref());
    let type_key = query.org_type.clone().unwrap_or_default();
    let (org_type, error) = optional_filter(&type_key, |key| OrgType::parse_field("type", key));
    let error = error.or(query_error);
    let page = page_from(query.pagina);
    let q = query.q.clone().unwrap_or_default();
    let filter = OrgFilter {
        include_ended: false,
        org_type,
        query: Some(q.clone()),
    };
    let found = app.list_organisations(&filter, page).await?;
    let params = [
        ("q", q.clone()),
        ("type", org_type.map(|t| t.key().to_owned()).unwrap_or_default()),
    ];
    let pagination = Pagination::new("/organisaties", &params, page, found.items.len(), found.total)?;
    let types = choices(&OrgType::ALL, OrgType::key, OrgType::label_nl, |key| {
        org_type.is_some_and(|t| t.key() == key)
    });
    let status = status_unless(error.as_ref(), StatusCode::BAD_REQUEST);
    Ok(render(
        status,
        &ListPage {
            layout: Layout::new(&ctx, "Organisaties", "organisaties"),
            query: q,
            types,
            organisations: found.items,
            pagination,
            error,
        },
    ))
}

pub struct InvolvementRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// A gemeenschappelijke regeling; `kind` is its Wgr form.
    pub wgr: bool,
    pub role: String,
    pub period: String,
    pub status: &'static str,
    pub draft: bool,
    pub instruments: String,
    pub money: Vec<String>,
    pub evaluation: String,
    pub evaluation_overdue: bool,
}

pub struct MomentRow {
    pub date: String,
    pub collaboration_id: i64,
    pub collaboration: String,
    pub kind: &'static str,
    pub body: &'static str,
    pub description: String,
    pub overdue: bool,
}

pub struct YearRow {
    pub year: i32,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub struct ShowPage {
    pub layout: Layout,
    pub organisation: Organisation,
    pub province: Option<Organisation>,
    pub date: String,
    pub rows: Vec<InvolvementRow>,
    pub active_count: usize,
    pub years: Vec<YearRow>,
    pub moments: Vec<MomentRow>,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

fn instrument_labels(item: &OverviewItem) -> String {
    match &item.involvement.control {
        None => "Niet vastgelegd".to_owned(),
        Some(c) if c.instruments.is_empty() => "Geen".to_owned(),
        Some(c) => c
            .instruments
            .iter()
            .map(|i| i.label_nl())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn involvement_row(item: &OverviewItem, today: chrono::NaiveDate) -> InvolvementRow {
    let i = &item.involvement;
    let evaluation = item.next_evaluation();
    InvolvementRow {
        id: i.id,
        name: i.name.clone(),
        kind: match i.wgr_form {
            Some(form) => form.label_nl().to_owned(),
            None => i.kind.label_nl().to_owned(),
        },
        wgr: i.wgr_form.is_some(),
        role: match i.joined_on {
            Some(d) => format!("{} (sinds {})", i.role.label_nl(), date(Some(d))),
            None => i.role.label_nl().to_owned(),
        },
        period: match (i.start_date, i.end_date) {
            (None, None) => String::new(),
            (s, e) => format!("{} – {}", date(s), date(e)),
        },
        status: samenspel_domain::collaboration::term_status(i.start_date, i.end_date, today).label_nl(),
        draft: !i.published,
        instruments: instrument_labels(item),
        money: item
            .money_per_year
            .iter()
            .map(|y| format!("{}: {}", y.year, y.amount.format_nl()))
            .collect(),
        evaluation: date(evaluation),
        evaluation_overdue: i.control.as_ref().is_some_and(|c| c.evaluation_overdue(today)),
    }
}

pub async fn show(Visit(app, ctx, code): Visit<String>) -> PageResult {
    let today = app.today();
    let overview = app.overview(&code, &ctx.who, today).await?;
    let province = match &overview.organisation.province {
        Some(p) => app.organisation(p.as_str()).await.ok(),
        None => None,
    };
    let rows = overview
        .collaborations
        .iter()
        .map(|item| involvement_row(item, today))
        .collect();
    let years = overview
        .money_per_year
        .iter()
        .map(|y| YearRow {
            year: y.year,
            amount: y.amount.format_nl(),
        })
        .collect();
    let moments = overview
        .moments
        .iter()
        .map(|m| MomentRow {
            date: date(Some(m.moment.date)),
            collaboration_id: m.collaboration_id,
            collaboration: m.collaboration.clone(),
            kind: m.moment.kind.label_nl(),
            body: m.moment.body.map(|b| b.label_nl()).unwrap_or(""),
            description: m.moment.description.clone().unwrap_or_default(),
            overdue: m.moment.overdue,
        })
        .collect();
    let active_count = overview.active_count();
    let organisation = overview.organisation;
    Ok(render(
        StatusCode::OK,
        &ShowPage {
            layout: Layout::new(&ctx, organisation.display_name(), "organisaties"),
            province,
            date: date(Some(today)),
            rows,
            active_count,
            years,
            moments,
            organisation,
        },
    ))
}

/// The organisation's collaborations as CSV (semicolon-separated, as Dutch spreadsheets
/// expect), with one column per year of its own money.
pub async fn involvements_csv(Visit(app, ctx, code): Visit<String>) -> PageResult {
    let overview = app.overview(&code, &ctx.who, app.today()).await?;
    let years: Vec<i32> = overview.money_per_year.iter().map(|y| y.year).collect();
    let mut lines = vec![crate::exports::involvements(ctx.lang, &years)];
    for item in &overview.collaborations {
        let i = &item.involvement;
        let mut fields = vec![
            i.id.to_string(),
            i.name.clone(),
            i.kind.key().to_owned(),
            i.wgr_form.map(|w| w.key().to_owned()).unwrap_or_default(),
            i.role.key().to_owned(),
            i.joined_on.map(|d| d.to_string()).unwrap_or_default(),
            i.start_date.map(|d| d.to_string()).unwrap_or_default(),
            i.end_date.map(|d| d.to_string()).unwrap_or_default(),
            if item.active { "ja" } else { "nee" }.to_owned(),
            i.control
                .as_ref()
                .map(|c| {
                    c.instruments
                        .iter()
                        .map(|x| x.key())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default(),
            item.next_evaluation().map(|d| d.to_string()).unwrap_or_default(),
        ];
        fields.extend(years.iter().map(|year| {
            item.money_per_year
                .iter()
                .find(|y| y.year == *year)
                .map(|y| y.amount.format_number_nl())
                .unwrap_or_default()
        }));
        lines.push(fields);
    }
    let csv: String = lines.iter().map(|line| csv_line(line)).collect();
    Ok(super::csv_response(
        &format!("samenwerkingen-{}.csv", overview.organisation.code),
        csv,
    ))
}

pub async fn involvements_json(Visit(app, ctx, code): Visit<String>) -> PageResult {
    Ok(axum::Json(app.overview(&code, &ctx.who, app.today()).await?).into_response())
}

#[derive(Template)]
#[template(path = "organisations/new.html")]
pub struct NewPage {
    pub layout: Layout,
    pub form: FormState,
    pub types: Vec<Choice>,
}

fn new_page(ctx: &PageContext, form: FormState) -> NewPage {
    let types = choices(&OrgType::USER_ADDABLE, OrgType::key, OrgType::label_nl, |key| {
        form.selected("type", key)
    });
    NewPage {
        layout: Layout::new(ctx, "Partner toevoegen", "organisaties"),
        form,
        types,
    }
}

pub async fn new_form(ctx: PageContext) -> PageResult {
    let may = samenspel_app::offers::GeneralOffers::of(&ctx.who).add_organisation;
    super::offered(&ctx, may, samenspel_domain::auth::Action::AddOrganisation)?;
    Ok(render(StatusCode::OK, &new_page(&ctx, FormState::default())))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let result = app
        .add_organisation(
            get(&pairs, "name"),
            get(&pairs, "type"),
            get(&pairs, "abbreviation"),
            &ctx.who,
        )
        .await;
    form_outcome(
        &ctx,
        result,
        |org| {
            Saved::new(
                format!("/organisaties/{}", org.code),
                format!("{} toegevoegd.", org.display_name()),
            )
        },
        async |errors| Ok(new_page(&ctx, FormState::refused(&pairs, errors))),
    )
    .await
}
