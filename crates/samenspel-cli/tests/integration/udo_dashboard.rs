//! The dashboard of the UDO's use (issue 14, item 10): its chart shows the figures of its
//! table; the filters `year` and `ministry` narrow the page, the CSV and the API alike; a bad
//! value is refused naming its parameter.

use chrono::NaiveDate;
use reqwest::{Method, StatusCode};
use samenspel_app::{App, Clock, Principal};
use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::StepInput;
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

const VWS: &str = "MNRE1025";
const BZK: &str = "MNRE1034";

/// A dossier of `ministry` with every rule of the normenkader met.
fn dossier(ministry: &str, title: &str) -> DossierInput {
    serde_json::from_value(json!({
        "ministry": ministry, "title": title,
        "summary": "Gemeenten krijgen een nieuwe taak.", "form": "wet", "layers": ["gemeenten"],
        "scope": "beperkt", "scope_reason": "Een kleine taak.", "phase": "in-voorbereiding",
        "koepels": [{"koepel": "vng", "asked_on": "2025-01-10", "judgement": "Uitvoerbaar."}],
        "aspects": {"tasks": "Aanvragen beoordelen.", "policy_freedom": "dwingend", "medebewind": true,
            "compensation": "Via de algemene uitkering.", "allocation_reason": "Gemeenten kennen de aanvragers.",
            "governments_affected": "342"},
        "bzk_advice": [{"moment": "ambtelijk-voorportaal", "given_on": "2025-02-01", "advice": "Akkoord."}],
        "financial_consequences_expected": true,
        "financial": {
            "rows": [{"layer": "gemeenten", "year": "2026", "structural": "1.000.000", "incidental": "0",
                "reasoning": "Uren maal aanvragen.", "source": "Kostenonderzoek"}],
            "articles": ["fvw-2", "gemeentewet-108-3"], "funding": "algemene-uitkering",
            "consulted_bzk_on": "2025-02-15", "consulted_financien_on": "2025-02-15"
        },
        "consultation": {"co_governments_opens": "2025-04-01", "co_governments_closes": "2025-05-31"}
    }))
    .unwrap()
}

fn on(app: &App, y: i32, m: u32, d: u32) -> App {
    let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    app.clone()
        .with_clock(Clock::fixed(day.and_hms_opt(12, 0, 0).unwrap().and_utc()))
}

/// VWS: one dossier opened in 2025 and consulted, one concept of 2026; BZK: one concept of 2026.
async fn three_dossiers(h: &Harness) {
    let who = Principal::System("test");
    let app = &h.app.app;
    let consulted = on(app, 2025, 1, 6)
        .create_udo_dossier(&dossier(VWS, "Wet een"), &who)
        .await
        .unwrap();
    let steps = [
        json!({"event": "start-verkenning"}),
        json!({"event": "start-toets"}),
        json!({"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar"}}),
        json!({"event": "open-consultation"}),
    ];
    let mut version = 1;
    for (month, step) in (2..).zip(steps) {
        let step: StepInput = serde_json::from_value(step).unwrap();
        version = on(app, 2025, month, 1)
            .take_udo_step(consulted, version, &step, &who)
            .await
            .unwrap()
            .version;
    }
    for (ministry, title) in [(VWS, "Wet twee"), (BZK, "Wet drie")] {
        on(app, 2026, 3, 1)
            .create_udo_dossier(&dossier(ministry, title), &who)
            .await
            .unwrap();
    }
}

/// The numbers written after the chart's bars, in order.
fn bar_numbers(html: &str) -> Vec<u32> {
    html.split("class=\"ss-udo-chart__number\"")
        .skip(1)
        .map(|rest| {
            let text = &rest[rest.find('>').unwrap() + 1..];
            text[..text.find('<').unwrap()].parse().unwrap()
        })
        .collect()
}

