use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::rules::date;

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn option(title: &str, zero: bool) -> PolicyOption {
    PolicyOption {
        title: title.to_owned(),
        description: None,
        zero_option: zero,
    }
}

const ALL_BK: [&str; 6] = [
    "belanghebbenden",
    "probleem",
    "doel",
    "opties",
    "gevolgen",
    "voorkeursoptie",
];

#[test]
fn the_beleidskompas_has_five_numbered_questions_and_the_recurring_one() {
    let numbers: Vec<&str> = BELEIDSKOMPAS_2023.questions.iter().map(|q| q.number).collect();
    assert_eq!(numbers, ["T", "1", "2", "3", "4", "5"]);
    let keys: Vec<&str> = BELEIDSKOMPAS_2023.questions.iter().map(|q| q.key).collect();
    assert_eq!(keys, ALL_BK);
    assert_eq!(
        BELEIDSKOMPAS_2023.question("opties").map(|q| q.text),
        Some("Wat zijn opties om het doel te realiseren?")
    );
    assert_eq!(
        BELEIDSKOMPAS_2023
            .question("gevolgen")
            .map(|q| q.sub_questions.len()),
        Some(6)
    );
    assert!(
        BELEIDSKOMPAS_2023
            .question("voorkeursoptie")
            .is_some_and(|q| q.sub_questions[1].contains("Uitvoerbaarheid voor alle relevante partijen"))
    );
}

#[test]
fn the_iak_has_seven_questions() {
    let texts: Vec<&str> = IAK_2011.questions.iter().map(|q| q.text).collect();
    assert_eq!(texts.len(), 7);
    assert_eq!(texts[0], "Wat is de aanleiding?");
    assert_eq!(texts[6], "Wat zijn de gevolgen?");
    assert_eq!(IAK_2011.zero_option_question, None);
}

#[test]
fn every_question_has_a_unique_key_a_source_and_help() {
    for set in QUESTION_SETS {
        let keys: BTreeSet<&str> = set.questions.iter().map(|q| q.key).collect();
        assert_eq!(keys.len(), set.questions.len());
        for q in set.questions {
            assert!(q.source_url.starts_with("https://www.kcbr.nl/"), "{}", q.key);
            assert!(!q.help.is_empty() && !q.text.is_empty(), "{}", q.key);
            assert!(q.verbatim || q.help.contains("vertaling"), "{}", q.key);
        }
        if let Some(key) = set.zero_option_question {
            assert!(set.question(key).is_some());
        }
    }
}

#[test]
fn the_set_in_force_follows_the_dates() {
    assert_eq!(in_force(date(2011, 4, 13)), None);
    assert_eq!(
        in_force(date(2011, 4, 14)).map(|s| s.framework),
        Some(Framework::Iak)
    );
    assert_eq!(
        in_force(date(2022, 12, 31)).map(|s| s.framework),
        Some(Framework::Iak)
    );
    assert_eq!(
        in_force(date(2023, 1, 1)).map(|s| s.framework),
        Some(Framework::Beleidskompas)
    );
    assert_eq!(latest(Framework::Iak), Some(&IAK_2011));
}

#[test]
fn complete_answers_with_the_zero_option_are_complete() {
    let given = answers(&ALL_BK.map(|k| (k, "antwoord")));
    let result = check(
        &BELEIDSKOMPAS_2023,
        &given,
        &[option("Niets doen", true), option("Subsidie", false)],
    );
    assert!(result.is_complete(), "{result:?}");
    assert_eq!(result.zero_option, ZeroOption::Present);
    assert!(result.findings().is_empty());
}

#[test]
fn unanswered_and_blank_questions_are_named_in_order() {
    let given = answers(&[
        ("probleem", "x"),
        ("doel", "   "),
        ("opties", "y"),
        ("onbekend", "z"),
    ]);
    let result = check(&BELEIDSKOMPAS_2023, &given, &[option("Nul", true)]);
    let missing: Vec<&str> = result.unanswered.iter().map(|q| q.key).collect();
    assert_eq!(missing, ["belanghebbenden", "doel", "gevolgen", "voorkeursoptie"]);
    assert!(!result.is_complete());
    assert_eq!(
        result.findings()[1].dutch(),
        "Vraag 2 is nog niet beantwoord: Wat is het beoogde doel?"
    );
}

