use proptest::prelude::*;

use super::reaction::*;
use super::report::*;
use super::*;
use crate::rules::date;

#[test]
fn the_earliest_and_latest_last_day_per_kind() {
    let rows = [
        (
            ConsultationKind::Medeoverheden,
            date(2026, 3, 1),
            Some(date(2026, 5, 1)),
            None,
        ),
        (
            ConsultationKind::Medeoverheden,
            date(2025, 12, 31),
            Some(date(2026, 2, 28)),
            None,
        ),
        (
            ConsultationKind::Internet,
            date(2026, 3, 2),
            Some(date(2026, 3, 30)),
            Some(date(2026, 5, 25)),
        ),
    ];
    for (kind, start, earliest, latest) in rows {
        assert_eq!(kind.earliest_end(start), earliest, "{kind:?} {start}");
        assert_eq!(kind.latest_end(start), latest, "{kind:?} {start}");
        assert!(!kind.source().is_empty());
    }
}

#[test]
fn terms_of_the_right_length_are_accepted_row_by_row() {
    let ok = [
        (
            ConsultationKind::Medeoverheden,
            date(2026, 3, 1),
            date(2026, 5, 1),
        ),
        (
            ConsultationKind::Medeoverheden,
            date(2026, 3, 1),
            date(2026, 9, 1),
        ),
        (ConsultationKind::Internet, date(2026, 3, 2), date(2026, 3, 30)),
        (ConsultationKind::Internet, date(2026, 3, 2), date(2026, 5, 25)),
    ];
    for (kind, start, end) in ok {
        assert_eq!(Term::new(kind, start, end), Ok(Term { kind, start, end }));
    }
}

#[test]
fn a_term_too_short_too_long_or_reversed_is_refused_on_the_end_field() {
    let refused = [
        (
            ConsultationKind::Medeoverheden,
            date(2026, 3, 1),
            date(2026, 4, 30),
            "term_too_short",
        ),
        (
            ConsultationKind::Internet,
            date(2026, 3, 2),
            date(2026, 3, 29),
            "term_too_short",
        ),
        (
            ConsultationKind::Internet,
            date(2026, 3, 2),
            date(2026, 5, 26),
            "term_too_long",
        ),
        (
            ConsultationKind::Internet,
            date(2026, 3, 2),
            date(2026, 3, 1),
            "before_start",
        ),
    ];
    for (kind, start, end, code) in refused {
        let err = Term::new(kind, start, end).unwrap_err();
        assert_eq!(
            (err.errors[0].field.as_str(), err.errors[0].code),
            ("end", code),
            "{kind:?} {end}"
        );
    }
    let short = Term::new(
        ConsultationKind::Medeoverheden,
        date(2026, 3, 1),
        date(2026, 4, 1),
    )
    .unwrap_err();
    assert_eq!(
        short.errors[0].message.dutch(),
        "Formele consultatie van de medeoverheden duurt ten minste 2 maanden: de laatste dag is op zijn vroegst 01-05-2026."
    );
    let long = Term::new(ConsultationKind::Internet, date(2026, 3, 2), date(2026, 6, 1)).unwrap_err();
    assert_eq!(
        long.errors[0].message.dutch(),
        "Internetconsultatie duurt ten hoogste 12 weken: de laatste dag is op zijn laatst 25-05-2026."
    );
}

#[test]
fn the_typed_term_names_each_wrong_field() {
    let input = TermInput {
        kind: "inspraak".into(),
        start: "".into(),
        end: "31-02-2026".into(),
    };
    let err = input.parse().unwrap_err();
    let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["kind", "start", "end"]);
    let good = TermInput {
        kind: "internetconsultatie".into(),
        start: "2-3-2026".into(),
        end: "2026-04-13".into(),
    };
    assert_eq!(good.parse().map(|t| t.end), Ok(date(2026, 4, 13)));
}

#[test]
fn the_clock_row_by_row() {
    let term = Term::new(
        ConsultationKind::Medeoverheden,
        date(2026, 3, 1),
        date(2026, 5, 1),
    )
    .unwrap();
    let rows = [
        (date(2026, 2, 28), true, Phase::NogNiet, 62, false),
        (date(2026, 3, 1), true, Phase::Loopt, 61, false),
        (date(2026, 5, 1), true, Phase::Loopt, 0, false),
        (date(2026, 5, 2), true, Phase::Verstreken, 0, true),
        (date(2026, 5, 2), false, Phase::Verstreken, 0, false),
    ];
    for (today, open, phase, days_left, overdue) in rows {
        assert_eq!(
            term.clock(today, open),
            Clock {
                phase,
                days_left,
                overdue
            },
            "{today}"
        );
    }
    assert_eq!(term.days_left(date(2026, 5, 11)), -10);
}

