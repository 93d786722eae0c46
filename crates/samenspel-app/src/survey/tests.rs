use super::*;
use samenspel_domain::survey::response::Response;
use samenspel_domain::survey::{Answer, RespondentLayer};

/// Reads a whole response file into responses, as an import streams it into the store; every
/// problem is named by row (the header is row 1) and column.
fn parse_responses(text: &str, statements: &'static [Statement]) -> Result<Vec<Response>, ValidationErrors> {
    use samenspel_domain::survey::packed::{ResponseSource, unpack};
    let mut file = ResponseFile::new(text.as_bytes(), statements);
    let mut responses = Vec::new();
    while let Some(block) = file.next_block() {
        responses.extend(unpack(&block.text).unwrap_or_default());
    }
    file.finish().map(|_| responses)
}

fn head(sep: &str) -> String {
    header(&CORE).join(sep)
}

fn line(sep: &str, respondent: &str, layer: &str, answers: &[&str; 24]) -> String {
    let mut cells = vec![respondent, layer];
    cells.extend(answers.iter());
    cells.join(sep)
}

const ALL_THREE: [&str; 24] = ["3"; 24];

fn fields(e: &ValidationErrors) -> Vec<String> {
    e.errors.iter().map(|f| f.field.clone()).collect()
}

#[test]
fn a_good_file_is_read_with_its_answers() {
    let mut answers = ALL_THREE;
    answers[0] = "5";
    answers[1] = "n";
    answers[2] = "";
    let text = format!(
        "\u{feff}{}\n{}\n{}\n",
        head(","),
        line(",", "r1", "gemeente", &answers),
        line(",", "r2", "rijk", &ALL_THREE)
    );
    let responses = parse_responses(&text, &CORE).unwrap();
    assert_eq!(responses.len(), 2);
    assert_eq!(responses[0].layer, RespondentLayer::Gemeente);
    assert_eq!(responses[0].answers[0], Some(Answer::Score(5)));
    assert_eq!(responses[0].answers[1], Some(Answer::DontKnow));
    assert_eq!(responses[0].answers[2], None);
    let semicolons = format!("{}\n{}\n", head(";"), line(";", "r1", "overig", &ALL_THREE));
    assert_eq!(parse_responses(&semicolons, &CORE).unwrap().len(), 1);
}

#[test]
fn every_bad_cell_is_named_by_row_and_column() {
    let mut bad = ALL_THREE;
    bad[0] = "0";
    bad[5] = "6";
    bad[6] = "3,5";
    bad[23] = "drie";
    let text = format!(
        "{}\n{}\n{}\n{}\n",
        head(";"),
        line(";", "r1", "gemeente", &bad),
        line(";", "r2", "ministerie", &ALL_THREE),
        line(";", "r1", "rijk", &ALL_THREE)
    );
    let e = parse_responses(&text, &CORE).unwrap_err();
    assert_eq!(
        fields(&e),
        [
            "bestand:2:S01",
            "bestand:2:S06",
            "bestand:2:S07",
            "bestand:2:S24",
            "bestand:3:layer",
            "bestand:4:respondent"
        ]
    );
    assert!(e.errors[2].message.contains("'3,5'"));
    assert!(e.errors[4].message.contains("ministerie"));
    assert!(e.errors[5].message.contains("al eerder"));
}

#[test]
fn missing_or_extra_columns_and_a_wrong_header_are_refused() {
    let short = format!("{}\nr1,rijk,3,3\n", head(","));
    assert_eq!(
        fields(&parse_responses(&short, &CORE).unwrap_err()),
        ["bestand:2:"]
    );
    let extra = format!("{}\n{},4\n", head(","), line(",", "r1", "rijk", &ALL_THREE));
    assert_eq!(
        fields(&parse_responses(&extra, &CORE).unwrap_err()),
        ["bestand:2:"]
    );
    let wrong = "respondent,laag,S01\n";
    let e = parse_responses(wrong, &CORE).unwrap_err();
    assert_eq!(fields(&e), ["bestand:1:"]);
    assert!(e.errors[0].message.contains("respondent,layer,S01,S02"));
    assert!(
        parse_responses(&format!("{}\n", head(",")), &CORE).is_err(),
        "no answers"
    );
    assert!(parse_responses("", &CORE).is_err());
}

#[test]
fn a_wave_needs_a_short_key_and_a_sensible_k() {
    let ok = parse_wave(&WaveInput {
        key: "2026-najaar".into(),
        ..WaveInput::default()
    })
    .unwrap();
    assert_eq!(
        (ok.k, ok.title.as_str()),
        (DEFAULT_K, "Knelpuntenmonitor 2026-najaar")
    );
    let e = parse_wave(&WaveInput {
        key: "Najaar 2026!".into(),
        k: "1".into(),
        opens_on: "2026-12-01".into(),
        closes_on: "2026-11-01".into(),
        ..WaveInput::default()
    })
    .unwrap_err();
    assert_eq!(fields(&e), ["key", "k", "closes_on"]);
}

#[test]
fn a_wave_is_for_the_whole_country_or_one_collaboration_by_its_number_or_name() {
    let wave = |collaboration: &str| {
        parse_wave(&WaveInput {
            key: "regio".into(),
            collaboration: collaboration.into(),
            ..WaveInput::default()
        })
    };
    assert_eq!(wave(" ").unwrap().collaboration_id, None);
    assert_eq!(wave(" 12 ").unwrap().collaboration_id, Some(12));
    // Words are a name, looked up by the use case, not a parse error.
    assert_eq!(wave("Woondeal Utrecht").unwrap().collaboration_id, None);
    for bad in ["0", "-3", "1,5", "99999999999999999999"] {
        let e = wave(bad).unwrap_err();
        assert_eq!(fields(&e), ["collaboration_id"], "{bad}");
        assert!(e.errors[0].message.contains(bad.trim()), "{bad}");
    }
}

#[test]
fn the_collaboration_field_is_empty_a_number_or_words() {
    use super::{CollaborationField as F, collaboration_field};
    assert_eq!(collaboration_field("  "), F::Empty);
    assert_eq!(collaboration_field(" 12 "), F::Number("12"));
    assert_eq!(collaboration_field("-3"), F::Number("-3"));
    assert_eq!(collaboration_field("1,5"), F::Number("1,5"));
    assert_eq!(collaboration_field(" woondeal 2 "), F::Words("woondeal 2"));
    assert_eq!(collaboration_field("GM0344"), F::Words("GM0344"));
}
