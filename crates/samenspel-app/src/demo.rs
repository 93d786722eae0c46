//! Demonstration data: the three ROB cases (MIRT, RES, Regio Deals) as collaborations whose
//! partners' stances reproduce the profiles of annex III, plus realistic examples with
//! disagreements and unmotivated deviations. Every name says it is a demonstration, and the
//! collaborations carry a demo key, so loading twice changes nothing.

use samenspel_domain::audit::Actor;
use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::partnership::{Dimension, ScoreValue, StanceInput};

use crate::{App, AppResult, PartnerInput, Principal};

struct DemoStance {
    code: &'static str,
    phase: Option<&'static str>,
    scores: [u8; 6],
    motivations: &'static [(Dimension, &'static str)],
}

struct DemoCollaboration {
    key: &'static str,
    name: &'static str,
    kind: &'static str,
    task: &'static str,
    public_value: &'static str,
    region: &'static str,
    start: &'static str,
    end: &'static str,
    phases: &'static [&'static str],
    partners: &'static [(&'static str, &'static str)],
    /// (partner, year, euro, instrument, status): illustrative figures, not real budgets.
    money: &'static [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )],
    /// The democratic control as the API takes it (JSON), or empty; illustrative dates.
    control: &'static str,
    /// (partner, its side of Moore's triangle as the API takes it): illustrative.
    moore: &'static [(&'static str, &'static str)],
    /// In the order stated; a later stance of the same partner and phase supersedes an
    /// earlier one, which stays as history.
    stances: &'static [DemoStance],
}

use Dimension::*;

