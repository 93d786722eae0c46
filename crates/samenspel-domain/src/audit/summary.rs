//! One readable line per audit event, from its action and its before/after payloads: what the
//! change log shows next to the label. The payloads are read into typed views of exactly the
//! fields a summary needs, so an event of any age reads the same way; a payload the views do
//! not recognise gives an empty summary instead of an error.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::AuditAction;
use crate::auth::Role;
use crate::collaboration::{CollaborationKind, PartnerRole};
use crate::control::{DemocraticControl, ElectedBody, WgrInstrument};
use crate::money::{Cents, Instrument, MoneyStatus};
use crate::moore::MooreStatement;

/// The summary of one event; empty when the payloads are missing or unrecognised.
pub fn summarise(action: AuditAction, before: Option<&Value>, after: Option<&Value>) -> String {
    summary(action, before, after).unwrap_or_default()
}

fn summary(action: AuditAction, before: Option<&Value>, after: Option<&Value>) -> Option<String> {
    use AuditAction as A;
    match action {
        A::CollaborationCreate => read::<CollaborationView>(after).map(|c| c.created()),
        A::CollaborationUpdate => Some(collaboration_changes(before?, after?)),
        A::CollaborationPublish => Some("zichtbaar voor iedereen".to_owned()),
        A::CollaborationWithdraw => Some("alleen zichtbaar voor de partners".to_owned()),
        A::PartnerAdd => read::<PartnerView>(after).map(|p| p.text()),
        A::StanceRecord => read::<StanceView>(after).map(|s| s.text()),
        A::MoneyRecord => money_recorded(read(before), read(after)?),
        A::MoneyDelete => read::<MoneyView>(before).map(|m| m.text()),
        A::ControlUpdate => Some(control_changes(read(before), &read(after)?)),
        A::MooreUpdate => moore_changes(read(before), read(after)?),
        A::OrganisationAdd => read::<OrganisationView>(after).map(|o| format!("{} ({})", o.name, o.code)),
        A::UserCreate => read::<UserView>(after).map(|u| u.text()),
        A::UserGrant => {
            read::<MembershipView>(after).map(|m| format!("{} bij {}", role_label(m.role), m.organisation))
        }
        A::UserRevoke => read::<String>(before).map(|org| format!("rol bij {org} ingetrokken")),
        A::UserPassword => Some("nieuw wachtwoord ingesteld; andere sessies beëindigd".to_owned()),
        A::TokenCreate => read::<TokenView>(after).map(|t| t.text()),
        A::TokenRevoke => read::<TokensRevokedView>(after).map(|t| t.text()),
        A::LoginRefused => read::<LoginView>(after).map(|l| l.text()),
        A::RegisterImport => read::<ImportView>(after).map(|i| i.text()),
        A::WaveCreate | A::WaveClose => {
            read::<WaveView>(after).map(|w| format!("golf {}: {}", w.key, w.title))
        }
        A::SurveyImport => {
            read::<ResponsesView>(after).map(|r| format!("{} antwoorden ingelezen", r.responses))
        }
        A::AttachmentAdd => read::<AttachmentView>(after).map(|a| a.text()),
    }
}

fn read<T: DeserializeOwned>(value: Option<&Value>) -> Option<T> {
    T::deserialize(value?).ok()
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn list<T>(items: &[T], label: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        "geen".to_owned()
    } else {
        items.iter().map(label).collect::<Vec<_>>().join(", ")
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Lezer => "lezer",
        Role::Redacteur => "redacteur",
        Role::Beheerder => "beheerder",
    }
}

#[derive(Deserialize)]
struct CollaborationView {
    name: String,
    #[serde(rename = "type")]
    kind: CollaborationKind,
    #[serde(default)]
    partners: Vec<Value>,
}

impl CollaborationView {
    fn created(&self) -> String {
        format!(
            "{} ({}), {} partners",
            self.name,
            self.kind.label_nl(),
            self.partners.len()
        )
    }
}

