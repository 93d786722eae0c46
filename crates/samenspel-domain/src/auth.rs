//! Who may do what: roles per organisation, the relation of the acting organisation to the
//! object, and one permission table that is tested like data.
//!
//! A user is a member of one or more organisations with a role there. An action on an object
//! is allowed when some membership's role, combined with the relation of that membership's
//! organisation to the object, appears in [`PERMISSIONS`]. A `beheerder` (platform
//! administrator) is allowed everything whatever the relation.

use serde::{Deserialize, Serialize};

use crate::ValidationErrors;
use crate::org::OrgCode;

/// A role a user has in one organisation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Reads the non-public items of collaborations the organisation is in.
    Lezer,
    /// Edits on behalf of the organisation.
    Redacteur,
    /// Platform administrator.
    Beheerder,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Lezer, Role::Redacteur, Role::Beheerder];

    pub fn key(self) -> &'static str {
        match self {
            Role::Lezer => "lezer",
            Role::Redacteur => "redacteur",
            Role::Beheerder => "beheerder",
        }
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            Role::Lezer => "Lezer",
            Role::Redacteur => "Redacteur",
            Role::Beheerder => "Beheerder",
        }
    }

    /// The label as a message (id `Role-<key>` in the catalogues).
    pub fn label(self) -> crate::Message {
        let id = match self {
            Role::Lezer => "Role-lezer",
            Role::Redacteur => "Role-redacteur",
            Role::Beheerder => "Role-beheerder",
        };
        crate::Message::label(id, self.label_nl())
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn parse_field(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        Self::from_key(raw.trim()).ok_or_else(|| {
            ValidationErrors::single(
                field,
                "unknown_role",
                crate::msg!(
                    "error-unknown-role",
                    "'{value}' is geen rol; kies lezer, redacteur of beheerder.",
                    value = raw.trim()
                ),
            )
        })
    }
}

/// A user's role in one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
pub struct Membership {
    pub organisation: OrgCode,
    pub role: Role,
}

/// What a request wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Action {
    /// Read a collaboration that has not been published.
    ReadDraft,
    CreateCollaboration,
    EditCollaboration,
    AddPartner,
    Publish,
    /// Record a stance on behalf of an organisation.
    RecordStance,
    /// Record or remove a partner's money in a collaboration.
    RecordMoney,
    /// State an organisation's own view of Moore's triangle in a collaboration.
    StateMoore,
    AddOrganisation,
    ManageUsers,
    /// Import a register (e.g. the gemeenschappelijke regelingen) or a file of collaborations.
    ImportData,
    /// Open, close and fill waves of the knelpuntenmonitor (platform administrators).
    ManageSurveys,
    /// Record how residents take part in a collaboration (processes, ordinance, uitdaagrecht).
    RecordParticipation,
    /// Record or change a medebewind task in the register; its object is the task's
    /// responsible ministry.
    KeepMedebewindTask,
    /// Import costs per Iv3 task field: a municipality's own figures, or anyone's for a
    /// beheerder.
    ImportCosts,
    /// Compile a "Staat van het samenspel" report (platform administrators).
    CompileStaatReport,
    /// Read the operational metrics (`/metrics`), unless the installation makes them public
    /// (platform administrators).
    ReadMetrics,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::ReadDraft,
        Action::CreateCollaboration,
        Action::EditCollaboration,
        Action::AddPartner,
        Action::Publish,
        Action::RecordStance,
        Action::RecordMoney,
        Action::StateMoore,
        Action::AddOrganisation,
        Action::ManageUsers,
        Action::ImportData,
        Action::ManageSurveys,
        Action::RecordParticipation,
        Action::KeepMedebewindTask,
        Action::ImportCosts,
        Action::CompileStaatReport,
        Action::ReadMetrics,
    ];

    /// Why this action is refused to a signed-in user the permission table does not allow it
    /// (shown on the page and as the problem's detail in the API). Every action has one: the
    /// match is exhaustive, so a new action cannot be added without its message.
    /// [`Action::refusal_nl`] as a message (`problem-forbidden-…` in the catalogues).
    pub fn refusal(self) -> crate::Message {
        let id = match self {
            Self::ReadDraft => "problem-forbidden-read-draft",
            Self::CreateCollaboration => "problem-forbidden-create-collaboration",
            Self::EditCollaboration => "problem-forbidden-edit-collaboration",
            Self::AddPartner => "problem-forbidden-add-partner",
            Self::Publish => "problem-forbidden-publish",
            Self::RecordStance => "problem-forbidden-record-stance",
            Self::RecordMoney => "problem-forbidden-record-money",
            Self::StateMoore => "problem-forbidden-state-moore",
            Self::AddOrganisation => "problem-forbidden-add-organisation",
            Self::ManageUsers => "problem-forbidden-manage-users",
            Self::ImportData => "problem-forbidden-import-data",
            Self::ManageSurveys => "problem-forbidden-manage-surveys",
            Self::RecordParticipation => "problem-forbidden-record-participation",
            Self::KeepMedebewindTask => "problem-forbidden-keep-medebewind-task",
            Self::ImportCosts => "problem-forbidden-import-costs",
            Self::CompileStaatReport => "problem-forbidden-compile-staat-report",
            Self::ReadMetrics => "problem-forbidden-metrics",
        };
        crate::Message::new(id, Vec::new(), self.refusal_nl().to_owned())
    }

    pub fn refusal_nl(self) -> &'static str {
        match self {
            Self::ReadDraft => {
                "Deze samenwerking is nog niet gepubliceerd; alleen de partners kunnen haar zien."
            }
            Self::CreateCollaboration => "Alleen redacteuren kunnen een samenwerking vastleggen.",
            Self::EditCollaboration => "Alleen redacteuren van de trekker kunnen deze samenwerking bewerken.",
            Self::AddPartner => "Alleen redacteuren van de trekker kunnen partners toevoegen.",
            Self::Publish => "Alleen redacteuren van de trekker kunnen deze samenwerking publiceren.",
            Self::RecordStance => {
                "U kunt alleen een standpunt geven namens een organisatie waarvan u redacteur bent."
            }
            Self::RecordMoney => {
                "Alleen redacteuren van de betalende partner of van de trekker kunnen bedragen vastleggen."
            }
            Self::StateMoore => {
                "U kunt alleen de driehoek invullen namens een organisatie waarvan u redacteur bent."
            }
            Self::AddOrganisation => "Alleen redacteuren kunnen partners toevoegen.",
            Self::ManageUsers => "Alleen beheerders kunnen accounts beheren.",
            Self::ImportData => "Alleen beheerders kunnen gegevens importeren.",
            Self::ManageSurveys => "Alleen beheerders kunnen golven van de knelpuntenmonitor beheren.",
            Self::RecordParticipation => {
                "Alleen redacteuren van de trekker kunnen vastleggen hoe inwoners meedoen."
            }
            Self::KeepMedebewindTask => {
                "Alleen redacteuren van het verantwoordelijke ministerie kunnen deze taak vastleggen of wijzigen."
            }
            Self::ImportCosts => {
                "U kunt alleen kosten inlezen van gemeenten waarvan u redacteur bent; beheerders van alle gemeenten."
            }
            Self::CompileStaatReport => "Alleen beheerders kunnen een Staat van het samenspel samenstellen.",
            Self::ReadMetrics => "Alleen beheerders kunnen de meetgegevens lezen.",
        }
    }
}

