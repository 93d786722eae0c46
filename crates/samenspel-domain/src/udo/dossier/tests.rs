use proptest::prelude::*;

use super::fixtures::{day, input};
use super::*;

type Spoil = Box<dyn Fn(&mut DossierInput)>;

fn fields(errors: &crate::ValidationErrors) -> Vec<&str> {
    errors.errors.iter().map(|e| e.field.as_str()).collect()
}

fn refused(input: &DossierInput) -> Vec<String> {
    fields(&input.parse().unwrap_err())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_complete_input_parses_into_the_dossier() {
    let d = input().parse().unwrap();
    assert_eq!(d.ministry.as_str(), "MNRE1025");
    assert_eq!(d.form, RegulationForm::Wet);
    assert_eq!(
        d.layers,
        vec![GovernmentLayer::Gemeenten, GovernmentLayer::Provincies]
    );
    assert_eq!(d.scope, UdoScope::Uitgebreid);
    assert_eq!(d.phase, LegislativePhase::InVoorbereiding);
    assert_eq!(d.koepels_concerned(), vec![Koepel::Vng, Koepel::Ipo]);
    assert_eq!(d.koepel(Koepel::Vng).unwrap().asked_on, day(2026, 1, 10));
    assert_eq!(d.koepel(Koepel::Ipo).unwrap().judgement, None);
    assert_eq!(d.koepel(Koepel::Uvw), None);
    assert_eq!(d.aspects.policy_freedom, Some(PolicyFreedom::Dwingend));
    assert_eq!(d.aspects.governments_affected, Some(354));
    assert_eq!(d.aspects.deviation_from_principles, None);
    assert_eq!(
        d.advice_at(CheckMoment::AmbtelijkVoorportaal).unwrap().given_on,
        day(2026, 2, 1)
    );
    assert_eq!(d.advice_at(CheckMoment::Onderraad), None);
    assert_eq!(d.collaborations, vec![12, 7], "duplicates are dropped");
    assert_eq!(
        d.kompas.answer("beleidskompas", 1, "probleem"),
        Some("Te lange wachttijden.")
    );
    assert_eq!(d.kompas.answer("beleidskompas", 2, "probleem"), None);
    assert_eq!(d.kompas.of("iak", 1)["aanleiding"], "Een motie.");
    assert_eq!(
        d.kompas.parts[0].framework, "beleidskompas",
        "sorted by framework"
    );
    let plan = d.consultation.unwrap();
    assert_eq!(
        plan.co_governments,
        Period {
            opens: day(2026, 4, 1),
            closes: day(2026, 5, 31)
        }
    );
    assert_eq!(plan.internet.unwrap().closes, day(2026, 5, 6));
    assert!(d.financial.is_some());
    assert!(d.has_financial_consequences());
    assert!(d.affects(GovernmentLayer::Gemeenten) && !d.affects(GovernmentLayer::Waterschappen));
}

#[test]
fn an_empty_input_names_every_required_field() {
    assert_eq!(
        refused(&DossierInput::default()),
        [
            "ministry",
            "title",
            "summary",
            "form",
            "scope",
            "scope_reason",
            "phase"
        ]
    );
}

#[test]
fn each_wrong_field_is_named() {
    let cases: Vec<(&str, Spoil)> = vec![
        ("ministry", Box::new(|i| i.ministry = "ü".into())),
        ("form", Box::new(|i| i.form = "verordening".into())),
        ("layers[1]", Box::new(|i| i.layers[1] = "rijk".into())),
        ("scope", Box::new(|i| i.scope = "middel".into())),
        ("phase", Box::new(|i| i.phase = "senaat".into())),
        (
            "koepels[0].koepel",
            Box::new(|i| i.koepels[0].koepel = "ibo".into()),
        ),
        (
            "koepels[1].asked_on",
            Box::new(|i| i.koepels[1].asked_on = "gisteren".into()),
        ),
        (
            "koepels[1].koepel",
            Box::new(|i| i.koepels[1].koepel = "vng".into()),
        ),
        (
            "aspects.policy_freedom",
            Box::new(|i| i.aspects.policy_freedom = "los".into()),
        ),
        (
            "aspects.governments_affected",
            Box::new(|i| i.aspects.governments_affected = "-3".into()),
        ),
        ("aspects.tasks", Box::new(|i| i.aspects.tasks = "a\u{7}b".into())),
        (
            "bzk_advice[1].moment",
            Box::new(|i| i.bzk_advice[1].moment = "ambtelijk-voorportaal".into()),
        ),
        (
            "bzk_advice[0].advice",
            Box::new(|i| i.bzk_advice[0].advice = " ".into()),
        ),
        (
            "collaborations[1]",
            Box::new(|i| i.collaborations[1] = "zeven".into()),
        ),
        (
            "collaborations[0]",
            Box::new(|i| i.collaborations[0] = "0".into()),
        ),
        (
            "kompas[1].framework",
            Box::new(|i| i.kompas[1].framework = "IAK!".into()),
        ),
        (
            "kompas[0].version",
            Box::new(|i| i.kompas[0].version = "0".into()),
        ),
        (
            "kompas[2].question",
            Box::new(|i| {
                let again = i.kompas[0].clone();
                i.kompas.push(again);
            }),
        ),
        (
            "financial.rows[0].structural",
            Box::new(|i| {
                if let Some(f) = i.financial.as_mut() {
                    f.rows[0].structural = "-5".into();
                }
            }),
        ),
        (
            "financial.funding",
            Box::new(|i| {
                if let Some(f) = i.financial.as_mut() {
                    f.funding = "subsidie".into();
                }
            }),
        ),
        (
            "consultation.co_governments_closes",
            Box::new(|i| {
                if let Some(c) = i.consultation.as_mut() {
                    c.co_governments_closes = "2026-03-01".into();
                }
            }),
        ),
        (
            "consultation.internet_opens",
            Box::new(|i| {
                if let Some(c) = i.consultation.as_mut() {
                    c.internet_opens = String::new();
                }
            }),
        ),
    ];
    for (field, spoil) in cases {
        let mut wrong = input();
        spoil(&mut wrong);
        assert_eq!(refused(&wrong), [field], "{field}");
    }
}

#[test]
fn refusals_say_what_is_wrong_in_dutch() {
    let mut wrong = input();
    wrong.form = "verordening".into();
    wrong.aspects.governments_affected = "veel".into();
    let errors = wrong.parse().unwrap_err();
    assert!(
        errors
            .for_field("form")
            .unwrap()
            .contains("wet, amvb, ministeriele-regeling, beleid")
    );
    assert_eq!(
        errors.for_field("aspects.governments_affected").unwrap().dutch(),
        "'veel' is geen aantal; vul een heel getal in (0 of meer)."
    );
}

#[test]
fn empty_optional_parts_are_left_out() {
    let mut bare = input();
    bare.financial = None;
    bare.consultation = None;
    bare.kompas.clear();
    bare.aspects = AspectsInput::default();
    bare.financial_consequences_expected = false;
    let d = bare.parse().unwrap();
    assert_eq!(d.financial, None);
    assert_eq!(d.consultation, None);
    assert_eq!(d.kompas, KompasParts::default());
    assert_eq!(d.aspects.policy_freedom, None);
    assert_eq!(d.aspects.compensation, None);
    assert!(!d.has_financial_consequences());
}

#[test]
fn each_layer_has_its_koepel() {
    let koepels: Vec<Koepel> = GovernmentLayer::ALL.iter().map(|l| l.koepel()).collect();
    assert_eq!(koepels, Koepel::ALL);
}

#[test]
fn the_input_reads_from_json() {
    let json = serde_json::json!({
        "ministry": "MNRE1025", "title": "T", "summary": "S", "form": "beleid",
        "layers": ["waterschappen"], "scope": "beperkt", "scope_reason": "Klein.",
        "phase": "aangenomen", "aspects": {"medebewind": true},
        "kompas": [{"framework": "iak", "version": "1", "question": "aanleiding", "answer": "Een motie."}]
    });
    let d: DossierInput = serde_json::from_value(json).unwrap();
    let d = d.parse().unwrap();
    assert_eq!(d.layers, [GovernmentLayer::Waterschappen]);
    assert!(d.aspects.medebewind);
    assert_eq!(d.kompas.answer("iak", 1, "aanleiding"), Some("Een motie."));
}

proptest! {
    #[test]
    fn no_text_makes_the_parse_panic(text in "\\PC{0,40}", n in 0usize..3) {
        let mut any = input();
        any.ministry = text.clone();
        any.form = text.clone();
        any.layers.push(text.clone());
        any.koepels[n % 2].asked_on = text.clone();
        any.aspects.governments_affected = text.clone();
        any.aspects.policy_freedom = text.clone();
        any.bzk_advice[n % 2].given_on = text.clone();
        any.collaborations.push(text.clone());
        any.kompas.push(KompasPartInput { framework: text.clone(), version: text.clone(), question: text.clone(), answer: text.clone() });
        if let Some(f) = any.financial.as_mut() {
            f.rows[n].structural = text.clone();
            f.rows[n].year = text.clone();
            f.consulted_bzk_on = text.clone();
        }
        if let Some(c) = any.consultation.as_mut() {
            c.internet_closes = text.clone();
        }
        let _ = any.parse();
    }
}

#[test]
fn the_dossier_travels_as_json_with_its_keys() {
    let json = serde_json::to_value(input().parse().unwrap()).unwrap();
    assert_eq!(json["form"], "wet");
    assert_eq!(json["layers"], serde_json::json!(["gemeenten", "provincies"]));
    assert_eq!(json["koepels"][0]["koepel"], "vng");
    assert_eq!(json["bzk_advice"][0]["moment"], "ambtelijk-voorportaal");
    assert_eq!(json["financial"]["rows"][0]["structural"], 500_000_000);
    assert_eq!(json["financial"]["funding"], "algemene-uitkering");
    assert_eq!(json["consultation"]["co_governments"]["closes"], "2026-05-31");
}
