//! The shapes the store reads and returns.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use samenspel_domain::auth::Membership;
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind, PartnerRole};
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::partnership::Stance;
use samenspel_domain::signals::{Signal, SignalKind};

/// Paging: at most 200 items a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub offset: u32,
}

impl Page {
    pub const MAX_LIMIT: u32 = 200;
    pub const DEFAULT_LIMIT: u32 = 50;

    pub fn new(limit: Option<u32>, offset: Option<u32>) -> Self {
        Self {
            limit: limit.unwrap_or(Self::DEFAULT_LIMIT).clamp(1, Self::MAX_LIMIT),
            offset: offset.unwrap_or(0),
        }
    }

    pub fn all() -> Self {
        Self {
            limit: u32::MAX,
            offset: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgFilter {
    pub org_type: Option<OrgType>,
    /// Matched against the name's search key (case and accents ignored) and the code.
    pub query: Option<String>,
    /// Also organisations that no longer exist (merged municipalities, former ministries).
    pub include_ended: bool,
}

/// Which collaborations a list shows, and in which order. Within one filter the values are
/// alternatives (any of these types); the filters together must all hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollaborationFilter {
    /// Only these types; empty: every type.
    pub kinds: Vec<CollaborationKind>,
    pub query: Option<String>,
    /// Only collaborations this organisation takes part in.
    pub organisation: Option<OrgCode>,
    /// Only collaborations in which at least one of these organisations takes part; empty:
    /// no such filter.
    pub organisations: Vec<OrgCode>,
    pub visibility: Visibility,
    /// Only collaborations with at least one of these organisations (e.g. the municipalities
    /// of one region of a division).
    pub any_partner: Option<Vec<OrgCode>>,
    /// Only collaborations with a policy area containing this text (case ignored).
    pub policy_area: Option<String>,
    /// Only running (or only ended) collaborations on the given day.
    pub activity: Option<(Activity, NaiveDate)>,
    /// Only collaborations with (some of) these signals on [`CollaborationFilter::today`].
    pub signals: SignalFilter,
    pub order: ListOrder,
    /// Keyset paging in name order: only collaborations after this one (its id), so a page
    /// far down the list does not walk past all before it.
    pub after: Option<i64>,
    /// The day on which signals are judged (an evaluation counts as overdue after its date).
    pub today: NaiveDate,
}

/// The signals a list asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SignalFilter {
    /// No filter on signals.
    #[default]
    None,
    /// At least one signal, whichever.
    Any,
    /// At least one of these.
    AnyOf(Vec<SignalKind>),
}

/// The order of a list of collaborations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// By name (case and accents ignored), then id.
    #[default]
    Name,
    /// Most signals first, then by name.
    Signals,
}

/// Whether a collaboration runs on a given day: started (or no start date) and not ended (or
/// no end date); ended means its end date has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Lopend,
    Beeindigd,
}

impl Activity {
    pub fn key(self) -> &'static str {
        match self {
            Activity::Lopend => "lopend",
            Activity::Beeindigd => "beeindigd",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Activity::Lopend, Activity::Beeindigd]
            .into_iter()
            .find(|a| a.key() == key)
    }
}

/// Which collaborations a reader may see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Visibility {
    /// Published ones only (anonymous visitors).
    #[default]
    Published,
    /// Published ones and the drafts of the collaborations this user's organisations are
    /// partners in.
    PublishedAndDraftsOfUser(i64),
    /// Everything (platform administrators).
    All,
}

/// How one organisation takes part in one collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Involvement {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollaborationKind,
    pub wgr_form: Option<samenspel_domain::collaboration::WgrForm>,
    pub role: PartnerRole,
    pub joined_on: Option<NaiveDate>,
    /// When it left the collaboration (a regeling it took part in before its current version);
    /// null while it is a partner.
    pub left_on: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub published: bool,
    /// Its bodies that take part (the register's `bestuursorganen`), as keys; empty when none
    /// are recorded, and for a regeling it left.
    pub organs: Vec<samenspel_domain::wgr::Bestuursorgaan>,
    /// The democratic control of the collaboration, when recorded.
    pub control: Option<samenspel_domain::control::DemocraticControl>,
    /// This organisation's own money in the collaboration.
    pub money: Vec<samenspel_domain::money::Contribution>,
}

/// The municipalities taking part in one collaboration: the collaboration as a group in a
/// regional division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MunicipalGroup {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollaborationKind,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// GM codes, sorted.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CollaborationSummary {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollaborationKind,
    pub region: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub partner_count: u64,
    pub demo: bool,
    pub published: bool,
    /// What needs attention today (see `samenspel_domain::signals`), in the order of the kinds.
    pub signals: Vec<Signal>,
}

