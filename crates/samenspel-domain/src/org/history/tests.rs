use proptest::prelude::*;

use super::*;
use crate::org::OrgType;

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

fn ministry(c: &str, ended: bool, successor: Option<&str>) -> Organisation {
    Organisation {
        code: code(c),
        name: format!("Ministerie {c}"),
        org_type: OrgType::Ministerie,
        abbreviation: None,
        province: None,
        reference: true,
        ended,
        other_names: Vec::new(),
        history: OrgHistory {
            successor: successor.map(code),
            ..Default::default()
        },
    }
}

fn line(all: &[Organisation], start: &str) -> Line {
    let find = |c: &OrgCode| all.iter().find(|o| &o.code == c);
    line_of(find(&code(start)).unwrap(), find)
}

fn codes(cs: &[&str]) -> Vec<OrgCode> {
    cs.iter().map(|c| code(c)).collect()
}

#[test]
fn the_forerunners_of_an_organisation_are_all_that_lead_to_it() {
    let all = [
        ministry("VROM", true, Some("IENM")),
        ministry("VW", true, Some("IENM")),
        ministry("IENM", true, Some("IENW")),
        ministry("IENW", false, None),
        ministry("EZ", true, None),
        ministry("LOOP1", true, Some("LOOP2")),
        ministry("LOOP2", true, Some("LOOP1")),
    ];
    let of = |c: &str| {
        let mut found: Vec<&str> = forerunners(&code(c), &all).iter().map(|c| c.as_str()).collect();
        found.sort_unstable();
        found
    };
    assert_eq!(of("IENW"), ["IENM", "VROM", "VW"]);
    assert_eq!(of("IENM"), ["VROM", "VW"]);
    assert_eq!(of("VROM"), Vec::<&str>::new());
    assert_eq!(
        of("EZ"),
        Vec::<&str>::new(),
        "ended without a successor: no forerunners"
    );
    assert_eq!(
        of("LOOP1"),
        ["LOOP2"],
        "a loop in the data ends, and never counts itself"
    );
}

#[test]
fn a_current_organisation_is_its_own_end() {
    let all = [ministry("BZK", false, None)];
    let l = line(&all, "BZK");
    assert_eq!(
        l,
        Line {
            successors: vec![],
            end: LineEnd::Current
        }
    );
    assert_eq!(l.current_successor(), None);
}

#[test]
fn the_successors_are_followed_to_the_current_one() {
    let all = [
        ministry("VROM", true, Some("IENM")),
        ministry("IENM", true, Some("IENW")),
        ministry("IENW", false, None),
    ];
    let l = line(&all, "VROM");
    assert_eq!(l.successors, codes(&["IENM", "IENW"]));
    assert_eq!(l.end, LineEnd::Current);
    assert_eq!(l.current_successor(), Some(&code("IENW")));
    assert_eq!(line(&all, "IENM").current_successor(), Some(&code("IENW")));
}

#[test]
fn an_ended_organisation_without_successor_has_no_current_one() {
    let all = [ministry("KGG", true, None), ministry("XX", true, Some("KGG"))];
    assert_eq!(
        line(&all, "KGG"),
        Line {
            successors: vec![],
            end: LineEnd::NoKnownSuccessor
        }
    );
    let l = line(&all, "XX");
    assert_eq!(
        l,
        Line {
            successors: codes(&["KGG"]),
            end: LineEnd::NoKnownSuccessor
        }
    );
    assert_eq!(l.current_successor(), None);
}

#[test]
fn a_successor_the_data_does_not_hold_stops_the_line() {
    let all = [ministry("AA", true, Some("BB"))];
    assert_eq!(
        line(&all, "AA"),
        Line {
            successors: codes(&["BB"]),
            end: LineEnd::UnknownSuccessor
        }
    );
}

#[test]
fn a_loop_stops_at_the_first_organisation_met_twice() {
    let all = [ministry("AA", true, Some("BB")), ministry("BB", true, Some("AA"))];
    assert_eq!(
        line(&all, "AA"),
        Line {
            successors: codes(&["BB"]),
            end: LineEnd::Loop
        }
    );
    let own = [ministry("AA", true, Some("AA"))];
    assert_eq!(
        line(&own, "AA"),
        Line {
            successors: vec![],
            end: LineEnd::Loop
        }
    );
    assert_eq!(line(&own, "AA").current_successor(), None);
}

#[test]
fn a_successor_of_one_that_exists_is_not_followed() {
    // The check below refuses such data; the line itself still says it is current.
    let all = [ministry("EZK", false, Some("LNV")), ministry("LNV", true, None)];
    assert_eq!(
        line(&all, "EZK"),
        Line {
            successors: vec![],
            end: LineEnd::Current
        }
    );
}

