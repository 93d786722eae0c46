//! Field errors and problems in the visitor's language: the API answers in the language of
//! `Accept-Language` (else Dutch), a page prints its field errors in the page's language.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::Harness;

async fn refused_collaboration(h: &Harness, accept_language: Option<&str>) -> Value {
    let mut request = h
        .client
        .post(h.url("/api/v1/collaborations"))
        .bearer_auth(&h.admin)
        .json(&json!({"name": "", "type": "regio-deal", "start_date": "31-13-2020"}));
    if let Some(language) = accept_language {
        request = request.header("accept-language", language);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    response.json().await.unwrap()
}

fn reason_of<'a>(problem: &'a Value, field: &str) -> &'a str {
    problem["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == field)
        .and_then(|p| p["reason"].as_str())
        .unwrap_or_else(|| panic!("no {field} in {problem}"))
}

#[tokio::test]
async fn the_api_answers_a_bad_request_in_the_language_asked_for() {
    let h = Harness::start().await;
    let english = refused_collaboration(&h, Some("en-GB,en;q=0.9")).await;
    assert_eq!(english["title"], "Invalid input");
    assert_eq!(
        english["detail"],
        "One or more fields have not been filled in correctly; nothing has been saved."
    );
    assert_eq!(reason_of(&english, "name"), "Fill in this field.");
    assert_eq!(
        reason_of(&english, "start_date"),
        "'31-13-2020' is not a valid date; write for example 1-3-2026 or 2026-03-01."
    );
    let codes = |p: &Value| {
        p["invalidParams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].clone())
            .collect::<Vec<_>>()
    };

    for dutch in [
        refused_collaboration(&h, None).await,
        refused_collaboration(&h, Some("fr, de")).await,
        refused_collaboration(&h, Some("nl")).await,
    ] {
        assert_eq!(dutch["title"], "Ongeldige invoer");
        assert_eq!(reason_of(&dutch, "name"), "Vul dit veld in.");
        assert_eq!(
            codes(&dutch),
            codes(&english),
            "the codes and fields do not change"
        );
    }

    let response = h
        .client
        .get(h.url("/api/v1/collaborations/999999"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["title"], "Not found");
    assert_eq!(
        problem["detail"],
        "The requested collaboration does not exist (any more)."
    );
}

#[tokio::test]
async fn a_page_prints_its_field_errors_in_the_page_language() {
    let h = Harness::start().await;
    let email = h.user("PV20", "redacteur").await;
    let browser = h.browser().await;
    let signed_in = browser
        .post_form(
            "/inloggen",
            &[("email", &email), ("password", crate::helpers::PASSWORD)],
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);

    let dutch = browser
        .post_form("/organisaties", &[("name", ""), ("type", "bedrijf")])
        .await
        .text()
        .await
        .unwrap();
    assert!(
        dutch.contains("<html lang=\"nl\">") && dutch.contains("Vul dit veld in."),
        "{dutch}"
    );

    browser.get("/taal/en?terug=/organisaties/nieuw").await;
    let chosen = browser
        .post_form("/organisaties", &[("name", ""), ("type", "bedrijf")])
        .await
        .text()
        .await
        .unwrap();
    // The page prints its field errors in its own language: English once the page is
    // translated, Dutch (with the notice that it is not yet in English) until then.
    if chosen.contains("<html lang=\"en\">") {
        assert!(
            chosen.contains("Fill in this field.") && !chosen.contains("Vul dit veld in."),
            "{chosen}"
        );
    } else {
        assert!(
            chosen.contains("Vul dit veld in.") && !chosen.contains("Fill in this field."),
            "{chosen}"
        );
    }
}

#[tokio::test]
async fn a_csv_download_has_its_column_labels_in_the_visitors_language() {
    let h = Harness::start().await;
    let path = "/organisaties/GM0363/samenwerkingen.csv";
    let header = |body: String| {
        body.trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    let dutch = h.client.get(h.url(path)).send().await.unwrap();
    assert_eq!(dutch.status(), StatusCode::OK);
    assert!(header(dutch.text().await.unwrap()).starts_with("id;naam;soort;wgr_vorm;rol"));
    let english = h.get_in_english(path).await;
    assert_eq!(english.status(), StatusCode::OK);
    let english = header(english.text().await.unwrap());
    assert!(english.starts_with("id;name;kind;wgr_form;role"), "{english}");
    assert!(!english.contains("bijdrage_"), "{english}");
}

#[tokio::test]
async fn a_refusal_of_the_permission_table_says_why_in_the_language_asked_for() {
    let h = Harness::start().await;
    let reader = h.token_for("PV20", "lezer").await;
    for (language, title, detail) in [
        ("en", "No access", "Only editors can record a collaboration."),
        (
            "nl",
            "Geen toegang",
            "Alleen redacteuren kunnen een samenwerking vastleggen.",
        ),
    ] {
        let response = h
            .client
            .post(h.url("/api/v1/collaborations"))
            .bearer_auth(&reader)
            .header("accept-language", language)
            .json(&json!({"name": "Test", "type": "regio-deal"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let problem: Value = response.json().await.unwrap();
        assert_eq!(
            (problem["title"].as_str(), problem["detail"].as_str()),
            (Some(title), Some(detail))
        );
    }
}
