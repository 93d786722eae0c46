//! Every successful save says so on the page it lands on, once: the form answers "see other"
//! with a short-lived confirmation cookie, the next page shows the message and clears it, and a
//! second visit no longer shows it. A refused form still answers 422 with its messages and
//! sets no confirmation.

use reqwest::{Response, StatusCode};
use serde_json::Value;

use crate::helpers::{Browser, DIMENSIONS, Harness, PASSWORD};

const FLASH: &str = "samenspel_melding=";

fn flash_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(FLASH))
        .map(str::to_owned)
}

/// The notification on a page, as the template writes it.
fn notification(message: &str) -> String {
    format!(
        "<div class=\"utrecht-alert utrecht-alert--ok ss-flash\" role=\"status\"><p class=\"utrecht-paragraph\">{message}</p></div>"
    )
}

/// Asserts that `response` is a save that leads to a page showing `message` once, and that the
/// page no longer shows it on the next visit. Returns where it led.
async fn confirms(browser: &Browser, response: Response, message: &str) -> String {
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{message}");
    let cookie = flash_cookie(&response).unwrap_or_else(|| panic!("a confirmation for {message}"));
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(cookie.contains(flag), "{cookie} has {flag}");
    }
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let shown = browser.get(&location).await;
    assert_eq!(shown.status(), StatusCode::OK, "{location}");
    let cleared = flash_cookie(&shown).unwrap_or_default();
    assert!(
        cleared.contains("Max-Age=0"),
        "shown once, then cleared: {cleared}"
    );
    let html = shown.text().await.unwrap();
    assert_eq!(
        html.matches(&notification(message)).count(),
        1,
        "{location} says {message}: {html}"
    );
    let again = browser.get(&location).await.text().await.unwrap();
    assert!(
        !again.contains("ss-flash"),
        "{location}: not again on the next visit"
    );
    location
}

/// Asserts that a refused form answers 422 with its messages and no confirmation.
async fn refuses(response: Response, field_error: &str) {
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field_error}"
    );
    assert_eq!(flash_cookie(&response), None, "{field_error}: no confirmation");
    let html = response.text().await.unwrap();
    assert!(html.contains(field_error), "{field_error}: {html}");
    assert!(!html.contains("ss-flash"));
}

/// A signed-in browser whose sign-in confirmation has been shown already.
async fn signed_in(h: &Harness, org: &str, role: &str) -> Browser {
    let browser = h.browser_as(org, role).await;
    let home = browser.get("/").await.text().await.unwrap();
    assert!(home.contains(&notification(&format!("U bent aangemeld als {role} van {org}."))));
    browser
}