const DEMO: &[DemoCollaboration] = &[
    DemoCollaboration {
        key: "rob-mirt",
        name: "MIRT-gebiedsagenda Oost-Nederland (demonstratie)",
        kind: "mirt",
        task: "Duurzame verbetering van de bereikbaarheid van Oost-Nederland via de gebiedsagenda en het jaarlijkse Bestuurlijk Overleg MIRT.",
        public_value: "Bereikbaarheid",
        region: "MIRT-regio Oost-Nederland",
        start: "2020-01-01",
        end: "",
        phases: &["verkenning", "planuitwerking", "realisatie"],
        money: &[],
        control: "",
        moore: &[],
        partners: &[("MNRE1130", "trekker"), ("PV25", "partner"), ("PV23", "partner")],
        stances: &[
            DemoStance {
                code: "MNRE1130",
                phase: None,
                scores: [3, 1, 1, 5, 1, 5],
                motivations: &[
                    (
                        DecentraleMiddelen,
                        "Het Rijk financiert de infrastructuur grotendeels uit het Mobiliteitsfonds.",
                    ),
                    (
                        EisenAanUitvoering,
                        "Het Rijk stelt hoge eisen; één beslismoment per jaar in het BO MIRT (ROB 2021, tabel 3.1).",
                    ),
                    (
                        VerantwoordelijkheidUitvoering,
                        "Rijkswaterstaat voert de rijksprojecten zelf uit.",
                    ),
                    (
                        VerantwoordingAanRijk,
                        "Projecten volgen de MIRT-spelregels met verantwoording aan het Rijk.",
                    ),
                ],
            },
            DemoStance {
                code: "PV25",
                phase: None,
                scores: [3, 1, 1, 5, 1, 5],
                motivations: &[],
            },
            DemoStance {
                code: "PV23",
                phase: None,
                scores: [3, 1, 1, 5, 1, 5],
                motivations: &[(
                    EisenAanUitvoering,
                    "De provincie erkent de MIRT-spelregels als kader.",
                )],
            },
        ],
    },
    DemoCollaboration {
        key: "rob-res",
        name: "RES-regio Noord-Holland Zuid (demonstratie)",
        kind: "res",
        task: "Duurzame elektriciteit op land opwekken en de regionale warmtevoorziening organiseren, binnen de kaders van het Klimaatakkoord.",
        public_value: "Duurzame energie",
        region: "RES-regio Noord-Holland Zuid",
        start: "2019-07-01",
        end: "",
        phases: &["concept-RES", "RES 1.0", "uitvoering"],
        money: &[
            (
                "MNRE1045",
                "2021",
                "2.000.000",
                "decentralisatie-uitkering",
                "gerealiseerd",
            ),
            ("PV27", "2021", "300.000", "eigen-middelen", "gerealiseerd"),
            ("GM0363", "2021", "500.000", "eigen-middelen", "begroot"),
        ],
        control: r#"{"bodies": ["gemeenteraden", "provinciale-staten", "tweede-kamer"],
            "responsible_minister": "MNRE1045", "next_evaluation": "2027-12-01",
            "moments": [
                {"kind": "kaderstelling", "date": "2027-03-15", "body": "gemeenteraden", "description": "RES 3.0 ter vaststelling"},
                {"kind": "verantwoording", "date": "2027-06-30", "body": "provinciale-staten", "description": "Voortgangsrapportage RES 2026"}
            ]}"#,
        moore: &[],
        partners: &[
            ("MNRE1045", "trekker"),
            ("MNRE1034", "partner"),
            ("PV27", "partner"),
            ("GM0363", "partner"),
            ("GM0392", "partner"),
            ("WS0155", "partner"),
        ],
        stances: &[
            DemoStance {
                code: "MNRE1045",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[
                    (
                        BeleidsambitieRijk,
                        "De opgave van 35 TWh volgt uit het Klimaatakkoord.",
                    ),
                    (
                        VerplichtKarakter,
                        "Deelname wordt verwacht op grond van het Klimaatakkoord.",
                    ),
                ],
            },
            DemoStance {
                code: "MNRE1034",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[],
            },
            DemoStance {
                code: "PV27",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[],
            },
            DemoStance {
                code: "GM0363",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[(
                    VerantwoordelijkheidUitvoering,
                    "De regio voert uit met eigen uren en middelen.",
                )],
            },
            DemoStance {
                code: "GM0392",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[],
            },
            DemoStance {
                code: "WS0155",
                phase: None,
                scores: [5, 3, 2, 2, 4, 3],
                motivations: &[],
            },
        ],
    },
    DemoCollaboration {
        key: "rob-regio-deal",
        name: "Regio Deal Parkstad Limburg (demonstratie)",
        kind: "regio-deal",
        task: "Duurzame versterking van de brede welvaart in de regio, met gelijke inbreng van Rijk en regio.",
        public_value: "Brede welvaart",
        region: "Parkstad Limburg",
        start: "2019-06-01",
        end: "2025-12-31",
        phases: &["uitvraag", "uitvoering", "evaluatie"],
        money: &[
            (
                "MNRE1153",
                "2020",
                "7.500.000",
                "regio-deal-bijdrage",
                "toegezegd",
            ),
            ("PV31", "2020", "3.750.000", "eigen-middelen", "toegezegd"),
            ("GM0917", "2020", "2.500.000", "eigen-middelen", "begroot"),
            ("GM0928", "2020", "1.250.000", "eigen-middelen", "begroot"),
        ],
        control: r#"{"bodies": ["gemeenteraden", "provinciale-staten", "tweede-kamer"],
            "responsible_minister": "MNRE1153", "next_evaluation": "2026-06-30",
            "moments": [{"kind": "verantwoording", "date": "2027-04-01", "body": "gemeenteraden", "description": "Eindverantwoording Regio Deal"}]}"#,
        moore: &[
            (
                "GM0917",
                r#"{"public_value": "Brede welvaart in Parkstad: werk, wonen en gezondheid op het Nederlandse gemiddelde", "mandate": "Raadsbesluit over de Regio Deal (illustratief)", "support": "breed", "fte": "4", "processes": "Programmabureau Parkstad, stuurgroep met Rijk en provincie, halfjaarlijkse voortgangsrapportage"}"#,
            ),
            (
                "PV31",
                r#"{"public_value": "Een vitale grensregio", "mandate": "Besluit van Gedeputeerde Staten (illustratief)", "support": "redelijk", "fte": "1,5"}"#,
            ),
        ],
        partners: &[
            ("GM0917", "trekker"),
            ("MNRE1153", "financier"),
            ("MNRE1034", "partner"),
            ("PV31", "financier"),
            ("GM0928", "partner"),
        ],
        stances: &[
            DemoStance {
                code: "GM0917",
                phase: None,
                scores: [3, 1, 3, 2, 5, 3],
                motivations: &[(
                    VerantwoordelijkheidUitvoering,
                    "De regio is trekker en voert de deal uit (ROB 2021, tabel 3.1).",
                )],
            },
            DemoStance {
                code: "MNRE1153",
                phase: None,
                scores: [3, 1, 3, 2, 5, 3],
                motivations: &[],
            },
            DemoStance {
                code: "MNRE1034",
                phase: None,
                scores: [3, 1, 3, 2, 5, 3],
                motivations: &[],
            },
            DemoStance {
                code: "PV31",
                phase: None,
                scores: [3, 1, 3, 2, 5, 3],
                motivations: &[],
            },
            DemoStance {
                code: "GM0928",
                phase: None,
                scores: [3, 1, 3, 2, 5, 3],
                motivations: &[],
            },
        ],
    },
    DemoCollaboration {
        key: "woondeal-voorbeeld",
        name: "Woondeal Regio Utrecht (demonstratie)",
        kind: "woondeal",
        task: "Versnelde bouw van betaalbare woningen in de regio Utrecht, met afspraken over aantallen, locaties en bijdragen.",
        public_value: "Betaalbaar wonen",
        region: "U16",
        start: "2022-10-01",
        end: "2030-12-31",
        phases: &["afspraken", "uitvoering"],
        money: &[],
        control: "",
        moore: &[],
        partners: &[
            ("MNRE1034", "trekker"),
            ("PV26", "partner"),
            ("GM0344", "partner"),
            ("GM0307", "partner"),
            ("MNRE1130", "partner"),
        ],
        stances: &[
            DemoStance {
                code: "MNRE1034",
                phase: None,
                scores: [3, 1, 3, 3, 3, 1],
                motivations: &[],
            },
            DemoStance {
                code: "GM0344",
                phase: None,
                scores: [3, 4, 2, 4, 3, 3],
                motivations: &[(
                    VerplichtKarakter,
                    "De bouwaantallen zijn in de praktijk een opdracht van het Rijk, niet vrijblijvend.",
                )],
            },
            DemoStance {
                code: "PV26",
                phase: None,
                scores: [3, 2, 3, 3, 3, 1],
                motivations: &[],
            },
            DemoStance {
                code: "GM0307",
                phase: None,
                scores: [4, 3, 2, 4, 3, 2],
                motivations: &[],
            },
            DemoStance {
                code: "MNRE1034",
                phase: None,
                scores: [4, 2, 3, 4, 3, 2],
                motivations: &[(
                    BeleidsambitieRijk,
                    "Na de Nationale Woon- en Bouwagenda weegt de rijksambitie zwaarder.",
                )],
            },
            // A second ministry that asks more account than the trekker: the Rijk does not
            // speak with one voice on the last question (issue 13, point 6).
            DemoStance {
                code: "MNRE1130",
                phase: None,
                scores: [4, 2, 3, 4, 3, 4],
                motivations: &[(
                    VerantwoordingAanRijk,
                    "Voor de bereikbaarheid van de nieuwe wijken vraagt IenW jaarlijks verantwoording over de besteding.",
                )],
            },
        ],
    },
    DemoCollaboration {
        key: "city-deal-voorbeeld",
        name: "City Deal Klimaatadaptatie Zwolle (demonstratie)",
        kind: "city-deal",
        task: "Samen met kennisinstellingen en waterschap experimenteren met klimaatadaptieve inrichting van wijken.",
        public_value: "Een klimaatbestendige stad",
        region: "Zwolle",
        start: "2023-03-01",
        end: "2026-12-31",
        phases: &["uitvraag", "uitvoering", "evaluatie"],
        money: &[],
        control: "",
        moore: &[],
        partners: &[
            ("GM0193", "trekker"),
            ("MNRE1130", "partner"),
            ("WS0664", "partner"),
            ("PV23", "partner"),
        ],
        stances: &[
            DemoStance {
                code: "GM0193",
                phase: Some("uitvraag"),
                scores: [3, 1, 3, 3, 3, 1],
                motivations: &[],
            },
            DemoStance {
                code: "MNRE1130",
                phase: Some("uitvraag"),
                scores: [3, 1, 3, 3, 3, 1],
                motivations: &[],
            },
            DemoStance {
                code: "GM0193",
                phase: Some("uitvoering"),
                scores: [3, 1, 4, 2, 5, 1],
                motivations: &[(
                    DecentraleMiddelen,
                    "De gemeente brengt het grootste deel van de uitvoeringskosten in.",
                )],
            },
            DemoStance {
                code: "MNRE1130",
                phase: Some("uitvoering"),
                scores: [3, 1, 2, 4, 3, 3],
                motivations: &[],
            },
            DemoStance {
                code: "WS0664",
                phase: Some("uitvoering"),
                scores: [3, 1, 3, 3, 4, 1],
                motivations: &[],
            },
        ],
    },
    // A collaboration of the previous cabinet: the Ministry of VRO (2 July 2024 – 23 February
    // 2026) was its trekker. It stays the partner it was; its page shows that BZK carries on
    // (issue 13, point 4).
    DemoCollaboration {
        key: "woondeal-vro-2024",
        name: "Woondeal Regio Zwolle 2024–2025 (demonstratie)",
        kind: "woondeal",
        task: "Afspraken over de bouw van betaalbare woningen in de regio Zwolle, gemaakt met het toenmalige ministerie van Volkshuisvesting en Ruimtelijke Ordening.",
        public_value: "Betaalbaar wonen",
        region: "Zwolle",
        start: "2024-09-01",
        end: "2025-12-31",
        phases: &["afspraken", "uitvoering"],
        money: &[],
        control: "",
        moore: &[],
        partners: &[
            ("MNRE1171", "trekker"),
            ("PV23", "partner"),
            ("GM0193", "partner"),
        ],
        stances: &[
            DemoStance {
                code: "MNRE1171",
                phase: None,
                scores: [3, 2, 3, 3, 3, 2],
                motivations: &[],
            },
            DemoStance {
                code: "GM0193",
                phase: None,
                scores: [3, 3, 3, 4, 3, 2],
                motivations: &[(
                    VerplichtKarakter,
                    "De aantallen uit de woondeal werken door in het eigen woningbouwprogramma.",
                )],
            },
        ],
    },
];

