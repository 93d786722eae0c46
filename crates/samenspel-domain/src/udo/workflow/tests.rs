use super::permissions::{DOSSIER_PERMISSIONS, DossierAction, DossierRelation, may};
use super::*;
use crate::auth::Role;
use crate::udo::dossier::fixtures::{day, dossier};
use UdoEvent as E;
use UdoState as S;

/// Facts under which every guard holds.
fn permissive() -> StepFacts {
    StepFacts {
        outcome: Some(UdoOutcome::Uitvoerbaar),
        consultation: dossier().consultation,
        on: Some(day(2027, 1, 1)),
        adopted_on: Some(day(2026, 7, 1)),
        in_force_on: Some(day(2026, 12, 1)),
    }
}

/// The whole table, spelled out: (state, event) → state or refused.
#[test]
fn the_udo_table() {
    let expected: &[(UdoState, UdoEvent, UdoState)] = &[
        (S::Concept, E::StartVerkenning, S::Verkenning),
        (S::Verkenning, E::StartToets, S::Toets),
        (S::Toets, E::RecordOutcome, S::Uitkomst),
        (S::Uitkomst, E::Revise, S::Verkenning),
        (S::Uitkomst, E::OpenConsultation, S::Consultatie),
        (S::Verkenning, E::OpenConsultationWithoutUdo, S::Consultatie),
        (S::Toets, E::OpenConsultationWithoutUdo, S::Consultatie),
        (S::Consultatie, E::Adopt, S::Vastgesteld),
        (S::Vastgesteld, E::EnterIntoForce, S::InWerking),
        (S::InWerking, E::Evaluate, S::Evaluatie),
    ];
    for state in UdoState::ALL {
        for event in UdoEvent::ALL {
            let row = expected
                .iter()
                .find(|(s, e, _)| *s == state && *e == event)
                .map(|r| r.2);
            let got = next(UDO_TRANSITIONS, state, event, &permissive()).ok();
            assert_eq!(got, row, "{state:?} + {event:?}");
        }
    }
    assert_eq!(UDO_TRANSITIONS.len(), expected.len());
}

fn walk(d: &Dossier, steps: &[Step]) -> Result<UdoProgress, StepRefusal> {
    steps
        .iter()
        .try_fold(UdoProgress::new(), |p, step| take(d, &p, step))
}

fn to_consultation() -> Vec<Step> {
    vec![
        Step::StartVerkenning,
        Step::StartToets,
        Step::RecordOutcome(UdoOutcome::OnderVoorwaarden(vec![
            "Extra middelen in 2027.".into(),
        ])),
        Step::OpenConsultation,
    ]
}

#[test]
fn a_dossier_walks_through_every_state() {
    let d = dossier();
    let mut progress = UdoProgress::new();
    let mut seen = vec![progress.state];
    let mut steps = to_consultation();
    steps.extend([
        Step::Adopt { on: day(2026, 6, 1) },
        Step::EnterIntoForce { on: day(2027, 1, 1) },
        Step::Evaluate { on: day(2028, 1, 15) },
    ]);
    for step in &steps {
        progress = take(&d, &progress, step).unwrap();
        seen.push(progress.state);
    }
    assert_eq!(seen, UdoState::ALL);
    assert_eq!(progress.adopted_on, Some(day(2026, 6, 1)));
    assert_eq!(progress.in_force_on, Some(day(2027, 1, 1)));
    assert_eq!(progress.evaluated_on, Some(day(2028, 1, 15)));
    assert_eq!(progress.evaluation_due(), Some(day(2028, 1, 1)));
    assert_eq!(
        progress.outcome.as_ref().map(UdoOutcome::key),
        Some("uitvoerbaar-onder-voorwaarden")
    );
}

#[test]
fn moving_on_without_a_financial_paragraph_names_what_is_missing() {
    let mut d = dossier();
    d.financial = None;
    let refusal = walk(&d, &to_consultation()[..3]).unwrap_err();
    let missing: Vec<String> = refusal.missing().iter().map(|m| m.dutch().to_owned()).collect();
    assert_eq!(
        missing,
        [
            "De toelichting heeft een financiële paragraaf voor de decentrale overheden.",
            "De financiële gevolgen zijn per geraakte bestuurslaag becijferd.",
            "De paragraaf noemt de bekostigingswijze.",
            "De kosten van medebewind voor gemeenten worden door het Rijk vergoed.",
            "De kosten van medebewind voor provincies worden door het Rijk vergoed.",
        ]
    );
    assert!(
        refusal
            .message()
            .dutch()
            .starts_with("De stap 'uitkomst vastleggen' is geweigerd; er ontbreekt: De toelichting")
    );
    assert!(refusal.message().dutch().ends_with("Er is niets veranderd."));
}

