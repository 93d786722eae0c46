//! Open data, symmetric: export collaborations with partners and money, import the same file
//! elsewhere (API, CLI and the upload page), and refuse a bad file whole.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::Harness;

/// Two collaborations, one with money, created through the API.
async fn fill(h: &Harness) {
    let id = h
        .create_collaboration(
            "Regio Deal Eemsdelta",
            &[("GM1979", "trekker"), ("MNRE1153", "financier")],
        )
        .await;
    h.create_collaboration("=Convenant; \"Wadden\"", &[("PV20", "trekker")])
        .await;
    let (status, body) = h
        .send_json(
            Method::POST,
            &format!("/api/v1/collaborations/{id}/money"),
            &json!({"partner": "MNRE1153", "year": 2026, "amount_cents": 150_000_050, "instrument": "regio-deal-bijdrage", "status": "toegezegd"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn export_csv(h: &Harness) -> String {
    let response = h
        .client
        .get(h.url("/api/v1/collaborations/export?format=csv"))
        .bearer_auth(&h.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}regel;sleutel;naam"),
        "one BOM, then the header"
    );
    text.to_owned()
}

/// Imports `body` through the API as a beheerder.
pub(crate) async fn import(h: &Harness, content_type: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let response = h
        .client
        .post(h.url("/api/v1/collaborations/import"))
        .bearer_auth(&h.admin)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn an_export_imports_elsewhere_and_exports_the_same() {
    let source = Harness::start().await;
    fill(&source).await;
    let csv = export_csv(&source).await;
    assert!(
        csv.contains(";1.500.000,50;regio-deal-bijdrage;toegezegd"),
        "Dutch amounts"
    );
    assert!(
        csv.contains(";\"'=Convenant; \"\"Wadden\"\"\";"),
        "a name a spreadsheet would run as a formula is written as text: {csv}"
    );

    let target = Harness::start().await;
    let (status, report) = import(&target, "text/csv", csv.clone().into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["added"].as_array().unwrap().len(), 2);
    assert_eq!(export_csv(&target).await, csv, "the same file comes back");
    let names = target.get_json("/api/v1/collaborations").await.to_string();
    assert!(
        names.contains(r#""=Convenant; \"Wadden\"""#),
        "the guard is taken off on import: {names}"
    );

    let before = target.fingerprint().await;
    let (_, again) = import(&target, "text/csv", csv.clone().into_bytes()).await;
    assert_eq!(
        (
            again["added"].as_array().unwrap().len(),
            again["unchanged"].as_u64()
        ),
        (0, Some(2))
    );
    assert!(
        before == target.fingerprint().await,
        "importing again stores nothing"
    );

    let edited = csv.replace(";1.500.000,50;", ";1.750.000;");
    let (_, changed) = import(&target, "text/csv", edited.into_bytes()).await;
    assert_eq!(changed["changed"].as_array().unwrap().len(), 1, "{changed}");
    assert_eq!(changed["unchanged"], 1);

    let json = source.get_json("/api/v1/collaborations/export").await;
    let (status, report) = import(&target, "application/json", json.to_string().into_bytes()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["changed"].as_array().unwrap().len(),
        1,
        "the JSON restores the amount"
    );
}

/// Windows-1252, as Excel saves "CSV (gescheidingsteken: puntkomma)".
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

const BAD: &str = "regel;sleutel;naam;soort;start;einde;organisatie;rol;jaar;bedrag;instrument;status\r\n\
samenwerking;a;Samenwerking Fryslân;convenant;1-5-2024;1-1-2024;;;;;;\r\n\
partner;a;;;;;GM9999;partner;;;;\r\n\
partner;a;;;;;PV21;trekker;;;;\r\n\
partner;a;;;;;PV21;partner;;;;\r\n\
geld;a;;;;;PV21;;2025;-€ 5;eigen-middelen;begroot\r\n\
geld;a;;;;;PV21;;2025;5;subsidie;begroot\r\n";

fn bad_places(body: &Value) -> Vec<String> {
    crate::helpers::invalid_names(body)
}

#[tokio::test]
async fn a_bad_file_is_refused_whole_with_row_column_and_reason() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let (status, body) = import(&h, "text/csv", windows_1252(BAD)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        bad_places(&body),
        [
            "bestand:2:einde",
            "bestand:3:organisatie",
            "bestand:5:organisatie",
            "bestand:6:bedrag",
            "bestand:7:instrument",
        ]
    );
    assert!(body.to_string().contains("GM9999"));
    assert!(before == h.fingerprint().await, "nothing stored");

    let (status, _) = h
        .request(
            Some(&h.token_for("PV21", "redacteur").await),
            Method::POST,
            "/api/v1/collaborations/import",
            Some(&json!({"collaborations": []})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only beheerders import");
}

#[tokio::test]
async fn the_upload_page_lists_the_bad_rows_and_imports_a_good_file() {
    let h = Harness::start().await;
    let browser = h.browser_as("MNRE1034", "beheerder").await;
    let before = h.fingerprint().await;
    let send = |csrf: String, name: &'static str, bytes: Vec<u8>| {
        let (content_type, body) = crate::helpers::multipart(&csrf, name, &bytes);
        browser
            .client
            .post(format!("{}/samenwerkingen/importeren", browser.base))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let response = send(browser.csrf.clone(), "fout.csv", windows_1252(BAD))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("fout.csv is niet geïmporteerd; er is niets opgeslagen"));
    assert!(html.contains("<th class=\"utrecht-table__header-cell\" scope=\"row\">6</th><td class=\"utrecht-table__cell\">bedrag</td>"));
    assert!(before == h.fingerprint().await, "nothing stored");

    let wrong = send("niet-het-token".into(), "fout.csv", windows_1252(BAD))
        .await
        .unwrap();
    assert_eq!(
        wrong.status(),
        StatusCode::FORBIDDEN,
        "the CSRF token is checked in uploads too"
    );

    let good = BAD
        .replace(";1-1-2024;", ";31-12-2027;")
        .replace("GM9999", "GM0080")
        .replace("partner;a;;;;;PV21;partner;;;;\r\n", "")
        .replace("-€ 5", "€ 1.250,75")
        .replace("subsidie", "overig");
    let response = send(browser.csrf.clone(), "goed.csv", windows_1252(&good))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Geïmporteerd: 1 toegevoegd, 0 gewijzigd, 0 ongewijzigd.")
    );
    let list = h.get_json("/api/v1/collaborations?q=fryslan").await;
    assert_eq!(
        list["items"][0]["name"], "Samenwerking Fryslân",
        "Windows-1252 decoded"
    );
}

#[tokio::test]
async fn the_cli_exports_and_refuses_a_bad_file() {
    let h = Harness::start().await;
    fill(&h).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export.json");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
            .arg("--database")
            .arg(&h.app.db.url)
            .args(args)
            .output()
            .unwrap()
    };
    let export = run(&[
        "export",
        "collaborations",
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["collaborations"].as_array().unwrap().len(), 2);

    let bad = dir.path().join("fout.csv");
    std::fs::write(&bad, windows_1252(BAD)).unwrap();
    let before = h.fingerprint().await;
    let import = run(&["import", "collaborations", bad.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(stderr.contains("bestand:6:bedrag"), "{stderr}");
    assert!(before == h.fingerprint().await, "nothing stored");
    let again = run(&["import", "collaborations", out.to_str().unwrap()]);
    assert!(again.status.success());
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains(&format!(
            "Samenwerkingen uit {}: 2 toegevoegd, 0 gewijzigd, 0 ongewijzigd.",
            out.display()
        )),
        "two added under their file keys, said as an import of collaborations: {said}"
    );
    assert!(!said.contains("Register gemeenschappelijke regelingen"), "{said}");
    let twice = run(&["import", "collaborations", out.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&twice.stdout).contains(": 0 toegevoegd, 0 gewijzigd, 2 ongewijzigd."),
        "{}",
        String::from_utf8_lossy(&twice.stdout)
    );
}

/// The `total` of the collaborations list as `token` (anonymous when `None`) sees it.
async fn listed(h: &Harness, token: Option<&str>) -> u64 {
    let mut request = h.client.get(h.url("/api/v1/collaborations?limit=1"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let body: Value = request.send().await.unwrap().json().await.unwrap();
    body["total"].as_u64().unwrap()
}

/// The export as `token` (anonymous when `None`) in `format`, asking for the content coding
/// `coding` (none when `None`): the status, the headers that matter here and the body as sent,
/// read to its end (an answer cut off before its end is an error of the client).
async fn export_in(
    h: &Harness,
    format: &str,
    coding: Option<&str>,
    token: Option<&str>,
) -> (StatusCode, [Option<String>; 3], Vec<u8>) {
    let mut request = h
        .client
        .get(h.url(&format!("/api/v1/collaborations/export?format={format}")));
    if let Some(coding) = coding {
        request = request.header("accept-encoding", coding);
    }
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let headers = [
        header("content-type"),
        header("content-encoding"),
        header("content-length"),
    ];
    let status = response.status();
    let body = match response.bytes().await {
        Ok(body) => body.to_vec(),
        Err(e) => panic!("{format} {coding:?}: the answer was cut off: {e:?}"),
    };
    (status, headers, body)
}

#[tokio::test]
async fn an_export_of_many_batches_streams_whole_plain_and_compressed() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let draft = h
        .create_draft("Concept Wadden 2027", &[("GM1979", "trekker")])
        .await;
    let draft = format!("samenspel-{draft}");
    let anonymous = listed(&h, None).await;
    let all = listed(&h, Some(&h.admin)).await;
    assert_eq!(all, anonymous + 1, "the draft is not public");
    assert!(
        anonymous > u64::from(samenspel_app::exchange::EXPORT_BATCH),
        "the demonstration spans more than one batch: {anonymous}"
    );
    for (token, expected) in [(None, anonymous), (Some(h.admin.as_str()), all)] {
        for format in ["json", "csv"] {
            let (status, [content_type, coding, length], plain) = export_in(&h, format, None, token).await;
            assert_eq!(status, StatusCode::OK, "{format}");
            assert_eq!(coding, None, "{format}: not compressed unless asked");
            assert_eq!(length, None, "{format}: streamed, so no length beforehand");
            let count = if format == "json" {
                assert_eq!(content_type.as_deref(), Some("application/json"));
                let json: Value = serde_json::from_slice(&plain).unwrap();
                let items = json["collaborations"].as_array().unwrap();
                let keys: std::collections::BTreeSet<&str> =
                    items.iter().map(|c| c["key"].as_str().unwrap()).collect();
                assert_eq!(keys.len(), items.len(), "each once");
                assert_eq!(
                    keys.contains(draft.as_str()),
                    token.is_some(),
                    "the draft for the beheerder only"
                );
                items.len() as u64
            } else {
                assert_eq!(content_type.as_deref(), Some("text/csv; charset=utf-8"));
                let text = std::str::from_utf8(&plain).unwrap();
                assert!(
                    text.starts_with("\u{feff}regel;sleutel;naam"),
                    "one BOM, then the header"
                );
                assert!(text.ends_with("\r\n"), "the last line is whole");
                assert_eq!(
                    text.contains(&format!(";{draft};Concept Wadden 2027;")),
                    token.is_some(),
                    "the draft for the beheerder only"
                );
                text.lines().filter(|l| l.starts_with("samenwerking;")).count() as u64
            };
            assert_eq!(
                count, expected,
                "{format} as {token:?}: every visible collaboration"
            );
            for coding in ["gzip", "br"] {
                let (status, [_, sent_coding, length], wire) =
                    export_in(&h, format, Some(coding), token).await;
                assert_eq!(status, StatusCode::OK, "{format} {coding}");
                assert_eq!(sent_coding.as_deref(), Some(coding), "{format}");
                assert_eq!(length, None, "{format} {coding}");
                assert!(
                    wire.len() * 4 < plain.len(),
                    "{format} {coding}: {} of {}",
                    wire.len(),
                    plain.len()
                );
                assert!(
                    crate::compression::decode(coding, &wire) == plain,
                    "{format} {coding}: decodes to the plain export"
                );
            }
        }
    }
}

#[tokio::test]
async fn anonymous_exports_are_limited_per_address_and_signed_in_ones_are_not() {
    let h = Harness::start().await;
    fill(&h).await;
    let limit = samenspel_app::exchange::ANONYMOUS_EXPORTS as usize;
    let window = samenspel_app::exchange::ANONYMOUS_EXPORT_WINDOW.as_secs();
    // A burst from one address, all at once: exactly the limit gets the export, the rest 429.
    let mut burst = tokio::task::JoinSet::new();
    for n in 0..limit + 10 {
        let (client, url) = (
            h.client.clone(),
            h.url(if n % 2 == 0 {
                "/api/v1/collaborations/export"
            } else {
                "/api/v1/collaborations/export?format=csv"
            }),
        );
        burst.spawn(async move {
            let response = client.get(url).send().await.unwrap();
            let status = response.status();
            let retry = response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            let body = response.bytes().await.unwrap();
            (status, retry, body)
        });
    }
    let answers = burst.join_all().await;
    let admitted = answers.iter().filter(|(s, ..)| *s == StatusCode::OK).count();
    let refused: Vec<_> = answers
        .iter()
        .filter(|(s, ..)| *s == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    assert_eq!(
        (admitted, refused.len()),
        (limit, 10),
        "exactly the limit is admitted"
    );
    for (_, retry, body) in refused {
        assert_eq!(retry.as_deref(), Some(window.to_string().as_str()));
        let problem: Value = serde_json::from_slice(body).unwrap();
        assert_eq!(problem["status"], 429, "{problem}");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains(&format!("{limit} keer")),
            "{problem}"
        );
    }

    // Refused again, in English when asked; a malformed request is still told so first.
    let response = h
        .client
        .get(h.url("/api/v1/collaborations/export"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    let problem: Value = response.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("or sign in"),
        "{problem}"
    );
    let malformed = h.get("/api/v1/collaborations/export?format=xml").await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);

    // Signed in, the export is not limited (nor counted).
    for _ in 0..3 {
        let csv = export_csv(&h).await;
        assert!(csv.contains("Regio Deal Eemsdelta"));
    }
}
