//! The question sets as data. Texts are quoted from kcbr.nl (checked against stored copies of
//! the pages named in each `source_url`); where the Dutch page was not available the Dutch is
//! our translation of the official English page, and the question says so.

use super::{Framework, Question, QuestionSet};
use crate::rules::date;

const BK: &str = "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas";

const BELEIDSKOMPAS_QUESTIONS: &[Question] = &[
    Question {
        key: "belanghebbenden",
        number: "T",
        text: "Wie zijn belanghebbenden en waarom?",
        sub_questions: &[],
        help: "De terugkerende vraag van het Beleidskompas: bij elke stap wordt bekeken welke belanghebbenden betrokken moeten worden, zodat de stap in co-creatie kan worden uitgevoerd.",
        source_url: BK,
        verbatim: true,
        required: true,
    },
    Question {
        key: "probleem",
        number: "1",
        text: "Wat is het probleem?",
        sub_questions: &[
            "Wat is vermoedelijk het probleem?",
            "Wat zijn de oorzaken van het probleem?",
            "Wat is de omvang van het probleem?",
            "Wat is het huidige beleid en wat leren we van de evaluatie daarvan?",
            "Wat gebeurt er als de overheid niets doet? (Nuloptie) Wat rechtvaardigt overheidsinterventie?",
        ],
        help: "Sorteer in de probleemanalyse niet voor op oplossingsrichtingen of beleidsinstrumenten; consulteer de belanghebbenden.",
        source_url: "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas/1-wat-het-probleem",
        verbatim: true,
        required: true,
    },
    Question {
        key: "doel",
        number: "2",
        text: "Wat is het beoogde doel?",
        sub_questions: &[
            "Wat zijn de beleidsdoelen?",
            "Aan welke Sustainable Development Goals (SDG's) en uitkomsten van brede welvaart dragen de doelen bij?",
            "Zijn er specifieke randvoorwaarden en criteria die volgen uit de probleemanalyse of uit budgettaire of andere beperkingen?",
        ],
        help: "Concrete doelen maken monitoring en evaluatie mogelijk (artikel 3.1 Comptabiliteitswet 2016). De hulpvragen zijn onze vertaling van de Engelse pagina https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/policy-compass-english-beleidskompas/2-what-intended-goal.",
        source_url: "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas/2-wat-het-beoogde-doel",
        verbatim: false,
        required: true,
    },
    Question {
        key: "opties",
        number: "3",
        text: "Wat zijn opties om het doel te realiseren?",
        sub_questions: &[
            "Wat zijn kansrijke aangrijpingspunten voor beleid gegeven de voorgaande probleem- en oorzakenanalyse, doelenboom en gedragsanalyse en overige informatiebronnen, zoals evaluaties van eerder beleid?",
            "Wat zijn kansrijke beleidsopties voor de aangrijpingspunten?",
            "Wat is de beleidstheorie per kansrijke beleidsoptie?",
        ],
        help: "\"Neem hierbij altijd de nuloptie mee\": de nuloptie houdt in dat het bestaande beleid zonder wijzigingen wordt gehandhaafd. Leg de opties vast als lijst en markeer de nuloptie.",
        source_url: "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas/3-wat-zijn-opties-om-het-doel-te-realiseren",
        verbatim: true,
        required: true,
    },
    Question {
        key: "gevolgen",
        number: "4",
        text: "Wat zijn de gevolgen van deze opties?",
        sub_questions: &[
            "Wat zijn de mogelijke gevolgen van een beleidsoptie voor de mens, maatschappij en milieu?",
            "Hoe zijn de mogelijke gevolgen van een beleidsoptie verdeeld over verschillende doelgroepen (denk aan gender, leeftijdsgroepen, regio etc.)?",
            "Wat zijn de mogelijke gevolgen van een beleidsoptie buiten Nederland (gevolgen elders)?",
            "Wat zijn de mogelijke gevolgen van een beleidsoptie voor toekomstige generaties (gevolgen later)?",
            "Welke verplichte toetsen moet ik uitvoeren om de mogelijke gevolgen van een beleidsoptie verder in kaart te brengen?",
            "Welke andere hulpmiddelen kan ik gebruiken om de mogelijke gevolgen van een beleidsoptie verder in kaart te brengen?",
        ],
        help: "Gebruik de Gevolgenscan (ca. 60 vragen onder Mens, Maatschappij en Milieu), in multidisciplinaire samenwerking.",
        source_url: "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas/4-wat-zijn-de-gevolgen-van-deze-opties",
        verbatim: true,
        required: true,
    },
    Question {
        key: "voorkeursoptie",
        number: "5",
        text: "Wat is de voorkeursoptie?",
        sub_questions: &[
            "Beschrijf je voorkeursoptie",
            "Hoe beoordeel je de gekozen optie in termen van: i. Doeltreffendheid en doelmatigheid; ii. Uitvoerbaarheid voor alle relevante partijen (inclusief doenvermogen, regeldruk, handhaving en ICT-gevolgen); iii. Brede maatschappelijke impact",
            "Wat zijn de risico's en onzekerheden in dit voorstel?",
            "Hoe ziet de voorgenomen monitoring en evaluatie eruit?",
        ],
        help: "\"Na uitwerking van de voorkeursoptie start in deze fase ook de formele uitvoeringstoets(en)\": hier valt de uitvoeringstoets van de UDO.",
        source_url: "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/beleidskompas/5-wat-de-voorkeursoptie",
        verbatim: true,
        required: true,
    },
];

