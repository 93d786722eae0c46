//! The site's search, on the full register of the demo: the queries a raadslid or a BZK
//! officer types find what they mean first, through the API and the results page; drafts stay
//! hidden from those who may not see them; bad input is refused naming `q`.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::Harness;

/// The API's results for `q`, as the administrator, after checking the answer is 200.
async fn found(h: &Harness, q: &str) -> Vec<Value> {
    let url = reqwest::Url::parse_with_params("http://x/api/v1/search", [("q", q)]).unwrap();
    let body = h
        .get_json(&format!("/api/v1/search?{}", url.query().unwrap()))
        .await;
    body["items"].as_array().unwrap().clone()
}

async fn first(h: &Harness, q: &str) -> (String, String) {
    let items = found(h, q).await;
    let item = items.first().unwrap_or_else(|| panic!("nothing found for {q:?}"));
    (
        item["kind"].as_str().unwrap().to_owned(),
        item["key"].as_str().unwrap().to_owned(),
    )
}

async fn demo_woondeal(h: &Harness) -> String {
    let body = h.get_json("/api/v1/collaborations?limit=200&type=woondeal").await;
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Woondeal Regio Utrecht (demonstratie)")
        .map(|c| c["id"].to_string())
        .unwrap()
}

#[tokio::test]
async fn what_people_type_is_found_first() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let org = |code: &str| ("organisatie".to_owned(), code.to_owned());
    // 's-Gravenhage by the name everyone uses (its name in the ROO).
    assert_eq!(first(&h, "Den Haag").await, org("GM0518"));
    assert_eq!(first(&h, "den haag").await, org("GM0518"));
    // A ministry by its abbreviation.
    assert_eq!(first(&h, "BZK").await, org("MNRE1034"));
    // A municipality by its number, with and without the prefix.
    assert_eq!(first(&h, "0344").await, org("GM0344"));
    assert_eq!(first(&h, "gm0344").await, org("GM0344"));
    // A collaboration by words of its name in any order and any case.
    let woondeal = ("samenwerking".to_owned(), demo_woondeal(&h).await);
    assert_eq!(first(&h, "woondeal utrecht").await, woondeal);
    assert_eq!(first(&h, "Utrecht Woondeal").await, woondeal);
    // Accents are ignored both ways.
    assert_eq!(
        first(&h, "Súdwest-Fryslân").await,
        first(&h, "sudwest fryslan").await
    );

    // A policy area finds the collaboration that works on it before those that only mention
    // one of its words.
    let (status, created) = h
        .send_json(
            Method::POST,
            "/api/v1/collaborations",
            &json!({"name": "Samenwerking Groene Hart", "type": "overig",
                    "policy_areas": ["Bodemdaling veenweide"],
                    "partners": [{"code": "PV26", "role": "trekker"}, {"code": "GM0344", "role": "partner"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    h.publish(created["id"].as_i64().unwrap()).await;
    let id = created["id"].to_string();
    assert_eq!(
        first(&h, "veenweide bodemdaling").await,
        ("samenwerking".to_owned(), id.clone())
    );
    // The words found in its title are marked.
    let items = found(&h, "groene hart").await;
    let hit = items.iter().find(|i| i["key"] == id.as_str()).unwrap();
    let marked: Vec<&str> = hit["title_marked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["marked"] == true)
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["Groene", "Hart"], "{hit}");
    assert_eq!(hit["url"], format!("/samenwerkingen/{id}"));
}

#[tokio::test]
async fn drafts_are_found_only_by_those_who_may_see_them() {
    let h = Harness::start().await;
    let id = h
        .create_draft("Verkenning Zilvermeeuw", &[("GM0344", "trekker")])
        .await;
    let (status, anonymous) = h
        .request(None, Method::GET, "/api/v1/search?q=zilvermeeuw", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{anonymous}");
    assert_eq!(anonymous["total"], 0, "{anonymous}");
    let html = h.get("/zoeken?q=zilvermeeuw").await.text().await.unwrap();
    assert!(!html.contains("Verkenning"), "{html}");
    let admin = found(&h, "zilvermeeuw").await;
    assert_eq!(admin.len(), 1);
    assert_eq!(admin[0]["key"], id.to_string().as_str());
}

#[tokio::test]
async fn a_query_without_words_or_too_long_is_refused_naming_q() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let long = "a".repeat(201);
    // A query string that cannot be read at all is named as the query (as on every list).
    for (path, status, name) in [
        ("/api/v1/search".to_owned(), StatusCode::BAD_REQUEST, "query"),
        (
            "/api/v1/search?q=".to_owned(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
        ),
        (
            "/api/v1/search?q=%20%2C%20".to_owned(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
        ),
        (
            format!("/api/v1/search?q={long}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "q",
        ),
    ] {
        let (got, problem) = h.request(None, Method::GET, &path, None).await;
        assert_eq!(got, status, "{path}: {problem}");
        assert_eq!(
            crate::helpers::invalid_names(&problem),
            [name],
            "{path}: {problem}"
        );
    }
    let page = h.get(&format!("/zoeken?q={long}")).await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"q-error\""), "{html}");
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn the_results_page_ranks_marks_pages_and_helps_when_nothing_is_found() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    // Every page carries the search box.
    let home = h.get("/").await.text().await.unwrap();
    assert!(home.contains("action=\"/zoeken\"") && home.contains("id=\"site-q\""));

    let html = h.get("/zoeken?q=den+haag").await.text().await.unwrap();
    let first_result = html.split("class=\"ss-result\"").nth(1).unwrap();
    assert!(
        first_result.contains("href=\"/organisaties/GM0518\""),
        "{first_result}"
    );
    assert!(first_result.contains("Organisatie"), "{first_result}");

    let many = h.get("/zoeken?q=gemeente").await.text().await.unwrap();
    assert!(many.contains("class=\"ss-pagination\""), "paged");
    assert_eq!(
        h.get("/zoeken?q=gemeente&pagina=9999").await.status(),
        StatusCode::NOT_FOUND
    );

    let none = h.get("/zoeken?q=qxzvwj").await;
    assert_eq!(none.status(), StatusCode::OK);
    let none = none.text().await.unwrap();
    assert!(none.contains("Niets gevonden voor « qxzvwj »"), "{none}");
    assert!(none.contains("Controleer de spelling."));

    let english = h.get_in_english("/zoeken?q=qxzvwj").await.text().await.unwrap();
    assert!(english.contains("<html lang=\"en\""), "translated page");
    assert!(english.contains("Nothing found for « qxzvwj »"));

    let empty = h.get("/zoeken").await;
    assert_eq!(empty.status(), StatusCode::OK);
}

/// Search has no limit per address (it only reads; a query is short and ranks at most 500
/// candidates): a burst of anonymous searches at the same moment, while an editor writes, is
/// answered in full, each with what one search alone finds.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_searches_is_answered_in_full_while_someone_writes() {
    const SEARCHES: usize = 64;
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let alone = first(&h, "Den Haag").await;
    let id = demo_woondeal(&h).await;
    let mut burst = tokio::task::JoinSet::new();
    for n in 0..SEARCHES {
        let request = h.client.get(h.url("/api/v1/search?q=den%20haag&limit=5"));
        burst.spawn(async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            (n, status, body["items"][0]["key"].as_str().map(str::to_owned))
        });
    }
    let write = h
        .client
        .post(h.url(&format!("/api/v1/collaborations/{id}/money")))
        .bearer_auth(&h.admin)
        .json(&json!({"partner": "GM0344", "year": 2031, "amount_cents": 100,
                      "instrument": "eigen-middelen", "status": "begroot"}))
        .send()
        .await
        .unwrap();
    assert_eq!(write.status(), StatusCode::CREATED, "the write beside the burst");
    let answers = burst.join_all().await;
    let wrong: Vec<_> = answers
        .iter()
        .filter(|(_, status, key)| *status != StatusCode::OK || key.as_deref() != Some(alone.1.as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {SEARCHES} searches went wrong: {wrong:?}",
        wrong.len()
    );
}
