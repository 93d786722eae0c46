//! Moore's triangle: each partner states its own side through the API or the form; the page
//! and the API show which element is missing or thin, per partner and for the whole; bad
//! input stores nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

fn strengths(view: &Value) -> Vec<String> {
    view["assessment"]["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["strength"].as_str().unwrap().to_owned())
        .collect()
}

async fn regio_deal(h: &Harness) -> i64 {
    let (status, body) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({"name": "Regio Deal Eemsdelta", "type": "regio-deal", "public_value": "Brede welvaart",
                    "partners": [{"code": "GM1979", "role": "trekker"}, {"code": "PV20", "role": "partner"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    let path = format!("/api/v1/collaborations/{id}/publication");
    h.send_json(Method::PUT, &path, &json!({"published": true})).await;
    id
}

#[tokio::test]
async fn partners_state_their_side_and_the_triangle_shows_what_is_thin() {
    let h = Harness::start().await;
    let id = regio_deal(&h).await;
    let path = format!("/api/v1/collaborations/{id}/moore");
    let empty = h.get_json(&path).await;
    assert_eq!(empty["joint_public_value"], "Brede welvaart");
    assert_eq!(
        strengths(&empty),
        ["dun", "ontbreekt", "ontbreekt"],
        "a joint definition alone is thin; nothing else is there"
    );

    let gm = h.token_for("GM1979", "redacteur").await;
    let pv = h.token_for("PV20", "redacteur").await;
    let full = json!({"public_value": "Werk in de Eemsdelta", "mandate": "Raadsbesluit 12-03-2025",
                      "support": "breed", "fte": 2.5, "processes": "Programmabureau"});
    let before = h.fingerprint().await;
    let (status, body) = h
        .request(Some(&pv), Method::PUT, &format!("{path}/GM1979"), Some(&full))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(before == h.fingerprint().await, "nothing stored");
    let (status, view) = h
        .request(Some(&gm), Method::PUT, &format!("{path}/gm1979"), Some(&full))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let thin = json!({"public_value": "Een vitale provincie", "support": "weinig", "fte": "1,0"});
    let (status, view) = h
        .request(Some(&pv), Method::PUT, &format!("{path}/PV20"), Some(&thin))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["assessment"]["total_fte"], 35);
    // No money and no elected body yet.
    assert_eq!(strengths(&view), ["op-orde", "dun", "dun"]);
    let legitimacy = view["assessment"]["elements"][1]["reasons"].to_string();
    assert!(legitimacy.contains("geen gekozen orgaan"), "{legitimacy}");
    assert!(
        legitimacy.contains("Provincie Groningen: Geen mandaat"),
        "{legitimacy}"
    );

    let money = json!({"partner": "GM1979", "year": 2026, "amount_cents": 100_000,
                       "instrument": "eigen-middelen", "status": "toegezegd"});
    let (status, _) = h
        .send_json(
            Method::POST,
            &format!("/api/v1/collaborations/{id}/money"),
            &money,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let view = h.get_json(&path).await;
    let gm_triangle = &view["assessment"]["partners"][0];
    assert_eq!(gm_triangle["code"], "GM1979");
    assert_eq!(
        gm_triangle["elements"][2]["strength"], "op-orde",
        "people, money and processes"
    );
    assert_eq!(
        view["assessment"]["partners"][1]["elements"][2]["strength"],
        "dun"
    );

    let html = h
        .get(&format!("/samenwerkingen/{id}/driehoek"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-triangle__chart\""));
    assert!(html.contains("Legitimiteit en steun: dun"));
    assert!(html.contains("Werk in de Eemsdelta"));
    assert!(html.contains("Weinig steun"));
    assert!(html.contains("2,5 FTE"));
    assert!(!html.contains("Invullen"), "anonymous readers get no form links");

    let events = h
        .get_json(&format!("/api/v1/collaborations/{id}/audit-events"))
        .await;
    let actions = events["items"].to_string();
    assert_eq!(actions.matches("moore.update").count(), 2, "{actions}");
}

#[tokio::test]
async fn bad_statements_are_refused_with_the_fields_named() {
    let h = Harness::start().await;
    let id = regio_deal(&h).await;
    let path = format!("/api/v1/collaborations/{id}/moore");
    let before = h.fingerprint().await;
    let (status, problem) = h
        .send_json(
            Method::PUT,
            &format!("{path}/GM1979"),
            &json!({"support": "enorm", "fte": "-1", "mandate": "a\u{7}b"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let mut names = invalid_names(&problem);
    names.sort();
    assert_eq!(names, ["fte", "mandate", "support"]);
    let (status, problem) = h
        .send_json(Method::PUT, &format!("{path}/GM0363"), &json!({"fte": 1}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["code"]);
    let (status, problem) = h
        .send_json(Method::PUT, &format!("{path}/GM1979"), &json!({"fte": [1]}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "not JSON of the right shape");
    let reason = problem["invalidParams"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("fte: verwacht een aantal FTE"), "{problem}");
    assert!(before == h.fingerprint().await, "nothing stored");

    let browser = h.browser_as("GM1979", "redacteur").await;
    let before = h.fingerprint().await;
    let form = format!("/samenwerkingen/{id}/driehoek/GM1979");
    let page = browser.get(&form).await.text().await.unwrap();
    assert!(page.contains("Mensen (FTE)"));
    let response = browser
        .post_form(&form, &[("fte", "twee"), ("public_value", "Werk")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("&#39;twee&#39; is geen aantal FTE") || page.contains("'twee' is geen aantal FTE"));
    assert!(page.contains(">Werk</textarea>"), "what was typed stays");
    assert!(before == h.fingerprint().await, "nothing stored");

    let response = browser
        .post_form(&form, &[("fte", "2,5"), ("support", "redelijk")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let view = h.get_json(&path).await;
    assert_eq!(view["statements"][0]["statement"]["fte"], 25);
    let page = browser.get(&form).await.text().await.unwrap();
    assert!(
        page.contains("value=\"2,5\""),
        "the form starts from what was stated"
    );
}
