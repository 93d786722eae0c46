//! The details of conflicts, waits and unreadable requests in the language asked for: the
//! API answers in the language of `Accept-Language` (else Dutch), and so does a page.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, PASSWORD};

/// A request as the administrator in `language`: its status and problem.
async fn send(
    h: &Harness,
    method: Method,
    path: &str,
    body: Option<&str>,
    language: &str,
) -> (StatusCode, Value) {
    let mut request = h
        .client
        .request(method, h.url(path))
        .bearer_auth(&h.admin)
        .header("accept-language", language);
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_owned());
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    if status.is_client_error() {
        assert_eq!(response.headers()["content-type"], "application/problem+json");
    }
    (status, response.json().await.unwrap())
}

fn text<'a>(problem: &'a Value, field: &str) -> &'a str {
    problem[field]
        .as_str()
        .unwrap_or_else(|| panic!("no {field} in {problem}"))
}

fn reason(problem: &Value) -> &str {
    problem["invalidParams"][0]["reason"]
        .as_str()
        .unwrap_or_else(|| panic!("no reason in {problem}"))
}

#[tokio::test]
async fn a_stale_edit_says_what_changed_in_the_language_asked_for() {
    let h = Harness::start().await;
    let id = h.create_draft("Woondeal", &[("MNRE1034", "trekker")]).await;
    let path = format!("/api/v1/collaborations/{id}");
    let edit = |name: &str| json!({"version": 1, "name": name, "type": "woondeal"}).to_string();
    let (status, body) = send(&h, Method::PUT, &path, Some(&edit("Woondeal Utrecht")), "nl").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let before = h.fingerprint().await;

    let (status, english) = send(
        &h,
        Method::PUT,
        &path,
        Some(&edit("Woondeal Amersfoort")),
        "en-GB,en;q=0.9",
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(text(&english, "title"), "Simultaneous change");
    let detail = text(&english, "detail");
    assert!(
        detail
            .starts_with("The collaboration has been changed in the meantime (now version 2, last changed ")
            && detail.ends_with("Reload the page and make your change again."),
        "{detail}"
    );
    assert!(
        !detail.contains("gewijzigd") && !detail.contains("versie"),
        "{detail}"
    );

    let (status, dutch) = send(&h, Method::PUT, &path, Some(&edit("Woondeal Amersfoort")), "nl").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(text(&dutch, "title"), "Gelijktijdige wijziging");
    let detail = text(&dutch, "detail");
    assert!(
        detail.starts_with("De samenwerking is intussen gewijzigd (nu versie 2, laatst gewijzigd ")
            && detail.ends_with("Laad de pagina opnieuw en breng uw wijziging opnieuw aan."),
        "{detail}"
    );
    assert_eq!(before, h.fingerprint().await, "a refused edit changes nothing");
}

#[tokio::test]
async fn too_many_sign_ins_are_refused_in_the_language_asked_for() {
    let h = Harness::start().await;
    for (org, language, refusal, not) in [
        (
            "GM0363",
            "en",
            "Too many failed attempts to sign in. Please try again in 15 minutes.",
            "Te veel",
        ),
        (
            "GM0344",
            "nl",
            "Te veel mislukte pogingen om aan te melden. Probeer het over 15 minuten opnieuw.",
            "Too many",
        ),
    ] {
        let email = h.user(org, "redacteur").await;
        let browser = h.browser().await;
        let sign_in = |password: &'static str| {
            browser
                .client
                .post(h.url("/inloggen"))
                .header("accept-language", language)
                .form(&[
                    ("csrf", browser.csrf.as_str()),
                    ("email", &email),
                    ("password", password),
                ])
                .send()
        };
        for attempt in 1..=5 {
            let response = sign_in("fout wachtwoord!").await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        let response = sign_in(PASSWORD).await.unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{language}\">")) && page.contains(refusal),
            "{page}"
        );
        assert!(!page.contains(not), "{page}");
    }
}

#[tokio::test]
async fn an_unreadable_request_says_why_in_the_language_asked_for() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let broken = Some("{\"name\": \"kapot");
    let (status, english) = send(&h, Method::POST, "/api/v1/collaborations", broken, "en").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(text(&english, "title"), "Invalid request");
    assert_eq!(
        text(&english, "detail"),
        "The request could not be read; nothing has been saved."
    );
    assert_eq!(english["invalidParams"][0]["name"], "body");
    assert_eq!(
        reason(&english),
        "The JSON is not well-formed: name: EOF while parsing a string at line 1 column 15"
    );

    let (status, dutch) = send(&h, Method::POST, "/api/v1/collaborations", broken, "nl").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(text(&dutch, "title"), "Ongeldig verzoek");
    assert_eq!(
        text(&dutch, "detail"),
        "Het verzoek kon niet worden gelezen; er is niets opgeslagen."
    );
    assert_eq!(
        reason(&dutch),
        "De JSON is niet goed gevormd: name: EOF while parsing a string at line 1 column 15"
    );
    assert_eq!(before, h.fingerprint().await, "a refused request changes nothing");

    let wrong_shape = Some("{\"name\": 1, \"type\": \"mirt\"}");
    let (status, english) = send(&h, Method::POST, "/api/v1/collaborations", wrong_shape, "en").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        reason(&english).starts_with("The JSON does not fit the expected schema: "),
        "{english}"
    );
    let (_, english) = send(&h, Method::GET, "/api/v1/organisations?limit=veel", None, "en").await;
    assert_eq!(english["invalidParams"][0]["name"], "query");
    assert!(
        reason(&english).starts_with("The query could not be read: "),
        "{english}"
    );
    let (_, dutch) = send(&h, Method::GET, "/api/v1/organisations?limit=veel", None, "nl").await;
    assert!(
        reason(&dutch).starts_with("De zoekvraag kon niet worden gelezen: "),
        "{dutch}"
    );
    let (status, english) = send(&h, Method::GET, "/api/v1/collaborations/abc", None, "en").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(english["invalidParams"][0]["name"], "path");
    assert!(
        reason(&english).starts_with("The path could not be read: "),
        "{english}"
    );
}