#[test]
fn the_check_names_every_problem_once() {
    let mut backwards = ministry("OLD", true, None);
    backwards.history.valid_from = NaiveDate::from_ymd_opt(2020, 1, 1);
    backwards.history.valid_until = NaiveDate::from_ymd_opt(2019, 12, 31);
    let mut with_unknown_predecessor = ministry("NEW", false, None);
    with_unknown_predecessor.history.predecessors = codes(&["GONE"]);
    let all = [
        ministry("EZK", false, Some("LNV")),
        ministry("LNV", true, None),
        ministry("AA", true, Some("BB")),
        ministry("BB", true, Some("AA")),
        ministry("CC", true, Some("MISSING")),
        backwards,
        with_unknown_predecessor,
    ];
    assert_eq!(
        check_history(&all),
        [
            HistoryProblem::SuccessorOfCurrent(code("EZK")),
            HistoryProblem::Loop(code("AA")),
            HistoryProblem::Loop(code("BB")),
            HistoryProblem::UnknownCode {
                organisation: code("CC"),
                named: code("MISSING")
            },
            HistoryProblem::EndsBeforeStart(code("OLD")),
            HistoryProblem::UnknownCode {
                organisation: code("NEW"),
                named: code("GONE")
            },
        ]
    );
}

#[test]
fn a_sound_history_has_no_problems() {
    let mut bzk = ministry("BZK", false, None);
    bzk.history.predecessors = codes(&["VRO"]);
    let mut vro = ministry("VRO", true, Some("BZK"));
    vro.history.valid_from = NaiveDate::from_ymd_opt(2024, 7, 2);
    vro.history.valid_until = NaiveDate::from_ymd_opt(2026, 2, 23);
    assert_eq!(check_history(&[bzk, vro]), []);
}

#[test]
fn an_empty_history_is_the_default_and_left_out_of_json() {
    assert!(OrgHistory::default().is_empty());
    let json = serde_json::to_value(ministry("BZK", false, None)).unwrap();
    for field in ["valid_from", "valid_until", "predecessors", "successor"] {
        assert!(json.get(field).is_none(), "{field}");
    }
    let vro = ministry("VRO", true, Some("BZK"));
    let json = serde_json::to_value(&vro).unwrap();
    assert_eq!(json["successor"], "BZK");
    let back: Organisation = serde_json::from_value(json).unwrap();
    assert_eq!(back, vro);
}

/// Organisations `N0`…`N{n-1}`; a successor index of `n` or more names a code not among them.
fn graph(nodes: &[(bool, Option<usize>)]) -> Vec<Organisation> {
    nodes
        .iter()
        .enumerate()
        .map(|(i, (ended, next))| {
            let next = next.map(|n| format!("N{n}"));
            ministry(&format!("N{i}"), *ended, next.as_deref())
        })
        .collect()
}

proptest! {
    /// On any data the line ends, passes each organisation at most once, follows only real
    /// successor links, and says truthfully why it stopped.
    #[test]
    fn the_line_ends_and_follows_only_successor_links(
        nodes in proptest::collection::vec((any::<bool>(), proptest::option::of(0usize..14)), 1..12),
        start in 0usize..12,
    ) {
        let all = graph(&nodes);
        let start = &all[start % all.len()];
        let find = |c: &OrgCode| all.iter().find(|o| &o.code == c);
        let l = line_of(start, find);
        let passed: Vec<&OrgCode> = std::iter::once(&start.code).chain(&l.successors).collect();
        let distinct: HashSet<_> = passed.iter().collect();
        prop_assert_eq!(distinct.len(), passed.len(), "no organisation twice");
        prop_assert!(l.successors.len() <= all.len());
        for pair in passed.windows(2) {
            let from = find(pair[0]).unwrap();
            prop_assert!(from.ended);
            prop_assert_eq!(from.history.successor.as_ref(), Some(pair[1]));
        }
        let last = *passed.last().unwrap();
        match l.end {
            LineEnd::Current => prop_assert!(!find(last).unwrap().ended),
            LineEnd::NoKnownSuccessor => {
                let o = find(last).unwrap();
                prop_assert!(o.ended && o.history.successor.is_none());
            }
            LineEnd::UnknownSuccessor => prop_assert!(find(last).is_none()),
            LineEnd::Loop => {
                let next = find(last).unwrap().history.successor.as_ref().unwrap();
                prop_assert!(passed.contains(&next));
            }
        }
        prop_assert_eq!(
            l.current_successor().is_some(),
            l.end == LineEnd::Current && !l.successors.is_empty()
        );
    }
}
