//! The life of a wave as a table (see [`crate::transitions`]): a wave is open from the moment
//! it is made until a beheerder closes it; while open it takes answers and imports, once
//! closed it has a report and takes nothing more. Its dates bound only answers from
//! respondents ([`super::period`]), not imports, so they are not states.

use crate::transitions::{Named, Refusal, Transition, next};
use crate::{Message, msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaveState {
    Open,
    Closed,
}

impl WaveState {
    /// The state of a wave that has (or has not) been closed.
    pub fn of(closed: bool) -> Self {
        if closed {
            WaveState::Closed
        } else {
            WaveState::Open
        }
    }
}

impl Named for WaveState {
    fn name_nl(self) -> &'static str {
        match self {
            WaveState::Open => "open",
            WaveState::Closed => "gesloten",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaveEvent {
    /// A respondent answers (or changes an answer).
    Answer,
    /// A beheerder imports answers gathered elsewhere.
    Import,
    Close,
    /// The results are shown.
    Report,
}

impl WaveEvent {
    pub const ALL: [WaveEvent; 4] = [
        WaveEvent::Answer,
        WaveEvent::Import,
        WaveEvent::Close,
        WaveEvent::Report,
    ];
}

impl Named for WaveEvent {
    fn name_nl(self) -> &'static str {
        match self {
            WaveEvent::Answer => "antwoorden",
            WaveEvent::Import => "antwoorden importeren",
            WaveEvent::Close => "sluiten",
            WaveEvent::Report => "de resultaten tonen",
        }
    }
}

/// Every way a wave may go; anything else is refused.
pub const WAVE_TRANSITIONS: &[Transition<WaveState, WaveEvent, ()>] = &[
    Transition {
        from: WaveState::Open,
        event: WaveEvent::Answer,
        to: WaveState::Open,
        guards: &[],
    },
    Transition {
        from: WaveState::Open,
        event: WaveEvent::Import,
        to: WaveState::Open,
        guards: &[],
    },
    Transition {
        from: WaveState::Open,
        event: WaveEvent::Close,
        to: WaveState::Closed,
        guards: &[],
    },
    Transition {
        from: WaveState::Closed,
        event: WaveEvent::Report,
        to: WaveState::Closed,
        guards: &[],
    },
];

/// The state after `event`, or why the wave refuses it.
pub fn after(state: WaveState, event: WaveEvent) -> Result<WaveState, Refusal<WaveState, WaveEvent>> {
    next(WAVE_TRANSITIONS, state, event, &())
}

/// The message for a beheerder (or a page) when wave `key` refuses `event`; the messages
/// people already know for importing into a closed wave and showing an open wave's results.
pub fn refusal(key: &str, why: Refusal<WaveState, WaveEvent>) -> Message {
    match why {
        Refusal::NotInState {
            state: WaveState::Closed,
            event: WaveEvent::Import | WaveEvent::Answer,
        } => msg!(
            "wave-refused-closed",
            "Golf '{key}' is gesloten; er kunnen geen antwoorden meer bij. Er is niets opgeslagen.",
            key = key
        ),
        Refusal::NotInState {
            state: WaveState::Closed,
            event: WaveEvent::Close,
        } => msg!(
            "wave-refused-already-closed",
            "Golf '{key}' is al gesloten.",
            key = key
        ),
        Refusal::NotInState {
            state: WaveState::Open,
            event: WaveEvent::Report,
        } => msg!(
            "wave-refused-still-open",
            "Golf '{key}' is nog open: de resultaten zijn er pas na het sluiten.",
            key = key
        ),
        // Not reached with the table above; the table's own (Dutch) wording as a fallback.
        other => msg!(
            "wave-refused",
            "Golf '{key}': {reason}",
            key = key,
            reason = other.message_nl()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WaveEvent::*;
    use WaveState::*;

    /// The whole table, spelled out: (state, event) → state or refused.
    #[test]
    fn the_wave_table() {
        let expected: &[(WaveState, WaveEvent, Option<WaveState>)] = &[
            (Open, Answer, Some(Open)),
            (Open, Import, Some(Open)),
            (Open, Close, Some(Closed)),
            (Open, Report, None),
            (Closed, Answer, None),
            (Closed, Import, None),
            (Closed, Close, None),
            (Closed, Report, Some(Closed)),
        ];
        for state in [Open, Closed] {
            for event in WaveEvent::ALL {
                let row = expected
                    .iter()
                    .find(|(s, e, _)| *s == state && *e == event)
                    .map(|r| r.2);
                assert_eq!(after(state, event).ok(), row.flatten(), "{state:?} + {event:?}");
                assert!(row.is_some(), "{state:?} + {event:?} is spelled out");
            }
        }
    }

    #[test]
    fn refusals_say_what_people_already_read() {
        let refused = |state, event| refusal("2026-najaar", after(state, event).unwrap_err()).to_string();
        assert_eq!(
            refused(Closed, Import),
            "Golf '2026-najaar' is gesloten; er kunnen geen antwoorden meer bij. Er is niets opgeslagen."
        );
        assert_eq!(
            refused(Open, Report),
            "Golf '2026-najaar' is nog open: de resultaten zijn er pas na het sluiten."
        );
        assert_eq!(refused(Closed, Close), "Golf '2026-najaar' is al gesloten.");
        assert_eq!(WaveState::of(true), Closed);
        assert_eq!(WaveState::of(false), Open);
    }
}
