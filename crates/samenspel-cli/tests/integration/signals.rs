//! Signals across collaborations (issue 13, point 5): kept with each collaboration as it
//! changes, shown per row of the list, filtered and sorted on, listed on the Signalen page and
//! exported; the list filters on several types, organisations and regions at once and pages
//! by keyset.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, scores};

/// The signal keys of collaboration `id` in the API's list.
async fn signals_of(h: &Harness, id: i64) -> Vec<String> {
    let list = h.get_json("/api/v1/collaborations?limit=200").await;
    let row = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} is listed"))
        .clone();
    row["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap().to_owned())
        .collect()
}

async fn state(h: &Harness, id: i64, code: &str, values: [u8; 6]) {
    let (status, body) = h.put_stance(id, code, &json!({"scores": scores(values)})).await;
    assert_eq!(status, StatusCode::CREATED, "{code}: {body}");
}

/// Creates a published collaboration of `kind` (as administrator).
async fn create(h: &Harness, name: &str, kind: &str, partners: &[(&str, &str)]) -> i64 {
    let partners: Vec<Value> = partners
        .iter()
        .map(|(code, role)| json!({"code": code, "role": role}))
        .collect();
    let body = json!({"name": name, "type": kind, "partners": partners});
    let (status, body) = h.send_json(Method::POST, "/api/v1/collaborations", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().unwrap();
    h.publish(id).await;
    id
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn signals_follow_every_change_of_the_collaboration() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Woondeal Signalen",
            &[
                ("MNRE1034", "trekker"),
                ("MNRE1130", "partner"),
                ("GM0344", "partner"),
            ],
        )
        .await;
    assert_eq!(
        signals_of(&h, id).await,
        ["zonder-standpunt", "geen-minister", "geen-participatie"]
    );

    state(&h, id, "MNRE1034", [3, 1, 3, 3, 3, 1]).await;
    state(&h, id, "MNRE1130", [3, 4, 3, 3, 3, 1]).await;
    assert_eq!(
        signals_of(&h, id).await,
        [
            "onenigheid",
            "ongemotiveerde-afwijking",
            "zonder-standpunt",
            "rijk-niet-een-mond",
            "geen-minister",
            "geen-participatie"
        ],
        "the stances' signals appear as soon as they are stated"
    );

    state(&h, id, "GM0344", [3, 1, 3, 3, 3, 1]).await;
    state(&h, id, "MNRE1130", [3, 2, 3, 3, 3, 1]).await;
    assert_eq!(
        signals_of(&h, id).await,
        ["ongemotiveerde-afwijking", "geen-minister", "geen-participatie"],
        "a changed stance takes its signals with it"
    );

    let control = json!({
        "bodies": ["gemeenteraden"],
        "instruments": [],
        "responsible_minister": "MNRE1034",
        "next_evaluation": "2020-01-01",
        "moments": []
    });
    let path = format!("/api/v1/collaborations/{id}/control");
    let (status, body) = h.send_json(Method::PUT, &path, &control).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        signals_of(&h, id).await,
        [
            "ongemotiveerde-afwijking",
            "evaluatie-achterstallig",
            "geen-participatie"
        ],
        "one minister named; the evaluation of 2020 is overdue"
    );

    let participation = json!({"ordinance_cvdr": "CVDR741103", "right_to_challenge": true});
    let path = format!("/api/v1/collaborations/{id}/participation");
    let (status, body) = h.send_json(Method::PUT, &path, &participation).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        signals_of(&h, id).await,
        ["ongemotiveerde-afwijking", "evaluatie-achterstallig"],
        "recording how residents take part ends that signal"
    );
    let (status, _) = h.send_json(Method::PUT, &path, &json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        signals_of(&h, id).await.contains(&"geen-participatie".to_owned()),
        "and emptying it brings it back"
    );
}

