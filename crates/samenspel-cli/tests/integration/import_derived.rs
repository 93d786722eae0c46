//! An import of many collaborations works out their search rows and signals together at the
//! end, a range of ids at a time; what it writes must be exactly what working every row out
//! again (the store's rebuild after a change of rules) writes — after adding them and after
//! changing some of them, and when several imports run at once.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::Harness;

const MUNICIPALITIES: [&str; 6] = ["GM0363", "GM0344", "GM0599", "GM0518", "GM1979", "GM0014"];
const KINDS: [&str; 4] = ["regio-deal", "mirt", "res", "convenant"];

/// An exchange CSV of `count` collaborations of several kinds, some with one municipality and
/// some with three, money from the Rijk alone or shared; `renamed` collaborations get another
/// name and lose their last municipality.
fn exchange_csv(count: usize, renamed: usize) -> String {
    keyed_exchange_csv("derived", count, renamed)
}

/// [`exchange_csv`] with keys `{file}-{n}`.
fn keyed_exchange_csv(file: &str, count: usize, renamed: usize) -> String {
    let mut csv =
        String::from("regel;sleutel;naam;soort;start;einde;organisatie;rol;jaar;bedrag;instrument;status\n");
    for c in 0..count {
        let key = format!("{file}-{c}");
        let name = if c < renamed {
            format!("Hernoemd verband {c}")
        } else {
            format!("Verband {c}")
        };
        let kind = KINDS[c % KINDS.len()];
        csv.push_str(&format!(
            "samenwerking;{key};{name};{kind};1-1-2024;31-12-2028;;;;;;\n"
        ));
        let mut partners = if c % 3 == 0 { 1 } else { 3 };
        if c < renamed && partners > 1 {
            partners -= 1;
        }
        for p in 0..partners {
            let code = MUNICIPALITIES[(c + p) % MUNICIPALITIES.len()];
            let role = if p == 0 { "trekker" } else { "partner" };
            csv.push_str(&format!("partner;{key};;;;;{code};{role};;;;\n"));
        }
        if c % 2 == 0 {
            csv.push_str(&format!("partner;{key};;;;;MNRE1153;financier;;;;\n"));
            csv.push_str(&format!(
                "geld;{key};;;;;MNRE1153;;2026;{}.00;regio-deal-bijdrage;toegezegd\n",
                1000 + c
            ));
            if c % 4 == 0 {
                let code = MUNICIPALITIES[c % MUNICIPALITIES.len()];
                csv.push_str(&format!(
                    "geld;{key};;;;;{code};;2026;{}.00;eigen-middelen;toegezegd\n",
                    5000 + c
                ));
            }
        }
    }
    csv
}

async fn import(h: &Harness, csv: String) -> Value {
    let (status, body) = crate::exchange::import(h, "text/csv", csv.into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

const SIGNALS: &str = "SELECT CAST(collaboration_id AS TEXT) || '|' || signal || '|' || CAST(count AS TEXT) \
     || '|' || COALESCE(CAST(due_on AS TEXT), '') FROM collaboration_signals ORDER BY collaboration_id, signal";
const SEARCH: &str = "SELECT kind || '|' || item_key || '|' || COALESCE(CAST(collaboration_id AS TEXT), '') \
     || '|' || title || '|' || names || '|' || body || '|' || title_key || '|' || names_key || '|' || body_key \
     FROM search_items ORDER BY kind, item_key";

/// The signals and search rows as they stand, and as the store's rebuild writes them.
async fn written_and_rebuilt(h: &Harness) -> ((Vec<String>, Vec<String>), (Vec<String>, Vec<String>)) {
    let db = &h.app.db;
    let written = (db.texts(SIGNALS).await, db.texts(SEARCH).await);
    assert_eq!(
        db.execute("UPDATE signals_state SET version = 0 WHERE id = 1")
            .await,
        1
    );
    assert_eq!(
        db.execute("UPDATE search_state SET version = 0 WHERE id = 1")
            .await,
        1
    );
    db.app().prepare().await.unwrap();
    let rebuilt = (db.texts(SIGNALS).await, db.texts(SEARCH).await);
    (written, rebuilt)
}

#[tokio::test]
async fn an_import_writes_the_signals_and_search_rows_a_rebuild_would() {
    let h = Harness::start().await;
    // More than one range of ids (a range spans at most 1,000), with collaborations of the
    // reference data before them.
    let count = 1_150;
    let report = import(&h, exchange_csv(count, 0)).await;
    assert_eq!(report["added"].as_array().map(Vec::len), Some(count), "{report}");

    let ((signals, search), rebuilt) = written_and_rebuilt(&h).await;
    let ours = |rows: &[String]| rows.iter().filter(|r| r.contains("erband ")).count();
    assert_eq!(ours(&search), count, "one search row per imported collaboration");
    assert!(
        signals.len() > count / 2,
        "the generated collaborations have signals: {}",
        signals.len()
    );
    assert_eq!((signals, search), rebuilt);

    // Change 40 of them (another name, one municipality fewer): the changed ones again.
    let report = import(&h, exchange_csv(count, 40)).await;
    assert_eq!(report["changed"].as_array().map(Vec::len), Some(40), "{report}");
    let ((signals, search), rebuilt) = written_and_rebuilt(&h).await;
    assert_eq!(
        search.iter().filter(|r| r.contains("Hernoemd verband")).count(),
        40,
        "the changed names are searchable"
    );
    assert_eq!((signals, search), rebuilt);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_imports_all_land_whole_with_the_rows_a_rebuild_would_write() {
    const FILES: usize = 8;
    const EACH: usize = 150;
    let h = Harness::start().await;
    let before = h.app.db.count("SELECT COUNT(*) FROM collaborations").await;
    let mut imports = tokio::task::JoinSet::new();
    for file in 0..FILES {
        let request = h
            .client
            .post(h.url("/api/v1/collaborations/import"))
            .bearer_auth(&h.admin)
            .header("content-type", "text/csv")
            .body(keyed_exchange_csv(&format!("tegelijk{file}"), EACH, 0));
        imports.spawn(async move {
            let response = request.send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        });
    }
    let answers = imports.join_all().await;
    let failed: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status != StatusCode::OK)
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {FILES} imports failed: {failed:?}",
        failed.len()
    );
    assert_eq!(
        h.app.db.count("SELECT COUNT(*) FROM collaborations").await - before,
        i64::try_from(FILES * EACH).unwrap(),
        "every collaboration of every file stored"
    );
    let ((signals, search), rebuilt) = written_and_rebuilt(&h).await;
    assert_eq!((signals, search), rebuilt);
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None, "the hash chain stays intact");
}
