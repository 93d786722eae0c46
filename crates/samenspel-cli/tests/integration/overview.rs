//! "Mijn gemeente in samenwerking": the overview of one organisation with its money per year,
//! control instruments and coming moments, on the page, in CSV and through the API; drafts
//! stay out of what anonymous readers get.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::Harness;

async fn collaboration(h: &Harness, name: &str, publish: bool) -> i64 {
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({"name": name, "type": "regio-deal", "start_date": "2024-01-01", "end_date": "2032-12-31",
                    "partners": [{"code": "GM1979", "role": "trekker"}, {"code": "MNRE1153", "role": "financier"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    if publish {
        let path = format!("/api/v1/collaborations/{id}/publication");
        let (status, _) = h.send_json(Method::PUT, &path, &json!({"published": true})).await;
        assert_eq!(status, StatusCode::OK);
    }
    id
}

async fn money(h: &Harness, id: i64, year: i32, euros: i64, status: &str) {
    let body = json!({"partner": "GM1979", "year": year, "amount_cents": euros * 100,
                      "instrument": "eigen-middelen", "status": status});
    let path = format!("/api/v1/collaborations/{id}/money");
    let (code, answer) = h.send_json(Method::POST, &path, &body).await;
    assert_eq!(code, StatusCode::CREATED, "{answer}");
}

fn years(overview: &Value) -> Vec<(i64, i64)> {
    overview["money_per_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["amount"].as_i64().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_overview_shows_money_per_year_instruments_and_coming_moments() {
    let h = Harness::start().await;
    let id = collaboration(&h, "Regio Deal Eemsdelta", true).await;
    money(&h, id, 2026, 100_000, "toegezegd").await;
    money(&h, id, 2026, 120_000, "gerealiseerd").await;
    money(&h, id, 2027, 50_000, "begroot").await;
    let control = json!({
        "bodies": ["gemeenteraden"],
        "instruments": ["rekenkamer", "zienswijze-begroting"],
        "next_evaluation": "2031-01-01",
        "moments": [
            {"kind": "verantwoording", "date": "2020-01-01", "body": "gemeenteraden", "description": "Jaarverslag 2019"},
            {"kind": "kaderstelling", "date": "2030-05-01", "body": "gemeenteraden", "description": "Begroting 2031"}
        ]
    });
    let path = format!("/api/v1/collaborations/{id}/control");
    let (status, body) = h.send_json(Method::PUT, &path, &control).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A draft with money of the same municipality: not for anonymous readers.
    let draft = collaboration(&h, "Concept Regio Deal", false).await;
    money(&h, draft, 2026, 999, "begroot").await;

    let (status, overview) = h
        .request(None, Method::GET, "/api/v1/organisations/gm1979/overview", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{overview}");
    assert_eq!(
        years(&overview),
        [(2026, 12_000_000), (2027, 5_000_000)],
        "the realised figure supersedes the promise; the draft's money is not counted"
    );
    assert_eq!(overview["collaborations"].as_array().unwrap().len(), 1);
    let moments: Vec<(&str, &str)> = overview["moments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["date"].as_str().unwrap(), m["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        moments,
        [
            ("2030-05-01", "kaderstelling"),
            ("2031-01-01", "evaluatie"),
            ("2032-12-31", "einde")
        ],
        "the verantwoording of 2020 has passed"
    );
    let admin = h.get_json("/api/v1/organisations/GM1979/overview").await;
    assert_eq!(
        years(&admin),
        [(2026, 12_099_900), (2027, 5_000_000)],
        "the administrator sees the draft too"
    );

    let html = h.get("/organisaties/GM1979").await.text().await.unwrap();
    for expected in [
        "Rekenkamer, Zienswijze op de begroting",
        "2026: € 120.000,00",
        "<th class=\"utrecht-table__header-cell\" scope=\"row\">2027</th><td class=\"utrecht-table__cell ss-number\">€ 50.000,00</td>",
        "Komende besluit- en evaluatiemomenten",
        "01-05-2030",
        "Begroting 2031",
        "Einde van de looptijd (besluit over voortzetting)",
    ] {
        assert!(html.contains(expected), "page shows {expected}");
    }
    assert!(!html.contains("Jaarverslag 2019"), "past moments are left out");
    assert!(!html.contains("Concept Regio Deal"));

    let csv = h
        .get("/organisaties/GM1979/samenwerkingen.csv")
        .await
        .text()
        .await
        .unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with("controle_instrumenten;volgende_evaluatie;bestuursorganen;positie_raad;bijdrage_2026;bijdrage_2027"),
        "{header}"
    );
    let row = lines.next().unwrap();
    assert!(
        row.ends_with(";ja;rekenkamer,zienswijze-begroting;2031-01-01;;;120.000,00;50.000,00"),
        "{row}"
    );

    let other = h.get("/organisaties/MNRE1153").await.text().await.unwrap();
    assert!(other.contains("Er zijn geen bedragen van"));
}

#[tokio::test]
async fn an_unknown_organisation_has_no_overview() {
    let h = Harness::start().await;
    let (status, problem) = h
        .request(None, Method::GET, "/api/v1/organisations/GM9999/overview", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{problem}");
    assert_eq!(
        h.get("/organisaties/GM9999/samenwerkingen.csv").await.status(),
        StatusCode::NOT_FOUND
    );
}
