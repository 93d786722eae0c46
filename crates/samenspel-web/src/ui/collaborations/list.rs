//! The list of collaborations, filtered on several types, regions, organisations and signals
//! at once, by name, policy area and status, in name order or most signals first, a page at a
//! time. In name order the next page continues after the last collaboration shown (keyset
//! paging: `na`), so a page far down the list costs no more than the first.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_store::{CollaborationFilter, CollaborationSummary, ListOrder};

use super::filters::{FilterForm, PageQuery, signal_texts};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::{Layout, Pagination, page_from, render, status_unless};

#[derive(Template)]
#[template(path = "collaborations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub filters: FilterForm,
    pub table: RowsTable,
    pub pagination: Pagination,
    pub error: Option<String>,
    /// The export of the list as shown (its filters), CSV and JSON.
    pub export_query: String,
}

/// The table of found collaborations (`partials/collaboration_rows.html`).
pub struct RowsTable {
    /// Names the table's caption (`caption-<id>`).
    pub id: &'static str,
    pub caption: String,
    pub rows: Vec<ListRow>,
}

impl RowsTable {
    pub fn new(lang: Lang, id: &'static str, caption_id: &str, items: Vec<CollaborationSummary>) -> Self {
        Self {
            id,
            caption: lang.t(caption_id),
            rows: items.into_iter().map(|c| ListRow::new(lang, c)).collect(),
        }
    }
}

/// The navigation of a found page; in name order the "next" link continues after the last
/// row shown (`na`, keyset paging).
pub(crate) fn navigation(
    base: &str,
    query: &PageQuery,
    filter: &CollaborationFilter,
    page: samenspel_store::Page,
    found: &samenspel_store::Paged<CollaborationSummary>,
) -> Result<Pagination, crate::error::PageError> {
    let mut pagination = Pagination::new(base, &query.params, page, found.items.len(), found.total)?;
    if filter.order == ListOrder::Name
        && let (Some(next), Some(last)) = (pagination.next.as_mut(), found.items.last())
    {
        next.push_str(&format!("&na={}", last.id));
    }
    Ok(pagination)
}

/// One found collaboration as the list shows it.
pub struct ListRow {
    pub summary: CollaborationSummary,
    /// Its type in the page's language.
    pub kind: String,
    /// Its signals in the page's language.
    pub signals: Vec<String>,
    /// The page of its region, when the region column names a known region.
    pub region_href: Option<String>,
}

impl ListRow {
    pub fn new(lang: Lang, summary: CollaborationSummary) -> Self {
        Self {
            kind: lang.t(summary.kind.message_id()),
            signals: signal_texts(lang, &summary.signals),
            region_href: summary
                .region
                .as_deref()
                .and_then(crate::ui::region_page::region_page_href_for_label),
            summary,
        }
    }
}

/// The query's pairs, or none when it cannot be read (with why, in `lang`).
pub(crate) fn query_pairs(lang: Lang, raw: Option<&str>) -> (Vec<(String, String)>, Option<String>) {
    match serde_urlencoded::from_str(raw.unwrap_or_default()) {
        Ok(pairs) => (pairs, None),
        Err(_) => (Vec::new(), Some(lang.t("paging-query-unreadable"))),
    }
}

/// The filter a page's query asks for; a wrong value is named and the filters are left out.
pub(crate) fn page_filter(app: &App, lang: Lang, query: &PageQuery) -> (CollaborationFilter, Option<String>) {
    match query.parse(app) {
        Ok(filter) => (filter, None),
        Err(errors) => {
            let reasons: Vec<String> = errors
                .errors
                .iter()
                .map(|e| {
                    lang.t_with(
                        "filters-refused",
                        &[("field", &e.field), ("message", &lang.msg(&e.message))],
                    )
                })
                .collect();
            let message = reasons.join(" ") + " " + &lang.t("collab-list-filter-ignored");
            (CollaborationFilter::default(), Some(message))
        }
    }
}

/// The page number from the query's `pagina` (1 when absent or unreadable).
pub(crate) fn page_number(pairs: &[(String, String)]) -> Option<u32> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "pagina")
        .and_then(|(_, v)| v.trim().parse().ok())
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (pairs, unreadable) = query_pairs(ctx.lang, raw.as_deref());
    let query = PageQuery::from_pairs(&pairs);
    let (filter, error) = page_filter(&app, ctx.lang, &query);
    let error = error.or(unreadable);
    let page = page_from(page_number(&pairs));
    let found = app.list_collaborations(&filter, page, &ctx.who).await?;
    let pagination = navigation("/samenwerkingen", &query, &filter, page, &found)?;
    let export_query = serde_urlencoded::to_string(&query.params).unwrap_or_default();
    let status = status_unless(error.as_ref(), StatusCode::BAD_REQUEST);
    Ok(crate::page_cache::cacheable(render(
        status,
        &ListPage {
            layout: Layout::translated(&ctx, ctx.lang.t("collab-list-title"), "samenwerkingen"),
            filters: query
                .form(&app, ctx.lang, "/samenwerkingen", ListOrder::Name)
                .await,
            table: RowsTable::new(ctx.lang, "list-1", "collab-list-caption", found.items),
            pagination,
            error,
            export_query,
        },
    )))
}