#[test]
fn an_unquantified_layer_is_refused_by_name() {
    let mut d = dossier();
    d.aspects.medebewind = false;
    if let Some(f) = d.financial.as_mut() {
        f.rows
            .retain(|r| r.layer != crate::udo::dossier::GovernmentLayer::Provincies);
    }
    let StepRefusal::Missing { guards, rules, .. } = walk(&d, &to_consultation()[..3]).unwrap_err() else {
        panic!("refused for what is missing");
    };
    assert!(guards.is_empty());
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].key, "financiele-gevolgen-per-laag");
    assert_eq!(rules[0].explanation.dutch(), "Zonder bedragen: Provincies.");
}

#[test]
fn conditions_are_required_with_onder_voorwaarden() {
    let d = dossier();
    let steps = [
        Step::StartVerkenning,
        Step::StartToets,
        Step::RecordOutcome(UdoOutcome::OnderVoorwaarden(Vec::new())),
    ];
    let refusal = walk(&d, &steps).unwrap_err();
    assert_eq!(
        refusal.missing()[0].dutch(),
        "bij 'uitvoerbaar onder voorwaarden' de voorwaarden zijn genoemd"
    );
    assert_eq!(refusal.missing()[0].id(), "udo-missing-conditions");
}

#[test]
fn a_consultation_shorter_than_the_term_is_refused() {
    let mut d = dossier();
    if let Some(c) = d.consultation.as_mut() {
        c.co_governments.closes = day(2026, 5, 15);
    }
    let StepRefusal::Missing { event, rules, .. } = walk(&d, &to_consultation()).unwrap_err() else {
        panic!("refused for what is missing");
    };
    assert_eq!(event, E::OpenConsultation);
    assert_eq!(
        rules[0].rule.dutch(),
        "De medeoverheden krijgen een consultatietermijn van twee maanden."
    );
    d.consultation = None;
    let refusal = walk(&d, &to_consultation()).unwrap_err();
    assert_eq!(
        refusal.missing()[0].dutch(),
        "de consultatie met haar termijnen is gepland"
    );
}

#[test]
fn adopting_before_the_consultation_closes_is_refused() {
    let d = dossier();
    let consulting = walk(&d, &to_consultation()).unwrap();
    let early = take(&d, &consulting, &Step::Adopt { on: day(2026, 5, 31) }).unwrap_err();
    assert_eq!(early.missing()[0].dutch(), "de consultatietermijn voorbij is");
    let mut without_advice = d.clone();
    without_advice.bzk_advice.clear();
    let refusal = take(&without_advice, &consulting, &Step::Adopt { on: day(2026, 6, 1) }).unwrap_err();
    assert_eq!(
        refusal.missing()[0].dutch(),
        "BZK is vóór de ministerraad geraadpleegd."
    );
}

#[test]
fn dates_must_follow_each_other() {
    let d = dossier();
    let mut steps = to_consultation();
    steps.push(Step::Adopt { on: day(2026, 6, 1) });
    let adopted = walk(&d, &steps).unwrap();
    let before_adoption = take(&d, &adopted, &Step::EnterIntoForce { on: day(2026, 5, 1) }).unwrap_err();
    assert_eq!(
        before_adoption.missing()[0].dutch(),
        "de datum van inwerkingtreding niet voor de vaststelling ligt"
    );
    let in_force = take(&d, &adopted, &Step::EnterIntoForce { on: day(2027, 1, 1) }).unwrap();
    let early = take(
        &d,
        &in_force,
        &Step::Evaluate {
            on: day(2026, 12, 31),
        },
    )
    .unwrap_err();
    assert_eq!(
        early.missing()[0].dutch(),
        "de evaluatie niet voor de inwerkingtreding ligt"
    );
    assert!(take(&d, &in_force, &Step::Evaluate { on: day(2027, 1, 1) }).is_ok());
}

#[test]
fn an_infeasible_outcome_goes_back_to_the_verkenning() {
    let d = dossier();
    let steps = [
        Step::StartVerkenning,
        Step::StartToets,
        Step::RecordOutcome(UdoOutcome::NietUitvoerbaar),
    ];
    let infeasible = walk(&d, &steps).unwrap();
    let refusal = take(&d, &infeasible, &Step::OpenConsultation).unwrap_err();
    assert_eq!(
        refusal.missing()[0].dutch(),
        "de uitkomst 'uitvoerbaar' of 'uitvoerbaar onder voorwaarden' is"
    );
    let revised = take(&d, &infeasible, &Step::Revise).unwrap();
    assert_eq!(revised.state, S::Verkenning);
    assert_eq!(revised.outcome, None);
}

