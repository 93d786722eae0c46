use std::collections::HashMap;

use super::*;
use crate::iv3::shipped;

fn catalogue() -> &'static Catalogue {
    shipped().unwrap_or_else(|e| panic!("the shipped catalogue does not parse: {e}"))
}

fn known(code: &OrgCode) -> bool {
    ["GM0363", "GM0344", "GM0014"].contains(&code.as_str())
}

fn org(raw: &str) -> OrgCode {
    OrgCode::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

fn code(raw: &str) -> TaskFieldCode {
    TaskFieldCode::parse("code", raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

fn cents(n: i64) -> Cents {
    Cents::new(n).unwrap_or_else(|| panic!("negative {n}"))
}

/// Checks one row given as (column, value) pairs.
fn check(shape: CostShape, cells: &[(&str, &str)]) -> Result<CostLine, ValidationErrors> {
    let map: HashMap<&str, &str> = cells.iter().copied().collect();
    let row = in_order(shape, &map);
    let cell = |i: usize| -> &str { row.get(i).copied().unwrap_or("") };
    let context = RowContext::new(catalogue(), &known);
    context.line(shape, &cell)
}

/// The cells of a row in the order of the shape's columns.
fn in_order<'a>(shape: CostShape, map: &HashMap<&str, &'a str>) -> Vec<&'a str> {
    shape
        .columns()
        .iter()
        .map(|column| map.get(column).copied().unwrap_or(""))
        .collect()
}

fn cbs(
    gm: &str,
    field: &str,
    category: &str,
    kind: &str,
    period: &str,
    amount: &str,
) -> Result<CostLine, ValidationErrors> {
    check(
        CostShape::Cbs,
        &[
            ("gemeenten", gm),
            ("taakveldbalanspost", field),
            ("categorie", category),
            ("verslagsoort", kind),
            ("perioden", period),
            ("bedrag", amount),
        ],
    )
}

fn os(
    gov: &str,
    field: &str,
    year: &str,
    soort: &str,
    kant: &str,
    amount: &str,
) -> Result<CostLine, ValidationErrors> {
    check(
        CostShape::Openspending,
        &[
            ("overheid", gov),
            ("taakveld", field),
            ("jaar", year),
            ("soort", soort),
            ("kant", kant),
            ("bedrag", amount),
        ],
    )
}

/// The columns and error codes of a refusal.
fn refused(result: Result<CostLine, ValidationErrors>) -> Vec<(String, &'static str)> {
    match result {
        Ok(line) => panic!("accepted: {line:?}"),
        Err(e) => e.errors.iter().map(|e| (e.field.clone(), e.code)).collect(),
    }
}

fn one(column: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(column.to_owned(), code)]
}

#[test]
fn a_cbs_row_reads_into_a_line_in_cents() {
    let line = cbs("gm0363", "6.72", "L3.1", "jaarrekening", "2022JJ00", "1234,5").unwrap();
    assert_eq!(
        line,
        CostLine {
            key: CostKey {
                organisation: org("GM0363"),
                task_field: code("6.72"),
                year: 2022,
                report: ReportKind::Jaarrekening
            },
            lasten: true,
            amount: cents(123_450_000),
        }
    );
    let baten = cbs("GM0363", "6.72a", "B2.1", "begroting", "2023", "7").unwrap();
    assert!(!baten.lasten);
    assert_eq!(baten.key.report, ReportKind::Begroting);
    assert_eq!(baten.amount, cents(700_000));
    let quarter = cbs("GM0344", "0.1", "L1.1", "Kwartaal", "2024KW03", "0").unwrap();
    assert_eq!(quarter.key.report, ReportKind::Kwartaal3);
}

#[test]
fn an_openspending_row_reads_into_a_line() {
    let line = os("GM0014", "6.81a", "2023", "realisatie", "lasten", "12.25").unwrap();
    assert_eq!(line.key.report, ReportKind::Jaarrekening);
    assert_eq!(line.amount, cents(1_225_000));
    assert!(line.lasten);
    assert_eq!(
        os("GM0014", "6.1", "2019", "Q4", "Baten", "1")
            .unwrap()
            .key
            .report,
        ReportKind::Kwartaal4
    );
    assert_eq!(
        os("GM0014", "6.1", "2019", "begroting", "baten", "1")
            .unwrap()
            .key
            .report,
        ReportKind::Begroting
    );
}

