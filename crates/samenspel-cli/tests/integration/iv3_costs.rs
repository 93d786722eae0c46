//! Costs per Iv3 task field through the API, on SQLite (and PostgreSQL with
//! SAMENSPEL_TEST_DATABASE_URL): series across the 2023 split, refusals that change nothing,
//! idempotent re-imports, replaced figures kept as history, concurrent imports, and the pages.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{Harness, invalid_names};

const TEN: [&str; 10] = [
    "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c",
];

pub(crate) async fn import(h: &Harness, token: &str, shape: &str, body: &str) -> (StatusCode, Value) {
    let response = h
        .client
        .post(h.url(&format!("/api/v1/iv3/costs/import?shape={shape}&name=test.csv")))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// 6.72 in 2021 and 2022 (two lasten categories and one baten), then the ten new codes in
/// 2023 and 2024; and 6.81a from 2023.
fn cbs_file() -> String {
    let mut out = String::from("Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n");
    for year in [2021, 2022] {
        out.push_str(&format!("GM0363;6.72;L3.1;jaarrekening;{year}JJ00;800\n"));
        out.push_str(&format!("GM0363;6.72;L4.3;jaarrekening;{year}JJ00;200\n"));
        out.push_str(&format!("GM0363;6.72;B3;jaarrekening;{year}JJ00;5\n"));
    }
    for year in [2023, 2024] {
        for code in TEN {
            out.push_str(&format!("GM0363;{code};L3.1;jaarrekening;{year}JJ00;105\n"));
        }
        out.push_str(&format!("GM0363;6.81a;L3.1;jaarrekening;{year}JJ00;40\n"));
    }
    out
}

fn years(series: &Value) -> Vec<i64> {
    series["series"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["year"].as_i64().unwrap())
        .collect()
}

fn lasten(series: &Value) -> Vec<i64> {
    series["series"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["lasten"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_series_for_6_72_runs_on_across_the_split_and_6_81a_starts_in_2023() {
    let h = Harness::start().await;
    let (status, report) = import(&h, &h.admin, "cbs", &cbs_file()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"], 2 + 2 * 11);

    let parent = h.get_json("/api/v1/iv3/costs/GM0363/6.72?on=parent").await;
    assert_eq!(
        years(&parent),
        [2021, 2022, 2023, 2024],
        "continuous on the parent"
    );
    // € 1.000.000 (×1000) in cents, and ten times € 105.000 from 2023.
    assert_eq!(
        lasten(&parent),
        [100_000_000, 100_000_000, 105_000_000, 105_000_000]
    );
    assert_eq!(parent["children"].as_array().unwrap().len(), 10);
    assert_eq!(parent["demo"], false);
    let booked = h.get_json("/api/v1/iv3/costs/GM0363/6.72?on=new").await;
    assert_eq!(
        years(&booked),
        [2021, 2022],
        "as booked, the old code ends in 2022"
    );

    let new = h.get_json("/api/v1/iv3/costs/GM0363/6.81a").await;
    assert_eq!(years(&new), [2023, 2024], "6.81a alone starts in 2023");
    assert_eq!(lasten(&new), [4_000_000, 4_000_000]);

    let overview = h.get_json("/api/v1/iv3/costs/GM0363").await;
    let codes: Vec<&str> = overview["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["task_field"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["6.72", "6.81"], "new codes under their parent");

    let response = h.get("/api/v1/iv3/costs/GM0363/6.72?on=sideways").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = h.get("/api/v1/iv3/costs/GM0363/6.99").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn bad_files_are_refused_whole_and_change_nothing() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let bad = "overheid,taakveld,jaar,soort,kant,bedrag\n\
               GM0363,6.1,2022,realisatie,lasten,10\n\
               GM9999,6.1,2022,realisatie,lasten,10\n\
               GM0363,6.99,2022,realisatie,lasten,10\n\
               GM0363,6.1,1999,realisatie,lasten,10\n\
               GM0363,6.72,2023,realisatie,lasten,10\n\
               GM0363,6.72a,2022,realisatie,lasten,10\n\
               GM0363,6.1,2022,realisatie,lasten,-10\n\
               GM0363,6.1,2022,realisatie,lasten,veel\n";
    let (status, problem) = import(&h, &h.admin, "openspending", bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(
        invalid_names(&problem),
        [
            "bestand:3:overheid",
            "bestand:4:taakveld",
            "bestand:5:jaar",
            "bestand:6:taakveld",
            "bestand:7:taakveld",
            "bestand:8:bedrag",
            "bestand:9:bedrag"
        ]
    );
    let (status, _) = import(&h, &h.admin, "xlsx", "a\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, problem) = import(&h, &h.admin, "cbs", "Gemeenten,Bedrag\nGM0363,1\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(h.fingerprint().await, before, "nothing stored");

    // Anonymous, a lezer, and a redacteur of another municipality.
    let good = "overheid,taakveld,jaar,soort,kant,bedrag\nGM0363,6.1,2022,realisatie,lasten,10\n";
    let (status, _) = import(&h, "", "openspending", good).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let lezer = h.token_for("GM0363", "lezer").await;
    let other = h.token_for("GM0344", "redacteur").await;
    let ministry = h.token_for("MNRE1073", "redacteur").await;
    let before = h.fingerprint().await;
    for token in [&lezer, &other] {
        let (status, problem) = import(&h, token, "openspending", good).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    }
    // A ministry's redacteur keeps no municipality's figures: refused before the file is read,
    // even a broken one.
    let (status, problem) = import(&h, &ministry, "openspending", "kapot").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(h.fingerprint().await, before, "nothing stored");
    let own = h.token_for("GM0363", "redacteur").await;
    let (status, report) = import(&h, &own, "openspending", good).await;
    assert_eq!(status, StatusCode::OK, "{report}");
}

#[tokio::test]
async fn a_re_import_changes_nothing_and_a_new_version_keeps_the_old_in_history() {
    let h = Harness::start().await;
    let (status, _) = import(&h, &h.admin, "cbs", &cbs_file()).await;
    assert_eq!(status, StatusCode::OK);
    let events = h
        .app
        .db
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'iv3.costs.import'")
        .await;
    assert_eq!(events, 1);
    let before = h.fingerprint().await;
    let (status, report) = import(&h, &h.admin, "cbs", &cbs_file()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["already_imported"], true);
    // The same figures in another file (another name for the separator) change nothing either.
    let (status, report) = import(&h, &h.admin, "cbs", &cbs_file().replace(';', ",")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["unchanged"], 24, "{report}");
    assert_eq!(report["import_id"], Value::Null);
    assert_eq!(
        h.fingerprint().await,
        before,
        "no new audit event, import or version"
    );

    // A corrected 2022: the figure is replaced and the old one kept.
    let corrected = "overheid,taakveld,jaar,soort,kant,bedrag\nGM0363,6.72,2022,realisatie,lasten,1100\nGM0363,6.72,2022,realisatie,baten,5\n";
    let (status, report) = import(&h, &h.admin, "openspending", corrected).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        (report["replaced"].as_i64(), report["added"].as_i64()),
        (Some(1), Some(0))
    );
    let parent = h.get_json("/api/v1/iv3/costs/GM0363/6.72").await;
    assert_eq!(lasten(&parent)[1], 110_000_000);
    let overview = h.get_json("/api/v1/iv3/costs/GM0363").await;
    let replaced = overview["replaced"].as_array().unwrap();
    assert_eq!(replaced.len(), 1);
    assert_eq!(
        (replaced[0]["year"].as_i64(), replaced[0]["lasten"].as_i64()),
        (Some(2022), Some(100_000_000))
    );
    let events = h
        .app
        .db
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'iv3.costs.import'")
        .await;
    assert_eq!(events, 2);
}

#[tokio::test]
async fn concurrent_imports_lose_nothing() {
    let h = Harness::start().await;
    let files: Vec<String> = (0..12)
        .map(|i| {
            // Each file its own year; all touch the same organisation and task field.
            let year = 2017 + i;
            format!("overheid,taakveld,jaar,soort,kant,bedrag\nGM0363,6.1,{year},realisatie,lasten,{}\nGM0344,6.1,{year},realisatie,lasten,1\n", i + 1)
        })
        .collect();
    let mut writers = tokio::task::JoinSet::new();
    for file in files {
        let (client, url, token) = (
            h.client.clone(),
            h.url("/api/v1/iv3/costs/import?shape=openspending"),
            h.admin.clone(),
        );
        writers.spawn(async move {
            let response = client
                .post(url)
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body(file)
                .send()
                .await
                .unwrap();
            (response.status(), response.text().await.unwrap_or_default())
        });
    }
    for (status, body) in writers.join_all().await {
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let series = h.get_json("/api/v1/iv3/costs/GM0363/6.1").await;
    assert_eq!(years(&series).len(), 12, "every year stored");
    let imports = h.app.db.count("SELECT COUNT(*) FROM iv3_cost_imports").await;
    assert_eq!(imports, 12);
    let events = h
        .app
        .db
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'iv3.costs.import'")
        .await;
    assert_eq!(events, 12);
}

#[tokio::test]
async fn pages_show_the_series_and_label_demonstration_figures() {
    let h = Harness::start().await;
    h.app.app.load_demo_costs().await.unwrap();
    let again = h.app.app.load_demo_costs().await.unwrap();
    assert!(
        again.already_imported,
        "loading the demonstration again changes nothing"
    );
    for (path, words) in [
        (
            "/iv3/kosten",
            ["Kosten per taakveld", "Amsterdam", "Demonstratiegegevens"],
        ),
        ("/iv3/kosten/GM0363", ["6.72", "gegenereerd", "Jaarrekening"]),
    ] {
        let response = h.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let page = response.text().await.unwrap();
        for word in words {
            assert!(page.contains(word), "{path} misses {word}");
        }
    }
    let response = h.get_in_english("/iv3/kosten/GM0363").await;
    let page = response.text().await.unwrap();
    assert!(page.contains("generated"), "English: {page}");
    let response = h.get("/iv3/kosten/inlezen").await;
    assert!(
        [StatusCode::UNAUTHORIZED, StatusCode::SEE_OTHER].contains(&response.status()),
        "signing in first"
    );
}

#[tokio::test]
async fn the_upload_page_imports_own_figures_and_lists_every_problem() {
    let h = Harness::start().await;
    let browser = h.browser_as("GM0363", "redacteur").await;
    let response = browser.get("/iv3/kosten/inlezen").await;
    assert_eq!(response.status(), StatusCode::OK);
    let before = h.fingerprint().await;
    let bad = "overheid,taakveld,jaar,soort,kant,bedrag\nGM0363,6.72,2023,realisatie,lasten,10\n";
    let response = browser
        .upload("/iv3/kosten/inlezen/openspending", "kosten.csv", bad.as_bytes())
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("taakveld") && page.contains("6.72"), "{page}");
    assert_eq!(h.fingerprint().await, before, "nothing stored");
    let good = "overheid,taakveld,jaar,soort,kant,bedrag\nGM0363,6.72,2022,realisatie,lasten,10\n";
    let response = browser
        .upload("/iv3/kosten/inlezen/openspending", "kosten.csv", good.as_bytes())
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("1 cijfers toegevoegd"));
    let other = "overheid,taakveld,jaar,soort,kant,bedrag\nGM0344,6.72,2022,realisatie,lasten,10\n";
    let response = browser
        .upload("/iv3/kosten/inlezen/openspending", "kosten.csv", other.as_bytes())
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "another municipality's figures"
    );
    let lezer = h.browser_as("GM0363", "lezer").await;
    assert_eq!(
        lezer.get("/iv3/kosten/inlezen").await.status(),
        StatusCode::FORBIDDEN
    );
    // Nor is the form offered to a ministry's redacteur.
    let ministry = h.browser_as("MNRE1073", "redacteur").await;
    assert_eq!(
        ministry.get("/iv3/kosten/inlezen").await.status(),
        StatusCode::FORBIDDEN
    );
    let list = ministry.get("/iv3/kosten").await.text().await.unwrap();
    assert!(!list.contains("/iv3/kosten/inlezen\""), "{list}");
}

/// A CBS file of more than a megabyte (read in two halves, stored while read): 300
/// municipalities × ten task fields × three years × three categories, each municipality's
/// rows together. Its rows, without the header.
fn large_rows() -> Vec<String> {
    let mut municipalities: Vec<String> = samenspel_app::iv3_costs::municipalities()
        .unwrap()
        .into_iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    municipalities.sort();
    let fields = [
        "0.1", "0.2", "0.3", "0.4", "0.5", "1.1", "1.2", "2.1", "2.2", "2.3",
    ];
    let mut rows = Vec::new();
    for (m, gm) in municipalities.iter().take(300).enumerate() {
        for field in fields {
            for year in [2022, 2023, 2024] {
                for (c, category) in ["L3.1", "L4.3", "B3"].iter().enumerate() {
                    rows.push(format!(
                        "{gm};{field};{category};jaarrekening;{year}JJ00;{}",
                        m + c + 1
                    ));
                }
            }
        }
    }
    rows
}

fn cbs(rows: &[String]) -> String {
    let mut out = String::from("Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n");
    for row in rows {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// Every stored figure, in key order, as text (to compare two databases' figures).
async fn figures(h: &Harness) -> Vec<String> {
    h.app
        .db
        .texts(
            "SELECT organisation || ' ' || task_field || ' ' || CAST(year AS TEXT) || ' ' || report || ' ' || \
             CAST(lasten_cents AS TEXT) || ' ' || CAST(baten_cents AS TEXT) FROM iv3_costs \
             ORDER BY organisation, task_field, year, report",
        )
        .await
}

#[tokio::test]
async fn a_large_file_stored_while_read_is_refused_whole_for_a_late_problem_or_a_foreign_municipality() {
    let h = Harness::start().await;
    let rows = large_rows();
    assert!(
        cbs(&rows).len() > 1 << 20,
        "large enough to be read in two halves"
    );
    let first = rows[0].split(';').next().unwrap().to_owned();
    let own = h.token_for(&first, "redacteur").await;
    let before = h.fingerprint().await;
    // A bad amount on the very last row: the figures of the first 299 municipalities went to
    // the store while the file was read; none of them stays.
    let mut late = rows.clone();
    let last = late.len();
    late[last - 1] = late[last - 1].replace(";jaarrekening;2024JJ00;", ";jaarrekening;2024JJ00;veel");
    let (status, problem) = import(&h, &h.admin, "cbs", &cbs(&late)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(invalid_names(&problem), [format!("bestand:{}:bedrag", last + 1)]);
    // A redacteur of the first municipality may not import the others' figures.
    let (status, problem) = import(&h, &own, "cbs", &cbs(&rows)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(h.fingerprint().await, before, "nothing stored");

    // In order: every figure stored, one import, one audit event.
    let (status, report) = import(&h, &h.admin, "cbs", &cbs(&rows)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"], 300 * 10 * 3, "{report}");
    let events = "SELECT COUNT(*) FROM audit_events WHERE action = 'iv3.costs.import'";
    assert_eq!(h.app.db.count(events).await, 1);
    let imported = h
        .app
        .db
        .texts("SELECT CAST(figures AS TEXT) FROM iv3_cost_imports WHERE imported_by <> ''")
        .await;
    assert_eq!(
        imported,
        ["9000"],
        "the record names who imported how many figures"
    );
    let in_order = figures(&h).await;
    assert_eq!(in_order.len(), 9000);

    // The same rows with the first municipality's rows split over the start of the file and
    // the middle of its second half: its second run is not whole, so the file is read whole
    // instead, and the same figures stored.
    let other = Harness::start().await;
    let scattered: Vec<String> = [&rows[..45], &rows[90..20_000], &rows[45..90], &rows[20_000..]].concat();
    let (status, report) = import(&other, &other.admin, "cbs", &cbs(&scattered)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"], 9000, "{report}");
    assert_eq!(figures(&other).await, in_order);
}
