//! Storage ports of Samenspel: one trait per module, the [`Store`] supertrait that the app
//! uses, the errors, and the parsing of the database URL that picks a backend.
//!
//! Every method that changes data writes its audit event in the same transaction as the
//! change; a method that returns an error has changed nothing.

mod attachment;
mod audit;
pub mod conflict;
mod costs;
mod error;
mod medebewind;
mod model;
mod staat;
mod udo;
mod udo_documents;
mod udo_reactions;
mod url;

pub use attachment::{AttachmentInfo, StoredAttachment};
pub use audit::{AuditEvent, Payloads};
pub use costs::{
    CostFile, CostImportRecord, CostImportReport, CostRead, CostSource, CostStore, CostSum, FiguresRead,
    ReplacedCost, StoredCost,
};
pub use error::{StoreError, StoreResult};
pub use medebewind::{MedebewindFacts, MedebewindStore, MedebewindTaskRecord};
pub use model::*;
pub use staat::{StaatReportItem, StaatReportRecord, StaatStore};
pub use udo::{NewUdoDossier, UdoDossierRecord, UdoDossierSummary, UdoFacts, UdoStepChange};
pub use udo_documents::{StoredUdoDocument, UdoDocumentInfo, UdoDocumentStore};
pub use udo_reactions::{NewUdoReaction, UdoReactionRecord, UdoReactionState};
pub use url::DatabaseUrl;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::attachment::{Attachment, AttachmentOwner};
use samenspel_domain::audit::Actor;
use samenspel_domain::auth::Membership;
use samenspel_domain::collaboration::{CollaborationFields, Partner};
use samenspel_domain::org::{NewOrganisation, OrgCode, Organisation};
use samenspel_domain::partnership::Stance;
use samenspel_domain::signals::{Signal, SignalKind};

#[async_trait]
pub trait OrganisationStore {
    async fn list_organisations(&self, filter: &OrgFilter, page: Page) -> StoreResult<Paged<Organisation>>;
    async fn get_organisation(&self, code: &OrgCode) -> StoreResult<Option<Organisation>>;
    /// Every organisation on a line of successors: the ended ones that name a successor and
    /// the ones named as a successor (a few dozen ministries at most).
    async fn succession_graph(&self) -> StoreResult<Vec<Organisation>>;
    /// Inserts or updates the shipped reference organisations; returns how many rows changed.
    async fn upsert_reference_organisations(&self, organisations: &[Organisation]) -> StoreResult<u64>;
    /// Adds a partner organisation a user entered; the store assigns its code.
    async fn add_organisation(&self, new: &NewOrganisation, actor: &Actor) -> StoreResult<Organisation>;
}

