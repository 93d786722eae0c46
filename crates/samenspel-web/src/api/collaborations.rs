use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::collaboration_query::{CollaborationQuery, FieldNames};
use samenspel_app::{App, PartnerInput};
use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::org::OrgCode;
use samenspel_domain::partnership::{Analysis, DISTANCE_MEASURE, Profile, StanceInput};
use samenspel_store::{AuditRecord, Collaboration, CollaborationSummary, StanceRecord};
use serde::{Deserialize, Serialize};

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiQueryPairs};
use super::problems::{Change, Create, Lookup, LookupSearch, Search};
use super::{ListResponse, Paging, list_response};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, create))
        .routes(routes!(show, update))
        .routes(routes!(add_partner))
        .routes(routes!(stances))
        .routes(routes!(put_stance))
        .routes(routes!(analysis))
        .routes(routes!(audit_events))
        .routes(routes!(publication))
}

/// The query parameters whose values the document lists (or whose form it fixes): an unknown
/// value there is a bad request (400, naming the values it takes); a well-formed value that
/// names nothing (an organisation or region code) is refused as invalid input (422).
const ENUMERATED: [&str; 5] = ["type", "status", "signal", "sort", "after"];

pub(super) fn query_refusal(errors: samenspel_domain::ValidationErrors) -> ApiError {
    if errors
        .errors
        .iter()
        .any(|e| ENUMERATED.contains(&e.field.as_str()))
    {
        ApiError::BadQuery(errors)
    } else {
        ApiError::from(errors)
    }
}

/// List collaborations: filter on several types, organisations, regions and signals at once;
/// each with the signals that need attention today. Page with `limit`/`offset`, or in name
/// order with `after` (the id of the last collaboration of the previous page).
#[utoipa::path(get, operation_id = "listCollaborations", path = "/v1/collaborations", tag = "collaborations",
    params(CollaborationQuery, Paging),
    responses((status = 200, body = ListResponse<CollaborationSummary>), Search))]
