use proptest::prelude::*;

use super::*;

fn code(raw: &str) -> TaskFieldCode {
    TaskFieldCode::parse("code", raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

fn cents(n: i64) -> Cents {
    Cents::new(n).unwrap_or_else(|| panic!("negative {n}"))
}

fn euro(n: i64) -> Cents {
    cents(n * 100)
}

fn catalogue() -> &'static Catalogue {
    shipped().unwrap_or_else(|e| panic!("the shipped catalogue does not parse: {e}"))
}

const TEN: [&str; 10] = [
    "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c",
];

fn codes_of(fields: &[&TaskFieldCode]) -> Vec<String> {
    fields.iter().map(|c| c.to_string()).collect()
}

fn error_codes(errors: &ValidationErrors) -> Vec<(String, &'static str)> {
    errors.errors.iter().map(|e| (e.field.clone(), e.code)).collect()
}

#[test]
fn the_shipped_file_parses() {
    let parsed = Catalogue::parse(TAAKVELDEN_CSV).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&parsed, catalogue());
    let catalogue = parsed;
    // 50 main codes, two of them with two name versions, and 18 codes of the split.
    assert_eq!(catalogue.fields.len(), 73);
    let split: Vec<_> = catalogue.fields.iter().filter(|f| f.parent.is_some()).collect();
    assert_eq!(split.len(), 18);
    assert!(
        catalogue
            .fields
            .iter()
            .all(|f| f.source.starts_with("https://www.rijksoverheid.nl/"))
    );
}

#[test]
fn every_new_code_has_exactly_one_parent_that_ends_in_2022() {
    let catalogue = catalogue();
    let new_codes: Vec<_> = catalogue
        .fields
        .iter()
        .filter(|f| f.code.as_str().ends_with(|c: char| c.is_ascii_lowercase()))
        .collect();
    assert_eq!(new_codes.len(), 18);
    for field in new_codes {
        assert_eq!(field.valid_from_year, SPLIT_YEAR, "{}", field.code);
        let parents: Vec<_> = catalogue
            .versions(&field.code)
            .filter_map(|f| f.parent.clone())
            .collect();
        assert_eq!(parents.len(), 1, "{}", field.code);
        let parent = &parents[0];
        assert!(
            catalogue.valid_in(parent, 2022) && !catalogue.valid_in(parent, 2023),
            "{parent}"
        );
        assert!(catalogue.children_of(parent).contains(&&field.code));
        assert_eq!(catalogue.parent_of(&field.code), Some(parent));
    }
    assert_eq!(
        codes_of(&catalogue.children_of(&code("6.71"))),
        ["6.71a", "6.71b", "6.71c", "6.71d"]
    );
    assert_eq!(codes_of(&catalogue.children_of(&code("6.72"))), TEN);
    assert_eq!(
        codes_of(&catalogue.children_of(&code("6.81"))),
        ["6.81a", "6.81b"]
    );
    assert_eq!(
        codes_of(&catalogue.children_of(&code("6.82"))),
        ["6.82a", "6.82b"]
    );
    assert!(catalogue.children_of(&code("6.2")).is_empty());
    assert_eq!(catalogue.parent_of(&code("6.72")), None);
}

#[test]
fn old_codes_end_in_2022_and_new_codes_begin_in_2023() {
    let catalogue = catalogue();
    for old in ["6.71", "6.72", "6.81", "6.82"] {
        assert!(catalogue.valid_in(&code(old), 2022), "{old}");
        assert!(!catalogue.valid_in(&code(old), 2023), "{old}");
    }
    for new in ["6.71a", "6.74c", "6.81a", "6.82b"] {
        assert!(!catalogue.valid_in(&code(new), 2022), "{new}");
        assert!(catalogue.valid_in(&code(new), 2023), "{new}");
        assert!(catalogue.valid_in(&code(new), 2100), "{new}");
    }
    assert!(catalogue.valid_in(&code("0.10"), 2024));
}

#[test]
fn renamed_fields_have_a_name_per_period() {
    let catalogue = catalogue();
    assert_eq!(catalogue.name_in(&code("6.2"), 2022), Some("Wijkteams"));
    assert_eq!(
        catalogue.name_in(&code("6.2"), 2023),
        Some("Toegang en eerstelijnsvoorzieningen")
    );
    assert_eq!(
        catalogue.name_in(&code("6.4"), 2021),
        Some("Begeleide participatie")
    );
    assert_eq!(catalogue.name_in(&code("6.4"), 2025), Some("WSW en beschut werk"));
    assert!(catalogue.valid_in(&code("6.2"), 2022) && catalogue.valid_in(&code("6.2"), 2023));
    assert_eq!(catalogue.name_in(&code("6.72"), 2023), None);
    assert_eq!(
        catalogue.name_in(&code("6.81a"), 2023),
        Some("Beschermd wonen (WMO)")
    );
}

