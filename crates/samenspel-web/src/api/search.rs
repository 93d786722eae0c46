//! `GET /v1/search`: the site's search, paged like the lists.

use axum::Json;
use axum::extract::State;
use samenspel_app::App;
use samenspel_app::search::SearchHit;
use samenspel_domain::search::{Fragment, SearchKind};
use serde::{Deserialize, Serialize};

use super::Paging;
use super::extract::ApiQuery;
use super::problems::Search;
use crate::error::ApiError;
use crate::session::Who;
use crate::ui::search::address;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default().routes(routes!(search))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to find, in any order; case and accents are ignored and a word may be the
    /// start of a longer one (at most 200 characters).
    pub q: String,
}

/// One result.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchItem {
    pub kind: SearchKind,
    /// An organisation's code, a collaboration's id, a wave's key.
    pub key: String,
    pub title: String,
    /// The page of the item on this site.
    pub url: String,
    /// The title in pieces, the words that matched marked.
    pub title_marked: Vec<Fragment>,
    /// The text that shows why the item matched, when the title alone does not.
    pub context: Option<Vec<Fragment>>,
}

impl From<SearchHit> for SearchItem {
    fn from(hit: SearchHit) -> Self {
        Self {
            url: address(hit.kind, &hit.key),
            kind: hit.kind,
            key: hit.key,
            title: hit.title,
            title_marked: hit.title_marked,
            context: hit.context,
        }
    }
}

/// A page of results, best first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    pub items: Vec<SearchItem>,
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    /// More items matched than are ranked (500): add a word to find the rest.
    pub more_than_ranked: bool,
}

/// Search organisations, collaborations and survey waves.
#[utoipa::path(get, operation_id = "search", path = "/v1/search", tag = "search",
    params(SearchParams, Paging),
    responses((status = 200, description = "A page of results, best first", body = SearchResponse), Search))]
pub async fn search(
    State(app): State<App>,
    Who(who): Who,
    ApiQuery(params): ApiQuery<SearchParams>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<SearchResponse>, ApiError> {
    let page = paging.page();
    let results = app.search(&params.q, &who, page).await?;
    Ok(Json(SearchResponse {
        items: results.hits.into_iter().map(SearchItem::from).collect(),
        total: results.total,
        limit: page.limit,
        offset: page.offset,
        more_than_ranked: results.capped,
    }))
}
