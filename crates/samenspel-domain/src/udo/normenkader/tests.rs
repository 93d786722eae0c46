use super::*;
use crate::money::Cents;
use crate::udo::dossier::fixtures::{day, dossier};
use crate::udo::dossier::{GovernmentLayer, Koepel, Period, RegulationForm};
use crate::udo::financial::FundingMethod;
use Outcome::{NietVanToepassing as Nvt, Voldoet, VoldoetNiet};

type Change = fn(&mut Dossier);

fn check(key: &str, d: &Dossier) -> RuleCheck {
    evaluate(d).into_iter().find(|c| c.key == key).unwrap()
}

fn no_layers(d: &mut Dossier) {
    d.layers.clear();
}

fn no_paragraph(d: &mut Dossier) {
    d.financial = None;
}

fn paragraph(d: &mut Dossier) -> &mut crate::udo::financial::FinancialParagraph {
    d.financial.as_mut().unwrap()
}

/// Per rule: a change to the complete dossier, the outcome it gives and words of the reason.
const CASES: &[(&str, Change, Outcome, &str)] = &[
    ("financiele-paragraaf-aanwezig", |_| {}, Voldoet, "is er"),
    (
        "financiele-paragraaf-aanwezig",
        no_paragraph,
        VoldoetNiet,
        "geen financiële paragraaf",
    ),
    (
        "financiele-paragraaf-aanwezig",
        no_layers,
        Nvt,
        "geen decentrale bestuurslaag",
    ),
    (
        "financiele-paragraaf-aanwezig",
        |d| {
            d.form = RegulationForm::Beleid;
            d.financial_consequences_expected = false;
            d.financial = None;
        },
        Nvt,
        "zo nodig",
    ),
    ("financiele-gevolgen-per-laag", |_| {}, Voldoet, "Elke geraakte"),
    (
        "financiele-gevolgen-per-laag",
        |d| {
            paragraph(d)
                .rows
                .retain(|r| r.layer != GovernmentLayer::Provincies)
        },
        VoldoetNiet,
        "Zonder bedragen: Provincies.",
    ),
    (
        "financiele-gevolgen-per-laag",
        no_paragraph,
        VoldoetNiet,
        "geen financiële paragraaf",
    ),
    (
        "financiele-gevolgen-per-laag",
        |d| {
            d.form = RegulationForm::Amvb;
            d.financial_consequences_expected = false;
            d.financial = None;
        },
        Nvt,
        "zo nodig",
    ),
    ("bekostigingswijze-vermeld", |_| {}, Voldoet, "algemene uitkering"),
    (
        "bekostigingswijze-vermeld",
        |d| paragraph(d).funding = None,
        VoldoetNiet,
        "niet vermeld",
    ),
    (
        "bekostigingswijze-vermeld",
        |d| paragraph(d).funding = Some(FundingMethod::Geen),
        VoldoetNiet,
        "€ 12.250.000,50",
    ),
    (
        "bekostigingswijze-vermeld",
        |d| {
            let p = paragraph(d);
            p.funding = Some(FundingMethod::Geen);
            for row in &mut p.rows {
                row.structural = Cents::ZERO;
                row.incidental = Cents::ZERO;
            }
        },
        Voldoet,
        "geen bekostiging",
    ),
    (
        "bekostigingswijze-vermeld",
        no_layers,
        Nvt,
        "geen decentrale bestuurslaag",
    ),
    (
        "medebewind-kosten-gemeenten",
        |_| {},
        Voldoet,
        "door het Rijk vergoed via: algemene uitkering",
    ),
    (
        "medebewind-kosten-gemeenten",
        |d| paragraph(d).funding = Some(FundingMethod::EigenMiddelen),
        VoldoetNiet,
        "gemeenten (€ 11.250.000,50) worden niet",
    ),
    (
        "medebewind-kosten-gemeenten",
        |d| {
            paragraph(d)
                .rows
                .retain(|r| r.layer != GovernmentLayer::Gemeenten)
        },
        VoldoetNiet,
        "niet becijferd",
    ),
    (
        "medebewind-kosten-gemeenten",
        |d| {
            let p = paragraph(d);
            p.funding = None;
            p.rows.iter_mut().for_each(|r| r.structural = Cents::ZERO);
            p.rows.iter_mut().for_each(|r| r.incidental = Cents::ZERO);
        },
        Voldoet,
        "niets",
    ),
    (
        "medebewind-kosten-gemeenten",
        |d| d.aspects.medebewind = false,
        Nvt,
        "geen medebewind",
    ),
    (
        "medebewind-kosten-gemeenten",
        |d| d.layers = vec![GovernmentLayer::Provincies],
        Nvt,
        "geen gemeenten",
    ),
    (
        "medebewind-kosten-provincies",
        |_| {},
        Voldoet,
        "provincies (€ 1.000.000,00)",
    ),
    (
        "medebewind-kosten-provincies",
        |d| paragraph(d).funding = Some(FundingMethod::Geen),
        VoldoetNiet,
        "niet door het Rijk",
    ),
    (
        "medebewind-kosten-provincies",
        |d| d.aspects.medebewind = false,
        Nvt,
        "geen medebewind",
    ),
    (
        "medebewind-kosten-provincies",
        |d| d.layers = vec![GovernmentLayer::Gemeenten],
        Nvt,
        "geen provincies",
    ),
    (
        "plan-en-verslagverplichtingen-gecompenseerd",
        |_| {},
        Voldoet,
        "is vermeld",
    ),
    (
        "plan-en-verslagverplichtingen-gecompenseerd",
        |d| d.aspects.compensation = None,
        VoldoetNiet,
        "zonder compensatie",
    ),
    (
        "plan-en-verslagverplichtingen-gecompenseerd",
        |d| d.aspects.plan_or_report_obligations = false,
        Nvt,
        "geen plan-",
    ),
    ("oordeel-koepels-gevraagd", |_| {}, Voldoet, "is gevraagd"),
    (
        "oordeel-koepels-gevraagd",
        |d| d.koepels.retain(|k| k.koepel != Koepel::Ipo),
        VoldoetNiet,
        "het oordeel van IPO",
    ),
    (
        "oordeel-koepels-gevraagd",
        |d| {
            d.layers.push(GovernmentLayer::Waterschappen);
            d.koepels.clear();
        },
        VoldoetNiet,
        "VNG, IPO, Unie van Waterschappen",
    ),
    (
        "oordeel-koepels-gevraagd",
        no_layers,
        Nvt,
        "geen decentrale bestuurslaag",
    ),
    (
        "bzk-geraadpleegd-voor-ministerraad",
        |_| {},
        Voldoet,
        "01-02-2026 (ambtelijk voorportaal)",
    ),
    (
        "bzk-geraadpleegd-voor-ministerraad",
        |d| d.bzk_advice.clear(),
        VoldoetNiet,
        "nog niet geadviseerd",
    ),
    (
        "bzk-geraadpleegd-voor-ministerraad",
        |d| d.bzk_advice[0].given_on = day(2026, 9, 2),
        VoldoetNiet,
        "pas na de ministerraad",
    ),
    (
        "bzk-geraadpleegd-voor-ministerraad",
        no_layers,
        Nvt,
        "geen decentrale bestuurslaag",
    ),
    ("decentraal-wat-kan", |_| {}, Voldoet, "legt uit"),
    (
        "decentraal-wat-kan",
        |d| d.aspects.allocation_reason = None,
        VoldoetNiet,
        "niet centraal",
    ),
    (
        "decentraal-wat-kan",
        |d| {
            d.aspects.allocation_reason = None;
            d.aspects.mandatory_cooperation = true;
        },
        VoldoetNiet,
        "verplicht tot samenwerking",
    ),
    (
        "decentraal-wat-kan",
        no_layers,
        Nvt,
        "geen decentrale bestuurslaag",
    ),
    (
        "consultatietermijn-medeoverheden",
        |_| {},
        Voldoet,
        "01-04-2026 tot en met 31-05-2026",
    ),
    (
        "consultatietermijn-medeoverheden",
        |d| {
            if let Some(c) = d.consultation.as_mut() {
                c.co_governments.closes = day(2026, 5, 30);
            }
        },
        VoldoetNiet,
        "korter dan twee maanden",
    ),
    (
        "consultatietermijn-medeoverheden",
        |d| d.consultation = None,
        Nvt,
        "geen consultatie gepland",
    ),
    ("termijn-internetconsultatie", |_| {}, Voldoet, "36 dagen"),
    (
        "termijn-internetconsultatie",
        |d| {
            if let Some(c) = d.consultation.as_mut() {
                c.internet = Some(Period {
                    opens: day(2026, 4, 1),
                    closes: day(2026, 4, 27),
                });
            }
        },
        VoldoetNiet,
        "27 dagen",
    ),
    (
        "termijn-internetconsultatie",
        |d| {
            if let Some(c) = d.consultation.as_mut() {
                c.internet = Some(Period {
                    opens: day(2026, 4, 1),
                    closes: day(2026, 6, 24),
                });
            }
        },
        VoldoetNiet,
        "85 dagen",
    ),
    (
        "termijn-internetconsultatie",
        |d| {
            if let Some(c) = d.consultation.as_mut() {
                c.internet = None;
            }
        },
        Nvt,
        "geen internetconsultatie",
    ),
    (
        "termijn-internetconsultatie",
        |d| d.consultation = None,
        Nvt,
        "geen internetconsultatie",
    ),
];

