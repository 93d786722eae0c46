//! The statutory moments of gemeenschappelijke regelingen as table rows, for a regeling's page
//! and an organisation's overview.

use samenspel_domain::wgr::{StatutoryMoment, Verification};

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
    pub source: String,
    pub law_url: String,
    /// The term rests on secondary sources, not on the law text as read.
    pub our_reading: bool,
}

/// One row per moment, in the order given.
pub fn rows<'a>(
    lang: Lang,
    moments: impl IntoIterator<Item = (Option<(i64, String)>, &'a StatutoryMoment)>,
) -> Vec<StatutoryRow> {
    moments
        .into_iter()
        .map(|(collaboration, m)| StatutoryRow {
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