#[test]
fn amounts_in_thousands_are_whole_cents_and_never_negative() {
    assert_eq!(parse_thousands("b", "0").unwrap(), Cents::ZERO);
    assert_eq!(parse_thousands("b", " 1 ").unwrap(), cents(100_000));
    assert_eq!(parse_thousands("b", "0,00001").unwrap(), cents(1));
    assert_eq!(parse_thousands("b", "3.5").unwrap(), cents(350_000));
    for (bad, why) in [
        ("", "invalid_amount"),
        ("-1", "invalid_amount"),
        ("1.000,5", "invalid_amount"),
        ("12a", "invalid_amount"),
        ("0,000001", "invalid_amount"),
        (",5", "invalid_amount"),
        ("99999999999999999999", "invalid_amount"),
        ("92233720368548", "invalid_amount"),
    ] {
        let e = parse_thousands("bedrag", bad).unwrap_err();
        assert_eq!(
            (e.errors[0].field.as_str(), e.errors[0].code),
            ("bedrag", why),
            "{bad}"
        );
    }
    let negative = parse_thousands("bedrag", "-5").unwrap_err();
    assert_eq!(
        negative.errors[0].message.dutch(),
        "Een bedrag kan niet negatief zijn."
    );
}

#[test]
fn periods_give_a_year_and_maybe_a_quarter() {
    assert_eq!(parse_period("p", "2023JJ00").unwrap(), (2023, None));
    assert_eq!(parse_period("p", "2023").unwrap(), (2023, None));
    assert_eq!(parse_period("p", "2023kw02").unwrap(), (2023, Some(2)));
    for bad in ["2023KW05", "2023X", "JJ00", "", "1999JJ00", "2101", "20233"] {
        assert!(parse_period("p", bad).is_err(), "{bad}");
    }
}

#[test]
fn unknown_organisations_are_refused_by_column() {
    assert_eq!(
        refused(cbs("GM9999", "6.1", "L1", "begroting", "2023", "1")),
        one("gemeenten", "unknown_organisation")
    );
    assert_eq!(
        refused(cbs("GM 03", "6.1", "L1", "begroting", "2023", "1")),
        one("gemeenten", "invalid_code")
    );
    assert_eq!(
        refused(os("PV27", "6.1", "2023", "begroting", "lasten", "1")),
        one("overheid", "unknown_organisation")
    );
}

#[test]
fn unknown_task_fields_are_refused() {
    assert_eq!(
        refused(cbs("GM0363", "6.99", "L1", "begroting", "2023", "1")),
        one("taakveldbalanspost", "unknown_task_field")
    );
    assert_eq!(
        refused(cbs("GM0363", "A1", "L1", "begroting", "2023", "1")).len(),
        1
    );
    assert_eq!(
        refused(os("GM0363", "8.9", "2023", "begroting", "lasten", "1")),
        one("taakveld", "unknown_task_field")
    );
}

#[test]
fn years_outside_2000_to_2100_are_refused() {
    assert_eq!(
        refused(cbs("GM0363", "6.1", "L1", "begroting", "1999", "1")),
        one("perioden", "invalid_year")
    );
    assert_eq!(
        refused(os("GM0363", "6.1", "2101", "begroting", "lasten", "1")),
        one("jaar", "invalid_year")
    );
    assert_eq!(
        refused(os("GM0363", "6.1", "twintig", "begroting", "lasten", "1")),
        one("jaar", "invalid_year")
    );
    // 2000 is a year the import reads; Iv3 task fields begin later, which the task field says.
    assert_eq!(
        refused(os("GM0363", "6.1", "2000", "begroting", "lasten", "1")),
        one("taakveld", "task_field_not_in_year")
    );
    assert!(os("GM0363", "6.1", "2100", "begroting", "lasten", "1").is_ok());
}

#[test]
fn a_task_field_must_hold_in_its_year() {
    // An old code after the split, a new code before it.
    assert_eq!(
        refused(cbs("GM0363", "6.72", "L1", "jaarrekening", "2023JJ00", "1")),
        one("taakveldbalanspost", "task_field_not_in_year")
    );
    assert_eq!(
        refused(os("GM0363", "6.81a", "2022", "realisatie", "lasten", "1")),
        one("taakveld", "task_field_not_in_year")
    );
    assert!(os("GM0363", "6.72", "2022", "realisatie", "lasten", "1").is_ok());
    assert!(os("GM0363", "6.81a", "2023", "realisatie", "lasten", "1").is_ok());
}

#[test]
fn negative_and_non_numeric_amounts_are_refused() {
    assert_eq!(
        refused(cbs("GM0363", "6.1", "L1", "begroting", "2023", "-3")),
        one("bedrag", "invalid_amount")
    );
    assert_eq!(
        refused(os("GM0363", "6.1", "2023", "begroting", "lasten", "veel")),
        one("bedrag", "invalid_amount")
    );
}

