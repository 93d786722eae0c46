use axum::Json;
use samenspel_domain::partnership::{Dimension, REFERENCE_PROFILES, ReferenceProfile};
use serde::Serialize;

use super::ListResponse;
use samenspel_app::App;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(profiles))
        .routes(routes!(dimensions))
}

/// The ideal type and the ROB reference profiles of annex III.
#[utoipa::path(get, operation_id = "listReferenceProfiles", path = "/v1/reference-profiles", tag = "partnership-model",
    responses((status = 200, body = ListResponse<ReferenceProfile>)))]
pub async fn profiles() -> Json<ListResponse<ReferenceProfile>> {
    Json(ListResponse {
        items: REFERENCE_PROFILES.to_vec(),
        total: REFERENCE_PROFILES.len() as u64,
        limit: 200,
        offset: 0,
    })
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DimensionInfo {
    pub key: &'static str,
    pub number: usize,
    pub label: &'static str,
    pub question: &'static str,
    pub scale_low: &'static str,
    pub scale_high: &'static str,
    pub ideal: u8,
    pub ideal_explained: &'static str,
}

/// The six dimensions of the Model voor gelijkwaardig partnerschap, worded as in annex III.
#[utoipa::path(get, operation_id = "listDimensions", path = "/v1/dimensions", tag = "partnership-model",
    responses((status = 200, body = ListResponse<DimensionInfo>)))]
pub async fn dimensions() -> Json<ListResponse<DimensionInfo>> {
    let items: Vec<DimensionInfo> = Dimension::ALL
        .into_iter()
        .map(|d| DimensionInfo {
            key: d.key(),
            number: d.number(),
            label: d.label(),
            question: d.question(),
            scale_low: d.scale_low(),
            scale_high: d.scale_high(),
            ideal: samenspel_domain::partnership::IDEAL_TYPE.scores.get(d).value(),
            ideal_explained: d.ideal_explained(),
        })
        .collect();
    Json(ListResponse {
        total: items.len() as u64,
        items,
        limit: 200,
        offset: 0,
    })
}
