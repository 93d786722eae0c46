use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::collaboration_query::key_filter_schema;
use samenspel_app::overview::Overview;
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_store::OrgFilter;
use serde::Deserialize;

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::problems::{Create, Lookup, Search};
use super::{ListResponse, Paging, list_response};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, add))
        .routes(routes!(show))
        .routes(routes!(overview))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Only this type: `gemeente`, `provincie`, `waterschap`, `ministerie`, `koepel`, …
    #[serde(rename = "type")]
    #[param(rename = "type", schema_with = org_type_filter)]
    pub org_type: Option<String>,
    /// Part of the name (case and accents ignored) or the start of the code.
    pub q: Option<String>,
    /// Also organisations that no longer exist (merged municipalities, former ministries).
    #[serde(rename = "includeEnded")]
    #[param(rename = "includeEnded")]
    pub include_ended: Option<bool>,
}

fn org_type_filter() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    key_filter_schema("Only this type.", OrgType::ALL.iter().map(|t| t.key()))
}

pub(super) fn parse_type(raw: Option<&str>) -> Result<Option<OrgType>, ApiError> {
    match raw.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(key) => Ok(Some(
            OrgType::parse_field("type", key).map_err(ApiError::BadQuery)?,
        )),
    }
}

/// List organisations.
#[utoipa::path(get, operation_id = "listOrganisations", path = "/v1/organisations", tag = "organisations",
    params(OrganisationQuery, Paging),
    responses((status = 200, description = "A page of organisations", body = ListResponse<Organisation>), Search))]
pub async fn list(
    State(app): State<App>,
    ApiQuery(query): ApiQuery<OrganisationQuery>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<ListResponse<Organisation>>, ApiError> {
    let filter = OrgFilter {
        org_type: parse_type(query.org_type.as_deref())?,
        query: query.q,
        include_ended: query.include_ended.unwrap_or(false),
    };
    let page = paging.page();
    Ok(Json(list_response(
        app.list_organisations(&filter, page).await?,
        page,
    )))
}

/// One organisation.
#[utoipa::path(get, operation_id = "getOrganisation", path = "/v1/organisations/{code}", tag = "organisations",
    params(("code" = String, Path, description = "Organisation code, e.g. GM0363")),
    responses((status = 200, body = Organisation), Lookup))]
pub async fn show(
    State(app): State<App>,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<Organisation>, ApiError> {
    Ok(Json(app.organisation(&code).await?))
}

/// "Mijn gemeente in samenwerking": every collaboration the organisation takes part in that the
/// caller may see, with its role, its own money per year, the control instruments, and the
/// decision and evaluation moments from today on.
#[utoipa::path(get, operation_id = "getOrganisationOverview", path = "/v1/organisations/{code}/overview", tag = "organisations",
    params(("code" = String, Path, description = "Organisation code, e.g. GM0363")),
    responses((status = 200, body = Overview), Lookup))]
pub async fn overview(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<Overview>, ApiError> {
    Ok(Json(app.overview(&code, &who, app.today()).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewOrganisationBody {
    #[serde(default)]
    pub name: String,
    /// One of `rijksdienst`, `gemeenschappelijke-regeling`, `bedrijf`, `kennisinstelling`,
    /// `maatschappelijke-organisatie`, `overig`.
    #[serde(default, rename = "type")]
    pub org_type: String,
    #[serde(default)]
    pub abbreviation: String,
}

/// Add a partner organisation (company, knowledge institution, …); Samenspel assigns its code.
#[utoipa::path(post, operation_id = "addOrganisation", path = "/v1/organisations", tag = "organisations", request_body = NewOrganisationBody,
    responses((status = 201, body = Organisation), Create))]
pub async fn add(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<NewOrganisationBody>,
) -> Result<(StatusCode, Json<Organisation>), ApiError> {
    let org = app
        .add_organisation(&body.name, &body.org_type, &body.abbreviation, &who)
        .await?;
    Ok((StatusCode::CREATED, Json(org)))
}
