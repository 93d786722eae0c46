//! Storage ports of Samenspel: one trait per module, the [`Store`] supertrait that the app
//! uses, the errors, and the parsing of the database URL that picks a backend.
//!
//! Every method that changes data writes its audit event in the same transaction as the
//! change; a method that returns an error has changed nothing.

mod error;
mod model;
mod url;

pub use error::{StoreError, StoreResult};
pub use model::*;
pub use url::DatabaseUrl;

use async_trait::async_trait;
use samenspel_domain::audit::Actor;
use samenspel_domain::collaboration::{CollaborationFields, Partner};
use samenspel_domain::org::{NewOrganisation, OrgCode, Organisation};
use samenspel_domain::partnership::Stance;

#[async_trait]
pub trait OrganisationStore {
    async fn list_organisations(
        &self,
        filter: &OrgFilter,
        page: Page,
    ) -> StoreResult<Paged<Organisation>>;
    async fn get_organisation(&self, code: &OrgCode) -> StoreResult<Option<Organisation>>;
    /// Inserts or updates the shipped reference organisations; returns how many rows changed.
    async fn upsert_reference_organisations(
        &self,
        organisations: &[Organisation],
    ) -> StoreResult<u64>;
    /// Adds a partner organisation a user entered; the store assigns its code.
    async fn add_organisation(
        &self,
        new: &NewOrganisation,
        actor: &Actor,
    ) -> StoreResult<Organisation>;
}

#[async_trait]
pub trait CollaborationStore {
    async fn list_collaborations(
        &self,
        filter: &CollaborationFilter,
        page: Page,
    ) -> StoreResult<Paged<CollaborationSummary>>;
    async fn get_collaboration(&self, id: i64) -> StoreResult<Option<Collaboration>>;
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
}

#[async_trait]
pub trait AuditStore {
    async fn list_audit_events(
        &self,
        subject_type: &str,
        subject_id: &str,
    ) -> StoreResult<Vec<AuditRecord>>;
}

/// Everything the app needs from a database.
#[async_trait]
pub trait Store:
    OrganisationStore + CollaborationStore + StanceStore + AuditStore + Send + Sync
{
    /// Applies the backend's migrations.
    async fn migrate(&self) -> StoreResult<()>;
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
}
