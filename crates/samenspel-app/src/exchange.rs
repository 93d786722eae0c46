//! Open data, symmetric: collaborations with their partners and money exported as CSV or JSON,
//! and imported from the same format. The CSV is what Dutch Excel writes: semicolons (commas
//! are accepted too), comma decimals, dates as 31-12-2026 or 2026-12-31, UTF-8 with or without
//! a byte-order mark, or Windows-1252. An import is all or nothing: any bad row refuses the
//! whole file with every row, column and reason. The schema is in `docs/DATA.md`.

use std::collections::{BTreeMap, HashMap, HashSet};

use samenspel_domain::ValidationErrors;
use samenspel_domain::audit::hex;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::{CollaborationInput, PartnerRole};
use samenspel_domain::money::{AmountInput, Contribution, ContributionInput};
use samenspel_domain::org::OrgCode;
use samenspel_domain::spreadsheet;
use samenspel_store::{CollaborationFilter, ImportReport, Page, RegisteredCollaboration, RegisteredPartner};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::register::RowError;
use crate::{App, AppError, AppResult, Principal};

/// Source keys of collaborations imported from a file start with this.
pub const FILE_PREFIX: &str = "bestand:";

/// The CSV columns, in the order written.
pub const COLUMNS: [&str; 18] = [
    "regel",
    "sleutel",
    "naam",
    "soort",
    "wgr_vorm",
    "opgave",
    "maatschappelijke_meerwaarde",
    "regio",
    "start",
    "einde",
    "fasen",
    "wettelijke_grondslag",
    "beleidsterreinen",
    "organisatie",
    "rol",
    "jaar",
    "bedrag",
    "instrument",
];

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

/// The status column follows the amount; it is the 19th column.
const STATUS: &str = "status";

/// Decodes a file: UTF-8 (a byte-order mark is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The character of one Windows-1252 byte (0x80–0x9F differ from Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// `31-12-2026` or `31-1-2026` (as Dutch Excel writes dates) to `2026-12-31`; anything else is
/// passed on unchanged for the domain to judge.
fn iso_date(raw: &str) -> String {
    let parts: Vec<&str> = raw.trim().split(['-', '/']).collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => raw.trim().to_owned(),
    }
}

