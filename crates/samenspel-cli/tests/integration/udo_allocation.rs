//! The task-allocation advice on a UDO dossier (issue 14, item 6): the dossier page and its
//! JSON show each option with its verdict and source, the advice, the smallest province and the
//! congruence figure of the division the dossier names as the app computes it; mandatory
//! cooperation without a written justification is refused naming the field, and nothing changes.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

const VWS: &str = "MNRE1025";

fn dossier(allocation: Value, mandatory: bool) -> Value {
    json!({
        "ministry": VWS,
        "title": "Wet regionale toegang",
        "summary": "Gemeenten richten per regio één toegang in.",
        "form": "wet",
        "layers": ["gemeenten"],
        "scope": "uitgebreid",
        "scope_reason": "Een nieuwe taak.",
        "phase": "in-voorbereiding",
        "aspects": {"tasks": "Eén toegang per regio.", "mandatory_cooperation": mandatory},
        "allocation": allocation
    })
}

fn allocation() -> Value {
    json!({
        "policy_freedom": "wenselijk",
        "municipalities_alone": "nee",
        "need_municipalities": "4",
        "division": "jeugdzorgregio",
        "principles": {
            "inhoud-centraal": {"met": "ja", "note": "De zorgvraag bepaalt de regio."},
            "democratisch-gelegitimeerd": {"met": "nee", "note": "Alleen via de regeling."}
        }
    })
}

#[tokio::test]
async fn the_page_and_the_json_show_the_advice_with_the_real_congruence_figure() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let (status, created) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(allocation(), false)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();

    // The figure the app computes from the divisions of 2025, not a typed-in number.
    let (division, _) = samenspel_app::udo::division_facts("jeugdzorgregio")
        .unwrap()
        .unwrap();
    let scale = samenspel_app::udo::province_scale().unwrap();
    let (_, view) = h
        .request(
            Some(&owner),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}"),
            None,
        )
        .await;
    let advice = &view["allocation"];
    assert_eq!(advice["advice"], "centrumgemeente", "{advice}");
    assert_eq!(advice["division"]["name"], division.name.as_str());
    assert_eq!(advice["division"]["regions"], division.regions);
    assert!(
        (advice["division"]["coinciding_share"].as_f64().unwrap() - division.coinciding_share).abs() < 1e-12
    );
    assert_eq!(
        advice["province_scale"]["smallest_municipalities"],
        scale.smallest_municipalities
    );
    let outcomes: Vec<&str> = advice["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["check"]["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        [
            "voldoet-niet",
            "voldoet",
            "voldoet",
            "voldoet-niet",
            "voldoet-niet"
        ]
    );
    assert!(
        advice["options"][0]["check"]["source"]
            .as_str()
            .unwrap()
            .contains("ROB")
    );
    assert_eq!(advice["principles_open"], 4);

    let browser = h.browser_as(VWS, "lezer").await;
    let page = browser.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(page.contains("id=\"taaktoedeling\""), "the section is there");
    assert!(
        page.contains("Advies: Centrumgemeente (vrijwillige samenwerking)."),
        "{page}"
    );
    let figure = format!("{}%", division.percent());
    assert!(page.contains(&figure), "the division's figure {figure} is shown");
    assert!(page.contains("Stel de inhoud centraal"), "the ROB's principles");
    assert!(page.contains("4 van de 6 uitgangspunten staan nog open."));
    assert!(page.contains("Actieagenda Sterk Bestuur"), "the options' sources");
}

#[tokio::test]
async fn mandatory_cooperation_without_justification_is_refused_and_nothing_changes() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let before = h.fingerprint().await;

    // The proposal makes cooperation mandatory, no justification written.
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(allocation(), true)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["allocation.justification"]);

    // Chosen as the place of the task, no justification written.
    let mut chosen = allocation();
    chosen["choice"] = json!("verplichte-samenwerking");
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(chosen, false)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["allocation.justification"]);

    // An unknown division, a choice that does not fit, bad fields: each named.
    let mut wrong = allocation();
    wrong["division"] = json!("geen-indeling");
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(wrong, false)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["allocation.division"]);
    let mut misfit = allocation();
    misfit["choice"] = json!("gemeente");
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(misfit, false)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["allocation.choice"]);
    let bad = json!({"policy_freedom": "soms", "municipalities_alone": "nee", "need_inhabitants": "veel"});
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier(bad, false)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let mut names = invalid_names(&problem);
    names.sort();
    assert_eq!(
        names,
        ["allocation.need_inhabitants", "allocation.policy_freedom"]
    );
    assert!(before == h.fingerprint().await, "nothing stored");

    // The form: the message lands beside the justification field, nothing stored.
    let browser = h.browser_as(VWS, "redacteur").await;
    let before = h.fingerprint().await;
    let form = browser.get("/udo/nieuw").await.text().await.unwrap();
    assert!(form.contains("name=\"allocation.justification\""));
    assert!(form.contains("name=\"allocation.principles.congruente-indeling.met\""));
    let fields = [
        ("ministry", VWS),
        ("title", "Wet regionale toegang"),
        ("summary", "Eén toegang per regio."),
        ("form", "wet"),
        ("layers", "gemeenten"),
        ("scope", "beperkt"),
        ("scope_reason", "Klein."),
        ("phase", "in-voorbereiding"),
        ("allocation.policy_freedom", "wenselijk"),
        ("allocation.municipalities_alone", "nee"),
        ("allocation.need_municipalities", "4"),
        ("allocation.choice", "verplichte-samenwerking"),
    ];
    let response = browser.post_form("/udo/nieuw", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"f-allocation-justification-error\""), "{html}");
    assert!(before == h.fingerprint().await, "nothing stored");
}
