//! Reactions to a UDO dossier's consultation (issue 14, item 7): anyone reacts while the
//! consultation runs; the owning ministry publishes or rejects, files under themes and
//! records per theme what was done; everyone reads the published reactions and the report.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::udo_reactions::UdoReactions;
use samenspel_domain::udo::consultation::moderation::ModerationInput;
use samenspel_domain::udo::consultation::reaction::ReactionInput;
use samenspel_domain::udo::consultation::report::{ConsultationReport, ThemeResponseInput};
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiJson, ApiPath};
use super::problems::{Change, Lookup};
use crate::error::ApiError;
use crate::session::{ClientAddress, Who};

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(list, submit))
        .routes(routes!(moderate))
        .routes(routes!(theme_response))
        .routes(routes!(consultation_report))
}

/// The reactions you may see: the published ones (name and place only when the author does
/// not object), or every reaction for the owning ministry's redacteuren.
#[utoipa::path(get, operation_id = "listUdoReactions", path = "/v1/udo/dossiers/{id}/reactions", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoReactions), Lookup))]
pub async fn list(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UdoReactions>, ApiError> {
    Ok(Json(app.udo_reactions(id, &who).await?))
}

/// The id of a reaction just received.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReactionReceived {
    pub id: i64,
}

/// React to a dossier in consultation, also without signing in (kind `publiek`; `koepel` and
/// `medeoverheid` need a token of a member of such an organisation). Outside the consultation
/// 409; a filled `website` (a field people leave empty), markup in the text or too many
/// reactions from one address within 24 hours 422. The reaction is published once the
/// ministry has read it.
#[utoipa::path(post, operation_id = "submitUdoReaction", path = "/v1/udo/dossiers/{id}/reactions", tag = "udo",
    request_body = ReactionInput, params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 201, body = ReactionReceived), Change))]
pub async fn submit(
    State(app): State<App>,
    Who(who): Who,
    ClientAddress(address): ClientAddress,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReactionInput>,
) -> Result<(StatusCode, Json<ReactionReceived>), ApiError> {
    let id = app.submit_udo_reaction(id, &body, &address, &who).await?;
    Ok((StatusCode::CREATED, Json(ReactionReceived { id })))
}

/// Publish (`gepubliceerd`) or reject (`afgewezen`) a reaction and file it under a theme
/// (an empty `status` keeps it; an empty `theme` files it under none). The owning ministry's
/// redacteuren.
#[utoipa::path(post, operation_id = "moderateUdoReaction", path = "/v1/udo/dossiers/{id}/reactions/{reaction}/moderation", tag = "udo",
    request_body = ModerationInput,
    params(("id" = i64, Path, description = "Dossier id"), ("reaction" = i64, Path, description = "Reaction id")),
    responses((status = 200, body = UdoReactions), Change))]
pub async fn moderate(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, reaction)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<ModerationInput>,
) -> Result<Json<UdoReactions>, ApiError> {
    app.moderate_udo_reaction(id, reaction, &body, &who).await?;
    Ok(Json(app.udo_reactions(id, &who).await?))
}

/// Record what was done with the reactions on a theme (replaces an earlier response for the
/// theme). The owning ministry's redacteuren.
#[utoipa::path(put, operation_id = "putUdoThemeResponse", path = "/v1/udo/dossiers/{id}/themes/{theme}", tag = "udo",
    request_body = ThemeResponseInput,
    params(("id" = i64, Path, description = "Dossier id"), ("theme" = String, Path, description = "Theme")),
    responses((status = 200, body = ConsultationReport), Change))]
pub async fn theme_response(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, theme)): ApiPath<(i64, String)>,
    ApiJson(body): ApiJson<ThemeResponseInput>,
) -> Result<Json<ConsultationReport>, ApiError> {
    let input = ThemeResponseInput { theme, ..body };
    app.record_udo_theme_response(id, &input, &who).await?;
    Ok(Json(app.udo_consultation_report(id, &who).await?))
}

/// The consultation as the explanatory memorandum reports it: the published reactions per
/// kind and theme, what was done per theme, and the themes still without a response.
#[utoipa::path(get, operation_id = "getUdoConsultationReport", path = "/v1/udo/dossiers/{id}/consultation-report", tag = "udo",
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = ConsultationReport), Lookup))]
pub async fn consultation_report(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ConsultationReport>, ApiError> {
    Ok(Json(app.udo_consultation_report(id, &who).await?))
}
