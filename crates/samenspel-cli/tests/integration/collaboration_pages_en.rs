//! The collaboration pages in English (issue 12): the list, a collaboration with its stance,
//! money, Moore, control, change log and import pages and the new-collaboration form answer
//! in English for a visitor who chose it, with none of the pages' own Dutch left, and stay
//! Dutch for everyone else. What the records themselves say (names, tasks, motivations) stays
//! as it was written (the domain's findings on these pages: see `findings_en`).

use reqwest::StatusCode;

use crate::helpers::{Browser, Harness};

/// A page: its address, its Dutch heading, its English heading, and phrases of the page's own
/// Dutch text that must be gone in English.
struct Case {
    path: &'static str,
    dutch: &'static str,
    english: &'static str,
    gone: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        path: "/samenwerkingen",
        dutch: ">Samenwerkingen</h1>",
        english: ">Collaborations</h1>",
        gone: &[
            "Meeste signalen eerst",
            "Gevonden samenwerkingen",
            "Nieuwe samenwerking vastleggen",
            "Lopend en beëindigd",
            ">Zoeken</button>",
        ],
    },
    Case {
        path: "/samenwerkingen/3",
        dutch: ">Model voor gelijkwaardig partnerschap</h2>",
        english: ">Model for equal partnership</h2>",
        gone: &[
            "Gegevens bewerken",
            "<dt>Looptijd</dt>",
            "Geschiedenis van de standpunten",
            "Afwijkingen van het ideaaltype",
            "Afstand tot de referentieprofielen",
            "de scores in een tabel",
            "Gelijkwaardig partnerschap (ideaaltype)",
            "Beleidsambitie Rijk",
            "Verantwoording aan Rijk",
            "tot en met",
        ],
    },
    Case {
        path: "/samenwerkingen/3/standpunt/GM0917",
        dutch: ">Standpunt van Heerlen</h1>",
        english: ">Stance of Heerlen</h1>",
        gone: &[
            "Geldt voor",
            "Standpunt opslaan",
            "In hoeverre heeft het Rijk een eigen beleidsambitie?",
            "geenszins",
            "Ideaaltype van gelijkwaardig partnerschap",
        ],
    },
    Case {
        path: "/samenwerkingen/3/geld",
        dutch: ">Wie betaalt? Geld in ",
        english: ">Who pays? Money in ",
        gone: &[
            "Vastgelegde bedragen",
            "Bedrag vastleggen",
            "Per bestuurslaag",
            "Dimensie 3: decentrale middelen",
            ">Wie of wat</th>",
        ],
    },
    Case {
        path: "/samenwerkingen/3/driehoek",
        dutch: ">Driehoek van Moore: ",
        english: "s triangle: ",
        gone: &[
            "Wat de partners vastlegden",
            "De driehoek per partner",
            "Laatst bijgewerkt",
            "Legitimiteit en steun",
            "Operationele capaciteit",
        ],
    },
    Case {
        path: "/samenwerkingen/3/driehoek/GM0917",
        dutch: ">Driehoek van Heerlen</h1>",
        english: ">Triangle of Heerlen</h1>",
        gone: &["Steun bij de eigen belanghebbenden", "Processen en structuren"],
    },
    Case {
        path: "/samenwerkingen/3/democratische-controle",
        dutch: ">Democratische controle van ",
        english: ">Democratic control of ",
        gone: &[
            "Betrokken gekozen organen",
            "Verantwoordelijke minister",
            "Volgende periodieke evaluatie",
            "Momenten van kaderstelling en verantwoording",
            "Gemeenteraden",
        ],
    },
    Case {
        path: "/samenwerkingen/3/wijzigingen",
        dutch: ">Wijzigingen in ",
        english: ">Changes to ",
        gone: &[
            "Wijzigingen, nieuwste eerst",
            "Terug naar de samenwerking",
            "Samenwerking vastgelegd",
        ],
    },
    Case {
        path: "/samenwerkingen/nieuw",
        dutch: ">Nieuwe samenwerking</h1>",
        english: ">New collaboration</h1>",
        gone: &[
            "Soort samenwerking",
            "Kies een soort",
            "Wettelijke grondslag",
            "organisatiecode",
            ">Annuleren</a>",
        ],
    },
    Case {
        path: "/samenwerkingen/3/bewerken",
        dutch: " bewerken</h1>",
        english: ">Edit ",
        gone: &["Startdatum", "Beleidsterreinen", "Eén fase per regel"],
    },
    Case {
        path: "/samenwerkingen/3/partners",
        dutch: ">Partner toevoegen aan ",
        english: ">Add a partner to ",
        gone: &["Organisatiecode", ">Toevoegen</button>"],
    },
];

