//! One readable line per audit event, from its action and its before/after payloads: what the
//! change log shows next to the label. The payloads are read into typed views of exactly the
//! fields a summary needs, so an event of any age reads the same way; a payload the views do
//! not recognise gives an empty summary instead of an error.
//!
//! The line is a [`Message`], shown in the reader's language; organisations stored by their
//! code are named by the caller's `names` (the change log never shows a code alone).

use std::cell::RefCell;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::AuditAction;
use crate::auth::Role;
use crate::collaboration::{CollaborationKind, PartnerRole};
use crate::control::DemocraticControl;
use crate::messages::{Message, Parts};
use crate::money::{Cents, Instrument, MoneyStatus};
use crate::moore::MooreStatement;
use crate::msg;
use crate::transitions::Named;

/// The name of an organisation from its code (the code itself when it is not known).
pub type Names<'a> = &'a dyn Fn(&str) -> String;

/// The summary of one event; empty when the payloads are missing or unrecognised.
pub fn summarise(
    action: AuditAction,
    before: Option<&Value>,
    after: Option<&Value>,
    names: Names,
) -> Message {
    summary(action, before, after, names).unwrap_or_else(|| Message::plain(""))
}

/// The codes of the organisations the summary of this event names, so the caller can look
/// their names up before it summarises.
pub fn codes_named(action: AuditAction, before: Option<&Value>, after: Option<&Value>) -> Vec<String> {
    let asked = RefCell::new(Vec::new());
    let record = |code: &str| {
        asked.borrow_mut().push(code.to_owned());
        code.to_owned()
    };
    summarise(action, before, after, &record);
    asked.into_inner()
}

fn summary(
    action: AuditAction,
    before: Option<&Value>,
    after: Option<&Value>,
    names: Names,
) -> Option<Message> {
    use AuditAction as A;
    match action {
        A::CollaborationCreate => read::<CollaborationView>(after).map(|c| c.created()),
        A::CollaborationUpdate => Some(collaboration_changes(before?, after?)),
        A::CollaborationPublish => Some(msg!("summary-published", "zichtbaar voor iedereen")),
        A::CollaborationWithdraw => Some(msg!("summary-withdrawn", "alleen zichtbaar voor de partners")),
        A::PartnerAdd => read::<PartnerView>(after).map(|p| p.text(names)),
        A::StanceRecord => read::<StanceView>(after).map(|s| s.text(names)),
        A::MoneyRecord => money_recorded(read(before), read(after)?, names),
        A::MoneyDelete => read::<MoneyView>(before).map(|m| m.text(names)),
        A::ControlUpdate => Some(control_changes(read(before), &read(after)?)),
        A::MooreUpdate => moore_changes(read(before), read(after)?, names),
        A::OrganisationAdd => read::<OrganisationView>(after).map(|o| {
            msg!(
                "summary-organisation-added",
                "{name} ({code})",
                name = o.name,
                code = o.code
            )
        }),
        A::UserCreate => read::<UserView>(after).map(|u| u.text(names)),
        A::UserGrant => read::<MembershipView>(after).map(|m| m.text(names)),
        A::UserRevoke => read::<String>(before).map(|code| {
            msg!(
                "summary-role-revoked",
                "rol bij {organisation} ingetrokken",
                organisation = names(&code)
            )
        }),
        A::UserPassword => Some(msg!(
            "summary-password",
            "nieuw wachtwoord ingesteld; andere sessies beëindigd"
        )),
        A::TokenCreate => read::<TokenView>(after).map(|t| t.text()),
        A::TokenRevoke => read::<TokensRevokedView>(after).map(|t| t.text()),
        A::LoginRefused => read::<LoginView>(after).map(|l| l.text()),
        A::RegisterImport => read::<ImportView>(after).map(|i| i.text()),
        A::WaveCreate | A::WaveClose => read::<WaveView>(after).map(|w| {
            msg!(
                "summary-wave",
                "golf {key}: {title}",
                key = w.key,
                title = w.title
            )
        }),
        A::SurveyImport => read::<ResponsesView>(after).map(|r| {
            msg!(
                "summary-responses",
                "{count} antwoorden ingelezen",
                count = r.responses
            )
        }),
        A::AttachmentAdd => read::<AttachmentView>(after).map(|a| a.text()),
        A::ParticipationUpdate => Some(crate::participation::summary(
            read(before).as_ref(),
            &read(after)?,
        )),
        A::MedebewindCreate => {
            read::<TaskView>(after).map(|t| msg!("summary-medebewind-task", "taak '{name}'", name = t.name))
        }
        A::MedebewindUpdate => Some(task_changes(before?, after?)),
        A::UdoCreate | A::UdoUpdate => read::<UdoDossierView>(after)
            .map(|d| msg!("summary-udo-dossier", "dossier '{title}'", title = d.title)),
        A::UdoStep => {
            let (from, to) = (read::<UdoStepView>(before)?, read::<UdoStepView>(after)?);
            Some(msg!(
                "summary-udo-step",
                "van {from} naar {to}",
                from = from.state.name_nl(),
                to = to.state.name_nl()
            ))
        }
        A::UdoReaction => read::<UdoReactionView>(after).map(|r| {
            msg!(parts;
                "summary-udo-reaction",
                "reactie {reaction} ({kind})",
                reaction = r.reaction;
                kind = r.kind.label()
            )
        }),
        A::UdoModerate => read::<UdoModerationView>(after).map(udo_moderation),
        A::StaatCompile => read::<crate::staat::Period>(after).map(|p| {
            msg!(
                "summary-staat-compile",
                "over {from} tot en met {to}",
                from = p.from.format("%d-%m-%Y"),
                to = p.to.format("%d-%m-%Y")
            )
        }),
        A::Iv3CostImport => read::<CostImportView>(after).map(|r| {
            msg!(
                "summary-iv3-cost-import",
                "{file}: {added} kostencijfers toegevoegd, {replaced} vervangen, {unchanged} ongewijzigd",
                file = r.file.file_name,
                added = r.report.added,
                replaced = r.report.replaced,
                unchanged = r.report.unchanged
            )
        }),
        A::UdoThemeResponse => read::<UdoThemeResponseView>(after).map(|r| {
            msg!(parts;
                "summary-udo-theme-response",
                "thema '{theme}': {action}",
                theme = r.theme;
                action = r.action.label()
            )
        }),
    }
}

