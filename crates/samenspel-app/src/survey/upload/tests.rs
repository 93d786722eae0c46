use proptest::prelude::*;
use samenspel_domain::survey::instrument::CORE;

use super::*;
use crate::survey::header;

/// What the store gets from a source: the text of every block in order, and the counts or
/// the problems.
fn pulled(source: &mut dyn ResponseSource, known: &[&str]) -> (String, Result<Tally, ValidationErrors>) {
    for respondent in known {
        source.known(respondent);
    }
    let mut text = String::new();
    while let Some(block) = source.next_block() {
        assert!(block.responses > 0, "an empty block");
        text.push_str(&block.text);
    }
    (text, source.finish())
}

/// The file read whole on this thread, as a stream.
fn whole(file: &str, known: &[&str]) -> (String, Result<Tally, ValidationErrors>) {
    pulled(&mut ResponseFile::new(file.as_bytes(), &CORE), known)
}

/// The file given whole and cut in two from `bytes` on.
fn upload(file: &str, known: &[&str], bytes: usize) -> (String, Result<Tally, ValidationErrors>) {
    pulled(
        &mut ResponseUpload::reading_in_halves_from(file.to_owned(), &CORE, bytes),
        known,
    )
}

fn fields(result: &Result<Tally, ValidationErrors>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(e) => e.errors.iter().map(|f| f.field.clone()).collect(),
    }
}

fn row(respondent: &str, layer: &str, answer: &str) -> String {
    format!("{respondent},{layer},{}", vec![answer; 24].join(","))
}

/// A file of `rows` (after the header), one a line.
fn file_of(rows: &[String]) -> String {
    let mut file = header(&CORE).join(",");
    file.push('\n');
    for r in rows {
        file.push_str(r);
        file.push('\n');
    }
    file
}

#[test]
fn a_large_file_is_read_in_two_halves_with_the_counts_and_blocks_of_the_whole() {
    let rows: Vec<String> = (0..20_000)
        .map(|i| {
            let layer = ["rijk", "gemeente", "provincie", "overig"][i % 4];
            row(&format!("r{i}"), layer, ["1", "2", "5", "n", ""][i % 5])
        })
        .collect();
    let file = file_of(&rows);
    assert!(file.len() >= READ_IN_HALVES_FROM, "large enough to be cut");
    assert!(import::cut_in_two(file.as_bytes(), READ_IN_HALVES_FROM).is_some());
    let (text, tally) = pulled(&mut ResponseUpload::new(file.clone(), &CORE), &[]);
    let (whole_text, whole_tally) = whole(&file, &[]);
    assert_eq!(tally.unwrap(), whole_tally.unwrap());
    assert_eq!(text, whole_text);
    assert_eq!(text.lines().count(), 20_000);
}

#[test]
fn problems_on_both_sides_of_the_cut_are_named_by_their_row_in_the_whole_file() {
    // Rows 2..=41: the header is row 1, `r{i}` is on row i + 2.
    let mut rows: Vec<String> = (0..40).map(|i| row(&format!("r{i:02}"), "rijk", "3")).collect();
    rows[3] = row("r03", "ministerie", "3"); // row 5: an unknown layer
    rows[10] = row("r10", "rijk", "7"); // row 12: every answer wrong
    rows[30] = row("r02", "gemeente", "3"); // row 32: r02 (row 4) again, across the cut
    rows[33] = row("r31", "rijk", "0"); // row 35: r31 (row 33) again, and bad answers
    rows[35] = row("r02", "rijk", "3"); // row 37: r02 a third time
    rows[37] = row("bekend", "rijk", "3"); // row 39: a respondent the wave has
    rows[38] = "r38,rijk,3".to_owned(); // row 40: too few columns
    let file = file_of(&rows);
    let (_, cut) = import::cut_in_two(file.as_bytes(), 1).unwrap();
    let cut_row = file[..cut].lines().count() + 1;
    assert!(
        (13..32).contains(&cut_row),
        "the cut is between the problems: row {cut_row}"
    );
    let (_, split) = upload(&file, &["bekend"], 1);
    let (_, one) = whole(&file, &["bekend"]);
    let mut expected = vec!["bestand:5:layer".to_owned()];
    expected.extend((1..=24).map(|s| format!("bestand:12:S{s:02}")));
    expected.push("bestand:32:respondent".to_owned());
    expected.push("bestand:35:respondent".to_owned());
    expected.extend((1..=24).map(|s| format!("bestand:35:S{s:02}")));
    expected.push("bestand:37:respondent".to_owned());
    expected.push("bestand:39:respondent".to_owned());
    expected.push("bestand:40:".to_owned());
    assert_eq!(fields(&split), expected);
    assert_eq!(split, one);
    let messages: Vec<String> = split
        .unwrap_err()
        .errors
        .iter()
        .map(|e| e.message.to_string())
        .collect();
    assert!(messages[25].contains("'r02' staat al eerder"), "{}", messages[25]);
    assert!(messages[26].contains("'r31' staat al eerder"), "{}", messages[26]);
    assert!(
        messages[52].contains("'bekend' heeft al geantwoord"),
        "{}",
        messages[52]
    );
}