fn split_list(raw: &str) -> Vec<String> {
    raw.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The CSV column that holds a field of the domain's input.
fn column_of(field: &str) -> &str {
    match field {
        "name" => "naam",
        "type" => "soort",
        "wgr_form" => "wgr_vorm",
        "task" => "opgave",
        "public_value" => "maatschappelijke_meerwaarde",
        "region" => "regio",
        "start_date" => "start",
        "end_date" => "einde",
        "legal_basis" => "wettelijke_grondslag",
        "partner" | "code" => "organisatie",
        "role" => "rol",
        "year" => "jaar",
        "amount" | "amount_cents" => "bedrag",
        other if other.starts_with("phases") => "fasen",
        other if other.starts_with("policy_areas") => "beleidsterreinen",
        other => other,
    }
}

/// Where a problem is: a CSV row (the header is row 1) or a JSON item (numbered from 1).
#[derive(Debug, Clone, Copy)]
struct At(usize);

struct Problems(Vec<RowError>);

impl Problems {
    fn add(&mut self, at: At, column: &str, reason: impl Into<String>) {
        self.0.push(RowError {
            file: FILE,
            row: at.0,
            column: column.to_owned(),
            reason: reason.into(),
        });
    }

    fn add_all(&mut self, at: At, errors: ValidationErrors) {
        for e in errors.errors {
            self.add(at, column_of(&e.field), e.message);
        }
    }
}

/// Reads the CSV into collaborations, each line remembered by its row for messages.
fn read_csv(text: &str, problems: &mut Problems) -> Vec<(At, ExchangedCollaboration, Vec<At>, Vec<At>)> {
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: HashMap<String, usize> = match reader.headers() {
        Ok(h) => h
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_lowercase(), i))
            .collect(),
        Err(e) => {
            problems.add(At(1), "", format!("De kopregel kan niet worden gelezen: {e}"));
            return Vec::new();
        }
    };
    for required in ["regel", "sleutel"] {
        if !headers.contains_key(required) {
            problems.add(At(1), required, "Deze kolom ontbreekt in de kopregel.");
        }
    }
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let at = At(i + 2);
        match record {
            Ok(r) => records.push((at, r)),
            Err(e) => problems.add(at, "", format!("Deze regel kan niet worden gelezen: {e}")),
        }
    }
    let cell = |r: &csv::StringRecord, name: &str| -> String {
        headers
            .get(name)
            .and_then(|&i| r.get(i))
            .map(|raw| spreadsheet::read_cell(raw.trim()))
            .unwrap_or_default()
            .to_owned()
    };
    let mut out: Vec<(At, ExchangedCollaboration, Vec<At>, Vec<At>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (at, r) in records.iter().filter(|(_, r)| cell(r, "regel") == "samenwerking") {
        let key = cell(r, "sleutel");
        if index.contains_key(&key) {
            problems.add(*at, "sleutel", format!("De sleutel '{key}' komt al eerder voor."));
            continue;
        }
        index.insert(key.clone(), out.len());
        let input = CollaborationInput {
            name: cell(r, "naam"),
            kind: cell(r, "soort"),
            wgr_form: cell(r, "wgr_vorm"),
            task: cell(r, "opgave"),
            public_value: cell(r, "maatschappelijke_meerwaarde"),
            region: cell(r, "regio"),
            start_date: iso_date(&cell(r, "start")),
            end_date: iso_date(&cell(r, "einde")),
            phases: split_list(&cell(r, "fasen")),
            legal_basis: cell(r, "wettelijke_grondslag"),
            policy_areas: split_list(&cell(r, "beleidsterreinen")),
        };
        let c = ExchangedCollaboration {
            key,
            input,
            partners: Vec::new(),
            money: Vec::new(),
        };
        out.push((*at, c, Vec::new(), Vec::new()));
    }
    for (at, r) in &records {
        let kind = cell(r, "regel");
        if kind == "samenwerking" {
            continue;
        }
        if kind != "partner" && kind != "geld" {
            problems.add(
                *at,
                "regel",
                format!("'{kind}' is geen soort regel; gebruik samenwerking, partner of geld."),
            );
            continue;
        }
        let key = cell(r, "sleutel");
        let Some(&i) = index.get(&key) else {
            problems.add(
                *at,
                "sleutel",
                format!("Er is geen samenwerking met sleutel '{key}' in dit bestand."),
            );
            continue;
        };
        let (_, c, partner_rows, money_rows) = &mut out[i];
        if kind == "partner" {
            c.partners.push(ExchangedPartner {
                code: cell(r, "organisatie"),
                role: cell(r, "rol"),
            });
            partner_rows.push(*at);
        } else {
            let amount = cell(r, "bedrag");
            // Cents are filled in after parsing; the text is kept for the message.
            let parsed = samenspel_domain::money::Cents::parse_euro("bedrag", &amount);
            match parsed {
                Ok(cents) => {
                    c.money.push(ExchangedMoney {
                        partner: cell(r, "organisatie"),
                        year: cell(r, "jaar").parse().unwrap_or(i32::MIN),
                        amount_cents: cents.0,
                        instrument: cell(r, "instrument"),
                        status: cell(r, STATUS),
                    });
                    money_rows.push(*at);
                }
                Err(errors) => problems.add_all(*at, errors),
            }
        }
    }
    out
}

fn hash(
    fields: &samenspel_domain::collaboration::CollaborationFields,
    partners: &[RegisteredPartner],
    money: &[Contribution],
) -> String {
    let partners: Vec<(&str, &str)> = partners.iter().map(|p| (p.code.as_str(), p.role.key())).collect();
    let text = serde_json::to_string(&(fields, partners, money)).unwrap_or_default();
    hex(&Sha256::digest(text.as_bytes()))
}

