use super::table::{Term, statutory_table};
use super::*;
use crate::rules::date;

/// One expected row of the shipped table: moment, chapter, article, lid, term, year offset,
/// actor, recipient, verification.
type Expected = (
    WgrMoment,
    WgrChapter,
    &'static str,
    Option<&'static str>,
    Term,
    Option<i32>,
    Party,
    Party,
    Verification,
);

const BODIES: &[WgrForm] = &[
    WgrForm::OpenbaarLichaam,
    WgrForm::GemeenschappelijkOrgaan,
    WgrForm::Bedrijfsvoeringsorganisatie,
];

fn expected() -> Vec<Expected> {
    use Party::*;
    use Verification::*;
    use WgrChapter::*;
    use WgrMoment::*;
    vec![
        // Art. 34 lid 2: the budget to gedeputeerde staten before 15 September (gemeente.nu).
        (
            BegrotingToezicht,
            Gemeenten,
            "34",
            Some("2"),
            Term::BeforeDate { month: 9, day: 15 },
            Some(1),
            Bestuur,
            GedeputeerdeStaten,
            OnzeLezing,
        ),
        // Art. 35 lid 1: the draft to the councils 12 weeks before it is offered (gemeente.nu).
        (
            Ontwerpbegroting,
            Gemeenten,
            "35",
            Some("1"),
            Term::WeeksBefore {
                anchor: BegrotingToezicht,
                weeks: 12,
            },
            Some(1),
            Bestuur,
            Raden,
            OnzeLezing,
        ),
        // Art. 35 lid 3: the councils' zienswijze, 12 weeks (gemeente.nu, kennisopenbaarbestuur).
        (
            ZienswijzeBegroting,
            Gemeenten,
            "35",
            Some("3"),
            Term::WeeksAfter {
                anchor: Ontwerpbegroting,
                weeks: 12,
            },
            Some(1),
            Raden,
            Bestuur,
            OnzeLezing,
        ),
        // Art. 34b: the frame before 30 April of the year before the budget year (gemeente.nu).
        (
            Kaders,
            Gemeenten,
            "34b",
            None,
            Term::BeforeDate { month: 4, day: 30 },
            Some(1),
            Bestuur,
            Raden,
            OnzeLezing,
        ),
        // Art. 34b: the provisional accounts of last year, same date (gemeente.nu).
        (
            VoorlopigeJaarrekening,
            Gemeenten,
            "34b",
            None,
            Term::BeforeDate { month: 4, day: 30 },
            Some(-1),
            Bestuur,
            Raden,
            OnzeLezing,
        ),
        // Art. 34 lid 4: the accounts to gedeputeerde staten before 15 July (provincie Zuid-Holland; art. 58 lid 4).
        (
            JaarrekeningToezicht,
            Gemeenten,
            "34",
            Some("4"),
            Term::BeforeDate { month: 7, day: 15 },
            Some(-1),
            Bestuur,
            GedeputeerdeStaten,
            OnzeLezing,
        ),
        // Art. 1 lid 3: zienswijze on a draft change, joining or leaving, within eight weeks (law text).
        (
            ZienswijzeRegeling,
            Gemeenten,
            "1",
            Some("3"),
            Term::WithinWeeksOfReceipt { weeks: 8 },
            None,
            Raden,
            Colleges,
            Wettekst,
        ),
        // Art. 1 lid 4: the council's consent, withheld only for strijd met het recht of het algemeen belang (law text).
        (
            ToestemmingRegeling,
            Gemeenten,
            "1",
            Some("4"),
            Term::NoTerm,
            None,
            Raden,
            Colleges,
            Wettekst,
        ),
        // Art. 58 lid 2: municipalities and provinces, the budget to the minister before 15 September (law text).
        (
            BegrotingToezicht,
            GemeentenProvincies,
            "58",
            Some("2"),
            Term::BeforeDate { month: 9, day: 15 },
            Some(1),
            Bestuur,
            MinisterBzk,
            Wettekst,
        ),
        // Art. 58 lid 4: the accounts to the minister before 15 July (law text).
        (
            JaarrekeningToezicht,
            GemeentenProvincies,
            "58",
            Some("4"),
            Term::BeforeDate { month: 7, day: 15 },
            Some(-1),
            Bestuur,
            MinisterBzk,
            Wettekst,
        ),
    ]
}

#[test]
fn the_shipped_table_parses() {
    let table = statutory_table().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.rules.len(), expected().len());
}

