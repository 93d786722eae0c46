//! The statutory moments of gemeenschappelijke regelingen as table rows, for a regeling's page
//! and an organisation's overview.

use samenspel_domain::wgr::{CouncilPosition, CouncilStep, StatutoryMoment, Verification, whose_step};

use crate::i18n::Lang;

pub struct StatutoryRow {
    /// "vóór 15-09-2027" or "uiterlijk 22-06-2027".
    pub when: String,
    /// The regeling, on an organisation's overview.
    pub collaboration: Option<(i64, String)>,
    pub what: String,
    /// Who acts, and towards whom.
    pub who: String,
    pub council_can: String,
    /// Whose step it is: the council's own decision, the college's, or the bestuur's.
    pub step: String,
    /// The council's own decision.
    pub council_decides: bool,
    pub source: String,
    pub law_url: String,
    /// The term rests on secondary sources, not on the law text as read.
    pub our_reading: bool,
}

/// Whose step a moment of a regeling's own page is: the yearly moments are the same step
/// whichever body of a municipality takes part (a domain test holds this).
pub fn step_of(m: &StatutoryMoment) -> CouncilStep {
    whose_step(m.moment, CouncilPosition::NietVastgelegd)
}

/// One row per moment, with whose step it is, in the order given.
pub fn rows<'a>(
    lang: Lang,
    moments: impl IntoIterator<Item = (Option<(i64, String)>, &'a StatutoryMoment, CouncilStep)>,
) -> Vec<StatutoryRow> {
    moments
        .into_iter()
        .map(|(collaboration, m, step)| StatutoryRow {
            step: lang.t(step.message_id()),
            council_decides: step == CouncilStep::Raad,
            when: lang.msg(&m.timing.text()),
            collaboration,
            what: lang.msg(&m.what),
            who: lang.t_with(
                "statutory-who",
                &[
                    ("actor", lang.msg(&m.actor).as_str()),
                    ("recipient", lang.msg(&m.recipient).as_str()),
                ],
            ),
            council_can: lang.msg(&m.council_can),
            source: lang.msg(&m.source),
            law_url: m.law_url.clone(),
            our_reading: m.verification == Verification::OnzeLezing,
        })
        .collect()
}
