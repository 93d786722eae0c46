use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::collaboration::{CollaborationFact, collaboration_section, current_stances};
use super::compare::{KEYS, headlines};
use super::control::control_section;
use super::impulses::impulse_section;
use super::*;
use crate::collaboration::CollaborationKind;
use crate::org::{Layer, OrgCode};
use crate::partnership::{PartnerStance, Profile, Stance};
use crate::signals::{Signal, SignalKind};
use crate::udo::dashboard::UdoYearFigures;
use crate::wgr::statutory_table;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn year_2025() -> Period {
    Period::year(2025).unwrap()
}

fn fact(
    id: i64,
    kind: CollaborationKind,
    region: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
) -> CollaborationFact {
    CollaborationFact {
        id,
        kind,
        region: region.map(str::to_owned),
        start: start.map(day),
        end: end.map(day),
        signals: Vec::new(),
    }
}

fn signal(kind: SignalKind, due_on: Option<&str>) -> Signal {
    Signal {
        kind,
        count: 1,
        due_on: due_on.map(day),
    }
}

fn stance(code: &str, layer: Layer, values: [u8; 6]) -> PartnerStance {
    PartnerStance {
        code: OrgCode::parse(code).unwrap(),
        name: code.to_owned(),
        layer,
        stance: Stance {
            profile: Profile::from_values(values).unwrap(),
            motivations: Default::default(),
        },
    }
}

#[test]
fn a_period_is_read_with_each_problem_named() {
    assert_eq!(Period::parse("2025-01-01", "31-12-2025").unwrap(), year_2025());
    let fields = |from: &str, to: &str| -> Vec<(String, &'static str)> {
        Period::parse(from, to)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    };
    assert_eq!(
        fields("", "gisteren"),
        vec![("from".into(), "required"), ("to".into(), "invalid_date")]
    );
    assert_eq!(
        fields("1999-12-31", "2025-01-01"),
        vec![("from".into(), "out_of_range")]
    );
    assert_eq!(
        fields("2025-02-01", "2025-01-31"),
        vec![("to".into(), "before_start")]
    );
    // One day is a period.
    assert!(Period::parse("2025-02-01", "2025-02-01").is_ok());
}

#[test]
fn a_period_overlaps_what_runs_on_one_of_its_days() {
    let p = year_2025();
    assert!(p.overlaps(None, None));
    assert!(p.overlaps(Some(day("2025-12-31")), None));
    assert!(!p.overlaps(Some(day("2026-01-01")), None));
    assert!(p.overlaps(None, Some(day("2025-01-01"))));
    assert!(!p.overlaps(None, Some(day("2024-12-31"))));
    assert_eq!(p.judged_on(day("2025-06-30")), day("2025-06-30"));
    assert_eq!(p.judged_on(day("2026-03-01")), day("2025-12-31"));
}

#[test]
fn collaborations_are_counted_by_type_region_and_signal_within_the_period() {
    use CollaborationKind::*;
    let mut facts = vec![
        fact(1, RegioDeal, Some("Noord"), Some("2025-03-01"), None),
        fact(
            2,
            RegioDeal,
            Some("Noord"),
            Some("2020-01-01"),
            Some("2025-06-30"),
        ),
        fact(3, Res, Some(" "), None, None),
        fact(4, Mirt, Some("Zuid"), Some("2026-01-01"), None),
        fact(5, Res, Some("Zuid"), None, Some("2024-12-31")),
    ];
    facts[0].signals = vec![signal(SignalKind::Onenigheid, None)];
    // Due on the last day: not yet overdue on it.
    facts[1].signals = vec![signal(SignalKind::EvaluatieAchterstallig, Some("2025-12-31"))];
    facts[2].signals = vec![
        signal(SignalKind::Onenigheid, None),
        signal(SignalKind::EvaluatieAchterstallig, Some("2025-12-30")),
    ];
    let s = collaboration_section(&year_2025(), day("2025-12-31"), &facts, &BTreeMap::new());
    assert_eq!((s.running, s.started, s.ended), (3, 1, 1));
    let pairs = |counts: &[Count]| {
        counts
            .iter()
            .map(|c| (c.key.clone(), c.count))
            .collect::<Vec<_>>()
    };
    // In the order of the types.
    let order: Vec<&str> = CollaborationKind::ALL.iter().map(|k| k.key()).collect();
    let res = order.iter().position(|k| *k == "res").unwrap();
    let deal = order.iter().position(|k| *k == "regio-deal").unwrap();
    assert!(res < deal);
    assert_eq!(
        pairs(&s.by_kind),
        vec![("res".into(), 1), ("regio-deal".into(), 2)]
    );
    assert_eq!(pairs(&s.by_region), vec![("Noord".into(), 2)]);
    assert_eq!((s.other_regions, s.without_region), (0, 1));
    assert_eq!(
        pairs(&s.signals),
        vec![("onenigheid".into(), 2), ("evaluatie-achterstallig".into(), 1)]
    );
    assert_eq!(s.with_any_signal, 2);
}