fn reaction_input() -> ReactionInput {
    ReactionInput {
        kind: "publiek".into(),
        author_name: "Anna de Vries".into(),
        place: "Zwolle".into(),
        objects_to_publication: false,
        text: "De termijn is te krap.\nGraag 3 < 4 weken extra.".into(),
        theme: "Termijnen".into(),
        website: String::new(),
    }
}

#[test]
fn a_reaction_is_parsed_and_published_with_name_and_place() {
    let reaction = reaction_input().parse().unwrap();
    assert_eq!(reaction.theme.as_deref(), Some("Termijnen"));
    let published = reaction.published();
    assert_eq!(
        published.author,
        Some(Author {
            name: "Anna de Vries".into(),
            place: "Zwolle".into()
        })
    );
}

#[test]
fn an_author_who_objects_is_published_without_name_and_place() {
    let reaction = ReactionInput {
        objects_to_publication: true,
        ..reaction_input()
    }
    .parse()
    .unwrap();
    let published = reaction.published();
    assert_eq!(published.author, None);
    assert_eq!(published.text, reaction.text);
}

#[test]
fn markup_and_script_addresses_are_refused_with_the_field_named() {
    let rows: [(&str, ReactionInput); 6] = [
        (
            "text",
            ReactionInput {
                text: "Zie <script>alert(1)</script>".into(),
                ..reaction_input()
            },
        ),
        (
            "text",
            ReactionInput {
                text: "klik <a href=x>hier</a>".into(),
                ..reaction_input()
            },
        ),
        (
            "text",
            ReactionInput {
                text: "JavaScript:alert(1)".into(),
                ..reaction_input()
            },
        ),
        (
            "text",
            ReactionInput {
                text: "java\tscript :void(0)".into(),
                ..reaction_input()
            },
        ),
        (
            "author_name",
            ReactionInput {
                author_name: "<img src=x>".into(),
                ..reaction_input()
            },
        ),
        (
            "place",
            ReactionInput {
                place: "</p>Ede".into(),
                ..reaction_input()
            },
        ),
    ];
    for (field, input) in rows {
        let err = input.parse().unwrap_err();
        assert_eq!(
            (err.errors[0].field.as_str(), err.errors[0].code),
            (field, "markup")
        );
    }
    assert!(!contains_markup("a < b en 3<4, <> en <3"));
    assert!(contains_markup("<!-- x -->"));
    assert!(contains_markup("data:text/html;base64,xx"));
}

#[test]
fn missing_and_too_long_fields_are_refused() {
    let input = ReactionInput {
        kind: "burger".into(),
        author_name: " ".into(),
        place: "x".repeat(MAX_PLACE_CHARS + 1),
        text: String::new(),
        ..reaction_input()
    };
    let err = input.parse().unwrap_err();
    let found: Vec<(&str, &str)> = err.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("kind", "unknown_value"),
            ("author_name", "required"),
            ("place", "too_long"),
            ("text", "required")
        ]
    );
}

#[test]
fn a_filled_honeypot_is_refused() {
    let err = ReactionInput {
        website: "http://spam.example".into(),
        ..reaction_input()
    }
    .parse()
    .unwrap_err();
    assert_eq!(err.errors.len(), 1);
    assert_eq!(
        (err.errors[0].field.as_str(), err.errors[0].code),
        (HONEYPOT_FIELD, "honeypot")
    );
}

#[test]
fn an_address_may_react_a_few_times_a_day() {
    for earlier in 0..MAX_REACTIONS_PER_ADDRESS {
        assert_eq!(within_address_limit(earlier), Ok(()));
    }
    let err = within_address_limit(MAX_REACTIONS_PER_ADDRESS).unwrap_err();
    assert_eq!(
        (err.errors[0].field.as_str(), err.errors[0].code),
        ("address", "rate_limited")
    );
    assert!(within_address_limit(u64::MAX).is_err());
}

fn reaction(kind: ReactionKind, theme: Option<&str>) -> Reaction {
    Reaction {
        kind,
        author_name: "N".into(),
        place: "P".into(),
        objects_to_publication: false,
        text: "T".into(),
        theme: theme.map(str::to_owned),
    }
}

fn response(theme: &str, action: ThemeAction) -> ThemeResponse {
    ThemeResponse {
        theme: theme.into(),
        nature: "Zorgen over de kosten".into(),
        action,
        explanation: "Bedrag verhoogd".into(),
    }
}

