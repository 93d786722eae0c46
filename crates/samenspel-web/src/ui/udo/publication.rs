//! Publication of UDO dossiers (issue 14, item 9): the public list of the dossiers that have
//! gone into consultation (`/udo/openbaar`) with its Atom feed (`/udo/openbaar.atom`, RFC
//! 4287), and each dossier's documents with their Woo information category (module
//! `documents`, the upload form at `/udo/{id}/documenten`). Drafts never appear here.

pub mod documents;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::NaiveDate;
use samenspel_app::App;
use samenspel_app::udo_documents::UdoPublication;

use super::{org_name, state_label};
use crate::api::udo_documents::UPLOAD_LIMIT;
use crate::charts::escape;
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::{Layout, render};

/// The public list and its feed.
pub const LIST_PATH: &str = "/udo/openbaar";
pub const FEED_PATH: &str = "/udo/openbaar.atom";

/// The most entries the feed carries (the most recently published).
const FEED_ENTRIES: usize = 50;

pub fn routes() -> Router<App> {
    Router::new()
        .route(LIST_PATH, get(list))
        .route(FEED_PATH, get(feed))
        .route(
            "/udo/{id}/documenten",
            get(documents::form)
                .post(documents::submit)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
}

/// Whether a form at this path uploads a file (the CSRF check reads a larger body there).
pub fn takes_files(path: &str) -> bool {
    path.strip_prefix("/udo/")
        .and_then(|rest| rest.strip_suffix("/documenten"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

pub struct PublishedRow {
    pub id: i64,
    pub title: String,
    pub ministry: String,
    pub state: String,
    pub published_on: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "udo/published.html")]
pub struct PublishedPage {
    pub layout: Layout,
    pub rows: Vec<PublishedRow>,
    pub feed: &'static str,
}

async fn list(State(app): State<App>, ctx: PageContext) -> PageResult {
    let lang = ctx.lang;
    let mut rows = Vec::new();
    for p in app.udo_publications().await? {
        rows.push(PublishedRow {
            ministry: org_name(&app, &p.ministry).await,
            state: state_label(lang, p.state),
            published_on: p.published_on.format("%d-%m-%Y").to_string(),
            id: p.id,
            title: p.title,
            demo: p.demo,
        });
    }
    Ok(render(
        StatusCode::OK,
        &PublishedPage {
            layout: Layout::translated(&ctx, lang.t("udo-published-title"), "udo"),
            rows,
            feed: FEED_PATH,
        },
    ))
}

/// The site's own address as the request reached it (scheme from whether cookies are
/// marked secure, i.e. the site is served over https), for the feed's absolute ids and links.
fn origin(headers: &HeaderMap, https: bool) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
        })
        .unwrap_or("localhost");
    format!("{}://{host}", if https { "https" } else { "http" })
}

/// One entry of the feed, its text ready to escape.
pub struct FeedEntry {
    pub id: i64,
    pub title: String,
    pub published_on: NaiveDate,
    pub summary: String,
    pub author: String,
}

async fn feed(State(app): State<App>, ctx: PageContext, headers: HeaderMap) -> PageResult {
    let lang = ctx.lang;
    let mut entries = Vec::new();
    for p in app.udo_publications().await?.into_iter().take(FEED_ENTRIES) {
        entries.push(entry(&app, lang, p).await?);
    }
    let xml = atom(
        lang,
        &origin(&headers, ctx.config.secure_cookies),
        &entries,
        app.today(),
    );
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

async fn entry(app: &App, lang: Lang, p: UdoPublication) -> Result<FeedEntry, samenspel_app::AppError> {
    let ministry = org_name(app, &p.ministry).await;
    let view = app
        .udo_dossier(p.id, &samenspel_app::Principal::Anonymous)
        .await?;
    let state = state_label(lang, p.state);
    let summary = lang.t_with(
        "udo-published-entry",
        &[
            ("ministry", ministry.as_str()),
            ("state", state.as_str()),
            ("summary", view.content.summary.trim()),
        ],
    );
    Ok(FeedEntry {
        id: p.id,
        title: p.title,
        published_on: p.published_on,
        summary,
        author: ministry,
    })
}

fn timestamp(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

/// The Atom 1.0 document (RFC 4287): the feed's id, title, updated (the latest publication,
/// else `today`), its links, and per dossier an entry with id, title, updated, link, author
/// (the ministry) and summary.
pub fn atom(lang: Lang, origin: &str, entries: &[FeedEntry], today: NaiveDate) -> String {
    let updated = entries.iter().map(|e| e.published_on).max().unwrap_or(today);
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    xml.push_str(&format!("<id>{}</id>\n", escape(&format!("{origin}{LIST_PATH}"))));
    xml.push_str(&format!(
        "<title>{}</title>\n",
        escape(&lang.t("udo-published-title"))
    ));
    xml.push_str(&format!(
        "<subtitle>{}</subtitle>\n",
        escape(&lang.t("udo-published-feed-subtitle"))
    ));
    xml.push_str(&format!("<updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{origin}{FEED_PATH}"))
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&format!("{origin}{LIST_PATH}"))
    ));
    xml.push_str("<author><name>Samenspel</name></author>\n");
    for e in entries {
        let href = format!("{origin}/udo/{}", e.id);
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<id>{}</id>\n", escape(&href)));
        xml.push_str(&format!("<title>{}</title>\n", escape(&e.title)));
        xml.push_str(&format!("<updated>{}</updated>\n", timestamp(e.published_on)));
        xml.push_str(&format!("<published>{}</published>\n", timestamp(e.published_on)));
        xml.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&href)
        ));
        xml.push_str(&format!("<author><name>{}</name></author>\n", escape(&e.author)));
        xml.push_str(&format!("<summary>{}</summary>\n", escape(&e.summary)));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("<a href=\"x\">A & B's</a>\u{1}"),
            "&lt;a href&#61;&quot;x&quot;&gt;A &amp; B&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn the_feed_has_the_elements_atom_requires() {
        let day = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
        let entries = [FeedEntry {
            id: 7,
            title: "Wet <nieuw> & beter".into(),
            published_on: day,
            summary: "Samenvatting".into(),
            author: "Ministerie van VWS".into(),
        }];
        let xml = atom(Lang::Nl, "https://example.nl", &entries, day);
        for needed in [
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">",
            "<id>https://example.nl/udo/openbaar</id>",
            "<updated>2026-04-01T00:00:00Z</updated>",
            "<entry>\n<id>https://example.nl/udo/7</id>\n<title>Wet &lt;nieuw&gt; &amp; beter</title>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://example.nl/udo/7\"/>",
            "<summary>Samenvatting</summary>",
        ] {
            assert!(xml.contains(needed), "{needed} in {xml}");
        }
        let empty = atom(Lang::En, "http://localhost", &[], day);
        assert!(empty.contains("<updated>2026-04-01T00:00:00Z</updated>"));
        assert!(!empty.contains("<entry>"));
    }

    #[test]
    fn only_a_dossiers_documents_path_takes_files() {
        assert!(takes_files("/udo/12/documenten"));
        assert!(!takes_files("/udo//documenten"));
        assert!(!takes_files("/udo/12/bewerken"));
        assert!(!takes_files("/udo/x/documenten"));
    }
}
