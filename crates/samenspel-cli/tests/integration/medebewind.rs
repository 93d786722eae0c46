//! The register of medebewind tasks (issue 15, item 1) through the API and the pages, on both
//! databases: the responsible ministry records and changes a task, every change is kept with
//! who made it as the reader may see it, a linked UDO's financial paragraph becomes the budget,
//! the starter set loads once, and every refusal names its field and stores nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Harness, invalid_names};
use crate::udo_reactions::{TO_CONSULTATION, open};

const VWS: &str = "MNRE1025";
const SZW: &str = "MNRE1073";

fn task() -> Value {
    json!({
        "name": "Schuldhulpverlening",
        "law": "Wet gemeentelijke schuldhulpverlening",
        "bwb_id": "BWBR0031331",
        "article": "3",
        "lid": "1",
        "layer": "gemeenten",
        "body": "college",
        "ministry": SZW,
        "freedom": "dwingend",
        "ambition": "Inwoners met schulden krijgen tijdig hulp.",
        "powers": "Het college beslist op een verzoek om schuldhulpverlening.",
        "funding": ["algemene-uitkering"],
        "budgets": [{"year": "2024", "funding": "algemene-uitkering", "amount": "1.000.000", "organisation": "", "source": "Voorbeeld"}],
        "task_fields": ["6.3"],
        "recalibration_years": "4",
        "next_recalibration_on": "2020-01-01",
        "source": "wetten.overheid.nl"
    })
}

async fn create(h: &Harness, token: &str, body: &Value) -> (StatusCode, Value) {
    h.request(Some(token), Method::POST, "/api/v1/medebewind/tasks", Some(body))
        .await
}

#[tokio::test]
async fn a_ministry_records_and_changes_a_task_and_every_change_is_kept() {
    let h = Harness::start().await;
    let szw = h.token_for(SZW, "redacteur").await;
    let (status, created) = create(&h, &szw, &task()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["task"]["basis"]["bwb_id"], "BWBR0031331");
    assert_eq!(
        created["recalibration_overdue"], true,
        "the next recalibration lies in 2020"
    );
    assert_eq!(
        created["law_url"],
        "https://wetten.overheid.nl/jci1.3:c:BWBR0031331&artikel=3&lid=1"
    );

    let mut changed = created["content"].clone();
    changed["version"] = created["version"].clone();
    changed["task_fields"] = json!(["6.3", "6.1"]);
    changed["next_recalibration_on"] = json!("2099-01-01");
    let path = format!("/api/v1/medebewind/tasks/{id}");
    let (status, view) = h.request(Some(&szw), Method::PUT, &path, Some(&changed)).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["recalibration_overdue"], false);
    assert_eq!(view["task"]["task_fields"], json!(["6.3", "6.1"]));
    // Spare rows of a form (blank budget lines, empty codes) are not kept.
    let mut padded = view["content"].clone();
    padded["version"] = view["version"].clone();
    padded["budgets"]
        .as_array_mut()
        .unwrap()
        .push(json!({"year": "", "funding": "", "amount": " ", "organisation": "", "source": ""}));
    padded["task_fields"].as_array_mut().unwrap().push(json!(" "));
    let (status, same) = h.request(Some(&szw), Method::PUT, &path, Some(&padded)).await;
    assert_eq!(status, StatusCode::OK, "{same}");
    assert_eq!(same["content"], view["content"], "saved unchanged");
    // The same change again on the old version: a conflict, nothing stored.
    let before = h.fingerprint().await;
    let (status, _) = h.request(Some(&szw), Method::PUT, &path, Some(&changed)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(before == h.fingerprint().await);

    // The history: both changes, the second naming what changed; the public sees the
    // ministry, never the person.
    let (_, history) = h
        .request(None, Method::GET, &format!("{path}/history"), None)
        .await;
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{history}");
    assert_eq!(items[2]["summary"], "geen inhoudelijke wijziging", "{history}");
    let text = history.to_string();
    assert!(text.contains("medebewind.update"), "{text}");
    assert!(text.contains("taakvelden"), "{text}");
    assert!(
        !text.contains("@test.nl"),
        "an e-mail address on a public answer: {text}"
    );
    let page = h.get(&format!("/medebewind/{id}")).await.text().await.unwrap();
    assert!(page.contains("Medebewindstaak gewijzigd"), "{page}");
    assert!(page.contains("Sociale Zaken"), "{page}");
    assert!(!page.contains("@test.nl"));
    assert!(page.contains("Inkomensregelingen"), "task fields by name: {page}");
    // A beheerder sees the person who made the change.
    let (_, seen) = h
        .request(Some(&h.admin), Method::GET, &format!("{path}/history"), None)
        .await;
    assert!(seen.to_string().contains("redacteur.mnre1073@test.nl"), "{seen}");

    let list = h.get_json("/api/v1/medebewind/tasks").await;
    assert!(list["items"].as_array().unwrap().iter().any(|t| t["id"] == id));
    let csv = h.get("/medebewind.csv").await.text().await.unwrap();
    assert!(
        csv.contains(
            "Schuldhulpverlening;Wet gemeentelijke schuldhulpverlening, artikel 3, lid 1 (BWBR0031331)"
        ),
        "{csv}"
    );
}

