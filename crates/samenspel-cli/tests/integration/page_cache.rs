//! The pages anonymous visitors see are kept per process (issue 16, item 4) and never outlive a
//! change: not one made in the same process, not one made by another server on the same
//! database; signed-in visitors always get their own page; the kept copy answers
//! `If-None-Match` with 304 and its compressed copies are the same page.

use std::io::Read;

use reqwest::{Client, Method, StatusCode};
use serde_json::json;

use crate::helpers::Harness;
use crate::processes::Server;

async fn page(client: &Client, url: &str, headers: &[(&str, &str)]) -> (StatusCode, Option<String>, Vec<u8>) {
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let etag = response
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, etag, response.bytes().await.unwrap().to_vec())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The body of a PUT that renames collaboration `id` as it stands now.
async fn renamed(h: &Harness, id: i64, name: &str) -> serde_json::Value {
    let current = h.get_json(&format!("/api/v1/collaborations/{id}")).await;
    json!({ "version": current["version"], "name": name, "type": current["type"] })
}

async fn rename(h: &Harness, id: i64, name: &str) {
    let body = renamed(h, id, name).await;
    let (status, body) = h
        .send_json(Method::PUT, &format!("/api/v1/collaborations/{id}"), &body)
        .await;
    assert_eq!(status, StatusCode::OK, "rename: {body}");
}

#[tokio::test]
async fn a_kept_page_is_given_again_until_a_change_and_then_made_anew() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Kade Eerste Naam", &[("GM0363", "trekker")])
        .await;
    let url = h.url(&format!("/samenwerkingen/{id}"));
    let (status, first, body) = page(&h.client, &url, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let first = first.expect("a kept page has an ETag");
    assert!(text(&body).contains("Kade Eerste Naam"));
    let (_, again, _) = page(&h.client, &url, &[]).await;
    assert_eq!(
        again.as_deref(),
        Some(first.as_str()),
        "the same page, the same tag"
    );
    let (status, _, body) = page(&h.client, &url, &[("if-none-match", &first)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());

    rename(&h, id, "Kade Tweede Naam").await;
    let (status, after, body) = page(&h.client, &url, &[("if-none-match", &first)]).await;
    assert_eq!(status, StatusCode::OK, "a change makes the kept page untrue");
    assert_ne!(after.as_deref(), Some(first.as_str()));
    assert!(text(&body).contains("Kade Tweede Naam"));
    assert!(!text(&body).contains("Kade Eerste Naam"));
}

#[tokio::test]
async fn a_change_made_by_another_server_reaches_the_kept_page_of_this_one() {
    let h = Harness::start().await;
    let id = h.create_collaboration("Brug Oud", &[("GM0363", "trekker")]).await;
    let (a, b) = (Server::start(&h.app.db.url), Server::start(&h.app.db.url));
    let client = Client::new();
    let path = format!("/samenwerkingen/{id}");
    for _ in 0..2 {
        let (_, tag, body) = page(&client, &format!("{}{path}", a.base), &[]).await;
        assert!(tag.is_some());
        assert!(text(&body).contains("Brug Oud"));
    }
    let response = client
        .put(format!("{}/api/v1/collaborations/{id}", b.base))
        .bearer_auth(&h.admin)
        .json(&renamed(&h, id, "Brug Nieuw").await)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (_, _, body) = page(&client, &format!("{}{path}", a.base), &[]).await;
    assert!(
        text(&body).contains("Brug Nieuw"),
        "server a shows server b's change"
    );
    // The register's list too.
    let (_, _, list) = page(&client, &format!("{}/samenwerkingen?q=Brug", a.base), &[]).await;
    assert!(text(&list).contains("Brug Nieuw"));
}

#[tokio::test]
async fn a_signed_in_visitor_gets_their_own_page_never_the_kept_one() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Sluis Voor Iedereen", &[("GM0363", "trekker")])
        .await;
    let path = format!("/samenwerkingen/{id}");
    let (_, tag, anonymous) = page(&h.client, &h.url(&path), &[]).await;
    assert!(tag.is_some());
    assert!(!text(&anonymous).contains("action=\"/uitloggen\""));
    let browser = h.browser_as("GM0363", "redacteur").await;
    let response = browser.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get("etag").is_none(),
        "a signed-in page is not kept"
    );
    let own = response.text().await.unwrap();
    assert!(
        own.contains("action=\"/uitloggen\""),
        "the signed-in visitor's own page"
    );
    // And the kept page stays the anonymous one.
    let (_, _, again) = page(&h.client, &h.url(&path), &[]).await;
    assert!(!text(&again).contains("action=\"/uitloggen\""));
}

#[tokio::test]
async fn the_compressed_copies_are_the_same_page_and_each_language_has_its_own() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Dijk Gedeeld", &[("GM0363", "trekker")])
        .await;
    let url = h.url(&format!("/samenwerkingen/{id}"));
    let (_, _, plain) = page(&h.client, &url, &[("accept-encoding", "identity")]).await;
    let (_, br_tag, br) = page(&h.client, &url, &[("accept-encoding", "br")]).await;
    let (_, gz_tag, gz) = page(&h.client, &url, &[("accept-encoding", "gzip")]).await;
    assert_ne!(br_tag, gz_tag, "each coding has its own tag");
    let mut from_br = Vec::new();
    brotli::Decompressor::new(&br[..], 4096)
        .read_to_end(&mut from_br)
        .unwrap();
    let mut from_gz = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut from_gz)
        .unwrap();
    assert_eq!(from_br, plain);
    assert_eq!(from_gz, plain);
    let english = h.get_in_english(&format!("/samenwerkingen/{id}")).await;
    let english = english.text().await.unwrap();
    assert!(
        english.contains("lang=\"en\""),
        "the English page, not the kept Dutch one"
    );
    assert!(text(&plain).contains("lang=\"nl\""));
}

#[tokio::test]
async fn an_open_wave_is_never_kept_and_a_closed_one_is() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    let (_, open_tag, _) = page(&h.client, &h.url("/knelpuntenmonitor/demo-open"), &[]).await;
    assert_eq!(open_tag, None, "an open wave's page changes with every answer");
    let (status, closed_tag, _) = page(&h.client, &h.url("/knelpuntenmonitor/demo-rob-2020"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(closed_tag.is_some());
}

/// Many anonymous visitors at once while the collaboration changes: every answer is whole and
/// shows one of the names, and once the change is committed no answer shows the old name.
#[tokio::test]
async fn a_burst_of_visitors_during_a_change_never_sees_the_old_page_after_it() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Haven Voor", &[("GM0363", "trekker")])
        .await;
    let url = h.url(&format!("/samenwerkingen/{id}"));
    let mut burst = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (client, url) = (h.client.clone(), url.clone());
        burst.spawn(async move { page(&client, &url, &[]).await });
    }
    rename(&h, id, "Haven Na").await;
    for (status, _, body) in burst.join_all().await {
        assert_eq!(status, StatusCode::OK);
        let body = text(&body);
        assert!(body.contains("Haven Voor") || body.contains("Haven Na"));
        assert!(body.trim_end().ends_with("</html>"));
    }
    let mut after = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (client, url) = (h.client.clone(), url.clone());
        after.spawn(async move { page(&client, &url, &[]).await });
    }
    for (_, _, body) in after.join_all().await {
        assert!(text(&body).contains("Haven Na"));
    }
}
