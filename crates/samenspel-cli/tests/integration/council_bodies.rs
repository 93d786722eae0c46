//! Which body of each participant takes part in a regeling (the register's
//! `bestuursorganen`), stored as keys, and what the council itself can do there (issue 13,
//! item 2): on the regeling's page in Dutch and English, in the overview of Utrecht, in the
//! API, after a re-import of a database that kept the bodies as note text, and a bad cell
//! refused whole.

use reqwest::StatusCode;
use samenspel_app::Principal;
use samenspel_app::register::{GrSource, SHIPPED};

use crate::helpers::Harness;

const VRU: &str = "SELECT id FROM collaborations WHERE source_key = 'gr:24221387'";

async fn demo_on(day: &str) -> Harness {
    let today = chrono::DateTime::parse_from_rfc3339(day)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let h = Harness::start_with(samenspel_app::Clock::fixed(today)).await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    h
}

#[tokio::test]
async fn utrecht_takes_part_in_the_vru_through_its_college_and_its_council_sees_what_it_can_do() {
    let h = demo_on("2026-12-03T10:00:00Z").await;
    let id = h.app.db.count(VRU).await;

    // The API: the bodies as keys on the partner, the councils by position.
    let collaboration = h.get_json(&format!("/api/v1/collaborations/{id}")).await;
    let utrecht = collaboration["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "GM0344")
        .expect("Utrecht takes part");
    assert_eq!(utrecht["organs"], serde_json::json!(["college"]));
    assert!(
        !utrecht["notes"]
            .as_str()
            .unwrap_or_default()
            .contains("Bestuursorganen"),
        "no Dutch sentence for the bodies in the notes: {utrecht}"
    );
    let councils = h.get_json(&format!("/api/v1/collaborations/{id}/councils")).await;
    let groups = councils.as_array().unwrap();
    let college = groups
        .iter()
        .find(|g| g["position"] == "college-of-burgemeester")
        .expect("the councils whose college takes part");
    assert!(
        college["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "GM0344")
    );
    let moments: Vec<&str> = college["powers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["moment"].as_str().unwrap())
        .collect();
    for moment in [
        "zienswijze-regeling",
        "toestemming-regeling",
        "zienswijze-begroting",
    ] {
        assert!(moments.contains(&moment), "{moment} in {moments:?}");
    }
    let (status, _) = h
        .request(
            None,
            reqwest::Method::GET,
            "/api/v1/collaborations/999999/councils",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The regeling's page in Dutch.
    let page = h
        .get(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Deelnemend bestuursorgaan"));
    assert!(page.contains("College van burgemeester en wethouders"));
    assert!(page.contains("Wat de raad zelf kan doen"));
    assert!(page.contains("href=\"#raad-college-of-burgemeester\""));
    assert!(page.contains("id=\"raad-college-of-burgemeester\""));
    assert!(
        page.contains("Gemeenten (26): "),
        "the municipalities whose college takes part"
    );
    assert!(
        page.contains("artikel 1, lid 3"),
        "the zienswijze on a change, with its article"
    );
    assert!(
        page.contains("Besluit van de raad zelf"),
        "whose step a moment is"
    );
    assert!(!page.contains("Bestuursorganen:"));

    // In English: English body names, no register text, no raw pipes.
    let english = h
        .get_in_english(&format!("/samenwerkingen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("Body taking part"));
    assert!(english.contains("Municipal executive"));
    assert!(english.contains("What the council itself can do"));
    assert!(english.contains("The executive or the mayor takes part, not the council"));
    assert!(!english.contains("Bestuursorganen:"));
    assert!(!english.contains("College van burgemeester en wethouders|"));
    let text_of = |html: &str| {
        // The page's text outside tags and attributes: no raw `|` from the register.
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    assert!(!text_of(&english).contains('|'), "no raw pipes on the page");
    assert!(!text_of(&page).contains('|'), "no raw pipes on the Dutch page");

    // The overview of Utrecht: which body takes part, and whose decision comes next.
    let overview = h.get("/organisaties/GM0344").await.text().await.unwrap();
    assert!(overview.contains("via: College van burgemeester en wethouders"));
    assert!(overview.contains("Het college of de burgemeester neemt deel, de raad niet"));
    assert!(
        overview.contains("Eerstvolgend besluit van de raad zelf: uiterlijk 14-09-2027"),
        "the council's own zienswijze on the 2028 budget"
    );
    assert!(overview.contains("Eerstvolgend: vóór 30-04-2027"));
    assert!(overview.contains("Stap van het bestuur van de regeling"));
    let json = h.get_json("/api/v1/organisations/GM0344/overview").await;
    let vru = json["collaborations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    assert_eq!(vru["organs"], serde_json::json!(["college"]));
    assert_eq!(vru["council_position"], "college-of-burgemeester");
    let steps: Vec<&str> = json["statutory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["step"].as_str().unwrap())
        .collect();
    assert!(steps.contains(&"raad") && steps.contains(&"bestuur"), "{steps:?}");
    let csv = h
        .get("/organisaties/GM0344/samenwerkingen.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains(";college;college-of-burgemeester"),
        "keys in the CSV"
    );
}

#[tokio::test]
async fn a_database_that_kept_the_bodies_as_notes_gets_them_structured_on_the_next_import() {
    let h = demo_on("2026-12-03T10:00:00Z").await;
    let db = &h.app.db;
    // As Samenspel stored them before: the bodies as Dutch note text, no keys.
    db.execute(
        "UPDATE collaboration_partners SET organs = '[]', \
         notes = 'Bestuursorganen: College van burgemeester en wethouders' \
         WHERE collaboration_id IN (SELECT id FROM collaborations WHERE source_key = 'gr:24221387')",
    )
    .await;
    db.execute("UPDATE collaborations SET source_hash = 'before' WHERE source_key = 'gr:24221387'")
        .await;
    let report = h
        .app
        .app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.changed, vec!["gr:24221387".to_owned()]);
    let vru = "FROM collaboration_partners WHERE collaboration_id IN \
               (SELECT id FROM collaborations WHERE source_key = 'gr:24221387')";
    assert_eq!(
        db.count(&format!(
            "SELECT COUNT(*) {vru} AND notes LIKE '%Bestuursorganen%'"
        ))
        .await,
        0
    );
    assert_eq!(
        db.count(&format!("SELECT COUNT(*) {vru} AND organs = '[\"college\"]'"))
            .await,
        26,
        "every municipality of the VRU takes part through its college"
    );
    let before = db.fingerprint().await;
    let again = h
        .app
        .app
        .import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(again.unchanged, 549);
    assert_eq!(before, db.fingerprint().await, "importing again stores nothing");
}

#[tokio::test]
async fn an_unknown_body_refuses_the_whole_import_with_row_and_column() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let cell = "gm0059,2017-03-23,,College van burgemeester en wethouders";
    assert!(SHIPPED.deelnemers.contains(cell));
    let broken = SHIPPED.deelnemers.replacen(
        cell,
        "gm0059,2017-03-23,,College van burgemeester en wethouders|Wethouder",
        1,
    );
    let error = h
        .app
        .app
        .import_gr_register(
            GrSource {
                regelingen: SHIPPED.regelingen,
                deelnemers: &broken,
            },
            &Principal::System("test"),
            &|_, _| {},
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("gr_deelnemers.csv:2:bestuursorganen"), "{error}");
    assert!(error.contains("Wethouder"), "{error}");
    assert_eq!(before, h.fingerprint().await, "nothing stored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_imports_leave_the_bodies_structured_once() {
    let h = demo_on("2026-12-03T10:00:00Z").await;
    let db = &h.app.db;
    db.execute(
        "UPDATE collaboration_partners SET organs = '[]', notes = 'Bestuursorganen: Gemeenteraad' \
         WHERE collaboration_id IN (SELECT id FROM collaborations WHERE source_key LIKE 'gr:%')",
    )
    .await;
    db.execute("UPDATE collaborations SET source_hash = 'before' WHERE source_key LIKE 'gr:%'")
        .await;
    let mut importers = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let app = h.app.app.clone();
        importers.spawn(async move {
            app.import_gr_register(SHIPPED, &Principal::System("test"), &|_, _| {})
                .await
                .map_err(|e| e.to_string())
        });
    }
    let answers = importers.join_all().await;
    assert!(answers.iter().any(Result::is_ok), "{answers:?}");
    for answer in answers.iter().filter_map(|a| a.as_ref().err()) {
        assert!(
            answer.contains("gewijzigd") || answer.contains("changed"),
            "a refused import says another changed it meanwhile: {answer}"
        );
    }
    assert_eq!(
        db.count(
            "SELECT COUNT(*) FROM collaboration_partners p JOIN collaborations c ON c.id = p.collaboration_id \
             WHERE c.source_key LIKE 'gr:%' AND p.notes LIKE 'Bestuursorganen%'"
        )
        .await,
        0
    );
    assert_eq!(
        db.count(
            "SELECT COUNT(*) FROM collaboration_partners p JOIN collaborations c ON c.id = p.collaboration_id \
             WHERE c.source_key = 'gr:24221387' AND p.organs = '[\"college\"]'"
        )
        .await,
        26
    );
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None, "the hash chain stays intact");
}
