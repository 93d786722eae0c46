use super::*;
use crate::rules::date;

/// A valid row (the frame before 30 April), as column → cell.
fn row() -> Vec<(&'static str, String)> {
    [
        ("id", "kaders"),
        ("version", "1"),
        ("valid_from", "2022-07-01"),
        ("valid_until", ""),
        ("chapter", "gemeenten"),
        ("forms", "openbaar-lichaam|bedrijfsvoeringsorganisatie"),
        ("law", "Wet gemeenschappelijke regelingen"),
        ("bwb_id", "BWBR0003740"),
        ("article", "34b"),
        ("lid", ""),
        ("term", "voor-datum"),
        ("month", "4"),
        ("day", "30"),
        ("weeks", ""),
        ("anchor", ""),
        ("year_offset", "1"),
        ("actor", "bestuur"),
        ("recipient", "raden"),
        ("verification", "wettekst"),
        (
            "law_url",
            "https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=34b",
        ),
        ("checked_at", "https://example.org/a | https://example.org/b"),
        ("excerpt", "zendt vóór 30 april, de kaders"),
        ("found", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn with(mut row: Vec<(&'static str, String)>, changes: &[(&str, &str)]) -> Vec<(&'static str, String)> {
    for (column, value) in changes {
        let cell = row.iter_mut().find(|(c, _)| c == column).unwrap();
        cell.1 = (*value).to_owned();
    }
    row
}

fn csv_text(rows: &[Vec<(&'static str, String)>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).unwrap();
    for row in rows {
        writer.write_record(row.iter().map(|(_, v)| v)).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// The fields and message ids of the refusal of `rows`.
fn refused(rows: &[Vec<(&'static str, String)>]) -> Vec<(String, &'static str)> {
    let errors = WgrTable::parse(&csv_text(rows)).unwrap_err();
    errors
        .errors
        .iter()
        .map(|e| (e.field.clone(), e.message.id()))
        .collect()
}

#[test]
fn a_valid_row_parses_into_its_rule() {
    let table = WgrTable::parse(&csv_text(&[row()])).unwrap();
    let rule = &table.rules[0];
    assert_eq!(rule.moment, WgrMoment::Kaders);
    assert_eq!(rule.term, Term::BeforeDate { month: 4, day: 30 });
    assert_eq!(
        rule.forms,
        vec![WgrForm::OpenbaarLichaam, WgrForm::Bedrijfsvoeringsorganisatie]
    );
    assert_eq!(
        rule.checked_at,
        vec!["https://example.org/a", "https://example.org/b"]
    );
    assert_eq!(rule.lid, None);
    assert_eq!(rule.found, None);
    assert_eq!(
        rule.citation().dutch(),
        "Wet gemeenschappelijke regelingen, artikel 34b (BWBR0003740)"
    );
}

#[test]
fn a_missing_column_is_named() {
    let text = csv_text(&[row()]).replacen(",found", ",gevonden", 1);
    let errors = WgrTable::parse(&text).unwrap_err();
    assert_eq!(errors.errors[0].field, "1:found");
    assert_eq!(errors.errors[0].message.id(), "error-wgr-table-column-missing");
}

#[test]
fn a_day_that_is_not_in_every_year_is_refused() {
    let leap = with(row(), &[("month", "2"), ("day", "29")]);
    assert_eq!(refused(&[leap]), [("2:day".to_owned(), "error-wgr-table-day")]);
    let never = with(row(), &[("month", "2"), ("day", "30")]);
    assert_eq!(refused(&[never]), [("2:day".to_owned(), "error-wgr-table-day")]);
    let month = with(row(), &[("month", "13")]);
    assert_eq!(
        refused(&[month]),
        [("2:month".to_owned(), "error-wgr-table-number")]
    );
    let february = with(row(), &[("month", "2"), ("day", "28")]);
    assert!(WgrTable::parse(&csv_text(&[february])).is_ok());
}

#[test]
fn an_anchor_must_be_an_earlier_row_of_the_same_chapter() {
    let weeks = |anchor: &str, chapter: &str| {
        with(
            row(),
            &[
                ("id", "ontwerpbegroting"),
                ("term", "weken-voor"),
                ("month", ""),
                ("day", ""),
                ("weeks", "12"),
                ("anchor", anchor),
                ("chapter", chapter),
            ],
        )
    };
    assert!(WgrTable::parse(&csv_text(&[row(), weeks("kaders", "gemeenten")])).is_ok());
    let later = refused(&[weeks("kaders", "gemeenten"), row()]);
    assert_eq!(later, [("2:anchor".to_owned(), "error-wgr-table-anchor")]);
    let other_chapter = refused(&[row(), weeks("kaders", "gemeenten-provincies")]);
    assert_eq!(other_chapter, [("3:anchor".to_owned(), "error-wgr-table-anchor")]);
    let unknown = refused(&[row(), weeks("kadernota", "gemeenten")]);
    assert_eq!(unknown, [("3:anchor".to_owned(), "error-wgr-table-anchor")]);
    let zero = refused(&[row(), with(weeks("kaders", "gemeenten"), &[("weeks", "0")])]);
    assert_eq!(zero, [("3:weeks".to_owned(), "error-wgr-table-number")]);
}

#[test]
fn a_cell_the_term_does_not_use_must_be_empty() {
    let both = with(row(), &[("weeks", "12")]);
    assert_eq!(
        refused(&[both]),
        [("2:weeks".to_owned(), "error-wgr-table-not-empty")]
    );
    let event = with(
        row(),
        &[
            ("id", "toestemming-regeling"),
            ("term", "zonder-termijn"),
            ("month", ""),
            ("day", ""),
        ],
    );
    assert_eq!(
        refused(&[event]),
        [("2:year_offset".to_owned(), "error-wgr-table-not-empty")]
    );
}

#[test]
fn a_year_offset_is_the_next_or_the_previous_year() {
    for bad in ["", "0", "2", "volgend"] {
        let wrong = with(row(), &[("year_offset", bad)]);
        assert_eq!(
            refused(&[wrong]),
            [("2:year_offset".to_owned(), "error-wgr-table-year-offset")],
            "{bad}"
        );
    }
    let previous = with(row(), &[("id", "voorlopige-jaarrekening"), ("year_offset", "-1")]);
    let table = WgrTable::parse(&csv_text(&[previous])).unwrap();
    assert_eq!(table.rules[0].year_offset, Some(-1));
}

#[test]
fn a_moment_must_fit_its_kind_of_term() {
    let yearly_without_date = with(
        row(),
        &[
            ("term", "na-ontvangst"),
            ("month", ""),
            ("day", ""),
            ("weeks", "8"),
            ("year_offset", ""),
        ],
    );
    assert_eq!(
        refused(&[yearly_without_date]),
        [("2:term".to_owned(), "error-wgr-table-term-kind")]
    );
}

#[test]
fn our_reading_says_what_was_found() {
    let ours = with(row(), &[("verification", "onze-lezing")]);
    assert_eq!(
        refused(std::slice::from_ref(&ours)),
        [("2:found".to_owned(), "error-wgr-table-found")]
    );
    let said = with(ours, &[("found", "Alleen gemeente.nu noemt de datum.")]);
    assert!(WgrTable::parse(&csv_text(&[said])).is_ok());
}

#[test]
fn sources_are_https_addresses_and_a_bwb_number() {
    let http = with(row(), &[("law_url", "http://wetten.overheid.nl/BWBR0003740")]);
    assert_eq!(
        refused(&[http]),
        [("2:law_url".to_owned(), "error-wgr-table-url")]
    );
    let checked = with(row(), &[("checked_at", "https://a.example | gemeente.nu")]);
    assert_eq!(
        refused(&[checked]),
        [("2:checked_at".to_owned(), "error-wgr-table-url")]
    );
    let bwb = with(row(), &[("bwb_id", "BWBR37400")]);
    assert_eq!(refused(&[bwb]), [("2:bwb_id".to_owned(), "error-wgr-table-bwb")]);
    let no_article = with(row(), &[("article", "")]);
    assert_eq!(
        refused(&[no_article]),
        [("2:article".to_owned(), "error-wgr-table-required")]
    );
}

#[test]
fn unknown_keys_are_named_by_line_and_column() {
    let wrong = with(
        row(),
        &[("forms", "openbaar-lichaam|stichting"), ("actor", "wethouder")],
    );
    assert_eq!(
        refused(&[wrong]),
        [
            ("2:forms".to_owned(), "error-unknown-WgrForm"),
            ("2:actor".to_owned(), "error-unknown-Party"),
        ]
    );
}

#[test]
fn versions_follow_each_other_and_may_not_overlap() {
    let old = with(row(), &[("valid_until", "2025-01-01")]);
    let new = with(
        row(),
        &[("version", "2"), ("valid_from", "2025-01-01"), ("day", "15")],
    );
    let table = WgrTable::parse(&csv_text(&[old.clone(), new])).unwrap();
    let on = |d| {
        table
            .in_force(WgrMoment::Kaders, WgrChapter::Gemeenten, d)
            .map(|r| r.version)
    };
    assert_eq!(on(date(2022, 6, 30)), None);
    assert_eq!(on(date(2024, 12, 31)), Some(1));
    assert_eq!(on(date(2025, 1, 1)), Some(2));
    let overlapping = with(row(), &[("version", "2"), ("valid_from", "2024-06-01")]);
    assert_eq!(
        refused(&[old, overlapping]),
        [("3:valid_from".to_owned(), "error-wgr-table-overlap")]
    );
    let backwards = with(row(), &[("valid_until", "2022-07-01")]);
    assert_eq!(
        refused(&[backwards]),
        [("2:valid_until".to_owned(), "error-wgr-table-until")]
    );
}

#[test]
fn an_unreadable_or_empty_file_is_refused_with_its_line() {
    let short = format!("{}kaders,1\n", csv_text(&[]));
    let errors = WgrTable::parse(&short).unwrap_err();
    assert_eq!(errors.errors[0].field, "2");
    assert_eq!(errors.errors[0].message.id(), "error-wgr-table-unreadable");
    let empty = WgrTable::parse(&csv_text(&[])).unwrap_err();
    assert_eq!(empty.errors[0].message.id(), "error-wgr-table-empty");
}
