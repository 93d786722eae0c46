//! Open data, symmetric: collaborations with their partners and money exported as CSV or JSON,
//! and imported from the same format. The CSV is what Dutch Excel writes: semicolons (commas
//! are accepted too), comma decimals, dates as 31-12-2026 or 2026-12-31, UTF-8 with or without
//! a byte-order mark, or Windows-1252. An import is all or nothing: any bad row refuses the
//! whole file with every row, column and reason. The schema is in `docs/DATA.md`.
//!
//! Reading each form is in `csv` and `json`, checking what was read in `check`; this
//! module holds the exchanged shapes and the use cases.

use std::collections::HashSet;

use samenspel_domain::ValidationErrors;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::org::OrgCode;
use samenspel_store::{ExportedRecord, ImportReport, RegisteredCollaboration};
use serde::{Deserialize, Serialize};

use crate::import::{Problems, decode};
use crate::{App, AppResult, Principal};

mod check;
pub mod csv;
mod json;
mod limit;
mod participation;

pub use csv::{COLUMNS, csv_header, csv_rows, to_csv};
pub use limit::{ANONYMOUS_EXPORT_WINDOW, ANONYMOUS_EXPORTS};
pub use participation::PARTICIPATION_COLUMNS;

/// Source keys of collaborations imported from a file start with this.
pub const FILE_PREFIX: &str = "bestand:";

/// The file that stands for a whole import in error messages.
const FILE: &str = "bestand";

/// One collaboration as exported (and as the JSON import reads it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExchangedCollaboration {
    pub key: String,
    #[serde(flatten)]
    pub input: CollaborationInput,
    #[serde(default)]
    pub partners: Vec<ExchangedPartner>,
    #[serde(default)]
    pub money: Vec<ExchangedMoney>,
    /// How residents take part; absent leaves what is recorded alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<samenspel_domain::participation::ParticipationInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExchangedPartner {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub role: String,
}

/// One partner's money for one year, as exchanged in files and sent to the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExchangedMoney {
    /// Code of the paying partner, e.g. `GM0363`.
    #[serde(default)]
    pub partner: String,
    #[serde(default)]
    pub year: i32,
    /// Integer euro cents, not negative.
    #[serde(default)]
    pub amount_cents: i64,
    /// `eigen-middelen`, `algemene-uitkering`, `specifieke-uitkering`,
    /// `decentralisatie-uitkering`, `bijzondere-fonds-uitkering`, `regio-deal-bijdrage`,
    /// `mobiliteitsfonds`, `overig`.
    #[serde(default)]
    pub instrument: String,
    /// `toegezegd`, `begroot` or `gerealiseerd`.
    #[serde(default)]
    pub status: String,
}

/// The JSON document: `{"collaborations": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExchangeDocument {
    pub collaborations: Vec<ExchangedCollaboration>,
}

/// A collaboration as read from a file, with where each part stood: a CSV row (the header is
/// row 1) or a JSON item (numbered from 1), for the messages.
#[derive(Debug, Clone)]
pub(crate) struct ReadCollaboration {
    pub row: usize,
    pub item: ExchangedCollaboration,
    /// The row of each partner, in the order of `item.partners`.
    pub partner_rows: Vec<usize>,
    /// The row of each figure, in the order of `item.money`.
    pub money_rows: Vec<usize>,
    /// The row of each participation process, in the order of `item.participation`'s.
    pub process_rows: Vec<usize>,
    /// The row of the participation line (CSV), if there is one.
    pub participation_row: Option<usize>,
}

impl ReadCollaboration {
    fn new(row: usize, item: ExchangedCollaboration) -> Self {
        Self {
            row,
            item,
            partner_rows: Vec::new(),
            money_rows: Vec::new(),
            process_rows: Vec::new(),
            participation_row: None,
        }
    }
}

/// The format of a file to import or export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// How many collaborations an export reads from the store at a time.
pub const EXPORT_BATCH: u32 = 500;

