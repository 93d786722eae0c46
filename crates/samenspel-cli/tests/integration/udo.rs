//! UDO dossiers through the API (issue 14): a dossier walks through every state; a step the
//! workflow or the normenkader refuses names what is missing and changes nothing; drafts are
//! seen only by the owning ministry, BZK and the koepels concerned; two steps at once leave
//! one taken and one refused; the dashboard counts the dossiers per ministry and year.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

/// The ministry that holds the pen in these tests: VWS.
const VWS: &str = "MNRE1025";

/// A complete dossier: a wet that makes gemeenten and provincies carry out a task in
/// medebewind, with every rule of the normenkader met.
fn complete() -> Value {
    json!({
        "ministry": VWS,
        "title": "Wet betere bijstand",
        "summary": "Gemeenten en provincies krijgen een nieuwe taak.",
        "form": "wet",
        "layers": ["gemeenten", "provincies"],
        "scope": "uitgebreid",
        "scope_reason": "Grote nieuwe taak.",
        "phase": "in-voorbereiding",
        "koepels": [
            {"koepel": "vng", "asked_on": "2026-01-10", "judgement": "Uitvoerbaar met middelen."},
            {"koepel": "ipo", "asked_on": "2026-01-10", "judgement": ""}
        ],
        "aspects": {
            "tasks": "Beoordelen van aanvragen.", "policy_freedom": "dwingend", "medebewind": true,
            "plan_or_report_obligations": true, "compensation": "Via de algemene uitkering.",
            "allocation_reason": "Gemeenten kennen de aanvragers.", "governments_affected": "354"
        },
        "bzk_advice": [
            {"moment": "ambtelijk-voorportaal", "given_on": "2026-02-01", "advice": "Akkoord."},
            {"moment": "ministerraad", "given_on": "2026-09-01", "advice": "Akkoord."}
        ],
        "financial_consequences_expected": true,
        "financial": {
            "rows": [
                {"layer": "gemeenten", "year": "2027", "structural": "5.000.000", "incidental": "1.250.000,50", "reasoning": "Uren maal aanvragen.", "source": "Kostenonderzoek 2026"},
                {"layer": "provincies", "year": "2027", "structural": "1000000", "incidental": "0", "reasoning": "Toezicht.", "source": "Kostenonderzoek 2026"}
            ],
            "articles": ["fvw-2", "gemeentewet-108-3", "provinciewet-105-3"],
            "funding": "algemene-uitkering",
            "consulted_bzk_on": "2026-02-15",
            "consulted_financien_on": "2026-02-15"
        },
        "consultation": {
            "co_governments_opens": "2026-04-01", "co_governments_closes": "2026-05-31",
            "internet_opens": "2026-04-01", "internet_closes": "2026-05-06"
        }
    })
}

async fn step(h: &Harness, token: &str, id: i64, body: Value) -> (StatusCode, Value) {
    let version = h
        .request(
            Some(token),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}"),
            None,
        )
        .await
        .1["version"]
        .as_i64()
        .unwrap();
    let mut body = body;
    body["version"] = json!(version);
    h.request(
        Some(token),
        Method::POST,
        &format!("/api/v1/udo/dossiers/{id}/steps"),
        Some(&body),
    )
    .await
}

