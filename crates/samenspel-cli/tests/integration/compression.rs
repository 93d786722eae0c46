//! Page weight (issue 16, item 4): text answers are compressed with the coding the client asks
//! for (brotli or gzip) and decode to exactly what an uncompressed answer carries; a client
//! that asks for nothing gets the body as it is; downloads keep their length, name and bytes;
//! the stylesheets carry ETags and are answered 304 when unchanged; and every main page with
//! its stylesheets weighs at most 100 KB on the wire.

use std::io::Read;

use crate::helpers::Harness;
use reqwest::{Response, StatusCode};

/// The most a page with its stylesheets may weigh compressed (issue 16's target).
const PAGE_LIMIT: usize = 100 * 1024;

pub(crate) fn decode(coding: &str, bytes: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    match coding {
        "gzip" => flate2::read::GzDecoder::new(bytes).read_to_end(&mut plain),
        "br" => brotli::Decompressor::new(bytes, 4096).read_to_end(&mut plain),
        other => panic!("unexpected coding {other}"),
    }
    .unwrap();
    plain
}

async fn get(h: &Harness, path: &str, accept: Option<&str>) -> Response {
    let mut request = h.client.get(h.url(path));
    if let Some(accept) = accept {
        request = request.header("accept-encoding", accept);
    }
    request.send().await.unwrap()
}

fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

/// The answer with no `Accept-Encoding` and with each coding: the plain one is not encoded,
/// the others say their coding, vary by it, give no length or the true one, and decode to the
/// plain bytes.
/// Returns the plain body and the wire size of each coding.
async fn same_body_in_every_coding(h: &Harness, path: &str) -> (Vec<u8>, [usize; 2]) {
    let plain = get(h, path, None).await;
    assert_eq!(plain.status(), StatusCode::OK, "{path}");
    assert_eq!(header(&plain, "content-encoding"), None, "{path}");
    let disposition = header(&plain, "content-disposition").map(str::to_owned);
    let length: usize = header(&plain, "content-length").unwrap().parse().unwrap();
    let plain = plain.bytes().await.unwrap().to_vec();
    assert_eq!(plain.len(), length, "{path}");
    let mut sizes = [0; 2];
    for (i, coding) in ["gzip", "br"].into_iter().enumerate() {
        let response = get(h, path, Some(coding)).await;
        assert_eq!(response.status(), StatusCode::OK, "{path} {coding}");
        assert_eq!(header(&response, "content-encoding"), Some(coding), "{path}");
        let vary = header(&response, "vary").unwrap_or_default().to_ascii_lowercase();
        assert!(
            vary.split(',').any(|v| v.trim() == "accept-encoding"),
            "{path}: vary {vary}"
        );
        // Streamed while compressed (no length), or compressed beforehand with its true length.
        let length = header(&response, "content-length").map(|l| l.parse::<usize>().unwrap());
        assert_eq!(
            header(&response, "content-disposition").map(str::to_owned),
            disposition,
            "{path} {coding}"
        );
        assert!(header(&response, "x-request-id").is_some(), "still logged");
        let wire = response.bytes().await.unwrap();
        assert!(
            length.is_none_or(|length| length == wire.len()),
            "{path} {coding}"
        );
        assert_eq!(decode(coding, &wire), plain, "{path} {coding}");
        assert!(
            wire.len() * 2 < plain.len(),
            "{path} {coding}: {} of {}",
            wire.len(),
            plain.len()
        );
        sizes[i] = wire.len();
    }
    (plain, sizes)
}

#[tokio::test]
async fn pages_json_and_csv_are_compressed_as_asked_and_decode_to_the_same_body() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let (page, _) = same_body_in_every_coding(&h, "/samenwerkingen").await;
    // A page not kept for anonymous visitors is compressed as it streams; a kept one was
    // compressed once and says its length.
    let response = get(&h, "/signalen", Some("gzip")).await;
    assert_eq!(
        header(&response, "content-length"),
        None,
        "a page is compressed as it streams"
    );
    let kept = get(&h, "/samenwerkingen", Some("gzip")).await;
    let length: usize = header(&kept, "content-length").unwrap().parse().unwrap();
    assert_eq!(kept.bytes().await.unwrap().len(), length);
    assert!(String::from_utf8(page).unwrap().contains("<h1"));
    let (json, _) = same_body_in_every_coding(&h, "/api/v1/collaborations").await;
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(!json["items"].as_array().unwrap().is_empty(), "{json}");
    let (csv, _) = same_body_in_every_coding(&h, "/signalen.csv").await;
    assert!(
        csv.starts_with("\u{feff}".as_bytes()),
        "the CSV keeps its byte-order mark"
    );

    // The client's preference decides; brotli on a tie.
    for (accept, coding) in [
        ("gzip, deflate, br, zstd", Some("br")),
        ("br;q=0.5, gzip", Some("gzip")),
        ("deflate", None),
        ("identity", None),
        ("", None),
    ] {
        let response = get(&h, "/samenwerkingen", Some(accept)).await;
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert_eq!(header(&response, "content-encoding"), coding, "{accept}");
    }
}

#[tokio::test]
async fn nothing_is_compressed_for_a_client_that_does_not_ask_nor_a_tiny_body() {
    let h = Harness::start().await;
    for path in [
        "/",
        "/samenwerkingen",
        "/assets/css/site.css",
        "/api/v1/collaborations",
    ] {
        let response = get(&h, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "content-encoding"), None, "{path}");
        let length: usize = header(&response, "content-length").unwrap().parse().unwrap();
        assert_eq!(response.bytes().await.unwrap().len(), length, "{path}");
    }
    // Too small to be worth it: a 205-byte icon and a short problem.
    for path in ["/favicon.svg", "/api/v1/collaborations/999999"] {
        let response = get(&h, path, Some("gzip, br")).await;
        assert_eq!(header(&response, "content-encoding"), None, "{path}");
        let length: usize = header(&response, "content-length").unwrap().parse().unwrap();
        assert!(length < 1024, "{path}: {length}");
    }
}

