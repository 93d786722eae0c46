//! The "Staat van het samenspel" (issue 15, item 6) through the API, the pages and the CLI's
//! use case, on both databases: after the demonstration data every module has figures in the
//! report, the latest report is set beside the one before, only beheerders compile one, a
//! wrong period is named and stores nothing, and many compiles at once are all kept.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

async fn compile(h: &Harness, token: Option<&str>, body: &Value) -> (StatusCode, Value) {
    h.request(token, Method::POST, "/api/v1/staat/reports", Some(body))
        .await
}

#[tokio::test]
async fn after_the_demonstration_every_module_has_figures_and_the_latest_is_compared() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let list = h.get_json("/api/v1/staat/reports").await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{list}");
    // The latest period first: this year up to today, then last year.
    let latest = items[0]["id"].as_i64().unwrap();
    assert!(items[0]["to"].as_str() > items[1]["to"].as_str(), "{list}");

    let doc = h.get_json(&format!("/api/v1/staat/reports/{latest}")).await;
    let r = &doc["report"];
    assert_eq!(r["demo"], true);
    let c = &r["collaboration"];
    assert!(
        c["running"].as_u64().unwrap() > 500,
        "the register's regelingen count: {c}"
    );
    assert!(
        c["by_kind"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["key"] == "regio-deal")
    );
    assert!(c["profiles"]["with_stances"].as_u64().unwrap() >= 1, "{c}");
    assert!(c["profiles"]["mean_distance_to_ideal"].as_f64().is_some());
    let wave = &r["perception"]["wave"];
    assert!(wave["respondents"].as_u64().unwrap() > 0, "{wave}");
    assert_eq!(wave["trend"][0]["key"], "rob-2020");
    assert!(
        r["impulses"]["total"]["dossiers"].as_u64().unwrap() >= 1,
        "{}",
        r["impulses"]
    );
    let money = r["money"]["monitored"].as_array().unwrap();
    assert!(
        money
            .iter()
            .any(|t| t["flagged"] == true && t["ratio_permille"].as_i64().unwrap() > 1_100),
        "the generated demonstration task is flagged: {money:?}"
    );
    let statutory = r["control"]["statutory"].as_array().unwrap();
    assert!(
        statutory.iter().any(|m| m["moment"] == "ontwerpbegroting"),
        "{statutory:?}"
    );
    assert!(r["control"]["regelingen"].as_u64().unwrap() > 400);

    // Beside the report before.
    assert_eq!(doc["previous"]["id"], items[1]["id"]);
    let running = doc["headlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["key"] == "running")
        .unwrap();
    assert!(
        running["value"].is_number() && running["previous"].is_number(),
        "{running}"
    );

    // The page, in both languages; organisations, never people.
    let page = h.get(&format!("/staat/{latest}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    for part in [
        "Waar werken Rijk en regio samen?",
        "Hoe ervaren de overheden de samenwerking?",
        "Waar geeft het Rijk impulsen?",
        "Is het geld voor medebewindstaken toereikend?",
        "Hoe staat het met de democratische controle?",
        "Jeugdhulp (demonstratie, gegenereerd budget)",
        "BWBR0003740",
        "Vergeleken met het rapport over",
    ] {
        assert!(page.contains(part), "{part} missing");
    }
    assert!(page.contains("<svg"), "charts");
    assert!(
        !page.contains("@test.nl") && !page.contains("demo@"),
        "no people on a public page"
    );
    let english = h
        .get_in_english(&format!("/staat/{latest}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("Is the money for co-governance tasks sufficient?"));
    let index = h.get("/staat").await.text().await.unwrap();
    assert!(index.contains(&format!("/staat/{latest}")) && index.contains("Eerdere rapporten"));
    assert!(!index.contains("name=\"from\""), "no form for anonymous visitors");

    // Loading the demonstration again compiles nothing new.
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let again = h.get_json("/api/v1/staat/reports").await;
    assert_eq!(again["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn only_beheerders_compile_and_a_wrong_period_is_named_and_stores_nothing() {
    let h = Harness::start().await;
    let year = json!({"from": "2025-01-01", "to": "2025-12-31"});
    let redacteur = h.token_for("GM0363", "redacteur").await;
    let before = h.fingerprint().await;
    let (status, _) = compile(&h, None, &year).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, problem) = compile(&h, Some(&redacteur), &year).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(problem.to_string().contains("beheerders"), "{problem}");

    let (status, problem) = compile(&h, Some(&h.admin), &json!({"from": "2025-13-01", "to": ""})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), vec!["from", "to"]);
    let (status, problem) = compile(
        &h,
        Some(&h.admin),
        &json!({"from": "2025-02-01", "to": "2025-01-31"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), vec!["to"]);
    let (status, problem) = compile(
        &h,
        Some(&h.admin),
        &json!({"from": "1999-01-01", "to": "2025-01-31"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), vec!["from"]);
    let (status, _) = compile(
        &h,
        Some(&h.admin),
        &json!({"from": "2025-01-01", "to": "2025-12-31", "x": 1}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(before == h.fingerprint().await, "nothing stored by a refusal");
    let (status, _) = h
        .request(None, Method::GET, "/api/v1/staat/reports/99", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(h.get("/staat/99").await.status(), StatusCode::NOT_FOUND);

    let (status, doc) = compile(&h, Some(&h.admin), &year).await;
    assert_eq!(status, StatusCode::CREATED, "{doc}");
    assert_eq!(doc["report"]["from"], "2025-01-01");
    assert_eq!(doc["report"]["demo"], false);
    assert!(doc["previous"].is_null());
    // The compile is in the audit trail.
    let id = doc["id"].as_i64().unwrap();
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None);
    let events = h
        .app
        .app
        .store()
        .list_audit_events("staat_report", &id.to_string())
        .await
        .unwrap();
    assert_eq!(events.len(), 1);

    // The page's form: a beheerder is offered it, a wrong date is named, a redacteur is
    // refused.
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let index = admin.get("/staat").await.text().await.unwrap();
    assert!(index.contains("name=\"from\""), "the form for a beheerder");
    let before = h.fingerprint().await;
    let refused = admin
        .post_form("/staat", &[("from", "morgen"), ("to", "2025-12-31")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text().await.unwrap();
    assert!(
        text.contains("aria-invalid=\"true\"") && text.contains("geen geldige datum"),
        "{text}"
    );
    assert!(before == h.fingerprint().await);
    let saved = admin
        .post_form("/staat", &[("from", "1-1-2026"), ("to", "30-6-2026")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_owned();
    let shown = admin.get(&location).await.text().await.unwrap();
    assert!(shown.contains("Het rapport is samengesteld."), "the confirmation");
    assert!(
        shown.contains("01-01-2025 t/m 31-12-2025"),
        "compared with the report before"
    );
    let editor = h.browser_as("GM0363", "redacteur").await;
    assert!(
        !editor
            .get("/staat")
            .await
            .text()
            .await
            .unwrap()
            .contains("name=\"from\"")
    );
    let forbidden = editor
        .post_form("/staat", &[("from", "2026-01-01"), ("to", "2026-06-30")])
        .await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn many_compiles_at_once_are_all_kept() {
    let h = Harness::start().await;
    let mut writers = tokio::task::JoinSet::new();
    for month in 1..=12 {
        let body = json!({"from": "2025-01-01", "to": format!("2025-{month:02}-28")});
        let request = h
            .client
            .post(h.url("/api/v1/staat/reports"))
            .bearer_auth(&h.admin)
            .json(&body);
        writers.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses = writers.join_all().await;
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED), "{statuses:?}");
    let list = h.get_json("/api/v1/staat/reports").await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    assert_eq!(items[0]["to"], "2025-12-28", "the latest period first");
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None);
}