/// The fields of a collaboration an update can change, with their Dutch names.
const COLLABORATION_FIELDS: [(&str, &str); 11] = [
    ("name", "naam"),
    ("type", "soort"),
    ("wgr_form", "Wgr-vorm"),
    ("task", "taak"),
    ("public_value", "publieke waarde"),
    ("region", "regio"),
    ("start_date", "startdatum"),
    ("end_date", "einddatum"),
    ("phases", "fasen"),
    ("legal_basis", "wettelijke grondslag"),
    ("policy_areas", "beleidsterreinen"),
];

fn collaboration_changes(before: &Value, after: &Value) -> String {
    let changed: Vec<&str> = COLLABORATION_FIELDS
        .iter()
        .filter(|(key, _)| before.get(key) != after.get(key))
        .map(|(_, name)| *name)
        .collect();
    if changed.is_empty() {
        "geen inhoudelijke wijziging".to_owned()
    } else {
        format!("gewijzigd: {}", changed.join(", "))
    }
}

#[derive(Deserialize)]
struct PartnerView {
    code: String,
    role: PartnerRole,
}

impl PartnerView {
    fn text(&self) -> String {
        format!("{} als {}", self.code, self.role.label_nl().to_lowercase())
    }
}

#[derive(Deserialize)]
struct StanceView {
    code: String,
    phase: Option<String>,
}

impl StanceView {
    fn text(&self) -> String {
        let phase = self
            .phase
            .as_ref()
            .map(|p| format!(" (fase {p})"))
            .unwrap_or_default();
        format!("namens {}{phase}", self.code)
    }
}

#[derive(Deserialize)]
struct MoneyView {
    partner: String,
    year: i32,
    amount: i64,
    instrument: Instrument,
    status: MoneyStatus,
}

impl MoneyView {
    fn text(&self) -> String {
        format!(
            "{} {} {} ({}, {})",
            self.partner,
            self.year,
            amount_text(self.amount),
            self.instrument.label_nl(),
            self.status.label_nl().to_lowercase()
        )
    }
}

/// A stored amount as written in Dutch; `?` for one that is not a valid amount.
fn amount_text(cents: i64) -> String {
    Cents::new(cents).map_or_else(|| "?".to_owned(), Cents::format_nl)
}

fn money_recorded(before: Option<MoneyView>, after: MoneyView) -> Option<String> {
    Some(match before {
        Some(b) if b.amount != after.amount => {
            format!("{} (was {})", after.text(), amount_text(b.amount))
        }
        _ => after.text(),
    })
}

/// One part of the democratic control as the summary shows it.
type ControlPart = fn(&DemocraticControl) -> String;

const CONTROL_PARTS: [(&str, ControlPart); 5] = [
    ("gekozen organen", |c| {
        list(&c.bodies, |b: &ElectedBody| b.label_nl().to_owned())
    }),
    ("Wgr-instrumenten", |c| {
        list(&c.instruments, |i: &WgrInstrument| i.label_nl().to_owned())
    }),
    ("verantwoordelijk minister", |c| {
        c.responsible_minister
            .as_ref()
            .map_or("geen".to_owned(), ToString::to_string)
    }),
    ("volgende evaluatie", |c| {
        c.next_evaluation.map_or("geen".to_owned(), date)
    }),
    ("momenten", |c| c.moments.len().to_string()),
];

fn control_changes(before: Option<DemocraticControl>, after: &DemocraticControl) -> String {
    let shown: Vec<String> = CONTROL_PARTS
        .iter()
        .filter(|(_, part)| before.as_ref().is_none_or(|b| part(b) != part(after)))
        .map(|(name, part)| format!("{name}: {}", part(after)))
        .collect();
    match (&before, shown.is_empty()) {
        (None, _) => format!("vastgelegd — {}", shown.join("; ")),
        (Some(_), true) => "geen inhoudelijke wijziging".to_owned(),
        (Some(_), false) => format!("gewijzigd — {}", shown.join("; ")),
    }
}

