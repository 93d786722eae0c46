//! Reactions to a UDO dossier's consultation (issue 14, item 7): taken during the consultation
//! only, refused with the field named and nothing stored for a filled honeypot or markup,
//! limited per address also under a parallel burst, moderated only by the owning ministry,
//! published without name and place when the author objects, and counted in the report.

use chrono::{TimeZone, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};

/// The ministry that holds the pen: VWS.
const VWS: &str = "MNRE1025";

/// A harness whose "today" lies in the consultation of [`dossier`] (1 April – 31 May 2026,
/// the internet consultation until 6 May).
pub(crate) async fn during_consultation() -> Harness {
    Harness::start_with(samenspel_app::Clock::fixed(
        Utc.with_ymd_and_hms(2026, 4, 15, 12, 0, 0).unwrap(),
    ))
    .await
}

pub(crate) fn dossier() -> Value {
    json!({
        "ministry": VWS,
        "title": "Wet betere bijstand",
        "summary": "Gemeenten krijgen een nieuwe taak.",
        "form": "wet", "layers": ["gemeenten"], "scope": "uitgebreid",
        "scope_reason": "Grote nieuwe taak.", "phase": "in-voorbereiding",
        "koepels": [{"koepel": "vng", "asked_on": "2026-01-10", "judgement": "Uitvoerbaar."}],
        "aspects": {
            "tasks": "Beoordelen van aanvragen.", "policy_freedom": "dwingend", "medebewind": true,
            "compensation": "Via de algemene uitkering.",
            "allocation_reason": "Gemeenten kennen de aanvragers.", "governments_affected": "342"
        },
        "bzk_advice": [{"moment": "ambtelijk-voorportaal", "given_on": "2026-02-01", "advice": "Akkoord."}],
        "financial_consequences_expected": true,
        "financial": {
            "rows": [{"layer": "gemeenten", "year": "2027", "structural": "5.000.000", "incidental": "0", "reasoning": "Uren maal aanvragen.", "source": "Kostenonderzoek 2026"}],
            "articles": ["fvw-2", "gemeentewet-108-3"], "funding": "algemene-uitkering",
            "consulted_bzk_on": "2026-02-15", "consulted_financien_on": "2026-02-15"
        },
        "consultation": {
            "co_governments_opens": "2026-04-01", "co_governments_closes": "2026-05-31",
            "internet_opens": "2026-04-01", "internet_closes": "2026-05-06"
        }
    })
}

