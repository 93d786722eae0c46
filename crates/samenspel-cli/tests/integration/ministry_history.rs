//! Current ministries with their history (issue 13, point 4): every ministry of the reference
//! data is there with its period, predecessors and successor; a collaboration keeps the
//! ministry that took part at the time and shows the one that carries on now; pick lists and
//! the organisation lists offer only current ministries.

use reqwest::StatusCode;
use samenspel_domain::org::OrgCode;

use crate::helpers::Harness;

/// The ministries that ended on 23 February 2026: VRO, KGG, AenM.
const ENDED_2026: [&str; 3] = ["MNRE1171", "MNRE1182", "MNRE1162"];

async fn page(h: &Harness, path: &str) -> String {
    let response = h.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

async fn page_in_english(h: &Harness, path: &str) -> String {
    let response = h.get_in_english(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The codes a page offers in its `<datalist id="organisaties">` or `<select>` options.
fn offered(html: &str) -> Vec<String> {
    html.split("<option value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn an_ended_ministry_names_its_successor_in_json_and_on_its_page() {
    let h = Harness::start().await;
    let vro = h.get_json("/api/v1/organisations/MNRE1171").await;
    assert_eq!(vro["ended"], true);
    assert_eq!(vro["valid_from"], "2024-07-02");
    assert_eq!(vro["valid_until"], "2026-02-23");
    assert_eq!(vro["successor"], "MNRE1034");
    let bzk = h.get_json("/api/v1/organisations/MNRE1034").await;
    assert_eq!(bzk["ended"], false);
    assert_eq!(bzk["predecessors"], serde_json::json!(["MNRE1171"]));
    assert!(
        bzk.get("successor").is_none(),
        "a current ministry has no successor"
    );
    let kgg = h.get_json("/api/v1/organisations/mnre1182").await;
    assert_eq!((kgg["ended"].clone(), kgg.get("successor")), (true.into(), None));
    // A historical name version has a code of its own: hv_04795600 (VenJ) → HV-04795600.
    let venj = h.get_json("/api/v1/organisations/HV-04795600").await;
    assert_eq!(
        (venj["abbreviation"].as_str(), venj["successor"].as_str()),
        (Some("VenJ"), Some("MNRE1058"))
    );

    let html = page(&h, "/organisaties/MNRE1171").await;
    assert!(html.contains("Bestaat niet meer"), "status");
    assert!(html.contains("02-07-2024 – 23-02-2026"), "period");
    assert!(html.contains("<dt>Opvolger</dt><dd><a class=\"utrecht-link\" href=\"/organisaties/MNRE1034\">Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)</a></dd>"));
    let html = page(&h, "/organisaties/MNRE1034").await;
    assert!(html.contains("<dt>Voorgangers</dt>"));
    assert!(html.contains(
        "href=\"/organisaties/MNRE1171\">Ministerie van Volkshuisvesting en Ruimtelijke Ordening (VRO)</a>"
    ));
    assert!(!html.contains("<dt>Opvolger</dt>") && !html.contains("Bestaat niet meer"));
    for code in ["MNRE1182", "MNRE1162"] {
        let html = page(&h, &format!("/organisaties/{code}")).await;
        assert!(
            html.contains("<dt>Opvolger</dt><dd>geen opvolger bekend</dd>"),
            "{code}"
        );
    }
    // VROM was succeeded by IenM, which ended too: IenW carries on.
    let html = page(&h, "/organisaties/MNRE0180").await;
    assert!(html.contains("tot 13-10-2010"));
    assert!(
        html.contains("<dt>Opvolger</dt><dd><a class=\"utrecht-link\" href=\"/organisaties/HV-06784634\">")
    );
    assert!(
        html.contains(
            "<dt>Voortgezet door</dt><dd><a class=\"utrecht-link\" href=\"/organisaties/MNRE1130\">"
        )
    );
    let english = page_in_english(&h, "/organisaties/MNRE1171").await;
    assert!(english.contains("<dt>Successor</dt>") && english.contains("<dt>Period</dt>"));
}

#[tokio::test]
async fn a_collaboration_keeps_an_ended_ministry_and_shows_who_carries_on() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Woondeal Stedendriehoek 2024",
            &[
                ("MNRE1171", "trekker"),
                ("MNRE1182", "partner"),
                ("MNRE1034", "partner"),
                ("GM0200", "partner"),
            ],
        )
        .await;
    let collaboration = h.get_json(&format!("/api/v1/collaborations/{id}")).await;
    let partners = collaboration["partners"].as_array().unwrap();
    let vro = partners.iter().find(|p| p["code"] == "MNRE1171").unwrap();
    assert_eq!(vro["ended"], true, "the partner stays, marked as ended");
    assert!(
        partners
            .iter()
            .filter(|p| p["code"] != "MNRE1171" && p["code"] != "MNRE1182")
            .all(|p| p["ended"] == false)
    );

    let html = page(&h, &format!("/samenwerkingen/{id}")).await;
    assert!(html.contains(
        "href=\"/organisaties/MNRE1171\">Ministerie van Volkshuisvesting en Ruimtelijke Ordening</a>"
    ));
    assert!(html.contains("bestaat niet meer — opgevolgd door <a class=\"utrecht-link\" href=\"/organisaties/MNRE1034\">Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)</a>"));
    assert!(html.contains("bestaat niet meer — geen opvolger bekend"), "KGG");
    assert_eq!(
        html.matches("bestaat niet meer —").count(),
        2,
        "only VRO and KGG ended"
    );
    let english = page_in_english(&h, &format!("/samenwerkingen/{id}")).await;
    assert!(english.contains("no longer exists — succeeded by <a"));
    assert!(english.contains("no longer exists — no successor known"));
}

#[tokio::test]
async fn pick_lists_offer_only_current_ministries() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Regio Deal Keuzelijst", &[("MNRE1034", "trekker")])
        .await;
    let browser = h.browser_as("MNRE1034", "redacteur").await;
    for path in [
        "/samenwerkingen/nieuw".to_owned(),
        format!("/samenwerkingen/{id}/partners"),
        format!("/samenwerkingen/{id}/democratische-controle"),
    ] {
        let response = browser.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let codes = offered(&response.text().await.unwrap());
        assert!(codes.iter().any(|c| c == "MNRE1034"), "{path} offers BZK");
        for ended in ENDED_2026 {
            assert!(!codes.iter().any(|c| c == ended), "{path} offers {ended}");
        }
        assert!(
            !codes.iter().any(|c| c.starts_with("HV-")),
            "{path} offers a historical ministry"
        );
    }
    let ministers: Vec<String> = offered(
        &browser
            .get(&format!("/samenwerkingen/{id}/democratische-controle"))
            .await
            .text()
            .await
            .unwrap(),
    )
    .into_iter()
    .filter(|c| c.starts_with("MNRE"))
    .collect();
    assert_eq!(ministers.len(), 12, "the current ministries: {ministers:?}");
}

#[tokio::test]
async fn a_responsible_minister_that_ended_stays_a_choice_for_its_collaboration() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal Oud Kabinet", &[("MNRE1171", "trekker")])
        .await;
    let (status, body) = h
        .send_json(
            reqwest::Method::PUT,
            &format!("/api/v1/collaborations/{id}/control"),
            &serde_json::json!({"responsible_minister": "MNRE1171"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let browser = h.browser_as("MNRE1034", "beheerder").await;
    let html = browser
        .get(&format!("/samenwerkingen/{id}/democratische-controle"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<option value=\"MNRE1171\" selected>"),
        "the recorded one stays chosen"
    );
    assert!(
        !offered(&html).iter().any(|c| c == "MNRE1182"),
        "other ended ones are no choice"
    );
}

#[tokio::test]
async fn lists_leave_ended_ministries_out_unless_asked() {
    let h = Harness::start().await;
    let current = h
        .get_json("/api/v1/organisations?type=ministerie&limit=200")
        .await;
    assert_eq!(current["total"], 12);
    let codes = |body: &serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(codes(&current).iter().any(|c| c == "MNRE1034"));
    for ended in ENDED_2026 {
        assert!(!codes(&current).iter().any(|c| c == ended), "{ended}");
    }
    let all = h
        .get_json("/api/v1/organisations?type=ministerie&includeEnded=true&limit=200")
        .await;
    assert_eq!(all["total"], 26);
    let vro = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == "MNRE1171")
        .unwrap();
    assert_eq!(vro["successor"], "MNRE1034");
    let found = h.get_json("/api/v1/organisations?q=volkshuisvesting").await;
    assert!(
        !codes(&found).iter().any(|c| c == "MNRE1171"),
        "search leaves it out too"
    );

    let list = page(&h, "/organisaties?type=ministerie").await;
    assert!(list.contains("/organisaties/MNRE1034") && !list.contains("/organisaties/MNRE1171"));
    let with_ended = page(&h, "/organisaties?type=ministerie&opgeheven=ja").await;
    assert!(with_ended.contains("href=\"/organisaties/MNRE1171\">Ministerie van Volkshuisvesting en Ruimtelijke Ordening (VRO)</a> <span class=\"ss-muted\">(bestaat niet meer, 02-07-2024 – 23-02-2026)</span>"));
    assert!(with_ended.contains("name=\"opgeheven\" value=\"ja\" checked"));
}

/// The reference data is loaded at every start: unchanged, nothing is written; a changed
/// history is written.
#[tokio::test]
async fn loading_the_reference_data_again_writes_only_what_changed() {
    let h = Harness::start().await;
    let store = h.app.app.store();
    let mut organisations = samenspel_app::reference::organisations().unwrap();
    let before = h.fingerprint().await;
    assert_eq!(
        store
            .upsert_reference_organisations(&organisations)
            .await
            .unwrap(),
        0
    );
    assert_eq!(before, h.fingerprint().await);

    let vro = organisations
        .iter_mut()
        .find(|o| o.code.as_str() == "MNRE1171")
        .unwrap();
    vro.history.successor = None;
    vro.history.valid_from = None;
    assert_eq!(
        store
            .upsert_reference_organisations(&organisations)
            .await
            .unwrap(),
        1
    );
    let stored = h.get_json("/api/v1/organisations/MNRE1171").await;
    assert!(
        stored.get("successor").is_none() && stored.get("valid_from").is_none(),
        "{stored}"
    );

    let bzk = organisations
        .iter_mut()
        .find(|o| o.code.as_str() == "MNRE1034")
        .unwrap();
    bzk.history.predecessors.push(OrgCode::parse("MNRE1182").unwrap());
    assert_eq!(
        store
            .upsert_reference_organisations(&organisations)
            .await
            .unwrap(),
        1
    );
    let stored = h.get_json("/api/v1/organisations/MNRE1034").await;
    assert_eq!(
        stored["predecessors"],
        serde_json::json!(["MNRE1171", "MNRE1182"])
    );

    let shipped = samenspel_app::reference::organisations().unwrap();
    assert_eq!(store.upsert_reference_organisations(&shipped).await.unwrap(), 2);
    assert_eq!(
        h.get_json("/api/v1/organisations/MNRE1171").await["successor"],
        "MNRE1034"
    );
}

/// The demonstration holds a Woondeal of 2024–2025 with VRO as trekker: its page shows BZK.
#[tokio::test]
async fn the_demonstration_shows_a_ministry_of_the_previous_cabinet() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let list = h
        .get_json("/api/v1/collaborations?limit=200&organisation=MNRE1171")
        .await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{list}");
    assert_eq!(items[0]["name"], "Woondeal Regio Zwolle 2024–2025 (demonstratie)");
    let html = page(&h, &format!("/samenwerkingen/{}", items[0]["id"])).await;
    assert!(html.contains("opgevolgd door <a class=\"utrecht-link\" href=\"/organisaties/MNRE1034\">"));
    let vro = page(&h, "/organisaties/MNRE1171").await;
    assert!(
        vro.contains("Woondeal Regio Zwolle 2024–2025 (demonstratie)"),
        "its own page lists it"
    );
}

#[tokio::test]
async fn a_filter_on_a_ministry_of_today_finds_what_its_predecessors_took_part_in() {
    let h = Harness::start().await;
    let old = h
        .create_collaboration("Woondeal Oud Kabinet", &[("MNRE1171", "trekker")])
        .await;
    let other = h
        .create_collaboration("Regio Deal Elders", &[("MNRE1045", "trekker")])
        .await;
    let ids = |list: serde_json::Value| -> Vec<i64> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    // VRO ended on 23 February 2026 with BZK as its successor.
    let bzk = h.get_json("/api/v1/collaborations?organisation=MNRE1034").await;
    assert_eq!(ids(bzk), [old], "BZK finds what VRO took part in");
    let vro = h.get_json("/api/v1/collaborations?organisation=MNRE1171").await;
    assert_eq!(ids(vro), [old], "VRO itself still finds it");
    let ezk = h.get_json("/api/v1/collaborations?organisation=MNRE1045").await;
    assert_eq!(
        ids(ezk),
        [other],
        "no forerunner of EZK took part in the woondeal"
    );
    let html = page(&h, "/signalen?organisatie=MNRE1034").await;
    assert!(html.contains("Woondeal Oud Kabinet"), "the signals page too");
    assert!(!html.contains("Regio Deal Elders"));
}
