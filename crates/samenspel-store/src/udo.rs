//! UDO dossiers as the store keeps them: the dossier as last accepted (its input, parsed again
//! when read), its progress through the workflow, and the facts the lists and the dashboard
//! read without parsing every dossier.

use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::org::OrgCode;
use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::UdoProgress;
use serde::Serialize;

/// What the application works out of a dossier on every write and the store keeps in columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UdoFacts {
    pub ministry: OrgCode,
    pub title: String,
    /// The co-signing flag is raised.
    pub cosign: bool,
    /// The normenkader's term rule holds (once the dossier went into consultation).
    pub consultation_term_kept: Option<bool>,
}

/// A dossier as stored.
#[derive(Debug, Clone, Serialize)]
pub struct UdoDossierRecord {
    pub id: i64,
    pub content: DossierInput,
    pub progress: UdoProgress,
    pub facts: UdoFacts,
    pub opened_on: NaiveDate,
    /// When the outcome of the toets was recorded and when the consultation was opened.
    pub outcome_on: Option<NaiveDate>,
    pub consultation_opened_on: Option<NaiveDate>,
    pub demo_key: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One dossier in a list or the dashboard: everything but its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UdoDossierSummary {
    pub id: i64,
    pub progress: UdoProgress,
    pub facts: UdoFacts,
    pub opened_on: NaiveDate,
    pub outcome_on: Option<NaiveDate>,
    pub consultation_opened_on: Option<NaiveDate>,
    pub demo_key: Option<String>,
}

/// A new dossier.
#[derive(Debug, Clone)]
pub struct NewUdoDossier<'a> {
    pub content: &'a DossierInput,
    pub facts: &'a UdoFacts,
    pub opened_on: NaiveDate,
    pub demo_key: Option<&'a str>,
}

/// A step taken: the progress before and after, on `on` (today).
#[derive(Debug, Clone)]
pub struct UdoStepChange<'a> {
    pub before: &'a UdoProgress,
    pub after: &'a UdoProgress,
    pub facts: &'a UdoFacts,
    pub on: NaiveDate,
}