#[tokio::test]
async fn a_dossier_walks_through_every_state_and_a_refused_step_names_what_is_missing() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    // Without the financial paragraph: the dossier can be opened and explored, but the toets
    // cannot record an outcome.
    let mut without = complete();
    without["financial"] = Value::Null;
    let (status, created) = h
        .request(Some(&owner), Method::POST, "/api/v1/udo/dossiers", Some(&without))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["progress"]["state"], "concept");
    let failing: Vec<&str> = created["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["outcome"] == "voldoet-niet")
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(failing.contains(&"financiele-paragraaf-aanwezig"), "{failing:?}");

    for event in ["start-verkenning", "start-toets"] {
        let (status, view) = step(&h, &owner, id, json!({"event": event})).await;
        assert_eq!(status, StatusCode::OK, "{event}: {view}");
    }
    let before = h.fingerprint().await;
    let outcome = json!({"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar"}});
    let (status, problem) = step(&h, &owner, id, outcome.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["event"]);
    let reason = problem["invalidParams"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("geweigerd"), "{reason}");
    assert!(
        reason.to_lowercase().contains("financi"),
        "the missing paragraph is named: {reason}"
    );
    // A step the table has no row for.
    let (status, problem) = step(&h, &owner, id, json!({"event": "adopt", "on": "2026-07-01"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    // "Onder voorwaarden" without conditions, and an unknown step.
    let (status, problem) = step(
        &h,
        &owner,
        id,
        json!({"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar-onder-voorwaarden"}}),
    )
    .await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["conditions".to_owned()])
    );
    let (status, problem) = step(&h, &owner, id, json!({"event": "overslaan"})).await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["event".to_owned()])
    );
    assert!(before == h.fingerprint().await, "refused steps change nothing");

    // With the paragraph the dossier goes all the way.
    let version = h.get_json(&format!("/api/v1/udo/dossiers/{id}")).await["version"].clone();
    let mut full = complete();
    full["version"] = version;
    let (status, view) = h
        .request(
            Some(&owner),
            Method::PUT,
            &format!("/api/v1/udo/dossiers/{id}"),
            Some(&full),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(
        view["cosign"]["reasons"].as_array().map(Vec::len),
        Some(1),
        "{view}"
    );
    let walk = [
        (outcome, "uitkomst"),
        (json!({"event": "open-consultation"}), "consultatie"),
        (json!({"event": "adopt", "on": "2026-07-01"}), "vastgesteld"),
        (
            json!({"event": "enter-into-force", "on": "2027-01-01"}),
            "in-werking",
        ),
        (json!({"event": "evaluate", "on": "2028-01-15"}), "evaluatie"),
    ];
    for (body, state) in walk {
        let (status, view) = step(&h, &owner, id, body).await;
        assert_eq!(status, StatusCode::OK, "{state}: {view}");
        assert_eq!(view["progress"]["state"], state);
    }
    let events = h
        .app
        .app
        .store()
        .list_audit_events("udo_dossier", &id.to_string())
        .await
        .unwrap();
    let steps = events.iter().filter(|e| e.action == "udo.step").count();
    assert_eq!(steps, 7, "every step is in the audit trail");

    let dashboard = h.get_json("/api/v1/udo/dashboard").await;
    let row = &dashboard.as_array().unwrap()[0];
    assert_eq!(row["ministry"], VWS);
    assert_eq!(
        (
            &row["dossiers"],
            &row["consulted"],
            &row["udo_before_consultation"],
            &row["uitvoerbaar"],
            &row["cosign"]
        ),
        (&json!(1), &json!(1), &json!(1), &json!(1), &json!(1))
    );
}

#[tokio::test]
async fn drafts_are_for_the_owner_bzk_and_the_koepels_and_only_the_owner_moves_them() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let (status, created) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&complete()),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let path = format!("/api/v1/udo/dossiers/{id}");
    let bzk = h.token_for("MNRE1034", "redacteur").await;
    let vng = h.token_for("VNG", "lezer").await;
    let uvw = h.token_for("UVW", "redacteur").await;
    let other = h.token_for("MNRE1045", "redacteur").await;
    for (token, expected) in [
        (Some(&bzk), StatusCode::OK),
        (Some(&vng), StatusCode::OK),
        (Some(&uvw), StatusCode::NOT_FOUND),
        (Some(&other), StatusCode::NOT_FOUND),
        (None, StatusCode::NOT_FOUND),
    ] {
        let (status, _) = h
            .request(token.map(String::as_str), Method::GET, &path, None)
            .await;
        assert_eq!(status, expected, "{token:?}");
    }
    let listed = |list: Value| list.as_array().unwrap().iter().any(|d| d["id"] == id);
    assert!(!listed(
        h.request(None, Method::GET, "/api/v1/udo/dossiers", None).await.1
    ));
    assert!(listed(
        h.request(Some(&owner), Method::GET, "/api/v1/udo/dossiers", None)
            .await
            .1
    ));

    let before = h.fingerprint().await;
    let (status, _) = step(&h, &bzk, id, json!({"event": "start-verkenning"})).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "BZK advises, it does not move the dossier"
    );
    let mut other_ministry = complete();
    other_ministry["ministry"] = json!("MNRE1045");
    let (status, _) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&other_ministry),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a ministry opens dossiers for itself only"
    );
    let mut ended = complete();
    ended["ministry"] = json!("MNRE1171");
    let (status, problem) = h.send_json(Method::POST, "/api/v1/udo/dossiers", &ended).await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["ministry".to_owned()])
    );
    let mut bad = complete();
    bad["financial"]["rows"][1]["structural"] = json!("-5");
    bad["title"] = json!("");
    let (status, problem) = h
        .request(Some(&owner), Method::POST, "/api/v1/udo/dossiers", Some(&bad))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let names = invalid_names(&problem);
    assert!(
        names.contains(&"title".to_owned()) && names.iter().any(|n| n.contains("rows[1].structural")),
        "{names:?}"
    );
    assert!(before == h.fingerprint().await, "nothing stored");

    // Once in consultation the dossier is public.
    for body in [
        json!({"event": "start-verkenning"}),
        json!({"event": "start-toets"}),
        json!({"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar"}}),
        json!({"event": "open-consultation"}),
    ] {
        let (status, view) = step(&h, &owner, id, body).await;
        assert_eq!(status, StatusCode::OK, "{view}");
    }
    let (status, public) = h.request(None, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["progress"]["state"], "consultatie");
}

