//! Compressed responses: text (HTML, CSS, JSON, CSV, SVG, JavaScript) is sent as brotli or
//! gzip when the client's `Accept-Encoding` asks for it, and as it is otherwise. Files that are
//! compressed already (ODT, PDF, images) and bodies under [`MIN_BYTES`] are sent as they are,
//! and so is every response with an `ETag`: the tag names those very bytes (a stored
//! document's SHA-256), which compressing would make untrue. A compressed response loses its
//! `Content-Length` (the body is streamed) and says `Vary: Accept-Encoding`.
//!
//! The static assets choose their coding themselves ([`preferred`]) from copies compressed
//! once, each with its own `ETag`.

use axum::http::{HeaderMap, HeaderValue, header};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Bodies smaller than this are not worth compressing (the framing costs about as much as it
/// saves). Streamed bodies, whose size is unknown, are compressed.
pub const MIN_BYTES: u16 = 1024;

/// The media types worth compressing: text, by the part before any `;`.
const COMPRESSIBLE: &[&str] = &[
    "text/html",
    "text/css",
    "text/csv",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
];

/// The layer: brotli (quality 4) or gzip (level 6), whichever the client prefers, for
/// compressible responses of at least [`MIN_BYTES`].
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .quality(CompressionLevel::Default)
        .compress_when(SizeAbove::new(u64::from(MIN_BYTES)).and(compressible))
}

fn compressible(
    _status: axum::http::StatusCode,
    _version: axum::http::Version,
    headers: &HeaderMap,
    _extensions: &axum::http::Extensions,
) -> bool {
    !headers.contains_key(header::ETAG)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(is_compressible)
}

/// Whether a body of this `Content-Type` is text worth compressing.
pub fn is_compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    COMPRESSIBLE.contains(&essence.as_str())
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// A content coding the static assets are kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The `Content-Encoding` value, `None` for the body as it is.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Self::Brotli => Some("br"),
            Self::Gzip => Some("gzip"),
            Self::Identity => None,
        }
    }
}

/// `bytes` as gzip at `level` (0–9).
pub fn gzip(bytes: &[u8], level: u32) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// `bytes` as brotli at `quality` (0–11).
pub fn brotli(bytes: &[u8], quality: i32) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).ok()?;
    Some(out)
}

/// A kept page's gzip copy (made once per page and data version: a middle level).
pub fn gzip_for_pages(bytes: &[u8]) -> Option<Vec<u8>> {
    gzip(bytes, 6)
}

/// A kept page's brotli copy (made once per page and data version: a middle quality).
pub fn brotli_for_pages(bytes: &[u8]) -> Option<Vec<u8>> {
    brotli(bytes, 6)
}

/// The coding to send given the request's `Accept-Encoding`: the one with the highest
/// `q` among brotli and gzip (brotli on a tie; `*` stands for either when it is not named),
/// the body as it is when neither is acceptable or the header is missing or unreadable.
pub fn preferred(accept: Option<&HeaderValue>) -> Coding {
    let Some(accept) = accept.and_then(|value| value.to_str().ok()) else {
        return Coding::Identity;
    };
    let (mut br, mut gzip, mut any) = (None, None, None);
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let Some(q) = quality(parts) else { continue };
        match name.as_str() {
            "br" => br = Some(q),
            "gzip" | "x-gzip" => gzip = Some(q),
            "*" => any = Some(q),
            _ => {}
        }
    }
    let br = br.or(any).unwrap_or(0.0);
    let gzip = gzip.or(any).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Coding::Brotli
    } else if gzip > 0.0 {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// The `q` of one element (1 when absent); `None` when it is not a number from 0 to 1.
fn quality<'a>(params: impl Iterator<Item = &'a str>) -> Option<f32> {
    let mut q = 1.0;
    for param in params {
        if let Some((key, value)) = param.split_once('=')
            && key.trim().eq_ignore_ascii_case("q")
        {
            q = value
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|q| (0.0..=1.0).contains(q))?;
        }
    }
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: &str) -> Coding {
        preferred(Some(
            &HeaderValue::from_str(accept).unwrap_or(HeaderValue::from_static("")),
        ))
    }

    #[test]
    fn the_coding_follows_the_clients_preference() {
        assert_eq!(preferred(None), Coding::Identity);
        assert_eq!(pick(""), Coding::Identity);
        assert_eq!(pick("identity"), Coding::Identity);
        assert_eq!(pick("deflate"), Coding::Identity);
        assert_eq!(pick("gzip"), Coding::Gzip);
        assert_eq!(pick("GZIP"), Coding::Gzip);
        assert_eq!(pick("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(pick("br;q=0.5, gzip"), Coding::Gzip);
        assert_eq!(pick("br;q=0, gzip;q=0.1"), Coding::Gzip);
        assert_eq!(pick("br;q=0, gzip;q=0"), Coding::Identity);
        assert_eq!(pick("*"), Coding::Brotli);
        assert_eq!(pick("*;q=0.5, br;q=0"), Coding::Gzip);
        assert_eq!(pick("br;q=2, gzip"), Coding::Gzip, "an impossible q is ignored");
        assert_eq!(pick("br;q=abc"), Coding::Identity);
    }

    #[test]
    fn only_text_is_compressed() {
        for yes in [
            "text/html; charset=utf-8",
            "text/css",
            "TEXT/CSV; charset=utf-8",
            "application/json",
            "application/problem+json",
            "image/svg+xml",
            "text/javascript",
        ] {
            assert!(is_compressible(yes), "{yes}");
        }
        for no in [
            "application/vnd.oasis.opendocument.text",
            "application/pdf",
            "image/png",
            "image/x-icon",
            "application/octet-stream",
            "application/zip",
            "",
        ] {
            assert!(!is_compressible(no), "{no}");
        }
    }
}