#[async_trait]
pub trait CollaborationStore {
    async fn list_collaborations(
        &self,
        filter: &CollaborationFilter,
        page: Page,
    ) -> StoreResult<Paged<CollaborationSummary>>;
    /// How many of the collaborations `filter` finds have each signal on its day (kinds
    /// without any left out), in the order of the kinds.
    async fn signal_counts(&self, filter: &CollaborationFilter) -> StoreResult<Vec<(SignalKind, u64)>>;
    /// The stored signals of these collaborations that hold on `today`, per collaboration in
    /// the order of the kinds (the caller has chosen the ids the reader may see).
    async fn signals_of(&self, ids: &[i64], today: NaiveDate) -> StoreResult<Vec<(i64, Vec<Signal>)>>;
    async fn get_collaboration(&self, id: i64) -> StoreResult<Option<Collaboration>>;
    /// Every collaboration `code` takes part in that the reader may see, with its role.
    async fn involvements(&self, code: &OrgCode, visibility: &Visibility) -> StoreResult<Vec<Involvement>>;
    /// Every visible collaboration with municipal partners, with those municipalities.
    async fn municipal_groups(&self, visibility: &Visibility) -> StoreResult<Vec<MunicipalGroup>>;
    /// The same municipal partners, only as (collaboration id, its GM codes sorted) in id
    /// order: what the partner sets need, without each collaboration's name, type and dates.
    async fn municipal_partners(&self, visibility: &Visibility) -> StoreResult<Vec<(i64, Vec<String>)>>;
    /// The collaborations the reader may see with an id above `after`, in id order, at most
    /// `limit`, each whole ([`ExportedRecord`]): an export reads them a batch at a time, each
    /// batch in a fixed number of queries.
    async fn export_batch(
        &self,
        visibility: &Visibility,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<ExportedRecord>>;
    /// Creates a collaboration with its partners. `demo_key` marks demonstration data; a second
    /// create with the same key is refused with [`StoreError::Conflict`].
    async fn create_collaboration(
        &self,
        fields: &CollaborationFields,
        partners: &[Partner],
        demo_key: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<i64>;
    /// Updates the fields if the stored version is still `expected_version`.
    async fn update_collaboration(
        &self,
        id: i64,
        expected_version: i64,
        fields: &CollaborationFields,
        actor: &Actor,
    ) -> StoreResult<()>;
    async fn add_partner(&self, id: i64, partner: &Partner, actor: &Actor) -> StoreResult<()>;
    async fn find_demo_collaboration(&self, demo_key: &str) -> StoreResult<Option<i64>>;
    /// Publishes (or withdraws) a collaboration; drafts are visible to their partners only.
    async fn set_published(&self, id: i64, published: bool, actor: &Actor) -> StoreResult<()>;
}

#[async_trait]
pub trait RegisterStore {
    /// Imports collaborations from a register (all or nothing): adds the new ones, updates the
    /// changed ones (by source hash), leaves the rest alone; upserts `organisations` first.
    /// `progress(done, total)` is called as it goes.
    async fn import_register(
        &self,
        prefix: &str,
        organisations: &[Organisation],
        collaborations: &[RegisteredCollaboration],
        actor: &Actor,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> StoreResult<ImportReport>;
    /// The collaboration that collaboration `id` became part of, when it was merged away by
    /// an import (a regeling's version imported before as a collaboration of its own).
    async fn merged_into(&self, id: i64) -> StoreResult<Option<i64>>;
}

/// Democratic control per collaboration.
#[async_trait]
pub trait ControlStore {
    async fn get_control(
        &self,
        collaboration_id: i64,
    ) -> StoreResult<Option<samenspel_domain::control::DemocraticControl>>;
    /// Replaces the record, with an audit event in the same transaction.
    async fn set_control(
        &self,
        collaboration_id: i64,
        control: &samenspel_domain::control::DemocraticControl,
        actor: &Actor,
    ) -> StoreResult<()>;
}

/// How residents take part, per collaboration.
#[async_trait]
pub trait ParticipationStore {
    async fn get_participation(
        &self,
        collaboration_id: i64,
    ) -> StoreResult<Option<samenspel_domain::participation::Participation>>;
    /// Replaces the record (removes it when nothing is left in it), with an audit event in
    /// the same transaction.
    async fn set_participation(
        &self,
        collaboration_id: i64,
        record: &samenspel_domain::participation::Participation,
        actor: &Actor,
    ) -> StoreResult<()>;
    /// The ids of the collaborations for which anything about participation is recorded
    /// (`samenspel_domain::participation::has_any`), for lists and signals.
    async fn participation_recorded(&self) -> StoreResult<std::collections::HashSet<i64>>;
}

/// UDO dossiers (issue 14).
#[async_trait]
pub trait UdoStore {
    /// Opens a dossier in the state concept, with an audit event; returns its id.
    async fn create_udo_dossier(&self, new: &NewUdoDossier<'_>, actor: &Actor) -> StoreResult<i64>;
    /// Replaces the dossier's content when it is still at `expected_version` (else a
    /// conflict), with an audit event.
    async fn update_udo_dossier(
        &self,
        id: i64,
        expected_version: i64,
        content: &samenspel_domain::udo::dossier::DossierInput,
        facts: &UdoFacts,
        actor: &Actor,
    ) -> StoreResult<()>;
    /// Records a step of the workflow when the dossier is still at `expected_version` (two
    /// steps taken at once: the second is a conflict), with an audit event.
    async fn record_udo_step(
        &self,
        id: i64,
        expected_version: i64,
        step: &UdoStepChange<'_>,
        actor: &Actor,
    ) -> StoreResult<()>;
    async fn get_udo_dossier(&self, id: i64) -> StoreResult<Option<UdoDossierRecord>>;
    /// Every dossier without its content, newest first.
    async fn list_udo_dossiers(&self) -> StoreResult<Vec<UdoDossierSummary>>;
    /// What the dashboard counts of each dossier `filter` admits: its columns and progress,
    /// not its content; in no particular order.
    async fn udo_dashboard_facts(
        &self,
        filter: &samenspel_domain::udo::dashboard::DashboardFilter,
    ) -> StoreResult<Vec<samenspel_domain::udo::dashboard::DossierFacts>>;
    async fn find_demo_udo_dossier(&self, demo_key: &str) -> StoreResult<Option<i64>>;
}

/// Reactions to a UDO dossier's consultation and the ministry's response per theme (issue 14,
/// item 7). Every write locks the dossier's row and writes its audit event in the same
/// transaction.
#[async_trait]
pub trait UdoReactionStore {
    /// Stores a reaction; with `limit_since` set, refuses it (field `address`) when the same
    /// address already gave the domain's maximum since then. Not found: no such dossier.
    async fn add_udo_reaction(&self, new: &NewUdoReaction<'_>, actor: &Actor) -> StoreResult<i64>;
    /// Sets a reaction's status and theme. Not found: no such reaction in this dossier.
    async fn moderate_udo_reaction(
        &self,
        dossier_id: i64,
        reaction_id: i64,
        after: UdoReactionState<'_>,
        actor: &Actor,
    ) -> StoreResult<()>;
    /// Records the response for a theme, replacing an earlier one for the same theme.
    async fn record_udo_theme_response(
        &self,
        dossier_id: i64,
        response: &samenspel_domain::udo::consultation::report::ThemeResponse,
        actor: &Actor,
    ) -> StoreResult<()>;
    /// Every reaction to the dossier, oldest first.
    async fn list_udo_reactions(&self, dossier_id: i64) -> StoreResult<Vec<UdoReactionRecord>>;
    /// Every recorded theme response of the dossier, by theme.
    async fn list_udo_theme_responses(
        &self,
        dossier_id: i64,
    ) -> StoreResult<Vec<samenspel_domain::udo::consultation::report::ThemeResponse>>;
}

/// The knelpuntenmonitor: waves, anonymous responses and the counts kept with them.
#[async_trait]
pub trait SurveyStore {
    /// Opens a wave; a key that exists is a conflict.
    async fn create_wave(&self, wave: &NewWave, actor: &Actor) -> StoreResult<Wave>;
    async fn get_wave(&self, key: &str) -> StoreResult<Option<Wave>>;
    async fn list_waves(&self) -> StoreResult<Vec<Wave>>;
    /// Closes the wave (results become visible, answering stops).
    async fn close_wave(&self, wave_id: i64, actor: &Actor) -> StoreResult<Wave>;
    /// Imports responses from a source in one transaction: blocks as the source gives them,
    /// then the counts it tallied. Refused whole (nothing stored) when the wave is closed
    /// (`Conflict`) or the source finds a problem — a respondent the wave has already, a bad
    /// row — (`Invalid`). Returns the number of responses stored.
    async fn import_responses(
        &self,
        wave_id: i64,
        source: &mut dyn samenspel_domain::survey::packed::ResponseSource,
        statements: &[samenspel_domain::survey::Statement],
        actor: Option<&Actor>,
    ) -> StoreResult<usize>;
    /// One response that replaces the respondent's earlier one, if any (resuming with a
    /// personal token); the counts move with it. Returns whether it replaced one.
    async fn put_response(
        &self,
        wave_id: i64,
        response: &samenspel_domain::survey::response::Response,
        statements: &[samenspel_domain::survey::Statement],
    ) -> StoreResult<bool>;
    async fn get_response(
        &self,
        wave_id: i64,
        respondent: &str,
    ) -> StoreResult<Option<samenspel_domain::survey::response::Response>>;
    /// The kept counts (what a report reads).
    async fn kept_counts(&self, wave_id: i64) -> StoreResult<KeptCounts>;
    /// The counts recomputed from the stored responses (for `survey verify`).
    async fn recount(
        &self,
        wave_id: i64,
        statements: &[samenspel_domain::survey::Statement],
    ) -> StoreResult<KeptCounts>;
    /// Stores the hashes of new personal invitation tokens.
    async fn add_invitations(&self, wave_id: i64, token_hashes: &[String]) -> StoreResult<()>;
    /// The wave a personal invitation belongs to.
    async fn invitation_wave(&self, token_hash: &str) -> StoreResult<Option<i64>>;
}

/// Moore's triangle: each partner's own statement.
#[async_trait]
pub trait MooreStore {
    async fn list_moore(&self, collaboration_id: i64) -> StoreResult<Vec<MooreRecord>>;
    /// Replaces the partner's statement, with an audit event in the same transaction; the
    /// caller has checked that the organisation is a partner.
    async fn set_moore(
        &self,
        collaboration_id: i64,
        code: &OrgCode,
        statement: &samenspel_domain::moore::MooreStatement,
        actor: &Actor,
    ) -> StoreResult<()>;
}

/// Money per partner per year.
#[async_trait]
pub trait MoneyStore {
    async fn list_contributions(&self, collaboration_id: i64) -> StoreResult<Vec<ContributionRecord>>;
    /// Records a contribution; one already recorded for the same partner, year, instrument and
    /// status gets the new amount. Refused when the organisation is not a partner.
    async fn set_contribution(
        &self,
        collaboration_id: i64,
        contribution: &samenspel_domain::money::Contribution,
        actor: &Actor,
    ) -> StoreResult<ContributionRecord>;
    /// Removes a contribution; `NotFound` when the collaboration has no such contribution.
    async fn delete_contribution(&self, collaboration_id: i64, id: i64, actor: &Actor) -> StoreResult<()>;
    /// The money of several collaborations in one read (e.g. those of one region), each with
    /// its collaboration's id; ids without money give nothing.
    async fn contributions_of(
        &self,
        collaboration_ids: &[i64],
    ) -> StoreResult<Vec<(i64, samenspel_domain::money::Contribution)>>;
}

#[async_trait]
pub trait StanceStore {
    /// Records a new stance; earlier stances stay as history.
    async fn record_stance(
        &self,
        collaboration_id: i64,
        code: &OrgCode,
        phase: Option<&str>,
        stance: &Stance,
        actor: &Actor,
    ) -> StoreResult<StanceRecord>;
    /// All stances ever stated in the collaboration, oldest first.
    async fn list_stances(&self, collaboration_id: i64) -> StoreResult<Vec<StanceRecord>>;
    /// Every stance on a collaboration as a whole (not on one phase), oldest first, with the
    /// type of the organisation that stated it (for the Staat van het samenspel).
    async fn general_stances(&self) -> StoreResult<Vec<(StanceRecord, samenspel_domain::org::OrgType)>>;
}

#[async_trait]
pub trait AuditStore {
    async fn list_audit_events(&self, subject_type: &str, subject_id: &str) -> StoreResult<Vec<AuditRecord>>;
    /// The first event whose hashes do not follow from the chain before it, if any.
    async fn verify_audit_chain(&self) -> StoreResult<AuditVerification>;
}

#[async_trait]
pub trait AccountStore {
    /// Creates a user with memberships; a taken e-mail address is refused on `email`.
    async fn create_user(&self, new: &NewUser, actor: &Actor) -> StoreResult<i64>;
    async fn find_user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>>;
    async fn get_user(&self, id: i64) -> StoreResult<Option<UserRecord>>;
    /// Gives the user `role` in the organisation (replacing an earlier role there).
    async fn grant(&self, user_id: i64, membership: &Membership, actor: &Actor) -> StoreResult<()>;
    /// Removes the user's role in the organisation; `NotFound` when there was none.
    async fn revoke(&self, user_id: i64, organisation: &OrgCode, actor: &Actor) -> StoreResult<()>;
    /// Sets the password and, in the same transaction, ends every session of the user except
    /// the one with hash `keep_session` (the session that changed it, if any).
    async fn set_password_hash(
        &self,
        user_id: i64,
        hash: &str,
        keep_session: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<()>;
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The user of a session that has not expired at `now`.
    async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<UserRecord>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    async fn create_token(&self, new: &NewToken<'_>, actor: &Actor) -> StoreResult<i64>;
    /// The user of a token of `purpose` that is neither revoked nor expired at `now`.
    async fn token_user(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserRecord>>;
    /// Revokes all of the user's tokens of `purpose`; returns how many.
    async fn revoke_tokens(&self, user_id: i64, purpose: TokenPurpose, actor: &Actor) -> StoreResult<u64>;
    /// Counts a sign-in attempt before its password is checked: stores it as failed (it counts
    /// against the limits until [`settle_login_attempt`](Self::settle_login_attempt) says it
    /// succeeded) and committed, then returns its id with the failed attempts since `since` for
    /// its e-mail address and for its client address, itself included. Every attempt is
    /// committed before it counts, so of any number of simultaneous attempts the k-th to be
    /// stored counts at least k: no more than the limit get past it to the password check.
    async fn begin_login_attempt(
        &self,
        email: &str,
        address: &str,
        at: DateTime<Utc>,
        since: DateTime<Utc>,
    ) -> StoreResult<(i64, u64, u64)>;
    /// Settles an attempt begun with `begin_login_attempt`: a success no longer counts as a
    /// failure; a refusal is written to the audit trail with its reason.
    async fn settle_login_attempt(&self, id: i64, attempt: &LoginAttempt<'_>) -> StoreResult<()>;
}

/// Files kept in the database, each belonging to one record (see the domain's
/// `attachment` module for what is accepted).
#[async_trait]
pub trait AttachmentStore {
    /// Stores a checked file for `owner`, with its audit event; returns its id.
    async fn put_attachment(
        &self,
        owner: AttachmentOwner,
        attachment: &Attachment,
        actor: &Actor,
    ) -> StoreResult<i64>;
    /// The file with its metadata, if it exists.
    async fn get_attachment(&self, id: i64) -> StoreResult<Option<StoredAttachment>>;
    /// The metadata of the owner's files, oldest first.
    async fn list_attachments(&self, owner: AttachmentOwner) -> StoreResult<Vec<AttachmentInfo>>;
}

/// Search across organisations, collaborations and survey waves. The index is kept up to date
/// by every write that changes what an item is found by, in the same transaction.
#[async_trait]
pub trait SearchStore {
    /// The items that match every word of `query` (a word may be the start of an indexed
    /// word) and that the reader may see, best first by the database's own rank, at most
    /// `limit` of them.
    async fn search(
        &self,
        query: &samenspel_domain::search::SearchQuery,
        visibility: &Visibility,
        limit: u32,
    ) -> StoreResult<Vec<SearchCandidate>>;
    /// Writes every item again from the current data; returns how many there are.
    async fn rebuild_search(&self) -> StoreResult<u64>;
}

/// Everything the app needs from a database.
#[async_trait]
pub trait Store:
    OrganisationStore
    + CollaborationStore
    + RegisterStore
    + MoneyStore
    + ControlStore
    + MooreStore
    + SurveyStore
    + StanceStore
    + AuditStore
    + AccountStore
    + AttachmentStore
    + SearchStore
    + ParticipationStore
    + UdoStore
    + UdoReactionStore
    + UdoDocumentStore
    + MedebewindStore
    + CostStore
    + StaatStore
    + Send
    + Sync
{
    /// Applies the backend's migrations.
    async fn migrate(&self) -> StoreResult<()>;
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// The versions of the backend's migrations not applied to this database (empty when it
    /// is up to date); an error when the database cannot be reached.
    async fn pending_migrations(&self) -> StoreResult<Vec<i64>>;
    /// Writes a consistent copy of the whole database to the file `target` while it stays in
    /// use (SQLite's `VACUUM INTO`); refused for PostgreSQL, whose backups are pg_dump's.
    async fn backup_into(&self, target: &str) -> StoreResult<()>;
    /// Closes every connection (before the database file is replaced or copied).
    async fn close(&self);
    /// A number every committed write raises (sessions excepted): a page made at one value
    /// is still true while it holds.
    async fn data_version(&self) -> StoreResult<i64>;
    /// The connection pool now: (open connections, of which idle).
    fn pool_state(&self) -> (u32, u32);
    /// How many audit events each action has (imports, sign-in refusals, …), for monitoring.
    async fn audit_action_counts(&self) -> StoreResult<Vec<(String, u64)>>;
    /// Counts one hit for `key` in `scope` in its window of `window_seconds` (which starts at
    /// its first hit), shared by every process on this database: true, and counted, while the
    /// window has at most `limit` hits; false, and nothing stored, beyond. `now` is in seconds
    /// since 1970. Windows that have ended are forgotten.
    async fn admit_hit(
        &self,
        scope: &str,
        key: &str,
        limit: u32,
        window_seconds: i64,
        now: i64,
    ) -> StoreResult<bool>;
}
