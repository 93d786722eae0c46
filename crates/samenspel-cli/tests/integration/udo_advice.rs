//! BZK's advice and the koepels' judgements given by BZK and the koepels themselves (issue 14,
//! item 4): only a redacteur of BZK advises, only a redacteur of a koepel concerned judges (for
//! its own koepel); a stale version is a 409; bad input is a 422 naming the field with nothing
//! changed; several koepels judging at once are each stored or cleanly refused with 409; the
//! change shows on the dossier page and in the JSON; the forms are offered only to them.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

const VWS: &str = "MNRE1025";
const BZK: &str = "MNRE1034";

fn dossier() -> Value {
    json!({
        "ministry": VWS,
        "title": "Wet gedeelde uitvoering",
        "summary": "Gemeenten, provincies en waterschappen voeren samen een taak uit.",
        "form": "wet",
        "layers": ["gemeenten", "provincies", "waterschappen"],
        "scope": "uitgebreid",
        "scope_reason": "Een nieuwe taak voor drie lagen.",
        "phase": "in-voorbereiding",
        "koepels": [{"koepel": "vng", "asked_on": "2026-01-10", "judgement": ""}],
        "aspects": {"tasks": "Samen uitvoeren."}
    })
}

async fn version(h: &Harness, token: &str, id: i64) -> i64 {
    h.request(
        Some(token),
        Method::GET,
        &format!("/api/v1/udo/dossiers/{id}"),
        None,
    )
    .await
    .1["version"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn bzk_advises_and_the_koepels_judge_themselves() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let bzk = h.token_for(BZK, "redacteur").await;
    let vng = h.token_for("VNG", "redacteur").await;
    let vng_reader = h.token_for("VNG", "lezer").await;
    let ipo = h.token_for("IPO", "redacteur").await;
    let (status, created) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier()),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let advice_path = format!("/api/v1/udo/dossiers/{id}/bzk-advice");
    let judgement_path = format!("/api/v1/udo/dossiers/{id}/koepel-judgement");
    let v = version(&h, &owner, id).await;
    let advice = json!({"version": v, "moment": "ambtelijk-voorportaal", "given_on": "2026-02-01", "advice": "Kosten per laag kwantificeren."});

    // Only BZK advises; the owner, a koepel are refused and nothing changes.
    let before = h.fingerprint().await;
    for token in [&owner, &vng] {
        let (status, _) = h
            .request(Some(token), Method::POST, &advice_path, Some(&advice))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    // Bad input names the field.
    let mut bad = advice.clone();
    bad["moment"] = json!("kabinet");
    bad["given_on"] = json!("gisteren");
    let (status, problem) = h
        .request(Some(&bzk), Method::POST, &advice_path, Some(&bad))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let mut names = invalid_names(&problem);
    names.sort();
    assert_eq!(names, ["given_on", "moment"]);
    let mut empty = advice.clone();
    empty["advice"] = json!("  ");
    let (status, problem) = h
        .request(Some(&bzk), Method::POST, &advice_path, Some(&empty))
        .await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["advice".to_owned()])
    );
    assert!(before == h.fingerprint().await, "nothing changed");

    let (status, view) = h
        .request(Some(&bzk), Method::POST, &advice_path, Some(&advice))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(
        view["content"]["bzk_advice"][0]["advice"],
        "Kosten per laag kwantificeren."
    );
    // The same version again is stale.
    let (status, _) = h
        .request(Some(&bzk), Method::POST, &advice_path, Some(&advice))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // A koepel judges for itself only; a lezer may not; an empty judgement names the field.
    let v = version(&h, &owner, id).await;
    let judgement = json!({"version": v, "koepel": "vng", "judgement": "Uitvoerbaar met middelen."});
    let before = h.fingerprint().await;
    for token in [&ipo, &vng_reader, &owner, &bzk] {
        let (status, _) = h
            .request(Some(token), Method::POST, &judgement_path, Some(&judgement))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let mut empty = judgement.clone();
    empty["judgement"] = json!("");
    let (status, problem) = h
        .request(Some(&vng), Method::POST, &judgement_path, Some(&empty))
        .await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["judgement".to_owned()])
    );
    let mut unknown = judgement.clone();
    unknown["koepel"] = json!("knvb");
    let (status, problem) = h
        .request(Some(&vng), Method::POST, &judgement_path, Some(&unknown))
        .await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["koepel".to_owned()])
    );
    assert!(before == h.fingerprint().await, "nothing changed");
    let (status, view) = h
        .request(Some(&vng), Method::POST, &judgement_path, Some(&judgement))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(
        view["content"]["koepels"][0]["judgement"],
        "Uitvoerbaar met middelen."
    );
    assert_eq!(
        view["content"]["koepels"][0]["asked_on"], "2026-01-10",
        "the asking date is kept"
    );

    // The page shows both, and offers the forms only to BZK and the koepel.
    let page = h
        .browser_as(VWS, "lezer")
        .await
        .get(&format!("/udo/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Kosten per laag kwantificeren."));
    assert!(page.contains("Uitvoerbaar met middelen."));
    assert!(!page.contains("/advies\"") && !page.contains("/oordeel\""));
    let bzk_browser = h.browser_as(BZK, "redacteur").await;
    let page = bzk_browser.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(page.contains(&format!("href=\"/udo/{id}/advies\"")));
    assert!(!page.contains("/oordeel\""));
    let koepel_browser = h.browser_as("UVW", "redacteur").await;
    let page = koepel_browser
        .get(&format!("/udo/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("href=\"/udo/{id}/oordeel\"")));
    assert!(!page.contains("/advies\""));
    assert_eq!(
        koepel_browser.get(&format!("/udo/{id}/advies")).await.status(),
        StatusCode::FORBIDDEN
    );

    // The koepel's form: a refusal lands beside the field; a save leads to the dossier.
    let form = koepel_browser
        .get(&format!("/udo/{id}/oordeel"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("name=\"judgement\""));
    let v = version(&h, &owner, id).await.to_string();
    let before = h.fingerprint().await;
    let response = koepel_browser
        .post_form(
            &format!("/udo/{id}/oordeel"),
            &[("version", &v), ("koepel", "uvw"), ("judgement", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("id=\"f-judgement-error\"")
    );
    assert!(before == h.fingerprint().await, "nothing changed");
    let response = koepel_browser
        .post_form(
            &format!("/udo/{id}/oordeel"),
            &[
                ("version", &v),
                ("koepel", "uvw"),
                ("judgement", "Waterschappen kunnen dit dragen."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, view) = h
        .request(
            Some(&owner),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}"),
            None,
        )
        .await;
    let uvw = view["content"]["koepels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["koepel"] == "uvw")
        .cloned()
        .unwrap();
    assert_eq!(uvw["judgement"], "Waterschappen kunnen dit dragen.");

    // Each write is in the audit trail on behalf of BZK or the koepel that gave it.
    let events = h
        .app
        .app
        .store()
        .list_audit_events("udo_dossier", &id.to_string())
        .await
        .unwrap();
    let by: Vec<Option<&str>> = events
        .iter()
        .filter(|e| e.action == "udo.update")
        .map(|e| e.actor_organisation.as_deref())
        .collect();
    for org in [BZK, "VNG", "UVW"] {
        assert!(by.contains(&Some(org)), "{org} in {by:?}");
    }
}

#[tokio::test]
async fn koepels_judging_at_once_are_each_stored_or_cleanly_refused() {
    let h = Harness::start().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let (_, created) = h
        .request(
            Some(&owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier()),
        )
        .await;
    let id = created["id"].as_i64().unwrap();
    let path = format!("/api/v1/udo/dossiers/{id}/koepel-judgement");
    let mut tokens = Vec::new();
    for org in ["VNG", "IPO", "UVW"] {
        tokens.push((org, h.token_for(org, "redacteur").await));
    }
    for _round in 0..3 {
        let v = version(&h, &owner, id).await;
        let mut senders = tokio::task::JoinSet::new();
        for (org, token) in &tokens {
            let body = json!({"version": v, "koepel": org.to_lowercase(), "judgement": format!("Oordeel van {org} bij versie {v}.")});
            let request = h.client.post(h.url(&path)).bearer_auth(token).json(&body);
            let org = *org;
            senders.spawn(async move { (org, request.send().await.unwrap().status()) });
        }
        let results = senders.join_all().await;
        let stored: Vec<&str> = results
            .iter()
            .filter(|r| r.1 == StatusCode::OK)
            .map(|r| r.0)
            .collect();
        assert!(
            results
                .iter()
                .all(|r| r.1 == StatusCode::OK || r.1 == StatusCode::CONFLICT),
            "{results:?}"
        );
        assert_eq!(stored.len(), 1, "one write per version: {results:?}");
        let (_, view) = h
            .request(
                Some(&owner),
                Method::GET,
                &format!("/api/v1/udo/dossiers/{id}"),
                None,
            )
            .await;
        for org in stored {
            let entry = view["content"]["koepels"]
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["koepel"] == org.to_lowercase())
                .cloned()
                .unwrap();
            assert_eq!(
                entry["judgement"],
                format!("Oordeel van {org} bij versie {v}."),
                "none lost silently"
            );
        }
    }
}
