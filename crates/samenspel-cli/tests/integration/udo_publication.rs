//! Publication of UDO dossiers (issue 14, item 9): documents uploaded by the owning ministry
//! with their Woo information category, listed and downloaded byte for byte with their
//! SHA-256; a draft's documents hidden from visitors; bad uploads refused naming the field
//! with nothing stored; a burst of uploads all stored; the public list and its Atom feed
//! without drafts.

use reqwest::{Method, StatusCode};
use samenspel_domain::attachment::{MAX_BYTES, sha256_hex};
use serde_json::Value;

use crate::helpers::{Harness, invalid_names};
use crate::udo_reactions::{TO_CONSULTATION, during_consultation, open};

/// The ministry that holds the pen: VWS.
const VWS: &str = "MNRE1025";

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A minimal Office Open XML word-processing file: stored zip entries with the names a
/// writer uses.
fn docx() -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml"] {
        bytes.extend(b"PK\x03\x04");
        bytes.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
        bytes.extend(u16::try_from(name.len()).unwrap().to_le_bytes());
        bytes.extend([0, 0]);
        bytes.extend(name.as_bytes());
        bytes.push(b'x');
    }
    bytes
}

const BOUNDARY: &str = "----samenspelupload";

/// A multipart body with these text fields and, when given, the file `bestand`.
fn form(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn content_type() -> String {
    format!("multipart/form-data; boundary={BOUNDARY}")
}

/// Uploads through the API with `token` (or anonymously).
async fn upload(h: &Harness, token: Option<&str>, id: i64, body: Vec<u8>) -> (StatusCode, Value) {
    let mut request = h
        .client
        .post(h.url(&format!("/api/v1/udo/dossiers/{id}/attachments")))
        .header("content-type", content_type())
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn list(h: &Harness, token: Option<&str>, id: i64) -> (StatusCode, Value) {
    h.request(
        token,
        Method::GET,
        &format!("/api/v1/udo/dossiers/{id}/attachments"),
        None,
    )
    .await
}

#[tokio::test]
async fn documents_are_uploaded_listed_and_downloaded_byte_for_byte() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let body = form(
        &[
            ("title", "UDO-rapport Wet betere bijstand"),
            ("kind", "udo-rapport"),
        ],
        Some(("UDO-rapport 2026 (def).pdf", PDF)),
    );
    let (status, added) = upload(&h, Some(&owner), id, body).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["category"], "onderzoeksrapporten", "suggested by the kind");
    assert_eq!(added["kind"], "udo-rapport");
    assert_eq!(
        added["category_tooi"],
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_fdaee95e"
    );
    assert_eq!(added["media_type"], "application/pdf");
    assert_eq!(added["sha256"], sha256_hex(PDF));
    assert_eq!(added["size"], PDF.len());
    assert!(added.get("added_by").is_none(), "no people: {added}");

    let docx = docx();
    let body = form(
        &[("title", "Advies BZK"), ("category", "adviezen")],
        Some(("advies.docx", &docx)),
    );
    let (status, second) = upload(&h, Some(&owner), id, body).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(
        second["media_type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(second["kind"], Value::Null);

    let (status, listed) = list(&h, None, id).await;
    assert_eq!(status, StatusCode::OK, "published: everyone lists");
    let titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["UDO-rapport Wet betere bijstand", "Advies BZK"]);

    let href = added["href"].as_str().unwrap();
    let response = h.client.get(h.url(href)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"UDO-rapport_2026__def_.pdf\""
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..], PDF, "the same bytes");
    assert_eq!(sha256_hex(&bytes), listed[0]["sha256"], "the same checksum");

    // A document of another dossier is not found under this one.
    let other = open(&h, &owner, &TO_CONSULTATION).await;
    let path = format!("/api/v1/udo/dossiers/{other}/attachments/{}", added["id"]);
    assert_eq!(
        h.client.get(h.url(&path)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );

    // The dossier page lists them with category and checksum, for anyone.
    let page = h.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(page.contains("UDO-rapport Wet betere bijstand"), "{page}");
    assert!(page.contains("onderzoeksrapporten"));
    assert!(page.contains(&sha256_hex(PDF)));
    assert!(
        !page.contains(&format!("/udo/{id}/documenten")),
        "no form for visitors"
    );
}

#[tokio::test]
async fn a_drafts_documents_are_only_for_those_who_may_read_the_draft() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let other = h.token_for("MNRE1045", "redacteur").await;
    let lezer = h.token_for(VWS, "lezer").await;
    let id = open(&h, &owner, &TO_CONSULTATION[..2]).await;
    let pdf = || {
        form(
            &[("title", "Concept"), ("category", "adviezen")],
            Some(("c.pdf", PDF)),
        )
    };
    let (status, added) = upload(&h, Some(&owner), id, pdf()).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let href = added["href"].as_str().unwrap().to_owned();

    assert_eq!(list(&h, None, id).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        h.client.get(h.url(&href)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(list(&h, Some(&other), id).await.0, StatusCode::NOT_FOUND);
    let download = h
        .client
        .get(h.url(&href))
        .bearer_auth(&owner)
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), StatusCode::OK);

    let before = h.fingerprint().await;
    assert_eq!(upload(&h, None, id, pdf()).await.0, StatusCode::NOT_FOUND);
    assert_eq!(upload(&h, Some(&other), id, pdf()).await.0, StatusCode::NOT_FOUND);
    assert_eq!(upload(&h, Some(&lezer), id, pdf()).await.0, StatusCode::FORBIDDEN);
    assert!(before == h.fingerprint().await, "nothing stored");
    let published = open(&h, &owner, &TO_CONSULTATION).await;
    let before = h.fingerprint().await;
    assert_eq!(
        upload(&h, None, published, pdf()).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        upload(&h, Some(&other), published, pdf()).await.0,
        StatusCode::FORBIDDEN
    );
    assert!(before == h.fingerprint().await, "nothing stored");
    let admin = h.admin.clone();
    assert_eq!(
        upload(&h, Some(&admin), published, pdf()).await.0,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn bad_uploads_are_refused_naming_the_field_and_nothing_is_stored() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let mut too_large = PDF.to_vec();
    too_large.resize(MAX_BYTES + 1, b' ');
    let exe: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let ok = [("title", "Rapport"), ("category", "onderzoeksrapporten")];
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (form(&ok, Some(("rapport.pdf", exe))), "bestand"),
        (form(&ok, Some(("foto.pdf", png))), "bestand"),
        (form(&ok, Some(("leeg.pdf", b""))), "bestand"),
        (form(&ok, None), "bestand"),
        (form(&ok, Some(("groot.pdf", &too_large))), "bestand"),
        (form(&[("category", "adviezen")], Some(("a.pdf", PDF))), "title"),
        (
            form(
                &[("title", "   "), ("category", "adviezen")],
                Some(("a.pdf", PDF)),
            ),
            "title",
        ),
        (
            form(&[("title", "T"), ("category", "geheim")], Some(("a.pdf", PDF))),
            "category",
        ),
        (form(&[("title", "T")], Some(("a.pdf", PDF))), "category"),
        (
            form(&[("title", "T"), ("kind", "rapport")], Some(("a.pdf", PDF))),
            "kind",
        ),
    ];
    let browser = h.browser_as(VWS, "redacteur").await;
    let stranger = h.token_for("GM0344", "redacteur").await;
    let before = h.fingerprint().await;
    for (body, field) in cases {
        let (status, problem) = upload(&h, Some(&owner), id, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {problem}");
        assert_eq!(invalid_names(&problem), [field], "{problem}");
    }
    // Both at once: every field named.
    let (status, problem) = upload(&h, Some(&owner), id, form(&[], Some(("x.pdf", exe)))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invalid_names(&problem), ["title", "category", "bestand"]);
    // A body beyond the upload limit is not read.
    let mut huge = PDF.to_vec();
    huge.resize(MAX_BYTES + 512 * 1024, b' ');
    let (status, problem) = upload(&h, Some(&owner), id, form(&ok, Some(("huge.pdf", &huge)))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{problem}");
    // Not a multipart body at all.
    let (status, _) = h
        .request(
            Some(&owner),
            Method::POST,
            &format!("/api/v1/udo/dossiers/{id}/attachments"),
            Some(&serde_json::json!({"title": "T"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // A field the upload does not take is named (the API takes no CSRF token or other field).
    let mut extra = ok.to_vec();
    extra.push(("opmerking", "x"));
    let (status, problem) = upload(&h, Some(&owner), id, form(&extra, Some(("a.pdf", PDF)))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(invalid_names(&problem), ["opmerking"], "{problem}");
    // A part whose headers cannot be read (a control character in the field's name, as
    // schemathesis sent it): the visitor's rights are answered before the body is read.
    let broken = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"\x0fx\"\r\n\r\ntrue\r\n--{BOUNDARY}--\r\n"
    )
    .into_bytes();
    assert_eq!(
        upload(&h, None, id, broken.clone()).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = upload(&h, Some(&stranger), id, broken.clone()).await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "another government: {status}"
    );
    assert_eq!(
        upload(&h, Some(&owner), id, broken).await.0,
        StatusCode::BAD_REQUEST
    );

    // The same refusals through the page's form.
    let mut fields = vec![("csrf", browser.csrf.as_str())];
    fields.extend(ok);
    let post = |body: Vec<u8>| {
        browser
            .client
            .post(format!("{}/udo/{id}/documenten", browser.base))
            .header("content-type", content_type())
            .body(body)
            .send()
    };
    let response = post(form(&fields, Some(("setup.pdf", exe)))).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("wordt niet gepubliceerd"), "{page}");
    assert!(page.contains("value=\"Rapport\""), "the title is kept: {page}");
    let response = post(form(&fields, Some(("huge.pdf", &huge)))).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().contains("te groot"));
    assert!(before == h.fingerprint().await, "nothing stored");

    // And a good one through the form.
    let response = post(form(&fields, Some(("rapport.pdf", PDF)))).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        format!("/udo/{id}#documenten")
    );
    let page = browser.get(&format!("/udo/{id}")).await.text().await.unwrap();
    assert!(page.contains(&sha256_hex(PDF)), "{page}");
    assert!(
        page.contains(&format!("/udo/{id}/documenten")),
        "the owner is offered the form"
    );
}

#[tokio::test]
async fn a_burst_of_uploads_is_all_stored() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let id = open(&h, &owner, &TO_CONSULTATION).await;
    let path = h.url(&format!("/api/v1/udo/dossiers/{id}/attachments"));
    let mut senders = tokio::task::JoinSet::new();
    for n in 0..16 {
        let content = format!("%PDF-1.7\n% document {n}\n").into_bytes();
        let body = form(
            &[("title", &format!("Document {n}")), ("kind", "onderzoek")],
            Some((&format!("d{n}.pdf"), &content)),
        );
        let request = h
            .client
            .post(&path)
            .bearer_auth(&owner)
            .header("content-type", content_type())
            .body(body);
        senders.spawn(async move {
            let response = request.send().await.unwrap();
            (
                response.status(),
                response.text().await.unwrap(),
                sha256_hex(&content),
            )
        });
    }
    let answers = senders.join_all().await;
    for (status, body, _) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{body}");
    }
    let (_, listed) = list(&h, None, id).await;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 16);
    for (_, _, sha) in &answers {
        assert!(listed.iter().any(|d| d["sha256"] == *sha), "{sha}");
    }
    let added = h
        .app
        .db
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'attachment.add' AND subject_type = 'udo_dossier'")
        .await;
    assert_eq!(added, 16, "one audit event each");
}

