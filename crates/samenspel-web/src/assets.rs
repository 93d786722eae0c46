//! Static assets built into the binary, so the app needs no files at run time.
//!
//! Each asset gets, at first use, a strong `ETag` from the SHA-256 of its content, and (when it
//! is text of at least [`compression::MIN_BYTES`]) a brotli and a gzip copy, each with an
//! `ETag` of its own. A request names what it has with `If-None-Match` and is answered 304
//! without a body when that is still current. Pages link the stylesheets by an address that
//! carries the content's version ([`href`], `?v=…`): such an address is cached for a year,
//! since an upgrade that changes the file changes the address; any other is cached but
//! revalidated on every use (`no-cache`), so a browser never keeps an old file after an upgrade.

use std::sync::OnceLock;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;
use sha2::{Digest, Sha256};

use crate::compression::{self, Coding};

struct Asset {
    path: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: [Asset; 5] = [
    Asset {
        path: "/assets/css/utrecht-components.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../../assets/css/utrecht-components.css"),
    },
    Asset {
        path: "/assets/css/theme.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../../assets/css/theme.css"),
    },
    Asset {
        path: "/assets/css/site.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../../assets/css/site.css"),
    },
    // The site's icon: a PNG in an ICO container for `/favicon.ico`, which browsers ask for on
    // every site, and the same picture as SVG for those that take it.
    Asset {
        path: "/favicon.ico",
        content_type: "image/x-icon",
        bytes: include_bytes!("../../../assets/favicon.ico"),
    },
    Asset {
        path: "/favicon.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../../../assets/favicon.svg"),
    },
];

/// Cache-Control for an address with the current version: it never changes.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control for any other address: keep it, but ask (cheaply, with the ETag) before use.
const REVALIDATE: &str = "public, no-cache";

/// The characters of the SHA-256 (hex) that make an asset's version and ETag.
const VERSION_CHARS: usize = 20;

/// One coding of an asset: its body and ETag.
struct Variant {
    body: Bytes,
    etag: HeaderValue,
}

/// Everything served for an asset, worked out once.
struct Prepared {
    version: String,
    identity: Variant,
    gzip: Option<Variant>,
    brotli: Option<Variant>,
}

static PREPARED: [OnceLock<Prepared>; ASSETS.len()] = [const { OnceLock::new() }; ASSETS.len()];

pub fn routes() -> Router<App> {
    Router::new()
        .route(
            "/assets/css/{name}",
            get(
                async |Path(name): Path<String>, query: RawQuery, headers: HeaderMap| {
                    serve(&format!("/assets/css/{name}"), query, &headers)
                },
            ),
        )
        .route(
            "/favicon.ico",
            get(async |query: RawQuery, headers: HeaderMap| serve("/favicon.ico", query, &headers)),
        )
        .route(
            "/favicon.svg",
            get(async |query: RawQuery, headers: HeaderMap| serve("/favicon.svg", query, &headers)),
        )
}

/// Works out every asset's copies in a thread of its own, once per process, so that the first
/// visitor does not wait for the compression (about a second for the component CSS at the best
/// brotli quality; requests that come earlier wait for the same work instead of repeating it).
pub fn prepare_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let started = std::thread::Builder::new().name("assets".to_owned()).spawn(|| {
            for asset in &ASSETS {
                find(asset.path);
            }
        });
        if let Err(error) = started {
            tracing::warn!(%error, "assets are compressed at their first request instead");
        }
    });
}

/// The address by which a page links the asset at `path`: with `?v=` and its content's
/// version, so that it can be cached for good. A path that is not an asset is returned as it is.
pub fn href(path: &str) -> String {
    match find(path) {
        Some((_, prepared)) => format!("{path}?v={}", prepared.version),
        None => path.to_owned(),
    }
}

/// The asset at `path` and what is served for it (worked out on the first call).
fn find(path: &str) -> Option<(&'static Asset, &'static Prepared)> {
    let index = ASSETS.iter().position(|asset| asset.path == path)?;
    let asset = &ASSETS[index];
    Some((asset, PREPARED[index].get_or_init(|| prepare(asset))))
}

