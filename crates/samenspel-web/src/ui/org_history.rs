//! An organisation's history as pages show it (`locales/*/org-history.ftl`): its period, its
//! predecessors and its successor as links, on its own page and beside a partner that ended.

use samenspel_app::History;
use samenspel_domain::org::{OrgHistory, Organisation};

use crate::i18n::Lang;

/// A link to an organisation's page.
pub struct OrgLink {
    pub code: String,
    pub name: String,
}

impl OrgLink {
    pub fn to(org: &Organisation) -> Self {
        Self {
            code: org.code.to_string(),
            name: org.display_name(),
        }
    }
}

/// What an organisation's page shows of its history.
pub struct HistoryView {
    /// "02-07-2024 – 23-02-2026", "sinds …", "tot …"; none when neither day is known.
    pub period: Option<String>,
    pub predecessors: Vec<OrgLink>,
    pub successor: Option<OrgLink>,
    /// It ended and no successor is known: the page says so rather than leave it out.
    pub no_successor: bool,
    /// When the successor ended too: the organisation that carries on now.
    pub current: Option<OrgLink>,
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The period an organisation existed, in `lang`.
pub fn period(lang: Lang, history: &OrgHistory) -> Option<String> {
    match (history.valid_from, history.valid_until) {
        (Some(from), Some(until)) => Some(lang.t_with(
            "org-history-from-until",
            &[("from", &day(from)), ("until", &day(until))],
        )),
        (Some(from), None) => Some(lang.t_with("org-history-since", &[("from", &day(from))])),
        (None, Some(until)) => Some(lang.t_with("org-history-until", &[("until", &day(until))])),
        (None, None) => None,
    }
}

pub fn history_view(lang: Lang, org: &Organisation, history: &History) -> HistoryView {
    HistoryView {
        period: period(lang, &org.history),
        predecessors: history.predecessors.iter().map(OrgLink::to).collect(),
        successor: history.successor.as_ref().map(OrgLink::to),
        no_successor: org.ended && history.successor.is_none(),
        current: history.current.as_ref().map(OrgLink::to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_period_says_what_is_known() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let history = |from, until| OrgHistory {
            valid_from: from,
            valid_until: until,
            ..Default::default()
        };
        let vro = history(day(2024, 7, 2), day(2026, 2, 23));
        assert_eq!(period(Lang::Nl, &vro).unwrap(), "02-07-2024 – 23-02-2026");
        let only_end = history(None, day(2010, 10, 13));
        assert_eq!(period(Lang::Nl, &only_end).unwrap(), "tot 13-10-2010");
        assert_eq!(period(Lang::En, &only_end).unwrap(), "until 13-10-2010");
        let only_start = history(day(2024, 7, 2), None);
        assert_eq!(period(Lang::Nl, &only_start).unwrap(), "sinds 02-07-2024");
        assert_eq!(period(Lang::Nl, &history(None, None)), None);
    }
}