#[test]
fn reactions_are_counted_per_kind_and_per_theme() {
    let reactions = [
        reaction(ReactionKind::Koepel, Some("Kosten")),
        reaction(ReactionKind::Publiek, Some("Kosten")),
        reaction(ReactionKind::Publiek, Some("Termijn")),
        reaction(ReactionKind::Publiek, None),
    ];
    assert_eq!(
        count_by_kind(&reactions),
        [
            KindCount {
                kind: ReactionKind::Koepel,
                count: 1
            },
            KindCount {
                kind: ReactionKind::Medeoverheid,
                count: 0
            },
            KindCount {
                kind: ReactionKind::Publiek,
                count: 3
            },
        ]
    );
    assert_eq!(
        count_by_theme(&reactions),
        [(Some("Kosten".into()), 2), (Some("Termijn".into()), 1), (None, 1)]
    );
}

#[test]
fn the_report_gives_per_theme_count_nature_and_what_was_done() {
    let reactions = [
        reaction(ReactionKind::Koepel, Some("Kosten")),
        reaction(ReactionKind::Medeoverheid, Some("Kosten")),
        reaction(ReactionKind::Publiek, Some("Termijn")),
    ];
    let responses = [
        response("Kosten", ThemeAction::NietOvergenomen),
        response("Kosten", ThemeAction::Overgenomen),
        response("Onbekend thema", ThemeAction::Verduidelijkt),
    ];
    let report = report(&reactions, &responses);
    assert_eq!(report.total, 3);
    assert_eq!(report.themes.len(), 2);
    assert_eq!(report.themes[0].count, 2);
    assert_eq!(
        report.themes[0].response.as_ref().map(|r| r.action),
        Some(ThemeAction::Overgenomen)
    );
    assert_eq!(report.unanswered_themes, ["Termijn"]);
    assert!(!report.is_complete());
    let done = super::report::report(&reactions[..2], &responses[..2]);
    assert!(done.is_complete());
    assert!(source().contains("wat er met de reacties is gedaan"));
}

#[test]
fn a_theme_response_is_parsed_or_refused_by_field() {
    let good = ThemeResponseInput {
        theme: "Kosten".into(),
        nature: "Zorgen".into(),
        action: "deels-overgenomen".into(),
        explanation: "Compensatie toegevoegd".into(),
    };
    assert_eq!(good.parse().map(|r| r.action), Ok(ThemeAction::DeelsOvergenomen));
    let bad = ThemeResponseInput {
        theme: String::new(),
        nature: "<b>vet</b>".into(),
        action: "genegeerd".into(),
        explanation: String::new(),
    };
    let err = bad.parse().unwrap_err();
    let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["theme", "nature", "action", "explanation"]);
}

proptest! {
    #[test]
    fn no_reaction_input_panics(
        kind in "\\PC{0,12}",
        name in "\\PC{0,40}",
        place in "\\PC{0,40}",
        text in "\\PC{0,40}",
        theme in "\\PC{0,40}",
        website in "\\PC{0,3}",
        objects in any::<bool>(),
    ) {
        let input = ReactionInput { kind, author_name: name, place, objects_to_publication: objects, text, theme, website };
        if let Ok(reaction) = input.parse() {
            prop_assert!(!contains_markup(&reaction.text));
            let _ = reaction.published();
            let _ = report(&[reaction], &[]);
        }
    }

    #[test]
    fn no_term_input_panics(kind in "\\PC{0,20}", start in "\\PC{0,12}", end in "\\PC{0,12}") {
        let _ = TermInput { kind, start, end }.parse();
    }

    #[test]
    fn any_dates_give_a_term_or_a_refusal_never_a_panic(
        a in -400_000i32..400_000,
        b in -400_000i32..400_000,
        today in -400_000i32..400_000,
        internet in any::<bool>(),
    ) {
        let day = |n: i32| NaiveDate::from_num_days_from_ce_opt(n + 739_000);
        if let (Some(start), Some(end), Some(today)) = (day(a), day(b), day(today)) {
            let kind = if internet { ConsultationKind::Internet } else { ConsultationKind::Medeoverheden };
            if let Ok(term) = Term::new(kind, start, end) {
                let clock = term.clock(today, true);
                prop_assert!(clock.days_left >= 0);
                prop_assert_eq!(clock.overdue, today > end);
            }
        }
    }

    #[test]
    fn theme_responses_never_panic(theme in "\\PC{0,40}", nature in "\\PC{0,40}", action in "\\PC{0,20}", explanation in "\\PC{0,40}") {
        let _ = ThemeResponseInput { theme, nature, action, explanation }.parse();
    }
}
