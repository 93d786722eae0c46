use askama::Template;
use axum::Form;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use samenspel_app::{App, AppError};
use samenspel_domain::collaboration::is_active;
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_store::OrgFilter;
use serde::Deserialize;

use super::form::{FormState, get};
use crate::session::PageContext;

use super::{Layout, Pagination, error_page, optional_filter, page_from, parse_query, render, see_other};

pub struct TypeOption {
    pub key: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub query: String,
    pub types: Vec<TypeOption>,
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

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
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
    let found = match app.list_organisations(&filter, page).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let params = [
        ("q", q.clone()),
        ("type", org_type.map(|t| t.key().to_owned()).unwrap_or_default()),
    ];
    let pagination = Pagination::new("/organisaties", &params, page, found.items.len(), found.total);
    let types = OrgType::ALL
        .iter()
        .map(|t| TypeOption {
            key: t.key(),
            label: t.label_nl(),
            selected: Some(*t) == org_type,
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render(
        status,
        &ListPage {
            layout: Layout::new(&ctx, "Organisaties", "organisaties"),
            query: q,
            types,
            organisations: found.items,
            pagination,
            error,
        },
    )
}

pub struct InvolvementRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: &'static str,
    pub joined: String,
    pub period: String,
    pub active: bool,
    pub draft: bool,
    pub evaluation: String,
    pub evaluation_overdue: bool,
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub struct ShowPage {
    pub layout: Layout,
    pub organisation: Organisation,
    pub province: Option<Organisation>,
    pub rows: Vec<InvolvementRow>,
    pub active_count: usize,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

pub async fn show(State(app): State<App>, ctx: PageContext, Path(code): Path<String>) -> Response {
    let (organisation, involvements) = match app.involvements(&code, &ctx.who).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let province = match &organisation.province {
        Some(p) => app.organisation(p.as_str()).await.ok(),
        None => None,
    };
    let today = chrono::Utc::now().date_naive();
    let rows: Vec<InvolvementRow> = involvements
        .iter()
        .map(|i| InvolvementRow {
            id: i.id,
            name: i.name.clone(),
            kind: match i.wgr_form {
                Some(form) => format!("{} — {}", i.kind.label_nl(), form.label_nl()),
                None => i.kind.label_nl().to_owned(),
            },
            role: i.role.label_nl(),
            joined: date(i.joined_on),
            period: match (i.start_date, i.end_date) {
                (None, None) => String::new(),
                (s, e) => format!("{} – {}", date(s), date(e)),
            },
            active: is_active(i.start_date, i.end_date, today),
            draft: !i.published,
            evaluation: date(i.next_evaluation),
            evaluation_overdue: i.next_evaluation.is_some_and(|d| d < today),
        })
        .collect();
    let active_count = rows.iter().filter(|r| r.active).count();
    render(
        StatusCode::OK,
        &ShowPage {
            layout: Layout::new(&ctx, organisation.display_name(), "organisaties"),
            province,
            rows,
            active_count,
            organisation,
        },
    )
}

/// The organisation's collaborations as CSV (semicolon-separated, as Dutch spreadsheets expect).
pub async fn involvements_csv(
    State(app): State<App>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> Response {
    let (organisation, involvements) = match app.involvements(&code, &ctx.who).await {
        Ok(found) => found,
        Err(e) => return error_page(&e),
    };
    let mut csv =
        String::from("id;naam;soort;wgr_vorm;rol;deelnemer_sinds;start;einde;volgende_evaluatie\r\n");
    for i in &involvements {
        let fields = [
            i.id.to_string(),
            i.name.clone(),
            i.kind.key().to_owned(),
            i.wgr_form.map(|w| w.key().to_owned()).unwrap_or_default(),
            i.role.key().to_owned(),
            i.joined_on.map(|d| d.to_string()).unwrap_or_default(),
            i.start_date.map(|d| d.to_string()).unwrap_or_default(),
            i.end_date.map(|d| d.to_string()).unwrap_or_default(),
            i.next_evaluation.map(|d| d.to_string()).unwrap_or_default(),
        ];
        csv.push_str(
            &fields
                .iter()
                .map(|f| super::csv_field(f))
                .collect::<Vec<_>>()
                .join(";"),
        );
        csv.push_str("\r\n");
    }
    super::csv_response(&format!("samenwerkingen-{}.csv", organisation.code), csv)
}

pub async fn involvements_json(
    State(app): State<App>,
    ctx: PageContext,
    Path(code): Path<String>,
) -> Response {
    match app.involvements(&code, &ctx.who).await {
        Ok((organisation, involvements)) => {
            axum::Json(serde_json::json!({"organisation": organisation, "collaborations": involvements}))
                .into_response()
        }
        Err(e) => error_page(&e),
    }
}

#[derive(Template)]
#[template(path = "organisations/new.html")]
pub struct NewPage {
    pub layout: Layout,
    pub form: FormState,
    pub types: Vec<TypeOption>,
}

fn new_page(ctx: &PageContext, form: FormState) -> NewPage {
    let types = OrgType::USER_ADDABLE
        .iter()
        .map(|t| TypeOption {
            key: t.key(),
            label: t.label_nl(),
            selected: form.selected("type", t.key()),
        })
        .collect();
    NewPage {
        layout: Layout::new(ctx, "Partner toevoegen", "organisaties"),
        form,
        types,
    }
}

pub async fn new_form(ctx: PageContext) -> Response {
    render(StatusCode::OK, &new_page(&ctx, FormState::default()))
}

pub async fn create(
    State(app): State<App>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let actor = &ctx.who;
    match app
        .add_organisation(
            get(&pairs, "name"),
            get(&pairs, "type"),
            get(&pairs, "abbreviation"),
            actor,
        )
        .await
    {
        Ok(org) => see_other(&format!("/organisaties/{}", org.code)),
        Err(AppError::Invalid(errors)) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &new_page(&ctx, FormState::from_pairs(&pairs).with_errors(errors)),
        ),
        Err(e) => error_page(&e),
    }
}