fn prepare(asset: &Asset) -> Prepared {
    let hash: String = Sha256::digest(asset.bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let version = hash[..VERSION_CHARS].to_owned();
    let variant = |body: Vec<u8>, suffix: &str| {
        HeaderValue::from_str(&format!("\"{version}{suffix}\""))
            .ok()
            .map(|etag| Variant {
                body: Bytes::from(body),
                etag,
            })
    };
    let compress = compression::is_compressible(asset.content_type)
        && asset.bytes.len() >= usize::from(compression::MIN_BYTES);
    let gzip = compress
        .then(|| compression::gzip(asset.bytes, 9))
        .flatten()
        .and_then(|body| variant(body, "-gzip"));
    let brotli = compress
        .then(|| compression::brotli(asset.bytes, 11))
        .flatten()
        .and_then(|body| variant(body, "-br"));
    let identity = Variant {
        body: Bytes::from_static(asset.bytes),
        etag: HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"-\"")),
    };
    Prepared {
        version,
        identity,
        gzip,
        brotli,
    }
}

fn serve(path: &str, RawQuery(query): RawQuery, headers: &HeaderMap) -> Response {
    let Some((Asset { content_type, .. }, asset)) = find(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let compressed = asset.gzip.is_some() || asset.brotli.is_some();
    let (variant, coding) = match compression::preferred(headers.get(header::ACCEPT_ENCODING)) {
        Coding::Brotli if asset.brotli.is_some() => (asset.brotli.as_ref(), Coding::Brotli),
        Coding::Gzip if asset.gzip.is_some() => (asset.gzip.as_ref(), Coding::Gzip),
        _ => (None, Coding::Identity),
    };
    let variant = variant.unwrap_or(&asset.identity);
    let current = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p.strip_prefix("v=") == Some(&asset.version)));
    let mut response = if matches(headers.get(header::IF_NONE_MATCH), &variant.etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = variant.body.clone().into_response();
        let out = response.headers_mut();
        out.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Some(encoding) = coding.header() {
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    };
    let out = response.headers_mut();
    out.insert(header::ETAG, variant.etag.clone());
    let cache = if current { IMMUTABLE } else { REVALIDATE };
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if compressed {
        out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// Whether `If-None-Match` names `etag` (or is `*`); compared weakly, as the header requires.
fn matches(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let Some(given) = if_none_match.and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let etag = etag.to_str().unwrap_or_default();
    given
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_coding_has_its_own_etag_and_decodes_to_the_file() {
        use std::io::Read;
        let css = find("/assets/css/site.css").unwrap().1;
        let gzip = css.gzip.as_ref().unwrap();
        let brotli = css.brotli.as_ref().unwrap();
        let etags = [&css.identity.etag, &gzip.etag, &brotli.etag];
        assert_eq!(etags.iter().collect::<std::collections::HashSet<_>>().len(), 3);
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gzip.body[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, css.identity.body);
        let mut plain = Vec::new();
        brotli::Decompressor::new(&brotli.body[..], 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, css.identity.body);
        assert!(brotli.body.len() * 4 < css.identity.body.len());
        let icon = find("/favicon.ico").unwrap().1;
        assert!(
            icon.gzip.is_none() && icon.brotli.is_none(),
            "an image is not compressed"
        );
        assert!(
            find("/favicon.svg").unwrap().1.gzip.is_none(),
            "too small to compress"
        );
    }

    #[test]
    fn if_none_match_is_compared_weakly_and_accepts_lists_and_a_star() {
        let etag = HeaderValue::from_static("\"abc\"");
        let given = |value: &'static str| matches(Some(&HeaderValue::from_static(value)), &etag);
        assert!(given("\"abc\""));
        assert!(given("W/\"abc\""));
        assert!(given("\"x\", \"abc\""));
        assert!(given("*"));
        assert!(!given("\"abd\""));
        assert!(!given("abc"));
        assert!(!matches(None, &etag));
    }

    #[test]
    fn pages_link_an_asset_by_its_version() {
        let href = href("/assets/css/site.css");
        assert_eq!(href.len(), "/assets/css/site.css?v=".len() + VERSION_CHARS);
        assert_eq!(super::href("/elders.css"), "/elders.css");
    }
}
