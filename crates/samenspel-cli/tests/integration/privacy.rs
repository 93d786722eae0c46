//! Personal data (issue 12): after signed-in people state, record and change things, an
//! anonymous visitor crawling every page and API response it can reach finds organisations,
//! never an e-mail address or an account's name. A member of a partner organisation sees the
//! person's name but not the address; a beheerder sees both.

use std::collections::{BTreeSet, VecDeque};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, scores};

/// Every account the test makes is `{role}.{org}@test.nl`, named "{role} van {ORG}".
fn leaks(body: &str) -> Vec<String> {
    let mut found = Vec::new();
    if body.contains("@test.nl") {
        found.push("an e-mail address".to_owned());
    }
    for name in [
        "redacteur van PV26",
        "redacteur van GM0344",
        "beheerder van MNRE1034",
    ] {
        if body.contains(name) {
            found.push(format!("the account name {name:?}"));
        }
    }
    found
}

/// Same-site links of a page that read something (no sign-in or sign-out, no filters).
fn links(body: &str) -> Vec<String> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| !href.contains('?') && !href.starts_with("/static") && !href.contains("loggen"))
        .collect()
}

/// A collaboration with changes by two partners' redacteuren and a beheerder.
async fn with_signed_in_changes(h: &Harness) -> i64 {
    let id = h
        .create_collaboration("Woondeal Utrecht", &[("PV26", "trekker"), ("GM0344", "partner")])
        .await;
    let pv = h.token_for("PV26", "redacteur").await;
    let gm = h.token_for("GM0344", "redacteur").await;
    let changes = [
        (
            &pv,
            Method::PUT,
            format!("/api/v1/collaborations/{id}/stances/PV26"),
            json!({"scores": scores([3, 3, 3, 3, 3, 3])}),
        ),
        (
            &gm,
            Method::PUT,
            format!("/api/v1/collaborations/{id}/stances/GM0344"),
            json!({"scores": scores([4, 2, 3, 3, 3, 3])}),
        ),
        (
            &pv,
            Method::POST,
            format!("/api/v1/collaborations/{id}/money"),
            json!({"partner": "PV26", "year": 2026, "amount_cents": 100_000, "instrument": "eigen-middelen", "status": "toegezegd"}),
        ),
        (
            &gm,
            Method::POST,
            format!("/api/v1/collaborations/{id}/money"),
            json!({"partner": "GM0344", "year": 2026, "amount_cents": 50_000, "instrument": "eigen-middelen", "status": "begroot"}),
        ),
        (
            &gm,
            Method::PUT,
            format!("/api/v1/collaborations/{id}/moore/GM0344"),
            json!({"public_value": "Betaalbaar wonen", "support": "breed", "fte": 2}),
        ),
        (
            &pv,
            Method::PUT,
            format!("/api/v1/collaborations/{id}/control"),
            json!({"bodies": ["provinciale-staten"]}),
        ),
    ];
    for (token, method, path, body) in changes {
        let (status, answer) = h.request(Some(token), method, &path, Some(&body)).await;
        assert!(status.is_success(), "{path}: {status} {answer}");
    }
    let (status, answer) = h
        .send_json(
            Method::POST,
            "/api/v1/survey/waves",
            &json!({"key": "privacy", "collaboration_id": id}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    id
}

#[tokio::test]
async fn an_anonymous_crawl_finds_organisations_and_no_people() {
    let h = Harness::start().await;
    let id = with_signed_in_changes(&h).await;
    let api = [
        format!("/api/v1/collaborations/{id}"),
        format!("/api/v1/collaborations/{id}/stances"),
        format!("/api/v1/collaborations/{id}/analysis"),
        format!("/api/v1/collaborations/{id}/audit-events"),
        format!("/api/v1/collaborations/{id}/money"),
        format!("/api/v1/collaborations/{id}/moore"),
        format!("/api/v1/collaborations/{id}/control"),
        "/api/v1/collaborations".to_owned(),
        "/api/v1/collaborations/export".to_owned(),
        "/api/v1/organisations/PV26/overview".to_owned(),
        "/api/v1/survey/waves".to_owned(),
        "/api/v1/survey/waves/privacy".to_owned(),
    ];
    let mut queue: VecDeque<String> = ["/".to_owned(), format!("/samenwerkingen/{id}")]
        .into_iter()
        .chain(api)
        .collect();
    let mut seen = BTreeSet::new();
    let collaboration = format!("/samenwerkingen/{id}");
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let response = h.client.get(h.url(&path)).send().await.unwrap();
        let status = response.status();
        let body = response.text().await.unwrap();
        assert!(status != StatusCode::INTERNAL_SERVER_ERROR, "{path}");
        let found = leaks(&body);
        assert!(found.is_empty(), "{path} shows {found:?} to anonymous visitors");
        // Follow this collaboration's pages and the site's menu, not the whole register.
        for link in links(&body) {
            let inside = link.starts_with(&collaboration) || link.matches('/').count() == 1;
            if inside && !seen.contains(&link) {
                queue.push_back(link);
            }
        }
    }
    for must in [
        format!("{collaboration}/wijzigingen"),
        format!("{collaboration}/wijzigingen.csv"),
        format!("{collaboration}/geld"),
        format!("{collaboration}/driehoek"),
    ] {
        assert!(seen.contains(&must), "the crawl reached {must}: {seen:?}");
    }
    let log = h
        .get(&format!("{collaboration}/wijzigingen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        log.contains("namens Provincie Utrecht"),
        "the change log names the organisation: {log}"
    );
}

#[tokio::test]
async fn members_see_names_and_only_beheerders_see_addresses() {
    let h = Harness::start().await;
    let id = with_signed_in_changes(&h).await;
    let path = format!("/samenwerkingen/{id}/wijzigingen");
    let member = h.browser_as("GM0344", "lezer").await;
    let page = member.get(&path).await.text().await.unwrap();
    assert!(
        page.contains("redacteur van PV26, namens Provincie Utrecht"),
        "{page}"
    );
    assert!(!page.contains("@test.nl"), "a member sees no address: {page}");
    let outsider = h.browser_as("GM0518", "redacteur").await;
    let page = outsider.get(&path).await.text().await.unwrap();
    assert!(
        leaks(&page).is_empty(),
        "an outsider sees organisations only: {page}"
    );
    let beheerder = h.browser_as("MNRE1034", "beheerder").await;
    let page = beheerder.get(&path).await.text().await.unwrap();
    assert!(page.contains("redacteur.pv26@test.nl"), "{page}");
    let stances = h
        .request(
            Some(&h.token_for("GM0344", "lezer").await),
            Method::GET,
            &format!("/api/v1/collaborations/{id}/stances"),
            None,
        )
        .await
        .1
        .to_string();
    assert!(
        stances.contains("redacteur van GM0344") && !stances.contains("@test.nl"),
        "{stances}"
    );
}
