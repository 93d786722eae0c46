use proptest::prelude::*;

use super::*;

fn eur(euros: i64) -> Option<Cents> {
    Cents::new(euros * 100)
}

fn year(year: i32, budget: i64, costs: i64) -> YearFigures {
    YearFigures {
        year,
        budget: eur(budget),
        costs: eur(costs),
    }
}

#[test]
fn costs_beyond_the_margin_three_years_running_are_flagged() {
    let figures = [
        year(2021, 100, 100),
        year(2022, 100, 111),
        year(2023, 100, 115),
        year(2024, 100, 130),
    ];
    let a = assess(&figures, Settings::DEFAULT);
    assert_eq!(a.years_beyond, 3);
    assert!(a.flagged);
    assert_eq!(a.latest_gap_cents, Some(3_000));
    assert_eq!(a.rows[3].ratio_permille, Some(1_300));
    assert_eq!(a.trend.map(|t| t.direction), Some(Direction::Widening));
}

#[test]
fn two_years_running_are_not_enough_and_a_within_year_ends_the_run() {
    let two = assess(&[year(2023, 100, 120), year(2024, 100, 120)], Settings::DEFAULT);
    assert_eq!((two.years_beyond, two.flagged), (2, false));
    let ended = assess(
        &[
            year(2020, 100, 150),
            year(2021, 100, 150),
            year(2022, 100, 150),
            year(2023, 100, 105),
        ],
        Settings::DEFAULT,
    );
    assert_eq!(
        (ended.years_beyond, ended.flagged),
        (0, false),
        "a past episode is not flagged"
    );
}

#[test]
fn the_margin_itself_is_not_beyond_it() {
    // Exactly 10 % above the budget is within a 10 % margin; one cent more is beyond it.
    let exactly = assess(&[year(2024, 1_000, 1_100)], Settings::DEFAULT);
    assert!(!exactly.rows[0].beyond_margin);
    let more = assess(
        &[YearFigures {
            year: 2024,
            budget: eur(1_000),
            costs: Cents::new(110_001),
        }],
        Settings::DEFAULT,
    );
    assert!(more.rows[0].beyond_margin);
}

#[test]
fn a_missing_year_breaks_the_run_but_a_later_budget_alone_does_not() {
    let gap = assess(
        &[
            year(2020, 100, 150),
            year(2021, 100, 150),
            YearFigures {
                year: 2022,
                budget: eur(100),
                costs: None,
            },
            year(2023, 100, 150),
        ],
        Settings::DEFAULT,
    );
    assert_eq!(gap.years_beyond, 1);
    let next_budget = assess(
        &[
            year(2021, 100, 150),
            year(2022, 100, 150),
            year(2023, 100, 150),
            YearFigures {
                year: 2024,
                budget: eur(120),
                costs: None,
            },
        ],
        Settings::DEFAULT,
    );
    assert_eq!((next_budget.years_beyond, next_budget.flagged), (3, true));
    assert_eq!(next_budget.rows[3].gap_cents, None);
}

#[test]
fn a_zero_budget_has_a_gap_but_no_ratio() {
    let a = assess(&[year(2024, 0, 10)], Settings::DEFAULT);
    assert_eq!(a.rows[0].gap_cents, Some(1_000));
    assert_eq!(a.rows[0].ratio_permille, None);
    assert!(a.rows[0].beyond_margin);
    assert_eq!(a.trend, None);
}

#[test]
fn the_trend_is_the_slope_of_the_ratio() {
    let narrowing = assess(
        &[year(2022, 100, 130), year(2023, 100, 120), year(2024, 100, 110)],
        Settings::DEFAULT,
    );
    assert_eq!(
        narrowing.trend,
        Some(Trend {
            permille_per_year: -100,
            direction: Direction::Narrowing
        })
    );
    let stable = assess(
        &[year(2023, 1_000, 1_000), year(2024, 1_000, 1_005)],
        Settings::DEFAULT,
    );
    assert_eq!(stable.trend.map(|t| t.direction), Some(Direction::Stable));
}

#[test]
fn settings_are_checked_naming_the_field() {
    assert_eq!(Settings::parse("", ""), Ok(Settings::DEFAULT));
    assert_eq!(
        Settings::parse("25", "2"),
        Ok(Settings {
            margin_percent: 25,
            years_running: 2
        })
    );
    let wrong = Settings::parse("-1", "0").unwrap_err();
    let fields: Vec<&str> = wrong.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["margin", "years"]);
    assert!(Settings::parse("101", "3").is_err());
    assert!(Settings::parse("10", "11").is_err());
    assert!(Settings::parse("tien", "3").is_err());
}

#[test]
fn biggest_gaps_come_first() {
    let mut items = vec![
        ("klein", assess(&[year(2024, 100, 110)], Settings::DEFAULT)),
        ("geen", assess(&[year(2024, 100, 0)], Settings::DEFAULT)),
        ("zonder", assess(&[], Settings::DEFAULT)),
        ("groot", assess(&[year(2024, 100, 500)], Settings::DEFAULT)),
    ];
    biggest_gaps_first(&mut items, |(_, a)| a);
    let order: Vec<&str> = items.iter().map(|(n, _)| *n).collect();
    assert_eq!(order, ["groot", "klein", "geen", "zonder"]);
}

proptest! {
    /// The flag holds exactly when the latest `years_running` years with both figures are
    /// consecutive and each beyond the margin.
    #[test]
    fn the_flag_matches_its_definition(
        series in proptest::collection::vec((0i64..1_000, 0i64..2_000), 0..12),
        margin in 0u32..50,
        years in 1u32..6,
    ) {
        let settings = Settings { margin_percent: margin, years_running: years };
        let figures: Vec<YearFigures> = series
            .iter()
            .enumerate()
            .map(|(i, (b, c))| year(2010 + i as i32, *b, *c))
            .collect();
        let a = assess(&figures, settings);
        let last: Vec<&(i64, i64)> = series.iter().rev().take(years as usize).collect();
        let expected = last.len() == years as usize
            && last.iter().all(|(b, c)| c * 100 > b * (100 + i64::from(margin)));
        prop_assert_eq!(a.flagged, expected);
        for r in &a.rows {
            let (b, c) = (r.budget.unwrap().get(), r.costs.unwrap().get());
            prop_assert_eq!(r.gap_cents, Some(c - b));
            prop_assert_eq!(r.beyond_margin, c * 100 > b * (100 + i64::from(margin)));
        }
    }
}