#[test]
fn a_step_out_of_place_says_so() {
    let refusal = take(&dossier(), &UdoProgress::new(), &Step::OpenConsultation).unwrap_err();
    assert_eq!(
        refusal,
        StepRefusal::NotInState {
            state: S::Concept,
            event: E::OpenConsultation
        }
    );
    assert_eq!(
        refusal.message().dutch(),
        "De stap 'consultatie openen' kan niet als het dossier in de toestand 'concept' is."
    );
    assert!(refusal.missing().is_empty());
}

#[test]
fn the_evaluation_is_due_a_year_after_coming_into_force() {
    let mut progress = UdoProgress {
        state: S::InWerking,
        in_force_on: Some(day(2027, 2, 28)),
        ..UdoProgress::new()
    };
    assert_eq!(progress.evaluation_due(), Some(day(2028, 2, 28)));
    assert!(!progress.evaluation_overdue(day(2028, 2, 28)));
    assert!(progress.evaluation_overdue(day(2028, 2, 29)));
    progress.state = S::Evaluatie;
    assert!(!progress.evaluation_overdue(day(2030, 1, 1)));
    assert_eq!(UdoProgress::default().evaluation_due(), None);
}

#[test]
fn each_gate_names_its_rules() {
    assert_eq!(
        rules_gating(S::Vastgesteld),
        ["bzk-geraadpleegd-voor-ministerraad"]
    );
    assert_eq!(
        rules_gating(S::Consultatie),
        ["consultatietermijn-medeoverheden", "termijn-internetconsultatie"]
    );
    assert!(rules_gating(S::Concept).is_empty());
}

#[test]
fn the_outcome_input_refuses_missing_or_misplaced_conditions() {
    let parse = |outcome: &str, conditions: &[&str]| {
        OutcomeInput {
            outcome: outcome.into(),
            conditions: conditions.iter().map(|c| (*c).into()).collect(),
        }
        .parse()
    };
    assert_eq!(parse("uitvoerbaar", &[]).unwrap(), UdoOutcome::Uitvoerbaar);
    assert_eq!(
        parse("uitvoerbaar-onder-voorwaarden", &["Geld", " "]).unwrap(),
        UdoOutcome::OnderVoorwaarden(vec!["Geld".into()])
    );
    let field = |r: Result<UdoOutcome, crate::ValidationErrors>| r.unwrap_err().errors[0].field.clone();
    assert_eq!(
        field(parse("uitvoerbaar-onder-voorwaarden", &[" "])),
        "conditions"
    );
    assert_eq!(field(parse("niet-uitvoerbaar", &["Geld"])), "conditions");
    assert_eq!(field(parse("misschien", &[])), "outcome");
    assert_eq!(
        field(parse("uitvoerbaar-onder-voorwaarden", &["a\u{0}"])),
        "conditions[0]"
    );
}

/// The permission table, row by row: who may do what with a dossier.
#[test]
fn the_dossier_permission_table() {
    use DossierAction as A;
    use DossierRelation as R;
    let mut actions = vec![A::ReadDraft, A::Edit, A::GiveBzkAdvice, A::GiveKoepelJudgement];
    actions.extend(UdoEvent::ALL.map(A::Move));
    for action in actions {
        for role in Role::ALL {
            for relation in [R::None, R::Owner, R::Bzk, R::Koepel] {
                let expected = role == Role::Beheerder
                    || match action {
                        A::ReadDraft => relation != R::None,
                        A::Edit | A::Move(_) => role == Role::Redacteur && relation == R::Owner,
                        A::GiveBzkAdvice => role == Role::Redacteur && relation == R::Bzk,
                        A::GiveKoepelJudgement => role == Role::Redacteur && relation == R::Koepel,
                    };
                assert_eq!(
                    may(action, role, relation),
                    expected,
                    "{action:?} {role:?} {relation:?}"
                );
            }
        }
    }
    assert!(DOSSIER_PERMISSIONS.iter().all(|p| p.role != Role::Beheerder));
}