#[tokio::test]
async fn the_public_list_and_its_feed_show_published_dossiers_never_drafts() {
    let h = during_consultation().await;
    let owner = h.token_for(VWS, "redacteur").await;
    let draft = open(&h, &owner, &TO_CONSULTATION[..3]).await;
    let published = open(&h, &owner, &TO_CONSULTATION).await;
    assert!(draft != published);

    let response = h.get("/udo/openbaar").await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains(&format!("href=\"/udo/{published}\"")), "{page}");
    assert!(!page.contains(&format!("href=\"/udo/{draft}\"")), "{page}");
    assert!(
        page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""),
        "{page}"
    );

    let response = h.get("/udo/openbaar.atom").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = response.text().await.unwrap();
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    assert_eq!(feed.matches("<entry>").count(), 1, "{feed}");
    assert!(feed.contains(&format!("/udo/{published}</id>")), "{feed}");
    assert!(!feed.contains(&format!("/udo/{draft}<")), "{feed}");
    assert!(feed.contains("<title>Wet betere bijstand</title>"), "{feed}");
    assert!(feed.contains("<updated>2026-04-15T00:00:00Z</updated>"), "{feed}");
    // The feed's own and the entry's: id, title, updated, link, author; the entry's summary.
    for element in ["<id>", "<title>", "<updated>", "<link ", "<author>"] {
        assert!(feed.matches(element).count() >= 2, "{element} in {feed}");
    }
    assert!(feed.contains("<summary>"), "{feed}");
}
