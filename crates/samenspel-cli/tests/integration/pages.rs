use reqwest::StatusCode;

use crate::helpers::Harness;

async fn page(h: &Harness, path: &str) -> (StatusCode, String) {
    let response = h.get(path).await;
    let status = response.status();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn every_page_answers_in_dutch_with_one_h1() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    for path in [
        "/",
        "/organisaties",
        "/organisaties?type=gemeente&q=fryslan",
        "/organisaties/GM0363",
        "/samenwerkingen",
        "/samenwerkingen?type=res",
        "/samenwerkingen/1",
        "/samenwerkingen/5?fase=uitvoering",
        "/samenwerkingen/3/geld",
        "/samenwerkingen/3/democratische-controle",
        "/samenwerkingen/3/driehoek",
        "/regio",
        "/regio/congruentie",
        "/regio/congruentie?a=samenwerking-1&b=res-regio",
        "/regio/veiligheidsregio/VR09",
        "/regio/res-regio/Noord-Holland%20Noord",
        "/regio/mirt-regio/Oost-Nederland",
        "/knelpuntenmonitor",
        "/knelpuntenmonitor/demo-rob-2020",
        "/knelpuntenmonitor/demo-open",
        "/knelpuntenmonitor/demo-open/invullen",
        "/knelpuntenmonitor/demo-open/bedankt",
    ] {
        let (status, html) = page(&h, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(html.contains("<html lang=\"nl\">"), "{path}");
        assert_eq!(html.matches("<h1").count(), 1, "{path}");
    }
    // Forms ask an anonymous visitor to sign in first (see authorization.rs for every role).
    for path in [
        "/organisaties/nieuw",
        "/samenwerkingen/nieuw",
        "/samenwerkingen/1/bewerken",
        "/samenwerkingen/1/partners",
        "/samenwerkingen/1/standpunt/MNRE1130",
        "/samenwerkingen/importeren",
    ] {
        let (status, html) = page(&h, path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(
            html.contains("<html lang=\"nl\">") && html.contains("Aanmelden"),
            "{path}"
        );
        assert_eq!(html.matches("<h1").count(), 1, "{path}");
    }
}

#[tokio::test]
async fn the_collaboration_page_has_a_radar_with_a_table_alternative() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let (_, html) = page(&h, "/samenwerkingen/4").await;
    assert!(html.contains("<svg"));
    assert!(html.contains("de scores in een tabel"));
    assert!(html.contains("Gelijkwaardig partnerschap (ideaaltype)"));
    assert!(html.contains("Verwachtingen niet gelijk"));
    assert!(html.contains("Niet gemotiveerd"));
}

#[tokio::test]
async fn unknown_pages_get_a_proper_404_page() {
    let h = Harness::start().await;
    for path in [
        "/bestaat-niet",
        "/samenwerkingen/999999",
        "/organisaties/XX0000",
        "/samenwerkingen/1/standpunt/GM0363",
        "/samenwerkingen/abc",
        "/samenwerkingen/99999999999999999999/bewerken",
        "/samenwerkingen/x/geld",
    ] {
        let (status, html) = page(&h, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("<h1 class=\"utrecht-heading-1\">"), "{path}");
        assert!(
            html.contains("lang=\"nl\""),
            "a Dutch page, not the framework's text: {path}"
        );
    }
}

#[tokio::test]
async fn creating_a_collaboration_through_the_form() {
    let h = Harness::start().await;
    let browser = h.browser_as("PV20", "redacteur").await;
    let response = browser
        .post_form(
            "/samenwerkingen",
            &[
                ("name", "Convenant Wadden"),
                ("type", "convenant"),
                ("phases", "uitvraag\r\nuitvoering"),
                ("partners[0].code", ""),
                ("partners[0].role", "trekker"),
                ("partners[1].code", "pv20"),
                ("partners[1].role", "trekker"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let html = browser.get(&location).await.text().await.unwrap();
    assert!(html.contains("Convenant Wadden"));
    assert!(html.contains("Provincie Groningen"));
    assert!(html.contains("Fase: uitvoering"));
}

#[tokio::test]
async fn a_bad_form_shows_messages_next_to_the_fields_and_stores_nothing() {
    let h = Harness::start().await;
    let browser = h.browser_as("PV20", "redacteur").await;
    let before = h.fingerprint().await;
    let response = browser
        .post_form(
            "/samenwerkingen",
            &[
                ("name", ""),
                ("type", "mirt"),
                ("start_date", "2024-05-01"),
                ("end_date", "2024-01-01"),
                ("partners[0].code", ""),
                ("partners[0].role", "trekker"),
                ("partners[2].code", "GM9999"),
                ("partners[2].role", "partner"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"f-name-error\">Vul dit veld in."), "{html}");
    assert!(html.contains("id=\"f-end-date-error\">De einddatum ligt vóór de startdatum."));
    assert!(
        html.contains("id=\"f-partners-2-code-error\">Er is geen organisatie met code GM9999."),
        "error next to the row it belongs to"
    );
    assert!(html.contains("Er is niets opgeslagen"));
    assert!(html.contains("value=\"2024-05-01\""), "the user's input is kept");
    assert_eq!(before, h.fingerprint().await);
}

#[tokio::test]
async fn the_stance_form_refuses_bad_scores_and_records_good_ones() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let browser = h.browser_as("GM0307", "redacteur").await;
    let path = "/samenwerkingen/4/standpunt/GM0307";
    let mut form: Vec<(&str, &str)> = vec![
        ("phase", ""),
        ("scores.beleidsambitie-rijk", "3"),
        ("scores.verplicht-karakter", "1"),
        ("scores.decentrale-middelen", "drie"),
        ("scores.eisen-aan-uitvoering", "6"),
        ("scores.verantwoordelijkheid-uitvoering", "3"),
        (
            "motivations.verantwoordelijkheid-uitvoering",
            "<script>alert(1)</script>",
        ),
    ];
    let before = h.fingerprint().await;
    let response = browser.post_form(path, &form).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for field in [
        "decentrale-middelen",
        "eisen-aan-uitvoering",
        "verantwoording-aan-rijk",
    ] {
        assert!(
            html.contains(&format!("id=\"f-scores-{field}-error\"")),
            "{field}"
        );
    }
    assert!(
        !html.contains("<script>alert(1)</script>"),
        "user text is escaped"
    );
    assert_eq!(before, h.fingerprint().await);

    form.retain(|(k, _)| !k.starts_with("scores.decentrale") && !k.starts_with("scores.eisen"));
    form.extend([
        ("scores.decentrale-middelen", "2"),
        ("scores.eisen-aan-uitvoering", "4"),
        ("scores.verantwoording-aan-rijk", "2"),
    ]);
    let response = browser.post_form(path, &form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let stances = h.get_json("/api/v1/collaborations/4/stances").await;
    let last = stances["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["code"], "GM0307");
    assert_eq!(last["scores"]["eisen-aan-uitvoering"], 4);
}

/// Paging (issue 12): page numbers with the first and last page; a page past the end is 404
/// with a link to the last page; an unknown filter value is 400 naming the parameter and the
/// values it takes.
#[tokio::test]
async fn pages_are_numbered_and_a_page_past_the_end_is_not_found() {
    let h = Harness::start().await;
    let list = h.get("/organisaties").await.text().await.unwrap();
    let last: u32 = list
        .split("pagina=")
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .max()
        .expect("the first page links further pages");
    assert!(last > 3, "hundreds of organisations make several pages: {last}");
    assert!(
        list.contains("Laatste pagina") && list.contains("aria-current=\"page\""),
        "{list}"
    );
    let page = h.get(&format!("/organisaties?pagina={last}")).await;
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("Eerste pagina") && !page.contains("Volgende pagina"),
        "{page}"
    );
    for past in [last + 1, 9999] {
        let response = h.get(&format!("/organisaties?pagina={past}&q=")).await;
        assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND, "{past}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains(&format!("href=\"/organisaties?pagina={last}\"")),
            "links the last page: {body}"
        );
    }
    let empty = h.get("/samenwerkingen?q=bestaat-echt-niet&pagina=2").await;
    assert_eq!(
        empty.status(),
        reqwest::StatusCode::NOT_FOUND,
        "an empty list has one page"
    );
    for path in ["/samenwerkingen?type=onzin", "/organisaties?type=onzin"] {
        let response = h.get(path).await;
        assert_eq!(response.status(), reqwest::StatusCode::BAD_REQUEST, "{path}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Parameter type: &#39;onzin&#39; is geen bekend")
                || body.contains("Parameter type: 'onzin' is geen bekend"),
            "{path}: {body}"
        );
        assert!(body.contains("kies uit: "), "names the values: {path}");
    }
}
