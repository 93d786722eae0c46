//! What the domain finds on a collaboration's pages (Moore's reasons, the democratic
//! control's findings, the money rules with their verdicts and sources) reads in English for a
//! visitor who chose it, and stays Dutch for everyone else and in the JSON. A source keeps the
//! Dutch it quotes.

use reqwest::StatusCode;

use crate::helpers::Harness;

/// A page of demo collaboration 3 (a Regio Deal with money, Moore statements and control):
/// findings in English, and the same findings in Dutch, which the English page must not have.
struct Case {
    path: &'static str,
    english: &'static [&'static str],
    dutch: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        path: "/samenwerkingen/3/driehoek",
        english: &[
            "Kerkrade: No public value of its own has been named.",
            "Provincie Limburg: No processes and structures described.",
            "No mandate (act, decision or agreement) recorded.",
        ],
        dutch: &[
            "Kerkrade: De eigen maatschappelijke meerwaarde is niet benoemd.",
            "Provincie Limburg: Geen processen en structuren beschreven.",
            "Geen mandaat (wet, besluit of afspraak) vastgelegd.",
        ],
    },
    Case {
        path: "/samenwerkingen/3/democratische-controle",
        english: &["There is no moment at which an elected body sets the framework beforehand."],
        dutch: &["Er is geen moment van kaderstelling vooraf door een gekozen orgaan."],
    },
    Case {
        path: "/samenwerkingen/3/geld",
        english: &[
            "In a Region Deal central government pays at most half; the region puts in at least as much.",
            "Central government pays € 7.500.000,00 of € 15.000.000,00.",
            "Not a Regional Energy Strategy (RES).",
            "Rol nemen, ruimte geven, table 3.1: funding of the Region Deal",
        ],
        dutch: &[
            "In een Regio Deal betaalt het Rijk hoogstens de helft; de regio legt minstens evenveel in.",
            "Het Rijk betaalt € 7.500.000,00 van € 15.000.000,00.",
            "Geen RES.",
            "Rol nemen, ruimte geven, tabel 3.1: financiering Regio Deal",
        ],
    },
];

async fn html(response: reqwest::Response, path: &str) -> String {
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_findings_of_moore_control_and_money_read_in_the_visitor_s_language() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    for case in CASES {
        let english = html(h.get_in_english(case.path).await, case.path).await;
        let dutch = html(h.get(case.path).await, case.path).await;
        for sentence in case.english {
            assert!(english.contains(sentence), "{}: no {sentence:?}", case.path);
        }
        for sentence in case.dutch {
            assert!(
                !english.contains(sentence),
                "{}: Dutch left: {sentence:?}",
                case.path
            );
            assert!(
                dutch.contains(sentence),
                "{}: Dutch missing: {sentence:?}",
                case.path
            );
        }
    }
    // The source's quotation stays as the ROB wrote it.
    let money = html(h.get_in_english("/samenwerkingen/3/geld").await, "geld").await;
    assert!(money.contains("Rijk 50%, Regio 50%") && money.contains("Het Rijk investeert in totaal"));
}

#[tokio::test]
async fn the_json_of_these_pages_keeps_the_dutch_findings() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let moore = h.get_json("/api/v1/collaborations/3/moore").await;
    let reasons = moore["assessment"]["elements"][0]["reasons"].to_string();
    assert!(
        reasons.contains("Kerkrade: De eigen maatschappelijke meerwaarde is niet benoemd."),
        "{reasons}"
    );
    let control = h.get_json("/api/v1/collaborations/3/control").await;
    let findings = control["findings"].to_string();
    assert!(
        findings.contains("Er is geen moment van kaderstelling vooraf"),
        "{findings}"
    );
    let money = h.get_json("/api/v1/collaborations/3/money").await;
    let check = &money["summary"]["checks"][0];
    assert_eq!(
        check["explanation"],
        "Het Rijk betaalt € 7.500.000,00 van € 15.000.000,00."
    );
    assert!(
        check["source"]
            .as_str()
            .unwrap()
            .contains("tabel 3.1: financiering Regio Deal")
    );
}
