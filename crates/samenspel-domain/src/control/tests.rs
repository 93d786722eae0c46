use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn good_input() -> ControlInput {
    ControlInput {
        bodies: vec![
            "gemeenteraden".into(),
            "tweede-kamer".into(),
            "gemeenteraden".into(),
        ],
        instruments: vec!["zienswijze-begroting".into()],
        responsible_minister: "mnre1153".into(),
        next_evaluation: "2027-06-30".into(),
        moments: vec![
            MomentInput {
                kind: "verantwoording".into(),
                date: "2026-06-01".into(),
                body: "gemeenteraden".into(),
                description: "Jaarverslag".into(),
            },
            MomentInput::default(),
            MomentInput {
                kind: "kaderstelling".into(),
                date: "2025-11-01".into(),
                body: "gemeenteraden".into(),
                description: String::new(),
            },
        ],
    }
}

#[test]
fn a_complete_input_parses_in_date_order_without_duplicates() {
    let c = good_input().parse().unwrap();
    assert_eq!(c.bodies, [ElectedBody::Gemeenteraden, ElectedBody::TweedeKamer]);
    assert_eq!(c.responsible_minister.unwrap().as_str(), "MNRE1153");
    assert_eq!(c.moments.len(), 2, "the empty row is skipped");
    assert_eq!(c.moments[0].kind, MomentKind::Kaderstelling);
}

#[test]
fn every_wrong_field_is_named() {
    let input = ControlInput {
        bodies: vec!["raad".into()],
        instruments: vec!["referendum".into()],
        responsible_minister: "minister!".into(),
        next_evaluation: "volgend jaar".into(),
        moments: vec![MomentInput {
            kind: "besluit".into(),
            date: String::new(),
            body: "gemeenteraden".into(),
            description: "\u{7}".into(),
        }],
    };
    let fields: Vec<String> = input
        .parse()
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "bodies",
            "instruments",
            "responsible_minister",
            "next_evaluation",
            "moments[0].kind",
            "moments[0].date",
            "moments[0].description"
        ]
    );
}

const ALL: PartnerLayers = PartnerLayers {
    rijk: true,
    municipalities: true,
    provinces: true,
    ministries: 1,
};

fn keys(findings: &[ControlFinding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.key).collect()
}

#[test]
fn nothing_recorded_names_everything_missing() {
    let findings = assess(
        &DemocraticControl::default(),
        CollaborationKind::GemeenschappelijkeRegeling,
        ALL,
        day("2026-11-23"),
    );
    assert_eq!(
        keys(&findings),
        [
            "geen-evaluatie",
            "geen-kaderstelling",
            "geen-verantwoording",
            "gemeenteraden-niet-betrokken",
            "staten-niet-betrokken",
            "geen-minister",
            "geen-zienswijze"
        ]
    );
}

#[test]
fn an_evaluation_in_the_past_is_overdue_and_today_is_not() {
    let mut c = good_input().parse().unwrap();
    c.bodies.push(ElectedBody::ProvincialeStaten);
    let only = PartnerLayers {
        rijk: true,
        municipalities: true,
        provinces: true,
        ministries: 1,
    };
    assert!(
        assess(
            &c,
            CollaborationKind::GemeenschappelijkeRegeling,
            only,
            day("2026-11-23")
        )
        .is_empty()
    );
    c.next_evaluation = Some(day("2026-11-22"));
    let findings = assess(&c, CollaborationKind::Convenant, only, day("2026-11-23"));
    assert_eq!(keys(&findings), ["evaluatie-achterstallig"]);
    assert!(findings[0].message.contains("22-11-2026"));
    c.next_evaluation = Some(day("2026-11-23"));
    assert!(assess(&c, CollaborationKind::Convenant, only, day("2026-11-23")).is_empty());
}

#[test]
fn rules_apply_only_where_they_fit() {
    let c = DemocraticControl {
        next_evaluation: Some(day("2030-01-01")),
        moments: good_input().parse().unwrap().moments,
        ..Default::default()
    };
    let none = PartnerLayers::NONE;
    assert!(assess(&c, CollaborationKind::Convenant, none, day("2026-01-01")).is_empty());
}

/// Rows: ministries taking part, a responsible minister named → the minister finding.
#[test]
fn several_ministries_need_one_responsible_minister() {
    let rows: [(usize, bool, Option<&str>); 5] = [
        (0, false, None),
        (1, false, Some("geen-minister")),
        (2, false, Some("geen-minister-meerdere")),
        (3, false, Some("geen-minister-meerdere")),
        (3, true, None),
    ];
    for (ministries, named, expected) in rows {
        let mut c = good_input().parse().unwrap();
        c.bodies.push(ElectedBody::ProvincialeStaten);
        if !named {
            c.responsible_minister = None;
        }
        let types = std::iter::repeat_n(OrgType::Ministerie, ministries)
            .chain([OrgType::Gemeente, OrgType::Provincie]);
        let findings = assess(
            &c,
            CollaborationKind::GemeenschappelijkeRegeling,
            PartnerLayers::of(types),
            day("2026-11-23"),
        );
        let found: Vec<&str> = keys(&findings)
            .into_iter()
            .filter(|k| k.starts_with("geen-minister"))
            .collect();
        assert_eq!(
            found,
            expected.into_iter().collect::<Vec<_>>(),
            "{ministries} ministries, named {named}"
        );
        if ministries >= 2 && !named {
            assert!(
                findings
                    .iter()
                    .any(|f| f.message.contains(&format!("{ministries} ministeries")))
            );
        }
    }
}