/// Checks every collaboration, partner and figure; `known` answers whether an organisation
/// code exists.
fn validate(
    items: Vec<(At, ExchangedCollaboration, Vec<At>, Vec<At>)>,
    known: &HashSet<OrgCode>,
    problems: &mut Problems,
) -> Vec<RegisteredCollaboration> {
    let mut out = Vec::new();
    for (at, c, partner_rows, money_rows) in items {
        if c.key.is_empty() {
            problems.add(
                at,
                "sleutel",
                "Vul een sleutel in die de samenwerking in dit bestand aanduidt.",
            );
        }
        let fields = match c.input.parse() {
            Ok(fields) => Some(fields),
            Err(errors) => {
                problems.add_all(at, errors);
                None
            }
        };
        let mut partners: Vec<RegisteredPartner> = Vec::new();
        for (p, row) in c.partners.iter().zip(partner_rows) {
            let mut errors = ValidationErrors::new();
            let code = errors.collect(OrgCode::parse_field("code", &p.code));
            let role = errors.collect(PartnerRole::parse_field("role", &p.role));
            problems.add_all(row, errors);
            let (Some(code), Some(role)) = (code, role) else {
                continue;
            };
            if !known.contains(&code) {
                problems.add(
                    row,
                    "organisatie",
                    format!("Er is geen organisatie met code {code}."),
                );
            } else if partners.iter().any(|q| q.code == code) {
                problems.add(
                    row,
                    "organisatie",
                    format!("{code} staat al als partner bij deze samenwerking."),
                );
            } else {
                partners.push(RegisteredPartner {
                    code,
                    role,
                    joined_on: None,
                    notes: None,
                });
            }
        }
        let mut money: Vec<Contribution> = Vec::new();
        for (m, row) in c.money.iter().zip(money_rows) {
            let year = if m.year == i32::MIN {
                String::new()
            } else {
                m.year.to_string()
            };
            let input = ContributionInput {
                partner: &m.partner,
                year: &year,
                amount: AmountInput::Cents(m.amount_cents),
                instrument: &m.instrument,
                status: &m.status,
            };
            match input.parse() {
                Ok(contribution) => {
                    if !c
                        .partners
                        .iter()
                        .any(|p| p.code.trim().eq_ignore_ascii_case(contribution.partner.as_str()))
                    {
                        problems.add(
                            row,
                            "organisatie",
                            format!(
                                "{} is geen partner van deze samenwerking in dit bestand.",
                                contribution.partner
                            ),
                        );
                    } else if money.iter().any(|x| {
                        x.partner == contribution.partner
                            && x.year == contribution.year
                            && x.instrument == contribution.instrument
                            && x.status == contribution.status
                    }) {
                        problems.add(
                            row,
                            "bedrag",
                            "Dit bedrag (partner, jaar, instrument, status) staat er al.",
                        );
                    } else {
                        money.push(contribution);
                    }
                }
                Err(errors) => problems.add_all(row, errors),
            }
        }
        if let Some(fields) = fields {
            out.push(RegisteredCollaboration {
                source_key: format!("{FILE_PREFIX}{}", c.key),
                source_hash: hash(&fields, &partners, &money),
                fields,
                partners,
                money: Some(money),
            });
        }
    }
    out
}

/// Reads a JSON document into the same shape as the CSV, numbering items from 1 (partners and
/// figures take the number of their collaboration).
fn read_json(text: &str, problems: &mut Problems) -> Vec<(At, ExchangedCollaboration, Vec<At>, Vec<At>)> {
    match serde_json::from_str::<ExchangeDocument>(text) {
        Ok(doc) => doc
            .collaborations
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let at = At(i + 1);
                let (p, m) = (vec![at; c.partners.len()], vec![at; c.money.len()]);
                (at, c, p, m)
            })
            .collect(),
        Err(e) => {
            problems.add(At(e.line()), "", format!("Dit is geen geldig JSON-document: {e}"));
            Vec::new()
        }
    }
}

/// The format of a file to import or export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Writes collaborations as the CSV that [`App::import_collaborations`] reads: `;`, Dutch
/// amounts and ISO dates (without a byte-order mark; whoever writes the file adds one).
pub fn to_csv(items: &[ExchangedCollaboration]) -> String {
    let mut out = String::new();
    let header: Vec<&str> = COLUMNS.iter().copied().chain([STATUS]).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    let mut line = |cells: BTreeMap<&str, String>| {
        let row: Vec<String> = header
            .iter()
            .map(|h| spreadsheet::cell(cells.get(h).map_or("", String::as_str)))
            .collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    };
    for c in items {
        let i = &c.input;
        line(BTreeMap::from([
            ("regel", "samenwerking".to_owned()),
            ("sleutel", c.key.clone()),
            ("naam", i.name.clone()),
            ("soort", i.kind.clone()),
            ("wgr_vorm", i.wgr_form.clone()),
            ("opgave", i.task.clone()),
            ("maatschappelijke_meerwaarde", i.public_value.clone()),
            ("regio", i.region.clone()),
            ("start", i.start_date.clone()),
            ("einde", i.end_date.clone()),
            ("fasen", i.phases.join("|")),
            ("wettelijke_grondslag", i.legal_basis.clone()),
            ("beleidsterreinen", i.policy_areas.join("|")),
        ]));
        for p in &c.partners {
            line(BTreeMap::from([
                ("regel", "partner".to_owned()),
                ("sleutel", c.key.clone()),
                ("organisatie", p.code.clone()),
                ("rol", p.role.clone()),
            ]));
        }
        for m in &c.money {
            line(BTreeMap::from([
                ("regel", "geld".to_owned()),
                ("sleutel", c.key.clone()),
                ("organisatie", m.partner.clone()),
                ("jaar", m.year.to_string()),
                (
                    "bedrag",
                    samenspel_domain::money::Cents(m.amount_cents).format_number_nl(),
                ),
                ("instrument", m.instrument.clone()),
                (STATUS, m.status.clone()),
            ]));
        }
    }
    out
}

