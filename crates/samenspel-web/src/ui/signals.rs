//! "Signalen": what needs attention across all collaborations (issue 13, point 5) — how many
//! collaborations have each signal, and the collaborations with at least one, most signals
//! first; filtered as the collaboration list is (ministry and other organisations, region,
//! type, signal). Printable, and exported as CSV and JSON: `/signalen.csv`, `/signalen.json`;
//! the same exports serve the collaboration list (`/samenwerkingen/lijst.csv`, `.json`).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;
use samenspel_domain::signals::SignalKind;
use samenspel_store::{CollaborationFilter, CollaborationSummary, ListOrder, SignalFilter};

use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::collaborations::filters::{FilterForm, PageQuery, signal_texts};
use crate::ui::collaborations::list::{ListRow, page_filter, page_number, query_pairs};
use crate::ui::{Layout, Pagination, csv_line, csv_response, page_from, render, status_unless};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/signalen", get(page))
        .route("/signalen.csv", get(signals_csv))
        .route("/signalen.json", get(signals_json))
        .route("/samenwerkingen/lijst.csv", get(list_csv))
        .route("/samenwerkingen/lijst.json", get(list_json))
}

#[derive(Template)]
#[template(path = "signals.html")]
pub struct SignalsPage {
    pub layout: Layout,
    pub filters: FilterForm,
    pub counts: Vec<SignalCount>,
    pub rows: Vec<ListRow>,
    pub pagination: Pagination,
    pub error: Option<String>,
    pub export_query: String,
}

/// One signal with how many of the found collaborations have it.
pub struct SignalCount {
    pub label: String,
    pub count: u64,
    /// The signals page with only this signal (and the other filters kept).
    pub href: String,
}

/// The signals page's filter: the list's, with "any signal" when no signal is chosen.
fn signals_filter(mut filter: CollaborationFilter, query: &PageQuery) -> CollaborationFilter {
    if filter.signals == SignalFilter::None {
        filter.signals = SignalFilter::Any;
    }
    if query.text.sort.is_none() {
        filter.order = ListOrder::Signals;
    }
    filter
}

fn signal_counts(lang: Lang, counts: &[(SignalKind, u64)], query: &PageQuery) -> Vec<SignalCount> {
    counts
        .iter()
        .map(|(kind, count)| {
            let mut params: Vec<(&str, String)> = query
                .params
                .iter()
                .filter(|(k, _)| *k != "signaal")
                .cloned()
                .collect();
            params.push(("signaal", kind.key().to_owned()));
            SignalCount {
                label: lang.t(kind.message_id()),
                count: *count,
                href: format!(
                    "/signalen?{}",
                    serde_urlencoded::to_string(&params).unwrap_or_default()
                ),
            }
        })
        .collect()
}

pub async fn page(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (pairs, unreadable) = query_pairs(ctx.lang, raw.as_deref());
    let query = PageQuery::from_pairs(&pairs);
    let (filter, error) = page_filter(&app, ctx.lang, &query);
    let filter = signals_filter(filter, &query);
    let error = error.or(unreadable);
    let page = page_from(page_number(&pairs));
    let counts = app.signal_counts(&filter, &ctx.who).await?;
    let found = app.list_collaborations(&filter, page, &ctx.who).await?;
    let mut pagination = Pagination::new("/signalen", &query.params, page, found.items.len(), found.total)?;
    if filter.order == ListOrder::Name
        && let (Some(next), Some(last)) = (pagination.next.as_mut(), found.items.last())
    {
        next.push_str(&format!("&na={}", last.id));
    }
    let status = status_unless(error.as_ref(), StatusCode::BAD_REQUEST);
    Ok(render(
        status,
        &SignalsPage {
            layout: Layout::translated(&ctx, ctx.lang.t("signals-title"), "signalen"),
            filters: query.form(&app, ctx.lang, "/signalen", ListOrder::Signals).await,
            counts: signal_counts(ctx.lang, &counts, &query),
            rows: found
                .items
                .into_iter()
                .map(|c| ListRow::new(ctx.lang, c))
                .collect(),
            pagination,
            error,
            export_query: serde_urlencoded::to_string(&query.params).unwrap_or_default(),
        },
    ))
}

/// Every collaboration the page's query finds, or why the query is wrong (400).
async fn exported(
    app: &App,
    ctx: &PageContext,
    raw: Option<&str>,
    signals_page: bool,
) -> Result<Vec<CollaborationSummary>, Response> {
    let (pairs, unreadable) = query_pairs(ctx.lang, raw);
    let query = PageQuery::from_pairs(&pairs);
    let (filter, error) = page_filter(app, ctx.lang, &query);
    if let Some(message) = error.or(unreadable) {
        return Err((StatusCode::BAD_REQUEST, message).into_response());
    }
    let filter = if signals_page {
        signals_filter(filter, &query)
    } else {
        filter
    };
    app.list_all_collaborations(&filter, &ctx.who)
        .await
        .map_err(|e| crate::error::PageError::from(e).into_response())
}

fn csv_of(lang: Lang, items: &[CollaborationSummary]) -> String {
    let mut csv = format!("{}\r\n", lang.t("export-list-columns"));
    for c in items {
        let cells = [
            c.id.to_string(),
            c.name.clone(),
            c.kind.key().to_owned(),
            lang.t(c.kind.message_id()),
            c.region.clone().unwrap_or_default(),
            c.partner_count.to_string(),
            c.start_date.map(|d| d.to_string()).unwrap_or_default(),
            c.end_date.map(|d| d.to_string()).unwrap_or_default(),
            c.signals
                .iter()
                .map(|s| s.kind.key())
                .collect::<Vec<_>>()
                .join("|"),
            signal_texts(lang, &c.signals).join(" | "),
        ];
        csv.push_str(&csv_line(&cells));
    }
    csv
}

fn json_of(items: &[CollaborationSummary], filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [(axum::http::header::CONTENT_DISPOSITION, disposition)],
        axum::Json(items),
    )
        .into_response()
}

async fn signals_csv(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
    match exported(&app, &ctx, raw.as_deref(), true).await {
        Ok(items) => csv_response("signalen.csv", csv_of(ctx.lang, &items)),
        Err(refusal) => refusal,
    }
}

async fn signals_json(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
    match exported(&app, &ctx, raw.as_deref(), true).await {
        Ok(items) => json_of(&items, "signalen.json"),
        Err(refusal) => refusal,
    }
}

async fn list_csv(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
    match exported(&app, &ctx, raw.as_deref(), false).await {
        Ok(items) => csv_response("samenwerkingen.csv", csv_of(ctx.lang, &items)),
        Err(refusal) => refusal,
    }
}

async fn list_json(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> Response {
    match exported(&app, &ctx, raw.as_deref(), false).await {
        Ok(items) => json_of(&items, "samenwerkingen.json"),
        Err(refusal) => refusal,
    }
}
