use proptest::prelude::*;

use super::*;
use crate::control::ControlMoment;
use crate::money::{Instrument, MoneyStatus};
use crate::org::OrgCode;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn c(year: i32, euros: i64, instrument: Instrument, status: MoneyStatus) -> Contribution {
    Contribution {
        partner: OrgCode::parse("GM0363").unwrap(),
        year,
        amount: Cents::new(euros * 100).unwrap(),
        instrument,
        status,
    }
}

#[test]
fn money_per_year_counts_the_firmest_figure_once() {
    let money = [
        c(2025, 100, Instrument::EigenMiddelen, MoneyStatus::Toegezegd),
        c(2025, 120, Instrument::EigenMiddelen, MoneyStatus::Gerealiseerd),
        c(2025, 50, Instrument::SpecifiekeUitkering, MoneyStatus::Begroot),
        c(2024, 70, Instrument::EigenMiddelen, MoneyStatus::Begroot),
        c(2026, 0, Instrument::EigenMiddelen, MoneyStatus::Begroot),
    ];
    assert_eq!(
        money_per_year(&money),
        vec![
            YearAmount {
                year: 2024,
                amount: Cents::new(7_000).unwrap()
            },
            YearAmount {
                year: 2025,
                amount: Cents::new(17_000).unwrap()
            },
        ],
        "realised 120 supersedes the promised 100; the zero year is left out"
    );
    assert!(money_per_year(&[]).is_empty());
}

#[test]
fn years_add_up_across_collaborations() {
    let a = vec![YearAmount {
        year: 2025,
        amount: Cents::new(1).unwrap(),
    }];
    let b = vec![
        YearAmount {
            year: 2024,
            amount: Cents::new(2).unwrap(),
        },
        YearAmount {
            year: 2025,
            amount: Cents::new(3).unwrap(),
        },
    ];
    assert_eq!(
        add_years(&[a, b]),
        vec![
            YearAmount {
                year: 2024,
                amount: Cents::new(2).unwrap()
            },
            YearAmount {
                year: 2025,
                amount: Cents::new(4).unwrap()
            },
        ]
    );
}

fn control() -> DemocraticControl {
    DemocraticControl {
        next_evaluation: Some(day("2027-06-01")),
        moments: vec![
            ControlMoment {
                kind: MomentKind::Verantwoording,
                date: day("2026-03-01"),
                body: ElectedBody::Gemeenteraden,
                description: Some("Jaarrekening 2025".into()),
            },
            ControlMoment {
                kind: MomentKind::Kaderstelling,
                date: day("2027-01-15"),
                body: ElectedBody::Gemeenteraden,
                description: None,
            },
        ],
        ..DemocraticControl::default()
    }
}

#[test]
fn coming_moments_leave_out_the_past_and_keep_date_order() {
    let today = day("2026-11-23");
    let moments = coming_moments(Some(&control()), Some(day("2028-12-31")), today);
    let kinds: Vec<_> = moments.iter().map(|m| (m.date, m.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (day("2027-01-15"), MomentType::Kaderstelling),
            (day("2027-06-01"), MomentType::Evaluatie),
            (day("2028-12-31"), MomentType::Einde),
        ],
        "the verantwoording of March 2026 has passed"
    );
    assert!(moments.iter().all(|m| !m.overdue));
    assert_eq!(moments[0].body, Some(ElectedBody::Gemeenteraden));
}

#[test]
fn a_past_evaluation_stays_in_the_list_as_overdue() {
    let moments = coming_moments(Some(&control()), None, day("2027-07-01"));
    assert_eq!(moments.len(), 1);
    assert_eq!(moments[0].kind, MomentType::Evaluatie);
    assert!(moments[0].overdue);
}

#[test]
fn a_moment_today_is_still_coming_and_an_ended_term_is_not() {
    let today = day("2027-01-15");
    let moments = coming_moments(Some(&control()), Some(day("2027-01-14")), today);
    assert_eq!(moments[0].date, today);
    assert!(moments.iter().all(|m| m.kind != MomentType::Einde));
    assert!(coming_moments(None, None, today).is_empty());
}

proptest! {
    #[test]
    fn money_per_year_sums_to_the_best_known_total(
        raw in proptest::collection::vec((2020i32..2030, 0i64..1_000_000, 0usize..8, 0usize..3), 0..40)
    ) {
        let money: Vec<Contribution> = raw
            .iter()
            .map(|(y, cents, i, s)| Contribution {
                partner: OrgCode::parse("GM0363").unwrap(),
                year: *y,
                amount: Cents::new(*cents).unwrap(),
                instrument: Instrument::ALL[*i],
                status: MoneyStatus::ALL[*s],
            })
            .collect();
        let total: i64 = best_known(&money).iter().map(|c| c.amount.get()).sum();
        let years = money_per_year(&money);
        prop_assert_eq!(years.iter().map(|y| y.amount.get()).sum::<i64>(), total);
        prop_assert!(years.windows(2).all(|w| w[0].year < w[1].year));
        prop_assert!(years.iter().all(|y| y.amount.get() > 0));
    }
}