async fn organisation_name(h: &Harness, code: &str) -> String {
    h.get_json(&format!("/api/v1/organisations/{code}")).await["name"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn each_form_of_a_collaboration_confirms_its_save_once() {
    let h = Harness::start().await;
    let trekker = signed_in(&h, "PV20", "redacteur").await;

    let refused = trekker
        .post_form("/samenwerkingen", &[("name", ""), ("type", "convenant")])
        .await;
    refuses(refused, "id=\"f-name-error\"").await;
    let created = trekker
        .post_form(
            "/samenwerkingen",
            &[
                ("name", "Convenant Wadden"),
                ("type", "convenant"),
                ("phases", "uitvoering"),
                ("partners[0].code", "PV20"),
                ("partners[0].role", "trekker"),
            ],
        )
        .await;
    let page = confirms(&trekker, created, "Samenwerking Convenant Wadden vastgelegd.").await;
    let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
    let base = format!("/samenwerkingen/{id}");

    let version = h.get_json(&format!("/api/v1/collaborations/{id}")).await["version"].to_string();
    let edited = trekker
        .post_form(
            &base,
            &[
                ("version", &version),
                ("name", "Convenant Waddenzee"),
                ("type", "convenant"),
                ("phases", "uitvoering"),
            ],
        )
        .await;
    confirms(&trekker, edited, "Wijzigingen in Convenant Waddenzee opgeslagen.").await;

    let partner = organisation_name(&h, "GM0307").await;
    let refused = trekker
        .post_form(
            &format!("{base}/partners"),
            &[("code", "GM0307"), ("role", "geen-rol")],
        )
        .await;
    refuses(refused, "id=\"f-role-error\"").await;
    let added = trekker
        .post_form(
            &format!("{base}/partners"),
            &[("code", "GM0307"), ("role", "partner")],
        )
        .await;
    confirms(&trekker, added, &format!("{partner} toegevoegd als partner.")).await;

    let mut scores: Vec<(String, String)> = DIMENSIONS
        .iter()
        .map(|d| (format!("scores.{d}"), "3".to_owned()))
        .collect();
    scores.push(("phase".into(), "uitvoering".into()));
    let fields: Vec<(&str, &str)> = scores.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let stated = trekker
        .post_form(&format!("{base}/standpunt/PV20"), &fields)
        .await;
    let shown = confirms(&trekker, stated, "Standpunt van Provincie Groningen opgeslagen.").await;
    assert_eq!(shown, format!("{base}?fase=uitvoering"), "back to the phase");

    let moore = format!("{base}/driehoek/PV20");
    refuses(
        trekker.post_form(&moore, &[("fte", "twee")]).await,
        "id=\"f-fte-error\"",
    )
    .await;
    let stated = trekker
        .post_form(&moore, &[("public_value", "Schoon water"), ("fte", "2,5")])
        .await;
    confirms(&trekker, stated, "Driehoek van Provincie Groningen opgeslagen.").await;

    let control = format!("{base}/democratische-controle");
    refuses(
        trekker
            .post_form(&control, &[("next_evaluation", "morgen")])
            .await,
        "id=\"f-next-evaluation-error\"",
    )
    .await;
    let set = trekker
        .post_form(
            &control,
            &[
                ("bodies", "provinciale-staten"),
                ("next_evaluation", "2030-01-01"),
            ],
        )
        .await;
    confirms(&trekker, set, "Democratische controle opgeslagen.").await;

    let money = format!("{base}/geld");
    let figure = [
        ("partner", "PV20"),
        ("year", "2026"),
        ("amount", "1.250,50"),
        ("instrument", "eigen-middelen"),
        ("status", "begroot"),
    ];
    let mut bad = figure;
    bad[2] = ("amount", "drie ton");
    refuses(trekker.post_form(&money, &bad).await, "id=\"f-amount-error\"").await;
    let recorded = trekker.post_form(&money, &figure).await;
    confirms(
        &trekker,
        recorded,
        "Bedrag van Provincie Groningen voor 2026 vastgelegd: € 1.250,50.",
    )
    .await;
    let figures: Value = h.get_json(&format!("/api/v1/collaborations/{id}/money")).await;
    let figure_id = figures["items"][0]["id"].as_i64().unwrap();
    let deleted = trekker
        .post_form(&format!("{money}/{figure_id}/verwijderen"), &[])
        .await;
    confirms(&trekker, deleted, "Bedrag verwijderd.").await;

    let published = trekker
        .post_form(&format!("{base}/publicatie"), &[("published", "true")])
        .await;
    confirms(&trekker, published, "Samenwerking gepubliceerd.").await;
    let withdrawn = trekker
        .post_form(&format!("{base}/publicatie"), &[("published", "false")])
        .await;
    confirms(&trekker, withdrawn, "Samenwerking teruggezet naar concept.").await;
}

#[tokio::test]
async fn adding_an_organisation_and_a_wave_confirm_their_save_once() {
    let h = Harness::start().await;
    let redacteur = signed_in(&h, "PV20", "redacteur").await;
    refuses(
        redacteur
            .post_form("/organisaties", &[("name", ""), ("type", "bedrijf")])
            .await,
        "id=\"f-name-error\"",
    )
    .await;
    let added = redacteur
        .post_form(
            "/organisaties",
            &[("name", "Stichting Wadden"), ("type", "bedrijf")],
        )
        .await;
    confirms(&redacteur, added, "Stichting Wadden toegevoegd.").await;

    let admin = signed_in(&h, "MNRE1034", "beheerder").await;
    refuses(
        admin
            .post_form("/knelpuntenmonitor", &[("key", "Najaar!"), ("k", "10")])
            .await,
        "id=\"f-key-error\"",
    )
    .await;
    let opened = admin
        .post_form(
            "/knelpuntenmonitor",
            &[("key", "najaar"), ("title", "Najaar 2026"), ("k", "10")],
        )
        .await;
    confirms(&admin, opened, "Golf Najaar 2026 geopend.").await;
    let closed = admin.post_form("/knelpuntenmonitor/najaar/sluiten", &[]).await;
    confirms(&admin, closed, "Golf Najaar 2026 gesloten.").await;
}

#[tokio::test]
async fn signing_in_and_out_and_accepting_an_invitation_say_so() {
    let h = Harness::start().await;
    let token = h.invitation("welkom@test.nl", "Welkom", "GM0363").await;
    let browser = h.browser().await;
    let path = format!("/uitnodiging/{token}");
    refuses(
        browser
            .post_form(&path, &[("password", "kort"), ("password_again", "kort")])
            .await,
        "id=\"f-password-error\"",
    )
    .await;
    let accepted = browser
        .post_form(&path, &[("password", PASSWORD), ("password_again", PASSWORD)])
        .await;
    confirms(&browser, accepted, "Uw wachtwoord is ingesteld. Meld u nu aan.").await;

    let signed_in = browser
        .post_form(
            "/inloggen",
            &[("email", "welkom@test.nl"), ("password", PASSWORD)],
        )
        .await;
    confirms(&browser, signed_in, "U bent aangemeld als Welkom.").await;
    let signed_out = browser.post_form("/uitloggen", &[]).await;
    confirms(&browser, signed_out, "U bent afgemeld.").await;
}

#[tokio::test]
async fn a_confirmation_waits_for_a_page_and_cannot_be_used_to_inject_markup() {
    let h = Harness::start().await;
    let browser = signed_in(&h, "PV20", "redacteur").await;
    let created = browser
        .post_form(
            "/samenwerkingen",
            &[
                ("name", "<b>Vet</b> & co"),
                ("type", "convenant"),
                ("partners[0].code", "PV20"),
                ("partners[0].role", "trekker"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    // A download in between does not use up the confirmation.
    let csv = browser.get(&format!("{location}/wijzigingen.csv")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(flash_cookie(&csv), None);
    let html = browser.get(&location).await.text().await.unwrap();
    assert!(
        html.contains(&notification(
            "Samenwerking &#60;b&#62;Vet&#60;/b&#62; &#38; co vastgelegd."
        )) || html.contains(&notification(
            "Samenwerking &lt;b&gt;Vet&lt;/b&gt; &amp; co vastgelegd."
        )),
        "escaped like any text: {html}"
    );
    assert!(!html.contains("<b>Vet</b>"));
}