#[test]
fn kinds_categories_and_sides_are_checked() {
    assert_eq!(
        refused(cbs("GM0363", "6.1", "X1", "begroting", "2023", "1")),
        one("categorie", "unknown_value")
    );
    assert_eq!(
        refused(cbs("GM0363", "6.1", "L1", "prognose", "2023", "1")),
        one("verslagsoort", "unknown_value")
    );
    assert_eq!(
        refused(cbs("GM0363", "6.1", "L1", "kwartaal", "2023JJ00", "1")),
        one("verslagsoort", "period_mismatch")
    );
    assert_eq!(
        refused(cbs("GM0363", "6.1", "L1", "begroting", "2023KW01", "1")),
        one("verslagsoort", "period_mismatch")
    );
    assert_eq!(
        refused(os("GM0363", "6.1", "2023", "prognose", "lasten", "1")),
        one("soort", "unknown_value")
    );
    assert_eq!(
        refused(os("GM0363", "6.1", "2023", "begroting", "saldo", "1")),
        one("kant", "unknown_value")
    );
}

#[test]
fn every_problem_of_a_row_is_named() {
    let all = refused(cbs("XX", "6.99", "Z", "prognose", "1800", "-1"));
    let columns: Vec<&str> = all.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        columns,
        [
            "gemeenten",
            "perioden",
            "categorie",
            "taakveldbalanspost",
            "bedrag"
        ]
    );
}

fn line(gm: &str, field: &str, year: i32, report: ReportKind, lasten: bool, amount: i64) -> CostLine {
    CostLine {
        key: CostKey {
            organisation: org(gm),
            task_field: code(field),
            year,
            report,
        },
        lasten,
        amount: cents(amount),
    }
}

#[test]
fn categories_add_up_into_lasten_and_baten_per_key() {
    use ReportKind::{Begroting, Jaarrekening};
    let figures = totals([
        line("GM0363", "6.1", 2023, Jaarrekening, true, 100),
        line("GM0363", "6.1", 2023, Jaarrekening, true, 50),
        line("GM0363", "6.1", 2023, Jaarrekening, false, 7),
        line("GM0363", "6.1", 2023, Begroting, true, 1),
        line("GM0014", "6.1", 2023, Jaarrekening, true, 9),
    ]);
    assert_eq!(figures.len(), 3);
    assert_eq!(figures[0].key.organisation.as_str(), "GM0014");
    let amsterdam: Vec<_> = figures
        .iter()
        .filter(|f| f.key.organisation.as_str() == "GM0363")
        .collect();
    assert_eq!(
        amsterdam[0].key.report, Begroting,
        "begroting sorts before jaarrekening"
    );
    assert_eq!((amsterdam[1].lasten, amsterdam[1].baten), (cents(150), cents(7)));
}

const TEN: [&str; 10] = [
    "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c",
];

fn youth_figures() -> Vec<CostFigure> {
    let mut lines = vec![
        line("GM0363", "6.72", 2021, ReportKind::Jaarrekening, true, 1_000),
        line("GM0363", "6.72", 2022, ReportKind::Jaarrekening, true, 1_100),
        line("GM0363", "6.72", 2022, ReportKind::Jaarrekening, false, 10),
        line("GM0344", "6.72", 2022, ReportKind::Jaarrekening, true, 5),
        line("GM0363", "6.81a", 2023, ReportKind::Jaarrekening, true, 400),
    ];
    for year in [2023, 2024] {
        for (i, c) in TEN.iter().enumerate() {
            lines.push(line(
                "GM0363",
                c,
                year,
                ReportKind::Jaarrekening,
                true,
                100 + i as i64 + year as i64 % 10,
            ));
        }
        lines.push(line("GM0363", "6.72a", year, ReportKind::Jaarrekening, false, 3));
    }
    totals(lines)
}

#[test]
fn the_series_of_6_72_runs_on_across_the_split_on_its_parent() {
    let figures = youth_figures();
    let points = series(
        catalogue(),
        &figures,
        &org("GM0363"),
        &code("6.72"),
        ReportKind::Jaarrekening,
        SeriesOn::Parent,
    )
    .unwrap();
    let years: Vec<i32> = points.iter().map(|p| p.year).collect();
    assert_eq!(years, [2021, 2022, 2023, 2024], "continuous");
    // 2023: 100+…+109 plus 3 per code = 1045 + 30.
    assert_eq!(points[2].lasten, cents((0..10).map(|i| 103 + i).sum()));
    assert_eq!(points[3].lasten, cents((0..10).map(|i| 104 + i).sum()));
    assert_eq!((points[1].lasten, points[1].baten), (cents(1_100), cents(10)));
    assert_eq!(points[2].baten, cents(3));
    // As booked, 6.72 ends in 2022.
    let booked = series(
        catalogue(),
        &figures,
        &org("GM0363"),
        &code("6.72"),
        ReportKind::Jaarrekening,
        SeriesOn::New,
    )
    .unwrap();
    assert_eq!(booked.iter().map(|p| p.year).collect::<Vec<_>>(), [2021, 2022]);
}

