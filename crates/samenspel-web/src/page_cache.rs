//! The pages anonymous visitors see, kept per server process (issue 16, item 4): a handler
//! whose page, for a visitor who is not signed in, depends only on the database, the address
//! with its query, the language and the day marks its answer [`Cacheable`]; the answer is
//! kept with the database's data version ([`App::data_version`], raised by every committed
//! write in any process) and the day it was made on, and given again — with its brotli or
//! gzip copy, made once, and an `ETag`, so `If-None-Match` gets `304` — as long as both are
//! the same. So a kept page never outlives a change, whichever process made the change.
//!
//! Only a `GET` without `Authorization` and without cookies other than the CSRF and language
//! cookies is answered from here or kept (a signed-in visitor, or one with a message waiting,
//! always gets the page made for them); an answer that sets a cookie or contains the
//! request's CSRF token is never kept. When the kept pages pass [`MAX_BYTES`] they are all let
//! go.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use samenspel_app::App;

use crate::compression::{self, Coding};
use crate::i18n::{LANGUAGE_COOKIE, Lang};
use crate::session::{CSRF_COOKIE, CsrfToken, request_lang};

/// All kept pages together, their copies included, stay under this many bytes.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// A page larger than this is not kept.
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// Put in an answer's extensions by a handler whose page may be kept (see the module).
#[derive(Debug, Clone, Copy)]
pub struct Cacheable;

/// Marks `response` as one that may be kept for anonymous visitors.
pub fn cacheable(mut response: Response) -> Response {
    response.extensions_mut().insert(Cacheable);
    response
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// The path with its query, as asked.
    target: String,
    lang: Lang,
}

struct Page {
    version: i64,
    day: NaiveDate,
    /// Named in the `ETag`: the same address in the other language is another page.
    lang: Lang,
    headers: HeaderMap,
    identity: Bytes,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

/// The kept pages of one process.
#[derive(Default)]
pub struct PageCache {
    pages: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    pages: HashMap<Key, Arc<Page>>,
    bytes: usize,
}

impl PageCache {
    fn get(&self, key: &Key, version: i64, day: NaiveDate) -> Option<Arc<Page>> {
        let kept = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        kept.pages
            .get(key)
            .filter(|p| p.version == version && p.day == day)
            .cloned()
    }

    fn keep(&self, key: Key, page: Arc<Page>) {
        // The copies are made later; count them as at most as large as the page.
        let size = page.identity.len() * 3 + key.target.len();
        let mut kept = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        if kept.bytes + size > MAX_BYTES {
            kept.pages.clear();
            kept.bytes = 0;
        }
        if let Some(old) = kept.pages.insert(key.clone(), page) {
            kept.bytes = kept
                .bytes
                .saturating_sub(old.identity.len() * 3 + key.target.len());
        }
        kept.bytes += size;
    }

    /// How many pages are kept now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.pages.lock().map_or(0, |k| k.pages.len())
    }
}

/// Whether the request may be answered from the kept pages: a `GET` by a visitor who is not
/// signed in and has no cookie but the CSRF and language cookies.
fn anonymous_get(request: &Request) -> bool {
    request.method() == Method::GET
        && !request.headers().contains_key(header::AUTHORIZATION)
        && request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.split_once('=').map(|(name, _)| name.trim()))
            .all(|name| name == CSRF_COOKIE || name == LANGUAGE_COOKIE)
}

/// The middleware: the kept page when it is still true, else the handler's answer, kept when
/// it may be.
pub async fn serve(
    State((app, cache)): State<(App, Arc<PageCache>)>,
    request: Request,
    next: Next,
) -> Response {
    if !anonymous_get(&request) {
        return next.run(request).await;
    }
    let Ok(version) = app.data_version().await else {
        // The handler says what is wrong with the database.
        return next.run(request).await;
    };
    let day = app.today();
    let key = Key {
        target: request
            .uri()
            .path_and_query()
            .map_or_else(|| request.uri().path().to_owned(), |p| p.as_str().to_owned()),
        lang: request_lang(request.headers()),
    };
    let coding = compression::preferred(request.headers().get(header::ACCEPT_ENCODING));
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    if let Some(page) = cache.get(&key, version, day) {
        return page.answer(coding, if_none_match.as_ref());
    }
    let csrf = request
        .extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK
        || response.extensions().get::<Cacheable>().is_none()
        || response.headers().contains_key(header::SET_COOKIE)
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let shows_token = !csrf.is_empty() && bytes.windows(csrf.len()).any(|window| window == csrf.as_bytes());
    if shows_token || bytes.len() > MAX_PAGE_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let mut headers = parts.headers;
    for name in [header::CONTENT_LENGTH, header::ETAG, header::TRANSFER_ENCODING] {
        headers.remove(name);
    }
    let page = Arc::new(Page {
        version,
        day,
        lang: key.lang,
        headers,
        identity: bytes,
        brotli: OnceLock::new(),
        gzip: OnceLock::new(),
    });
    cache.keep(key, Arc::clone(&page));
    page.answer(coding, if_none_match.as_ref())
}

impl Page {
    fn compressible(&self) -> bool {
        self.identity.len() >= usize::from(compression::MIN_BYTES)
            && self
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(compression::is_compressible)
    }

