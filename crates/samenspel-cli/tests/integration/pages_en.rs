//! The pages of the home, organisations, regions, congruence, account, error and paging
//! areas answer in English for a visitor who chose English (issue 12), with none of their own
//! Dutch text left, and stay Dutch for everyone else.

use reqwest::StatusCode;

use crate::helpers::Harness;

const ENGLISH: (&str, &str) = ("cookie", "samenspel_taal=en");

async fn page(h: &Harness, path: &str, english: bool) -> (StatusCode, String) {
    let mut request = h.client.get(h.url(path));
    if english {
        request = request.header(ENGLISH.0, ENGLISH.1);
    }
    let response = request.send().await.unwrap();
    // Text from the catalogue is escaped ("Regio&#39;s"); compare it as it reads.
    let status = response.status();
    let html = response.text().await.unwrap().replace("&#39;", "'");
    (status, html)
}

/// The page in English: `<html lang="en">`, the heading, and none of the Dutch phrases.
fn assert_english(path: &str, html: &str, heading: &str, dutch: &[&str]) {
    assert!(html.contains("<html lang=\"en\">"), "{path}: {html}");
    assert!(html.contains(heading), "{path} has {heading}: {html}");
    assert!(!html.contains("not yet available in English"), "{path}");
    for word in dutch {
        assert!(!html.contains(word), "{path} still says {word:?}");
    }
}

/// Path, status, English heading, Dutch heading, Dutch phrases of the page's own text.
type Case<'a> = (&'a str, StatusCode, &'a str, &'a str, &'a [&'a str]);

#[tokio::test]
async fn the_pages_answer_in_english_and_stay_dutch_without_the_choice() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let ok = StatusCode::OK;
    let cases: [Case; 13] = [
        (
            "/",
            ok,
            ">The model of equal partnership</h2>",
            ">Het Model voor gelijkwaardig partnerschap</h2>",
            &[
                "Bekijk de samenwerkingen",
                "Zoek een organisatie",
                "Dimensie en vraag",
                "geenszins",
                "In hoeverre",
            ],
        ),
        (
            "/organisaties",
            ok,
            ">Organisations</h1>",
            ">Organisaties</h1>",
            &[
                "Naam of code",
                "Alle soorten",
                "Gevonden organisaties",
                "Volgende pagina",
                "Laatste pagina",
                "Paginering",
                ">Gemeente<",
            ],
        ),
        (
            "/organisaties?type=onzin",
            StatusCode::BAD_REQUEST,
            "All types are shown.",
            "Alle soorten worden getoond.",
            &["Naam of code", "Zoeken"],
        ),
        (
            "/organisaties/GM0363",
            ok,
            ">In collaboration</h2>",
            ">In samenwerking</h2>",
            &[
                "Herkomst",
                "Geld per jaar",
                "Komende besluit",
                "Eigen bijdrage",
                "Looptijd",
                "neemt deel aan",
                "(Decentrale overheid)",
            ],
        ),
        (
            "/regio",
            ok,
            ">Regions</h1>",
            ">Regio's</h1>",
            &[
                "Gemeente markeren",
                "Indeling",
                "gemeenten per regio",
                "tekstalternatief",
                "Provincies",
            ],
        ),
        (
            "/regio?gemeente=GM0363",
            ok,
            ">The regions of Amsterdam</h2>",
            ">De regio's van Amsterdam</h2>",
            &["gemarkeerd", "per indeling", "Veiligheidsregio's"],
        ),
        (
            "/regio/congruentie",
            ok,
            ">Congruence of regions</h1>",
            ">Congruentie van regio's</h1>",
            &[
                "Hoe de maten werken",
                "Vergelijken",
                "Indeling A",
                "Paren samen",
                "Alle samenwerkingen",
                "Gemeenten met de meeste",
            ],
        ),
        (
            "/regio/veiligheidsregio/VR09",
            ok,
            ">Utrecht — Safety regions (veiligheidsregio's)</h1>",
            ">Utrecht — Veiligheidsregio's</h1>",
            &[
                "Samenwerkingen per soort",
                "Deel van de regio",
                "Geld per jaar",
                "Samenvallen met",
                "Best passende regio",
            ],
        ),
        (
            "/regio/veiligheidsregio/VR99",
            StatusCode::NOT_FOUND,
            ">Region not found</h1>",
            ">Regio niet gevonden</h1>",
            &["heeft geen regio", "Naar de kaart"],
        ),
        (
            "/inloggen",
            ok,
            ">Sign in</h1>",
            ">Aanmelden</h1>",
            &["Nog geen account", "E-mailadres", "(verplicht)", "Wachtwoord"],
        ),
        (
            "/organisaties/nieuw",
            StatusCode::UNAUTHORIZED,
            ">Sign-in required</h1>",
            ">Aanmelden nodig</h1>",
            &["Meld u aan", "Naar de startpagina"],
        ),
        (
            "/bestaat-niet",
            StatusCode::NOT_FOUND,
            ">Page not found</h1>",
            ">Pagina niet gevonden</h1>",
            &["Deze pagina bestaat niet", "Naar de startpagina"],
        ),
        (
            "/samenwerkingen/999999",
            StatusCode::NOT_FOUND,
            "The requested collaboration does not exist (any more).",
            "De gevraagde samenwerking bestaat niet (meer).",
            &["Niet gevonden", "Naar de startpagina"],
        ),
    ];
    for (path, status, english, dutch_heading, dutch) in cases {
        let (got, html) = page(&h, path, true).await;
        assert_eq!(got, status, "{path} in English");
        assert_english(path, &html, english, dutch);
        let (got, html) = page(&h, path, false).await;
        assert_eq!(got, status, "{path} in Dutch");
        assert!(html.contains("<html lang=\"nl\">"), "{path}");
        assert!(
            html.contains(dutch_heading),
            "{path} in Dutch has {dutch_heading}: {html}"
        );
        assert!(
            html.contains(dutch[0]) || path == "/organisaties?type=onzin",
            "{path}"
        );
    }
}