impl App {
    /// Every collaboration the caller may see, with partners and money, in the exchange shape.
    pub async fn export_collaborations(&self, who: &Principal) -> AppResult<Vec<ExchangedCollaboration>> {
        let filter = CollaborationFilter {
            visibility: crate::collaborations::visibility(who),
            ..Default::default()
        };
        let mut out = Vec::new();
        let mut offset = 0;
        loop {
            let page = Page {
                limit: Page::MAX_LIMIT,
                offset,
            };
            let batch = self.store.list_collaborations(&filter, page).await?;
            for summary in &batch.items {
                let Some(c) = self.store.get_collaboration(summary.id).await? else {
                    continue;
                };
                let money = self.store.list_contributions(c.id).await?;
                let f = &c.fields;
                let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                out.push(ExchangedCollaboration {
                    key: c
                        .source_key
                        .as_deref()
                        .map(|k| k.strip_prefix(FILE_PREFIX).unwrap_or(k).to_owned())
                        .unwrap_or_else(|| format!("samenspel-{}", c.id)),
                    input: CollaborationInput {
                        name: f.name.clone(),
                        kind: f.kind.key().to_owned(),
                        wgr_form: f.wgr_form.map(|w| w.key().to_owned()).unwrap_or_default(),
                        task: f.task.clone().unwrap_or_default(),
                        public_value: f.public_value.clone().unwrap_or_default(),
                        region: f.region.clone().unwrap_or_default(),
                        start_date: date(f.start_date),
                        end_date: date(f.end_date),
                        phases: f.phases.clone(),
                        legal_basis: f.legal_basis.clone().unwrap_or_default(),
                        policy_areas: f.policy_areas.clone(),
                    },
                    partners: c
                        .partners
                        .iter()
                        .map(|p| ExchangedPartner {
                            code: p.code.to_string(),
                            role: p.role.key().to_owned(),
                        })
                        .collect(),
                    money: money
                        .iter()
                        .map(|r| ExchangedMoney {
                            partner: r.contribution.partner.to_string(),
                            year: r.contribution.year,
                            amount_cents: r.contribution.amount.0,
                            instrument: r.contribution.instrument.key().to_owned(),
                            status: r.contribution.status.key().to_owned(),
                        })
                        .collect(),
                });
            }
            offset += Page::MAX_LIMIT;
            if u64::from(offset) >= batch.total || batch.items.is_empty() {
                break;
            }
        }
        Ok(out)
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
        let text = decode(bytes);
        let mut problems = Problems(Vec::new());
        let items = match format {
            Format::Csv => read_csv(&text, &mut problems),
            Format::Json => read_json(&text, &mut problems),
        };
        let mut known = HashSet::new();
        let codes: HashSet<String> = items
            .iter()
            .flat_map(|(_, c, _, _)| c.partners.iter().map(|p| p.code.trim().to_uppercase()))
            .collect();
        for raw in codes {
            if let Ok(code) = OrgCode::parse(&raw)
                && self.store.get_organisation(&code).await?.is_some()
            {
                known.insert(code);
            }
        }
        let collaborations = validate(items, &known, &mut problems);
        if !problems.0.is_empty() {
            problems.0.sort_by_key(|e| e.row);
            let mut list = ValidationErrors::new();
            for e in problems.0 {
                list.add(
                    format!("{}:{}:{}", e.file, e.row, e.column),
                    "invalid_row",
                    e.reason,
                );
            }
            return Err(AppError::Invalid(list));
        }
        Ok(self
            .store
            .import_register(FILE_PREFIX, &[], &collaborations, &actor, &|_, _| {})
            .await?)
    }
}

#[cfg(test)]
mod tests;