/// A rule added to a table is enforced by the workflow as it stands.
#[test]
fn a_new_rule_needs_no_change_to_the_workflow() {
    use crate::rules::{Rule, Verdict, date};
    use crate::udo::normenkader::{GATES, NORMENKADER, Normenkader};
    static EXTRA: [Rule<Dossier>; 1] = [Rule {
        key: "samenvatting-kort",
        text: || Message::plain("De samenvatting is korter dan tien tekens."),
        source: crate::rules::Source::Passage(|| Message::plain("Een proef")),
        version: 1,
        valid_from: date(2026, 1, 1),
        applies_when: &[],
        check: |d| {
            if d.summary.chars().count() < 10 {
                Verdict::voldoet(Message::plain("Kort."))
            } else {
                Verdict::voldoet_niet(Message::plain("Te lang."))
            }
        },
    }];
    static EXTRA_GATES: [(&str, UdoState); 1] = [("samenvatting-kort", UdoState::Toets)];
    let kader = Normenkader {
        rules: &EXTRA,
        gates: &EXTRA_GATES,
    };
    let d = dossier();
    let verkenning = take(&d, &UdoProgress::new(), &Step::StartVerkenning).unwrap();
    let refusal = take_under(kader, &d, &verkenning, &Step::StartToets).unwrap_err();
    assert_eq!(
        refusal.missing()[0].dutch(),
        "De samenvatting is korter dan tien tekens."
    );
    assert!(
        take(&d, &verkenning, &Step::StartToets).is_ok(),
        "the current normenkader has no such rule"
    );
    assert_eq!(Normenkader::CURRENT.rules.len(), NORMENKADER.len());
    assert_eq!(Normenkader::CURRENT.gates.len(), GATES.len());
}

fn any_step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    let date = (2026i32..2029, 1u32..13, 1u32..29).prop_map(|(y, m, d)| day(y, m, d));
    prop_oneof![
        Just(Step::StartVerkenning),
        Just(Step::StartToets),
        Just(Step::RecordOutcome(UdoOutcome::Uitvoerbaar)),
        Just(Step::RecordOutcome(UdoOutcome::OnderVoorwaarden(Vec::new()))),
        Just(Step::RecordOutcome(UdoOutcome::NietUitvoerbaar)),
        Just(Step::Revise),
        Just(Step::OpenConsultation),
        Just(Step::OpenConsultationWithoutUdo {
            reason: "Politieke haast.".into()
        }),
        date.clone().prop_map(|on| Step::Adopt { on }),
        date.clone().prop_map(|on| Step::EnterIntoForce { on }),
        date.prop_map(|on| Step::Evaluate { on }),
    ]
}

proptest::proptest! {
    /// Whatever is tried, a step either follows a row of the table or changes nothing, and the
    /// dates recorded never run backwards.
    #[test]
    fn every_accepted_step_is_a_row_and_dates_keep_their_order(steps in proptest::collection::vec(any_step(), 0..25)) {
        let d = dossier();
        let mut progress = UdoProgress::new();
        for step in &steps {
            match take(&d, &progress, step) {
                Ok(after) => {
                    proptest::prop_assert!(UDO_TRANSITIONS.iter().any(|t| t.from == progress.state && t.event == step.event() && t.to == after.state));
                    progress = after;
                }
                Err(refusal) => proptest::prop_assert!(!refusal.message().is_empty()),
            }
            if let (Some(adopted), Some(in_force)) = (progress.adopted_on, progress.in_force_on) {
                proptest::prop_assert!(adopted <= in_force);
            }
            if let (Some(in_force), Some(evaluated)) = (progress.in_force_on, progress.evaluated_on) {
                proptest::prop_assert!(in_force <= evaluated);
            }
            if let Some(UdoOutcome::OnderVoorwaarden(conditions)) = &progress.outcome {
                proptest::prop_assert!(!conditions.is_empty());
            }
        }
    }
}

#[test]
fn a_step_as_sent_is_parsed_or_refused_naming_the_field() {
    let input = |event: &str, outcome: &str, conditions: &[&str], on: &str| StepInput {
        event: event.into(),
        outcome: OutcomeInput {
            outcome: outcome.into(),
            conditions: conditions.iter().map(|c| (*c).to_owned()).collect(),
        },
        on: on.into(),
        reason: String::new(),
    };
    for event in UdoEvent::ALL {
        let mut whole = input(event.key(), "uitvoerbaar", &[], "2026-12-01");
        whole.reason = "Politieke haast.".into();
        let parsed = whole.parse().unwrap();
        assert_eq!(parsed.event(), event, "{}", event.key());
    }
    let field = |i: StepInput| i.parse().unwrap_err().errors[0].field.clone();
    assert_eq!(field(input("overslaan", "", &[], "")), "event");
    assert_eq!(field(input("adopt", "", &[], "")), "on");
    assert_eq!(field(input("adopt", "", &[], "1 december")), "on");
    assert_eq!(
        field(input("record-outcome", "uitvoerbaar-onder-voorwaarden", &[], "")),
        "conditions"
    );
    assert_eq!(field(input("record-outcome", "misschien", &[], "")), "outcome");
    assert_eq!(
        field(input("open-consultation-without-udo", "", &[], "")),
        "reason"
    );
    let mut script = input("open-consultation-without-udo", "", &[], "");
    script.reason = "a\u{0}b".into();
    assert_eq!(field(script), "reason", "a control character");
    assert_eq!(
        input(
            "record-outcome",
            "uitvoerbaar-onder-voorwaarden",
            &["Geld in 2027"],
            ""
        )
        .parse()
        .unwrap(),
        Step::RecordOutcome(UdoOutcome::OnderVoorwaarden(vec!["Geld in 2027".into()]))
    );
}

