use std::collections::BTreeMap;

use proptest::prelude::*;

use super::principles::*;
use super::*;
use crate::rules::Outcome::{NietVanToepassing as Nvt, Voldoet as V, VoldoetNiet as Vn};

const PROVINCE: ProvinceScale = ProvinceScale {
    smallest_inhabitants: 390_000,
    smallest_municipalities: 6,
};

fn facts(freedom: PolicyFreedom, alone: bool, need: ScaleNeed, justified: bool) -> TaskFacts {
    TaskFacts {
        freedom,
        municipalities_alone: alone,
        need,
        province_scale: PROVINCE,
        division: Some(DivisionFacts {
            name: "Veiligheidsregio's".into(),
            regions: 25,
            coinciding_share: 0.4,
        }),
        justification: justified.then(|| "Alleen samen haalbaar; alternatieven gewogen.".into()),
    }
}

fn outcomes(f: &TaskFacts) -> Vec<crate::rules::Outcome> {
    advise(f).iter().map(|o| o.check.outcome).collect()
}

#[test]
fn the_options_come_in_order_of_preference() {
    let layers: Vec<AllocationLayer> = advise(&facts(
        PolicyFreedom::Vrij,
        true,
        ScaleNeed::Municipalities(1),
        false,
    ))
    .iter()
    .map(|o| o.layer)
    .collect();
    assert_eq!(layers, AllocationLayer::ALL);
    for rule in rules::ALLOCATION_RULES {
        assert!(AllocationLayer::from_key(rule.key).is_some(), "{}", rule.key);
        assert!(!rule.source.citation().is_empty());
    }
}

#[test]
fn advice_row_by_row() {
    use PolicyFreedom::*;
    use ScaleNeed::*;
    let rows = [
        // municipalities can: the municipality, the rest not applicable
        (
            facts(Vrij, true, Municipalities(1), false),
            [V, Nvt, Nvt, Nvt, Nvt],
            Some(AllocationLayer::Gemeente),
        ),
        // regional scale, free task: voluntary cooperation first
        (
            facts(Wenselijk, false, Municipalities(4), false),
            [Vn, V, V, Vn, Vn],
            Some(AllocationLayer::Centrumgemeente),
        ),
        // regional scale, limited freedom: still decentral first, mandatory cooperation not
        (
            facts(Dwingend, false, Inhabitants(200_000), true),
            [Vn, V, V, V, Vn],
            Some(AllocationLayer::Centrumgemeente),
        ),
        // scale beyond the smallest province, limited freedom: the national service
        (
            facts(Verplicht, false, Inhabitants(1_000_000), true),
            [Vn, Vn, Vn, V, Vn],
            Some(AllocationLayer::Rijksdienst),
        ),
        // scale beyond a province, free task: centraal wat moet; justified mandatory cooperation fits too
        (
            facts(Vrij, false, Municipalities(30), true),
            [Vn, Vn, Vn, V, V],
            Some(AllocationLayer::Rijksdienst),
        ),
    ];
    for (f, expected, preferred_layer) in rows {
        assert_eq!(outcomes(&f), expected, "{f:?}");
        assert_eq!(preferred(&f), preferred_layer, "{f:?}");
    }
}

#[test]
fn reasons_name_the_scale_the_freedom_and_the_division() {
    let f = facts(
        PolicyFreedom::Wenselijk,
        false,
        ScaleNeed::Municipalities(4),
        false,
    );
    let advice = advise(&f);
    assert!(advice[0].check.explanation.contains("4 gemeenten"));
    assert!(advice[1].check.explanation.contains("valt voor 40% samen"));
    assert!(advice[4].check.explanation.contains("motivering"));
    let beyond = advise(&facts(
        PolicyFreedom::Vrij,
        false,
        ScaleNeed::Inhabitants(500_000),
        false,
    ));
    assert!(
        beyond[2]
            .check
            .explanation
            .contains("kleinste provincie (390000 inwoners, 6 gemeenten)")
    );
}