/// What loading the demonstration data did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoReport {
    /// Demonstration collaborations added (0 when they were there already).
    pub collaborations: usize,
    /// The import of the register of gemeenschappelijke regelingen.
    pub register: samenspel_store::ImportReport,
    /// The import of the national programmes (RES, MIRT, Regio Deals, Woondeals).
    pub programmes: samenspel_store::ImportReport,
}

/// Loads the demonstration collaborations that are not there yet, the register of
/// gemeenschappelijke regelingen and the national programmes (both idempotently).
pub async fn load(app: &App) -> AppResult<DemoReport> {
    let collaborations = load_collaborations(app).await?;
    crate::demo_survey::load(app).await?;
    let register = app
        .import_gr_register(crate::register::SHIPPED, &Principal::System("demo"), &|_, _| {})
        .await?;
    let programmes = app
        .import_programmes(crate::programmes::SHIPPED, &Principal::System("demo"), &|_, _| {})
        .await?;
    app.load_demo_participation().await?;
    app.load_demo_udo().await?;
    app.load_medebewind_starter(&Principal::System("demo")).await?;
    app.load_demo_costs().await?;
    app.load_demo_medebewind().await?;
    app.load_demo_staat().await?;
    Ok(DemoReport {
        collaborations,
        register,
        programmes,
    })
}

