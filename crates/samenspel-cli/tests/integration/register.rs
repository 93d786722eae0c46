//! The register of gemeenschappelijke regelingen as a user meets it: loaded with the demo (one
//! collaboration per regeling, its versions as history), re-imported after a change to one
//! source row, merged into from a database that held each version apart, and seen per
//! organisation.

use reqwest::StatusCode;
use samenspel_app::Principal;
use samenspel_app::register::{GrSource, SHIPPED};
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind, PartnerRole};
use samenspel_store::{RegisteredCollaboration, RegisteredPartner};

use crate::helpers::Harness;

const GR_COLLABORATIONS: &str = "SELECT COUNT(*) FROM collaborations WHERE source_key LIKE 'gr:%'";
const GR_PARTICIPATIONS: &str = "SELECT COUNT(*) FROM collaboration_partners p \
     JOIN collaborations c ON c.id = p.collaboration_id WHERE c.source_key LIKE 'gr:%'";
const GR_VERSIONS: &str = "SELECT COUNT(*) FROM collaboration_versions v \
     JOIN collaborations c ON c.id = v.collaboration_id WHERE c.source_key LIKE 'gr:%'";
const VERSION_SUM: &str = "SELECT CAST(SUM(version) AS BIGINT) FROM collaborations";

#[tokio::test]
async fn the_demo_holds_the_whole_register_and_importing_twice_keeps_the_counts() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let db = &h.app.db;
    assert_eq!(db.count(GR_COLLABORATIONS).await, 549, "one per regeling");
    assert_eq!(db.count(GR_VERSIONS).await, 1186, "every version as history");
    assert_eq!(
        db.count(GR_PARTICIPATIONS).await,
        4000,
        "the participants of the current versions"
    );
    let before = db.fingerprint().await;
    let report = h
        .app
        .app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.unchanged, 549);
    assert!(report.added.is_empty() && report.changed.is_empty() && report.merged.is_empty());
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
    assert_eq!(report.unchanged, 548);
    assert_eq!(db.count(GR_COLLABORATIONS).await, 549);
    assert_eq!(db.count(GR_PARTICIPATIONS).await, 4000);
    assert_eq!(
        db.count(VERSION_SUM).await,
        versions + 1,
        "one collaboration got a new version"
    );
    assert_eq!(
        db.count(
            "SELECT COUNT(*) FROM collaborations c JOIN collaboration_versions v ON v.collaboration_id = c.id \
             WHERE c.source_key = 'gr:27763231' AND c.version = 2 AND v.position = 0 AND v.source_id = '27763231' \
             AND v.name LIKE 'Regeling ov Noordoost%'"
        )
        .await,
        1,
        "the edited row is the regeling's first version: its history changed"
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
        rows >= 10,
        "the 10 regelingen Amsterdam takes part in are listed, found {rows}"
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

/// The three versions of the Veiligheidsregio Utrecht in the register.
const VRU_VERSIONS: [&str; 3] = ["24221387", "28426798", "28426877"];

/// The shipped register as an earlier Samenspel imported it: every version a collaboration of
/// its own (with the organisations to add).
fn each_version_apart() -> (
    Vec<samenspel_domain::org::Organisation>,
    Vec<RegisteredCollaboration>,
) {
    let known: std::collections::HashSet<_> = samenspel_app::reference::organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.code)
        .collect();
    let parsed = samenspel_app::register::parse(SHIPPED, &known).unwrap();
    let apart: Vec<RegisteredCollaboration> = parsed
        .collaborations
        .iter()
        .flat_map(|c| c.history.clone().unwrap_or_default())
        .map(|v| RegisteredCollaboration {
            source_key: format!("gr:{}", v.id),
            source_hash: format!("old-{}", v.id),
            fields: CollaborationFields {
                name: v.name.clone(),
                kind: CollaborationKind::GemeenschappelijkeRegeling,
                wgr_form: v.wgr_form,
                task: None,
                public_value: None,
                region: None,
                start_date: v.start_date,
                end_date: v.end_date,
                phases: Vec::new(),
                legal_basis: None,
                policy_areas: Vec::new(),
            },
            partners: v
                .participants
                .iter()
                .map(|p| RegisteredPartner {
                    code: p.code.clone(),
                    role: PartnerRole::Deelnemer,
                    joined_on: p.joined_on,
                    organs: Vec::new(),
                    notes: None,
                })
                .collect(),
            money: None,
            history: None,
            merges: Vec::new(),
            source_url: None,
            participation: None,
        })
        .collect();
    (parsed.organisations, apart)
}

/// The id and page of the Veiligheidsregio Utrecht (keyed by its first version).
async fn vru_page(h: &Harness) -> (i64, String) {
    let id = h
        .app
        .db
        .count("SELECT id FROM collaborations WHERE source_key = 'gr:24221387'")
        .await;
    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    (id, page)
}