/// A partner with the organisation's name and type, as shown on the collaboration page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PartnerInfo {
    pub code: OrgCode,
    pub name: String,
    #[serde(rename = "organisation_type")]
    pub org_type: OrgType,
    pub role: PartnerRole,
    /// True when the organisation no longer exists (a ministry of an earlier cabinet, a
    /// municipality merged away): the collaboration keeps it as the partner it was.
    pub ended: bool,
    /// When the partner joined (from the register), if known.
    pub joined_on: Option<NaiveDate>,
    /// E.g. the cost-sharing key, as the register gives it.
    pub notes: Option<String>,
    /// Its bodies that take part (the register's `bestuursorganen`: gemeenteraad, college,
    /// burgemeester, …), as keys; empty when none are recorded.
    pub organs: Vec<samenspel_domain::wgr::Bestuursorgaan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Collaboration {
    pub id: i64,
    #[serde(flatten)]
    pub fields: CollaborationFields,
    pub partners: Vec<PartnerInfo>,
    /// Increases with every change; edits must name the version they were based on.
    pub version: i64,
    pub demo: bool,
    /// Where an imported collaboration comes from: `gr:<ROO id>` (the register of
    /// gemeenschappelijke regelingen), `programma:<type>:<naam>` (a national programme) or
    /// `bestand:<sleutel>` (a file import).
    pub source_key: Option<String>,
    /// The public source an imported collaboration's facts come from (a national programme's
    /// list, `data/reference/PROVENANCE.md`); absent for others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Drafts are visible only to the members of the partner organisations.
    pub published: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// For a regeling from the register: its versions, oldest first (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<samenspel_domain::regeling::Version>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StanceRecord {
    pub id: i64,
    pub collaboration_id: i64,
    pub code: OrgCode,
    pub phase: Option<String>,
    #[serde(flatten)]
    pub stance: Stance,
    /// Who, as the caller may see them: the organisation for anonymous callers and outsiders,
    /// the person's name for members, the account as well for beheerders.
    #[schema(value_type = String)]
    pub stated_by: samenspel_domain::Message,
    pub stated_at: DateTime<Utc>,
}

/// A recorded contribution of money, with who recorded it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ContributionRecord {
    pub id: i64,
    #[serde(flatten)]
    pub contribution: samenspel_domain::money::Contribution,
    /// Who, as the caller may see them: the organisation for anonymous callers and outsiders,
    /// the person's name for members, the account as well for beheerders.
    #[schema(value_type = String)]
    pub recorded_by: samenspel_domain::Message,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// Who made the change, as the caller may see it: "namens Provincie Utrecht" for anonymous
    /// callers and outsiders, the person's name for members of a partner organisation, and
    /// the account as well for beheerders.
    #[schema(value_type = String)]
    pub actor: samenspel_domain::Message,
    /// The code of the organisation on whose behalf the change was made.
    pub actor_organisation: Option<String>,
    /// The stored key, e.g. `control.update`.
    pub action: String,
    /// What the action is called in the change log (Dutch), e.g. "Democratische sturing
    /// gewijzigd"; "Wijziging" for a key this version does not know.
    pub label: String,
    /// What changed, in one readable line, from the before and after.
    #[schema(value_type = String)]
    pub summary: samenspel_domain::Message,
    pub subject_type: String,
    pub subject_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl AuditRecord {
    /// The label and summary of a stored event, from its action key and payloads, naming
    /// organisations by `names`.
    pub fn describe(
        action: &str,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
        names: samenspel_domain::audit::Names,
    ) -> (String, samenspel_domain::Message) {
        match samenspel_domain::audit::AuditAction::from_key(action) {
            Some(known) => (
                known.label_nl().to_owned(),
                samenspel_domain::audit::summarise(known, before, after, names),
            ),
            None => ("Wijziging".to_owned(), samenspel_domain::Message::plain("")),
        }
    }
}

/// The outcome of checking the audit hash chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditVerification {
    pub events: u64,
    /// The id of the first event whose hashes do not follow, if any.
    pub first_broken: Option<i64>,
}

/// A user with the organisations they are a member of.
#[derive(Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// Argon2id PHC string; `None` until the invitation is accepted.
    pub password_hash: Option<String>,
    pub memberships: Vec<Membership>,
}

impl std::fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRecord")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("name", &self.name)
            .field("password_hash", &self.password_hash.as_ref().map(|_| "***"))
            .field("memberships", &self.memberships)
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub memberships: Vec<Membership>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// `Authorization: Bearer` for the API.
    Api,
    /// A one-time link to set a first password.
    Invitation,
}