#[test]
fn mandatory_cooperation_without_justification_is_refused() {
    let f = facts(PolicyFreedom::Vrij, false, ScaleNeed::Municipalities(30), false);
    let err = choose(&f, AllocationLayer::VerplichteSamenwerking).unwrap_err();
    assert_eq!(
        (err.errors[0].field.as_str(), err.errors[0].code),
        ("justification", "required")
    );
    let justified = facts(PolicyFreedom::Vrij, false, ScaleNeed::Municipalities(30), true);
    assert_eq!(
        choose(&justified, AllocationLayer::VerplichteSamenwerking),
        Ok(AllocationLayer::VerplichteSamenwerking)
    );
}

#[test]
fn a_layer_that_does_not_fit_is_refused_with_its_reason() {
    let f = facts(PolicyFreedom::Vrij, false, ScaleNeed::Municipalities(3), false);
    let err = choose(&f, AllocationLayer::Gemeente).unwrap_err();
    assert_eq!(err.errors[0].field, "layer");
    assert!(err.errors[0].message.contains("niet alleen uitvoeren"));
    assert_eq!(
        choose(&f, AllocationLayer::Provincie),
        Ok(AllocationLayer::Provincie)
    );
}

#[test]
fn a_justification_is_read_and_bounded() {
    assert_eq!(parse_justification("  "), Ok(None));
    assert_eq!(
        parse_justification(" Doel X ").unwrap().as_deref(),
        Some("Doel X")
    );
    let err = parse_justification(&"x".repeat(MAX_JUSTIFICATION_CHARS + 1)).unwrap_err();
    assert_eq!(err.errors[0].field, "justification");
}

#[test]
fn the_rob_gives_six_principles() {
    assert_eq!(ROB_PRINCIPLES.len(), 6);
    assert_eq!(
        ROB_PRINCIPLES[3].text,
        "Maak de regionale indeling meer congruent"
    );
    assert!(source().contains("Droomland of niemandsland"));
}

fn principle_input(pairs: &[(&str, &str, &str)]) -> BTreeMap<String, PrincipleAnswerInput> {
    pairs
        .iter()
        .map(|(k, met, note)| {
            (
                (*k).to_owned(),
                PrincipleAnswerInput {
                    met: (*met).into(),
                    note: (*note).into(),
                },
            )
        })
        .collect()
}

#[test]
fn the_checklist_is_parsed_and_open_principles_listed() {
    let answers = parse_answers(&principle_input(&[
        ("inhoud-centraal", "ja", ""),
        ("congruente-indeling", "nee", "De RES-regio's wijken af."),
        ("ruimte-voor-verschillen", "", ""),
    ]))
    .unwrap();
    let open: Vec<&str> = open_principles(&answers).iter().map(|p| p.key).collect();
    assert_eq!(
        open,
        [
            "democratisch-gelegitimeerd",
            "regionale-autonomie",
            "ruimte-voor-verschillen",
            "passend-financieel-arrangement"
        ]
    );
}

#[test]
fn bad_checklist_answers_are_named() {
    let err = parse_answers(&principle_input(&[
        ("onbekend", "ja", ""),
        ("inhoud-centraal", "misschien", ""),
        ("congruente-indeling", "nee", ""),
    ]))
    .unwrap_err();
    let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "principles.congruente-indeling.note",
            "principles.inhoud-centraal.met",
            "principles.onbekend"
        ]
    );
}

#[test]
fn the_congruence_principle_is_suggested_from_the_figure() {
    let division = |share| DivisionFacts {
        name: "Jeugdregio's".into(),
        regions: 42,
        coinciding_share: share,
    };
    assert_eq!(congruence_suggestion(None), None);
    let (met, why) = congruence_suggestion(Some(&division(0.5))).unwrap();
    assert!(met && why.contains("50%"));
    let (met, why) = congruence_suggestion(Some(&division(0.25))).unwrap();
    assert!(!met && why.contains("maar voor 25%"));
    assert_eq!(division(f64::NAN).percent(), 0);
    assert!(DivisionFacts::new("RES", 30, 0.3).is_ok());
    for bad in [f64::NAN, -0.1, 1.01, f64::INFINITY] {
        let err = DivisionFacts::new("RES", 30, bad).unwrap_err();
        assert_eq!(err.errors[0].field, "division.coinciding_share");
    }
    assert_eq!(division(7.0).percent(), 100);
}