/// Done means (issue 15): a series for 6.72 across 2021–2024, on the old code and then on the
/// ten new ones, is continuous on the parent.
#[test]
fn a_series_for_6_72_runs_on_across_the_split() {
    let mut amounts: Vec<Amount> = vec![(2021, code("6.72"), euro(1000)), (2022, code("6.72"), euro(1100))];
    for (year, base) in [(2023, 10_000), (2024, 11_000)] {
        for (i, new) in TEN.iter().enumerate() {
            amounts.push((year, code(new), cents(base + i64::try_from(i).unwrap_or(0))));
        }
    }
    // Unrelated codes are left out of the series.
    amounts.push((2023, code("6.81a"), euro(999)));
    amounts.push((2022, code("6.71"), euro(555)));
    let series = catalogue()
        .series_on_parent(&code("6.72"), &amounts)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        series,
        vec![
            (2021, euro(1000)),
            (2022, euro(1100)),
            (2023, cents(10 * 10_000 + 45)),
            (2024, cents(10 * 11_000 + 45)),
        ]
    );
}

/// Done means (issue 15): a series for 6.81a alone starts in 2023.
#[test]
fn a_series_for_6_81a_alone_starts_in_2023() {
    let amounts: Vec<Amount> = vec![
        (2021, code("6.81"), euro(500)),
        (2022, code("6.81"), euro(520)),
        (2023, code("6.81a"), euro(400)),
        (2023, code("6.81b"), euro(150)),
        (2024, code("6.81a"), euro(410)),
    ];
    let catalogue = catalogue();
    let alone = catalogue
        .series_on_parent(&code("6.81a"), &amounts)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alone, vec![(2023, euro(400)), (2024, euro(410))]);
    let parent = catalogue
        .series_on_parent(&code("6.81"), &amounts)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        parent,
        vec![
            (2021, euro(500)),
            (2022, euro(520)),
            (2023, euro(550)),
            (2024, euro(410))
        ]
    );
}

#[test]
fn an_old_code_is_never_mapped_onto_one_successor() {
    let catalogue = catalogue();
    let refused = catalogue.single_successor("code", &code("6.72")).err();
    assert_eq!(
        refused.as_ref().map(error_codes),
        Some(vec![("code".to_owned(), "ambiguous_successor")])
    );
    for old in ["6.71", "6.81", "6.82"] {
        assert!(catalogue.single_successor("code", &code(old)).is_err(), "{old}");
    }
    let none = catalogue.single_successor("code", &code("6.2")).err();
    assert_eq!(
        none.as_ref().map(error_codes),
        Some(vec![("code".to_owned(), "no_successor")])
    );
}

#[test]
fn series_refuse_unknown_codes_codes_outside_their_version_and_years_out_of_range() {
    let catalogue = catalogue();
    let unknown = catalogue.series_on_parent(&code("6.99"), &[]).err();
    assert_eq!(
        unknown.as_ref().map(error_codes),
        Some(vec![("code".to_owned(), "unknown_task_field")])
    );

    let amounts: Vec<Amount> = vec![
        (2022, code("6.72"), cents(1)),
        (2023, code("6.72"), cents(1)),
        (2022, code("6.72a"), cents(1)),
        (1999, code("0.1"), cents(1)),
        (2101, code("0.1"), cents(1)),
        (2023, code("8.9"), cents(1)),
    ];
    let refused = catalogue.series_on_parent(&code("6.72"), &amounts).err();
    assert_eq!(
        refused.as_ref().map(error_codes),
        Some(vec![
            ("amounts[1]".to_owned(), "task_field_not_in_year"),
            ("amounts[2]".to_owned(), "task_field_not_in_year"),
            ("amounts[3]".to_owned(), "invalid_year"),
            ("amounts[4]".to_owned(), "invalid_year"),
            ("amounts[5]".to_owned(), "unknown_task_field"),
        ])
    );
    // The message for a new code before the split names the code to book on instead.
    let early = catalogue.check_booking("x", &code("6.72a"), 2022).err();
    let text = early.map(|e| e.to_string()).unwrap_or_default();
    assert!(text.contains("6.72"), "{text}");
}