#[tokio::test]
async fn only_the_responsible_ministry_keeps_a_task_and_bad_input_is_named_field_by_field() {
    let h = Harness::start().await;
    let szw = h.token_for(SZW, "redacteur").await;
    let vws = h.token_for(VWS, "redacteur").await;
    let lezer = h.token_for(SZW, "lezer").await;
    let (_, created) = create(&h, &szw, &task()).await;
    let id = created["id"].as_i64().unwrap();
    let mut change = created["content"].clone();
    change["version"] = created["version"].clone();
    let path = format!("/api/v1/medebewind/tasks/{id}");

    let before = h.fingerprint().await;
    assert_eq!(
        create(&h, &vws, &task()).await.0,
        StatusCode::FORBIDDEN,
        "another ministry's task"
    );
    assert_eq!(create(&h, &lezer, &task()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        h.request(None, Method::POST, "/api/v1/medebewind/tasks", Some(&task()))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    // Who may not record a task hears so before the input is judged.
    let (status, _) = h
        .request(None, Method::POST, "/api/v1/medebewind/tasks", Some(&json!({})))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(create(&h, &lezer, &json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        h.request(Some(&vws), Method::PUT, &path, Some(&change)).await.0,
        StatusCode::FORBIDDEN
    );
    // Moving the task to VWS needs the right to keep VWS's tasks too.
    let mut moved = change.clone();
    moved["ministry"] = json!(VWS);
    assert_eq!(
        h.request(Some(&szw), Method::PUT, &path, Some(&moved)).await.0,
        StatusCode::FORBIDDEN
    );

    let cases: Vec<(&str, Value, &[&str])> = vec![
        ("bwb_id", json!("BWB15703"), &["bwb_id"]),
        ("freedom", json!("heel vrij"), &["freedom"]),
        ("task_fields", json!(["6.3", "6.99"]), &["task_fields[1]"]),
        (
            "budgets",
            json!([{"year": "2024", "funding": "specifieke-uitkering", "amount": "-5", "organisation": "GM9999", "source": "x"}]),
            &["budgets[0].amount"],
        ),
        (
            "budgets",
            json!([{"year": "2024", "funding": "specifieke-uitkering", "amount": "5", "organisation": "", "source": "x"}]),
            &["budgets[0].funding"],
        ),
        (
            "budgets",
            json!([{"year": "2024", "funding": "algemene-uitkering", "amount": "5", "organisation": "GM9999", "source": "x"}]),
            &["budgets[0].organisation"],
        ),
        ("udo_dossiers", json!(["987654"]), &["udo_dossiers[0]"]),
        ("recalibration_years", json!("0"), &["recalibration_years"]),
    ];
    for (field, value, named) in cases {
        let mut body = task();
        body[field] = value;
        let (status, problem) = create(&h, &szw, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {problem}");
        assert_eq!(invalid_names(&problem), named, "{problem}");
    }
    // A ministry that no longer exists (Asiel en Migratie ended on 2026-02-23).
    let beheerder = h.admin.clone();
    let mut ended = task();
    ended["ministry"] = json!("MNRE1162");
    let (status, problem) = create(&h, &beheerder, &ended).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), ["ministry"]);
    assert!(before == h.fingerprint().await, "nothing stored by any refusal");
}

#[tokio::test]
async fn a_linked_udo_dossier_gives_the_task_its_first_budget() {
    let h = Harness::start().await;
    let vws = h.token_for(VWS, "redacteur").await;
    let dossier = open(&h, &vws, &TO_CONSULTATION).await;
    let draft = open(&h, &vws, &[]).await;
    let mut body = task();
    body["ministry"] = json!(VWS);
    body["funding"] = json!([]);
    body["budgets"] = json!([]);
    body["udo_dossiers"] = json!([dossier.to_string(), draft.to_string()]);
    let (status, created) = create(&h, &vws, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["udo_dossiers"][0]["has_budget"], true, "{created}");
    assert_eq!(
        created["udo_dossiers"][1]["has_budget"], false,
        "a draft cannot give a budget: {created}"
    );
    let id = created["id"].as_i64().unwrap();
    let adopt = |version: &Value| json!({"version": version, "dossier": dossier});
    let path = format!("/api/v1/medebewind/tasks/{id}/udo-budget");
    let (status, view) = h
        .request(Some(&vws), Method::POST, &path, Some(&adopt(&created["version"])))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let budgets = view["task"]["budgets"].as_array().unwrap();
    assert_eq!(budgets.len(), 1, "{view}");
    assert_eq!(budgets[0]["year"], 2027);
    assert_eq!(budgets[0]["amount"], 500_000_000, "€ 5.000.000 in cents");
    assert_eq!(budgets[0]["funding"], "algemene-uitkering");
    assert!(
        budgets[0]["source"]
            .as_str()
            .unwrap()
            .contains(&format!("UDO-dossier {dossier}"))
    );
    // Again: the year is budgeted already, so nothing is added twice.
    let (status, again) = h
        .request(Some(&vws), Method::POST, &path, Some(&adopt(&view["version"])))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["task"]["budgets"].as_array().unwrap().len(), 1);
    // A dossier the task does not link to is refused, naming it.
    let (status, problem) = h
        .request(
            Some(&vws),
            Method::POST,
            &path,
            Some(&json!({"version": again["version"], "dossier": 424242})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["dossier"]);
    // A draft's amounts and title would become public with the budget: refused.
    let before = h.fingerprint().await;
    let (status, problem) = h
        .request(
            Some(&vws),
            Method::POST,
            &path,
            Some(&json!({"version": again["version"], "dossier": draft})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem.to_string().contains("nog niet openbaar"), "{problem}");
    assert!(before == h.fingerprint().await);
    // A reader who may not see the draft dossier sees that a dossier is linked, not its title.
    let (_, public) = h
        .request(None, Method::GET, &format!("/api/v1/medebewind/tasks/{id}"), None)
        .await;
    assert_eq!(
        public["udo_dossiers"][0]["title"], "Wet betere bijstand",
        "{public}"
    );
    assert_eq!(public["udo_dossiers"][1]["title"], Value::Null, "{public}");
}

#[tokio::test]
async fn the_starter_set_loads_once_with_a_source_for_every_task() {
    let h = Harness::start().await;
    let redacteur = h.token_for(SZW, "redacteur").await;
    let path = "/api/v1/medebewind/starter";
    assert_eq!(
        h.request(Some(&redacteur), Method::POST, path, None).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, report) = h.request(Some(&h.admin), Method::POST, path, None).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"].as_array().unwrap().len(), 8);
    let (_, again) = h.request(Some(&h.admin), Method::POST, path, None).await;
    assert_eq!(again["added"].as_array().unwrap().len(), 0);
    assert_eq!(again["already_present"].as_array().unwrap().len(), 8);
    let list = h.get_json("/api/v1/medebewind/tasks").await;
    let tasks = list["items"].as_array().unwrap();
    assert_eq!(tasks.len(), 8);
    for t in tasks {
        assert!(
            t["task"]["source"].as_str().unwrap().contains("Wettekst: http"),
            "{t}"
        );
    }
    let bijstand = tasks
        .iter()
        .find(|t| t["starter_key"] == "participatiewet-bijstand")
        .unwrap();
    assert_eq!(bijstand["task"]["basis"]["bwb_id"], "BWBR0015703");
}

#[tokio::test]
async fn many_writers_at_once_lose_nothing() {
    let h = Harness::start().await;
    let szw = h.token_for(SZW, "redacteur").await;
    let mut writers = tokio::task::JoinSet::new();
    for i in 0..12 {
        let mut body = task();
        body["name"] = json!(format!("Taak {i}"));
        let request = h
            .client
            .post(h.url("/api/v1/medebewind/tasks"))
            .bearer_auth(&szw)
            .json(&body);
        writers.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses = writers.join_all().await;
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED), "{statuses:?}");
    let (_, first) = create(&h, &szw, &task()).await;
    let id = first["id"].as_i64().unwrap();
    let path = format!("/api/v1/medebewind/tasks/{id}");
    let mut writers = tokio::task::JoinSet::new();
    for i in 0..12 {
        let mut body = first["content"].clone();
        body["version"] = first["version"].clone();
        body["norm"] = json!(format!("Norm {i}"));
        let request = h.client.put(h.url(&path)).bearer_auth(&szw).json(&body);
        writers.spawn(async move { request.send().await.unwrap().status() });
    }
    let statuses = writers.join_all().await;
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let conflicts = statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count();
    assert_eq!((ok, conflicts), (1, 11), "{statuses:?}");
    let list = h.get_json("/api/v1/medebewind/tasks").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 13);
    let history = h.get_json(&format!("{path}/history")).await;
    assert_eq!(
        history["items"].as_array().unwrap().len(),
        2,
        "one creation, one change"
    );
}

#[tokio::test]
async fn the_form_names_every_wrong_field_and_a_save_says_so() {
    let h = Harness::start().await;
    let browser = h.browser_as(SZW, "redacteur").await;
    let form = browser.get("/medebewind/nieuw").await;
    assert_eq!(form.status(), StatusCode::OK);
    let page = form.text().await.unwrap();
    assert!(page.contains("name=\"budgets[0].amount\""), "{page}");
    let mut fields = vec![
        ("name", "Schuldhulpverlening"),
        ("ministry", SZW),
        ("layer", "gemeenten"),
        ("body", "college"),
        ("freedom", "dwingend"),
        ("law", "Wet gemeentelijke schuldhulpverlening"),
        ("bwb_id", "BWBR31331"),
        ("article", "3"),
        ("powers", "Beslissen op verzoeken."),
        ("funding", "algemene-uitkering"),
        ("budgets[0].year", "2024"),
        ("budgets[0].funding", "algemene-uitkering"),
        ("budgets[0].amount", "veel"),
        ("budgets[0].organisation", ""),
        ("budgets[0].source", "Begroting"),
        ("budgets[1].year", ""),
        ("task_fields", "6.3, 6.99"),
        ("udo_dossiers", ""),
        ("source", "wetten.overheid.nl"),
    ];
    let before = h.fingerprint().await;
    let refused = browser.post_form("/medebewind/nieuw", &fields).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("BWBR en zeven cijfers"), "{page}");
    assert!(page.contains("Dit is geen bedrag"), "{page}");
    assert!(page.contains("Taakveld 6.99 bestaat niet"), "{page}");
    assert!(page.contains("value=\"6.3, 6.99\""), "the input is kept: {page}");
    assert!(before == h.fingerprint().await, "nothing stored");

    for (name, value) in &mut fields {
        match *name {
            "bwb_id" => *value = "BWBR0031331",
            "budgets[0].amount" => *value = "1.000.000",
            "task_fields" => *value = "6.3",
            _ => {}
        }
    }
    let saved = browser.post_form("/medebewind/nieuw", &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = saved.headers()["location"].to_str().unwrap().to_owned();
    let page = browser.get(&location).await.text().await.unwrap();
    assert!(
        page.contains("De taak is vastgelegd."),
        "the save says so: {page}"
    );
    assert!(page.contains("€ 1.000.000,00"), "{page}");
    assert!(page.contains("/bewerken"), "the owner is offered the change form");
    // Another ministry's redacteur is not offered the form and is refused it.
    let other = h.browser_as(VWS, "redacteur").await;
    let page = other.get(&location).await.text().await.unwrap();
    assert!(!page.contains("/bewerken\""), "{page}");
    assert_eq!(
        other.get(&format!("{location}/bewerken")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get(&format!("{location}/bewerken")).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

/// The done-means of issue 15: a task whose costs exceed its budget by more than the margin
/// for three years running is flagged, end to end (costs imported, budget recorded, monitor
/// read), on whichever database the harness runs.
#[tokio::test]
async fn a_task_over_budget_three_years_running_is_flagged() {
    let h = Harness::start().await;
    let szw = h.token_for(SZW, "redacteur").await;
    // Utrecht (GM0344): 6.3 costs € 1,000k, 1,150k, 1,200k and 1,300k in 2021–2024.
    let mut csv = String::from("overheid,taakveld,jaar,soort,kant,bedrag\n");
    for (year, thousands) in [(2021, 1000), (2022, 1150), (2023, 1200), (2024, 1300)] {
        csv.push_str(&format!("GM0344,6.3,{year},realisatie,lasten,{thousands}\n"));
    }
    let (status, report) = crate::iv3_costs::import(&h, &h.admin, "openspending", &csv).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    // A national budget such that Utrecht's share by inhabitants is € 1,000k a year.
    let task_path = {
        let monitor_budget = {
            let mut body = task();
            body["task_fields"] = json!(["6.3"]);
            body["budgets"] = json!([]);
            body
        };
        let (status, created) = create(&h, &szw, &monitor_budget).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        format!("/api/v1/medebewind/tasks/{}", created["id"])
    };
    let (_, view) = h.request(None, Method::GET, &task_path, None).await;
    let (_, probe) = h
        .request(None, Method::GET, &format!("{task_path}/monitor"), None)
        .await;
    assert_eq!(probe["applies"], true, "{probe}");
    let utrecht = probe["monitor"]["organisations"][0]["inhabitants"]
        .as_u64()
        .unwrap();
    let layer = probe["layer_inhabitants"].as_u64().unwrap();
    // Budget lines per year: € 1,000,000 × layer / Utrecht's inhabitants, whole euros.
    let national = 1_000_000 * layer / utrecht;
    let mut content = view["content"].clone();
    content["version"] = view["version"].clone();
    content["budgets"] = json!((2021..=2024)
        .map(|year| json!({"year": year.to_string(), "funding": "algemene-uitkering", "amount": national.to_string(), "organisation": "", "source": "Test"}))
        .collect::<Vec<_>>());
    let (status, saved) = h
        .request(Some(&szw), Method::PUT, &task_path, Some(&content))
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");

    let (status, m) = h
        .request(None, Method::GET, &format!("{task_path}/monitor"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{m}");
    let org = &m["monitor"]["organisations"][0];
    assert_eq!(org["organisation"], "GM0344");
    let beyond: Vec<bool> = org["assessment"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["beyond_margin"].as_bool().unwrap())
        .collect();
    assert_eq!(beyond, [false, true, true, true], "{org}");
    assert_eq!(org["assessment"]["flagged"], true, "{org}");
    assert_eq!(m["monitor"]["per_inhabitant"]["flagged"], true, "{m}");
    // A wider margin: within it, nothing flagged; four years asked: not yet.
    let (_, wide) = h
        .request(None, Method::GET, &format!("{task_path}/monitor?margin=40"), None)
        .await;
    assert_eq!(
        wide["monitor"]["organisations"][0]["assessment"]["flagged"],
        false
    );
    let (_, four) = h
        .request(None, Method::GET, &format!("{task_path}/monitor?years=4"), None)
        .await;
    assert_eq!(
        four["monitor"]["organisations"][0]["assessment"]["flagged"],
        false
    );
    // Wrong settings are named.
    let (status, problem) = h
        .request(
            None,
            Method::GET,
            &format!("{task_path}/monitor?margin=-1&years=11&report=maand"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["margin", "years", "report"]);
    // The page and its CSV say the same.
    let id = task_path.rsplit('/').next().unwrap();
    let page = h
        .get(&format!("/medebewind/{id}/monitor"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("3 jaar achtereen"), "{page}");
    assert!(page.contains("<svg"), "the chart");
    let page = h.get(&format!("/medebewind/{id}/monitor?marge=veel")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Parameter marge"));
    let csv = h
        .get(&format!("/medebewind/{id}/monitor.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Utrecht (GM0344)"), "{csv}");
}
