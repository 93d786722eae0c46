//! Democratic control: the periodic evaluations that are overdue or fall due within a year
//! (the 2019 letter's "evaluate periodically"; [`crate::signals`]), and the Wet
//! gemeenschappelijke regelingen's coming moments at which councils can steer their
//! regelingen ([`crate::wgr::coming_moments`]).

use chrono::{Days, NaiveDate};

use super::collaboration::CollaborationFact;
use super::{ControlSection, Period, StatutoryFigure};
use crate::collaboration::{CollaborationKind, WgrForm};
use crate::org::OrgType;
use crate::signals::SignalKind;
use crate::wgr::{Regeling, Timing, WgrTable, coming_moments};

/// The section over the collaborations in `facts` that ran in `period`, judged on
/// `judged_on`. The statutory moments are those of an openbaar lichaam of municipalities in
/// the year after `judged_on`: the same for every such regeling.
pub fn control_section(
    period: &Period,
    judged_on: NaiveDate,
    facts: &[CollaborationFact],
    table: &WgrTable,
) -> ControlSection {
    let year_later = judged_on.checked_add_days(Days::new(365)).unwrap_or(judged_on);
    let mut section = ControlSection::default();
    for fact in facts.iter().filter(|f| period.overlaps(f.start, f.end)) {
        section.regelingen += u64::from(fact.kind == CollaborationKind::GemeenschappelijkeRegeling);
        let due = fact
            .signals
            .iter()
            .filter(|s| s.kind == SignalKind::EvaluatieAchterstallig)
            .filter_map(|s| s.due_on)
            .min();
        match due {
            Some(day) if day < judged_on => section.evaluations_overdue += 1,
            Some(day) if day <= year_later => section.evaluations_due_next_year += 1,
            _ => {}
        }
    }
    let typical = Regeling {
        form: Some(WgrForm::OpenbaarLichaam),
        start: None,
        end: None,
        participants: &[OrgType::Gemeente],
    };
    section.statutory = coming_moments(table, &typical, judged_on)
        .unwrap_or_default()
        .into_iter()
        .filter(|m| m.timing.last_day() <= year_later)
        .map(|m| StatutoryFigure {
            moment: m.moment.key().to_owned(),
            last_day: m.timing.last_day(),
            before: matches!(m.timing, Timing::Before(_)),
            concerns_year: m.concerns_year,
            source: m.source.dutch().to_owned(),
            law_url: m.law_url,
        })
        .collect();
    section
}