#[test]
fn options_without_the_zero_option_are_incomplete() {
    let given = answers(&ALL_BK.map(|k| (k, "antwoord")));
    let result = check(&BELEIDSKOMPAS_2023, &given, &[option("Subsidie", false)]);
    assert_eq!(result.zero_option, ZeroOption::Missing);
    assert!(!result.is_complete());
    assert!(result.findings()[0].contains("nuloptie"));
    assert_eq!(
        check(&BELEIDSKOMPAS_2023, &given, &[]).zero_option,
        ZeroOption::Missing
    );
}

#[test]
fn the_iak_does_not_ask_for_a_zero_option() {
    let given = answers(
        &IAK_2011
            .questions
            .iter()
            .map(|q| (q.key, "a"))
            .collect::<Vec<_>>(),
    );
    let result = check(&IAK_2011, &given, &[]);
    assert_eq!(result.zero_option, ZeroOption::NotAsked);
    assert!(result.is_complete());
}

#[test]
fn the_parse_keeps_answers_and_options_of_the_latest_set() {
    let input = KompasInput {
        framework: " beleidskompas ".into(),
        answers: answers(&[("probleem", "  Te weinig woningen. "), ("doel", "")]),
        options: vec![
            PolicyOptionInput {
                title: "Nuloptie".into(),
                description: String::new(),
                zero_option: true,
            },
            PolicyOptionInput::default(),
            PolicyOptionInput {
                title: "Specifieke uitkering".into(),
                description: "Via het Gemeentefonds".into(),
                zero_option: false,
            },
        ],
    };
    let parsed = input.parse().unwrap();
    assert_eq!(parsed.framework, Framework::Beleidskompas);
    assert_eq!(parsed.version, 1);
    assert_eq!(parsed.answers, answers(&[("probleem", "Te weinig woningen.")]));
    assert_eq!(parsed.options.len(), 2);
    assert_eq!(
        parsed.options[1].description.as_deref(),
        Some("Via het Gemeentefonds")
    );
}

#[test]
fn bad_input_is_refused_with_the_field_named() {
    let input = KompasInput {
        framework: "beleidskompas".into(),
        answers: answers(&[("aanleiding", "IAK-vraag"), ("doel", "a\u{0}b")]),
        options: vec![
            PolicyOptionInput {
                title: String::new(),
                description: "zonder titel".into(),
                zero_option: true,
            },
            PolicyOptionInput {
                title: "Tweede nul".into(),
                description: String::new(),
                zero_option: true,
            },
        ],
    };
    let err = input.parse().unwrap_err();
    let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "answers.aanleiding",
            "answers.doel",
            "options",
            "options[0].title"
        ]
    );
    assert_eq!(err.errors[2].code, "more_than_one_zero_option");
    let unknown = KompasInput {
        framework: "iak-2".into(),
        ..KompasInput::default()
    };
    assert_eq!(unknown.parse().unwrap_err().errors[0].field, "framework");
}

#[test]
fn too_many_options_are_refused() {
    let input = KompasInput {
        framework: "beleidskompas".into(),
        options: (0..=MAX_OPTIONS)
            .map(|i| PolicyOptionInput {
                title: format!("Optie {i}"),
                ..PolicyOptionInput::default()
            })
            .collect(),
        ..KompasInput::default()
    };
    assert_eq!(input.parse().unwrap_err().errors[0].code, "too_many");
}

#[test]
fn iak_answers_carry_over_to_the_beleidskompas() {
    let iak = answers(&[
        ("aanleiding", "Motie"),
        ("probleem", "Tekort"),
        ("instrument", "Subsidie"),
        ("doel", " "),
    ]);
    let carried = carry_over_iak(&iak);
    assert_eq!(
        carried,
        answers(&[("probleem", "Motie\n\nTekort"), ("opties", "Subsidie")])
    );
    for (from, to) in IAK_TO_BELEIDSKOMPAS {
        assert!(IAK_2011.question(from).is_some(), "{from}");
        assert!(BELEIDSKOMPAS_2023.question(to).is_some(), "{to}");
    }
}

proptest! {
    #[test]
    fn no_input_panics(
        framework in "\\PC{0,12}",
        key in "\\PC{0,12}",
        text in "\\PC{0,40}",
        title in "\\PC{0,40}",
        zero in any::<bool>(),
    ) {
        let input = KompasInput {
            framework,
            answers: [(key, text.clone())].into_iter().collect(),
            options: vec![PolicyOptionInput { title, description: text, zero_option: zero }],
        };
        if let Ok(parsed) = input.parse()
            && let Some(set) = latest(parsed.framework)
        {
            let _ = check(set, &parsed.answers, &parsed.options).findings();
        }
    }
}
