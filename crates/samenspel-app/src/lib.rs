//! Samenspel's use cases. Each one parses its input into domain types, checks what only
//! stored data can tell (does the organisation exist, is it a partner), and hands one change
//! to the store, which writes it together with its audit event in one transaction. HTML
//! pages, the JSON API and the CLI all call these, so they validate alike.

mod accounts;
mod address_limit;
mod clock;
pub mod collaboration_query;
mod collaborations;
pub mod congruence;
pub mod control;
pub mod council;
pub mod demo;
pub mod demo_costs;
pub mod demo_medebewind;
pub mod demo_participation;
pub mod demo_survey;
pub mod demo_udo;
mod demo_udo_reactions;
mod error;
pub mod exchange;
pub mod health;
pub mod import;
pub mod iv3_costs;
pub mod medebewind;
pub mod medebewind_monitor;
pub mod money;
pub mod moore;
pub mod offers;
mod organisations;
pub mod overview;
pub mod participation;
pub mod people;
mod principal;
pub mod programmes;
pub mod reference;
pub mod refusals;
pub mod regeling;
pub mod region_page;
pub mod regions;
pub mod register;
pub mod search;
pub mod secret;
pub mod staat;
pub mod statutory;
pub mod survey;
pub mod udo;
pub mod udo_documents;
pub mod udo_reactions;

pub use accounts::{NewAccount, SESSION_HOURS, SignInFailure};
pub use clock::Clock;
pub use collaborations::{CollaborationView, PartnerInput, PartnerStanceView, StanceHistoryEntry};
pub use error::{AppError, AppResult};
pub use organisations::History;
pub use principal::{Principal, SignedIn};

use std::sync::Arc;

use samenspel_store::Store;

/// The application: the use cases over one store.
#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    /// Reports of closed waves: their kept counts no longer change, so each is computed once
    /// per process (see [`survey`]).
    closed_reports: survey::ReportCache,
    /// The anonymous partner sets, kept with the data version they were counted at (see
    /// [`congruence`]).
    partner_sets: congruence::PartnerSetCache,
    /// Where "today" comes from for every page and API call.
    clock: Clock,
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            closed_reports: survey::ReportCache::default(),
            partner_sets: congruence::PartnerSetCache::default(),
            clock: Clock::system(),
        }
    }

    /// The same application, telling the time by `clock` (tests set a fixed day).
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// Today's date by the application's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// A number every committed write raises: a page made while it had one value is still
    /// true while it has that value (see the web layer's page cache).
    pub async fn data_version(&self) -> AppResult<i64> {
        Ok(self.store.data_version().await?)
    }

    /// Applies migrations and loads the reference organisations (idempotent).
    pub async fn prepare(&self) -> AppResult<()> {
        self.store.migrate().await?;
        let organisations = reference::organisations().map_err(AppError::internal)?;
        self.store.upsert_reference_organisations(&organisations).await?;
        Ok(())
    }
}