#[test]
fn a_file_is_not_cut_where_a_quote_or_its_first_line_could_make_the_cut_no_row_boundary() {
    let rows: Vec<String> = (0..10).map(|i| row(&format!("r{i}"), "rijk", "3")).collect();
    let file = file_of(&rows);
    let (header_end, cut) = import::cut_in_two(file.as_bytes(), 1).unwrap();
    assert_eq!(&file[header_end - 1..header_end], "\n");
    assert_eq!(&file[cut - 1..cut], "\n");
    assert!(cut >= file.len() / 2);
    assert_eq!(
        import::cut_in_two(file.as_bytes(), file.len() + 1),
        None,
        "too small"
    );
    let quoted = file.replacen("r1,", "\"r1\",", 1);
    assert_eq!(import::cut_in_two(quoted.as_bytes(), 1), None);
    let blank_first = format!("\n{file}");
    assert_eq!(import::cut_in_two(blank_first.as_bytes(), 1), None);
    let old_mac = file.replacen('\n', "\r", 1);
    assert_eq!(import::cut_in_two(old_mac.as_bytes(), 1), None);
    // A quote after the cut is the second half's own business.
    let late = file.replacen("r9,", "\"r9\",", 1);
    assert!(import::cut_in_two(late.as_bytes(), 1).is_some());
    assert_eq!(upload(&late, &[], 1), whole(&late, &[]));
}

#[test]
fn a_file_with_only_its_header_or_nothing_is_refused_as_before() {
    for file in [
        format!("{}\n", header(&CORE).join(",")),
        String::new(),
        "respondent,laag\n".into(),
    ] {
        let (_, split) = upload(&file, &[], 1);
        assert!(split.is_err());
        assert_eq!(split, whole(&file, &[]).1);
    }
}

/// A row of a generated file: mostly good, some with a problem, ids from a small pool so that
/// some are given twice.
fn row_strategy() -> impl Strategy<Value = String> {
    let answer = proptest::sample::select(vec!["1", "2", "3", "4", "5", "n", "N", "", " 4 ", "0", "x"]);
    let layer = proptest::sample::select(vec![
        "rijk",
        "gemeente",
        "provincie",
        "waterschap",
        "gemeenschappelijke-regeling",
        "overig",
        "ministerie",
    ]);
    prop_oneof![
        12 => (0..60u32, layer, proptest::collection::vec(answer, 24)).prop_map(|(id, layer, answers)| {
            format!("r{id},{layer},{}", answers.join(","))
        }),
        1 => Just(String::new()),
        1 => Just("r1,rijk,3".to_owned()),
        1 => Just(format!(",rijk,{}", vec!["3"; 24].join(","))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// However a file is cut, reading its halves at once gives what reading it whole gives:
    /// the same blocks and counts when it is good, the same problems (rows, columns, messages,
    /// up to the limit) when it is not.
    #[test]
    fn reading_the_halves_of_a_file_gives_what_reading_it_whole_gives(
        rows in proptest::collection::vec(row_strategy(), 0..400),
        valid_only in any::<bool>(),
        known in proptest::sample::subsequence(vec!["r3", "r17", "r42"], 0..=3),
        crlf in any::<bool>(),
    ) {
        let rows: Vec<String> = if valid_only {
            // Good rows only, each respondent once: the file is imported.
            rows.iter()
                .enumerate()
                .map(|(i, r)| row(&format!("v{i}"), ["rijk", "gemeente", "overig"][i % 3], if r.len() % 2 == 0 { "2" } else { "n" }))
                .collect()
        } else {
            rows
        };
        let mut file = file_of(&rows);
        if crlf {
            file = file.replace('\n', "\r\n");
        }
        let split = upload(&file, &known, 1);
        let one = whole(&file, &known);
        prop_assert_eq!(&split.1, &one.1);
        if one.1.is_ok() {
            prop_assert_eq!(&split.0, &one.0);
        }
        if valid_only && !rows.is_empty() {
            prop_assert!(one.1.is_ok());
        }
    }
}
