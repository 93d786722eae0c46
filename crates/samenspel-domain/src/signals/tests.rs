use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::money::{Cents, Instrument, MoneyStatus};
use crate::partnership::Profile;

const IDEAL: [u8; 6] = [3, 1, 3, 3, 3, 1];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn partner(code: &str, org_type: OrgType, values: Option<[u8; 6]>) -> SignalPartner {
    SignalPartner {
        code: OrgCode::parse(code).unwrap(),
        org_type,
        stance: values.map(|v| Stance {
            profile: Profile::from_values(v).unwrap(),
            motivations: Default::default(),
        }),
    }
}

fn facts(kind: CollaborationKind, partners: Vec<SignalPartner>) -> SignalFacts {
    SignalFacts {
        kind,
        partners,
        control: None,
        contributions: Vec::new(),
    }
}

fn kinds(signals: &[Signal]) -> Vec<(SignalKind, u32)> {
    signals.iter().map(|s| (s.kind, s.count)).collect()
}

fn money(partner: &str, euros: i64) -> Contribution {
    Contribution {
        partner: OrgCode::parse(partner).unwrap(),
        year: 2025,
        amount: Cents::new(euros * 100).unwrap(),
        instrument: Instrument::EigenMiddelen,
        status: MoneyStatus::Toegezegd,
    }
}