/// The part of a reaction's payload its summary names (never the author or the text).
#[derive(Deserialize)]
struct UdoReactionView {
    reaction: i64,
    kind: crate::udo::consultation::reaction::ReactionKind,
}

/// The part of a moderation's payload its summary names.
#[derive(Deserialize)]
struct UdoModerationView {
    reaction: i64,
    status: crate::udo::consultation::moderation::ModerationStatus,
    theme: Option<String>,
}

/// The part of a theme response its summary names.
#[derive(Deserialize)]
struct UdoThemeResponseView {
    theme: String,
    action: crate::udo::consultation::report::ThemeAction,
}

fn udo_moderation(m: UdoModerationView) -> Message {
    match m.theme {
        Some(theme) => msg!(parts;
            "summary-udo-moderation-theme",
            "reactie {reaction}: {status}, thema '{theme}'",
            reaction = m.reaction,
            theme = theme;
            status = m.status.label()
        ),
        None => msg!(parts;
            "summary-udo-moderation",
            "reactie {reaction}: {status}",
            reaction = m.reaction;
            status = m.status.label()
        ),
    }
}

/// The part of a UDO dossier's payload its summary names.
#[derive(Deserialize)]
struct UdoDossierView {
    title: String,
}

/// The part of a UDO dossier's progress a step's summary names.
#[derive(Deserialize)]
struct UdoStepView {
    state: crate::udo::workflow::UdoState,
}