/// The Beleidskompas. It replaced the IAK "in 2023" (announced 20 October 2022, ATR,
/// <https://www.atr-regeldruk.nl/doorontwikkeling-iak-naar-beleidskompas/>); the day, 1 January
/// 2023, is our reading.
pub const BELEIDSKOMPAS_2023: QuestionSet = QuestionSet {
    framework: Framework::Beleidskompas,
    version: 1,
    valid_from: date(2023, 1, 1),
    source_url: BK,
    questions: BELEIDSKOMPAS_QUESTIONS,
    zero_option_question: Some("opties"),
};

const IAK: &str = "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/integraal-afwegingskader-voor-beleid-en-regelgeving";

const fn iak(key: &'static str, number: &'static str, text: &'static str) -> Question {
    Question {
        key,
        number,
        text,
        sub_questions: &[],
        help: "\"Elk voorstel voor beleid of regelgeving dat wordt voorgelegd aan het parlement moet een adequaat antwoord bevatten op de 7 IAK-vragen.\"",
        source_url: IAK,
        verbatim: true,
        required: true,
    }
}

const IAK_QUESTIONS: &[Question] = &[
    iak("aanleiding", "1", "Wat is de aanleiding?"),
    iak("betrokkenen", "2", "Wie zijn betrokken?"),
    iak("probleem", "3", "Wat is het probleem?"),
    iak("doel", "4", "Wat is het doel?"),
    iak("rechtvaardiging", "5", "Wat rechtvaardigt overheidsinterventie?"),
    iak("instrument", "6", "Wat is het beste instrument?"),
    iak("gevolgen", "7", "Wat zijn de gevolgen?"),
];

/// The IAK: applied structurally "vanaf 14 april 2011" (kcbr.nl, Geschiedenis Beleidskompas,
/// citing Kamerstuk 29515, nr. 330).
pub const IAK_2011: QuestionSet = QuestionSet {
    framework: Framework::Iak,
    version: 1,
    valid_from: date(2011, 4, 14),
    source_url: IAK,
    questions: IAK_QUESTIONS,
    zero_option_question: None,
};

/// Every set, oldest first.
pub const QUESTION_SETS: &[QuestionSet] = &[IAK_2011, BELEIDSKOMPAS_2023];

/// IAK question key → the Beleidskompas question it feeds (our choice): the problem, the goal,
/// the best instrument (an option) and the consequences; "wie zijn betrokken" feeds the
/// recurring question on belanghebbenden; "aanleiding" and "rechtvaardiging" feed question 1
/// (whose fifth hulpvraag asks what justifies intervention).
pub const IAK_TO_BELEIDSKOMPAS: &[(&str, &str)] = &[
    ("aanleiding", "probleem"),
    ("betrokkenen", "belanghebbenden"),
    ("probleem", "probleem"),
    ("doel", "doel"),
    ("rechtvaardiging", "probleem"),
    ("instrument", "opties"),
    ("gevolgen", "gevolgen"),
];