/// Opens the dossier as the owner and takes it through `events`; returns its id.
pub(crate) async fn open(h: &Harness, owner: &str, events: &[&str]) -> i64 {
    let (status, created) = h
        .request(
            Some(owner),
            Method::POST,
            "/api/v1/udo/dossiers",
            Some(&dossier()),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let mut version = created["version"].as_i64().unwrap();
    for event in events {
        let mut body = json!({"event": event});
        if *event == "record-outcome" {
            body["outcome"] = json!({"outcome": "uitvoerbaar"});
        }
        body["version"] = json!(version);
        let (status, view) = h
            .request(
                Some(owner),
                Method::POST,
                &format!("/api/v1/udo/dossiers/{id}/steps"),
                Some(&body),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{event}: {view}");
        version = view["version"].as_i64().unwrap();
    }
    id
}

pub(crate) const TO_CONSULTATION: [&str; 4] = [
    "start-verkenning",
    "start-toets",
    "record-outcome",
    "open-consultation",
];

fn reaction(kind: &str, name: &str, objects: bool, text: &str) -> Value {
    json!({"kind": kind, "author_name": name, "place": format!("Plaats van {name}"),
        "objects_to_publication": objects, "text": text})
}

async fn react(h: &Harness, token: Option<&str>, id: i64, body: &Value) -> (StatusCode, Value) {
    h.request(
        token,
        Method::POST,
        &format!("/api/v1/udo/dossiers/{id}/reactions"),
        Some(body),
    )
    .await
}

async fn moderate(h: &Harness, token: Option<&str>, id: i64, reaction: i64, body: Value) -> StatusCode {
    h.request(
        token,
        Method::POST,
        &format!("/api/v1/udo/dossiers/{id}/reactions/{reaction}/moderation"),
        Some(&body),
    )
    .await
    .0
}

#[tokio::test]
async fn reactions_are_taken_in_the_consultation_moderated_by_the_owner_and_counted() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let gemeente = h.token_for("GM0363", "redacteur").await;
    let vng = h.token_for("VNG", "lezer").await;
    let other = h.token_for("MNRE1045", "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION[..2]).await;
    let piet = reaction("publiek", "Piet Jansen", false, "Goed plan.\nMaar te duur.");
    let (status, _) = react(&h, None, id, &piet).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a draft does not exist for visitors"
    );
    let (status, problem) = react(&h, Some(&owner), id, &piet).await;
    assert_eq!(status, StatusCode::CONFLICT, "not yet in consultation: {problem}");
    assert!(problem.to_string().contains("niet in consultatie"), "{problem}");
    let status = moderate(&h, None, id, 1, json!({"status": "gepubliceerd"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nor its moderation");

    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let (status, first) = react(&h, None, id, &piet).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let hidden = reaction("publiek", "Geheim Persoon", true, "Liever anoniem.");
    let (status, second) = react(&h, None, id, &hidden).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");

    let before = h.fingerprint().await;
    let mut honeypot = piet.clone();
    honeypot["website"] = json!("https://spam.example");
    let (status, problem) = react(&h, None, id, &honeypot).await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["website".to_owned()])
    );
    let script = reaction("publiek", "Piet", false, "Hallo <script>alert(1)</script>");
    let (status, problem) = react(&h, None, id, &script).await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["text".to_owned()])
    );
    let koepel = reaction("koepel", "VNG", false, "Namens de VNG.");
    assert_eq!(react(&h, None, id, &koepel).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        react(&h, Some(&gemeente), id, &koepel).await.0,
        StatusCode::FORBIDDEN,
        "a gemeente is no koepel"
    );
    assert!(before == h.fingerprint().await, "refused reactions store nothing");
    let medeoverheid = reaction("medeoverheid", "Gemeente Amsterdam", false, "Uitvoerbaar.");
    let (status, third) = react(&h, Some(&gemeente), id, &medeoverheid).await;
    assert_eq!(status, StatusCode::CREATED, "{third}");
    let (status, fourth) = react(&h, Some(&vng), id, &koepel).await;
    assert_eq!(status, StatusCode::CREATED, "{fourth}");
    let ids: Vec<i64> = [&first, &second, &third, &fourth]
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();

    let path = format!("/api/v1/udo/dossiers/{id}/reactions");
    let (_, public) = h.request(None, Method::GET, &path, None).await;
    assert_eq!(public["reactions"], json!([]), "nothing is published unread");
    let (_, all) = h.request(Some(&owner), Method::GET, &path, None).await;
    assert_eq!(all["moderator"], json!(true));
    assert_eq!(all["reactions"].as_array().map(Vec::len), Some(4));

    // Moderation: only the owning ministry; a refusal changes nothing.
    let before = h.fingerprint().await;
    let publish = json!({"status": "gepubliceerd", "theme": "Financiën"});
    assert_eq!(
        moderate(&h, None, id, ids[0], publish.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    for token in [&other, &gemeente, &vng] {
        assert_eq!(
            moderate(&h, Some(token), id, ids[0], publish.clone()).await,
            StatusCode::FORBIDDEN
        );
    }
    let (status, problem) = h
        .request(
            Some(&owner),
            Method::POST,
            &format!("{path}/{}/moderation", ids[0]),
            Some(&json!({"status": "ontvangen"})),
        )
        .await;
    assert_eq!(
        (status, invalid_names(&problem)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["status".to_owned()])
    );
    assert_eq!(
        moderate(&h, Some(&owner), id, 999, publish.clone()).await,
        StatusCode::NOT_FOUND
    );
    assert!(
        before == h.fingerprint().await,
        "refused moderation changes nothing"
    );
    for (reaction, body) in [
        (ids[0], publish.clone()),
        (ids[1], publish.clone()),
        (ids[2], json!({"status": "gepubliceerd", "theme": "Toezicht"})),
        (ids[3], json!({"status": "afgewezen"})),
    ] {
        assert_eq!(
            moderate(&h, Some(&owner), id, reaction, body).await,
            StatusCode::OK
        );
    }

    let (_, public) = h.request(None, Method::GET, &path, None).await;
    let shown = public["reactions"].as_array().unwrap();
    assert_eq!(shown.len(), 3, "{public}");
    assert_eq!(shown[0]["author"]["name"], "Piet Jansen");
    assert_eq!(shown[1]["author"], Value::Null, "the author objected");
    let text = public.to_string();
    assert!(!text.contains("Geheim Persoon") && !text.contains("Plaats van Geheim"));
    assert!(
        !text.contains("Namens de VNG"),
        "a rejected reaction is not shown"
    );

    // What was done per theme, and the report over the published reactions.
    let response = json!({"nature": "Zorgen over de kosten.", "action": "deels-overgenomen",
        "explanation": "De raming is herzien."});
    let theme_path = format!("/api/v1/udo/dossiers/{id}/themes/Financi%C3%ABn");
    let (status, _) = h
        .request(Some(&other), Method::PUT, &theme_path, Some(&response))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, report) = h
        .request(Some(&owner), Method::PUT, &theme_path, Some(&response))
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let (status, report) = h
        .request(
            None,
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}/consultation-report"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["total"], 3);
    assert_eq!(
        report["by_kind"],
        json!([{"kind": "koepel", "count": 0}, {"kind": "medeoverheid", "count": 1}, {"kind": "publiek", "count": 2}])
    );
    assert_eq!(report["themes"][0]["theme"], "Financiën");
    assert_eq!(report["themes"][0]["count"], 2);
    assert_eq!(report["themes"][0]["response"]["action"], "deels-overgenomen");
    assert_eq!(report["unanswered_themes"], json!(["Toezicht"]));
    let events = h
        .app
        .app
        .store()
        .list_audit_events("udo_dossier", &id.to_string())
        .await
        .unwrap();
    let count = |action: &str| events.iter().filter(|e| e.action == action).count();
    assert_eq!(
        (
            count("udo.reaction"),
            count("udo.moderate"),
            count("udo.theme_response")
        ),
        (4, 4, 1)
    );

    // The page: published reactions, no name where objected, never an e-mail address.
    let page = h.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(
        page.contains("Piet Jansen") && page.contains("Maar te duur."),
        "{page}"
    );
    assert!(!page.contains("Geheim Persoon") && page.contains("Liever anoniem."));
    assert!(page.contains("name=\"website\"") && page.contains("Laat dit veld leeg"));
    assert!(!page.contains('@'), "no e-mail address on an anonymous page");
}

#[tokio::test]
async fn outside_its_period_a_reaction_is_refused_with_the_dates() {
    let h = Harness::start_with(samenspel_app::Clock::fixed(
        Utc.with_ymd_and_hms(2026, 5, 20, 12, 0, 0).unwrap(),
    ))
    .await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let before = h.fingerprint().await;
    let (status, problem) = react(&h, None, id, &reaction("publiek", "Piet", false, "Te laat?")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert!(problem.to_string().contains("06-05-2026"), "{problem}");
    assert!(before == h.fingerprint().await);
    let page = h.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(page.contains("06-05-2026") && !page.contains("name=\"website\""));
    // The co-governments' term still runs.
    let gemeente = h.token_for("GM0363", "redacteur").await;
    let late = reaction("medeoverheid", "Gemeente Amsterdam", false, "Nog op tijd.");
    assert_eq!(react(&h, Some(&gemeente), id, &late).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn a_burst_from_one_address_stores_no_more_than_the_limit() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let body = reaction("publiek", "Piet", false, "Nog een reactie.");
    let path = h.url(&format!("/api/v1/udo/dossiers/{id}/reactions"));
    let mut senders = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let request = h.client.post(&path).json(&body);
        senders.spawn(async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            (status, response.json::<Value>().await.unwrap())
        });
    }
    let answers = senders.join_all().await;
    let created = answers.iter().filter(|(s, _)| *s == StatusCode::CREATED).count();
    let limit =
        usize::try_from(samenspel_domain::udo::consultation::reaction::MAX_REACTIONS_PER_ADDRESS).unwrap();
    assert_eq!(created, limit, "{answers:?}");
    for (status, problem) in answers.iter().filter(|(s, _)| *s != StatusCode::CREATED) {
        assert_eq!(
            (*status, invalid_names(problem)),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["address".to_owned()])
        );
    }
    let (_, all) = h
        .request(
            Some(&owner),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}/reactions"),
            None,
        )
        .await;
    assert_eq!(all["reactions"].as_array().map(Vec::len), Some(limit));
}

