use super::*;

/// A toy case: a number of days a decision took.
struct Days(u32);

const DECIDED: Condition<Days> = Condition {
    holds: |d| d.0 > 0,
    otherwise: || Message::plain("Er is nog niet beslist."),
};

fn within(limit: u32, d: &Days) -> Verdict {
    if d.0 <= limit {
        Verdict::voldoet(Message::plain(format!("Beslist in {} dagen.", d.0)))
    } else {
        Verdict::voldoet_niet(Message::plain(format!(
            "Beslist in {} dagen: meer dan {limit}.",
            d.0
        )))
    }
}

const AWB: Source = Source::Law {
    law: "Algemene wet bestuursrecht",
    article: "4:13",
    lid: Some("2"),
    bwb_id: "BWBR0005537",
};

const TABLE: &[Rule<Days>] = &[
    Rule {
        key: "termijn",
        text: || Message::plain("Binnen acht weken beslissen."),
        source: AWB,
        version: 1,
        valid_from: date(1994, 1, 1),
        applies_when: &[DECIDED],
        check: |d| within(56, d),
    },
    Rule {
        key: "termijn",
        text: || Message::plain("Binnen zes weken beslissen."),
        source: Source::Passage(|| Message::plain("Een voorbeeld, §1")),
        version: 2,
        valid_from: date(2030, 1, 1),
        applies_when: &[DECIDED],
        check: |d| within(42, d),
    },
    Rule {
        key: "altijd",
        text: || Message::plain("Geldt altijd."),
        source: Source::Passage(|| Message::plain("Een voorbeeld, §2")),
        version: 1,
        valid_from: date(2000, 1, 1),
        applies_when: &[],
        check: |_| Verdict::voldoet(Message::plain("Ja.")),
    },
];

#[test]
fn a_source_is_cited_with_law_article_lid_and_bwb_id_or_as_its_passage() {
    assert_eq!(
        AWB.citation().dutch(),
        "Algemene wet bestuursrecht, artikel 4:13, lid 2 (BWBR0005537)"
    );
    assert_eq!(AWB.citation().id(), "rule-source-law-lid");
    let no_lid = Source::Law {
        law: "Wet gemeenschappelijke regelingen",
        article: "1",
        lid: None,
        bwb_id: "BWBR0003740",
    };
    assert_eq!(
        no_lid.citation().dutch(),
        "Wet gemeenschappelijke regelingen, artikel 1 (BWBR0003740)"
    );
    let passage = Source::Passage(|| Message::plain("ROB (2021), §3"));
    assert_eq!(passage.citation().dutch(), "ROB (2021), §3");
}

#[test]
fn the_version_in_force_is_the_latest_that_started() {
    let keys =
        |rules: Vec<&Rule<Days>>| -> Vec<(&str, u32)> { rules.iter().map(|r| (r.key, r.version)).collect() };
    assert_eq!(keys(in_force(TABLE, date(1999, 6, 1))), [("termijn", 1)]);
    assert_eq!(
        keys(in_force(TABLE, date(2029, 12, 31))),
        [("termijn", 1), ("altijd", 1)]
    );
    assert_eq!(
        keys(in_force(TABLE, date(2030, 1, 1))),
        [("termijn", 2), ("altijd", 1)]
    );
    assert_eq!(keys(current(TABLE)), [("termijn", 2), ("altijd", 1)]);
}

/// (rule version, days) → outcome and reason, row by row.
#[test]
fn verdicts_row_by_row() {
    let rows: &[(usize, u32, Outcome, &str)] = &[
        (0, 0, Outcome::NietVanToepassing, "Er is nog niet beslist."),
        (0, 56, Outcome::Voldoet, "Beslist in 56 dagen."),
        (0, 57, Outcome::VoldoetNiet, "Beslist in 57 dagen: meer dan 56."),
        (1, 42, Outcome::Voldoet, "Beslist in 42 dagen."),
        (1, 43, Outcome::VoldoetNiet, "Beslist in 43 dagen: meer dan 42."),
        (2, 0, Outcome::Voldoet, "Ja."),
    ];
    for (rule, days, outcome, reason) in rows {
        let check = TABLE[*rule].evaluate(&Days(*days));
        assert_eq!(
            (check.outcome, check.explanation.dutch()),
            (*outcome, *reason),
            "rule {rule}, {days} dagen"
        );
        assert_eq!(check.source, TABLE[*rule].source.citation());
        assert_eq!(check.rule, (TABLE[*rule].text)());
    }
}

#[test]
fn every_rule_of_a_table_is_checked_once_in_table_order() {
    let checks = evaluate_all(TABLE, &Days(50));
    let keys: Vec<_> = checks.iter().map(|c| (c.key, c.outcome)).collect();
    assert_eq!(
        keys,
        [("termijn", Outcome::VoldoetNiet), ("altijd", Outcome::Voldoet)]
    );
}