    /// The body in `coding`, made the first time it is asked; `None` when the page is not
    /// worth compressing.
    fn body(&self, coding: Coding) -> Option<(Bytes, Coding)> {
        let copy = |cell: &OnceLock<Option<Bytes>>, make: fn(&[u8]) -> Option<Vec<u8>>| {
            cell.get_or_init(|| {
                self.compressible()
                    .then(|| make(&self.identity))
                    .flatten()
                    .map(Bytes::from)
            })
            .clone()
        };
        match coding {
            Coding::Brotli => copy(&self.brotli, compression::brotli_for_pages).map(|b| (b, coding)),
            Coding::Gzip => copy(&self.gzip, compression::gzip_for_pages).map(|b| (b, coding)),
            Coding::Identity => None,
        }
    }

    fn answer(&self, coding: Coding, if_none_match: Option<&HeaderValue>) -> Response {
        let (body, coding) = self
            .body(coding)
            .unwrap_or_else(|| (self.identity.clone(), Coding::Identity));
        let tag = format!(
            "\"p{}-{}-{}-{}\"",
            self.version,
            self.day.format("%Y%m%d"),
            self.lang.code(),
            coding.header().unwrap_or("id")
        );
        let etag = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("\"p\""));
        let unchanged = if_none_match
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
        let mut response = if unchanged {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut response = Response::new(Body::from(body));
            *response.headers_mut() = self.headers.clone();
            if let Some(value) = coding.header() {
                response
                    .headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static(value));
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, etag);
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
        );
        if !headers.contains_key(header::CACHE_CONTROL) {
            // A browser asks again each time; the ETag makes that cheap.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(cookies: &[&str], auth: bool, method: Method) -> Request {
        let mut builder = Request::builder().method(method).uri("/samenwerkingen");
        for c in cookies {
            builder = builder.header(header::COOKIE, *c);
        }
        if auth {
            builder = builder.header(header::AUTHORIZATION, "Bearer x");
        }
        builder.body(Body::empty()).unwrap_or_default()
    }

    #[test]
    fn only_an_anonymous_get_with_no_cookie_but_csrf_and_language_is_kept() {
        assert!(anonymous_get(&get(&[], false, Method::GET)));
        assert!(anonymous_get(&get(
            &["samenspel_csrf=abc; samenspel_taal=en"],
            false,
            Method::GET
        )));
        assert!(!anonymous_get(&get(&["samenspel_sessie=s"], false, Method::GET)));
        assert!(!anonymous_get(&get(
            &["samenspel_csrf=abc", "samenspel_melding=saved"],
            false,
            Method::GET
        )));
        assert!(!anonymous_get(&get(&[], true, Method::GET)));
        assert!(!anonymous_get(&get(&[], false, Method::POST)));
        assert!(!anonymous_get(&get(&[], false, Method::HEAD)));
    }

    fn page(version: i64, size: usize) -> Arc<Page> {
        Arc::new(Page {
            version,
            day: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
            lang: Lang::default(),
            headers: HeaderMap::new(),
            identity: Bytes::from(vec![b'x'; size]),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        })
    }

    fn key(target: &str) -> Key {
        Key {
            target: target.to_owned(),
            lang: Lang::default(),
        }
    }

    #[test]
    fn a_kept_page_is_given_only_at_its_version_and_day() {
        let cache = PageCache::default();
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();
        cache.keep(key("/a"), page(7, 10));
        assert!(cache.get(&key("/a"), 7, day).is_some());
        assert!(cache.get(&key("/a"), 8, day).is_none());
        assert!(
            cache
                .get(&key("/a"), 7, day.succ_opt().unwrap_or_default())
                .is_none()
        );
        assert!(cache.get(&key("/b"), 7, day).is_none());
    }

    #[test]
    fn the_kept_pages_are_let_go_when_they_pass_the_limit() {
        let cache = PageCache::default();
        let each = MAX_BYTES / 3 / 4;
        for n in 0..4 {
            cache.keep(key(&format!("/{n}")), page(1, each));
        }
        assert_eq!(cache.len(), 4);
        cache.keep(key("/5"), page(1, each));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn the_same_address_in_the_other_language_has_another_tag() {
        let dutch = page(3, 10);
        let english = Arc::new(Page {
            version: 3,
            day: dutch.day,
            lang: Lang::En,
            headers: HeaderMap::new(),
            identity: dutch.identity.clone(),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        });
        let tag = |p: &Page| {
            p.answer(Coding::Identity, None)
                .headers()
                .get(header::ETAG)
                .cloned()
        };
        assert_ne!(tag(&dutch), tag(&english));
        // A browser that asks again after switching language gets the page, not 304.
        let dutch_tag = tag(&dutch);
        assert_eq!(
            english.answer(Coding::Identity, dutch_tag.as_ref()).status(),
            StatusCode::OK
        );
    }

    #[test]
    fn an_unchanged_page_is_304_and_every_answer_names_its_version_and_coding() {
        let p = page(3, 4000);
        let first = p.answer(Coding::Identity, None);
        assert_eq!(first.status(), StatusCode::OK);
        let tag = first
            .headers()
            .get(header::ETAG)
            .cloned()
            .unwrap_or(HeaderValue::from_static(""));
        assert_eq!(tag, "\"p3-20261204-nl-id\"");
        assert_eq!(
            p.answer(Coding::Identity, Some(&tag)).status(),
            StatusCode::NOT_MODIFIED
        );
        // A page without a compressible type goes as it is, whatever is asked.
        assert_eq!(
            p.answer(Coding::Brotli, None)
                .headers()
                .get(header::CONTENT_ENCODING),
            None
        );
    }
}