async fn load_collaborations(app: &App) -> AppResult<usize> {
    let who = Principal::System("demo");
    let actor = Actor::system("demo");
    let mut added = 0;
    for demo in DEMO {
        if app.store().find_demo_collaboration(demo.key).await?.is_some() {
            continue;
        }
        let input = CollaborationInput {
            name: demo.name.into(),
            kind: demo.kind.into(),
            wgr_form: String::new(),
            task: demo.task.into(),
            public_value: demo.public_value.into(),
            region: demo.region.into(),
            start_date: demo.start.into(),
            end_date: demo.end.into(),
            phases: demo.phases.iter().map(|p| (*p).to_owned()).collect(),
            ..Default::default()
        };
        let partners: Vec<PartnerInput> = demo
            .partners
            .iter()
            .map(|(code, role)| PartnerInput {
                code: (*code).into(),
                role: (*role).into(),
            })
            .collect();
        let id = app
            .create_collaboration_as(&input, &partners, Some(demo.key), &actor)
            .await?;
        for stance in demo.stances {
            app.record_stance(id, stance.code, &stance_input(stance), &who)
                .await?;
        }
        for (partner, year, euro, instrument, status) in demo.money {
            let input = samenspel_domain::money::ContributionInput {
                partner,
                year,
                amount: samenspel_domain::money::AmountInput::Euro(euro),
                instrument,
                status,
            };
            app.record_money(id, &input, &who).await?;
        }
        if !demo.control.is_empty() {
            let input: samenspel_domain::control::ControlInput = serde_json::from_str(demo.control)
                .map_err(|e| crate::AppError::internal(format!("demo control of {}: {e}", demo.key)))?;
            app.set_democratic_control(id, &input, &who).await?;
        }
        for (partner, json) in demo.moore {
            let input: samenspel_domain::moore::MooreInput = serde_json::from_str(json)
                .map_err(|e| crate::AppError::internal(format!("demo triangle of {}: {e}", demo.key)))?;
            app.state_moore(id, partner, &input, &who).await?;
        }
        app.set_published(id, true, &who).await?;
        added += 1;
    }
    Ok(added)
}

