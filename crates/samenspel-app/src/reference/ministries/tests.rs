use samenspel_domain::org::history::{LineEnd, line_of};

use super::*;

fn all() -> Vec<Organisation> {
    ministries(super::super::MINISTERIES).unwrap()
}

fn day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

fn find<'a>(orgs: &'a [Organisation], c: &str) -> &'a Organisation {
    orgs.iter()
        .find(|o| o.code.as_str() == c)
        .unwrap_or_else(|| panic!("{c}"))
}

#[test]
fn the_codes_are_the_tooi_codes_in_the_shape_of_an_organisation_code() {
    assert_eq!(code_of("mnre1034").unwrap().as_str(), "MNRE1034");
    assert_eq!(code_of("hv_17252319").unwrap().as_str(), "HV-17252319");
    assert!(code_of("hv 1").is_err());
}

#[test]
fn twelve_current_ministries_and_fourteen_ended() {
    let orgs = all();
    assert_eq!(orgs.len(), 26);
    let current: Vec<&str> = orgs
        .iter()
        .filter(|o| !o.ended)
        .filter_map(|o| o.abbreviation.as_deref())
        .collect();
    assert_eq!(
        current,
        [
            "AZ", "BZ", "BZK", "Def", "EZK", "Fin", "IenW", "JenV", "LVVN", "OCW", "SZW", "VWS"
        ]
    );
    for o in &orgs {
        assert_eq!(o.ended, o.history.valid_until.is_some(), "{}", o.code);
        assert!(o.name.starts_with("Ministerie van "), "{}", o.name);
    }
}

/// (code, start, end, successor, the current ministry its line leads to): the cleaned facts.
const FACTS: &[(&str, &str, &str, &str, &str)] = &[
    // VRO ended when its tasks went back to BZK.
    ("MNRE1171", "2024-07-02", "2026-02-23", "MNRE1034", "MNRE1034"),
    // KGG and AenM ended on the same day; the source names no successor.
    ("MNRE1182", "2024-07-02", "2026-02-23", "", ""),
    ("MNRE1162", "2024-07-02", "2026-02-23", "", ""),
    // VenJ → JenV, IenM → IenW, LNV 2017–2024 → LVVN, EZ 2024–2026 → EZK.
    ("HV-04795600", "2010-12-01", "2017-12-31", "MNRE1058", "MNRE1058"),
    ("HV-06784634", "2010-10-14", "2017-12-31", "MNRE1130", "MNRE1130"),
    ("HV-33909618", "2017-10-26", "2024-07-01", "MNRE1153", "MNRE1153"),
    ("HV-22300580", "2024-07-02", "2026-02-22", "MNRE1045", "MNRE1045"),
    // Older lines: VROM and V&W → IenM → IenW; Justitie → VenJ → JenV.
    ("MNRE0180", "", "2010-10-13", "HV-06784634", "MNRE1130"),
    ("MNRE0170", "", "2010-10-13", "HV-06784634", "MNRE1130"),
    ("HV-04793043", "", "2010-11-30", "HV-04795600", "MNRE1058"),
    // ELenI and what it came from lead, as the source links them, to EZK.
    (
        "HV-17252319",
        "2010-10-14",
        "2012-12-31",
        "HV-22300580",
        "MNRE1045",
    ),
    ("MNRE1040", "", "2010-10-13", "HV-17252319", "MNRE1045"),
    ("MNRE1150", "", "2010-10-13", "HV-17252319", "MNRE1045"),
    (
        "HV-41004458",
        "2018-01-01",
        "2024-07-01",
        "HV-22300580",
        "MNRE1045",
    ),
    // A current ministry has no successor: the source gives EZK one (LNV 2017–2024).
    ("MNRE1045", "", "", "", ""),
    ("MNRE1034", "", "", "", ""),
];

