//! The national programmes as a user meets them after the demo: the 30 RES regions with their
//! municipalities, the five MIRT regions with their provinces, each with its source on the page
//! and in the API; importing again stores nothing, and a bad file is refused whole.

use samenspel_app::Principal;
use samenspel_app::programmes::{ProgrammeSource, SHIPPED};
use serde_json::Value;

use crate::helpers::Harness;

/// The programme collaborations of one type, as the API lists them (the demonstration ones
/// left out), with each one's whole record.
async fn programmes_of(h: &Harness, kind: &str) -> (u64, Vec<Value>) {
    let list = h
        .get_json(&format!("/api/v1/collaborations?type={kind}&limit=100"))
        .await;
    let total = list["total"].as_u64().unwrap();
    let mut out = Vec::new();
    for item in list["items"].as_array().unwrap() {
        if item["demo"] == true {
            continue;
        }
        let id = item["id"].as_i64().unwrap();
        out.push(h.get_json(&format!("/api/v1/collaborations/{id}")).await);
    }
    (total, out)
}

fn partner_codes(c: &Value) -> Vec<&str> {
    c["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_demo_holds_the_res_and_mirt_regions_each_with_its_source() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();

    let (total, res) = programmes_of(&h, "res").await;
    assert_eq!(res.len(), 30, "the 30 RES regions");
    assert_eq!(total, 31, "and the demonstration RES");
    let municipalities: usize = res
        .iter()
        .map(|c| partner_codes(c).iter().filter(|p| p.starts_with("GM")).count())
        .sum();
    assert_eq!(municipalities, 342, "every municipality of 2025 in one region");
    assert!(
        res.iter()
            .all(|c| partner_codes(c).iter().any(|p| p.starts_with("GM")))
    );
    let achterhoek = res.iter().find(|c| c["region"] == "Achterhoek").unwrap();
    assert_eq!(achterhoek["name"], "RES Achterhoek");
    let codes = partner_codes(achterhoek);
    for code in ["GM0197", "GM0222", "PV25", "MNRE1045"] {
        assert!(codes.contains(&code), "{code} in RES Achterhoek: {codes:?}");
    }

    let (total, mirt) = programmes_of(&h, "mirt").await;
    assert_eq!(
        (total, mirt.len()),
        (6, 5),
        "five MIRT regions and the demonstration one"
    );
    let mut provinces: Vec<&str> = mirt
        .iter()
        .flat_map(|c| partner_codes(c).into_iter().filter(|p| p.starts_with("PV")))
        .collect();
    provinces.sort();
    let all: Vec<String> = (20..=31).map(|n| format!("PV{n}")).collect();
    assert_eq!(provinces, all, "each province in exactly one MIRT region");
    let north = mirt.iter().find(|c| c["region"] == "Noord-Nederland").unwrap();
    assert_eq!(partner_codes(north), ["PV20", "PV21", "PV22", "MNRE1130"]);

    let (_, deals) = programmes_of(&h, "regio-deal").await;
    let (_, woondeals) = programmes_of(&h, "woondeal").await;
    assert_eq!((deals.len(), woondeals.len()), (26, 2));
    // A deal gets the region its regional partners make up; one whose source names only the
    // Rijk keeps none (no region is guessed from a name).
    let region_of = |name: &str| {
        let deal = deals
            .iter()
            .chain(&woondeals)
            .find(|c| c["name"] == name)
            .unwrap();
        deal["region"].as_str().map(str::to_owned)
    };
    assert_eq!(region_of("Regio Deal ZaanIJ").as_deref(), Some("Noord-Holland"));
    assert_eq!(
        region_of("Regio Deal North Sea Port District").as_deref(),
        Some("Zeeland")
    );
    assert_eq!(region_of("Woondeal Drenthe").as_deref(), Some("Drenthe"));
    assert_eq!(
        region_of("Regio Deal Twente").as_deref(),
        Some("Twente"),
        "the source names only the Rijk: the region the deal is named for"
    );
    for c in res.iter().chain(&mirt).chain(&deals).chain(&woondeals) {
        let url = c["source_url"].as_str().unwrap_or_default();
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{}",
            c["name"]
        );
        let page = h
            .get(&format!("/samenwerkingen/{}", c["id"]))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("<dt>Bron</dt>"), "{}", c["name"]);
        assert!(
            page.contains(&format!("href=\"{url}\" rel=\"noopener\"")),
            "{} links {url}",
            c["name"]
        );
    }
    let demo = h.get_json("/api/v1/collaborations?type=res&limit=100").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["demo"] == true)
        .cloned()
        .expect("the demonstration RES stays");
    let demo = h
        .get_json(&format!("/api/v1/collaborations/{}", demo["id"]))
        .await;
    assert!(demo.get("source_url").is_none(), "a demonstration has no source");
    let gr = h
        .get_json("/api/v1/collaborations?type=gemeenschappelijke-regeling&limit=1")
        .await;
    assert_eq!(gr["total"], 549, "the register is untouched");
}

#[tokio::test]
async fn importing_again_stores_nothing_and_a_bad_file_is_refused_whole() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let before = h.fingerprint().await;
    let report = h
        .app
        .app
        .import_programmes(SHIPPED, &Principal::System("test"), &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.unchanged, 30 + 5 + 26 + 2);
    assert!(report.added.is_empty() && report.changed.is_empty());
    assert_eq!(before, h.fingerprint().await, "a second import stores nothing");

    // A new region with one good and one unknown municipality: nothing of it is stored.
    let res = format!(
        "{}Nieuwe regio,GM0363,Amsterdam,direct,https://example.org/bron\n\
         Nieuwe regio,GM9999,Nergens,direct,https://example.org/bron\n",
        SHIPPED.res
    );
    let error = h
        .app
        .app
        .import_programmes(
            ProgrammeSource { res: &res, ..SHIPPED },
            &Principal::System("test"),
            &|_, _| {},
        )
        .await
        .unwrap_err();
    let samenspel_app::AppError::Invalid(errors) = error else {
        panic!("refused as invalid: {error:?}");
    };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["res_regions.csv:345:gemeentecode"]);
    assert!(errors.errors[0].message.to_string().contains("GM9999"));
    assert_eq!(before, h.fingerprint().await, "nothing stored");
}