#[test]
fn codes_must_be_well_formed() {
    for good in ["0.1", "0.10", "6.72", "6.74c", " 8.3 "] {
        assert!(TaskFieldCode::parse("code", good).is_ok(), "{good}");
    }
    for bad in [
        "", "6", "6.", ".1", "9.1", "6.721", "6.72A", "6.72ab", "a.1", "6,72", "06.1",
    ] {
        assert!(TaskFieldCode::parse("code", bad).is_err(), "{bad}");
    }
}

const HEADER: &str = "code,name,valid_from_year,valid_until_year,parent,checked,source\n";
const URL: &str = "https://example.org/iv3.pdf";

fn parse_rows(rows: &str) -> Result<Catalogue, ValidationErrors> {
    Catalogue::parse(&format!("{HEADER}{rows}"))
}

#[test]
fn the_parser_names_line_and_column_of_every_wrong_cell() {
    let rows = format!(
        "6.72,Maatwerkdienstverlening 18-,2017,2022,,bron,{URL}\n\
         6.72a,Jeugdhulp begeleiding,2023,,6.72,bron,{URL}\n\
         6.7x1,,1999,,,elders,http://example.org\n\
         6.73a,Pleegzorg,2024,,6.72,bron,{URL}\n\
         6.81a,Beschermd wonen,2023,,6.81,bron,{URL}\n\
         6.2,Wijkteams,2017,2023,,bron,{URL}\n\
         6.2,Toegang,2023,,,bron,{URL}\n\
         6.4,WSW,2023,2020,,bron,{URL}\n"
    );
    let errors = parse_rows(&rows).err().map(|e| error_codes(&e));
    assert_eq!(
        errors,
        Some(vec![
            ("4:code".to_owned(), "invalid_task_field"),
            ("4:name".to_owned(), "required"),
            ("4:valid_from_year".to_owned(), "invalid_year"),
            ("4:checked".to_owned(), "invalid_value"),
            ("4:source".to_owned(), "invalid_url"),
            ("8:valid_from_year".to_owned(), "overlapping_version"),
            ("9:valid_until_year".to_owned(), "ends_before_start"),
            ("5:parent".to_owned(), "invalid_parent"),
            ("6:parent".to_owned(), "invalid_parent"),
        ])
    );
}

#[test]
fn the_parser_refuses_a_missing_column_and_a_parent_with_a_parent() {
    let missing = Catalogue::parse("code,name\n0.1,Bestuur\n")
        .err()
        .map(|e| error_codes(&e));
    assert_eq!(missing.map(|e| e.len()), Some(5));
    let nested = parse_rows(&format!(
        "6.72,Maatwerkdienstverlening 18-,2017,2022,,bron,{URL}\n\
         6.72a,Jeugdhulp begeleiding,2023,2023,6.72,bron,{URL}\n\
         6.72x,Verzonnen,2024,,6.72a,derden,{URL}\n"
    ))
    .err()
    .map(|e| error_codes(&e));
    assert_eq!(nested, Some(vec![("4:parent".to_owned(), "invalid_parent")]));
}

fn split_children() -> Vec<TaskFieldCode> {
    catalogue()
        .fields
        .iter()
        .filter(|f| f.parent.is_some())
        .map(|f| f.code.clone())
        .collect()
}

proptest! {
    /// For any amounts on the new codes, the parent's series is, year by year, the sum of its
    /// children's own series, and its total is the sum of all amounts under it.
    #[test]
    fn summing_children_equals_the_parents_total(
        picks in proptest::collection::vec((2023..=2030i32, 0usize..18, 0i64..1_000_000_000_000), 0..60)
    ) {
        let children = split_children();
        let amounts: Vec<Amount> = picks
            .iter()
            .map(|(year, i, n)| (*year, children[*i].clone(), cents(*n)))
            .collect();
        let catalogue = catalogue();
        for parent in ["6.71", "6.72", "6.81", "6.82"].map(code) {
            let series = catalogue.series_on_parent(&parent, &amounts).unwrap_or_else(|e| panic!("{e}"));
            let mut summed: BTreeMap<i32, Cents> = BTreeMap::new();
            for child in catalogue.children_of(&parent) {
                for (year, amount) in catalogue.series_on_parent(child, &amounts).unwrap_or_else(|e| panic!("{e}")) {
                    *summed.entry(year).or_insert(Cents::ZERO) += amount;
                }
            }
            prop_assert_eq!(&series, &summed.into_iter().collect::<Vec<_>>());
            let total: Cents = series.iter().map(|(_, a)| *a).sum();
            let expected: Cents = amounts
                .iter()
                .filter(|(_, c, _)| catalogue.parent_of(c) == Some(&parent))
                .map(|(_, _, a)| *a)
                .sum();
            prop_assert_eq!(total, expected);
        }
    }
}