#[derive(Deserialize)]
struct MooreView {
    partner: String,
    statement: MooreStatement,
}

fn moore_changes(before: Option<MooreView>, after: MooreView) -> Option<String> {
    let b = before.map(|b| b.statement);
    let a = &after.statement;
    let elements: [(&str, bool); 5] = [
        (
            "publieke waarde",
            b.as_ref().is_none_or(|b| b.public_value != a.public_value),
        ),
        ("mandaat", b.as_ref().is_none_or(|b| b.mandate != a.mandate)),
        ("steun", b.as_ref().is_none_or(|b| b.support != a.support)),
        ("FTE", b.as_ref().is_none_or(|b| b.fte != a.fte)),
        ("processen", b.as_ref().is_none_or(|b| b.processes != a.processes)),
    ];
    let changed: Vec<&str> = elements.iter().filter(|(_, c)| *c).map(|(n, _)| *n).collect();
    Some(match (b.is_some(), changed.is_empty()) {
        (false, _) => format!("oordeel van {} vastgelegd", after.partner),
        (true, true) => format!("oordeel van {}: geen inhoudelijke wijziging", after.partner),
        (true, false) => format!("oordeel van {} gewijzigd: {}", after.partner, changed.join(", ")),
    })
}

#[derive(Deserialize)]
struct OrganisationView {
    code: String,
    name: String,
}

#[derive(Deserialize)]
struct MembershipView {
    organisation: String,
    role: Role,
}

#[derive(Deserialize)]
struct UserView {
    email: String,
    name: String,
    memberships: Vec<MembershipView>,
}

impl UserView {
    fn text(&self) -> String {
        let roles = list(&self.memberships, |m| {
            format!("{} bij {}", role_label(m.role), m.organisation)
        });
        format!("{} <{}>, rollen: {roles}", self.name, self.email)
    }
}

fn purpose_label(purpose: &str) -> &str {
    match purpose {
        "api" => "API-sleutel",
        "invitation" => "uitnodiging",
        other => other,
    }
}

#[derive(Deserialize)]
struct TokenView {
    token_id: i64,
    purpose: String,
    expires_at: Option<DateTime<Utc>>,
}

impl TokenView {
    fn text(&self) -> String {
        let until = self.expires_at.map_or("zonder einddatum".to_owned(), |at| {
            format!("geldig tot {}", date(at.date_naive()))
        });
        format!("{} {} ({until})", purpose_label(&self.purpose), self.token_id)
    }
}

#[derive(Deserialize)]
struct TokensRevokedView {
    purpose: String,
    revoked: u64,
}

impl TokensRevokedView {
    fn text(&self) -> String {
        format!("{} × {} ingetrokken", self.revoked, purpose_label(&self.purpose))
    }
}

#[derive(Deserialize)]
struct LoginView {
    address: String,
    reason: Option<String>,
}

impl LoginView {
    fn text(&self) -> String {
        let reason = self.reason.as_deref().unwrap_or("onbekende reden");
        format!("vanaf {}: {reason}", self.address)
    }
}

#[derive(Deserialize)]
struct ImportView {
    added: Vec<String>,
    changed: Vec<String>,
    unchanged: u64,
    organisations: u64,
}

impl ImportView {
    fn text(&self) -> String {
        format!(
            "{} toegevoegd, {} gewijzigd, {} ongewijzigd, {} organisaties bijgewerkt",
            self.added.len(),
            self.changed.len(),
            self.unchanged,
            self.organisations
        )
    }
}

#[derive(Deserialize)]
struct WaveView {
    key: String,
    title: String,
}

#[derive(Deserialize)]
struct ResponsesView {
    responses: u64,
}

#[derive(Deserialize)]
struct AttachmentView {
    name: String,
    media_type: String,
    size: u64,
}

impl AttachmentView {
    fn text(&self) -> String {
        format!("{} ({}, {} bytes)", self.name, self.media_type, self.size)
    }
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;