#[test]
fn only_the_largest_regions_are_named() {
    let facts: Vec<CollaborationFact> = (0..(REGIONS_SHOWN as i64 + 3))
        .flat_map(|r| {
            (0..=r).map(move |i| {
                let region = format!("Regio {r:02}");
                fact(r * 100 + i, CollaborationKind::Res, Some(&region), None, None)
            })
        })
        .collect();
    let s = collaboration_section(&year_2025(), day("2025-12-31"), &facts, &BTreeMap::new());
    assert_eq!(s.by_region.len(), REGIONS_SHOWN);
    assert_eq!(s.by_region[0].key, format!("Regio {:02}", REGIONS_SHOWN + 2));
    // The three smallest (1, 2 and 3 collaborations) are counted together.
    assert_eq!(s.other_regions, 6);
    let named: u64 = s.by_region.iter().map(|c| c.count).sum();
    assert_eq!(named + s.other_regions, s.running);
}

use super::collaboration::REGIONS_SHOWN;

#[test]
fn profiles_are_read_from_the_current_stances_of_running_collaborations() {
    let stated = vec![
        (1, stance("GM0363", Layer::Decentraal, [5, 5, 5, 5, 5, 5])),
        // A later statement of the same partner replaces the first.
        (1, stance("GM0363", Layer::Decentraal, [3, 1, 3, 3, 3, 1])),
        (2, stance("MNRE1034", Layer::Rijk, [3, 1, 3, 3, 3, 1])),
        (2, stance("MNRE1045", Layer::Rijk, [5, 1, 3, 3, 3, 1])),
        // Not running in the period.
        (3, stance("GM0599", Layer::Decentraal, [1, 1, 1, 1, 1, 1])),
    ];
    let current = current_stances(stated);
    assert_eq!(current[&1].len(), 1);
    let facts = vec![
        fact(1, CollaborationKind::Res, None, None, None),
        fact(2, CollaborationKind::Res, None, None, None),
        fact(3, CollaborationKind::Res, None, Some("2026-01-01"), None),
    ];
    let p = collaboration_section(&year_2025(), day("2025-12-31"), &facts, &current).profiles;
    assert_eq!((p.with_stances, p.stances), (2, 3));
    // Collaboration 1 is the ideal type (0); 2 averages 4 on the first dimension (1).
    assert_eq!(p.mean_distance_to_ideal, Some(0.5));
    assert_eq!(p.with_disagreement, 1);
    assert_eq!(p.rijk_not_one_voice, 1);
    // Unmotivated deviation: the 5 of MNRE1045.
    assert_eq!(p.with_unmotivated_deviation, 1);
    assert_eq!(p.nearest_reference.iter().map(|c| c.count).sum::<u64>(), 2);
}

#[test]
fn no_stances_leave_the_profiles_empty() {
    let facts = vec![fact(1, CollaborationKind::Res, None, None, None)];
    let p = collaboration_section(&year_2025(), day("2025-12-31"), &facts, &BTreeMap::new()).profiles;
    assert_eq!(p, ProfileFigures::default());
    assert_eq!(p.mean_distance_to_ideal, None);
}

fn udo_year(
    ministry: &str,
    year: i32,
    dossiers: u32,
    consulted: u32,
    before: u32,
    kept: u32,
) -> UdoYearFigures {
    UdoYearFigures {
        ministry: ministry.into(),
        year,
        dossiers,
        consulted,
        udo_before_consultation: before,
        consultation_term_kept: kept,
        cosign: 1,
        ..UdoYearFigures::default()
    }
}

#[test]
fn impulses_sum_the_years_of_the_period_per_ministry() {
    let figures = vec![
        udo_year("MNRE1034", 2024, 9, 9, 9, 9),
        udo_year("MNRE1034", 2025, 2, 2, 1, 2),
        udo_year("MNRE1045", 2025, 4, 3, 3, 0),
        udo_year("MNRE1045", 2026, 7, 7, 7, 7),
    ];
    let s = impulse_section(&year_2025(), &figures, |code| format!("Ministerie {code}"));
    assert_eq!(s.per_ministry.len(), 2);
    let first = &s.per_ministry[0];
    assert_eq!(
        (first.code.as_str(), first.dossiers, first.cosign),
        ("MNRE1045", 4, 1)
    );
    assert_eq!(first.name, "Ministerie MNRE1045");
    assert_eq!(first.coverage_percent(), Some(100));
    assert_eq!(first.on_time_percent(), Some(0));
    assert_eq!(s.per_ministry[1].coverage_percent(), Some(50));
    assert_eq!((s.total.dossiers, s.total.consulted, s.total.cosign), (6, 5, 2));
    assert_eq!(s.total.coverage_percent(), Some(80));
    let none = impulse_section(&Period::year(2019).unwrap(), &figures, str::to_owned);
    assert_eq!(none.total.coverage_percent(), None);
}