const STEPPERS: usize = 12;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_steps_at_once_leave_one_taken_and_the_rest_refused() {
    let h = Harness::start().await;
    let (status, created) = h
        .send_json(Method::POST, "/api/v1/udo/dossiers", &complete())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let version = created["version"].as_i64().unwrap();
    let mut steppers = tokio::task::JoinSet::new();
    for _ in 0..STEPPERS {
        let request = h
            .client
            .post(h.url(&format!("/api/v1/udo/dossiers/{id}/steps")))
            .bearer_auth(&h.admin)
            .json(&json!({"event": "start-verkenning", "version": version}));
        steppers.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses = steppers.join_all().await;
    let taken = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let conflicts = statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count();
    assert_eq!((taken, conflicts), (1, STEPPERS - 1), "{statuses:?}");
    let view = h.get_json(&format!("/api/v1/udo/dossiers/{id}")).await;
    assert_eq!(view["progress"]["state"], "verkenning");
    assert_eq!(view["version"], version + 1);
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None);
}

#[tokio::test]
async fn the_demonstration_shows_a_public_dossier_its_rules_and_the_use_per_ministry() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let all = h.get_json("/api/v1/udo/dossiers").await;
    let titles: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 5, "loading twice opens each once: {titles:?}");
    let public = h.request(None, Method::GET, "/api/v1/udo/dossiers", None).await.1;
    let public = public.as_array().unwrap();
    let states: Vec<&str> = public.iter().map(|d| d["state"].as_str().unwrap()).collect();
    let mut sorted = states.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        ["consultatie", "evaluatie", "in-werking"],
        "only the dossiers in or past their consultation are public"
    );
    let in_force = public.iter().find(|d| d["state"] == "in-werking").unwrap();
    assert_eq!(in_force["cosign"], true);
    let id = in_force["id"].as_i64().unwrap();

    let page = h.get(&format!("/udo/{id}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Wet regionale zorgtoegang (demonstratie)"));
    assert!(
        html.contains("De minister van BZK ondertekent mee"),
        "the co-signing flag with its reasons"
    );
    assert!(
        html.contains("Gemeentewet, artikel 108, lid 3"),
        "each rule shows its source"
    );
    assert!(html.contains("<li aria-current=\"step\"><strong>in werking</strong>"));
    let held = all
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "Besluit klimaatadaptatieplannen (demonstratie)")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        h.get(&format!("/udo/{held}")).await.status(),
        StatusCode::NOT_FOUND,
        "a draft is not public"
    );
    let held = h.get_json(&format!("/api/v1/udo/dossiers/{held}")).await;
    assert_eq!(held["progress"]["state"], "toets", "held in the toets");

    let csv = h.get("/udo/gebruik.csv").await.text().await.unwrap();
    // The demonstration's dossiers carry their own days: VWS's was opened in 2026, SZW's
    // (evaluated) in 2024.
    assert!(
        csv.contains("Ministerie van Volksgezondheid, Welzijn en Sport;2026;1;1;1/1 (100%)"),
        "{csv}"
    );
    assert!(csv.contains("Alle ministeries;2024;1;1;1/1 (100%)"), "{csv}");
    let english = h.get_in_english("/udo/gebruik").await.text().await.unwrap();
    assert!(english.contains("Use of the UDO per ministry"));
}
