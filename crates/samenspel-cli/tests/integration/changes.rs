//! The change log of a collaboration names every change and says what changed, for
//! democratic control, Moore's triangle and money too — on the page and in its JSON form.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::Harness;

async fn send(h: &Harness, method: Method, path: &str, body: Value) {
    let (status, answer) = h.send_json(method, path, &body).await;
    assert!(status.is_success(), "{path}: {status} {answer}");
}

#[tokio::test]
async fn the_change_log_names_and_summarises_control_moore_and_money() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Regio Deal Eemsdelta",
            &[("GM1979", "trekker"), ("PV20", "partner")],
        )
        .await;
    let api = format!("/api/v1/collaborations/{id}");
    let control = |bodies: Value| {
        json!({"bodies": bodies, "instruments": ["rekenkamer"], "next_evaluation": "2027-03-01",
               "moments": [{"kind": "kaderstelling", "date": "2026-03-01", "body": "gemeenteraden"}]})
    };
    send(
        &h,
        Method::PUT,
        &format!("{api}/control"),
        control(json!(["gemeenteraden"])),
    )
    .await;
    send(
        &h,
        Method::PUT,
        &format!("{api}/control"),
        control(json!(["gemeenteraden", "provinciale-staten"])),
    )
    .await;
    let statement =
        |fte: f64| json!({"public_value": "Werk in de Eemsdelta", "support": "breed", "fte": fte});
    send(&h, Method::PUT, &format!("{api}/moore/GM1979"), statement(2.5)).await;
    send(&h, Method::PUT, &format!("{api}/moore/GM1979"), statement(3.0)).await;
    let money = |cents: i64| json!({"partner": "PV20", "year": 2026, "amount_cents": cents, "instrument": "eigen-middelen", "status": "toegezegd"});
    send(&h, Method::POST, &format!("{api}/money"), money(100_000_000)).await;
    send(&h, Method::POST, &format!("{api}/money"), money(150_000_000)).await;

    let response = h.get(&format!("/samenwerkingen/{id}/wijzigingen")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    for expected in [
        "Democratische sturing gewijzigd",
        "vastgelegd — gekozen organen: Gemeenteraden; Wgr-instrumenten: Rekenkamer",
        "gewijzigd — gekozen organen: Gemeenteraden, Provinciale Staten",
        "Driehoek van Moore bijgewerkt",
        "oordeel van Eemsdelta vastgelegd",
        "oordeel van Eemsdelta gewijzigd: FTE",
        "Bedrag vastgelegd",
        "Provincie Groningen 2026 € 1.500.000,00 (Eigen middelen, toegezegd) (was € 1.000.000,00)",
    ] {
        assert!(html.contains(expected), "the change log shows {expected:?}");
    }
    for code in ["GM1979", "PV20"] {
        assert!(
            !html.contains(code),
            "the change log names {code}, never shows the code"
        );
    }

    let english = h
        .get_in_english(&format!("/samenwerkingen/{id}/wijzigingen"))
        .await
        .text()
        .await
        .unwrap();
    for expected in [
        "recorded — elected bodies: Municipal councils; Wgr instruments: Audit office (rekenkamer)",
        "changed — elected bodies: Municipal councils, Provincial councils (Provinciale Staten)",
        "assessment by Eemsdelta changed: FTE",
        "Provincie Groningen 2026 € 1.500.000,00 (Own resources, promised) (was € 1.000.000,00)",
        "on behalf of",
    ] {
        assert!(
            english.contains(expected),
            "the English change log shows {expected:?}"
        );
    }
    for dutch in ["namens", "vastgelegd", "gewijzigd", "oordeel van"] {
        assert!(
            !english.contains(dutch),
            "no Dutch {dutch:?} in the English change log"
        );
    }
    assert!(
        !html.contains("<td class=\"utrecht-table__cell\">Wijziging</td>"),
        "no change without a name"
    );

    let events = h
        .get(&format!("/samenwerkingen/{id}/wijzigingen.json"))
        .await
        .json::<Value>()
        .await
        .unwrap();
    let events = events.as_array().unwrap();
    for action in ["control.update", "moore.update", "money.record"] {
        let of_action: Vec<&Value> = events.iter().filter(|e| e["action"] == action).collect();
        assert_eq!(of_action.len(), 2, "{action} twice");
        for event in of_action {
            assert!(
                !event["label"].as_str().unwrap().is_empty(),
                "{action} has a label"
            );
            assert!(
                !event["summary"].as_str().unwrap().is_empty(),
                "{action} has a summary"
            );
        }
    }
    assert!(
        events.iter().all(|e| !e["summary"].as_str().unwrap().is_empty()),
        "every event summarised"
    );

    let csv = h
        .get(&format!("/samenwerkingen/{id}/wijzigingen.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with("\u{feff}id;tijdstip;door;namens;actie;omschrijving;samenvatting;voor;na\r\n"));
    for action in ["control.update", "moore.update", "money.record"] {
        assert_eq!(csv.matches(action).count(), 2, "the CSV names {action} twice");
    }
    for summary in ["(was € 1.000.000,00)", "Bedrag vastgelegd"] {
        assert!(
            csv.contains(summary),
            "the CSV has the label and summary {summary:?}"
        );
    }
}