#[test]
fn each_case_gives_its_outcome_and_reason() {
    for (key, change, outcome, words) in CASES {
        let mut d = dossier();
        change(&mut d);
        let checked = check(key, &d);
        assert_eq!(checked.outcome, *outcome, "{key}: {}", checked.explanation);
        assert!(
            checked.explanation.contains(words),
            "{key}: '{}' lacks '{words}'",
            checked.explanation
        );
    }
}

#[test]
fn every_rule_has_all_three_outcomes_tested() {
    for rule in NORMENKADER {
        for outcome in [Voldoet, VoldoetNiet, Nvt] {
            assert!(
                CASES.iter().any(|(k, _, o, _)| *k == rule.key && *o == outcome),
                "{} lacks a {outcome:?} case",
                rule.key
            );
        }
    }
}

#[test]
fn the_complete_dossier_meets_every_rule() {
    let checks = evaluate(&dossier());
    assert_eq!(checks.len(), NORMENKADER.len());
    assert!(checks.iter().all(|c| c.outcome == Voldoet), "{checks:#?}");
}

#[test]
fn every_rule_has_one_gate_and_its_source() {
    let mut keys: Vec<&str> = NORMENKADER.iter().map(|r| r.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), NORMENKADER.len(), "keys are unique");
    let mut gated: Vec<&str> = GATES.iter().map(|(k, _)| *k).collect();
    gated.sort_unstable();
    assert_eq!(gated, keys, "each rule has exactly one gate");
    for rule in NORMENKADER {
        let citation = rule.source.citation();
        assert!(!citation.is_empty(), "{}", rule.key);
        if let Source::Law { bwb_id, .. } = rule.source {
            assert!(citation.contains(bwb_id));
        }
        assert_eq!(rule.valid_from, date(2023, 1, 1));
    }
    assert_eq!(
        check("medebewind-kosten-gemeenten", &dossier()).source.dutch(),
        "Gemeentewet, artikel 108, lid 3 (BWBR0005416)"
    );
    assert!(
        check("consultatietermijn-medeoverheden", &dossier())
            .source
            .contains("twee maanden")
    );
    assert!(
        check("decentraal-wat-kan", &dossier())
            .source
            .contains("Onze lezing")
    );
    assert_eq!(NORMENKADER_VERSION, "samenspel-2026-1 (onze lezing)");
}