/// The `data-count` of each part of the chart with that class.
fn part_counts(html: &str, part: &str) -> Vec<u32> {
    html.split(&format!("class=\"ss-udo-chart__{part}\""))
        .skip(1)
        .map(|rest| {
            let start = rest.find("data-count=\"").unwrap() + "data-count=\"".len();
            rest[start..start + rest[start..].find('"').unwrap()]
                .parse()
                .unwrap()
        })
        .collect()
}

/// The dossiers column of each figure, as the API gives them: (ministry, year, dossiers).
fn api_rows(figures: &Value) -> Vec<(String, i64, i64)> {
    figures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["ministry"].as_str().unwrap().to_owned(),
                f["year"].as_i64().unwrap(),
                f["dossiers"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_chart_shows_the_tables_figures_and_the_filters_narrow_page_csv_and_api() {
    let h = Harness::start().await;
    three_dossiers(&h).await;

    let page = h.get("/udo/gebruik").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-chart ss-udo-chart\""));
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("<desc id=\"udo-chart-desc\">"));
    // Per ministry in code order (VWS, BZK): the sums of its rows in the table.
    assert_eq!(bar_numbers(&html), [2, 1]);
    assert_eq!(part_counts(&html, "udo-before"), [1]);
    assert_eq!(part_counts(&html, "not-consulted"), [1, 1]);
    assert!(part_counts(&html, "consulted-without").is_empty());
    let vws = "Ministerie van Volksgezondheid, Welzijn en Sport";
    assert!(html.contains(&format!(
        "{vws}: 2 in totaal; 1 geconsulteerd met de UDO-uitkomst vooraf"
    )));
    assert!(html.contains("1/1 (100%)"), "the table has the consulted dossier");

    // One year: the chart and the table hold only that year's dossiers.
    let html = h.get("/udo/gebruik?year=2025").await.text().await.unwrap();
    assert_eq!(bar_numbers(&html), [1]);
    assert_eq!(part_counts(&html, "udo-before"), [1]);
    assert!(html.contains("<td class=\"utrecht-table__cell\">2025</td>"));
    assert!(!html.contains("<td class=\"utrecht-table__cell\">2026</td>"));
    assert!(html.contains("value=\"2025\""), "the form keeps the year");
    assert!(
        html.contains("href=\"/udo/gebruik.csv?year=2025\""),
        "the CSV link keeps it too"
    );
    // One ministry.
    let html = h
        .get(&format!("/udo/gebruik?ministry={BZK}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(bar_numbers(&html), [1]);
    assert!(html.contains(&format!("<option value=\"{BZK}\" selected>")));
    assert!(!html.contains(&format!(
        "<th class=\"utrecht-table__header-cell\" scope=\"row\">{vws}"
    )));
    // Nothing in that year.
    let html = h.get("/udo/gebruik?year=2024").await.text().await.unwrap();
    assert!(html.contains("Er zijn geen UDO-dossiers voor deze keuze."));
    assert!(!html.contains("<svg"));

    let csv = h.get("/udo/gebruik.csv?year=2025").await.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "header, VWS 2025 and the total of 2025: {csv}");
    assert!(
        lines[1].starts_with(&format!("{vws};2025;1;1;1/1 (100%)")),
        "{csv}"
    );
    assert!(lines[2].starts_with("Alle ministeries;2025;1;"), "{csv}");
    let csv = h
        .get(&format!("/udo/gebruik.csv?year=2026&ministry={BZK}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains(";2026;1;0;"), "{csv}");

    let all = h.get_json("/api/v1/udo/dashboard").await;
    assert_eq!(
        api_rows(&all),
        [
            (VWS.to_owned(), 2025, 1),
            (VWS.to_owned(), 2026, 1),
            (BZK.to_owned(), 2026, 1)
        ]
    );
    let one = h
        .get_json(&format!(
            "/api/v1/udo/dashboard?year=2026&ministry={}",
            VWS.to_lowercase()
        ))
        .await;
    assert_eq!(api_rows(&one), [(VWS.to_owned(), 2026, 1)]);
    let none = h.get_json("/api/v1/udo/dashboard?year=2024").await;
    assert_eq!(none, json!([]));
    let empty = h.get_json("/api/v1/udo/dashboard?year=&ministry=").await;
    assert_eq!(empty, all, "empty parameters mean everything");

    let english = h
        .get_in_english("/udo/gebruik?year=2025")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        english.contains("Dossiers per ministry"),
        "the chart speaks English too"
    );
    assert!(english.contains("Consulted, UDO outcome beforehand"));
}

#[tokio::test]
async fn a_bad_year_or_ministry_is_refused_naming_its_parameter() {
    let h = Harness::start().await;
    three_dossiers(&h).await;
    for (query, names) in [
        ("year=twintig", vec!["year"]),
        ("year=1999", vec!["year"]),
        ("year=2025.0", vec!["year"]),
        ("ministry=GM0363", vec!["ministry"]),
        ("ministry=MNRE9999", vec!["ministry"]),
        ("year=x&ministry=%3Cb%3E", vec!["year", "ministry"]),
    ] {
        let (status, problem) = h
            .request(None, Method::GET, &format!("/api/v1/udo/dashboard?{query}"), None)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {problem}");
        assert_eq!(invalid_names(&problem), names, "{query}");
    }

    let page = h.get("/udo/gebruik?year=twintig").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Parameter year: &#39;twintig&#39; is geen jaartal van 2000 tot en met 2100."),
        "{html}"
    );
    assert!(html.contains("Alle dossiers zijn geteld."));
    assert_eq!(bar_numbers(&html), [2, 1], "everything is counted then");
    let page = h.get("/udo/gebruik?ministry=GM0363").await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Parameter ministry: &#39;GM0363&#39; is geen ministerie.")
    );

    let csv = h.get("/udo/gebruik.csv?year=1800").await;
    assert_eq!(csv.status(), StatusCode::BAD_REQUEST);
    let text = csv.text().await.unwrap();
    assert!(
        text.starts_with("Parameter year: '1800' is geen jaartal"),
        "{text}"
    );
}