#[tokio::test]
async fn utrecht_sees_each_regeling_once_with_its_versions_and_who_left() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let html = h.get("/organisaties/GM0344").await.text().await.unwrap();
    for name in [
        "Gemeenschappelijke regeling Veiligheidsregio Utrecht",
        "Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht",
        "Gemeenschappelijke regeling recreatieschap Stichtse Groenlanden",
        "Gemeenschappelijke Regeling afvalverwijdering Utrecht",
    ] {
        let rows = html
            .split("scope=\"row\"><a")
            .skip(1)
            .filter(|row| {
                row.split("</a>")
                    .next()
                    .is_some_and(|link| link.ends_with(&format!(">{name}")))
            })
            .count();
        assert_eq!(rows, 1, "{name} once among the collaborations");
    }
    assert!(
        html.contains("Deelnemer (01-12-2019 – uitgetreden op 28-12-2022)"),
        "Utrecht left the Plassenschap Loosdrecht, and the page says when"
    );
    assert!(html.contains("Uitgetreden uit 1 samenwerking(en)"));

    let json = h
        .get_json("/api/v1/collaborations?type=gemeenschappelijke-regeling&limit=1")
        .await;
    assert_eq!(json["total"], 549);

    let (id, page) = vru_page(&h).await;
    assert!(page.contains("Versies van de regeling"));
    for version in VRU_VERSIONS {
        assert!(
            page.contains(&format!("https://organisaties.overheid.nl/{version}/")),
            "a link to version {version} in the register"
        );
    }
    assert!(
        page.contains("Uitgetreden: Gemeente Vianen"),
        "Vianen left in 2019"
    );
    assert!(
        page.contains("https://lokaleregelgeving.overheid.nl/CVDR617323/1"),
        "its text"
    );
    let json = h.get_json(&format!("/api/v1/collaborations/{id}")).await;
    let history = json["history"].as_array().unwrap();
    let ids: Vec<&str> = history.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, VRU_VERSIONS, "the versions, oldest first");
    assert_eq!(history[2]["participants"].as_array().unwrap().len(), 26);

    let versions = h.get_json(&format!("/api/v1/collaborations/{id}/versions")).await;
    assert!(versions["versions"][0]["change"].is_null(), "the first version");
    let left = &versions["versions"][2]["change"]["left"];
    assert_eq!(left.as_array().unwrap().len(), 1, "{versions}");
    let vianen = left[0].as_str().unwrap();
    assert_eq!(versions["names"][vianen], "Gemeente Vianen");
    assert_eq!(versions["former_participants"][0]["code"], vianen);
    assert_eq!(versions["former_participants"][0]["left_on"], "2019-01-01");
}

#[tokio::test]
async fn a_database_that_held_each_version_apart_is_merged_and_the_old_addresses_lead_on() {
    let h = Harness::start().await;
    let app = &h.app.app;
    let (organisations, apart) = each_version_apart();
    let actor = samenspel_domain::audit::Actor::system("test");
    app.store()
        .import_register("gr:", &organisations, &apart, &actor, &|_, _| {})
        .await
        .unwrap();
    let db = &h.app.db;
    assert_eq!(db.count(GR_COLLABORATIONS).await, 1186);
    let id_of = |key: &str| format!("SELECT id FROM collaborations WHERE source_key = 'gr:{key}'");
    let first = db.count(&id_of(VRU_VERSIONS[0])).await;
    let last = db.count(&id_of(VRU_VERSIONS[2])).await;

    let report = app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.merged.len(), 1186 - 549, "every later version merged");
    assert!(report.merged.contains(&format!("gr:{}", VRU_VERSIONS[2])));
    assert_eq!(db.count(GR_COLLABORATIONS).await, 549);
    assert_eq!(db.count(GR_PARTICIPATIONS).await, 4000);
    assert_eq!(
        db.count(&id_of(VRU_VERSIONS[0])).await,
        first,
        "the regeling keeps the first id"
    );

    for (old, new) in [
        (
            format!("/samenwerkingen/{last}"),
            format!("/samenwerkingen/{first}"),
        ),
        (
            format!("/samenwerkingen/{last}/geld?x=1"),
            format!("/samenwerkingen/{first}/geld?x=1"),
        ),
        (
            format!("/api/v1/collaborations/{last}"),
            format!("/api/v1/collaborations/{first}"),
        ),
    ] {
        let response = h.get(&old).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(response.headers()["location"], new.as_str(), "{old}");
    }
    assert_eq!(
        h.get("/samenwerkingen/999999").await.status(),
        StatusCode::NOT_FOUND
    );
    let search = h.get_json("/api/v1/search?q=veiligheidsregio+utrecht").await;
    let hits = search["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["title"] == "Gemeenschappelijke regeling Veiligheidsregio Utrecht")
        .count();
    assert_eq!(hits, 1, "the merged versions left the search index: {search}");

    let before = db.fingerprint().await;
    let again = app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert!(again.merged.is_empty() && again.changed.is_empty() && again.added.is_empty());
    assert_eq!(before, db.fingerprint().await, "importing again changes nothing");
}

