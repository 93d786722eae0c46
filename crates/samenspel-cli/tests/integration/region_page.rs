//! The page of one region (`/regio/{division}/{code}`) after the demo: its municipalities,
//! the collaborations in it with how much of it they cover, money and waves, its match in
//! the other divisions; in Dutch and English, as CSV and JSON, and 404 for an unknown region.

use reqwest::{Method, StatusCode};
use samenspel_app::Principal;
use serde_json::{Value, json};

use crate::helpers::Harness;

const VRU: &str = "Gemeenschappelijke regeling Veiligheidsregio Utrecht";

async fn with_demo() -> Harness {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    h
}

#[tokio::test]
async fn veiligheidsregio_utrecht_lists_its_26_municipalities_and_the_gr_that_coincides_with_it() {
    let h = with_demo().await;
    let response = h.get("/regio/veiligheidsregio/VR09").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<h1 class=\"utrecht-heading-1\">Utrecht — Veiligheidsregio&#39;s</h1>"));
    assert_eq!(
        html.matches("<li><a class=\"utrecht-link\" href=\"/organisaties/GM")
            .count(),
        26,
        "the municipalities as a list"
    );
    assert!(html.contains("href=\"/organisaties/GM0344\">Utrecht</a>"));
    assert_eq!(html.matches("data-code=\"GM").count(), 342, "the whole map");
    assert!(
        html.contains(&format!(
            "{VRU}</a></th><td class=\"utrecht-table__cell\">valt samen met de regio</td><td class=\"utrecht-table__cell ss-number\">26 van 26</td><td class=\"utrecht-table__cell ss-number\">100%</td>"
        )),
        "the GR covers the whole region"
    );
    assert!(html.contains("href=\"/regio/provincie/PV26\">Utrecht</a> (valt samen)"));

    let map = h
        .get("/regio?indeling=veiligheidsregio")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        map.contains("href=\"/regio/veiligheidsregio/VR09\">Utrecht</a>"),
        "linked from the map page"
    );
}

