//! The explanatory memorandum's paragraphs of a UDO dossier (issue 14, item 8): written from
//! the dossier's data with its amounts per layer and year and the number of published
//! reactions, the same on the page, in the API, as plain text and as an OpenDocument text;
//! only for those who may read the dossier.

use reqwest::{Method, StatusCode};
use samenspel_domain::attachment::Attachment;
use serde_json::{Value, json};

use crate::helpers::Harness;

/// The demonstration's dossier in force: money for gemeenten and provincies, 5 reactions.
const IN_FORCE: &str = "Wet regionale zorgtoegang (demonstratie)";
const HELD: &str = "Besluit klimaatadaptatieplannen (demonstratie)";

fn id_of(all: &Value, title: &str) -> i64 {
    all.as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == title)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// What every form of the memorandum must say: each layer's amounts per year, and the counts.
const AMOUNTS: [&str; 3] = [
    "gemeenten\t2027\t€ 42.000.000,00\t€ 8.500.000,00\t€ 50.500.000,00",
    "gemeenten\t2028\t€ 42.000.000,00\t€ 0,00\t€ 42.000.000,00",
    "provincies\t2027\t€ 1.200.000,00\t€ 0,00\t€ 1.200.000,00",
];
const COUNTS: &str = "Er zijn 5 reacties ontvangen: 1 van koepels, 2 van medeoverheden en 2 van het publiek.";
const THEME: &str = "Financiën (2 reacties): Koepel en provincie vragen volledige vergoeding";

#[tokio::test]
async fn the_memorandum_gives_the_amounts_per_layer_and_year_and_the_reaction_counts() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let all = h.get_json("/api/v1/udo/dossiers").await;
    let id = id_of(&all, IN_FORCE);

    // The API, anonymously: the sections and the same as plain text.
    let (status, memorandum) = h
        .request(
            None,
            Method::GET,
            &format!("/api/v1/udo/dossiers/{id}/memorandum"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{memorandum}");
    let money = &memorandum["sections"][0];
    assert_eq!(money["heading"], "Financiële gevolgen voor decentrale overheden");
    assert_eq!(
        money["table"][0],
        json!({"layer": "gemeenten", "year": 2027, "structural": "€ 42.000.000,00",
            "incidental": "€ 8.500.000,00", "total": "€ 50.500.000,00"})
    );
    assert_eq!(money["table"].as_array().map(Vec::len), Some(3));
    let consultation = memorandum["sections"][1]["paragraphs"].to_string();
    assert_eq!(memorandum["sections"][1]["heading"], "Advies en consultatie");
    assert!(consultation.contains(COUNTS), "{consultation}");
    assert!(consultation.contains(THEME), "{consultation}");
    let text = memorandum["text"].as_str().unwrap();
    for line in AMOUNTS.iter().chain([&COUNTS, &THEME]) {
        assert!(text.contains(line), "{line} in {text}");
    }

    // The page, anonymously and in English: the paragraphs stay Dutch and say so.
    let page = h.get(&format!("/udo/{id}/toelichting")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<div lang=\"nl\" class=\"ss-memorandum\">"),
        "{html}"
    );
    for cell in [
        "€ 50.500.000,00",
        "€ 1.200.000,00",
        COUNTS,
        "Financiën (2 reacties)",
    ] {
        assert!(html.contains(cell), "{cell}");
    }
    assert!(html.contains(&format!("href=\"/udo/{id}/toelichting.odt\"")));
    assert!(!html.contains('@'), "no e-mail address on an anonymous page");
    let english = h
        .get_in_english(&format!("/udo/{id}/toelichting"))
        .await
        .text()
        .await
        .unwrap();
    assert!(english.contains("Explanatory memorandum: Wet regionale zorgtoegang"));
    assert!(english.contains(COUNTS));
    let dossier = h.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(
        dossier.contains(&format!("href=\"/udo/{id}/toelichting\"")),
        "linked from the dossier"
    );

    // The downloads.
    let txt = h.get(&format!("/udo/{id}/toelichting.txt")).await;
    assert_eq!(txt.status(), StatusCode::OK);
    assert_eq!(txt.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(
        txt.headers()["content-disposition"],
        format!("attachment; filename=\"udo-{id}-toelichting.txt\"")
    );
    assert_eq!(txt.text().await.unwrap(), text);
    let odt = h.get(&format!("/udo/{id}/toelichting.odt")).await;
    assert_eq!(odt.status(), StatusCode::OK);
    assert_eq!(
        odt.headers()["content-type"],
        "application/vnd.oasis.opendocument.text"
    );
    let bytes = odt.bytes().await.unwrap().to_vec();
    // Its entries are stored uncompressed, so the content's text is in the bytes as written.
    let raw = String::from_utf8_lossy(&bytes);
    for cell in [
        "€ 42.000.000,00",
        "€ 8.500.000,00",
        "€ 50.500.000,00",
        "€ 1.200.000,00",
        COUNTS,
    ] {
        assert!(raw.contains(cell), "{cell} in the ODT");
    }
    assert!(raw.contains("<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Table_20_Contents\">provincies</text:p>"));
    let file = Attachment::check("toelichting.odt", bytes).unwrap();
    assert_eq!(file.media_type(), "application/vnd.oasis.opendocument.text");
}

#[tokio::test]
async fn a_draft_has_no_public_memorandum() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let all = h.get_json("/api/v1/udo/dossiers").await;
    let held = id_of(&all, HELD);
    for path in [
        format!("/udo/{held}/toelichting"),
        format!("/udo/{held}/toelichting.odt"),
        format!("/udo/{held}/toelichting.txt"),
        "/udo/999999/toelichting".to_owned(),
    ] {
        assert_eq!(h.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = h
        .request(
            None,
            Method::GET,
            &format!("/api/v1/udo/dossiers/{held}/memorandum"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The owning ministry reads its draft's paragraphs: the money not yet in consultation.
    let (status, memorandum) = h
        .request(
            Some(&h.token_for("MNRE1130", "redacteur").await),
            Method::GET,
            &format!("/api/v1/udo/dossiers/{held}/memorandum"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{memorandum}");
    assert!(
        memorandum["text"]
            .as_str()
            .unwrap()
            .contains("Er zijn geen reacties ontvangen."),
        "{memorandum}"
    );
}
