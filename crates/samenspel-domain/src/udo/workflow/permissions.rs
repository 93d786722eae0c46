//! Who may take which step of a UDO dossier, as a table the permission layer can use
//! ([`crate::auth`] keeps the platform's table; this one is the dossier's part of it). The
//! owning ministry's redacteuren keep the dossier and move it through the workflow; BZK's
//! redacteuren give BZK's advice at the check moments; a koepel's redacteuren give its
//! judgement (issue 14, item 4; Draaiboek nr. 10a: the vakdepartement "voert de pen", BZK
//! advises). A `beheerder` may do everything, as in [`crate::auth::permits`].

use serde::Serialize;

use super::UdoEvent;
use crate::auth::Role;

/// How the acting organisation relates to the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DossierRelation {
    /// Another organisation.
    None,
    /// The ministry that holds the pen.
    Owner,
    /// The ministry of BZK.
    Bzk,
    /// The koepel of a layer the proposal affects.
    Koepel,
}

/// What a request wants to do with a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DossierAction {
    /// Read a dossier that has not gone into consultation.
    ReadDraft,
    /// Change the dossier's content, its financial paragraph and its planned consultation.
    Edit,
    /// Take a step of the workflow.
    Move(UdoEvent),
    /// Record BZK's advice at a check moment.
    GiveBzkAdvice,
    /// Record a koepel's judgement.
    GiveKoepelJudgement,
}

/// One allowed combination; anything not listed is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierPermission {
    pub action: DossierAction,
    pub role: Role,
    pub relation: DossierRelation,
}

const fn allow(action: DossierAction, role: Role, relation: DossierRelation) -> DossierPermission {
    DossierPermission {
        action,
        role,
        relation,
    }
}

use DossierAction as A;
use DossierRelation as R;
use Role::{Lezer, Redacteur};

/// The dossier's permission table. A `beheerder` is allowed everything and is not listed.
pub const DOSSIER_PERMISSIONS: &[DossierPermission] = &[
    // Drafts are read by the owner, BZK and the koepels concerned.
    allow(A::ReadDraft, Lezer, R::Owner),
    allow(A::ReadDraft, Redacteur, R::Owner),
    allow(A::ReadDraft, Lezer, R::Bzk),
    allow(A::ReadDraft, Redacteur, R::Bzk),
    allow(A::ReadDraft, Lezer, R::Koepel),
    allow(A::ReadDraft, Redacteur, R::Koepel),
    // The owning ministry holds the pen and moves the dossier.
    allow(A::Edit, Redacteur, R::Owner),
    allow(A::Move(UdoEvent::StartVerkenning), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::StartToets), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::RecordOutcome), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::Revise), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::OpenConsultation), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::OpenConsultationWithoutUdo), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::Adopt), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::EnterIntoForce), Redacteur, R::Owner),
    allow(A::Move(UdoEvent::Evaluate), Redacteur, R::Owner),
    // BZK advises; the koepels judge.
    allow(A::GiveBzkAdvice, Redacteur, R::Bzk),
    allow(A::GiveKoepelJudgement, Redacteur, R::Koepel),
];

/// Whether `role` with `relation` to the dossier may perform `action`.
pub fn may(action: DossierAction, role: Role, relation: DossierRelation) -> bool {
    role == Role::Beheerder
        || DOSSIER_PERMISSIONS
            .iter()
            .any(|p| p.action == action && p.role == role && p.relation == relation)
}
