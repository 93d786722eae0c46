//! Hardening (issue 3): hostile text in names, motivations and phases is shown escaped on every
//! page and in the SVG radar chart; pages carry a Content-Security-Policy without inline script;
//! forms without the right CSRF token are refused; over-long and control-character names are
//! refused per field; error responses reveal no SQL or stack traces; bodies are size-limited.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, invalid_names, scores};

const PAYLOADS: [&str; 3] = [
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "\"><img src=x onerror=alert(1)>",
];

/// Markup that appears only if a payload reached the page unescaped.
const RAW: [&str; 4] = ["<script>alert", "<svg onload", "<img src=x", "\"><img"];

fn assert_escaped(what: &str, html: &str) {
    for raw in RAW {
        assert!(!html.contains(raw), "{what}: unescaped {raw:?}");
    }
    assert!(
        html.contains("alert(1)"),
        "{what}: the payload is not shown at all"
    );
}

#[tokio::test]
async fn hostile_text_is_escaped_on_every_page_and_in_the_radar() {
    let h = Harness::start().await;
    let mut codes = Vec::new();
    for payload in PAYLOADS {
        let (status, org) = h
            .send_json(
                Method::POST,
                "/api/v1/organisations",
                &json!({"name": format!("Bureau {payload}"), "type": "bedrijf"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "stored as typed: {org}");
        assert_eq!(org["name"], format!("Bureau {payload}"));
        codes.push(org["code"].as_str().unwrap().to_owned());
    }
    let all = PAYLOADS.join(" ");
    let mut partners = vec![json!({"code": "MNRE1034", "role": "trekker"})];
    partners.extend(codes.iter().map(|c| json!({"code": c, "role": "partner"})));
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({"name": format!("Deal {all}"), "type": "convenant", "task": all,
                    "region": PAYLOADS[1], "phases": [PAYLOADS[0]], "partners": partners}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    for (code, payload) in codes.iter().zip(PAYLOADS) {
        let stance = json!({"scores": scores([3, 1, 3, 5, 3, 1]),
                            "motivations": {"eisen-aan-uitvoering": format!("Omdat {payload}")}});
        let (status, body) = h.put_stance(id, code, &stance).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let figure = json!({"partner": codes[2], "year": 2026, "amount_cents": 100,
                        "instrument": "eigen-middelen", "status": "toegezegd"});
    let money = format!("/api/v1/collaborations/{id}/money");
    let (status, body) = h.send_json(Method::POST, &money, &figure).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, _) = h
        .send_json(
            Method::PUT,
            &format!("/api/v1/collaborations/{id}/publication"),
            &json!({"published": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let page = h.get(&format!("/samenwerkingen/{id}")).await;
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert!(page.headers().contains_key("referrer-policy"));
    let html = page.text().await.unwrap();
    assert_escaped("collaboration page", &html);
    for payload in PAYLOADS {
        assert!(
            html.contains(&format!("Omdat {}", escape_html(payload))),
            "motivation {payload:?} shown escaped"
        );
    }
    let radar = section(&html, "<figure class=\"ss-radar\"", "</figure>");
    assert!(
        radar.contains("<svg") && radar.contains("alert(1)"),
        "labels in the SVG"
    );
    assert_escaped("radar SVG", radar);
    let legend = section(&html, "<ul class=\"ss-legend\"", "</ul>");
    assert_escaped("radar legend", legend);
    assert!(legend.contains(&escape_html(&format!("Bureau {}", PAYLOADS[2]))));

    let q = "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let mut paths = vec![
        format!("/samenwerkingen/{id}?fase=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        format!("/samenwerkingen/{id}/wijzigingen"),
        format!("/samenwerkingen/{id}/bewerken"),
        format!("/samenwerkingen/{id}/partners"),
        format!("/samenwerkingen/{id}/geld"),
        format!("/regio/congruentie?a=samenwerking-{id}&b=veiligheidsregio"),
        format!("/samenwerkingen/{id}/standpunt/{}", codes[0]),
        "/samenwerkingen".into(),
        "/samenwerkingen?q=deal".into(),
        format!("/samenwerkingen?{q}"),
        "/organisaties?q=bureau".into(),
        format!("/organisaties?{q}"),
        format!("/regio?samenwerking={id}"),
    ];
    paths.extend(codes.iter().map(|c| format!("/organisaties/{c}")));
    // A beheerder sees every form, so every page with the hostile text is read.
    let beheerder = h.browser_as("MNRE1034", "beheerder").await;
    for path in &paths {
        let response = beheerder.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_escaped(path, &response.text().await.unwrap());
    }
    for path in [
        format!("/samenwerkingen/{id}/wijzigingen.json"),
        format!("/samenwerkingen/{id}/wijzigingen.csv"),
        format!("/organisaties/{}/samenwerkingen.json", codes[0]),
    ] {
        let response = h.get(&path).await;
        let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(!kind.contains("html"), "{path} is not served as HTML: {kind}");
    }

    // A refused form shows the user's hostile input again, escaped.
    let browser = h.browser_as("PV20", "redacteur").await;
    let response = browser
        .post_form(
            "/samenwerkingen",
            &[("name", &all), ("type", "geen-soort"), ("task", &all)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_escaped("refused form", &response.text().await.unwrap());
}

/// Text as askama escapes it for HTML.
fn escape_html(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("{start} on the page"));
    let to = html[from..].find(end).unwrap() + from;
    &html[from..to]
}

#[tokio::test]
async fn a_form_without_the_right_csrf_token_is_refused_and_stores_nothing() {
    let h = Harness::start().await;
    let id = h.create_collaboration("Woondeal", &[("GM0363", "trekker")]).await;
    let browser = h.browser_as("GM0363", "redacteur").await;
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let organisation = [("name", "Stichting Vervalst"), ("type", "bedrijf")];
    let publication = format!("/samenwerkingen/{id}/publicatie");
    let before = h.fingerprint().await;
    for (path, fields) in [
        ("/organisaties", &organisation[..]),
        (publication.as_str(), &[("published", "false")][..]),
        ("/uitloggen", &[][..]),
    ] {
        let missing = browser.post_raw(path, fields).await;
        let mut wrong_fields = vec![("csrf", "0123456789abcdef")];
        wrong_fields.extend_from_slice(fields);
        let wrong = browser.post_raw(path, &wrong_fields).await;
        // Another site's form cannot read the cookie: right field, no cookie.
        let mut forged_fields = vec![("csrf", browser.csrf.as_str())];
        forged_fields.extend_from_slice(fields);
        let forged = stranger
            .post(h.url(path))
            .form(&forged_fields)
            .send()
            .await
            .unwrap();
        for (how, response) in [("missing", missing), ("wrong", wrong), ("no cookie", forged)] {
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}: {how}");
            let html = response.text().await.unwrap();
            assert!(html.contains("Formulier verlopen"), "{path}: {how}: {html}");
        }
    }
    // Signing in is a form too.
    let email = h.user("GM0363", "redacteur").await;
    let anonymous = h.browser().await;
    let response = anonymous
        .post_raw(
            "/inloggen",
            &[("email", &email), ("password", crate::helpers::PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(!set_cookie_has(&response, "samenspel_sessie="));
    // A form posted to the API with the session cookie is not JSON, so it is refused.
    let response = browser
        .client
        .post(h.url("/api/v1/organisations"))
        .form(&organisation)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // JSON with the session cookie (as a forged cross-site request would send it) is not a
    // signed-in write either: the API writes only with a bearer token. Reading still works.
    let response = browser
        .client
        .post(h.url("/api/v1/organisations"))
        .json(&serde_json::json!({"name": "Stichting Vervalst", "type": "bedrijf"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(before == h.fingerprint().await, "nothing stored");
    let response = browser
        .client
        .get(h.url("/api/v1/organisations/GM0363"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "the session reads");

    let response = browser.post_form("/organisaties", &organisation).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "with the right token it works"
    );
}

fn set_cookie_has(response: &reqwest::Response, prefix: &str) -> bool {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap_or_default().starts_with(prefix))
}

#[tokio::test]
async fn over_long_and_control_character_names_are_refused_per_field() {
    let h = Harness::start().await;
    let id = h.create_draft("Woondeal", &[("MNRE1034", "trekker")]).await;
    let long = "a".repeat(201);
    let before = h.fingerprint().await;
    for (bad, code) in [
        (long.as_str(), "too_long"),
        ("Bureau\u{7}Bel", "control_character"),
        ("Bureau\u{0}Nul", "control_character"),
        ("Bureau\u{1b}[31m", "control_character"),
    ] {
        for (method, path, body) in [
            (
                Method::POST,
                "/api/v1/organisations".to_owned(),
                json!({"name": bad, "type": "bedrijf"}),
            ),
            (
                Method::POST,
                "/api/v1/collaborations".to_owned(),
                json!({"name": bad, "type": "convenant"}),
            ),
            (
                Method::PUT,
                format!("/api/v1/collaborations/{id}"),
                json!({"version": 1, "name": bad, "type": "woondeal"}),
            ),
        ] {
            let (status, problem) = h.send_json(method, &path, &body).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {bad:?}: {problem}"
            );
            assert_eq!(invalid_names(&problem), ["name"], "{path} {bad:?}");
            assert_eq!(problem["invalidParams"][0]["code"], code, "{path} {bad:?}");
            assert!(!problem["invalidParams"][0]["reason"].as_str().unwrap().is_empty());
        }
    }
    let (status, problem) = h
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "Bureau", "type": "bedrijf", "abbreviation": "b".repeat(21)}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["abbreviation"]);
    assert!(before == h.fingerprint().await, "nothing stored");

    let browser = h.browser_as("PV20", "redacteur").await;
    let before_forms = h.fingerprint().await;
    for (bad, message) in [
        (long.as_str(), "Gebruik ten hoogste 200 tekens (nu 201)."),
        (
            "Bureau\u{7}Bel",
            "Dit veld bevat onzichtbare stuurtekens; verwijder die.",
        ),
    ] {
        for (path, kind) in [("/organisaties", "bedrijf"), ("/samenwerkingen", "convenant")] {
            let response = browser.post_form(path, &[("name", bad), ("type", kind)]).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {bad:?}"
            );
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!("id=\"f-name-error\">{message}</div>")),
                "{path} {bad:?}: message next to the field"
            );
        }
    }
    assert!(before_forms == h.fingerprint().await, "nothing stored");

    let (status, org) = h
        .send_json(
            Method::POST,
            "/api/v1/organisations",
            &json!({"name": "b".repeat(200), "type": "bedrijf"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "200 characters is allowed: {org}");
}

/// Fragments that must never reach a client.
const LEAKS: [&str; 12] = [
    "SELECT ",
    "INSERT ",
    "UPDATE ",
    " WHERE ",
    "sqlx",
    "SQLSTATE",
    "sqlite",
    "postgres",
    "panicked",
    "backtrace",
    ".rs:",
    "RUST_",
];

fn assert_no_leak(what: &str, body: &str) {
    for leak in LEAKS {
        assert!(!body.contains(leak), "{what} reveals {leak:?}: {body}");
    }
}

/// Requests the API cannot read (method, path, body, expected status): a problem+json answer.
#[rustfmt::skip]
const BAD_REQUESTS: &[(&str, &str, &str, u16)] = &[
    ("POST", "/api/v1/organisations", r#"{"name": "x","#, 400),
    ("POST", "/api/v1/organisations", r#"{"name": 5}"#, 400),
    ("POST", "/api/v1/organisations", "null", 400),
    ("GET", "/api/v1/collaborations/99999999999999999999", "", 400),
    ("PUT", "/api/v1/collaborations/99999999999999999999", "{}", 400),
    ("GET", "/api/v1/collaborations/-1", "", 404),
    ("GET", "/api/v1/organisations/GM0363'%20OR%20'1'='1", "", 404),
    ("GET", "/api/v1/organisations?limit=99999999999999999999", "", 400),
    ("GET", "/api/v1/collaborations?type=mirt'--", "", 400),
];

#[tokio::test]
async fn error_responses_reveal_no_sql_or_stack_traces() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker")])
        .await;
    let browser = h.browser_as("MNRE1034", "beheerder").await;
    let before = h.fingerprint().await;
    let raw = |method: Method, path: &str, body: &str| {
        h.client
            .request(method, h.url(path))
            .bearer_auth(&h.admin)
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
    };
    for &(method, path, body, wanted) in BAD_REQUESTS {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let wanted = StatusCode::from_u16(wanted).unwrap();
        let response = raw(method.clone(), path, body).await.unwrap();
        assert_eq!(response.status(), wanted, "{method} {path} {body:.40}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        assert_no_leak(path, &response.text().await.unwrap());
    }
    // A body over the limit (256 KiB) is refused unread, as 413 naming the body and the limit.
    let huge = format!(r#"{{"name": "{}", "type": "bedrijf"}}"#, "x".repeat(300 * 1024));
    let response = raw(Method::POST, "/api/v1/organisations", &huge).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["invalidParams"][0]["name"], "body");
    assert_eq!(
        problem["invalidParams"][0]["reason"],
        "Stuur hoogstens 256 kB per verzoek."
    );
    // Quotes in a search are data, not SQL.
    for path in [
        "/api/v1/organisations?q=x'%20OR%20'1'='1",
        "/api/v1/collaborations?q=x'%20OR%20'1'='1",
    ] {
        let body = h.get_json(path).await;
        assert_eq!(body["total"], 0, "{path}");
    }
    for path in [
        "/samenwerkingen?q=x'%20OR%20'1'='1",
        "/organisaties?q=%27%22%3B--",
        "/samenwerkingen/99999999999999999999",
        "/samenwerkingen/1%27",
        "/organisaties/GM0363'--",
        &format!("/samenwerkingen/{id}?fase=%27--"),
    ] {
        let response = h.get(path).await;
        assert!(response.status().as_u16() < 500, "{path}: {}", response.status());
        assert_no_leak(path, &response.text().await.unwrap());
    }
    let response = browser
        .post_form(
            "/samenwerkingen/99999999999999999999/partners",
            &[("code", "GM0363")],
        )
        .await;
    assert!(response.status().is_client_error(), "{}", response.status());
    assert_no_leak("form with a huge id", &response.text().await.unwrap());
    let big = "x".repeat(300 * 1024);
    let response = browser
        .post_form("/organisaties", &[("name", &big), ("type", "bedrijf")])
        .await;
    assert!(response.status().is_client_error(), "{}", response.status());
    assert_no_leak("huge form", &response.text().await.unwrap());
    assert!(before == h.fingerprint().await, "nothing stored");
}