#[test]
fn control_counts_overdue_and_coming_evaluations_and_the_wgr_moments() {
    let mut facts = vec![
        fact(1, CollaborationKind::GemeenschappelijkeRegeling, None, None, None),
        fact(2, CollaborationKind::Res, None, None, None),
        fact(3, CollaborationKind::Res, None, None, None),
        fact(
            4,
            CollaborationKind::GemeenschappelijkeRegeling,
            None,
            None,
            Some("2020-01-01"),
        ),
    ];
    facts[0].signals = vec![signal(SignalKind::EvaluatieAchterstallig, Some("2025-06-01"))];
    facts[1].signals = vec![signal(SignalKind::EvaluatieAchterstallig, Some("2026-06-01"))];
    facts[2].signals = vec![signal(SignalKind::EvaluatieAchterstallig, Some("2027-06-01"))];
    facts[3].signals = vec![signal(SignalKind::EvaluatieAchterstallig, Some("2019-06-01"))];
    let table = statutory_table().unwrap();
    let s = control_section(&year_2025(), day("2025-12-31"), &facts, table);
    assert_eq!(
        (s.evaluations_overdue, s.evaluations_due_next_year, s.regelingen),
        (1, 1, 1)
    );
    assert!(!s.statutory.is_empty());
    assert!(s.statutory.windows(2).all(|w| w[0].last_day <= w[1].last_day));
    assert!(
        s.statutory
            .iter()
            .all(|m| m.last_day > day("2025-12-31") && m.last_day <= day("2026-12-31"))
    );
    assert!(s.statutory.iter().all(|m| m.source.contains("BWBR0003740")));
    // The ontwerpbegroting goes to the councils every year.
    assert!(s.statutory.iter().any(|m| m.moment == "ontwerpbegroting"));
}

fn report() -> StaatReport {
    StaatReport {
        schema: SCHEMA,
        period: year_2025(),
        compiled_on: day("2026-01-05"),
        collaboration: CollaborationSection {
            running: 10,
            with_any_signal: 4,
            ..CollaborationSection::default()
        },
        perception: PerceptionSection::default(),
        impulses: ImpulseSection::default(),
        money: MoneySection::default(),
        control: ControlSection {
            evaluations_overdue: 2,
            ..ControlSection::default()
        },
        demo: false,
    }
}

#[test]
fn headlines_set_a_report_beside_the_one_before() {
    let mut later = report();
    later.collaboration.running = 13;
    let earlier = report();
    let lines = headlines(&later, Some(&earlier));
    assert_eq!(lines.len(), KEYS.len());
    let running = lines.iter().find(|h| h.key == "running").unwrap();
    assert_eq!(
        (running.value, running.previous, running.change()),
        (Some(13.0), Some(10.0), Some(3.0))
    );
    // No wave in either: no figure, no change.
    let respondents = lines.iter().find(|h| h.key == "respondents").unwrap();
    assert_eq!(respondents.change(), None);
    // A report of another shape is not compared.
    let mut other = report();
    other.schema = SCHEMA + 1;
    assert!(
        headlines(&later, Some(&other))
            .iter()
            .all(|h| h.previous.is_none())
    );
    assert!(headlines(&later, None).iter().all(|h| h.previous.is_none()));
}

#[test]
fn every_headline_key_has_a_value_in_a_full_report() {
    let mut full = report();
    full.collaboration.profiles.mean_distance_to_ideal = Some(1.5);
    full.perception.wave = Some(WaveFigures::default());
    full.impulses.total.consulted = 1;
    for key in KEYS {
        assert!(compare::value(&full, key).is_some(), "{key}");
    }
    assert_eq!(compare::value(&full, "unknown"), None);
}

#[test]
fn a_report_survives_its_storage_as_json() {
    let mut r = report();
    r.money.monitored.push(TaskMoney {
        id: 3,
        name: "Jeugdhulp".into(),
        ratio_permille: Some(1_250),
        flagged: true,
        ..TaskMoney::default()
    });
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"from\":\"2025-01-01\""));
    let back: StaatReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.money.flagged(), 1);
}

#[test]
fn the_biggest_money_gap_comes_first() {
    let task = |name: &str, ratio: Option<i64>| TaskMoney {
        name: name.into(),
        ratio_permille: ratio,
        ..TaskMoney::default()
    };
    let mut tasks = vec![
        task("a", None),
        task("b", Some(900)),
        task("c", Some(1_400)),
        task("d", Some(900)),
    ];
    money::biggest_gaps_first(&mut tasks);
    let names: Vec<&str> = tasks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["c", "b", "d", "a"]);
}

#[test]
fn bars_scale_to_the_largest_and_a_small_one_still_shows() {
    let counts = vec![
        Count {
            key: "a".into(),
            count: 1_000,
        },
        Count {
            key: "b".into(),
            count: 1,
        },
        Count {
            key: "c".into(),
            count: 0,
        },
    ];
    let c = chart::bars(&counts);
    assert_eq!(c.bars[0].width, chart::BAR_SPACE);
    assert_eq!(c.bars[1].width, 1.0);
    assert_eq!(c.bars[2].width, 0.0);
    assert!(c.bars.windows(2).all(|w| w[0].y < w[1].y));
    assert!(
        c.bars
            .iter()
            .all(|b| b.y + b.height <= c.height && b.number_x + 40.0 <= c.width + 40.0)
    );
    assert!(chart::bars(&[]).height > 0.0);
}
