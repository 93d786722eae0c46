//! Checking what a file holds, whatever its form: every collaboration, partner and figure
//! judged by the domain, plus what only the whole file can tell (a known organisation, a
//! partner or figure given twice, money from someone who is not a partner). Each problem is
//! named by the row (or item) it came from and the column people see in the file.

use std::collections::HashSet;

use samenspel_domain::ValidationErrors;
use samenspel_domain::audit::hex;
use samenspel_domain::collaboration::{CollaborationFields, PartnerRole};
use samenspel_domain::money::{AmountInput, Contribution, ContributionInput};
use samenspel_domain::org::OrgCode;
use samenspel_domain::participation::Participation;
use samenspel_store::{RegisteredCollaboration, RegisteredPartner};
use sha2::{Digest, Sha256};

use super::{ExchangedMoney, ExchangedPartner, FILE_PREFIX, ReadCollaboration};
use crate::import::Problems;

/// The CSV column that holds a field of the domain's input.
pub(super) fn column_of(field: &str) -> &str {
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

fn hash(
    fields: &CollaborationFields,
    partners: &[RegisteredPartner],
    money: &[Contribution],
    participation: Option<&Participation>,
) -> String {
    let partners: Vec<(&str, &str)> = partners.iter().map(|p| (p.code.as_str(), p.role.key())).collect();
    // Without participation the hash is what it was before participation was exchanged, so
    // files imported then are not seen as changed.
    let text = match participation {
        None => serde_json::to_string(&(fields, partners, money)),
        Some(p) => serde_json::to_string(&(fields, partners, money, p)),
    }
    .unwrap_or_default();
    hex(&Sha256::digest(text.as_bytes()))
}

/// The partners of one collaboration; `known` answers whether an organisation code exists.
fn partners(
    given: &[ExchangedPartner],
    rows: &[usize],
    known: &HashSet<OrgCode>,
    problems: &mut Problems,
) -> Vec<RegisteredPartner> {
    let mut partners: Vec<RegisteredPartner> = Vec::new();
    for (p, &row) in given.iter().zip(rows) {
        let mut errors = ValidationErrors::new();
        let code = errors.collect(OrgCode::parse_field("code", &p.code));
        let role = errors.collect(PartnerRole::parse_field("role", &p.role));
        problems.add_all(row, errors, column_of);
        let (Some(code), Some(role)) = (code, role) else {
            continue;
        };
        if !known.contains(&code) {
            problems.add(
                row,
                "organisatie",
                samenspel_domain::msg!(
                    "error-unknown-organisation",
                    "Er is geen organisatie met code {code}.",
                    code = code
                ),
            );
        } else if partners.iter().any(|q| q.code == code) {
            problems.add(
                row,
                "organisatie",
                samenspel_domain::msg!(
                    "error-import-partner-twice",
                    "{code} staat al als partner bij deze samenwerking.",
                    code = code
                ),
            );
        } else {
            partners.push(RegisteredPartner {
                code,
                role,
                joined_on: None,
                organs: Vec::new(),
                notes: None,
            });
        }
    }
    partners
}

/// The figures of one collaboration, each from a partner given in the file.
fn money(
    given: &[ExchangedMoney],
    rows: &[usize],
    partners: &[ExchangedPartner],
    problems: &mut Problems,
) -> Vec<Contribution> {
    let mut money: Vec<Contribution> = Vec::new();
    for (m, &row) in given.iter().zip(rows) {
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
        let contribution = match input.parse() {
            Ok(contribution) => contribution,
            Err(errors) => {
                problems.add_all(row, errors, column_of);
                continue;
            }
        };
        let a_partner = partners
            .iter()
            .any(|p| p.code.trim().eq_ignore_ascii_case(contribution.partner.as_str()));
        let given_twice = money.iter().any(|x| {
            x.partner == contribution.partner
                && x.year == contribution.year
                && x.instrument == contribution.instrument
                && x.status == contribution.status
        });
        if !a_partner {
            problems.add(
                row,
                "organisatie",
                samenspel_domain::msg!(
                    "error-import-not-a-partner",
                    "{code} is geen partner van deze samenwerking in dit bestand.",
                    code = contribution.partner
                ),
            );
        } else if given_twice {
            problems.add(
                row,
                "bedrag",
                samenspel_domain::msg!(
                    "error-import-amount-twice",
                    "Dit bedrag (partner, jaar, instrument, status) staat er al."
                ),
            );
        } else {
            money.push(contribution);
        }
    }
    money
}

/// Checks every collaboration, partner and figure read from a file.
pub(super) fn validate(
    items: Vec<ReadCollaboration>,
    known: &HashSet<OrgCode>,
    problems: &mut Problems,
) -> Vec<RegisteredCollaboration> {
    let mut out = Vec::new();
    for read in items {
        let c = &read.item;
        if c.key.is_empty() {
            problems.add(
                read.row,
                "sleutel",
                samenspel_domain::msg!(
                    "error-import-key-required",
                    "Vul een sleutel in die de samenwerking in dit bestand aanduidt."
                ),
            );
        }
        let fields = match c.input.parse() {
            Ok(fields) => Some(fields),
            Err(errors) => {
                problems.add_all(read.row, errors, column_of);
                None
            }
        };
        let partners = partners(&c.partners, &read.partner_rows, known, problems);
        let money = money(&c.money, &read.money_rows, &c.partners, problems);
        let participation = super::participation::check(&read, fields.as_ref().map(|f| f.kind), problems);
        if c.participation.is_some() && participation.is_none() {
            continue;
        }
        if let Some(fields) = fields {
            out.push(RegisteredCollaboration {
                source_key: format!("{FILE_PREFIX}{}", c.key),
                source_hash: hash(&fields, &partners, &money, participation.as_ref()),
                fields,
                partners,
                money: Some(money),
                history: None,
                merges: Vec::new(),
                source_url: None,
                participation,
            });
        }
    }
    out
}