pub async fn list(
    State(app): State<App>,
    Who(who): Who,
    ApiQueryPairs(pairs): ApiQueryPairs,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<ListResponse<CollaborationSummary>>, ApiError> {
    let query = CollaborationQuery::from_pairs(&pairs, &FieldNames::API);
    let filter = query
        .parse(&FieldNames::API, app.today())
        .map_err(query_refusal)?;
    let page = paging.page();
    Ok(Json(list_response(
        app.list_collaborations(&filter, page, &who).await?,
        page,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewCollaborationBody {
    #[serde(flatten)]
    pub fields: CollaborationInput,
    #[serde(default)]
    pub partners: Vec<PartnerInput>,
}

/// Create a collaboration with its partners.
#[utoipa::path(post, operation_id = "createCollaboration", path = "/v1/collaborations", tag = "collaborations", request_body = NewCollaborationBody,
    responses((status = 201, body = Collaboration), Create))]
pub async fn create(
    State(app): State<App>,
    Who(who): Who,
    ApiJson(body): ApiJson<NewCollaborationBody>,
) -> Result<(StatusCode, Json<Collaboration>), ApiError> {
    let id = app
        .create_collaboration(&body.fields, &body.partners, &who)
        .await?;
    Ok((StatusCode::CREATED, Json(app.collaboration(id, &who).await?)))
}

/// One collaboration with its partners and phases.
#[utoipa::path(get, operation_id = "getCollaboration", path = "/v1/collaborations/{id}", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Collaboration>, ApiError> {
    Ok(Json(app.collaboration(id, &who).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateCollaborationBody {
    /// The version the change is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub fields: CollaborationInput,
}

/// Change a collaboration's fields.
#[utoipa::path(put, operation_id = "updateCollaboration", path = "/v1/collaborations/{id}", tag = "collaborations", request_body = UpdateCollaborationBody,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration), Change))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateCollaborationBody>,
) -> Result<Json<Collaboration>, ApiError> {
    let version = super::extract::required_version(body.version)?;
    app.update_collaboration(id, version, &body.fields, &who).await?;
    Ok(Json(app.collaboration(id, &who).await?))
}

/// Add a partner to a collaboration.
#[utoipa::path(post, operation_id = "addPartner", path = "/v1/collaborations/{id}/partners", tag = "collaborations", request_body = PartnerInput,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 201, body = Collaboration), Change))]
pub async fn add_partner(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PartnerInput>,
) -> Result<(StatusCode, Json<Collaboration>), ApiError> {
    app.add_partner(id, &body, &who).await?;
    Ok((StatusCode::CREATED, Json(app.collaboration(id, &who).await?)))
}

/// Every stance stated in the collaboration, oldest first (the history).
#[utoipa::path(get, operation_id = "listStances", path = "/v1/collaborations/{id}/stances", tag = "partnership-model",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ListResponse<StanceRecord>), Lookup))]
pub async fn stances(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ListResponse<StanceRecord>>, ApiError> {
    Ok(Json(ListResponse::all(app.stances(id, &who).await?)))
}

/// The body of a stance: a score 1–5 on each of the six dimensions, optional motivations.
/// (The handler reads it as the domain's `StanceInput`, which validates every field; this
/// type only describes it in the OpenAPI document.)
#[derive(utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "describes the request body in the OpenAPI document")]
pub struct StanceBody {
    /// The name of one of the collaboration's phases; leave out for the collaboration as a whole.
    #[serde(default)]
    pub phase: Option<String>,
    #[schema(value_type = Profile)]
    pub scores: BTreeMap<String, u8>,
    /// A motivation per dimension key, where the partner gives one.
    #[serde(default)]
    pub motivations: BTreeMap<String, String>,
}

/// Record an organisation's stance; earlier stances stay as history.
#[utoipa::path(put, operation_id = "putStance", path = "/v1/collaborations/{id}/stances/{code}", tag = "partnership-model", request_body = StanceBody,
    params(("id" = i64, Path, description = "Collaboration id"), ("code" = String, Path, description = "Code of the partner organisation")),
    responses((status = 201, body = StanceRecord), Change))]
pub async fn put_stance(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, code)): ApiPath<(i64, String)>,
    ApiJson(body): ApiJson<StanceInput>,
) -> Result<(StatusCode, Json<StanceRecord>), ApiError> {
    let record = app.record_stance(id, &code, &body, &who).await?;
    Ok((StatusCode::CREATED, Json(record)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhaseQuery {
    /// Analyse the stances for this phase; leave out for the collaboration as a whole.
    pub phase: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AnalysisResponse {
    pub collaboration_id: i64,
    pub phase: Option<String>,
    /// Partners that have not stated a stance for this phase.
    pub missing_stances: Vec<OrgCode>,
    /// How distances are measured.
    pub distance_measure: &'static str,
    #[serde(flatten)]
    pub analysis: Analysis,
}

/// The analysis of the current stances: deviations from the ideal type (motivated or not),
/// disagreements between partners, distances to the ideal type and the reference profiles.
#[utoipa::path(get, operation_id = "getAnalysis", path = "/v1/collaborations/{id}/analysis", tag = "partnership-model",
    params(("id" = i64, Path, description = "Collaboration id"), PhaseQuery),
    responses((status = 200, body = AnalysisResponse), LookupSearch))]
pub async fn analysis(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<PhaseQuery>,
) -> Result<Json<AnalysisResponse>, ApiError> {
    let view = app.collaboration_view(id, query.phase.as_deref(), &who).await?;
    Ok(Json(AnalysisResponse {
        collaboration_id: id,
        missing_stances: view
            .stances
            .iter()
            .filter(|s| s.current.is_none())
            .map(|s| s.partner.code.clone())
            .collect(),
        phase: view.phase,
        distance_measure: DISTANCE_MEASURE,
        analysis: view.analysis,
    }))
}

/// The change history (audit events) of a collaboration.
#[utoipa::path(get, operation_id = "listAuditEvents", path = "/v1/collaborations/{id}/audit-events", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ListResponse<AuditRecord>), Lookup))]
pub async fn audit_events(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ListResponse<AuditRecord>>, ApiError> {
    Ok(Json(ListResponse::all(app.audit_events(id, &who).await?)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct PublicationBody {
    /// `true` publishes the collaboration; `false` makes it a draft again, visible to its
    /// partners only.
    pub published: bool,
}

/// Publish a collaboration or withdraw it to draft (the trekker's redacteuren).
#[utoipa::path(put, operation_id = "setPublication", path = "/v1/collaborations/{id}/publication", tag = "collaborations", request_body = PublicationBody,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration), Change))]
pub async fn publication(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PublicationBody>,
) -> Result<Json<Collaboration>, ApiError> {
    app.set_published(id, body.published, &who).await?;
    Ok(Json(app.collaboration(id, &who).await?))
}
