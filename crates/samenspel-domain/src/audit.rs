//! Audit events: every change is written together with one of these, in the same transaction.
//! The actions are one enum ([`AuditAction`]: stored key and labels) and every action has a
//! readable summary ([`summarise`]); the hash chain covers the stored text of each event.

use serde::Serialize;

use crate::org::OrgCode;

mod action;
mod summary;

pub use action::AuditAction;
pub use summary::{Names, codes_named, summarise};

/// Who made a change, on behalf of which organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// A user id, `cli`, `demo` or `anoniem` until accounts exist for the caller.
    pub name: String,
    pub organisation: Option<OrgCode>,
}

impl Actor {
    pub fn system(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            organisation: None,
        }
    }
}

/// The fields of a stored audit event that its hash covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainedEvent<'a> {
    pub id: i64,
    /// RFC 3339 with microseconds, as stored.
    pub occurred_at: &'a str,
    pub actor: &'a str,
    pub actor_organisation: Option<&'a str>,
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// The hash of an event in the chain: SHA-256 over the previous hash and the event's fields
/// in a fixed JSON form, hex-encoded. Altering, inserting or deleting any event breaks every
/// later link.
pub fn chain_hash(previous: &str, event: &ChainedEvent<'_>) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    hasher.update(serde_json::to_string(event).unwrap_or_default().as_bytes());
    hex(&hasher.finalize())
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// The hash of the empty chain.
pub const GENESIS: &str = "genesis";

/// Where a chain first breaks: the id of the first event whose stored hashes do not follow.
pub fn first_broken_link<'a>(
    events: impl IntoIterator<Item = (ChainedEvent<'a>, &'a str, &'a str)>,
) -> Option<i64> {
    let mut previous = GENESIS.to_owned();
    for (event, stored_previous, stored_hash) in events {
        let expected = chain_hash(&previous, &event);
        if stored_previous != previous || stored_hash != expected {
            return Some(event.id);
        }
        previous = expected;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64, action: &'static str) -> ChainedEvent<'static> {
        ChainedEvent {
            id,
            occurred_at: "2026-11-23T07:00:00.000000Z",
            actor: "ana@gemeente.nl",
            actor_organisation: Some("GM0363"),
            action,
            subject_type: "collaboration",
            subject_id: "1",
            before: None,
            after: Some("{}"),
        }
    }

    #[test]
    fn an_intact_chain_verifies_and_an_altered_event_is_named() {
        let events = [event(1, "a"), event(2, "b"), event(3, "c")];
        let mut hashes = Vec::new();
        let mut previous = GENESIS.to_owned();
        for e in &events {
            let h = chain_hash(&previous, e);
            hashes.push((previous.clone(), h.clone()));
            previous = h;
        }
        let chain = |evs: &[ChainedEvent<'static>]| -> Option<i64> {
            let list: Vec<_> = evs
                .iter()
                .cloned()
                .zip(hashes.iter())
                .map(|(e, (p, h))| (e, p.as_str(), h.as_str()))
                .collect();
            first_broken_link(list)
        };
        assert_eq!(chain(&events), None);
        let mut altered = events.clone();
        altered[1].action = "x";
        assert_eq!(chain(&altered), Some(2));
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
