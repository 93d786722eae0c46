//! Money per partner per year: recording through the API and the form, who may, the rule
//! check for Regio Deals with its source, and bad input that stores nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::Harness;

async fn regio_deal(h: &Harness) -> i64 {
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({"name": "Regio Deal Eemsdelta", "type": "regio-deal", "partners": [
                {"code": "GM1979", "role": "trekker"},
                {"code": "MNRE1153", "role": "financier"},
                {"code": "PV20", "role": "partner"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_i64().unwrap()
}

fn figure(partner: &str, euros: i64, instrument: &str) -> Value {
    json!({"partner": partner, "year": 2026, "amount_cents": euros * 100, "instrument": instrument, "status": "toegezegd"})
}

#[tokio::test]
async fn a_regio_deal_where_the_rijk_pays_more_than_half_is_flagged_with_its_source() {
    let h = Harness::start().await;
    let id = regio_deal(&h).await;
    let path = format!("/api/v1/collaborations/{id}/money");
    for (partner, euros, instrument) in [
        ("MNRE1153", 6_000_000, "regio-deal-bijdrage"),
        ("PV20", 3_000_000, "eigen-middelen"),
        ("GM1979", 1_000_000, "eigen-middelen"),
    ] {
        let (status, body) = h
            .send_json(Method::POST, &path, &figure(partner, euros, instrument))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let money = h.get_json(&path).await;
    assert_eq!(money["summary"]["total"], 1_000_000_000_i64);
    let check = &money["summary"]["checks"][0];
    assert_eq!(check["key"], "regio-deal-rijk-hoogstens-helft");
    assert_eq!(check["outcome"], "voldoet-niet");
    assert!(check["source"].as_str().unwrap().contains("tabel 3.1"));

    h.send_json(
        Method::PUT,
        &format!("/api/v1/collaborations/{id}/publication"),
        &json!({"published": true}),
    )
    .await;
    let html = h
        .get(&format!("/samenwerkingen/{id}/geld"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Voldoet niet"));
    assert!(html.contains("€ 6.000.000,00 van € 10.000.000,00"));
    assert!(html.contains("Bron: ROB (2021)"));

    // The Rijk's figure lowered to half: the same key replaces the amount.
    let (status, _) = h
        .send_json(
            Method::POST,
            &path,
            &figure("MNRE1153", 4_000_000, "regio-deal-bijdrage"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let money = h.get_json(&path).await;
    assert_eq!(money["items"].as_array().unwrap().len(), 3);
    assert_eq!(money["summary"]["checks"][0]["outcome"], "voldoet");
}

#[tokio::test]
async fn only_the_paying_partner_or_the_trekker_records_money() {
    let h = Harness::start().await;
    let id = regio_deal(&h).await;
    h.send_json(
        Method::PUT,
        &format!("/api/v1/collaborations/{id}/publication"),
        &json!({"published": true}),
    )
    .await;
    let path = format!("/api/v1/collaborations/{id}/money");
    let body = figure("PV20", 100, "eigen-middelen");
    let cases = [
        (None, StatusCode::UNAUTHORIZED),
        (Some(h.token_for("PV20", "lezer").await), StatusCode::FORBIDDEN),
        (
            Some(h.token_for("MNRE1153", "redacteur").await),
            StatusCode::FORBIDDEN,
        ),
        (
            Some(h.token_for("GM0363", "redacteur").await),
            StatusCode::FORBIDDEN,
        ),
        (Some(h.token_for("PV20", "redacteur").await), StatusCode::CREATED),
        (
            Some(h.token_for("GM1979", "redacteur").await),
            StatusCode::CREATED,
        ),
    ];
    for (token, expected) in cases {
        let before = h.fingerprint().await;
        let (status, answer) = h
            .request(token.as_deref(), Method::POST, &path, Some(&body))
            .await;
        assert_eq!(status, expected, "{answer}");
        if expected != StatusCode::CREATED {
            assert!(before == h.fingerprint().await, "nothing stored");
        }
    }
    let money = h.get_json(&path).await;
    let contribution = money["items"][0]["id"].as_i64().unwrap();
    let delete = format!("{path}/{contribution}");
    let (status, _) = h
        .request(
            Some(&h.token_for("MNRE1153", "redacteur").await),
            Method::DELETE,
            &delete,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = h
        .request(
            Some(&h.token_for("PV20", "redacteur").await),
            Method::DELETE,
            &delete,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let events = h
        .get_json(&format!("/api/v1/collaborations/{id}/audit-events"))
        .await;
    let actions: Vec<&str> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .filter(|a| a.starts_with("money."))
        .collect();
    assert_eq!(actions, ["money.record", "money.record", "money.delete"]);
}

#[tokio::test]
async fn bad_money_is_refused_with_the_field_named_and_nothing_stored() {
    let h = Harness::start().await;
    let id = regio_deal(&h).await;
    let path = format!("/api/v1/collaborations/{id}/money");
    let before = h.fingerprint().await;
    let (status, body) = h
        .send_json(
            Method::POST,
            &path,
            &json!({"partner": "GM0363", "year": 2026, "amount_cents": 5, "instrument": "eigen-middelen", "status": "begroot"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not a partner");
    assert_eq!(body["invalidParams"][0]["name"], "partner");
    let (status, body) = h
        .send_json(
            Method::POST,
            &path,
            &json!({"partner": "PV20", "year": 1850, "amount_cents": -5, "instrument": "subsidie", "status": "?"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let names: Vec<&str> = body["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["year", "amount_cents", "instrument", "status"]);
    assert!(before == h.fingerprint().await, "nothing stored");

    let browser = h.browser_as("GM1979", "redacteur").await;
    let before = h.fingerprint().await;
    let response = browser
        .post_form(
            &format!("/samenwerkingen/{id}/geld"),
            &[
                ("partner", "GM1979"),
                ("year", "2026"),
                ("amount", "drie ton"),
                ("instrument", "eigen-middelen"),
                ("status", "begroot"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"f-amount-error\">Dit is geen bedrag"),
        "{html}"
    );
    assert!(html.contains("value=\"drie ton\""), "the input is kept");
    assert!(before == h.fingerprint().await, "nothing stored");

    let response = browser
        .post_form(
            &format!("/samenwerkingen/{id}/geld"),
            &[
                ("partner", "GM1979"),
                ("year", "2026"),
                ("amount", "€ 300.000,50"),
                ("instrument", "eigen-middelen"),
                ("status", "begroot"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let money = h.get_json(&path).await;
    assert_eq!(money["items"][0]["amount"], 30_000_050);
}