#[tokio::test]
async fn the_list_filters_on_several_values_at_once_and_sorts_by_signals() {
    let h = Harness::start().await;
    create(&h, "RES Proef", "res", &[("GM0344", "trekker")]).await;
    let deal = create(
        &h,
        "Regio Deal Proef",
        "regio-deal",
        &[("GM0363", "trekker"), ("MNRE1034", "partner")],
    )
    .await;
    create(&h, "Convenant Proef", "convenant", &[("GM0599", "trekker")]).await;
    state(&h, deal, "GM0363", [5, 5, 5, 5, 5, 5]).await;
    state(&h, deal, "MNRE1034", [1, 1, 1, 1, 1, 1]).await;

    let both = h
        .get_json("/api/v1/collaborations?type=res&type=regio-deal&q=proef")
        .await;
    assert_eq!(names(&both), ["Regio Deal Proef", "RES Proef"]);
    let commas = h
        .get_json("/api/v1/collaborations?type=res,regio-deal&q=proef")
        .await;
    assert_eq!(
        names(&commas),
        names(&both),
        "a comma list is the same as repeating"
    );

    let orgs = h
        .get_json("/api/v1/collaborations?organisation=GM0344&organisation=GM0599&q=proef")
        .await;
    assert_eq!(names(&orgs), ["Convenant Proef", "RES Proef"]);

    let disagree = h
        .get_json("/api/v1/collaborations?signal=onenigheid&q=proef")
        .await;
    assert_eq!(names(&disagree), ["Regio Deal Proef"]);
    let sorted = h.get_json("/api/v1/collaborations?sort=signalen&q=proef").await;
    assert_eq!(names(&sorted)[0], "Regio Deal Proef", "most signals first");

    let page = h
        .get("/samenwerkingen?type=res&type=regio-deal&q=proef&sorteer=signalen")
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Regio Deal Proef") && html.contains("RES Proef") && !html.contains("Convenant Proef")
    );
    assert!(html.contains("Partners oneens"), "the row shows its signals");
    assert!(
        html.contains(
            "Gefilterd op</strong> Naam: proef · Soort: Regionale Energiestrategie (RES), Regio Deal"
        ),
        "the filters in force are said in words, also in print"
    );
    for checked in [
        "id=\"type-res\" name=\"type\" value=\"res\" checked",
        "id=\"type-regio-deal\" name=\"type\" value=\"regio-deal\" checked",
    ] {
        assert!(html.contains(checked), "the form keeps {checked}");
    }
    assert!(
        html.contains("<option value=\"signalen\" selected>"),
        "the form keeps the order"
    );
}