#[test]
fn the_gates_follow_the_workflow() {
    let d = {
        let mut d = dossier();
        d.financial = None;
        d.bzk_advice.clear();
        d
    };
    let keys = |to| failing_for(to, &d).into_iter().map(|c| c.key).collect::<Vec<_>>();
    assert!(keys(UdoState::Toets).is_empty());
    assert_eq!(
        keys(UdoState::Uitkomst),
        [
            "financiele-paragraaf-aanwezig",
            "financiele-gevolgen-per-laag",
            "bekostigingswijze-vermeld",
            "medebewind-kosten-gemeenten",
            "medebewind-kosten-provincies"
        ]
    );
    assert_eq!(
        keys(UdoState::Vastgesteld).last(),
        Some(&"bzk-geraadpleegd-voor-ministerraad")
    );
    assert_eq!(names(&failing_for(UdoState::Uitkomst, &d)).items().len(), 5);
}

#[test]
fn the_co_government_term_is_two_calendar_months() {
    let term = |opens, closes| meets_co_government_term(Period { opens, closes });
    assert!(term(day(2026, 3, 1), day(2026, 4, 30)));
    assert!(!term(day(2026, 3, 1), day(2026, 4, 29)));
    assert!(
        term(day(2026, 12, 31), day(2027, 2, 27)),
        "31 December + 2 months is 28 February"
    );
    assert!(!term(day(2026, 12, 31), day(2027, 2, 26)));
    assert_eq!(
        days(Period {
            opens: day(2026, 1, 1),
            closes: day(2026, 1, 1)
        }),
        1
    );
}