#[tokio::test]
async fn version_links_that_do_not_make_one_chain_per_regeling_are_refused_whole() {
    let h = Harness::start().await;
    let row_of = |id: &str| {
        SHIPPED
            .regelingen
            .lines()
            .position(|l| l.split(',').nth(1) == Some(id))
            .map(|i| i + 1)
            .unwrap()
    };
    // Version 2 of the VRU names a predecessor that is not there; and version 3 claims the
    // first version as its predecessor too.
    let cases = [
        (
            SHIPPED
                .regelingen
                .replacen(",24221387,28426877,", ",99999999,28426877,", 1),
            row_of(VRU_VERSIONS[1]),
            "versie 99999999 staat niet in het bestand",
        ),
        (
            SHIPPED.regelingen.replacen(",28426798,,", ",24221387,,", 1),
            row_of(VRU_VERSIONS[2]),
            "hoort ook al bij",
        ),
    ];
    for (text, row, reason) in cases {
        assert_ne!(text, SHIPPED.regelingen, "the case changed the file");
        let before = h.fingerprint().await;
        let source = GrSource {
            regelingen: &text,
            deelnemers: SHIPPED.deelnemers,
        };
        let error = h
            .app
            .app
            .import_gr_register(source, &Principal::System("test"), &|_, _| {})
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!(
                "gemeenschappelijke_regelingen.csv:{row}:vorige_versie_roo_id"
            )),
            "{error}"
        );
        assert!(error.contains(reason), "{error}");
        assert_eq!(before, h.fingerprint().await, "nothing stored");
    }
}

#[tokio::test]
async fn a_raadslid_of_utrecht_sees_the_coming_statutory_moments_with_their_article() {
    let today = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let h = Harness::start_with(samenspel_app::Clock::fixed(today)).await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let html = h.get("/organisaties/GM0344").await.text().await.unwrap();
    assert!(
        html.contains("Wettelijke momenten (volgens de Wgr)"),
        "the section"
    );
    assert!(
        html.contains("Eerstvolgend: vóór 30-04-2027"),
        "the next decision first"
    );
    for article in ["artikel 34b", "artikel 35", "BWBR0003740"] {
        assert!(html.contains(article), "{article} cited");
    }
    let json = h.get_json("/organisaties/GM0344/samenwerkingen.json").await;
    let statutory = json["statutory"].as_array().expect("statutory in the JSON");
    let vru = statutory
        .iter()
        .filter(|m| m["collaboration"] == "Gemeenschappelijke regeling Veiligheidsregio Utrecht")
        .count();
    assert!(vru >= 5, "the VRU's moments of 2027: {vru}");
    assert!(
        statutory.iter().all(|m| m["origin"] == "volgens-de-wet"),
        "derived, not recorded"
    );
    assert!(
        !statutory
            .iter()
            .any(|m| m["collaboration"].as_str().unwrap().contains("Plassenschap")),
        "not for a regeling Utrecht left"
    );

    let (_, page) = vru_page(&h).await;
    assert!(
        page.contains("uiterlijk 14-09-2027"),
        "the councils' zienswijze on the 2028 budget"
    );
    let rzm = h
        .app
        .db
        .count(
            "SELECT MIN(id) FROM collaborations WHERE source_key LIKE 'gr:%' AND wgr_form = 'regeling-zonder-meer'",
        )
        .await;
    let page = h
        .get(&format!("/samenwerkingen/{rzm}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Voor deze regeling zijn geen wettelijke momenten afgeleid"),
        "a regeling zonder meer has no body and no budget"
    );
}

#[tokio::test]
async fn a_version_with_a_recorded_stance_is_not_merged_away_and_the_import_says_why() {
    let h = Harness::start().await;
    let app = &h.app.app;
    let (organisations, apart) = each_version_apart();
    let actor = samenspel_domain::audit::Actor::system("test");
    app.store()
        .import_register("gr:", &organisations, &apart, &actor, &|_, _| {})
        .await
        .unwrap();
    let last = h
        .app
        .db
        .count(&format!(
            "SELECT id FROM collaborations WHERE source_key = 'gr:{}'",
            VRU_VERSIONS[2]
        ))
        .await;
    let input: samenspel_domain::partnership::StanceInput = serde_json::from_value(serde_json::json!({
        "scores": crate::helpers::DIMENSIONS.iter().map(|d| (*d, 3)).collect::<std::collections::BTreeMap<_, _>>()
    }))
    .unwrap();
    app.record_stance(last, "GM0344", &input, &Principal::System("test"))
        .await
        .unwrap();
    let error = app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains(&format!("gr:{}", VRU_VERSIONS[2])), "{error}");
    assert!(error.contains("standpunten"), "{error}");
    // The refused transaction may have spilled uncommitted pages to SQLite's log, so the
    // file bytes are no measure here; what is stored is.
    let db = &h.app.db;
    assert_eq!(db.count(GR_COLLABORATIONS).await, 1186, "nothing merged");
    assert_eq!(db.count("SELECT COUNT(*) FROM collaboration_versions").await, 0);
    assert_eq!(db.count("SELECT COUNT(*) FROM collaboration_redirects").await, 0);
    assert_eq!(
        db.count("SELECT COUNT(*) FROM stances").await,
        1,
        "the stance is kept"
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM audit_events WHERE action = 'register.import'")
            .await,
        1,
        "only the first import is in the log"
    );
}