/// A stored collaboration in the exchange shape: its key (the file's own, else
/// `samenspel-<id>`), fields, partners, money and participation (when anything is recorded).
fn exchanged(record: ExportedRecord) -> ExchangedCollaboration {
    let c = record.collaboration;
    let f = c.fields;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    ExchangedCollaboration {
        key: c
            .source_key
            .as_deref()
            .map(|k| k.strip_prefix(FILE_PREFIX).unwrap_or(k).to_owned())
            .unwrap_or_else(|| format!("samenspel-{}", c.id)),
        input: CollaborationInput {
            name: f.name,
            kind: f.kind.key().to_owned(),
            wgr_form: f.wgr_form.map(|w| w.key().to_owned()).unwrap_or_default(),
            task: f.task.unwrap_or_default(),
            public_value: f.public_value.unwrap_or_default(),
            region: f.region.unwrap_or_default(),
            start_date: date(f.start_date),
            end_date: date(f.end_date),
            phases: f.phases,
            legal_basis: f.legal_basis.unwrap_or_default(),
            policy_areas: f.policy_areas,
        },
        partners: c
            .partners
            .iter()
            .map(|p| ExchangedPartner {
                code: p.code.to_string(),
                role: p.role.key().to_owned(),
            })
            .collect(),
        money: record
            .money
            .iter()
            .map(|m| ExchangedMoney {
                partner: m.partner.to_string(),
                year: m.year,
                amount_cents: m.amount.get(),
                instrument: m.instrument.key().to_owned(),
                status: m.status.key().to_owned(),
            })
            .collect(),
        participation: record
            .participation
            .filter(samenspel_domain::participation::has_any)
            .map(|p| samenspel_domain::participation::ParticipationInput::from(&p)),
    }
}

/// An exchange file as read, before its partners are checked against the stored
/// organisations: the pure half of [`App::import_collaborations`] (the fuzz targets in `fuzz/`
/// drive it without a database).
pub struct ReadFile {
    items: Vec<ReadCollaboration>,
    problems: Problems,
}

impl ReadFile {
    /// Decodes (UTF-8 with or without a byte-order mark, else Windows-1252) and reads `bytes`;
    /// the problems found so far are kept for [`ReadFile::check`].
    pub fn read(bytes: &[u8], format: Format) -> Self {
        let text = decode(bytes);
        let mut problems = Problems::new(FILE);
        let items = match format {
            Format::Csv => csv::read_csv(&text, &mut problems),
            Format::Json => json::read_json(&text, &mut problems),
        };
        Self { items, problems }
    }

    /// The well-formed organisation codes the partners name, each once: the ones to look up.
    pub fn partner_codes(&self) -> HashSet<OrgCode> {
        self.items
            .iter()
            .flat_map(|read| read.item.partners.iter())
            .filter_map(|p| OrgCode::parse(&p.code.trim().to_uppercase()).ok())
            .collect()
    }

    /// Checks everything read, with `known` the partner codes that exist: the collaborations
    /// to store, or every problem of the file (reading and checking) at once.
    pub fn check(self, known: &HashSet<OrgCode>) -> Result<Vec<RegisteredCollaboration>, ValidationErrors> {
        let mut problems = self.problems;
        let checked = check::validate(self.items, known, &mut problems);
        problems.finish(checked)
    }
}

impl App {
    /// Every collaboration the caller may see, with partners and money, in the exchange shape
    /// (read a batch at a time, see [`App::export_batch`]).
    pub async fn export_collaborations(&self, who: &Principal) -> AppResult<Vec<ExchangedCollaboration>> {
        let mut out = Vec::new();
        let mut after = 0;
        loop {
            let (batch, last) = self.export_batch(who, after).await?;
            out.extend(batch);
            match last {
                Some(last) => after = last,
                None => return Ok(out),
            }
        }
    }

    /// The next [`EXPORT_BATCH`] collaborations the caller may see after the id `after` (0
    /// for the first), in id order, in the exchange shape, with the id to ask after next;
    /// `None` once this was the last batch. A batch costs the store a fixed number of queries,
    /// so an export streams with flat memory whatever the register's size.
    pub async fn export_batch(
        &self,
        who: &Principal,
        after: i64,
    ) -> AppResult<(Vec<ExchangedCollaboration>, Option<i64>)> {
        let visibility = crate::collaborations::visibility(who);
        let records = self.store.export_batch(&visibility, after, EXPORT_BATCH).await?;
        let next = match records.last() {
            Some(last) if records.len() == EXPORT_BATCH as usize => Some(last.collaboration.id),
            _ => None,
        };
        Ok((records.into_iter().map(exchanged).collect(), next))
    }

    /// Imports collaborations from a CSV or JSON file: all or nothing; a collaboration is
    /// keyed by its `sleutel`, so importing the same file again changes nothing and an edited
    /// row updates its collaboration. Only beheerders may import.
    pub async fn import_collaborations(
        &self,
        bytes: &[u8],
        format: Format,
        who: &Principal,
    ) -> AppResult<ImportReport> {
        let actor = who.authorise(Action::ImportData, |_| Relation::None)?;
        let read = ReadFile::read(bytes, format);
        let mut known = HashSet::new();
        for code in read.partner_codes() {
            if self.store.get_organisation(&code).await?.is_some() {
                known.insert(code);
            }
        }
        let collaborations = read.check(&known)?;
        Ok(self
            .store
            .import_register(FILE_PREFIX, &[], &collaborations, &actor, &|_, _| {})
            .await?)
    }
}

#[cfg(test)]
mod tests;