fn stance_input(stance: &DemoStance) -> StanceInput {
    StanceInput {
        phase: stance.phase.map(str::to_owned),
        scores: Dimension::ALL
            .iter()
            .map(|d| {
                (
                    d.key().to_owned(),
                    ScoreValue::Json(stance.scores[d.index()].into()),
                )
            })
            .collect(),
        motivations: stance
            .motivations
            .iter()
            .map(|(d, m)| (d.key().to_owned(), (*m).to_owned()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_domain::partnership::REFERENCE_PROFILES;

    #[test]
    fn the_rob_cases_state_the_published_profiles() {
        for (key, profile) in [
            ("rob-mirt", "mirt"),
            ("rob-res", "res"),
            ("rob-regio-deal", "regio-deals"),
        ] {
            let demo = DEMO.iter().find(|d| d.key == key).unwrap();
            let published = REFERENCE_PROFILES
                .iter()
                .find(|r| r.key == profile)
                .unwrap()
                .scores
                .values();
            assert!(demo.stances.iter().all(|s| s.scores == published), "{key}");
            assert_eq!(
                demo.stances.len(),
                demo.partners.len(),
                "every partner of {key} states a stance"
            );
        }
    }

    #[test]
    fn every_demo_is_labelled_and_states_only_as_partner() {
        for demo in DEMO {
            assert!(demo.name.ends_with("(demonstratie)"));
            for stance in demo.stances {
                assert!(
                    demo.partners.iter().any(|(c, _)| *c == stance.code),
                    "{} in {}",
                    stance.code,
                    demo.key
                );
            }
        }
    }

    #[test]
    fn every_demo_control_is_valid() {
        let with_control = DEMO.iter().filter(|d| !d.control.is_empty());
        let mut count = 0;
        for demo in with_control {
            let input: samenspel_domain::control::ControlInput = serde_json::from_str(demo.control).unwrap();
            let control = input.parse().unwrap();
            assert!(!control.moments.is_empty(), "{}", demo.key);
            count += 1;
        }
        assert_eq!(count, 2);
    }

    #[test]
    fn every_demo_triangle_is_valid_and_stated_by_a_partner() {
        for demo in DEMO {
            for (partner, json) in demo.moore {
                let input: samenspel_domain::moore::MooreInput = serde_json::from_str(json).unwrap();
                assert!(input.parse().is_ok(), "{partner} in {}", demo.key);
                assert!(demo.partners.iter().any(|(c, _)| c == partner));
            }
        }
        assert_eq!(DEMO.iter().map(|d| d.moore.len()).sum::<usize>(), 2);
    }
}