fn task_input(freedom: &str, alone: &str, inhabitants: &str, municipalities: &str) -> TaskInput {
    TaskInput {
        policy_freedom: freedom.into(),
        municipalities_alone: alone.into(),
        need_inhabitants: inhabitants.into(),
        need_municipalities: municipalities.into(),
        justification: String::new(),
    }
}

#[test]
fn the_typed_task_is_parsed() {
    let f = task_input("dwingend", "nee", "250.000", "")
        .parse(PROVINCE, None)
        .unwrap();
    assert_eq!(
        (f.freedom, f.municipalities_alone, f.need, f.justification),
        (
            PolicyFreedom::Dwingend,
            false,
            ScaleNeed::Inhabitants(250_000),
            None
        )
    );
    let g = task_input("vrij", "ja", "", " 3 ").parse(PROVINCE, None).unwrap();
    assert_eq!(g.need, ScaleNeed::Municipalities(3));
}

#[test]
fn a_bad_typed_task_names_every_field() {
    let rows = [
        (
            task_input("soms", "", "", "4"),
            vec!["policy_freedom", "municipalities_alone"],
        ),
        (
            task_input("vrij", "ja", "-5", "x"),
            vec!["need_inhabitants", "need_municipalities"],
        ),
        (task_input("vrij", "ja", "10", "2"), vec!["need_inhabitants"]),
        (task_input("vrij", "ja", "0", ""), vec!["need_inhabitants"]),
        (
            task_input("vrij", "ja", "", "99999999999"),
            vec!["need_municipalities"],
        ),
    ];
    for (input, expected) in rows {
        let err = input.parse(PROVINCE, None).unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, expected, "{input:?}");
    }
}

fn freedom() -> impl Strategy<Value = PolicyFreedom> {
    prop::sample::select(PolicyFreedom::ALL)
}

proptest! {
    #[test]
    fn no_typed_task_panics(
        freedom in "\\PC{0,12}",
        alone in "\\PC{0,5}",
        inhabitants in "\\PC{0,40}",
        municipalities in "\\PC{0,40}",
        justification in "\\PC{0,40}",
    ) {
        let input = TaskInput { policy_freedom: freedom, municipalities_alone: alone, need_inhabitants: inhabitants, need_municipalities: municipalities, justification };
        if let Ok(f) = input.parse(PROVINCE, None) {
            let _ = advise(&f);
        }
    }

    #[test]
    fn the_advice_is_decentral_first_and_never_mandatory_without_justification(
        freedom in freedom(),
        alone in any::<bool>(),
        inhabitants in any::<u64>(),
        municipalities in any::<u32>(),
        by_inhabitants in any::<bool>(),
        justified in any::<bool>(),
        share in any::<f64>(),
    ) {
        let need = if by_inhabitants { ScaleNeed::Inhabitants(inhabitants) } else { ScaleNeed::Municipalities(municipalities) };
        let mut f = facts(freedom, alone, need, justified);
        if let Some(d) = f.division.as_mut() { d.coinciding_share = share; }
        let advice = advise(&f);
        prop_assert_eq!(advice.len(), 5);
        // something always fits: the municipality, or the national service as the last resort
        let first = preferred(&f);
        prop_assert!(first.is_some());
        prop_assert!(first != Some(AllocationLayer::VerplichteSamenwerking));
        if !justified {
            prop_assert!(!advice[4].fits());
        }
        if alone {
            prop_assert_eq!(first, Some(AllocationLayer::Gemeente));
        }
    }
}
