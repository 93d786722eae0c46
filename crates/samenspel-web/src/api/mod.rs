//! The JSON API under `/api/v1`, following the Dutch API Design Rules where they fit: plural
//! nouns, kebab-case paths, problem+json errors, an `API-Version` header. The OpenAPI
//! document is generated from these handlers and served at `/api/openapi.json`.

mod collaborations;
mod control;
mod council;
mod exchange;
mod extract;
mod iv3_costs;
mod medebewind;
mod money;
mod moore;
mod openapi;
mod organisations;
mod participation;
mod problems;
pub(crate) mod reasons;
mod reference;
mod regeling;
mod regions;
mod search;
mod staat;
mod survey;
mod udo;
mod udo_advice;
pub(crate) mod udo_documents;
mod udo_memorandum;
mod udo_reactions;

use axum::Router;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::routing::get;
use samenspel_app::{App, AppError};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

pub use exchange::MAX_IMPORT_BYTES;

use crate::error::ApiError;

/// The API's version: the `API-Version` header of every response and `info.version` of the
/// OpenAPI document.
pub const API_VERSION: &str = "1.0.0";

/// Every endpoint with its documentation, each registered once by its module (`routes!`
/// adds the route and its OpenAPI path together). Paths are relative to `/api`.
fn endpoints() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .merge(organisations::routes())
        .merge(collaborations::routes())
        .merge(regeling::routes())
        .merge(exchange::routes())
        .merge(control::routes())
        .merge(moore::routes())
        .merge(money::routes())
        .merge(survey::routes())
        .merge(reference::routes())
        .merge(regions::routes())
        .merge(search::routes())
        .merge(council::routes())
        .merge(participation::routes())
        .merge(udo::routes())
        .merge(udo_memorandum::routes())
        .merge(udo_advice::routes())
        .merge(udo_reactions::routes())
        .merge(udo_documents::routes())
        .merge(medebewind::routes())
        .merge(iv3_costs::routes())
        .merge(staat::routes())
}

/// An import endpoint, which takes a file up to [`MAX_IMPORT_BYTES`] instead of the usual
/// body limit.
fn with_import_limit(endpoint: UtoipaMethodRouter<App>) -> UtoipaMethodRouter<App> {
    let (schemas, paths, method_router) = endpoint;
    (
        schemas,
        paths,
        method_router.layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES)),
    )
}

/// The API router, mounted at `/api`: the endpoints, the OpenAPI document generated from
/// them at `/api/openapi.json`, and problem+json for unknown paths.
pub fn routes() -> Router<App> {
    let (router, paths) = endpoints().split_for_parts();
    let document = Bytes::from(serde_json::to_vec(&openapi::document(paths)).unwrap_or_default());
    let serve = move || async move { ([(header::CONTENT_TYPE, "application/json")], document) };
    router
        .route("/openapi.json", get(serve))
        .fallback(not_found)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            crate::error::api_panicked,
        ))
        .layer(axum::middleware::from_fn(crate::error::api_language))
}

/// The OpenAPI document as pretty JSON, as `/api/openapi.json` serves it (also
/// snapshot-tested).
pub fn openapi_document() -> String {
    openapi::document(endpoints().into_openapi())
        .to_pretty_json()
        .unwrap_or_default()
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
    /// At most this many items (1–200, default 50; more gives 200, 0 gives 1).
    #[param(schema_with = limit)]
    pub limit: Option<u32>,
    /// Skip this many items (default 0).
    #[param(schema_with = offset)]
    pub offset: Option<u32>,
}

/// The `format` of an export or report: `json` or `csv`, empty for the default (`json`).
fn format_filter() -> RefOr<Schema> {
    samenspel_app::collaboration_query::key_filter_schema("`json` (default) or `csv`.", ["json", "csv"])
}

/// A count as the paging parameters take it: any 32-bit unsigned integer.
fn count(description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .minimum(Some(0))
        .maximum(Some(u32::MAX))
        .description(Some(description))
        .into()
}

fn limit() -> RefOr<Schema> {
    count("At most this many items (1–200, default 50; more gives 200, 0 gives 1).")
}

fn offset() -> RefOr<Schema> {
    count("Skip this many items (default 0).")
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use axum::body::{Body, to_bytes};
    use axum::http::{Method, Request, StatusCode};
    use samenspel_testkit::TestDb;
    use tower::ServiceExt;

    use super::*;

    /// The documented operations: (path under `/api`, method) for every path of the document
    /// (its paths are relative to its server, `/api/v1`).
    fn documented() -> BTreeSet<(String, Method)> {
        let document: serde_json::Value = serde_json::from_str(&openapi_document()).unwrap();
        let server = document["servers"][0]["url"].as_str().unwrap();
        let base = server.strip_prefix("/api").unwrap();
        let mut operations = BTreeSet::new();
        for (path, item) in document["paths"].as_object().unwrap() {
            let path = format!("{base}{path}");
            for method in item.as_object().unwrap().keys() {
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                operations.insert((path.clone(), method));
            }
        }
        operations
    }

    /// The paths the router holds, read from its debug form (axum lists no routes otherwise);
    /// leaves out the fallback's own entries.
    fn routed_paths(router: &Router<App>) -> BTreeSet<String> {
        let debug = format!("{router:?}");
        debug
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| s.starts_with('/') && *s != "/" && !s.contains("__private__axum"))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_route_is_documented_and_every_documented_path_is_routed() {
        let documented: BTreeSet<String> = documented().into_iter().map(|(path, _)| path).collect();
        let mut routed = routed_paths(&routes());
        assert!(routed.remove("/openapi.json"), "the document itself is served");
        assert!(routed.len() >= 30, "{routed:?}");
        assert_eq!(routed, documented);
    }

    #[tokio::test]
    async fn each_documented_path_answers_exactly_its_documented_methods() {
        let db = TestDb::new().await;
        let router = routes().with_state(db.app());
        let documented = documented();
        let paths: BTreeSet<&String> = documented.iter().map(|(path, _)| path).collect();
        let methods = [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::PATCH,
        ];
        for path in paths {
            let concrete = path.replace("{id}", "1").replace("{code}", "GM0363");
            let concrete = concrete.replace("{contribution}", "1").replace("{key}", "golf");
            for method in &methods {
                let request = Request::builder().method(method.clone()).uri(&concrete);
                let response = router
                    .clone()
                    .oneshot(request.body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let status = response.status();
                let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
                let fell_back = status == StatusCode::NOT_FOUND
                    && String::from_utf8_lossy(&body).contains("De gevraagde bron bestaat niet");
                let routed = status != StatusCode::METHOD_NOT_ALLOWED && !fell_back;
                let expected = documented.contains(&(path.clone(), method.clone()));
                assert_eq!(routed, expected, "{method} {concrete}: {status}");
            }
        }
    }
}