/// How a membership's organisation relates to the object of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Relation {
    /// No relation (another organisation's object, or an object without an owner).
    None,
    /// The organisation is a partner in the collaboration.
    Partner,
    /// The organisation is the trekker (lead) of the collaboration.
    Trekker,
    /// The object is the organisation itself (its stance, its own data).
    Itself,
}

/// One allowed combination. Anything not listed is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    pub action: Action,
    pub role: Role,
    pub relation: Relation,
}

const fn allow(action: Action, role: Role, relation: Relation) -> Permission {
    Permission {
        action,
        role,
        relation,
    }
}

use Action::*;
use Relation as Rel;
use Role::*;

/// The permission table. A `beheerder` is allowed everything and is not listed.
pub const PERMISSIONS: &[Permission] = &[
    // Drafts are visible to the members of the partner organisations.
    allow(ReadDraft, Lezer, Rel::Partner),
    allow(ReadDraft, Lezer, Rel::Trekker),
    allow(ReadDraft, Redacteur, Rel::Partner),
    allow(ReadDraft, Redacteur, Rel::Trekker),
    // Any redacteur may start a collaboration; the organisation becomes its trekker.
    allow(CreateCollaboration, Redacteur, Rel::None),
    // The trekker's redacteuren keep the details, the partner list and publication.
    allow(EditCollaboration, Redacteur, Rel::Trekker),
    allow(AddPartner, Redacteur, Rel::Trekker),
    allow(Publish, Redacteur, Rel::Trekker),
    // A stance is written only by the stating organisation's redacteuren.
    allow(RecordStance, Redacteur, Rel::Itself),
    // A partner's money is recorded by its own redacteuren, or by the trekker's, who keeps
    // the books of the collaboration.
    allow(RecordMoney, Redacteur, Rel::Itself),
    allow(RecordMoney, Redacteur, Rel::Trekker),
    // A partner's own public value, mandate, support and capacity: its own redacteuren.
    allow(StateMoore, Redacteur, Rel::Itself),
    // Any redacteur may add a partner organisation (company, knowledge institution, …).
    allow(AddOrganisation, Redacteur, Rel::None),
    // How residents take part: kept by the trekker's redacteuren, like the other details.
    allow(RecordParticipation, Redacteur, Rel::Trekker),
    // A medebewind task is kept by the responsible ministry's redacteuren.
    allow(KeepMedebewindTask, Redacteur, Rel::Itself),
    // Costs per task field: a municipality's redacteuren for its own figures (every
    // organisation in the file must be theirs).
    allow(ImportCosts, Redacteur, Rel::Itself),
];