/// What a form offers from each state: the table's rows, none from the last state.
#[test]
fn the_steps_offered_from_each_state() {
    let expected: &[(UdoState, &[UdoEvent])] = &[
        (S::Concept, &[E::StartVerkenning]),
        (S::Verkenning, &[E::StartToets, E::OpenConsultationWithoutUdo]),
        (S::Toets, &[E::RecordOutcome, E::OpenConsultationWithoutUdo]),
        (S::Uitkomst, &[E::Revise, E::OpenConsultation]),
        (S::Consultatie, &[E::Adopt]),
        (S::Vastgesteld, &[E::EnterIntoForce]),
        (S::InWerking, &[E::Evaluate]),
        (S::Evaluatie, &[]),
    ];
    for (state, events) in expected {
        assert_eq!(events_from(*state), events.to_vec(), "{state:?}");
    }
}

/// The steps that carry a date or an outcome are those whose parse asks for one.
#[test]
fn the_steps_that_carry_a_date_or_an_outcome() {
    for event in UdoEvent::ALL {
        let bare = StepInput {
            event: event.key().to_owned(),
            ..StepInput::default()
        };
        let refused: Vec<String> = bare
            .parse()
            .err()
            .map(|e| e.errors.into_iter().map(|f| f.field).collect())
            .unwrap_or_default();
        assert_eq!(
            event.needs_date(),
            refused.contains(&"on".to_owned()),
            "{event:?}"
        );
        assert_eq!(
            event.needs_outcome(),
            refused.contains(&"outcome".to_owned()),
            "{event:?}"
        );
        assert_eq!(
            event.needs_reason(),
            refused.contains(&"reason".to_owned()),
            "{event:?}"
        );
    }
}

/// Skipping the UDO is possible only with a planned consultation and the rules that gate it,
/// records the reason and leaves no outcome.
#[test]
fn skipping_the_udo_records_why_and_keeps_the_consultation_rules() {
    let skip = Step::OpenConsultationWithoutUdo {
        reason: "De Kamer wil het voorstel voor het zomerreces.".into(),
    };
    let d = dossier();
    let at_toets = walk(&d, &[Step::StartVerkenning, Step::StartToets]).unwrap();
    let skipped = take(&d, &at_toets, &skip).unwrap();
    assert_eq!(skipped.state, S::Consultatie);
    assert_eq!(skipped.outcome, None);
    assert_eq!(
        skipped.udo_skipped.as_deref(),
        Some("De Kamer wil het voorstel voor het zomerreces.")
    );
    let at_verkenning = walk(&d, &[Step::StartVerkenning]).unwrap();
    assert_eq!(take(&d, &at_verkenning, &skip).unwrap().state, S::Consultatie);

    let mut unplanned = dossier();
    unplanned.consultation = None;
    let refused = take(&unplanned, &at_toets, &skip).unwrap_err();
    let missing: Vec<String> = refused.missing().iter().map(|m| m.to_string()).collect();
    assert!(
        missing
            .iter()
            .any(|m| m.contains("consultatie met haar termijnen")),
        "{missing:?}"
    );

    let mut without_money = dossier();
    without_money.financial = None;
    let refused = take(&without_money, &at_toets, &skip).unwrap_err();
    assert!(
        matches!(&refused, StepRefusal::Missing { rules, .. } if !rules.is_empty()),
        "the normenkader still gates the consultation: {refused:?}"
    );
    let outcome = walk(
        &d,
        &[
            Step::StartVerkenning,
            Step::StartToets,
            Step::RecordOutcome(UdoOutcome::Uitvoerbaar),
        ],
    )
    .unwrap();
    assert!(
        matches!(take(&d, &outcome, &skip), Err(StepRefusal::NotInState { .. })),
        "with an outcome the ordinary step opens the consultation"
    );
}
