//! Reactions to a UDO dossier's consultation and the ministry's response per theme, as the
//! store keeps them. The address a reaction came from is kept only as a hash, for the limit
//! per address, and never read back.

use chrono::{DateTime, Utc};
use samenspel_domain::udo::consultation::moderation::ModerationStatus;
use samenspel_domain::udo::consultation::reaction::Reaction;
use serde::Serialize;

/// A new reaction.
#[derive(Debug, Clone)]
pub struct NewUdoReaction<'a> {
    pub dossier_id: i64,
    pub reaction: &'a Reaction,
    /// `Ontvangen` for every reaction from the site; the demonstration loader stores its
    /// reactions as published.
    pub status: ModerationStatus,
    /// The hash of the client's address (see `samenspel_app::udo_reactions`).
    pub address_hash: &'a str,
    pub at: DateTime<Utc>,
    /// When set, the store counts the reactions from the same address (hash) to the same
    /// dossier since this moment in the same transaction, with the dossier locked, and refuses
    /// the reaction beyond the domain's limit
    /// (`samenspel_domain::udo::consultation::reaction::within_address_limit`).
    pub limit_since: Option<DateTime<Utc>>,
}

/// A reaction as stored (without the address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UdoReactionRecord {
    pub id: i64,
    pub dossier_id: i64,
    pub reaction: Reaction,
    pub status: ModerationStatus,
    pub created_at: DateTime<Utc>,
}

/// What moderation changes of a reaction: its status and theme (the audit trail's before and
/// after).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UdoReactionState<'a> {
    pub status: ModerationStatus,
    pub theme: Option<&'a str>,
}