#[tokio::test]
async fn paging_and_a_page_past_the_end_are_in_english() {
    let h = Harness::start().await;
    let (_, html) = page(&h, "/organisaties?pagina=2", true).await;
    assert!(
        html.contains("aria-label=\"Pagination\"")
            && html.contains(">First page</a>")
            && html.contains(">Next page</a>")
            && html.contains("<span class=\"ss-visually-hidden\"> (this page)</span>"),
        "{html}"
    );
    let summary = html.split("ss-pagination").nth(1).unwrap_or_default();
    assert!(summary.contains("51–100 of "), "{summary}");
    let (status, html) = page(&h, "/organisaties?pagina=9999", true).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_english(
        "past the end",
        &html,
        ">Page does not exist</h1>",
        &[
            "Pagina bestaat niet",
            "Naar de laatste pagina",
            "deze pagina ligt daarna",
        ],
    );
    assert!(html.contains(">To the last page ("), "{html}");
    let (_, html) = page(&h, "/organisaties?pagina=9999", false).await;
    assert!(html.contains(">Pagina bestaat niet</h1>") && html.contains("Naar de laatste pagina ("));
}

#[tokio::test]
async fn account_pages_and_an_expired_form_are_in_english() {
    let h = Harness::start().await;
    let token = h.invitation("nieuw@test.nl", "Nieuwe Collega", "GM0344").await;
    let path = format!("/uitnodiging/{token}");
    let (status, html) = page(&h, &path, true).await;
    assert_eq!(status, StatusCode::OK);
    assert_english(
        "invitation",
        &html,
        ">Welcome, Nieuwe Collega</h1>",
        &["Kies een wachtwoord", "Wachtwoord nogmaals", "Ten minste"],
    );
    let (_, html) = page(&h, &path, false).await;
    assert!(html.contains(">Welkom, Nieuwe Collega</h1>") && html.contains("Wachtwoord nogmaals"));

    let browser = h.browser_as("GM0344", "redacteur").await;
    browser.get("/taal/en?terug=/").await;
    let html = browser.get("/account/wachtwoord").await.text().await.unwrap();
    assert_english(
        "password",
        &html,
        ">Change password</h1>",
        &["Huidig wachtwoord", "Nieuw wachtwoord", "Wijzigen"],
    );
    let refused = browser
        .post_form(
            "/account/wachtwoord",
            &[("current_password", "fout"), ("new_password", "kort")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert_english(
        "refused password",
        &html,
        ">Something is not filled in correctly</h2>",
        &["Er is niets opgeslagen"],
    );
    let expired = browser.post_raw("/account/wachtwoord", &[("csrf", "fout")]).await;
    assert_eq!(expired.status(), StatusCode::FORBIDDEN);
    let html = expired.text().await.unwrap();
    assert_english(
        "expired form",
        &html,
        ">Form expired</h1>",
        &["Formulier verlopen", "Ga terug"],
    );
}

#[tokio::test]
async fn the_survey_pages_and_charts_are_in_english() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let cases: [(&str, &str, &str, &[&str]); 5] = [
        (
            "/knelpuntenmonitor",
            ">Bottleneck monitor</h1>",
            ">Knelpuntenmonitor</h1>",
            &["Golven, nieuwste eerst", "In juli 2020", "Heel Nederland"],
        ),
        (
            "/knelpuntenmonitor/demo-rob-2020",
            ">Respondents per group</h2>",
            ">Respondenten per groep</h2>",
            &[
                "De rangordes naast elkaar",
                "Per stelling",
                "Verloop over golven",
                "helemaal niet",
                "rijksoverheidsorganisaties",
                "Stelling",
            ],
        ),
        (
            "/knelpuntenmonitor/demo-open",
            "This wave is open.",
            "Deze golf is open.",
            &["Vul de vragenlijst in", "Heel Nederland", "Groepen met minder"],
        ),
        (
            "/knelpuntenmonitor/demo-open/invullen",
            ">Limiting factors</h2>",
            ">Beperkende factoren</h2>",
            &[
                "Antwoorden versturen",
                "weet niet",
                "rijksoverheidsorganisaties",
                "Bij welke overheid",
                "(verplicht)",
            ],
        ),
        (
            "/knelpuntenmonitor/demo-open/bedankt",
            ">Thank you</h1>",
            ">Dank u wel</h1>",
            &["Uw antwoorden zijn opgeslagen", "de pagina van deze golf"],
        ),
    ];
    for (path, english, dutch_heading, dutch) in cases {
        let (status, html) = page(&h, path, true).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_english(path, &html, english, dutch);
        let (_, html) = page(&h, path, false).await;
        assert!(
            html.contains("<html lang=\"nl\">") && html.contains(dutch_heading),
            "{path}"
        );
        assert!(html.contains(dutch[0]), "{path} in Dutch has {}", dutch[0]);
    }
    // A closed wave's form says only that it is closed, in the visitor's language.
    let closed = "/knelpuntenmonitor/demo-rob-2020/invullen";
    let (status, html) = page(&h, closed, true).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_english(
        closed,
        &html,
        ">This wave is closed</h1>",
        &["Deze golf", "u kunt niet meer antwoorden"],
    );
    let (status, html) = page(&h, closed, false).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains(">Deze golf is gesloten</h1>"), "{html}");
    // Every chart of the report names its statements: shortened on the chart, in full on
    // hover, and in full in the table alternative.
    let (_, html) = page(&h, "/knelpuntenmonitor/demo-rob-2020", true).await;
    let full = "S05 …central government organisations do not speak with one voice";
    for chart in ["id=\"rangordes-title\"", "id=\"verdeling-title\""] {
        let svg = html.split(chart).nth(1).unwrap_or_default();
        let svg = svg.split("</svg>").next().unwrap_or_default();
        assert!(
            svg.contains(&format!("<title>{full}")),
            "{chart} names S05 in full: {svg}"
        );
        assert!(
            svg.contains(">1. S") || svg.contains("S05 central government"),
            "{chart}: {svg}"
        );
    }
    assert!(
        html.contains(&format!("scope=\"row\">{full} — ")),
        "the bars' table alternative"
    );
}