#[test]
fn the_series_of_6_81a_alone_starts_in_2023() {
    let figures = youth_figures();
    for on in SeriesOn::ALL {
        let points = series(
            catalogue(),
            &figures,
            &org("GM0363"),
            &code("6.81a"),
            ReportKind::Jaarrekening,
            *on,
        )
        .unwrap();
        assert_eq!(
            points,
            [SeriesPoint {
                year: 2023,
                lasten: cents(400),
                baten: Cents::ZERO
            }]
        );
    }
    // Its parent 6.81 has no amounts before 2023 here, so its series also starts in 2023.
    let parent = series(
        catalogue(),
        &figures,
        &org("GM0363"),
        &code("6.81"),
        ReportKind::Jaarrekening,
        SeriesOn::Parent,
    )
    .unwrap();
    assert_eq!(parent.first().map(|p| p.year), Some(2023));
}

#[test]
fn a_series_keeps_to_its_organisation_and_kind_and_refuses_an_unknown_code() {
    let figures = youth_figures();
    let utrecht = series(
        catalogue(),
        &figures,
        &org("GM0344"),
        &code("6.72"),
        ReportKind::Jaarrekening,
        SeriesOn::Parent,
    )
    .unwrap();
    assert_eq!(utrecht.len(), 1);
    let budget = series(
        catalogue(),
        &figures,
        &org("GM0363"),
        &code("6.72"),
        ReportKind::Begroting,
        SeriesOn::Parent,
    )
    .unwrap();
    assert!(budget.is_empty());
    assert!(
        series(
            catalogue(),
            &figures,
            &org("GM0363"),
            &code("6.99"),
            ReportKind::Begroting,
            SeriesOn::Parent
        )
        .is_err()
    );
}

#[test]
fn shapes_name_their_columns() {
    assert_eq!(CostShape::Cbs.columns().len(), 6);
    assert!(CostShape::Openspending.columns().contains(&"kant"));
    assert_eq!(CostShape::parse_field("vorm", "cbs").ok(), Some(CostShape::Cbs));
    assert!(CostShape::parse_field("vorm", "xlsx").is_err());
    let mut kinds = ReportKind::ALL.to_vec();
    kinds.reverse();
    kinds.sort();
    assert_eq!(kinds, ReportKind::ALL);
}

/// One openspending row checked with `context`.
fn os_with(
    context: &RowContext<'_>,
    gov: &str,
    field: &str,
    year: &str,
) -> Result<CostLine, ValidationErrors> {
    let map: HashMap<&str, &str> = [
        ("overheid", gov),
        ("taakveld", field),
        ("jaar", year),
        ("soort", "realisatie"),
        ("kant", "lasten"),
        ("bedrag", "1"),
    ]
    .into_iter()
    .collect();
    let row = in_order(CostShape::Openspending, &map);
    let cell = |i: usize| -> &str { row.get(i).copied().unwrap_or("") };
    context.line(CostShape::Openspending, &cell)
}

#[test]
fn a_context_gives_the_same_answer_for_a_repeated_cell() {
    let context = RowContext::new(catalogue(), &known);
    for _ in 0..2 {
        assert!(os_with(&context, "GM0363", "6.72", "2022").is_ok());
        let refused = os_with(&context, "GM9999", "6.72", "2023").unwrap_err();
        let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["overheid", "taakveld"]);
    }
    // The same code in another year is checked for that year.
    assert!(os_with(&context, "GM0363", "6.72a", "2022").is_err());
    assert!(os_with(&context, "GM0363", "6.72a", "2023").is_ok());
}

proptest::proptest! {
    /// A file cut anywhere and summed in two parts gives the figures of the whole.
    #[test]
    fn figures_of_two_parts_merged_are_the_figures_of_the_whole(
        rows in proptest::collection::vec((0usize..3, 0usize..3, 2022i32..2025, proptest::bool::ANY, proptest::bool::ANY, 0i64..1_000_000), 0..60),
        cut in 0usize..61,
    ) {
        use ReportKind::{Begroting, Jaarrekening};
        const ORGS: [&str; 3] = ["GM0014", "GM0344", "GM0363"];
        const FIELDS: [&str; 3] = ["0.1", "6.1", "7.1"];
        let lines: Vec<CostLine> = rows
            .iter()
            .map(|&(o, f, year, begroting, lasten, amount)| {
                let report = if begroting { Begroting } else { Jaarrekening };
                line(ORGS[o], FIELDS[f], year, report, lasten, amount)
            })
            .collect();
        let cut = cut.min(lines.len());
        let whole = totals(lines.clone());
        let parts = merged(totals(lines[..cut].to_vec()), totals(lines[cut..].to_vec()));
        proptest::prop_assert_eq!(parts, whole);
    }
}