fn read<T: DeserializeOwned>(value: Option<&Value>) -> Option<T> {
    T::deserialize(value?).ok()
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn none() -> Message {
    msg!("summary-none", "geen")
}

/// `items` joined by ", ", or "geen" when there are none.
fn list(items: Vec<Message>) -> Parts {
    if items.is_empty() {
        none().into()
    } else {
        Parts::list(items, ", ")
    }
}

fn no_change() -> Message {
    msg!("summary-no-change", "geen inhoudelijke wijziging")
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
    fn created(&self) -> Message {
        match self.partners.len() {
            1 => msg!(parts;
                "summary-collaboration-created-one",
                "{name} ({kind}), 1 partner",
                name = self.name;
                kind = self.kind.label()
            ),
            count => msg!(parts;
                "summary-collaboration-created",
                "{name} ({kind}), {count} partners",
                name = self.name,
                count = count;
                kind = self.kind.label()
            ),
        }
    }
}

/// The fields of a collaboration an update can change, with their names in the change log.
fn collaboration_fields() -> [(&'static str, Message); 11] {
    [
        ("name", msg!("summary-field-name", "naam")),
        ("type", msg!("summary-field-type", "soort")),
        ("wgr_form", msg!("summary-field-wgr-form", "Wgr-vorm")),
        ("task", msg!("summary-field-task", "taak")),
        (
            "public_value",
            msg!("summary-field-public-value", "publieke waarde"),
        ),
        ("region", msg!("summary-field-region", "regio")),
        ("start_date", msg!("summary-field-start-date", "startdatum")),
        ("end_date", msg!("summary-field-end-date", "einddatum")),
        ("phases", msg!("summary-field-phases", "fasen")),
        (
            "legal_basis",
            msg!("summary-field-legal-basis", "wettelijke grondslag"),
        ),
        (
            "policy_areas",
            msg!("summary-field-policy-areas", "beleidsterreinen"),
        ),
    ]
}

fn collaboration_changes(before: &Value, after: &Value) -> Message {
    let changed: Vec<Message> = collaboration_fields()
        .into_iter()
        .filter(|(key, _)| before.get(key) != after.get(key))
        .map(|(_, name)| name)
        .collect();
    if changed.is_empty() {
        no_change()
    } else {
        msg!(parts; "summary-changed", "gewijzigd: {fields}"; fields = Parts::list(changed, ", "))
    }
}

#[derive(Deserialize)]
struct TaskView {
    name: String,
}

/// The parts of a medebewind task that changed, by the names the task's form gives them.
fn task_changes(before: &Value, after: &Value) -> Message {
    let fields: [(&[&str], Message); 10] = [
        (&["name"], msg!("summary-medebewind-name", "naam")),
        (
            &["law", "bwb_id", "article", "lid"],
            msg!("summary-medebewind-basis", "wettelijke grondslag"),
        ),
        (
            &["layer", "body", "ministry"],
            msg!("summary-medebewind-carrier", "uitvoerder en ministerie"),
        ),
        (
            &["freedom"],
            msg!("summary-medebewind-freedom", "beleidsvrijheid"),
        ),
        (
            &["ambition", "norm"],
            msg!("summary-medebewind-ambition", "ambitie en norm"),
        ),
        (
            &["powers", "risks", "cost_steering"],
            msg!("summary-medebewind-powers", "bevoegdheden en risico's"),
        ),
        (
            &["funding", "budgets"],
            msg!("summary-medebewind-budgets", "bekostiging en budget"),
        ),
        (
            &["task_fields"],
            msg!("summary-medebewind-task-fields", "taakvelden"),
        ),
        (
            &["recalibration_years", "next_recalibration_on"],
            msg!("summary-medebewind-recalibration", "herijking"),
        ),
        (
            &["udo_dossiers", "source"],
            msg!("summary-medebewind-sources", "bronnen en UDO-dossiers"),
        ),
    ];
    let changed: Vec<Message> = fields
        .into_iter()
        .filter(|(keys, _)| keys.iter().any(|key| before.get(key) != after.get(key)))
        .map(|(_, name)| name)
        .collect();
    if changed.is_empty() {
        no_change()
    } else {
        msg!(parts; "summary-changed", "gewijzigd: {fields}"; fields = Parts::list(changed, ", "))
    }
}

#[derive(Deserialize)]
struct PartnerView {
    code: String,
    role: PartnerRole,
}

impl PartnerView {
    fn text(&self, names: Names) -> Message {
        msg!(parts;
            "summary-partner-added",
            "{partner} als {role}",
            partner = names(&self.code);
            role = Parts::from(self.role.label()).lowercase()
        )
    }
}

#[derive(Deserialize)]
struct StanceView {
    code: String,
    phase: Option<String>,
}

impl StanceView {
    fn text(&self, names: Names) -> Message {
        let partner = names(&self.code);
        match &self.phase {
            Some(phase) => msg!(
                "summary-stance-in-phase",
                "standpunt van {partner} (fase {phase})",
                partner = partner,
                phase = phase
            ),
            None => msg!("summary-stance", "standpunt van {partner}", partner = partner),
        }
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
    fn text(&self, names: Names) -> Message {
        msg!(parts;
            "summary-money",
            "{partner} {year} {amount} ({instrument}, {status})",
            partner = names(&self.partner),
            year = self.year,
            amount = amount_text(self.amount);
            instrument = self.instrument.label(),
            status = Parts::from(self.status.label()).lowercase()
        )
    }
}

/// A stored amount as written in Dutch; `?` for one that is not a valid amount.
fn amount_text(cents: i64) -> String {
    Cents::new(cents).map_or_else(|| "?".to_owned(), Cents::format_nl)
}

fn money_recorded(before: Option<MoneyView>, after: MoneyView, names: Names) -> Option<Message> {
    Some(match before {
        Some(b) if b.amount != after.amount => msg!(parts;
            "summary-money-was",
            "{line} (was {old})",
            old = amount_text(b.amount);
            line = after.text(names)
        ),
        _ => after.text(names),
    })
}

/// One part of the democratic control as the summary shows it: its name and its value.
fn control_parts(c: &DemocraticControl) -> [Message; 5] {
    let bodies = list(c.bodies.iter().map(|b| b.label()).collect());
    let instruments = list(c.instruments.iter().map(|i| i.label()).collect());
    let minister: Parts = c
        .responsible_minister
        .as_ref()
        .map_or_else(none, |m| Message::plain(m.to_string()))
        .into();
    let evaluation: Parts = c
        .next_evaluation
        .map_or_else(none, |d| Message::plain(date(d)))
        .into();
    [
        msg!(parts; "summary-control-bodies", "gekozen organen: {bodies}"; bodies = bodies),
        msg!(parts; "summary-control-instruments", "Wgr-instrumenten: {instruments}"; instruments = instruments),
        msg!(parts; "summary-control-minister", "verantwoordelijk minister: {minister}"; minister = minister),
        msg!(parts; "summary-control-evaluation", "volgende evaluatie: {date}"; date = evaluation),
        msg!(
            "summary-control-moments",
            "momenten: {count}",
            count = c.moments.len()
        ),
    ]
}

fn control_changes(before: Option<DemocraticControl>, after: &DemocraticControl) -> Message {
    let now = control_parts(after);
    let shown: Vec<Message> = match &before {
        None => now.to_vec(),
        Some(b) => control_parts(b)
            .into_iter()
            .zip(now)
            .filter(|(was, is)| was != is)
            .map(|(_, is)| is)
            .collect(),
    };
    match (&before, shown.is_empty()) {
        (None, _) => {
            msg!(parts; "summary-control-recorded", "vastgelegd — {parts}"; parts = Parts::list(shown, "; "))
        }
        (Some(_), true) => no_change(),
        (Some(_), false) => {
            msg!(parts; "summary-control-changed", "gewijzigd — {parts}"; parts = Parts::list(shown, "; "))
        }
    }
}

#[derive(Deserialize)]
struct MooreView {
    partner: String,
    statement: MooreStatement,
}

fn moore_changes(before: Option<MooreView>, after: MooreView, names: Names) -> Option<Message> {
    let b = before.map(|b| b.statement);
    let a = &after.statement;
    let elements: [(Message, bool); 5] = [
        (
            msg!("summary-moore-public-value", "publieke waarde"),
            b.as_ref().is_none_or(|b| b.public_value != a.public_value),
        ),
        (
            msg!("summary-moore-mandate", "mandaat"),
            b.as_ref().is_none_or(|b| b.mandate != a.mandate),
        ),
        (
            msg!("summary-moore-support", "steun"),
            b.as_ref().is_none_or(|b| b.support != a.support),
        ),
        (
            msg!("summary-moore-fte", "FTE"),
            b.as_ref().is_none_or(|b| b.fte != a.fte),
        ),
        (
            msg!("summary-moore-processes", "processen"),
            b.as_ref().is_none_or(|b| b.processes != a.processes),
        ),
    ];
    let changed: Vec<Message> = elements.into_iter().filter(|(_, c)| *c).map(|(n, _)| n).collect();
    let partner = names(&after.partner);
    Some(match (b.is_some(), changed.is_empty()) {
        (false, _) => msg!(
            "summary-moore-recorded",
            "oordeel van {partner} vastgelegd",
            partner = partner
        ),
        (true, true) => msg!(
            "summary-moore-unchanged",
            "oordeel van {partner}: geen inhoudelijke wijziging",
            partner = partner
        ),
        (true, false) => msg!(parts;
            "summary-moore-changed",
            "oordeel van {partner} gewijzigd: {elements}",
            partner = partner;
            elements = Parts::list(changed, ", ")
        ),
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

impl MembershipView {
    fn text(&self, names: Names) -> Message {
        msg!(parts;
            "summary-membership",
            "{role} bij {organisation}",
            organisation = names(&self.organisation);
            role = Parts::from(self.role.label()).lowercase()
        )
    }
}

#[derive(Deserialize)]
struct UserView {
    email: String,
    name: String,
    memberships: Vec<MembershipView>,
}

impl UserView {
    fn text(&self, names: Names) -> Message {
        let roles = list(self.memberships.iter().map(|m| m.text(names)).collect());
        msg!(parts;
            "summary-user-created",
            "{name} <{email}>, rollen: {roles}",
            name = self.name,
            email = self.email;
            roles = roles
        )
    }
}

fn purpose_label(purpose: &str) -> Message {
    match purpose {
        "api" => msg!("summary-purpose-api", "API-sleutel"),
        "invitation" => msg!("summary-purpose-invitation", "uitnodiging"),
        other => Message::plain(other),
    }
}

#[derive(Deserialize)]
struct TokenView {
    token_id: i64,
    purpose: String,
    expires_at: Option<DateTime<Utc>>,
}

impl TokenView {
    fn text(&self) -> Message {
        let until = self.expires_at.map_or_else(
            || msg!("summary-token-open-ended", "zonder einddatum"),
            |at| {
                msg!(
                    "summary-token-until",
                    "geldig tot {date}",
                    date = date(at.date_naive())
                )
            },
        );
        msg!(parts;
            "summary-token-created",
            "{purpose} {id} ({until})",
            id = self.token_id;
            purpose = purpose_label(&self.purpose),
            until = until
        )
    }
}

#[derive(Deserialize)]
struct TokensRevokedView {
    purpose: String,
    revoked: u64,
}

impl TokensRevokedView {
    fn text(&self) -> Message {
        msg!(parts;
            "summary-tokens-revoked",
            "{count} × {purpose} ingetrokken",
            count = self.revoked;
            purpose = purpose_label(&self.purpose)
        )
    }
}

#[derive(Deserialize)]
struct LoginView {
    address: String,
    reason: Option<String>,
}

impl LoginView {
    fn text(&self) -> Message {
        let reason = self.reason.as_deref().map_or_else(
            || msg!("summary-unknown-reason", "onbekende reden"),
            Message::plain,
        );
        msg!(parts;
            "summary-login-refused",
            "vanaf {address}: {reason}",
            address = self.address;
            reason = reason
        )
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
    fn text(&self) -> Message {
        msg!(
            "summary-register-import",
            "{added} toegevoegd, {changed} gewijzigd, {unchanged} ongewijzigd, {organisations} organisaties bijgewerkt",
            added = self.added.len(),
            changed = self.changed.len(),
            unchanged = self.unchanged,
            organisations = self.organisations
        )
    }
}

#[derive(Deserialize)]
struct WaveView {
    key: String,
    title: String,
}

#[derive(Deserialize)]
struct CostImportView {
    file: CostFileView,
    report: CostReportView,
}

#[derive(Deserialize)]
struct CostFileView {
    file_name: String,
}

#[derive(Deserialize)]
struct CostReportView {
    added: u64,
    replaced: u64,
    unchanged: u64,
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
    fn text(&self) -> Message {
        msg!(
            "summary-attachment",
            "{name} ({media_type}, {size} bytes)",
            name = self.name,
            media_type = self.media_type,
            size = self.size
        )
    }
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;