impl TokenPurpose {
    pub fn key(self) -> &'static str {
        match self {
            TokenPurpose::Api => "api",
            TokenPurpose::Invitation => "invitation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken<'a> {
    pub user_id: i64,
    /// SHA-256 of the token; the token itself is shown once and never stored.
    pub token_hash: &'a str,
    pub purpose: TokenPurpose,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginAttempt<'a> {
    pub email: &'a str,
    pub address: &'a str,
    pub succeeded: bool,
    pub at: DateTime<Utc>,
    /// Why a refused attempt was refused, for the audit trail.
    pub reason: Option<&'a str>,
}

/// A collaboration from an external register, keyed by its source so that importing again
/// updates it instead of adding a copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredCollaboration {
    /// e.g. `gr:28221679` (the ROO id of a gemeenschappelijke regeling).
    pub source_key: String,
    /// A hash of everything imported for it; unchanged hash = nothing to do.
    pub source_hash: String,
    pub fields: samenspel_domain::collaboration::CollaborationFields,
    pub partners: Vec<RegisteredPartner>,
    /// The money per partner per year; `None` leaves recorded money alone (the GR register
    /// has none), `Some` replaces it.
    pub money: Option<Vec<samenspel_domain::money::Contribution>>,
    /// The versions of a regeling, oldest first; `None` leaves the stored history alone.
    pub history: Option<Vec<samenspel_domain::regeling::Version>>,
    /// Source keys under which parts of it were imported before as collaborations of their
    /// own (a regeling's other versions): those are merged into it, and their addresses lead
    /// to it.
    pub merges: Vec<String>,
    /// The public source of its facts, shown with it; `None` leaves no source.
    pub source_url: Option<String>,
    /// How residents take part; `None` leaves what is recorded alone, `Some` replaces it.
    pub participation: Option<samenspel_domain::participation::Participation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredPartner {
    pub code: OrgCode,
    pub role: PartnerRole,
    pub joined_on: Option<NaiveDate>,
    pub notes: Option<String>,
    /// Its bodies that take part (the register's `bestuursorganen`), each once.
    pub organs: Vec<samenspel_domain::wgr::Bestuursorgaan>,
}

/// What an import did, by source key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub unchanged: u64,
    /// Collaborations imported before that became part of another (by source key).
    pub merged: Vec<String>,
    /// Organisations added or updated to be able to name every participant.
    pub organisations: u64,
}

/// One partner's statement on Moore's triangle, with who last changed it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MooreRecord {
    pub code: OrgCode,
    pub statement: samenspel_domain::moore::MooreStatement,
    /// Who, as the caller may see them: the organisation for anonymous callers and outsiders,
    /// the person's name for members, the account as well for beheerders.
    #[schema(value_type = String)]
    pub updated_by: samenspel_domain::Message,
    pub updated_at: DateTime<Utc>,
}

/// A wave of the knelpuntenmonitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Wave {
    pub id: i64,
    /// The short name it is known by (`samenspel survey wave create W`).
    pub key: String,
    pub title: String,
    pub instrument_version: i32,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    /// The collaboration it is about, or none for the whole country.
    pub collaboration_id: Option<i64>,
    /// Groups with fewer respondents are suppressed in every output.
    pub k: i64,
    pub closed_at: Option<DateTime<Utc>>,
    /// Who, as the caller may see them: the organisation for anonymous callers and outsiders,
    /// the person's name for members, the account as well for beheerders.
    #[schema(value_type = String)]
    pub created_by: samenspel_domain::Message,
    pub created_at: DateTime<Utc>,
}

/// A wave as it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWave {
    pub key: String,
    pub title: String,
    pub instrument_version: i32,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub collaboration_id: Option<i64>,
    pub k: i64,
}

/// The kept counts of a wave: respondents per group, and answers per (group, statement id,
/// answer index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptCounts {
    pub respondents: Vec<(samenspel_domain::survey::Group, u64)>,
    pub counts: Vec<(samenspel_domain::survey::Group, String, usize, u64)>,
}

impl KeptCounts {
    /// In a fixed order, to compare kept and recounted counts.
    pub fn sorted(mut self) -> Self {
        self.respondents.sort_by_key(|(g, _)| g.key());
        self.counts
            .sort_by(|a, b| (a.0.key(), &a.1, a.2).cmp(&(b.0.key(), &b.1, b.2)));
        self.respondents.retain(|(_, n)| *n > 0);
        self.counts.retain(|c| c.3 > 0);
        self
    }
}

/// An item a search found, as the index holds it: what it shows and its folded text, which
/// the app ranks with `samenspel_domain::search::score`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchCandidate {
    pub kind: samenspel_domain::search::SearchKind,
    pub key: String,
    pub title: String,
    pub names: Vec<String>,
    pub body: Vec<String>,
    pub title_key: String,
    pub names_key: String,
    pub body_key: String,
}

/// One collaboration as an export writes it: its fields, phases and partners (no history), its
/// money and how residents take part.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedRecord {
    pub collaboration: Collaboration,
    pub money: Vec<samenspel_domain::money::Contribution>,
    pub participation: Option<samenspel_domain::participation::Participation>,
}