#[test]
fn every_row_of_the_shipped_table_has_its_term_and_article() {
    let table = statutory_table().unwrap();
    for (row, (moment, chapter, article, lid, term, offset, actor, recipient, verification)) in
        table.rules.iter().zip(expected())
    {
        let what = format!("{} in {}", moment.key(), chapter.key());
        assert_eq!(row.moment, moment, "{what}");
        assert_eq!(row.chapter, chapter, "{what}");
        assert_eq!(row.article, article, "{what}");
        assert_eq!(row.lid.as_deref(), lid, "{what}");
        assert_eq!(row.term, term, "{what}");
        assert_eq!(row.year_offset, offset, "{what}");
        assert_eq!(row.actor, actor, "{what}");
        assert_eq!(row.recipient, recipient, "{what}");
        assert_eq!(row.verification, verification, "{what}");
        assert_eq!(row.version, 1, "{what}");
        assert_eq!(row.valid_from, date(2022, 7, 1), "{what}");
        assert_eq!(row.valid_until, None, "{what}");
        assert_eq!(row.bwb_id, "BWBR0003740", "{what}");
        assert_eq!(row.law, "Wet gemeenschappelijke regelingen", "{what}");
        let anchor = format!("artikel={article}&g=2022-07-01");
        assert!(
            row.law_url.contains("BWBR0003740") && row.law_url.ends_with(&anchor),
            "{what}: {}",
            row.law_url
        );
        let forms: &[WgrForm] = if moment.is_yearly() { BODIES } else { WgrForm::ALL };
        assert_eq!(row.forms, forms, "{what}");
    }
}

#[test]
fn the_terms_of_the_2022_overview_are_those_of_the_table() {
    // gemeente.nu, "Tijdwinst nieuwe begrotingscyclus is sigaar uit eigen doos": 30 April
    // (art. 34b), 12 weeks (art. 35 lid 1), 12 weeks (art. 35 lid 3), 15 September (art. 34).
    let table = statutory_table().unwrap();
    let term = |m| {
        table
            .in_force(m, WgrChapter::Gemeenten, date(2026, 1, 1))
            .map(|r| r.term)
    };
    assert_eq!(
        term(WgrMoment::Kaders),
        Some(Term::BeforeDate { month: 4, day: 30 })
    );
    assert!(matches!(
        term(WgrMoment::Ontwerpbegroting),
        Some(Term::WeeksBefore { weeks: 12, .. })
    ));
    assert!(matches!(
        term(WgrMoment::ZienswijzeBegroting),
        Some(Term::WeeksAfter { weeks: 12, .. })
    ));
    assert_eq!(
        term(WgrMoment::BegrotingToezicht),
        Some(Term::BeforeDate { month: 9, day: 15 })
    );
    assert_eq!(
        table.in_force(WgrMoment::Kaders, WgrChapter::Gemeenten, date(2022, 6, 30)),
        None
    );
}

#[test]
fn a_rule_read_in_the_law_quotes_it_and_our_reading_says_what_was_found() {
    let table = statutory_table().unwrap();
    for row in &table.rules {
        assert!(!row.checked_at.is_empty(), "{}", row.moment.key());
        match row.verification {
            Verification::Wettekst => {
                assert!(
                    row.checked_at
                        .iter()
                        .any(|u| u.contains("legaltools") || u.contains("ndsz")),
                    "{}",
                    row.moment.key()
                );
                assert!(row.excerpt.ends_with('.'), "{}", row.excerpt);
            }
            Verification::OnzeLezing => {
                let found = row.found.as_deref().unwrap_or("");
                assert!(found.contains("niet gelezen"), "{}: {found}", row.moment.key());
            }
        }
    }
}

#[test]
fn the_chapter_follows_the_participants() {
    use OrgType::*;
    assert_eq!(chapter([Gemeente, Gemeente]), Some(WgrChapter::Gemeenten));
    assert_eq!(
        chapter([Gemeente, Provincie]),
        Some(WgrChapter::GemeentenProvincies)
    );
    assert_eq!(
        chapter([Provincie, Gemeente, Gemeente]),
        Some(WgrChapter::GemeentenProvincies)
    );
    assert_eq!(chapter([Provincie]), None);
    assert_eq!(chapter([Gemeente, Waterschap]), None);
    assert_eq!(chapter([Gemeente, Ministerie]), None);
    assert_eq!(chapter([Gemeente, GemeenschappelijkeRegeling]), None);
    assert_eq!(chapter([]), None);
}

#[test]
fn only_a_form_with_a_body_of_its_own_has_a_budget() {
    let with_body: Vec<WgrForm> = WgrForm::ALL.iter().copied().filter(|f| has_body(*f)).collect();
    assert_eq!(with_body, BODIES);
}

#[test]
fn the_body_that_acts_is_named_as_the_law_names_it() {
    let named = |form| Party::Bestuur.named(form).dutch().to_owned();
    assert_eq!(named(WgrForm::OpenbaarLichaam), "het dagelijks bestuur");
    assert_eq!(
        named(WgrForm::Bedrijfsvoeringsorganisatie),
        "het bestuur van de bedrijfsvoeringsorganisatie"
    );
    assert_eq!(
        named(WgrForm::GemeenschappelijkOrgaan),
        "het gemeenschappelijk orgaan"
    );
    assert_eq!(
        adopting_body(WgrForm::OpenbaarLichaam).dutch(),
        "het algemeen bestuur"
    );
    assert_eq!(
        adopting_body(WgrForm::Bedrijfsvoeringsorganisatie).dutch(),
        "het bestuur van de bedrijfsvoeringsorganisatie"
    );
    assert_eq!(
        Party::MinisterBzk.named(WgrForm::OpenbaarLichaam).dutch(),
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties"
    );
}