#[tokio::test]
async fn keyset_pages_follow_each_other_as_numbered_pages_do() {
    let h = Harness::start().await;
    for n in 0..7 {
        let id = h
            .create_collaboration(&format!("Convenant Reeks {n}"), &[("GM0344", "trekker")])
            .await;
        assert!(id > 0);
    }
    let mut by_offset = Vec::new();
    for offset in [0, 3, 6] {
        let page = h
            .get_json(&format!("/api/v1/collaborations?q=reeks&limit=3&offset={offset}"))
            .await;
        assert_eq!(page["total"], 7);
        by_offset.extend(names(&page));
    }
    let mut by_key = Vec::new();
    let mut after: Option<i64> = None;
    loop {
        let path = match after {
            Some(id) => format!("/api/v1/collaborations?q=reeks&limit=3&after={id}"),
            None => "/api/v1/collaborations?q=reeks&limit=3".to_owned(),
        };
        let page = h.get_json(&path).await;
        let items = page["items"].as_array().unwrap().clone();
        by_key.extend(names(&page));
        match items.last() {
            Some(last) if items.len() == 3 => after = last["id"].as_i64(),
            _ => break,
        }
    }
    assert_eq!(by_key, by_offset);
    assert_eq!(by_key.len(), 7);

    let by_signals = h.get("/api/v1/collaborations?after=3&sort=signalen").await;
    assert_eq!(
        by_signals.status(),
        StatusCode::OK,
        "the order by signals ignores the cursor"
    );

    // The page's "next" link carries the cursor, and following it gives the second page.
    let first = h.get("/samenwerkingen?q=reeks").await.text().await.unwrap();
    assert!(!first.contains("&amp;na="), "one page only: no next link");
    for (query, field) in [("after=0", "after"), ("after=abc", "after")] {
        let response = h.get(&format!("/api/v1/collaborations?{query}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["invalidParams"][0]["name"], field, "{query}: {problem}");
    }
}

#[tokio::test]
async fn the_signals_page_counts_lists_filters_and_exports() {
    let h = Harness::start().await;
    let divided = h
        .create_collaboration(
            "Woondeal Verdeeld",
            &[
                ("MNRE1034", "trekker"),
                ("MNRE1130", "partner"),
                ("GM0344", "partner"),
            ],
        )
        .await;
    let calm = h
        .create_collaboration("Convenant Rustig", &[("GM0599", "trekker")])
        .await;
    state(&h, divided, "MNRE1034", [3, 1, 3, 3, 3, 1]).await;
    state(&h, divided, "MNRE1130", [5, 1, 3, 3, 3, 1]).await;
    state(&h, divided, "GM0344", [3, 1, 3, 3, 3, 1]).await;
    state(&h, calm, "GM0599", [3, 1, 3, 3, 3, 1]).await;
    let participation = json!({"ordinance_cvdr": "CVDR741103"});
    let (status, body) = h
        .send_json(
            Method::PUT,
            &format!("/api/v1/collaborations/{calm}/participation"),
            &participation,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let page = h.get("/signalen").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Het Rijk spreekt niet met één mond"), "{html}");
    assert!(
        html.contains("Woondeal Verdeeld") && !html.contains("Convenant Rustig"),
        "only collaborations with signals"
    );
    assert!(
        html.contains("href=\"/signalen?signaal=rijk-niet-een-mond\""),
        "each count links its list"
    );

    let by_ministry = h
        .get("/signalen?organisatie=MNRE1130")
        .await
        .text()
        .await
        .unwrap();
    assert!(by_ministry.contains("Woondeal Verdeeld"));
    let elsewhere = h
        .get("/signalen?organisatie=MNRE1045")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !elsewhere.contains("Woondeal Verdeeld")
            && elsewhere.contains("Geen van de gevonden samenwerkingen heeft een signaal.")
    );
    let utrecht = h.get("/signalen?regio=provincie:PV26").await;
    assert_eq!(utrecht.status(), StatusCode::OK);
    assert!(
        utrecht.text().await.unwrap().contains("Woondeal Verdeeld"),
        "Utrecht lies in the province of Utrecht"
    );

    let csv = h.get("/signalen.csv?signaal=rijk-niet-een-mond").await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0].trim_start_matches('\u{feff}'),
        "id;naam;soort;soort_naam;regio;partners;begindatum;einddatum;signalen;signalen_tekst"
    );
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[1].contains("Woondeal Verdeeld") && lines[1].contains("rijk-niet-een-mond|geen-minister"),
        "{text}"
    );
    let english = h.get_in_english("/signalen.csv").await.text().await.unwrap();
    assert!(
        english
            .trim_start_matches('\u{feff}')
            .starts_with("id;name;type;type_name;region;partners;start_date;end_date;signals;signals_text")
    );
    assert!(english.contains("The Rijk does not speak with one voice"));

    let json: Value = h.get("/signalen.json").await.json().await.unwrap();
    let found: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(found, ["Woondeal Verdeeld"]);
    let list: Value = h
        .get("/samenwerkingen/lijst.json?q=rustig")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "the list's export keeps its filter"
    );

    let refused = h.get("/signalen.csv?signaal=ruzie").await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.unwrap().contains("signaal"));
    let api = h.get("/api/v1/collaborations?signal=ruzie").await;
    assert_eq!(api.status(), StatusCode::BAD_REQUEST);
}

/// Many partners state their stances at the same moment: every write keeps the signals
/// right, so none is lost to another's refresh.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_stances_leave_the_signals_as_a_quiet_write_would() {
    let h = Harness::start().await;
    let partners = [
        "GM0344", "GM0363", "GM0599", "GM0518", "GM0014", "GM0034", "GM0153", "GM0193", "GM0200", "GM0202",
    ];
    let mut with_roles: Vec<(&str, &str)> = vec![(partners[0], "trekker")];
    with_roles.extend(partners[1..].iter().map(|p| (*p, "partner")));
    let id = h.create_collaboration("Convenant Tegelijk", &with_roles).await;
    let mut writers = tokio::task::JoinSet::new();
    for code in partners {
        let request = h
            .client
            .put(h.url(&format!("/api/v1/collaborations/{id}/stances/{code}")))
            .bearer_auth(&h.admin)
            .json(&json!({"scores": scores([3, 1, 3, 3, 3, 1])}));
        writers.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses = writers.join_all().await;
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED), "{statuses:?}");
    assert_eq!(
        signals_of(&h, id).await,
        ["geen-participatie"],
        "every partner stated the ideal type: only the participation is missing"
    );
}
