//! The pages a Dutch government website must have (issue 12): about, accessibility, privacy
//! and contact answer in Dutch and in English, every page's footer links them, the favicon is
//! there, and the language switch remembers the choice and comes back to the same page.

use reqwest::StatusCode;

use crate::helpers::Harness;

const PAGES: [(&str, &str, &str); 4] = [
    ("/over", "Over Samenspel", "About Samenspel"),
    (
        "/toegankelijkheid",
        "Toegankelijkheidsverklaring",
        "Accessibility statement",
    ),
    ("/privacy", "Privacyverklaring", "Privacy statement"),
    ("/contact", "Contact", "Contact"),
];

async fn page(h: &Harness, path: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
    let mut request = h.client.get(h.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_required_pages_answer_in_both_languages() {
    let h = Harness::start().await;
    for (path, dutch, english) in PAGES {
        let (status, body) = page(&h, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            body.contains("<html lang=\"nl\">") && body.contains(&format!(">{dutch}</h1>")),
            "{path}: {body}"
        );
        for headers in [
            [("cookie", "samenspel_taal=en")],
            [("accept-language", "en-GB,en;q=0.9,nl;q=0.5")],
        ] {
            let (status, body) = page(&h, path, &headers).await;
            assert_eq!(status, StatusCode::OK, "{path} {headers:?}");
            assert!(body.contains("<html lang=\"en\">"), "{path} {headers:?}");
            assert!(
                body.contains(&format!(">{english}</h1>")),
                "{path} {headers:?}: {body}"
            );
        }
    }
    // An explicit choice wins over the browser's preference.
    let (_, body) = page(
        &h,
        "/privacy",
        &[("cookie", "samenspel_taal=nl"), ("accept-language", "en")],
    )
    .await;
    assert!(body.contains(">Privacyverklaring</h1>"));
    // "API" in the menu opens a readable page built from the OpenAPI document.
    let (_, home) = page(&h, "/", &[]).await;
    assert!(home.contains("<a href=\"/api-documentatie\">API</a>"), "{home}");
    for (headers, heading) in [
        (vec![], ">API-documentatie</h1>"),
        (vec![("cookie", "samenspel_taal=en")], ">API documentation</h1>"),
    ] {
        let (status, body) = page(&h, "/api-documentatie", &headers).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body.contains(heading) && body.contains("id=\"updateCollaboration\""),
            "{body}"
        );
        assert!(
            body.contains("href=\"/api/openapi.json\"") && !body.contains("<script"),
            "{body}"
        );
    }
    // The installation's own facts.
    let (_, body) = page(&h, "/contact", &[]).await;
    assert!(
        body.contains("SAMENSPEL_CONTACT"),
        "says that no contact address is set: {body}"
    );
}

#[tokio::test]
async fn every_page_links_them_in_its_footer_and_has_a_favicon() {
    let h = Harness::start().await;
    let id = h.create_collaboration("Woondeal", &[("GM0344", "trekker")]).await;
    for path in [
        "/",
        "/samenwerkingen",
        &format!("/samenwerkingen/{id}"),
        "/organisaties/GM0344",
        "/privacy",
        "/bestaat-niet",
    ] {
        let (_, body) = page(&h, path, &[]).await;
        let footer = body.split("<footer").nth(1).unwrap_or_default();
        for (link, _, _) in PAGES {
            assert!(
                footer.contains(&format!("href=\"{link}\"")),
                "{path} links {link} in its footer"
            );
        }
        assert!(body.contains("rel=\"icon\" href=\"/favicon.ico\""), "{path}");
    }
    for (path, kind) in [
        ("/favicon.ico", "image/x-icon"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        let response = h.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["content-type"], kind);
    }
}

#[tokio::test]
async fn the_switch_remembers_the_choice_and_returns_to_the_page() {
    let h = Harness::start().await;
    let browser = h.browser().await;
    let response = browser.get("/taal/en?terug=/privacy").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/privacy");
    let body = browser.get("/privacy").await.text().await.unwrap();
    assert!(body.contains(">Privacy statement</h1>"), "remembered in a cookie");
    // Every other page follows, and offers the way back to Dutch.
    let body = browser.get("/regio").await.text().await.unwrap();
    assert!(body.contains("<html lang=\"en\">"), "{body}");
    assert!(body.contains("href=\"/taal/nl?terug=%2Fregio\""), "{body}");
    // Never sends a visitor to another site; an unknown language is no page.
    for back in ["//evil.example/", "https://evil.example/"] {
        let response = browser.get(&format!("/taal/nl?terug={back}")).await;
        assert_eq!(response.headers()["location"], "/", "{back}");
    }
    assert_eq!(browser.get("/taal/fr").await.status(), StatusCode::NOT_FOUND);
}