#[tokio::test]
async fn the_page_speaks_english_when_asked() {
    let h = with_demo().await;
    let response = h.get_in_english("/regio/veiligheidsregio/VR09").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Utrecht — Safety regions (veiligheidsregio&#39;s)"));
    assert!(html.contains("coincides with the region"));
    assert!(html.contains("Best-matching region per division"));
    assert!(!html.contains("Samenwerkingen per soort"));
}

#[tokio::test]
async fn the_region_as_json_and_csv() {
    let h = with_demo().await;
    let report = h.get_json("/api/v1/regions/veiligheidsregio/VR09").await;
    assert_eq!(report["name"], "Utrecht");
    assert_eq!(report["municipalities"].as_array().unwrap().len(), 26);
    let collaborations = report["collaborations"].as_array().unwrap();
    let gr = collaborations.iter().find(|c| c["name"] == VRU).expect("the GR");
    assert_eq!(
        (gr["within"].as_bool(), gr["covers_all"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(gr["overlap"]["common"], 26);
    assert!(
        collaborations.iter().any(|c| c["within"] == false),
        "collaborations reaching beyond the region are there too"
    );
    let matches = report["congruence"].as_array().unwrap();
    assert_eq!(matches.len(), 6, "one match in each other division");
    let province = matches.iter().find(|m| m["division"] == "provincie").unwrap();
    assert_eq!(
        (province["code"].as_str(), province["overlap"]["common"].as_u64()),
        (Some("PV26"), Some(26))
    );

    let response = h.get("/api/v1/regions/veiligheidsregio/VR09?format=csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some(
            "indeling;regio_code;regio;samenwerking_id;naam;soort;ligging;gemeenten_in_regio;gemeenten_samenwerking;gemeenten_regio;deel_van_regio;deel_binnen_regio;begin;einde;signalen"
        )
    );
    let id = gr["id"].as_i64().unwrap();
    let expected = format!(
        "veiligheidsregio;VR09;Utrecht;{id};{VRU};gemeenschappelijke-regeling;binnen;26;26;26;1,0000;1,0000;"
    );
    assert!(csv.lines().any(|l| l.starts_with(&expected)), "{expected}");
    assert_eq!(lines.count(), collaborations.len());
}

#[tokio::test]
async fn money_and_waves_of_the_collaborations_in_the_region() {
    let h = Harness::start().await;
    // Two municipalities of Groningen (VR01), and one with a partner in Drenthe.
    let inside = h
        .create_collaboration("Binnen", &[("GM1979", "trekker"), ("GM0014", "partner")])
        .await;
    let across = h
        .create_collaboration("Over de grens", &[("GM0014", "trekker"), ("GM0106", "partner")])
        .await;
    for (id, partner, year, euros, status) in [
        (inside, "GM1979", 2026, 1_000, "toegezegd"),
        (inside, "GM1979", 2026, 1_500, "gerealiseerd"),
        (inside, "GM0014", 2027, 200, "begroot"),
        (across, "GM0106", 2026, 700, "begroot"),
    ] {
        let (status_code, body) = h
            .send_json(
                Method::POST,
                &format!("/api/v1/collaborations/{id}/money"),
                &json!({"partner": partner, "year": year, "amount_cents": euros * 100, "instrument": "eigen-middelen", "status": status}),
            )
            .await;
        assert_eq!(status_code, StatusCode::CREATED, "{body}");
    }
    h.app
        .app
        .create_wave(
            &samenspel_app::survey::WaveInput {
                key: "groningen-2026".into(),
                title: "Golf Binnen".into(),
                k: "5".into(),
                opens_on: String::new(),
                closes_on: String::new(),
                collaboration: inside.to_string(),
            },
            &Principal::System("test"),
        )
        .await
        .unwrap();
    let report = h.get_json("/api/v1/regions/veiligheidsregio/vr01").await;
    let years: Vec<(i64, i64, i64)> = report["money_per_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            (
                y["year"].as_i64().unwrap(),
                y["within"].as_i64().unwrap(),
                y["partly"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [(2026, 150_000, 70_000), (2027, 20_000, 0)],
        "the firmest figure counts once; partly inside apart"
    );
    let across_row: &Value = report["collaborations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == across)
        .unwrap();
    assert_eq!(across_row["within"], false);
    let listed = h.get_json("/api/v1/collaborations?limit=100").await;
    let inside_row = |items: &Value| -> Value {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == inside)
            .unwrap()
            .clone()
    };
    let signals = inside_row(&listed["items"])["signals"].clone();
    assert!(
        !signals.as_array().unwrap().is_empty(),
        "no stances yet: {signals}"
    );
    assert_eq!(
        inside_row(&report["collaborations"])["signals"],
        signals,
        "as the list has them"
    );
    assert_eq!(across_row["overlap"]["inside"], 0.5);
    assert_eq!(report["waves"][0]["key"], "groningen-2026");
    assert_eq!(report["waves"][0]["collaboration_id"], inside);

    let html = h.get("/regio/veiligheidsregio/VR01").await.text().await.unwrap();
    assert!(html.contains("<th class=\"utrecht-table__header-cell\" scope=\"row\">2026</th><td class=\"utrecht-table__cell ss-number\">€ 1.500,00</td><td class=\"utrecht-table__cell ss-number\">€ 700,00</td>"), "{html}");
    assert!(html.contains("href=\"/knelpuntenmonitor/groningen-2026\">Golf Binnen</a>"));
    assert!(
        html.contains("<ul class=\"ss-signals\"><li>Partners zonder standpunt (2)</li>"),
        "{html}"
    );
}

#[tokio::test]
async fn an_unknown_region_or_division_is_a_404_that_says_so() {
    let h = Harness::start().await;
    let response = h.get("/regio/veiligheidsregio/VR99").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.unwrap();
    assert!(html.contains("De indeling &#39;veiligheidsregio&#39; heeft geen regio &#39;VR99&#39;."));
    let response = h.get_in_english("/regio/nergens/VR09").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("&#39;nergens&#39; is not a known division")
    );

    let (status, problem) = h
        .request(None, Method::GET, "/api/v1/regions/veiligheidsregio/VR99", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["status"], 404);
    let (status, problem) = h
        .request(
            None,
            Method::GET,
            "/api/v1/regions/veiligheidsregio/VR09?format=xls",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
}

#[tokio::test]
async fn the_congruence_page_shows_how_much_of_each_region_a_collaboration_covers() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Eemsdelta",
            &[
                ("GM1979", "trekker"),
                ("GM0014", "partner"),
                ("GM0106", "partner"),
            ],
        )
        .await;
    let report = h
        .get_json(&format!("/api/v1/congruence?a=samenwerking-{id}&b=provincie"))
        .await;
    let coverage = report["items"][0]["coverage"].as_array().unwrap();
    let regions: Vec<(&str, u64)> = coverage
        .iter()
        .map(|c| {
            (
                c["region"].as_str().unwrap(),
                c["overlap"]["common"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(regions, [("Groningen", 2), ("Drenthe", 1)]);
    let html = h
        .get(&format!("/regio/congruentie?a=samenwerking-{id}&b=provincie"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("href=\"/regio/provincie/PV20\">Groningen</a></td><td class=\"utrecht-table__cell ss-number\">2 van 10</td><td class=\"utrecht-table__cell ss-number\">20%</td><td class=\"utrecht-table__cell ss-number\">66,7%</td>"), "{html}");
}
