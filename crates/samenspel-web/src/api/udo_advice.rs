//! BZK's advice and the koepels' judgements on a UDO dossier, given by BZK and the koepels
//! themselves (issue 14, item 4).

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::udo::{KoepelJudgementInput, UdoDossierView};
use samenspel_domain::udo::dossier::BzkAdviceInput;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiJson, ApiPath, required_version};
use super::problems::Change;
use crate::error::ApiError;
use crate::session::Who;

pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(give_advice))
        .routes(routes!(give_judgement))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UdoBzkAdviceBody {
    /// The version the advice is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub advice: BzkAdviceInput,
}

/// Give BZK's advice at a check moment (`moment`, `given_on`, `advice`); an earlier advice at
/// that moment is replaced. Only a redacteur of BZK may; bad input is a 422 naming the field.
#[utoipa::path(post, operation_id = "giveUdoBzkAdvice", path = "/v1/udo/dossiers/{id}/bzk-advice", tag = "udo", request_body = UdoBzkAdviceBody,
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoDossierView), Change))]
pub async fn give_advice(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UdoBzkAdviceBody>,
) -> Result<Json<UdoDossierView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(
        app.give_udo_bzk_advice(id, version, &body.advice, &who).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UdoKoepelJudgementBody {
    /// The version the judgement is based on, as last read; a stale version is refused with 409.
    #[schema(value_type = i64, required = true)]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub judgement: KoepelJudgementInput,
}

/// Give a koepel's judgement (`koepel`, `judgement`). Only a redacteur of that koepel may, for
/// a koepel whose layer the proposal affects; bad input is a 422 naming the field.
#[utoipa::path(post, operation_id = "giveUdoKoepelJudgement", path = "/v1/udo/dossiers/{id}/koepel-judgement", tag = "udo", request_body = UdoKoepelJudgementBody,
    params(("id" = i64, Path, description = "Dossier id")),
    responses((status = 200, body = UdoDossierView), Change))]
pub async fn give_judgement(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UdoKoepelJudgementBody>,
) -> Result<Json<UdoDossierView>, ApiError> {
    let version = required_version(body.version)?;
    Ok(Json(
        app.give_udo_koepel_judgement(id, version, &body.judgement, &who)
            .await?,
    ))
}
