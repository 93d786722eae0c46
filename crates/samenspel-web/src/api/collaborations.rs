use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::{App, PartnerInput};
use samenspel_domain::ValidationErrors;
use samenspel_domain::collaboration::{CollaborationInput, CollaborationKind};
use samenspel_domain::org::OrgCode;
use samenspel_domain::partnership::{Analysis, DISTANCE_MEASURE, Profile, StanceInput};
use samenspel_store::{
    Activity, AuditRecord, Collaboration, CollaborationFilter, CollaborationSummary, StanceRecord,
};
use serde::{Deserialize, Serialize};

use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::{ListResponse, Paging, list_response};
use crate::error::{ApiError, Problem};
use crate::session::Who;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CollaborationQuery {
    /// Only this type: `mirt`, `res`, `regio-deal`, `city-deal`, `woondeal`,
    /// `gemeenschappelijke-regeling`, `bestuursakkoord`, `convenant`, `overig`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<String>,
    /// Part of the name (case and accents ignored).
    pub q: Option<String>,
    /// Only collaborations this organisation (code) takes part in.
    pub organisation: Option<String>,
    /// Only collaborations with a municipality in this region: `<division>:<region code>`,
    /// e.g. `veiligheidsregio:VR13` (see `/api/v1/divisions`).
    pub region: Option<String>,
    /// Only collaborations with a policy area containing this text, e.g. `veiligheid`.
    pub policy_area: Option<String>,
    /// `lopend` (running today) or `beeindigd` (end date passed).
    pub status: Option<String>,
}

/// The filters on region, policy area and running/ended, shared by the list page and the API.
pub(crate) struct ExtraFilters {
    pub any_partner: Option<Vec<OrgCode>>,
    pub policy_area: Option<String>,
    pub activity: Option<(Activity, chrono::NaiveDate)>,
}

pub(crate) fn parse_extras(
    region: Option<&str>,
    policy_area: Option<&str>,
    status: Option<&str>,
    (region_field, status_field): (&str, &str),
) -> Result<ExtraFilters, ValidationErrors> {
    let present = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let mut errors = ValidationErrors::new();
    let any_partner = present(region)
        .and_then(|r| errors.collect(samenspel_app::regions::region_members(region_field, &r)));
    let activity = match present(status) {
        Some(key) => match Activity::from_key(&key) {
            Some(a) => Some((a, chrono::Utc::now().date_naive())),
            None => {
                errors.add(
                    status_field,
                    "unknown_status",
                    format!("'{key}' is geen status; kies lopend of beeindigd."),
                );
                None
            }
        },
        None => None,
    };
    errors.finish(|| ExtraFilters {
        any_partner,
        policy_area: present(policy_area),
        activity,
    })
}

pub(crate) fn parse_filter(query: &CollaborationQuery) -> Result<CollaborationFilter, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let kind = match query.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => errors.collect(CollaborationKind::parse_field("type", key)),
        None => None,
    };
    let organisation = match query
        .organisation
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        Some(code) => errors.collect(OrgCode::parse_field("organisation", code)),
        None => None,
    };
    let extras = errors.collect(parse_extras(
        query.region.as_deref(),
        query.policy_area.as_deref(),
        query.status.as_deref(),
        ("region", "status"),
    ));
    errors.finish(|| {
        let extras = extras.unwrap_or(ExtraFilters {
            any_partner: None,
            policy_area: None,
            activity: None,
        });
        CollaborationFilter {
            kind,
            query: query.q.clone(),
            organisation,
            any_partner: extras.any_partner,
            policy_area: extras.policy_area,
            activity: extras.activity,
            ..Default::default()
        }
    })
}

/// List collaborations.
#[utoipa::path(get, path = "/api/v1/collaborations", tag = "collaborations",
    params(CollaborationQuery, Paging),
    responses((status = 200, body = ListResponse<CollaborationSummary>, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(app): State<App>,
    Who(who): Who,
    ApiQuery(query): ApiQuery<CollaborationQuery>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<ListResponse<CollaborationSummary>>, ApiError> {
    let filter = parse_filter(&query)?;
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
#[utoipa::path(post, path = "/api/v1/collaborations", tag = "collaborations", request_body = NewCollaborationBody,
    responses((status = 201, body = Collaboration, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(get, path = "/api/v1/collaborations/{id}", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
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
    pub version: Option<i64>,
    #[serde(flatten)]
    pub fields: CollaborationInput,
}

/// Change a collaboration's fields.
#[utoipa::path(put, path = "/api/v1/collaborations/{id}", tag = "collaborations", request_body = UpdateCollaborationBody,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 409, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateCollaborationBody>,
) -> Result<Json<Collaboration>, ApiError> {
    let version = body.version.ok_or_else(|| {
        ValidationErrors::single(
            "version",
            "required",
            "Geef de versie waarop de wijziging is gebaseerd.",
        )
    })?;
    app.update_collaboration(id, version, &body.fields, &who).await?;
    Ok(Json(app.collaboration(id, &who).await?))
}

/// Add a partner to a collaboration.
#[utoipa::path(post, path = "/api/v1/collaborations/{id}/partners", tag = "collaborations", request_body = PartnerInput,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 201, body = Collaboration, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/stances", tag = "partnership-model",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ListResponse<StanceRecord>, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
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
#[expect(dead_code, reason = "describes the request body in the OpenAPI document")]
pub struct StanceBody {
    /// The name of one of the collaboration's phases; leave out for the collaboration as a whole.
    pub phase: Option<String>,
    #[schema(value_type = Profile)]
    pub scores: BTreeMap<String, u8>,
    pub motivations: Option<BTreeMap<String, String>>,
}

/// Record an organisation's stance; earlier stances stay as history.
#[utoipa::path(put, path = "/api/v1/collaborations/{id}/stances/{code}", tag = "partnership-model", request_body = StanceBody,
    params(("id" = i64, Path, description = "Collaboration id"), ("code" = String, Path, description = "Code of the partner organisation")),
    responses((status = 201, body = StanceRecord, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/analysis", tag = "partnership-model",
    params(("id" = i64, Path, description = "Collaboration id"), PhaseQuery),
    responses((status = 200, body = AnalysisResponse, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/audit-events", tag = "collaborations",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = ListResponse<AuditRecord>, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(put, path = "/api/v1/collaborations/{id}/publication", tag = "collaborations", request_body = PublicationBody,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = Collaboration, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn publication(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PublicationBody>,
) -> Result<Json<Collaboration>, ApiError> {
    app.set_published(id, body.published, &who).await?;
    Ok(Json(app.collaboration(id, &who).await?))
}
