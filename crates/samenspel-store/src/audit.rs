//! The audit event of every change, typed: one variant per [`AuditAction`] with the subject
//! and the before/after payloads that action records. The store serialises them to the JSON
//! it has always written (the hash chain covers that text), and the action follows from the
//! variant, so an event cannot be written with the wrong action or payload.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};

use samenspel_domain::audit::AuditAction;
use samenspel_domain::auth::Membership;
use samenspel_domain::collaboration::Partner;
use samenspel_domain::control::DemocraticControl;
use samenspel_domain::moore::MooreStatement;
use samenspel_domain::org::{OrgCode, Organisation};
use samenspel_domain::participation::Participation;

use crate::{
    AttachmentInfo, Collaboration, ContributionRecord, ImportReport, StanceRecord, TokenPurpose, Wave,
};

/// One change as the audit trail records it.
#[derive(Debug, Clone, Copy)]
pub enum AuditEvent<'a> {
    CollaborationCreate {
        after: &'a Collaboration,
    },
    CollaborationUpdate {
        before: &'a Collaboration,
        after: &'a Collaboration,
    },
    /// Published (`published`) or withdrawn to draft.
    Publication {
        id: i64,
        before: bool,
        published: bool,
    },
    PartnerAdd {
        id: i64,
        partner: &'a Partner,
    },
    StanceRecord {
        record: &'a StanceRecord,
    },
    MoneyRecord {
        collaboration_id: i64,
        before: Option<&'a ContributionRecord>,
        after: &'a ContributionRecord,
    },
    MoneyDelete {
        collaboration_id: i64,
        before: &'a ContributionRecord,
    },
    ControlUpdate {
        collaboration_id: i64,
        before: Option<&'a DemocraticControl>,
        after: &'a DemocraticControl,
    },
    MooreUpdate {
        collaboration_id: i64,
        partner: &'a OrgCode,
        before: Option<&'a MooreStatement>,
        after: &'a MooreStatement,
    },
    OrganisationAdd {
        organisation: &'a Organisation,
    },
    UserCreate {
        id: i64,
        email: &'a str,
        name: &'a str,
        memberships: &'a [Membership],
    },
    UserGrant {
        id: i64,
        before: &'a [Membership],
        after: &'a Membership,
    },
    UserRevoke {
        id: i64,
        organisation: &'a OrgCode,
    },
    UserPassword {
        id: i64,
    },
    TokenCreate {
        user_id: i64,
        token_id: i64,
        purpose: TokenPurpose,
        expires_at: Option<DateTime<Utc>>,
    },
    TokenRevoke {
        user_id: i64,
        purpose: TokenPurpose,
        revoked: u64,
    },
    LoginRefused {
        email: &'a str,
        address: &'a str,
        reason: Option<&'a str>,
    },
    /// `register` is the source prefix without its colon (`gr`).
    RegisterImport {
        register: &'a str,
        report: &'a ImportReport,
    },
    WaveCreate {
        wave: &'a Wave,
    },
    WaveClose {
        wave: &'a Wave,
    },
    SurveyImport {
        wave_id: i64,
        responses: usize,
    },
    AttachmentAdd {
        info: &'a AttachmentInfo,
    },
    StaatCompile {
        id: i64,
        period: &'a samenspel_domain::staat::Period,
    },
    MedebewindCreate {
        id: i64,
        after: &'a samenspel_domain::medebewind::TaskInput,
    },
    MedebewindUpdate {
        id: i64,
        before: &'a samenspel_domain::medebewind::TaskInput,
        after: &'a samenspel_domain::medebewind::TaskInput,
    },
    UdoCreate {
        id: i64,
        after: &'a samenspel_domain::udo::dossier::DossierInput,
    },
    UdoUpdate {
        id: i64,
        before: &'a samenspel_domain::udo::dossier::DossierInput,
        after: &'a samenspel_domain::udo::dossier::DossierInput,
    },
    UdoStep {
        id: i64,
        before: &'a samenspel_domain::udo::workflow::UdoProgress,
        after: &'a samenspel_domain::udo::workflow::UdoProgress,
    },
    /// A reaction to a dossier's consultation (its payload names neither author nor text).
    UdoReaction {
        dossier_id: i64,
        reaction_id: i64,
        kind: samenspel_domain::udo::consultation::reaction::ReactionKind,
        status: samenspel_domain::udo::consultation::moderation::ModerationStatus,
    },
    /// A reaction published, rejected or filed under a theme.
    UdoModerate {
        dossier_id: i64,
        reaction_id: i64,
        before: crate::UdoReactionState<'a>,
        after: crate::UdoReactionState<'a>,
    },
    UdoThemeResponse {
        dossier_id: i64,
        before: Option<&'a samenspel_domain::udo::consultation::report::ThemeResponse>,
        after: &'a samenspel_domain::udo::consultation::report::ThemeResponse,
    },
    ParticipationUpdate {
        collaboration_id: i64,
        before: Option<&'a Participation>,
        after: &'a Participation,
    },
    /// Costs per task field imported from one file.
    Iv3CostImport {
        import_id: i64,
        file: &'a crate::CostFile,
        report: &'a crate::CostImportReport,
    },
}

