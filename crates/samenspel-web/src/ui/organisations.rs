use askama::Template;
use axum::Form;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_app::{App, AppError};
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_store::{CollaborationFilter, CollaborationSummary, OrgFilter, Page};
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

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub struct ShowPage {
    pub layout: Layout,
    pub organisation: Organisation,
    pub province: Option<Organisation>,
    pub collaborations: Vec<CollaborationSummary>,
    pub total_collaborations: u64,
}

pub async fn show(State(app): State<App>, ctx: PageContext, Path(code): Path<String>) -> Response {
    let organisation = match app.organisation(&code).await {
        Ok(o) => o,
        Err(e) => return error_page(&e),
    };
    let province = match &organisation.province {
        Some(p) => app.organisation(p.as_str()).await.ok(),
        None => None,
    };
    let filter = CollaborationFilter {
        organisation: Some(organisation.code.clone()),
        ..Default::default()
    };
    let collaborations = match app
        .list_collaborations(&filter, Page::new(Some(Page::MAX_LIMIT), None), &ctx.who)
        .await
    {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    render(
        StatusCode::OK,
        &ShowPage {
            layout: Layout::new(&ctx, organisation.display_name(), "organisaties"),
            province,
            total_collaborations: collaborations.total,
            collaborations: collaborations.items,
            organisation,
        },
    )
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
