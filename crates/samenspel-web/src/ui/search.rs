//! `/zoeken`: one search across organisations, collaborations and survey waves, reached from
//! the box in every page's header.

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing;
use samenspel_app::App;
use samenspel_app::search::SearchHit;
use samenspel_domain::search::{Fragment, SearchKind};
use serde::Deserialize;

use super::{Layout, Pagination, page_from, parse_query, render, status_unless};
use crate::error::{PageError, PageResult};
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new().route("/zoeken", routing::get(search))
}

/// The page of an item on this site.
pub fn address(kind: SearchKind, key: &str) -> String {
    let encoded = url_path_segment(key);
    match kind {
        SearchKind::Organisation => format!("/organisaties/{encoded}"),
        SearchKind::Collaboration => format!("/samenwerkingen/{encoded}"),
        SearchKind::Wave => format!("/knelpuntenmonitor/{encoded}"),
    }
}

/// A key as one path segment: letters, digits, `-`, `_` and `.` as they are, the rest
/// percent-encoded.
fn url_path_segment(key: &str) -> String {
    key.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
struct SearchParams {
    q: Option<String>,
    pagina: Option<u32>,
}

pub struct ResultRow {
    pub href: String,
    /// What the item is, in the page's language.
    pub kind: String,
    pub title: Vec<Fragment>,
    pub context: Option<Vec<Fragment>>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub layout: Layout,
    pub query: String,
    /// Whether a query was asked (else the page shows only the form).
    pub asked: bool,
    pub results: Vec<ResultRow>,
    pub pagination: Option<Pagination>,
    pub capped: bool,
    pub error: Option<String>,
}

async fn search(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (params, unreadable) = parse_query::<SearchParams>(raw.as_deref());
    let query = params.q.unwrap_or_default();
    let mut page = SearchPage {
        layout: Layout::translated(&ctx, ctx.lang.t("search-title"), "zoeken"),
        asked: !query.trim().is_empty(),
        query,
        results: Vec::new(),
        pagination: None,
        capped: false,
        error: unreadable,
    };
    if !page.asked {
        return Ok(render(status(&page), &page));
    }
    let wanted = page_from(params.pagina);
    match app.search(&page.query, &ctx.who, wanted).await {
        Ok(found) => {
            let params = [("q", page.query.clone())];
            page.pagination = Some(Pagination::new(
                "/zoeken",
                &params,
                wanted,
                found.hits.len(),
                found.total,
            )?);
            page.capped = found.capped;
            page.results = found.hits.into_iter().map(|hit| row(&ctx, hit)).collect();
        }
        Err(samenspel_app::AppError::Invalid(errors)) => {
            page.error = errors.errors.first().map(|e| ctx.lang.msg(&e.message));
        }
        Err(other) => return Err(PageError::App(other)),
    }
    Ok(render(status(&page), &page))
}

fn status(page: &SearchPage) -> StatusCode {
    status_unless(page.error.as_ref(), StatusCode::BAD_REQUEST)
}

fn row(ctx: &PageContext, hit: SearchHit) -> ResultRow {
    ResultRow {
        href: address(hit.kind, &hit.key),
        kind: ctx.lang.t(hit.kind.message_id()),
        title: hit.title_marked,
        context: hit.context,
    }
}
