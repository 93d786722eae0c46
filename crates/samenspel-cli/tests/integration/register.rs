//! The register of gemeenschappelijke regelingen as a user meets it: loaded with the demo,
//! re-imported after a change to one source row, and seen per organisation.

use reqwest::StatusCode;
use samenspel_app::Principal;
use samenspel_app::register::{GrSource, SHIPPED};

use crate::helpers::Harness;

const GR_COLLABORATIONS: &str = "SELECT COUNT(*) FROM collaborations WHERE source_key LIKE 'gr:%'";
const GR_PARTICIPATIONS: &str = "SELECT COUNT(*) FROM collaboration_partners p \
     JOIN collaborations c ON c.id = p.collaboration_id WHERE c.source_key LIKE 'gr:%'";
const VERSION_SUM: &str = "SELECT CAST(SUM(version) AS BIGINT) FROM collaborations";

#[tokio::test]
async fn the_demo_holds_the_whole_register_and_importing_twice_keeps_the_counts() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let db = &h.app.db;
    assert_eq!(db.count(GR_COLLABORATIONS).await, 1186);
    assert_eq!(db.count(GR_PARTICIPATIONS).await, 9516);
    let before = db.fingerprint().await;
    let report = h
        .app
        .app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.unchanged, 1186);
    assert!(report.added.is_empty() && report.changed.is_empty());
    assert_eq!(before, db.fingerprint().await, "a second import stores nothing");
}

#[tokio::test]
async fn re_importing_after_editing_one_row_changes_exactly_that_regeling() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let db = &h.app.db;
    let versions = db.count(VERSION_SUM).await;
    let old = "Gemeenschappelijke regeling regionaal openbaar vervoer (Bedrijfsvoeringsorganisatie";
    assert_eq!(SHIPPED.regelingen.matches(old).count(), 1);
    let edited = SHIPPED
        .regelingen
        .replace(old, "Regeling ov Noordoost Fryslân (Bedrijfsvoeringsorganisatie");
    let source = GrSource {
        regelingen: &edited,
        deelnemers: SHIPPED.deelnemers,
    };
    let report = h
        .app
        .app
        .import_gr_register(source, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.changed, vec!["gr:27763231".to_owned()]);
    assert!(report.added.is_empty());
    assert_eq!(report.unchanged, 1185);
    assert_eq!(db.count(GR_COLLABORATIONS).await, 1186);
    assert_eq!(db.count(GR_PARTICIPATIONS).await, 9516);
    assert_eq!(
        db.count(VERSION_SUM).await,
        versions + 1,
        "one collaboration got a new version"
    );
    assert_eq!(
        db.count(
            "SELECT COUNT(*) FROM collaborations WHERE source_key = 'gr:27763231' \
             AND name LIKE 'Regeling ov Noordoost%' AND version = 2"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_bad_register_file_is_refused_whole_with_row_and_column() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let broken = SHIPPED.deelnemers.replacen(",2017-03-23,", ",23-03-2017,", 1);
    let source = GrSource {
        regelingen: SHIPPED.regelingen,
        deelnemers: &broken,
    };
    let error = h
        .app
        .app
        .import_gr_register(source, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("gr_deelnemers.csv:2:toetredingsdatum"), "{error}");
    assert_eq!(before, h.fingerprint().await);
}

#[tokio::test]
async fn the_overview_of_amsterdam_lists_its_regelingen_with_their_forms() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let response = h.get("/organisaties/GM0363").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Groengebied Amstelland"),
        "a regeling Amsterdam takes part in"
    );
    assert!(
        html.contains("<abbr title=\"Gemeenschappelijke regeling\">GR</abbr> — Openbaar lichaam"),
        "with its Wgr form"
    );
    let rows = html.matches("scope=\"row\"><a").count();
    assert!(
        rows >= 32,
        "all 32 participations in the register are listed, found {rows}"
    );

    let csv = h.get("/organisaties/GM0363/samenwerkingen.csv").await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "Excel reads UTF-8 with a BOM");
    assert_eq!(
        csv.lines().count(),
        rows + 1,
        "a header and one line per row on the page"
    );

    let json: serde_json::Value = h
        .get("/organisaties/GM0363/samenwerkingen.json")
        .await
        .json()
        .await
        .unwrap();
    let items = json["collaborations"].as_array().unwrap();
    assert_eq!(items.len(), rows);
    assert!(
        items
            .iter()
            .any(|i| i["type"] == "gemeenschappelijke-regeling" && i["wgr_form"].is_string())
    );
}