/// Whether `role` with `relation` to the object may perform `action`.
pub fn permits(action: Action, role: Role, relation: Relation) -> bool {
    role == Role::Beheerder
        || PERMISSIONS
            .iter()
            .any(|p| p.action == action && p.role == role && p.relation == relation)
}

/// Whether any of `memberships` may perform `action`, given how each membership's
/// organisation relates to the object.
pub fn allowed(
    action: Action,
    memberships: &[Membership],
    relation_of: impl Fn(&OrgCode) -> Relation,
) -> bool {
    memberships
        .iter()
        .any(|m| permits(action, m.role, relation_of(&m.organisation)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(code: &str, role: Role) -> Membership {
        Membership {
            organisation: OrgCode::parse(code).unwrap(),
            role,
        }
    }

    /// The whole table, spelled out: (action, role, relation) → allowed.
    #[test]
    fn the_permission_table() {
        use Relation::{Itself, None as No, Partner, Trekker};
        let expected: &[(Action, Role, &[Relation])] = &[
            (ReadDraft, Lezer, &[Partner, Trekker]),
            (ReadDraft, Redacteur, &[Partner, Trekker]),
            (CreateCollaboration, Lezer, &[]),
            (CreateCollaboration, Redacteur, &[No]),
            (EditCollaboration, Lezer, &[]),
            (EditCollaboration, Redacteur, &[Trekker]),
            (AddPartner, Lezer, &[]),
            (AddPartner, Redacteur, &[Trekker]),
            (Publish, Lezer, &[]),
            (Publish, Redacteur, &[Trekker]),
            (RecordStance, Lezer, &[]),
            (RecordStance, Redacteur, &[Itself]),
            (RecordMoney, Lezer, &[]),
            (RecordMoney, Redacteur, &[Itself, Trekker]),
            (StateMoore, Lezer, &[]),
            (StateMoore, Redacteur, &[Itself]),
            (AddOrganisation, Lezer, &[]),
            (AddOrganisation, Redacteur, &[No]),
            (ManageUsers, Lezer, &[]),
            (ManageUsers, Redacteur, &[]),
            (ImportData, Lezer, &[]),
            (ImportData, Redacteur, &[]),
            (ManageSurveys, Lezer, &[]),
            (ManageSurveys, Redacteur, &[]),
            (RecordParticipation, Lezer, &[]),
            (RecordParticipation, Redacteur, &[Trekker]),
            (KeepMedebewindTask, Lezer, &[]),
            (KeepMedebewindTask, Redacteur, &[Itself]),
            (ImportCosts, Lezer, &[]),
            (ImportCosts, Redacteur, &[Itself]),
            (CompileStaatReport, Lezer, &[]),
            (CompileStaatReport, Redacteur, &[]),
            (ReadMetrics, Lezer, &[]),
            (ReadMetrics, Redacteur, &[]),
        ];
        for (action, role, allowed_relations) in expected {
            for relation in [No, Partner, Trekker, Itself] {
                assert_eq!(
                    permits(*action, *role, relation),
                    allowed_relations.contains(&relation),
                    "{action:?} by {role:?} with relation {relation:?}"
                );
            }
        }
        for action in Action::ALL {
            for relation in [No, Partner, Trekker, Itself] {
                assert!(permits(action, Beheerder, relation), "beheerder may {action:?}");
            }
            assert!(
                expected.iter().filter(|(a, _, _)| *a == action).count() == 2,
                "{action:?} is covered for lezer and redacteur"
            );
        }
    }

    #[test]
    fn a_redacteur_of_a_cannot_write_the_stance_of_b() {
        let a = OrgCode::parse("GM0363").unwrap();
        let memberships = [m("GM0363", Redacteur)];
        assert!(allowed(RecordStance, &memberships, |org| if *org == a {
            Relation::Itself
        } else {
            Relation::Partner
        }));
        assert!(!allowed(RecordStance, &memberships, |_| Relation::Partner));
    }

    #[test]
    fn any_membership_may_carry_the_permission() {
        let memberships = [m("GM0363", Lezer), m("PV27", Redacteur)];
        let pv27 = OrgCode::parse("PV27").unwrap();
        assert!(allowed(EditCollaboration, &memberships, |org| if *org == pv27 {
            Relation::Trekker
        } else {
            Relation::None
        }));
        assert!(!allowed(EditCollaboration, &memberships, |_| Relation::Partner));
    }

    #[test]
    fn role_keys_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert!(Role::parse_field("role", "admin").is_err());
    }
}
