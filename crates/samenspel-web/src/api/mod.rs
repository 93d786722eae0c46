//! The JSON API under `/api/v1`, following the Dutch API Design Rules where they fit: plural
//! nouns, kebab-case paths, problem+json errors, an `API-Version` header. The OpenAPI
//! document is generated from these handlers and served at `/api/openapi.json`.

mod collaborations;
mod control;
mod exchange;
mod extract;
mod money;
mod moore;
mod openapi;
mod organisations;
mod reference;
mod regions;
mod survey;

use axum::Router;
use axum::routing::{delete, get, post, put};
use samenspel_app::{App, AppError};
use serde::{Deserialize, Serialize};

pub(crate) use collaborations::parse_extras;
pub use exchange::MAX_IMPORT_BYTES;
pub use openapi::openapi_document;

use crate::error::ApiError;

pub const API_VERSION: &str = "1.0.0";

pub fn routes() -> Router<App> {
    Router::new()
        .route("/openapi.json", get(openapi::serve))
        .route(
            "/v1/organisations",
            get(organisations::list).post(organisations::add),
        )
        .route("/v1/organisations/{code}", get(organisations::show))
        .route("/v1/organisations/{code}/overview", get(organisations::overview))
        .route(
            "/v1/collaborations",
            get(collaborations::list).post(collaborations::create),
        )
        .route("/v1/collaborations/export", get(exchange::export))
        .route(
            "/v1/collaborations/import",
            post(exchange::import).layer(axum::extract::DefaultBodyLimit::max(exchange::MAX_IMPORT_BYTES)),
        )
        .route(
            "/v1/collaborations/{id}",
            get(collaborations::show).put(collaborations::update),
        )
        .route(
            "/v1/collaborations/{id}/publication",
            put(collaborations::publication),
        )
        .route(
            "/v1/collaborations/{id}/partners",
            post(collaborations::add_partner),
        )
        .route("/v1/collaborations/{id}/stances", get(collaborations::stances))
        .route(
            "/v1/collaborations/{id}/stances/{code}",
            put(collaborations::put_stance),
        )
        .route("/v1/collaborations/{id}/analysis", get(collaborations::analysis))
        .route(
            "/v1/collaborations/{id}/audit-events",
            get(collaborations::audit_events),
        )
        .route(
            "/v1/collaborations/{id}/control",
            get(control::show).put(control::update),
        )
        .route("/v1/collaborations/{id}/moore", get(moore::show))
        .route("/v1/collaborations/{id}/moore/{code}", put(moore::update))
        .route(
            "/v1/collaborations/{id}/money",
            get(money::show).post(money::record),
        )
        .route(
            "/v1/collaborations/{id}/money/{contribution}",
            delete(money::delete),
        )
        .route("/v1/survey/waves", get(survey::list).post(survey::create))
        .route("/v1/survey/waves/{key}", get(survey::show))
        .route("/v1/survey/waves/{key}/close", post(survey::close))
        .route(
            "/v1/survey/waves/{key}/responses",
            post(survey::import).layer(axum::extract::DefaultBodyLimit::max(MAX_IMPORT_BYTES)),
        )
        .route("/v1/survey/waves/{key}/report", get(survey::report))
        .route("/v1/survey/waves/{key}/trend", get(survey::trend))
        .route("/v1/reference-profiles", get(reference::profiles))
        .route("/v1/dimensions", get(reference::dimensions))
        .route("/v1/divisions", get(regions::list))
        .route("/v1/divisions/{key}", get(regions::show))
        .route("/v1/congruence", get(regions::congruence))
        .route("/v1/partner-sets", get(regions::partner_sets))
        .fallback(not_found)
}

async fn not_found() -> ApiError {
    ApiError::App(AppError::NotFound("bron"))
}

/// A page of a collection.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListResponse<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
}

/// Paging parameters shared by the list endpoints.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// At most this many items (1–200, default 50).
    pub limit: Option<u32>,
    /// Skip this many items (default 0).
    pub offset: Option<u32>,
}

impl Paging {
    fn page(&self) -> samenspel_store::Page {
        samenspel_store::Page::new(self.limit, self.offset)
    }
}

impl<T> ListResponse<T> {
    /// A whole collection in one page.
    pub fn all(items: Vec<T>) -> Self {
        let count = items.len();
        Self {
            total: count as u64,
            limit: u32::try_from(count).unwrap_or(u32::MAX),
            offset: 0,
            items,
        }
    }
}

fn list_response<T>(paged: samenspel_store::Paged<T>, page: samenspel_store::Page) -> ListResponse<T> {
    ListResponse {
        items: paged.items,
        total: paged.total,
        limit: page.limit,
        offset: page.offset,
    }
}