#[tokio::test]
async fn the_forms_take_a_reaction_and_the_owner_moderates_it_on_the_site() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let visitor = h.browser().await;
    let path = format!("/udo/{id}/reageren");
    let before = h.fingerprint().await;
    let refused = visitor
        .post_form(
            &path,
            &[
                ("kind", "publiek"),
                ("author_name", "Piet"),
                ("place", "Ede"),
                ("text", "<b>vet</b>"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("href=\"#f-text\"") && html.contains("Gebruik gewone tekst"),
        "{html}"
    );
    assert!(before == h.fingerprint().await);
    let sent = visitor
        .post_form(
            &path,
            &[
                ("kind", "publiek"),
                ("author_name", "Piet"),
                ("place", "Ede"),
                ("text", "Prima."),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let next = visitor.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(next.contains("Dank voor uw reactie"), "{next}");

    let moderation = format!("/udo/{id}/reacties");
    assert_eq!(h.get(&moderation).await.status(), StatusCode::UNAUTHORIZED);
    let ministry = h.browser_as(VWS, "redacteur").await;
    let page = ministry.get(&moderation).await.text().await.unwrap();
    assert!(page.contains("Prima.") && page.contains("Publiceren"), "{page}");
    let (_, list) = h
        .request(
            Some(&owner),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}/reactions"),
            None,
        )
        .await;
    let reaction = list["reactions"][0]["id"].as_i64().unwrap();
    let refused = ministry
        .post_form(
            &format!("{moderation}/{reaction}"),
            &[("status", "gepubliceerd"), ("theme", "<script>")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = ministry
        .post_form(
            &format!("{moderation}/{reaction}"),
            &[("status", "gepubliceerd"), ("theme", "Kosten")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let refused = ministry
        .post_form(
            &format!("/udo/{id}/themas"),
            &[
                ("theme", "Kosten"),
                ("nature", ""),
                ("action", "overgenomen"),
                ("explanation", "Aangepast."),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("href=\"#f-nature\""));
    let saved = ministry
        .post_form(
            &format!("/udo/{id}/themas"),
            &[
                ("theme", "Kosten"),
                ("nature", "Over de kosten."),
                ("action", "overgenomen"),
                ("explanation", "Aangepast."),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = ministry.get(&moderation).await.text().await.unwrap();
    assert!(
        page.contains("Over de kosten.") && page.contains("Overgenomen"),
        "{page}"
    );
    let public = h.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(public.contains("Prima.") && public.contains("thema: Kosten"));
}
