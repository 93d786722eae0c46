use proptest::prelude::*;

use super::*;
use crate::udo::workflow::UdoState;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

/// A dossier of `ministry` opened in `year`, still a concept.
fn opened(ministry: &str, year: i32) -> DossierFacts {
    DossierFacts {
        ministry: code(ministry),
        year,
        progress: UdoProgress::new(),
        outcome_on: None,
        consultation_opened_on: None,
        consultation_term_kept: None,
        cosign: false,
    }
}

/// Consulted on 1 March, with the outcome recorded on `outcome_on`.
fn consulted(
    ministry: &str,
    year: i32,
    outcome: UdoOutcome,
    outcome_on: Option<NaiveDate>,
    kept: bool,
) -> DossierFacts {
    let mut facts = opened(ministry, year);
    facts.progress.state = UdoState::Consultatie;
    facts.progress.outcome = Some(outcome);
    facts.outcome_on = outcome_on;
    facts.consultation_opened_on = Some(day(year, 3, 1));
    facts.consultation_term_kept = Some(kept);
    facts
}

#[test]
fn each_ministry_and_year_is_counted_apart_in_code_and_year_order() {
    let today = day(2026, 12, 3);
    let all = [
        opened("MNRE1045", 2026),
        opened("MNRE1034", 2026),
        opened("MNRE1034", 2025),
        opened("MNRE1034", 2026),
    ];
    let f = figures(&all, today);
    let keys: Vec<(&str, i32, u32)> = f
        .iter()
        .map(|f| (f.ministry.as_str(), f.year, f.dossiers))
        .collect();
    assert_eq!(
        keys,
        [
            ("MNRE1034", 2025, 1),
            ("MNRE1034", 2026, 2),
            ("MNRE1045", 2026, 1)
        ]
    );
    assert_eq!(f[1].udo_before_consultation_percent(), None, "none consulted");
}

#[test]
fn the_udo_before_consultation_and_the_term_are_counted_of_the_consulted_only() {
    let today = day(2026, 12, 3);
    let all = [
        // Outcome before the consultation, term kept.
        consulted(
            "MNRE1034",
            2026,
            UdoOutcome::Uitvoerbaar,
            Some(day(2026, 2, 1)),
            true,
        ),
        // Outcome on the day it opened still counts as before.
        consulted(
            "MNRE1034",
            2026,
            UdoOutcome::NietUitvoerbaar,
            Some(day(2026, 3, 1)),
            false,
        ),
        // Outcome recorded after the consultation opened: the UDO came too late.
        consulted(
            "MNRE1034",
            2026,
            UdoOutcome::OnderVoorwaarden(vec!["Geld".into()]),
            Some(day(2026, 4, 1)),
            true,
        ),
        // No outcome date known.
        consulted("MNRE1034", 2026, UdoOutcome::Uitvoerbaar, None, true),
        opened("MNRE1034", 2026),
    ];
    let f = &figures(&all, today)[0];
    assert_eq!(
        (
            f.dossiers,
            f.consulted,
            f.udo_before_consultation,
            f.consultation_term_kept
        ),
        (5, 4, 2, 3)
    );
    assert_eq!(
        (f.uitvoerbaar, f.onder_voorwaarden, f.niet_uitvoerbaar),
        (2, 1, 1)
    );
    assert_eq!(f.udo_before_consultation_percent(), Some(50));
    assert_eq!(f.term_kept_percent(), Some(75));
}

#[test]
fn co_signing_and_overdue_evaluations_are_counted() {
    let mut in_force = opened("MNRE1034", 2025);
    in_force.progress.state = UdoState::InWerking;
    in_force.progress.in_force_on = Some(day(2025, 6, 1));
    in_force.cosign = true;
    let mut evaluated = in_force.clone();
    evaluated.progress.state = UdoState::Evaluatie;
    evaluated.cosign = false;
    let f = &figures(&[in_force.clone(), evaluated], day(2026, 6, 2))[0];
    assert_eq!(
        (f.cosign, f.evaluations_overdue),
        (1, 1),
        "due 1 June 2026, evaluated one is not overdue"
    );
    let f = &figures(&[in_force], day(2026, 6, 1))[0];
    assert_eq!(
        f.evaluations_overdue, 0,
        "on the due date itself it is not yet overdue"
    );
}

#[test]
fn percentages_round_half_up_and_the_totals_add_the_ministries() {
    assert_eq!(percent(1, 3), Some(33));
    assert_eq!(percent(2, 3), Some(67));
    assert_eq!(percent(1, 8), Some(13), "12.5 rounds up");
    assert_eq!(percent(0, 0), None);
    let today = day(2026, 12, 3);
    let all = [
        consulted(
            "MNRE1034",
            2026,
            UdoOutcome::Uitvoerbaar,
            Some(day(2026, 1, 1)),
            true,
        ),
        consulted("MNRE1045", 2026, UdoOutcome::Uitvoerbaar, None, false),
        opened("MNRE1045", 2025),
    ];
    let totals = totals_per_year(&figures(&all, today));
    let rows: Vec<(i32, u32, u32, u32)> = totals
        .iter()
        .map(|t| (t.year, t.dossiers, t.consulted, t.udo_before_consultation))
        .collect();
    assert_eq!(rows, [(2025, 1, 0, 0), (2026, 2, 2, 1)]);
    assert!(totals.iter().all(|t| t.ministry.is_empty()));
}

proptest! {
    #[test]
    fn the_counts_never_exceed_their_base(
        rows in proptest::collection::vec((0usize..3, 2024i32..2027, 0u8..4, any::<bool>(), any::<bool>()), 0..40)
    ) {
        let ministries = ["MNRE1034", "MNRE1045", "MNRE1130"];
        let all: Vec<DossierFacts> = rows
            .iter()
            .map(|(m, year, kind, kept, cosign)| {
                let mut facts = match kind {
                    0 => opened(ministries[*m], *year),
                    1 => consulted(ministries[*m], *year, UdoOutcome::Uitvoerbaar, Some(day(*year, 1, 1)), *kept),
                    2 => consulted(ministries[*m], *year, UdoOutcome::NietUitvoerbaar, Some(day(*year, 5, 1)), *kept),
                    _ => consulted(ministries[*m], *year, UdoOutcome::Uitvoerbaar, None, *kept),
                };
                facts.cosign = *cosign;
                facts
            })
            .collect();
        let f = figures(&all, day(2026, 12, 3));
        let total: u32 = f.iter().map(|f| f.dossiers).sum();
        prop_assert_eq!(total as usize, all.len());
        for f in &f {
            prop_assert!(f.consulted <= f.dossiers);
            prop_assert!(f.udo_before_consultation <= f.consulted);
            prop_assert!(f.consultation_term_kept <= f.consulted);
            prop_assert!(f.cosign <= f.dossiers);
            prop_assert!(f.udo_before_consultation_percent().is_none_or(|p| p <= 100));
        }
        let totals = totals_per_year(&f);
        prop_assert_eq!(totals.iter().map(|t| t.dossiers).sum::<u32>(), total);
    }
}