/// The JSON of an event, as stored: before and after.
pub type Payloads = (Option<Value>, Option<Value>);

/// Moore's triangle is recorded per partner: the statement with whose it is.
#[derive(Serialize)]
struct MooreChange<'a> {
    partner: &'a OrgCode,
    statement: &'a MooreStatement,
}

fn to_json(value: &impl Serialize) -> Result<Option<Value>, serde_json::Error> {
    serde_json::to_value(value).map(Some)
}

fn opt_json<T: Serialize>(value: Option<T>) -> Result<Option<Value>, serde_json::Error> {
    value.map(|v| serde_json::to_value(v)).transpose()
}

impl AuditEvent<'_> {
    pub fn action(&self) -> AuditAction {
        use AuditEvent as E;
        match self {
            E::CollaborationCreate { .. } => AuditAction::CollaborationCreate,
            E::CollaborationUpdate { .. } => AuditAction::CollaborationUpdate,
            E::Publication { published: true, .. } => AuditAction::CollaborationPublish,
            E::Publication { published: false, .. } => AuditAction::CollaborationWithdraw,
            E::PartnerAdd { .. } => AuditAction::PartnerAdd,
            E::StanceRecord { .. } => AuditAction::StanceRecord,
            E::MoneyRecord { .. } => AuditAction::MoneyRecord,
            E::MoneyDelete { .. } => AuditAction::MoneyDelete,
            E::ControlUpdate { .. } => AuditAction::ControlUpdate,
            E::MooreUpdate { .. } => AuditAction::MooreUpdate,
            E::OrganisationAdd { .. } => AuditAction::OrganisationAdd,
            E::UserCreate { .. } => AuditAction::UserCreate,
            E::UserGrant { .. } => AuditAction::UserGrant,
            E::UserRevoke { .. } => AuditAction::UserRevoke,
            E::UserPassword { .. } => AuditAction::UserPassword,
            E::TokenCreate { .. } => AuditAction::TokenCreate,
            E::TokenRevoke { .. } => AuditAction::TokenRevoke,
            E::LoginRefused { .. } => AuditAction::LoginRefused,
            E::RegisterImport { .. } => AuditAction::RegisterImport,
            E::WaveCreate { .. } => AuditAction::WaveCreate,
            E::WaveClose { .. } => AuditAction::WaveClose,
            E::SurveyImport { .. } => AuditAction::SurveyImport,
            E::AttachmentAdd { .. } => AuditAction::AttachmentAdd,
            E::ParticipationUpdate { .. } => AuditAction::ParticipationUpdate,
            E::StaatCompile { .. } => AuditAction::StaatCompile,
            E::MedebewindCreate { .. } => AuditAction::MedebewindCreate,
            E::MedebewindUpdate { .. } => AuditAction::MedebewindUpdate,
            E::UdoCreate { .. } => AuditAction::UdoCreate,
            E::UdoUpdate { .. } => AuditAction::UdoUpdate,
            E::UdoStep { .. } => AuditAction::UdoStep,
            E::UdoReaction { .. } => AuditAction::UdoReaction,
            E::UdoModerate { .. } => AuditAction::UdoModerate,
            E::UdoThemeResponse { .. } => AuditAction::UdoThemeResponse,
            E::Iv3CostImport { .. } => AuditAction::Iv3CostImport,
        }
    }

    /// The subject's type and id, e.g. `("collaboration", "12")`.
    pub fn subject(&self) -> (&'static str, String) {
        use AuditEvent as E;
        match self {
            E::CollaborationCreate { after: c } | E::CollaborationUpdate { after: c, .. } => {
                ("collaboration", c.id.to_string())
            }
            E::Publication { id, .. } | E::PartnerAdd { id, .. } => ("collaboration", id.to_string()),
            E::StanceRecord { record } => ("collaboration", record.collaboration_id.to_string()),
            E::MoneyRecord { collaboration_id, .. }
            | E::MoneyDelete { collaboration_id, .. }
            | E::ControlUpdate { collaboration_id, .. }
            | E::MooreUpdate { collaboration_id, .. } => ("collaboration", collaboration_id.to_string()),
            E::OrganisationAdd { organisation } => ("organisation", organisation.code.to_string()),
            E::UserCreate { id, .. }
            | E::UserGrant { id, .. }
            | E::UserRevoke { id, .. }
            | E::UserPassword { id } => ("user", id.to_string()),
            E::TokenCreate { user_id, .. } | E::TokenRevoke { user_id, .. } => ("user", user_id.to_string()),
            E::LoginRefused { email, .. } => ("login", (*email).to_owned()),
            E::RegisterImport { register, .. } => ("register", (*register).to_owned()),
            E::WaveCreate { wave } | E::WaveClose { wave } => ("survey_wave", wave.id.to_string()),
            E::SurveyImport { wave_id, .. } => ("survey_wave", wave_id.to_string()),
            E::AttachmentAdd { info } => (info.owner.kind.key(), info.owner.id.to_string()),
            E::ParticipationUpdate { collaboration_id, .. } => {
                ("collaboration", collaboration_id.to_string())
            }
            E::MedebewindCreate { id, .. } | E::MedebewindUpdate { id, .. } => {
                ("medebewind_task", id.to_string())
            }
            E::UdoCreate { id, .. } | E::UdoUpdate { id, .. } | E::UdoStep { id, .. } => {
                ("udo_dossier", id.to_string())
            }
            E::UdoReaction { dossier_id, .. }
            | E::UdoModerate { dossier_id, .. }
            | E::UdoThemeResponse { dossier_id, .. } => ("udo_dossier", dossier_id.to_string()),
            E::Iv3CostImport { import_id, .. } => ("iv3_cost_import", import_id.to_string()),
            E::StaatCompile { id, .. } => ("staat_report", id.to_string()),
        }
    }

    /// The before and after JSON; an error when a payload cannot be serialised (the store
    /// then writes nothing).
    pub fn payloads(&self) -> Result<Payloads, serde_json::Error> {
        use AuditEvent as E;
        Ok(match self {
            E::CollaborationCreate { after } => (None, to_json(after)?),
            E::CollaborationUpdate { before, after } => (to_json(before)?, to_json(after)?),
            E::Publication {
                before, published, ..
            } => (
                Some(json!({ "published": before })),
                Some(json!({ "published": published })),
            ),
            E::PartnerAdd { partner, .. } => (None, to_json(partner)?),
            E::StanceRecord { record } => (None, to_json(record)?),
            E::MoneyRecord { before, after, .. } => (opt_json(*before)?, to_json(after)?),
            E::MoneyDelete { before, .. } => (to_json(before)?, None),
            E::ControlUpdate { before, after, .. } => (opt_json(*before)?, to_json(after)?),
            E::MooreUpdate {
                partner,
                before,
                after,
                ..
            } => (
                opt_json(before.map(|statement| MooreChange { partner, statement }))?,
                to_json(&MooreChange {
                    partner,
                    statement: after,
                })?,
            ),
            E::OrganisationAdd { organisation } => (None, to_json(organisation)?),
            E::UserCreate {
                email,
                name,
                memberships,
                ..
            } => (
                None,
                Some(json!({ "email": email, "name": name, "memberships": memberships })),
            ),
            E::UserGrant { before, after, .. } => (to_json(before)?, to_json(after)?),
            E::UserRevoke { organisation, .. } => (to_json(organisation)?, None),
            E::UserPassword { .. } => (None, None),
            E::TokenCreate {
                token_id,
                purpose,
                expires_at,
                ..
            } => (
                None,
                Some(json!({ "token_id": token_id, "purpose": purpose.key(), "expires_at": expires_at })),
            ),
            E::TokenRevoke { purpose, revoked, .. } => (
                None,
                Some(json!({ "purpose": purpose.key(), "revoked": revoked })),
            ),
            E::LoginRefused { address, reason, .. } => {
                (None, Some(json!({ "address": address, "reason": reason })))
            }
            E::RegisterImport { report, .. } => (None, to_json(report)?),
            E::WaveCreate { wave } | E::WaveClose { wave } => (None, to_json(wave)?),
            E::SurveyImport { responses, .. } => (None, Some(json!({ "responses": responses }))),
            E::AttachmentAdd { info } => (None, to_json(info)?),
            E::ParticipationUpdate { before, after, .. } => (opt_json(*before)?, to_json(after)?),
            E::StaatCompile { period, .. } => (None, to_json(period)?),
            E::MedebewindCreate { after, .. } => (None, to_json(after)?),
            E::MedebewindUpdate { before, after, .. } => (to_json(before)?, to_json(after)?),
            E::UdoCreate { after, .. } => (None, to_json(after)?),
            E::UdoUpdate { before, after, .. } => (to_json(before)?, to_json(after)?),
            E::UdoStep { before, after, .. } => (to_json(before)?, to_json(after)?),
            E::UdoReaction {
                reaction_id,
                kind,
                status,
                ..
            } => (
                None,
                Some(json!({ "reaction": reaction_id, "kind": kind, "status": status })),
            ),
            E::UdoModerate {
                reaction_id,
                before,
                after,
                ..
            } => (
                Some(json!({ "reaction": reaction_id, "status": before.status, "theme": before.theme })),
                Some(json!({ "reaction": reaction_id, "status": after.status, "theme": after.theme })),
            ),
            E::UdoThemeResponse { before, after, .. } => (opt_json(*before)?, to_json(after)?),
            E::Iv3CostImport { file, report, .. } => (None, Some(json!({ "file": file, "report": report }))),
        })
    }
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
