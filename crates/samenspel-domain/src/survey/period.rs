//! When a wave takes answers from respondents: not once a beheerder has closed it, and not
//! before its opening date or after its closing date (both inclusive, both optional). Imports
//! by beheerders of answers gathered elsewhere are not bound to the dates, only to closing.

use chrono::NaiveDate;

use super::wave::{WaveEvent, WaveState, after};
use crate::{Message, msg};

/// Why a wave does not take an answer now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAnswerable {
    Closed,
    NotYetOpen(NaiveDate),
    PastClosingDate(NaiveDate),
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

impl NotAnswerable {
    /// The heading of the page that says so.
    pub fn title(self) -> Message {
        match self {
            NotAnswerable::Closed => msg!("survey-closed-title", "Deze golf is gesloten"),
            NotAnswerable::NotYetOpen(_) => msg!("survey-not-yet-open-title", "Deze golf is nog niet open"),
            NotAnswerable::PastClosingDate(_) => {
                msg!(
                    "survey-past-closing-title",
                    "Deze golf neemt geen antwoorden meer aan"
                )
            }
        }
    }

    /// The message for a respondent.
    pub fn message(self) -> Message {
        match self {
            NotAnswerable::Closed => msg!(
                "survey-not-answering-closed",
                "Deze golf van de knelpuntenmonitor is gesloten; u kunt niet meer antwoorden. Dank voor uw belangstelling."
            ),
            NotAnswerable::NotYetOpen(d) => msg!(
                "survey-not-answering-not-yet",
                "Deze golf van de knelpuntenmonitor opent op {date}; u kunt dan antwoorden.",
                date = date(d)
            ),
            NotAnswerable::PastClosingDate(d) => msg!(
                "survey-not-answering-past",
                "Deze golf van de knelpuntenmonitor sloot op {date}; u kunt niet meer antwoorden. Dank voor uw belangstelling.",
                date = date(d)
            ),
        }
    }
}

/// A wave's status as lists and its page show it, from [`answerable`] today: a wave past its
/// closing date takes no answers but shows no results until a beheerder closes it.
pub fn status_nl(answering: Result<(), NotAnswerable>) -> String {
    match answering {
        Ok(()) => "Open".to_owned(),
        Err(NotAnswerable::Closed) => "Gesloten".to_owned(),
        Err(NotAnswerable::NotYetOpen(d)) => format!("Opent op {}", date(d)),
        Err(NotAnswerable::PastClosingDate(d)) => {
            format!("Sloot op {} voor antwoorden; nog niet gesloten", date(d))
        }
    }
}

/// Whether a wave with these dates, closed or not, takes an answer on `today`.
pub fn answerable(
    opens_on: Option<NaiveDate>,
    closes_on: Option<NaiveDate>,
    closed: bool,
    today: NaiveDate,
) -> Result<(), NotAnswerable> {
    if after(WaveState::of(closed), WaveEvent::Answer).is_err() {
        return Err(NotAnswerable::Closed);
    }
    if let Some(o) = opens_on.filter(|o| today < *o) {
        return Err(NotAnswerable::NotYetOpen(o));
    }
    if let Some(c) = closes_on.filter(|c| today > *c) {
        return Err(NotAnswerable::PastClosingDate(c));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_wave_takes_answers_between_its_dates_inclusive_until_it_is_closed() {
        let (o, c) = (Some(d("2026-11-01")), Some(d("2026-11-30")));
        assert_eq!(answerable(o, c, false, d("2026-11-01")), Ok(()));
        assert_eq!(answerable(o, c, false, d("2026-11-30")), Ok(()));
        assert_eq!(
            answerable(o, c, false, d("2026-10-31")),
            Err(NotAnswerable::NotYetOpen(d("2026-11-01")))
        );
        assert_eq!(
            answerable(o, c, false, d("2026-12-01")),
            Err(NotAnswerable::PastClosingDate(d("2026-11-30")))
        );
        assert_eq!(
            answerable(o, c, true, d("2026-11-15")),
            Err(NotAnswerable::Closed)
        );
        assert_eq!(answerable(None, None, false, d("1999-01-01")), Ok(()));
        assert!(
            NotAnswerable::PastClosingDate(d("2026-11-30"))
                .message()
                .contains("30-11-2026")
        );
    }

    #[test]
    fn the_status_names_the_date_that_decides_it() {
        let (o, c) = (Some(d("2026-11-01")), Some(d("2026-11-30")));
        let at = |today: &str, closed: bool| status_nl(answerable(o, c, closed, d(today)));
        assert_eq!(at("2026-11-15", false), "Open");
        assert_eq!(at("2026-10-31", false), "Opent op 01-11-2026");
        assert_eq!(
            at("2026-12-01", false),
            "Sloot op 30-11-2026 voor antwoorden; nog niet gesloten"
        );
        assert_eq!(at("2026-12-01", true), "Gesloten");
    }
}
