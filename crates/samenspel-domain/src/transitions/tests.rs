use super::*;

/// A toy dossier: drafted, submitted once a file is attached, decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dossier {
    Concept,
    Ingediend,
    Besloten,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Indienen,
    Besluiten,
}

impl Named for Dossier {
    fn name_nl(self) -> &'static str {
        match self {
            Dossier::Concept => "concept",
            Dossier::Ingediend => "ingediend",
            Dossier::Besloten => "besloten",
        }
    }
}

impl Named for Step {
    fn name_nl(self) -> &'static str {
        match self {
            Step::Indienen => "indienen",
            Step::Besluiten => "besluiten",
        }
    }
}

struct Facts {
    attachments: usize,
    signed: bool,
}

const TABLE: &[Transition<Dossier, Step, Facts>] = &[
    Transition {
        from: Dossier::Concept,
        event: Step::Indienen,
        to: Dossier::Ingediend,
        guards: &[
            Guard {
                holds: |f| f.attachments > 0,
                missing: "er een bijlage is",
            },
            Guard {
                holds: |f| f.signed,
                missing: "het dossier ondertekend is",
            },
        ],
    },
    Transition {
        from: Dossier::Ingediend,
        event: Step::Besluiten,
        to: Dossier::Besloten,
        guards: &[],
    },
];

#[test]
fn a_transition_happens_only_from_its_state_and_when_its_guards_hold() {
    let ready = Facts {
        attachments: 1,
        signed: true,
    };
    let rows: &[(Dossier, Step, Result<Dossier, &str>)] = &[
        (Dossier::Concept, Step::Indienen, Ok(Dossier::Ingediend)),
        (
            Dossier::Concept,
            Step::Besluiten,
            Err("Besluiten kan niet als de toestand 'concept' is."),
        ),
        (
            Dossier::Ingediend,
            Step::Indienen,
            Err("Indienen kan niet als de toestand 'ingediend' is."),
        ),
        (Dossier::Ingediend, Step::Besluiten, Ok(Dossier::Besloten)),
        (
            Dossier::Besloten,
            Step::Indienen,
            Err("Indienen kan niet als de toestand 'besloten' is."),
        ),
        (
            Dossier::Besloten,
            Step::Besluiten,
            Err("Besluiten kan niet als de toestand 'besloten' is."),
        ),
    ];
    for (state, step, expected) in rows {
        let got = next(TABLE, *state, *step, &ready).map_err(Refusal::message_nl);
        assert_eq!(got, expected.map_err(str::to_owned), "{state:?} + {step:?}");
    }
}

#[test]
fn a_refused_guard_names_what_is_missing_the_first_in_order() {
    let none = Facts {
        attachments: 0,
        signed: false,
    };
    let refused = next(TABLE, Dossier::Concept, Step::Indienen, &none).unwrap_err();
    assert_eq!(
        refused,
        Refusal::Missing {
            event: Step::Indienen,
            missing: "er een bijlage is"
        }
    );
    assert_eq!(refused.message_nl(), "Indienen kan pas als er een bijlage is.");
    let unsigned = Facts {
        attachments: 2,
        signed: false,
    };
    assert_eq!(
        next(TABLE, Dossier::Concept, Step::Indienen, &unsigned)
            .unwrap_err()
            .message_nl(),
        "Indienen kan pas als het dossier ondertekend is."
    );
}
