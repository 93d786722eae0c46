//! State machines as data: a table of (state, event) → state, each row with the guards that
//! must hold. What is not in the table is refused, and a refusal says why in Dutch: the event
//! cannot happen in this state, or it can only once what a guard names is there. Tables are
//! tested row by row, like the permission table in [`crate::auth`].
//!
//! The survey wave uses it ([`crate::survey::wave`]); UDO dossiers are meant to be the next.

/// A state or an event as a person reads it in a message.
pub trait Named: Copy + Eq + std::fmt::Debug {
    fn name_nl(self) -> &'static str;
}

/// What must hold for a transition, and what is missing when it does not.
pub struct Guard<C: 'static> {
    pub holds: fn(&C) -> bool,
    /// Completes "… kan pas als …", e.g. `de openingsdatum is bereikt`.
    pub missing: &'static str,
}

/// One row of a table.
pub struct Transition<S: 'static, E: 'static, C: 'static> {
    pub from: S,
    pub event: E,
    pub to: S,
    /// All must hold, checked in order.
    pub guards: &'static [Guard<C>],
}

/// Why an event is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal<S, E> {
    /// The table has no row for the event in this state.
    NotInState { state: S, event: E },
    /// A guard of the row did not hold.
    Missing { event: E, missing: &'static str },
}

impl<S: Named, E: Named> Refusal<S, E> {
    pub fn message_nl(self) -> String {
        match self {
            Refusal::NotInState { state, event } => {
                format!(
                    "{} kan niet als de toestand '{}' is.",
                    capitalised(event.name_nl()),
                    state.name_nl()
                )
            }
            Refusal::Missing { event, missing } => {
                format!("{} kan pas als {missing}.", capitalised(event.name_nl()))
            }
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The state after `event` in `state`, or why it is refused.
pub fn next<S: Named, E: Named, C>(
    table: &[Transition<S, E, C>],
    state: S,
    event: E,
    context: &C,
) -> Result<S, Refusal<S, E>> {
    let row = table
        .iter()
        .find(|t| t.from == state && t.event == event)
        .ok_or(Refusal::NotInState { state, event })?;
    match row.guards.iter().find(|g| !(g.holds)(context)) {
        Some(guard) => Err(Refusal::Missing {
            event,
            missing: guard.missing,
        }),
        None => Ok(row.to),
    }
}

#[cfg(test)]
mod tests;