#[test]
fn the_cleaned_history_states_these_facts() {
    let orgs = all();
    let lookup = |c: &OrgCode| orgs.iter().find(|o| &o.code == c);
    for (c, from, until, successor, current) in FACTS {
        let o = find(&orgs, c);
        assert_eq!(o.history.valid_from, day(from), "{c} from");
        assert_eq!(o.history.valid_until, day(until), "{c} until");
        assert_eq!(
            o.history.successor.as_ref().map(OrgCode::as_str).unwrap_or(""),
            *successor,
            "{c}"
        );
        let line = line_of(o, lookup);
        assert_eq!(
            line.current_successor().map(OrgCode::as_str).unwrap_or(""),
            *current,
            "{c}"
        );
    }
}

#[test]
fn predecessors_came_before_and_include_every_ministry_that_was_succeeded() {
    let orgs = all();
    let predecessors = |c: &str| -> Vec<&str> {
        find(&orgs, c)
            .history
            .predecessors
            .iter()
            .map(OrgCode::as_str)
            .collect()
    };
    assert_eq!(predecessors("MNRE1034"), ["MNRE1171"], "BZK took over from VRO");
    assert_eq!(predecessors("MNRE1130"), ["HV-06784634"]);
    assert_eq!(predecessors("HV-06784634"), ["MNRE0170", "MNRE0180"]);
    // The source names EZ 2024–2026 and LNV 2017–2024 as predecessors of ELenI 2010–2012:
    // left out, as they began later; EZ and LNV, which it succeeded, are its predecessors.
    assert_eq!(predecessors("HV-17252319"), ["MNRE1040", "MNRE1150"]);
    // LNV was split off from EZ(K) in 2017: a predecessor that still exists.
    assert_eq!(predecessors("HV-33909618"), ["MNRE1045"]);
    for o in &orgs {
        if let Some(s) = &o.history.successor {
            assert!(
                find(&orgs, s.as_str()).history.predecessors.contains(&o.code),
                "{}",
                o.code
            );
        }
        for p in &o.history.predecessors {
            let p = find(&orgs, p.as_str());
            if let (Some(theirs), Some(ours)) = (p.history.valid_from, o.history.valid_from) {
                assert!(theirs <= ours, "{} before {}", p.code, o.code);
            }
        }
    }
}

/// Every ended ministry of the shipped data: its line ends at a current ministry, or at KGG
/// or AenM, for which the source knows no successor; it never loops.
#[test]
fn every_ended_ministry_leads_to_a_current_one_or_to_no_known_successor() {
    let orgs = all();
    let lookup = |c: &OrgCode| orgs.iter().find(|o| &o.code == c);
    let mut without = Vec::new();
    for o in orgs.iter().filter(|o| o.ended) {
        let line = line_of(o, lookup);
        match line.end {
            LineEnd::Current => assert!(!find(&orgs, line.successors.last().unwrap().as_str()).ended),
            LineEnd::NoKnownSuccessor => without.push(o.code.as_str()),
            other => panic!("{}: {other:?}", o.code),
        }
    }
    assert_eq!(without, ["MNRE1162", "MNRE1182"]);
    assert_eq!(check_history(&orgs), []);
}

#[test]
fn a_row_that_does_not_fit_is_refused_with_its_line() {
    let source = super::super::MINISTERIES;
    let header = source.lines().next().unwrap();
    let bzk = source.lines().find(|l| l.starts_with("org:min-bzk,")).unwrap();
    let refused = |text: String| ministries(&text).unwrap_err().to_string();
    let unknown = bzk.replace("org:min-vro", "org:min-nergens");
    assert!(
        refused(format!("{header}\n{unknown}\n"))
            .contains("row 2: column predecessor_polder_ids: unknown polder id 'org:min-nergens'")
    );
    let ended_but_active = bzk.replace(",1900-01-01,,ja,", ",1900-01-01,2026-01-01,ja,");
    assert!(
        refused(format!("{header}\n{ended_but_active}\n")).contains("row 2: actief_bron ja does not fit")
    );
    let bad_date = bzk.replace(",1900-01-01,,ja,", ",2026-13-01,,ja,");
    assert!(
        refused(format!("{header}\n{bad_date}\n")).contains("column valid_from: '2026-13-01' is no date")
    );
}