async fn text(browser: &Browser, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// A browser signed in as a redacteur of Heerlen (the trekker of demo collaboration 3), in
/// English when `english`: the language switch sets the cookie `samenspel_taal=en`.
async fn heerlen(h: &Harness, english: bool) -> Browser {
    let browser = h.browser_as("GM0917", "redacteur").await;
    if english {
        let response = browser.get("/taal/en?terug=/").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    browser
}

#[tokio::test]
async fn the_collaboration_pages_answer_in_english_and_stay_dutch_otherwise() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let dutch = heerlen(&h, false).await;
    let english = heerlen(&h, true).await;
    for case in CASES {
        let html = text(&english, case.path).await;
        assert!(html.contains("<html lang=\"en\">"), "{}", case.path);
        assert!(html.contains(case.english), "{}: {html}", case.path);
        for phrase in case.gone {
            assert!(!html.contains(phrase), "{}: Dutch left: {phrase}", case.path);
        }
        let html = text(&dutch, case.path).await;
        assert!(html.contains("<html lang=\"nl\">"), "{}", case.path);
        assert!(html.contains(case.dutch), "{}: {html}", case.path);
        for phrase in case.gone.iter().take(1) {
            assert!(html.contains(phrase), "{}: Dutch missing: {phrase}", case.path);
        }
    }
    // The charts speak the page's language: the radar's axes, Moore's corners.
    let show = text(&english, "/samenwerkingen/3").await;
    assert!(show.contains("Obligatory nature") && show.contains("Equal partnership (ideal type)"));
    let moore = text(&english, "/samenwerkingen/3/driehoek").await;
    assert!(moore.contains("Legitimacy and support") && moore.contains("Public value"));
    let moore = text(&dutch, "/samenwerkingen/3/driehoek").await;
    assert!(moore.contains("Legitimiteit en steun"));
}

#[tokio::test]
async fn an_anonymous_visitor_who_asked_for_english_reads_the_register_in_english() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    for (path, english) in [
        ("/samenwerkingen", ">Collaborations</h1>"),
        ("/samenwerkingen/3", ">Model for equal partnership</h2>"),
        ("/samenwerkingen/3/geld", ">Who pays? Money in "),
    ] {
        let response = h.get_in_english(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("<html lang=\"en\">") && html.contains(english),
            "{path}: {html}"
        );
    }
}

#[tokio::test]
async fn saving_says_so_in_english_and_the_import_page_is_english() {
    let h = Harness::start().await;
    samenspel_app::demo::load(&h.app.app).await.unwrap();
    let english = heerlen(&h, true).await;
    let response = english
        .post_form("/samenwerkingen/3/publicatie", &[("published", "true")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let html = text(&english, &location).await;
    assert!(html.contains("Collaboration published."), "{html}");
    let admin = h.browser_as("MNRE1034", "beheerder").await;
    admin.get("/taal/en?terug=/").await;
    let html = text(&admin, "/samenwerkingen/importeren").await;
    assert!(html.contains(">Import collaborations</h1>") && !html.contains("Bestand (CSV of JSON)"));
    let response = admin
        .upload("/samenwerkingen/importeren", "bad.csv", b"x;y\n1;2\n")
        .await;
    let html = response.text().await.unwrap();
    assert!(
        html.contains("has not been imported") && html.contains("Errors in the file"),
        "{html}"
    );
}

/// A form the visitor may not use is refused in the page's language, with the reason from the
/// permission table: an anonymous visitor is asked to sign in, a reader told why not.
#[tokio::test]
async fn a_form_not_offered_says_why_in_english() {
    let h = Harness::start().await;
    let anonymous = h.get_in_english("/samenwerkingen/nieuw").await;
    assert_eq!(anonymous.status(), reqwest::StatusCode::UNAUTHORIZED);
    let html = anonymous.text().await.unwrap();
    assert!(
        html.contains("Sign in to do this. Only editors can record a collaboration."),
        "{html}"
    );
    let reader = h.browser_as("GM0363", "lezer").await;
    let refused = reader
        .client
        .get(format!("{}/samenwerkingen/nieuw", reader.base))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("Only editors can record a collaboration."),
        "{html}"
    );
    for dutch in ["Alleen redacteuren", "Meld u aan"] {
        assert!(!html.contains(dutch), "no Dutch {dutch:?}");
    }
}