#[tokio::test]
async fn downloads_arrive_whole_with_their_length_and_name() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let plain = get(&h, "/udo/1/toelichting.odt", None)
        .await
        .bytes()
        .await
        .unwrap();
    let response = get(&h, "/udo/1/toelichting.odt", Some("gzip, br")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/vnd.oasis.opendocument.text")
    );
    assert_eq!(
        header(&response, "content-disposition"),
        Some("attachment; filename=\"udo-1-toelichting.odt\"")
    );
    assert_eq!(
        header(&response, "content-encoding"),
        None,
        "a file is sent as it is"
    );
    let length: usize = header(&response, "content-length").unwrap().parse().unwrap();
    let bytes = response.bytes().await.unwrap();
    assert_eq!(bytes.len(), length);
    assert_eq!(bytes, plain);
    let file = samenspel_domain::attachment::Attachment::check("toelichting.odt", bytes.to_vec());
    assert_eq!(
        file.unwrap().media_type(),
        "application/vnd.oasis.opendocument.text"
    );

    // A CSV export is text: compressed, still named, the same bytes once decoded.
    let (csv, _) = same_body_in_every_coding(&h, "/samenwerkingen/1/wijzigingen.csv").await;
    assert!(String::from_utf8(csv).unwrap().contains(';'));
}

#[tokio::test]
async fn every_main_page_with_its_stylesheets_weighs_at_most_100_kb_compressed() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let list = String::from_utf8(
        get(&h, "/samenwerkingen", None)
            .await
            .bytes()
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    let collaboration = list
        .split("href=\"/samenwerkingen/")
        .filter_map(|rest| rest.split('"').next())
        .find(|id| id.parse::<i64>().is_ok())
        .unwrap()
        .to_owned();
    for path in [
        "/".to_owned(),
        "/samenwerkingen".to_owned(),
        format!("/samenwerkingen/{collaboration}"),
        "/organisaties/GM0363".to_owned(),
        "/regio".to_owned(),
        "/udo/1".to_owned(),
    ] {
        let (html, [gzip, br]) = same_body_in_every_coding(&h, &path).await;
        let html = String::from_utf8(html).unwrap();
        let sheets: Vec<&str> = html
            .split("<link rel=\"stylesheet\" href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(sheets.len(), 3, "{path} links the three stylesheets");
        let (mut plain_total, mut totals) = (html.len(), [gzip, br]);
        for sheet in sheets {
            let (css, [gzip, br]) = same_body_in_every_coding(&h, sheet).await;
            plain_total += css.len();
            totals[0] += gzip;
            totals[1] += br;
        }
        assert!(
            plain_total > 400 * 1024,
            "{path}: the CSS alone is {plain_total} bytes"
        );
        for (coding, total) in ["gzip", "br"].into_iter().zip(totals) {
            assert!(
                total <= PAGE_LIMIT,
                "{path} with its stylesheets weighs {total} bytes as {coding}"
            );
        }
    }
}

#[tokio::test]
async fn stylesheets_carry_an_etag_per_coding_and_are_answered_304_when_unchanged() {
    let h = Harness::start().await;
    let page = String::from_utf8(get(&h, "/", None).await.bytes().await.unwrap().to_vec()).unwrap();
    let href = page
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/assets/css/site.css?v="))
        .unwrap()
        .to_owned();
    assert!(page.contains("href=\"/favicon.svg?v="), "{page}");

    let response = get(&h, &href, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(
        header(&response, "cache-control"),
        Some("public, max-age=31536000, immutable"),
        "the versioned address never changes"
    );
    let etag = header(&response, "etag").unwrap().to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "a strong tag: {etag}"
    );
    let css = response.bytes().await.unwrap();

    let unchanged = h
        .client
        .get(h.url(&href))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&unchanged, "etag"), Some(etag.as_str()));
    assert!(unchanged.bytes().await.unwrap().is_empty());

    // Each coding is a representation of its own, with its own tag.
    let mut tags = vec![etag.clone()];
    for coding in ["gzip", "br"] {
        let response = h
            .client
            .get(h.url(&href))
            .header("accept-encoding", coding)
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{coding}");
        assert_eq!(header(&response, "content-encoding"), Some(coding));
        let tag = header(&response, "etag").unwrap().to_owned();
        assert!(!tags.contains(&tag), "{tag}");
        tags.push(tag.clone());
        assert_eq!(decode(coding, &response.bytes().await.unwrap()), css);
        let again = h
            .client
            .get(h.url(&href))
            .header("accept-encoding", coding)
            .header("if-none-match", format!("\"other\", {tag}"))
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{coding}");
        assert_eq!(header(&again, "vary"), Some("accept-encoding"));
    }

    // Any other address of the file is kept but revalidated, so an upgrade shows at once.
    for path in [
        "/assets/css/site.css",
        "/assets/css/site.css?v=0123456789",
        "/favicon.ico",
    ] {
        let response = get(&h, path, None).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header(&response, "cache-control"),
            Some("public, no-cache"),
            "{path}"
        );
        let tag = header(&response, "etag").unwrap().to_owned();
        let again = h
            .client
            .get(h.url(path))
            .header("if-none-match", &tag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
    }
    assert_eq!(
        get(&h, "/assets/css/bestaat-niet.css", None).await.status(),
        StatusCode::NOT_FOUND
    );
}
