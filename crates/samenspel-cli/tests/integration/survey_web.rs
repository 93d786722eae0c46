//! The knelpuntenmonitor on the pages and the API: a beheerder opens a wave, respondents
//! answer by the wave's link or a personal invitation (resumable), bad answers store nothing,
//! results appear only after closing, and a group below k appears nowhere.

use reqwest::{Method, StatusCode};
use samenspel_app::Principal;
use serde_json::json;

use crate::helpers::Harness;

fn answers<'a>(layer: &'a str, value: &'a str) -> Vec<(String, &'a str)> {
    let mut v: Vec<(String, &str)> = vec![("layer".into(), layer)];
    v.extend((1..=24).map(|i| (format!("S{i:02}"), value)));
    v
}

fn as_pairs<'a>(v: &'a [(String, &'a str)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, x)| (k.as_str(), *x)).collect()
}

#[tokio::test]
async fn respondents_answer_by_link_and_invitation_and_results_wait_for_closing() {
    let h = Harness::start().await;
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let refused = admin
        .post_form("/knelpuntenmonitor", &[("key", "Najaar!"), ("k", "1")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(page.contains("href=\"#f-key\"") && page.contains("href=\"#f-k\""));
    let created = admin
        .post_form("/knelpuntenmonitor", &[("key", "najaar"), ("k", "10")])
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let redacteur = h.browser_as("GM0363", "redacteur").await;
    let (status, _) = h
        .request(
            Some(&h.token_for("GM0363", "redacteur").await),
            Method::POST,
            "/api/v1/survey/waves",
            Some(&json!({"key": "ander"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only beheerders open waves");

    // The form: a real table with headers, every radio labelled.
    let respondent = h.browser().await;
    let form = respondent
        .get("/knelpuntenmonitor/najaar/invullen")
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("<table class=\"utrecht-table ss-likert\">"));
    assert_eq!(form.matches("scope=\"col\"").count(), 7);
    assert_eq!(
        form.matches("<label class=\"ss-likert__label\" for=\"a-S")
            .count(),
        24 * 6
    );
    assert!(form.contains("Stelling 24: weet niet / niet van toepassing"));

    let before = h.fingerprint().await;
    let bad = answers("", "6");
    let response = respondent
        .post_form("/knelpuntenmonitor/najaar/invullen", &as_pairs(&bad))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("href=\"#f-layer\"") && page.contains("href=\"#f-s01\""));
    assert!(before == h.fingerprint().await, "nothing stored");

    let good = answers("gemeente", "4");
    let response = respondent
        .post_form("/knelpuntenmonitor/najaar/invullen", &as_pairs(&good))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // A personal invitation: answered, then resumed and changed.
    let tokens = h
        .app
        .app
        .invite("najaar", 1, &Principal::System("test"))
        .await
        .unwrap();
    let path = format!("/knelpuntenmonitor/najaar/invullen?uitnodiging={}", tokens[0]);
    let mut first = answers("rijk", "2");
    first.push(("uitnodiging".into(), &tokens[0]));
    let response = respondent
        .post_form("/knelpuntenmonitor/najaar/invullen", &as_pairs(&first))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let again = respondent.get(&path).await.text().await.unwrap();
    assert!(again.contains("al ingevuld"), "a token used twice says so");
    assert!(again.contains("id=\"a-S01-2\" name=\"S01\" value=\"2\" checked"));
    let mut changed = answers("rijk", "5");
    changed.push(("uitnodiging".into(), &tokens[0]));
    let response = respondent
        .post_form("/knelpuntenmonitor/najaar/invullen", &as_pairs(&changed))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("aangepast=1")
    );
    assert_eq!(
        respondent
            .get("/knelpuntenmonitor/najaar/invullen?uitnodiging=onzin")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let verify = h
        .app
        .app
        .verify_survey("najaar", &Principal::System("test"))
        .await
        .unwrap();
    assert!(verify.agrees());
    assert_eq!(verify.respondents(), 2, "the changed answer replaced the first");

    // No results while open.
    let (status, _) = h
        .request(None, Method::GET, "/api/v1/survey/waves/najaar/report", None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        h.get("/knelpuntenmonitor/najaar/rapport.csv").await.status(),
        StatusCode::CONFLICT
    );
    let wave_page = h.get("/knelpuntenmonitor/najaar").await.text().await.unwrap();
    assert!(!wave_page.contains("Respondenten per groep"));

    assert_eq!(
        redacteur
            .post_form("/knelpuntenmonitor/najaar/sluiten", &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        admin
            .post_form("/knelpuntenmonitor/najaar/sluiten", &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let late = respondent
        .post_form("/knelpuntenmonitor/najaar/invullen", &as_pairs(&good))
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT, "answering after close");

    // Two respondents: every group is below k = 10, in every output.
    let (status, report) = h
        .request(None, Method::GET, "/api/v1/survey/waves/najaar/report", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["groups"], json!({}));
    assert!(
        report["suppressed"]
            .to_string()
            .contains("Gemeente wordt niet getoond")
    );
    let csv = h
        .get("/knelpuntenmonitor/najaar/rapport.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(!csv.lines().any(|l| l.contains(";S01;")), "{csv}");
    let html = h.get("/knelpuntenmonitor/najaar").await.text().await.unwrap();
    assert!(html.contains("Gemeente wordt niet getoond"));
    assert!(!html.contains("scope=\"row\">Gemeente</th>"));
    assert!(!html.contains("scope=\"row\">Rijk</th>"));
}

#[tokio::test]
async fn the_demo_report_shows_both_charts_with_their_tables() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    let html = h
        .get("/knelpuntenmonitor/demo-rob-2020")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("In de top zes van zowel Rijk als decentraal: <strong>S02, S05, S06</strong>"),
        "{}",
        &html[html.find("<main").unwrap_or(0)..]
    );
    assert!(
        html.contains("aria-labelledby=\"rangordes-title\""),
        "the rankings chart"
    );
    assert!(
        html.contains("aria-labelledby=\"verdeling-title\""),
        "the diverging bars"
    );
    assert!(
        html.contains(
            "scope=\"row\">S06 …rijksoverheidsorganisaties onvoldoende op de hoogte zijn van de \
             inhoudelijke zorgen en uitdagingen van de decentrale overheden — Decentraal</th>"
        ),
        "the bars' table alternative names the statement in full"
    );
    let s06 = html
        .split("<td class=\"utrecht-table__cell\">")
        .find(|cell| cell.contains("S06 …") && cell.contains("(3,59)</td>"))
        .expect("the rankings' table names S06 with its rank, text and mean");
    assert!(
        s06.split(". S06")
            .next()
            .is_some_and(|rank| rank.parse::<u32>().is_ok()),
        "{s06}"
    );
    let reference = "<td class=\"utrecht-table__cell ss-number\">3,4</td><td class=\"utrecht-table__cell ss-number\">3,19</td>";
    assert!(html.contains(reference), "the ROB's 2020 means as reference");
}

#[tokio::test]
async fn a_later_wave_shows_the_earlier_ones_as_a_trend() {
    let h = Harness::start().await;
    let app = &h.app.app;
    let who = Principal::System("test");
    let ids: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    let file = |value: &str| {
        let mut text = format!("respondent,layer,{}\n", ids.join(","));
        for i in 0..12 {
            text.push_str(&format!("r{i},rijk,{}\n", vec![value; 24].join(",")));
            text.push_str(&format!("g{i},gemeente,{}\n", vec!["3"; 24].join(",")));
        }
        text
    };
    for (key, value) in [("voorjaar", "2"), ("najaar", "4")] {
        let input = samenspel_app::survey::WaveInput {
            key: key.into(),
            title: format!("Golf {key}"),
            ..Default::default()
        };
        app.create_wave(&input, &who).await.unwrap();
        app.import_responses(key, file(value).into_bytes(), &who)
            .await
            .unwrap();
        app.close_wave(key, &who).await.unwrap();
    }
    let trend = h.get_json("/api/v1/survey/waves/najaar/trend").await;
    let keys: Vec<&str> = trend
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["rob-2020", "voorjaar", "najaar"]);
    assert_eq!(trend[1]["means"]["S01"], json!([2.0, 3.0]));
    assert_eq!(trend[2]["means"]["S01"], json!([4.0, 3.0]));
    let html = h.get("/knelpuntenmonitor/najaar").await.text().await.unwrap();
    assert!(html.contains("scope=\"colgroup\" colspan=\"2\">Golf voorjaar</th>"));
    let first = h.get("/knelpuntenmonitor/voorjaar").await.text().await.unwrap();
    assert!(
        first.contains("nog geen eerdere gesloten golven"),
        "the first wave has no trend"
    );
}

#[tokio::test]
async fn the_api_refuses_a_bad_wave_and_a_bad_response_file_whole() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let (status, problem) = h
        .send_json(
            Method::POST,
            "/api/v1/survey/waves",
            &json!({"key": "Te Lang!", "k": 0}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let mut names = crate::helpers::invalid_names(&problem);
    names.sort();
    assert_eq!(names, ["k", "key"]);
    let (status, problem) = h
        .send_json(
            Method::POST,
            "/api/v1/survey/waves",
            &json!({"key": "ergens", "collaboration_id": 999_999}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(crate::helpers::invalid_names(&problem), ["collaboration_id"]);
    assert!(before == h.fingerprint().await, "nothing stored");

    let (status, _) = h
        .send_json(Method::POST, "/api/v1/survey/waves", &json!({"key": "api"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let ids: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    let mut bad = vec!["3"; 24];
    bad[2] = "3,5";
    let csv = format!(
        "respondent;layer;{}\nr1;gemeente;{}\nr2;ministerie;{}\n",
        ids.join(";"),
        bad.join(";"),
        vec!["3"; 24].join(";")
    );
    let before = h.fingerprint().await;
    let response = h
        .client
        .post(h.url("/api/v1/survey/waves/api/responses"))
        .bearer_auth(&h.admin)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        crate::helpers::invalid_names(&problem),
        ["bestand:2:S03", "bestand:3:layer"]
    );
    assert!(before == h.fingerprint().await, "nothing stored");
}

/// Posts the new-wave form, which must be refused with 422; the page it answers with.
async fn refused_wave(admin: &crate::helpers::Browser, fields: &[(&str, &str)]) -> String {
    let refused = admin.post_form("/knelpuntenmonitor", fields).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
    refused.text().await.unwrap()
}

fn response_file(rows: &[(&str, &str, &str)]) -> Vec<u8> {
    let ids: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    let mut csv = format!("respondent,layer,{}\n", ids.join(","));
    for (respondent, layer, value) in rows {
        csv.push_str(&format!("{respondent},{layer},{}\n", vec![*value; 24].join(",")));
    }
    csv.into_bytes()
}

#[tokio::test]
async fn a_beheerder_uploads_a_response_file_and_sees_every_bad_cell() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let id = h
        .create_collaboration("Regio Deal Twente", &[("GM0153", "trekker")])
        .await;

    // The scope: a collaboration that does not exist is named; one that does is shown.
    assert!(
        refused_wave(&admin, &[("key", "twente"), ("collaboration_id", "999999")])
            .await
            .contains("href=\"#f-collaboration-id\"")
    );
    let prefilled = admin
        .get(&format!("/knelpuntenmonitor?samenwerking={id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        prefilled.contains(&format!("name=\"collaboration_id\" value=\"{id}\"")),
        "{prefilled}"
    );
    let created = admin
        .post_form(
            "/knelpuntenmonitor",
            &[("key", "twente"), ("collaboration_id", &id.to_string())],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let wave = admin.get("/knelpuntenmonitor/twente").await.text().await.unwrap();
    assert!(
        wave.contains(&format!(
            "<a class=\"utrecht-link\" href=\"/samenwerkingen/{id}\">"
        )),
        "{wave}"
    );
    assert!(wave.contains("href=\"/knelpuntenmonitor/twente/importeren\""));
    let only = h
        .get(&format!("/knelpuntenmonitor?samenwerking={id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(only.contains("/knelpuntenmonitor/twente\"") && !only.contains("/knelpuntenmonitor/demo-open\""));

    // Only beheerders import.
    let redacteur = h.browser_as("GM0153", "redacteur").await;
    assert_eq!(
        redacteur
            .get("/knelpuntenmonitor/twente/importeren")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let before = h.fingerprint().await;
    let sneaky = redacteur
        .upload(
            "/knelpuntenmonitor/twente/importeren",
            "a.csv",
            &response_file(&[("r1", "rijk", "3")]),
        )
        .await;
    assert_eq!(sneaky.status(), StatusCode::FORBIDDEN);

    let bad = response_file(&[
        ("r1", "rijk", "3"),
        ("r2", "ministerie", "3"),
        ("r1", "gemeente", "drie"),
    ]);
    let response = admin
        .upload("/knelpuntenmonitor/twente/importeren", "fout.csv", &bad)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("fout.csv is niet geïmporteerd; er is niets opgeslagen"),
        "{html}"
    );
    for (row, column) in [("3", "layer"), ("4", "respondent"), ("4", "S01")] {
        assert!(
            html.contains(&format!(
                "scope=\"row\">{row}</th><td class=\"utrecht-table__cell\">{column}</td>"
            )),
            "row {row} column {column} in {html}"
        );
    }
    let nothing = admin
        .upload("/knelpuntenmonitor/twente/importeren", "leeg.csv", b"")
        .await;
    assert_eq!(
        nothing.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "no file chosen"
    );
    assert!(
        nothing
            .text()
            .await
            .unwrap()
            .contains("Kies een CSV-bestand met antwoorden om te importeren.")
    );
    assert!(before == h.fingerprint().await, "nothing stored");

    let rows: Vec<(String, &str, &str)> = (0..12).map(|i| (format!("g{i}"), "gemeente", "4")).collect();
    let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(r, l, v)| (r.as_str(), *l, *v)).collect();
    let response = admin
        .upload(
            "/knelpuntenmonitor/twente/importeren",
            "goed.csv",
            &response_file(&rows),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("12 antwoorden geïmporteerd")
    );
    let again = admin
        .upload(
            "/knelpuntenmonitor/twente/importeren",
            "goed.csv",
            &response_file(&rows[..1]),
        )
        .await;
    assert_eq!(
        again.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "g0 has answered already"
    );
    assert!(again.text().await.unwrap().contains("al geantwoord"));

    assert_eq!(
        admin
            .post_form("/knelpuntenmonitor/twente/sluiten", &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        admin.get("/knelpuntenmonitor/twente/importeren").await.status(),
        StatusCode::CONFLICT,
        "a closed wave takes no file"
    );
    let report = h.get_json("/api/v1/survey/waves/twente/report").await;
    assert_eq!(report["groups"]["gemeente"]["statements"]["S01"]["n"], 12);
}

#[tokio::test]
async fn answers_by_the_wave_link_are_limited_per_address() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    // A wave takes answers only between its dates, and its page and the list say so.
    for (key, opens, closes, says, shown) in [
        (
            "voorbij",
            "2020-01-01",
            "2020-01-31",
            "sloot op 31-01-2020",
            "Sloot op 31-01-2020 voor antwoorden; nog niet gesloten",
        ),
        (
            "later",
            "2999-01-01",
            "",
            "opent op 01-01-2999",
            "Opent op 01-01-2999",
        ),
    ] {
        let (status, _) = h
            .send_json(
                Method::POST,
                "/api/v1/survey/waves",
                &json!({"key": key, "opens_on": opens, "closes_on": closes}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let response = h.get(&format!("/knelpuntenmonitor/{key}/invullen")).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert!(response.text().await.unwrap().contains(says));
        let page = h.get(&format!("/knelpuntenmonitor/{key}")).await;
        let page = page.text().await.unwrap();
        assert!(page.contains(shown) && page.contains(says), "{page}");
        assert!(
            !page.contains("Vul de vragenlijst in"),
            "no link to a form that refuses"
        );
        let list = h.get("/knelpuntenmonitor").await.text().await.unwrap();
        assert!(list.contains(shown), "{list}");
    }
    let good = answers("provincie", "3");
    // One browser answers the open link once: it remembers (a cookie) and is refused again.
    let once = h.browser().await;
    let first = once
        .post_form("/knelpuntenmonitor/demo-open/invullen", &as_pairs(&good))
        .await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    let before = h.fingerprint().await;
    let again = once
        .post_form("/knelpuntenmonitor/demo-open/invullen", &as_pairs(&good))
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again.text().await.unwrap().contains("U heeft al geantwoord"));
    assert!(
        before == h.fingerprint().await,
        "the second answer stored nothing"
    );
    assert_eq!(
        once.get("/knelpuntenmonitor/demo-open/invullen").await.status(),
        StatusCode::CONFLICT
    );
    // Other browsers on the same address, up to the limit per address.
    for i in 1..samenspel_app::survey::LINK_ANSWERS {
        let response = h
            .browser()
            .await
            .post_form("/knelpuntenmonitor/demo-open/invullen", &as_pairs(&good))
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "answer {i}");
    }
    let respondent = h.browser().await;
    let before = h.fingerprint().await;
    let refused = respondent
        .post_form("/knelpuntenmonitor/demo-open/invullen", &as_pairs(&good))
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.text().await.unwrap().contains("niet opgeslagen"));
    assert!(before == h.fingerprint().await, "nothing stored");
    // A personal invitation is not held back by it.
    let tokens = h
        .app
        .app
        .invite("demo-open", 1, &Principal::System("test"))
        .await
        .unwrap();
    let mut invited = answers("rijk", "2");
    invited.push(("uitnodiging".into(), &tokens[0]));
    let response = respondent
        .post_form("/knelpuntenmonitor/demo-open/invullen", &as_pairs(&invited))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// Whether a wave takes answers follows the application's clock, not the system's: on a day
/// inside its dates (here 15 January 2020) the wave of January 2020 is open, on its page, in
/// the list and on its form.
#[tokio::test]
async fn a_wave_is_open_by_the_apps_clock() {
    let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 15).unwrap();
    let at = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
    let h = Harness::start_with(samenspel_app::Clock::fixed(at)).await;
    let (status, _) = h
        .send_json(
            Method::POST,
            "/api/v1/survey/waves",
            &json!({"key": "januari", "opens_on": "2020-01-01", "closes_on": "2020-01-31"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let form = h.get("/knelpuntenmonitor/januari/invullen").await;
    assert_eq!(form.status(), StatusCode::OK);
    let page = h.get("/knelpuntenmonitor/januari").await.text().await.unwrap();
    assert!(page.contains("Vul de vragenlijst in"), "{page}");
    let list = h.get("/knelpuntenmonitor").await.text().await.unwrap();
    assert!(!list.contains("Sloot op 31-01-2020"), "{list}");
}

/// A closed wave's form says only that the wave is closed (not "Gelijktijdige wijziging").
#[tokio::test]
async fn a_closed_wave_says_it_is_closed() {
    let h = Harness::start().await;
    let (status, _) = h
        .send_json(Method::POST, "/api/v1/survey/waves", &json!({"key": "dicht"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = h
        .send_json(Method::POST, "/api/v1/survey/waves/dicht/close", &json!(null))
        .await;
    assert_eq!(status, StatusCode::OK);
    let response = h.get("/knelpuntenmonitor/dicht/invullen").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = response.text().await.unwrap();
    assert!(page.contains(">Deze golf is gesloten</h1>"), "{page}");
    assert!(!page.contains("Gelijktijdige wijziging"), "{page}");
}

/// A wave about a collaboration names it on its page and in the list, not by its number.
#[tokio::test]
async fn a_wave_names_its_collaboration() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal Eemland", &[("GM0307", "trekker")])
        .await;
    let (status, _) = h
        .send_json(
            Method::POST,
            "/api/v1/survey/waves",
            &json!({"key": "eemland", "collaboration_id": id}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    for path in ["/knelpuntenmonitor/eemland", "/knelpuntenmonitor"] {
        let page = h.get(path).await.text().await.unwrap();
        assert!(
            page.contains(&format!("href=\"/samenwerkingen/{id}\">Woondeal Eemland</a>")),
            "{path}: {page}"
        );
        assert!(!page.contains(&format!("Samenwerking {id}<")), "{path}");
    }
}

/// Closing a wave cannot be undone, so it is asked on its own page first; looking at that page
/// closes nothing, and only a beheerder gets it.
#[tokio::test]
async fn closing_a_wave_is_confirmed_on_its_own_page() {
    let h = Harness::start().await;
    let (status, _) = h
        .send_json(Method::POST, "/api/v1/survey/waves", &json!({"key": "voorjaar"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let wave = admin
        .get("/knelpuntenmonitor/voorjaar")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        wave.contains("href=\"/knelpuntenmonitor/voorjaar/sluiten\""),
        "{wave}"
    );
    let before = h.fingerprint().await;
    let confirm = admin.get("/knelpuntenmonitor/voorjaar/sluiten").await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let confirm = confirm.text().await.unwrap();
    assert!(
        confirm.contains("kan niet ongedaan worden gemaakt") && confirm.contains("Ja, golf sluiten"),
        "{confirm}"
    );
    assert!(before == h.fingerprint().await, "asking closes nothing");
    assert_eq!(
        h.get("/knelpuntenmonitor/voorjaar/sluiten").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let closed = admin.post_form("/knelpuntenmonitor/voorjaar/sluiten", &[]).await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        admin.get("/knelpuntenmonitor/voorjaar/sluiten").await.status(),
        StatusCode::CONFLICT
    );
}

/// The wave form's dates are date fields and also take dates as people write them.
#[tokio::test]
async fn a_wave_takes_dates_as_people_write_them() {
    let h = Harness::start().await;
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let list = admin.get("/knelpuntenmonitor").await.text().await.unwrap();
    let field = list
        .split("name=\"opens_on\"")
        .next()
        .unwrap()
        .rsplit("<input")
        .next()
        .unwrap();
    assert!(field.contains("type=\"date\""), "a date field: {field}");
    let created = admin
        .post_form(
            "/knelpuntenmonitor",
            &[
                ("key", "maart"),
                ("opens_on", "1-3-2026"),
                ("closes_on", "31-03-2026"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let wave = h.get_json("/api/v1/survey/waves/maart").await;
    assert_eq!(
        (wave["opens_on"].as_str(), wave["closes_on"].as_str()),
        (Some("2026-03-01"), Some("2026-03-31"))
    );
    let before = h.fingerprint().await;
    assert!(
        refused_wave(&admin, &[("key", "later"), ("opens_on", "31-02-2026")])
            .await
            .contains("schrijf bijvoorbeeld 1-3-2026")
    );
    assert!(before == h.fingerprint().await, "nothing stored");
}

/// The wave form takes words of the collaboration's name: one match is taken, several are
/// offered to choose from (a plain radio list, no script), none is said; nothing is stored
/// until the choice is clear.
#[tokio::test]
async fn a_wave_is_for_a_collaboration_chosen_by_name() {
    let h = Harness::start().await;
    let first = h
        .create_collaboration("Woondeal Eemland", &[("GM0307", "trekker")])
        .await;
    let second = h
        .create_collaboration("Woondeal Zuid-Limburg", &[("GM0935", "trekker")])
        .await;
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    let before = h.fingerprint().await;

    let several = refused_wave(&admin, &[("key", "woon"), ("collaboration_id", "woondeal")]).await;
    assert!(
        several.contains("past bij meer dan één samenwerking"),
        "{several}"
    );
    for id in [first, second] {
        assert!(
            several.contains(&format!("name=\"collaboration_choice\" value=\"{id}\"")),
            "{several}"
        );
    }
    let none = refused_wave(&admin, &[("key", "woon"), ("collaboration_id", "qxzvwj")]).await;
    assert!(
        none.contains("Geen samenwerking gevonden met « qxzvwj »"),
        "{none}"
    );
    assert!(before == h.fingerprint().await, "nothing stored");

    // The offered choice counts over the typed words.
    let chosen = admin
        .post_form(
            "/knelpuntenmonitor",
            &[
                ("key", "zuid"),
                ("collaboration_id", "woondeal"),
                ("collaboration_choice", &second.to_string()),
            ],
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    // Words that match one collaboration take it, in any order and case.
    let typed = admin
        .post_form(
            "/knelpuntenmonitor",
            &[("key", "eem"), ("collaboration_id", "eemland WOONDEAL")],
        )
        .await;
    assert_eq!(typed.status(), StatusCode::SEE_OTHER);
    for (key, id) in [("zuid", second), ("eem", first)] {
        let page = h
            .get(&format!("/knelpuntenmonitor/{key}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(&format!("href=\"/samenwerkingen/{id}\"")),
            "{key}: {page}"
        );
    }
}