/// Rows: the partners (type and stance) → the signals with their counts.
#[test]
fn each_rule_gives_its_signal_row_by_row() {
    type Row = (&'static str, Vec<SignalPartner>, Vec<(SignalKind, u32)>);
    let rows: Vec<Row> = vec![
        (
            "two partners at the ideal type: nothing",
            vec![
                partner("GM0344", OrgType::Gemeente, Some(IDEAL)),
                partner("PV26", OrgType::Provincie, Some(IDEAL)),
            ],
            vec![],
        ),
        (
            "one partner silent",
            vec![
                partner("GM0344", OrgType::Gemeente, Some(IDEAL)),
                partner("PV26", OrgType::Provincie, None),
                partner("GM0363", OrgType::Gemeente, None),
            ],
            vec![(SignalKind::ZonderStandpunt, 2)],
        ),
        (
            "nobody stated: every partner is without a stance",
            vec![
                partner("GM0344", OrgType::Gemeente, None),
                partner("GM0363", OrgType::Gemeente, None),
            ],
            vec![(SignalKind::ZonderStandpunt, 2)],
        ),
        (
            "two points apart on one dimension, deviations unmotivated",
            vec![
                partner("GM0344", OrgType::Gemeente, Some([5, 1, 3, 3, 3, 1])),
                partner("PV26", OrgType::Provincie, Some(IDEAL)),
            ],
            vec![
                (SignalKind::Onenigheid, 1),
                (SignalKind::OngemotiveerdeAfwijking, 1),
            ],
        ),
        (
            "two ministries apart: disagreement, the Rijk divided, no minister",
            vec![
                partner("MNRE1034", OrgType::Ministerie, Some(IDEAL)),
                partner("MNRE1045", OrgType::Ministerie, Some([5, 1, 3, 3, 3, 1])),
            ],
            vec![
                (SignalKind::Onenigheid, 1),
                (SignalKind::OngemotiveerdeAfwijking, 1),
                (SignalKind::RijkNietEenMond, 1),
                (SignalKind::GeenMinister, 2),
            ],
        ),
        (
            "a ministry and a municipality apart: not a divided Rijk, one ministry needs no signal",
            vec![
                partner("MNRE1034", OrgType::Ministerie, Some(IDEAL)),
                partner("GM0344", OrgType::Gemeente, Some([5, 1, 3, 3, 3, 1])),
            ],
            vec![
                (SignalKind::Onenigheid, 1),
                (SignalKind::OngemotiveerdeAfwijking, 1),
            ],
        ),
    ];
    for (what, partners, expected) in rows {
        let found = signals_of(&facts(CollaborationKind::Convenant, partners));
        assert_eq!(kinds(&found), expected, "{what}");
    }
}

#[test]
fn a_responsible_minister_silences_the_ministries_signal() {
    let mut f = facts(
        CollaborationKind::Woondeal,
        vec![
            partner("MNRE1034", OrgType::Ministerie, Some(IDEAL)),
            partner("MNRE1045", OrgType::Ministerie, Some(IDEAL)),
        ],
    );
    assert_eq!(kinds(&signals_of(&f)), [(SignalKind::GeenMinister, 2)]);
    f.control = Some(DemocraticControl {
        responsible_minister: Some(OrgCode::parse("MNRE1034").unwrap()),
        ..Default::default()
    });
    assert_eq!(kinds(&signals_of(&f)), []);
}

/// Rows: the evaluation's due date, the day → whether the signal holds.
#[test]
fn the_evaluation_counts_only_after_its_date() {
    let rows = [
        (day(2026, 3, 1), day(2026, 2, 28), false),
        (day(2026, 3, 1), day(2026, 3, 1), false),
        (day(2026, 3, 1), day(2026, 3, 2), true),
        (day(2024, 1, 1), day(2026, 12, 3), true),
    ];
    for (due, today, overdue) in rows {
        let f = SignalFacts {
            control: Some(DemocraticControl {
                next_evaluation: Some(due),
                ..Default::default()
            }),
            ..facts(CollaborationKind::Convenant, vec![])
        };
        let stored = signals_of(&f);
        assert_eq!(
            stored,
            [Signal {
                kind: SignalKind::EvaluatieAchterstallig,
                count: 1,
                due_on: Some(due)
            }],
            "stored with its date whatever the day"
        );
        assert_eq!(
            !active_on(&stored, today).is_empty(),
            overdue,
            "due {due}, on {today}"
        );
        let control = f.control.as_ref().unwrap();
        assert_eq!(
            control.evaluation_overdue(today),
            overdue,
            "the same rule as the control"
        );
    }
}

/// Rows: the kind, what the Rijk and the region pay → whether a money rule fails.
#[test]
fn a_failing_money_rule_is_a_signal() {
    let rows = [
        (CollaborationKind::RegioDeal, 600, 400, true),
        (CollaborationKind::RegioDeal, 500, 500, false),
        (CollaborationKind::RegioDeal, 0, 0, false),
        (CollaborationKind::Res, 100, 0, true),
        (CollaborationKind::Res, 100, 10, false),
        (CollaborationKind::Convenant, 1000, 0, false),
    ];
    for (kind, rijk, region, fails) in rows {
        let mut f = facts(
            kind,
            vec![
                partner("MNRE1034", OrgType::Ministerie, None),
                partner("GM0344", OrgType::Gemeente, None),
            ],
        );
        f.contributions = [("MNRE1034", rijk), ("GM0344", region)]
            .into_iter()
            .filter(|(_, euros)| *euros > 0)
            .map(|(code, euros)| money(code, euros))
            .collect();
        let found = signals_of(&f);
        let failing = found.iter().any(|s| s.kind == SignalKind::Geldregel);
        assert_eq!(failing, fails, "{kind:?} rijk {rijk} region {region}");
    }
}

fn any_partner() -> impl Strategy<Value = SignalPartner> {
    let codes = prop::sample::select(vec!["GM0344", "GM0363", "PV26", "MNRE1034", "MNRE1045", "WS0155"]);
    let types = prop::sample::select(vec![
        OrgType::Gemeente,
        OrgType::Provincie,
        OrgType::Ministerie,
        OrgType::Waterschap,
    ]);
    let stance = prop::option::of(prop::array::uniform6(1u8..=5));
    (codes, types, stance).prop_map(|(code, org_type, values)| partner(code, org_type, values))
}

proptest! {
    /// Signals come in the order of the kinds, each at most once, never with a count of 0;
    /// the partners without a stance are exactly those that stated none.
    #[test]
    fn signals_are_ordered_unique_and_counted(partners in prop::collection::vec(any_partner(), 0..8)) {
        let silent = partners.iter().filter(|p| p.stance.is_none()).count();
        let found = signals_of(&facts(CollaborationKind::Convenant, partners));
        let order: Vec<usize> = found
            .iter()
            .map(|s| SignalKind::ALL.iter().position(|k| *k == s.kind).unwrap())
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(found.iter().all(|s| s.count > 0));
        let counted = found
            .iter()
            .find(|s| s.kind == SignalKind::ZonderStandpunt)
            .map_or(0, |s| s.count as usize);
        prop_assert_eq!(counted, silent);
    }
}