/// Skipping the UDO is a step with its reason: refused without one (nothing changes), then
/// shown on the dossier's public page and counted as consulted without a UDO.
#[tokio::test]
async fn a_dossier_consulted_without_a_udo_says_why_and_is_counted_so() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let input = serde_json::to_value(dossier(VWS, "Wet zonder toets")).unwrap();
    let (status, created) = h
        .request(Some(&owner), Method::POST, "/api/v1/udo/dossiers", Some(&input))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let path = format!("/api/v1/udo/dossiers/{id}/steps");
    let (status, _) = h
        .request(
            Some(&owner),
            Method::POST,
            &path,
            Some(&json!({"version": 1, "event": "start-verkenning"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let before = h.fingerprint().await;
    let skip = json!({"version": 2, "event": "open-consultation-without-udo", "reason": "  "});
    let (status, problem) = h.request(Some(&owner), Method::POST, &path, Some(&skip)).await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["reason".to_owned()])
    );
    assert!(
        before == h.fingerprint().await,
        "a step without its reason changes nothing"
    );

    let reason = "De Tweede Kamer vraagt het voorstel voor het zomerreces.";
    let skip = json!({"version": 2, "event": "open-consultation-without-udo", "reason": reason});
    let (status, after) = h.request(Some(&owner), Method::POST, &path, Some(&skip)).await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(after["progress"]["state"], "consultatie");
    assert_eq!(after["progress"]["udo_skipped"], reason);

    let page = h.get(&format!("/udo/{id}")).await;
    assert_eq!(page.status(), StatusCode::OK, "public once in consultation");
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Zonder UDO in consultatie") && html.contains(reason),
        "{html}"
    );

    let figures = h.get_json("/api/v1/udo/dashboard").await;
    assert_eq!(figures[0]["consulted"], 1, "{figures}");
    assert_eq!(figures[0]["udo_before_consultation"], 0, "{figures}");
    let html = h.get("/udo/gebruik").await.text().await.unwrap();
    assert_eq!(part_counts(&html, "consulted-without"), [1]);
    assert!(part_counts(&html, "udo-before").is_empty());
}
