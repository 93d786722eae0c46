//! Audit events: every change is written together with one of these, in the same transaction.

use serde::Serialize;

use crate::org::OrgCode;

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

/// A change about to be written; the store adds the time and the sequence number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub actor: Actor,
    /// e.g. `collaboration.create`, `stance.record`.
    pub action: &'static str,
    /// e.g. `collaboration`, `organisation`.
    pub subject_type: &'static str,
    pub subject_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}
