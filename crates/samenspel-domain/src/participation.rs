//! How residents take part in a collaboration: links to its participation processes on the
//! platforms municipalities use (Decidim, CONSUL, OpenStad), its participation ordinance
//! (participatieverordening, Wet versterking participatie op decentraal niveau, Kamerstuk
//! 36210), whether a Right to Challenge (uitdaagrecht) applies, and for a gemeenschappelijke
//! regeling the participation agreements the regeling must contain since the Wgr change of
//! 1 July 2022 ([`PARTICIPATION_RULE`]).
//!
//! Samenspel stores links only: it never embeds or copies a platform's content. [`duty`] says
//! what the law asks of one collaboration; [`has_any`] whether anything is recorded.

use serde::{Deserialize, Serialize};

use crate::collaboration::{CollaborationKind, WgrForm};
use crate::keyed::keyed_enum;
use crate::text::{parse_line, parse_paragraphs};
use crate::wgr::Verification;
use crate::{Message, ValidationErrors, msg};

mod address;
#[cfg(test)]
mod tests;

pub use address::{MAX_ADDRESS_CHARS, WebAddress};

keyed_enum!(
    /// The platform a participation process runs on.
    Platform, "platform", "participatieplatform" {
        Decidim => "decidim", "Decidim";
        Consul => "consul", "CONSUL";
        OpenStad => "openstad", "OpenStad";
        Andere => "andere", "Ander platform";
    }
);

/// The most processes recorded for one collaboration.
pub const MAX_PROCESSES: usize = 20;

/// One participation process, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ParticipationProcess {
    pub platform: Platform,
    /// The process's public address on the platform (http or https).
    #[schema(value_type = String)]
    pub address: WebAddress,
    pub title: String,
}

/// How residents take part in one collaboration, valid by construction. The default is
/// "nothing recorded".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Participation {
    pub processes: Vec<ParticipationProcess>,
    /// The participation ordinance (participatieverordening) that applies.
    #[schema(value_type = Option<String>)]
    pub ordinance_url: Option<WebAddress>,
    /// Its identifier in the Centrale Voorziening Decentrale Regelgeving, e.g. `CVDR741103`.
    pub ordinance_cvdr: Option<String>,
    /// Whether a Right to Challenge (uitdaagrecht) applies; `None` when not recorded.
    pub right_to_challenge: Option<bool>,
    /// For a gemeenschappelijke regeling: the participation agreements in the regeling.
    pub agreements: Option<String>,
    /// … or where they can be read.
    #[schema(value_type = Option<String>)]
    pub agreements_url: Option<WebAddress>,
}

impl Participation {
    /// The ordinance's address: the one recorded, else its CVDR entry on
    /// lokaleregelgeving.overheid.nl.
    pub fn ordinance_link(&self) -> Option<String> {
        self.ordinance_url
            .as_ref()
            .map(|a| a.as_str().to_owned())
            .or_else(|| {
                self.ordinance_cvdr
                    .as_ref()
                    .map(|id| format!("https://lokaleregelgeving.overheid.nl/{id}"))
            })
    }
}

/// Whether anything at all is recorded (a process, an ordinance, the uitdaagrecht either way,
/// or agreements).
pub fn has_any(record: &Participation) -> bool {
    !record.processes.is_empty()
        || record.ordinance_url.is_some()
        || record.ordinance_cvdr.is_some()
        || record.right_to_challenge.is_some()
        || record.agreements.is_some()
        || record.agreements_url.is_some()
}

/// One process as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProcessInput {
    /// `decidim`, `consul`, `openstad` or `andere`.
    #[serde(default)]
    pub platform: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub title: String,
}

impl ProcessInput {
    fn is_blank(&self) -> bool {
        self.platform.trim().is_empty() && self.address.trim().is_empty() && self.title.trim().is_empty()
    }
}

/// A participation record as typed in; [`ParticipationInput::parse`] names every wrong field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ParticipationInput {
    #[serde(default)]
    pub processes: Vec<ProcessInput>,
    #[serde(default)]
    pub ordinance_url: String,
    #[serde(default)]
    pub ordinance_cvdr: String,
    /// `ja`, `nee` or empty (not recorded); JSON `true`/`false`/`null` are accepted too.
    #[serde(default, deserialize_with = "yes_no_text")]
    #[schema(schema_with = yes_no_schema)]
    pub right_to_challenge: String,
    #[serde(default)]
    pub agreements: String,
    #[serde(default)]
    pub agreements_url: String,
}

/// The schema of a yes/no field as [`yes_no_text`] reads it: text, a boolean or null.
fn yes_no_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    ObjectBuilder::new()
        .schema_type(SchemaType::Array(vec![Type::String, Type::Boolean, Type::Null]))
        .description(Some(
            "`ja`, `nee` or empty (not recorded); JSON `true`/`false`/`null` are accepted too.",
        ))
        .into()
}

/// Accepts a JSON boolean, null or text for the uitdaagrecht.
fn yes_no_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(t) => Ok(t),
        serde_json::Value::Bool(true) => Ok("ja".into()),
        serde_json::Value::Bool(false) => Ok("nee".into()),
        serde_json::Value::Null => Ok(String::new()),
        _ => Err(serde::de::Error::custom(
            "verwacht true, false, null of de tekst \"ja\" of \"nee\"",
        )),
    }
}

impl From<&Participation> for ParticipationInput {
    /// The record as it would be typed in again (to fill a form or write an export).
    fn from(record: &Participation) -> Self {
        ParticipationInput {
            processes: record
                .processes
                .iter()
                .map(|p| ProcessInput {
                    platform: p.platform.key().into(),
                    address: p.address.as_str().into(),
                    title: p.title.clone(),
                })
                .collect(),
            ordinance_url: record
                .ordinance_url
                .as_ref()
                .map(|a| a.as_str().into())
                .unwrap_or_default(),
            ordinance_cvdr: record.ordinance_cvdr.clone().unwrap_or_default(),
            right_to_challenge: yes_no_key(record.right_to_challenge).into(),
            agreements: record.agreements.clone().unwrap_or_default(),
            agreements_url: record
                .agreements_url
                .as_ref()
                .map(|a| a.as_str().into())
                .unwrap_or_default(),
        }
    }
}

/// `ja`, `nee` or the empty string.
pub fn yes_no_key(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "",
    }
}

/// Parses `ja`/`nee` (also `yes`/`no`, `true`/`false`); empty is "not recorded".
pub fn parse_yes_no(field: &str, raw: &str) -> Result<Option<bool>, ValidationErrors> {
    match raw.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "ja" | "yes" | "true" => Ok(Some(true)),
        "nee" | "no" | "false" => Ok(Some(false)),
        _ => Err(ValidationErrors::single(
            field,
            "invalid_yes_no",
            msg!(
                "error-participation-yes-no",
                "'{value}' is geen antwoord: kies ja, nee of laat het leeg.",
                value = raw.trim()
            ),
        )),
    }
}

/// Parses a CVDR identifier (`CVDR741103`, any case; a version suffix `/1` is dropped).
pub fn parse_cvdr(field: &str, raw: &str) -> Result<Option<String>, ValidationErrors> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let id = text.split('/').next().unwrap_or_default();
    let digits = id.get(4..).unwrap_or_default();
    let ok = id.len() > 4
        && id.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("cvdr"))
        && digits.len() <= 9
        && digits.chars().all(|c| c.is_ascii_digit())
        && text[id.len()..]
            .trim_start_matches('/')
            .chars()
            .all(|c| c.is_ascii_digit());
    if !ok {
        return Err(ValidationErrors::single(
            field,
            "invalid_cvdr",
            msg!(
                "error-participation-cvdr",
                "'{value}' is geen CVDR-nummer: schrijf bijvoorbeeld CVDR741103.",
                value = text
            ),
        ));
    }
    Ok(Some(format!("CVDR{digits}")))
}

impl ParticipationInput {
    pub fn parse(&self) -> Result<Participation, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut processes: Vec<ParticipationProcess> = Vec::new();
        let filled: Vec<(usize, &ProcessInput)> = self
            .processes
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_blank())
            .collect();
        if filled.len() > MAX_PROCESSES {
            errors.add(
                "processes",
                "too_many",
                msg!(
                    "error-participation-too-many",
                    "Leg ten hoogste {max} processen vast (nu {count}).",
                    max = MAX_PROCESSES,
                    count = filled.len()
                ),
            );
        }
        for (i, p) in filled {
            let field = |name: &str| format!("processes[{i}].{name}");
            let platform = errors.collect(Platform::parse_field(&field("platform"), &p.platform));
            let address = errors
                .collect(WebAddress::parse(&field("address"), &p.address, true))
                .flatten();
            let title = errors
                .collect(parse_line(&field("title"), &p.title, 200, true))
                .flatten();
            if let Some(address) = &address
                && processes.iter().any(|q| q.address == *address)
            {
                errors.add(
                    field("address"),
                    "duplicate",
                    msg!(
                        "error-participation-duplicate",
                        "Dit adres staat al bij een ander proces."
                    ),
                );
                continue;
            }
            if let (Some(platform), Some(address), Some(title)) = (platform, address, title) {
                processes.push(ParticipationProcess {
                    platform,
                    address,
                    title,
                });
            }
        }
        let ordinance_url = errors
            .collect(WebAddress::parse("ordinance_url", &self.ordinance_url, false))
            .flatten();
        let ordinance_cvdr = errors
            .collect(parse_cvdr("ordinance_cvdr", &self.ordinance_cvdr))
            .flatten();
        let right_to_challenge = errors
            .collect(parse_yes_no("right_to_challenge", &self.right_to_challenge))
            .flatten();
        let agreements = errors
            .collect(parse_paragraphs("agreements", &self.agreements, 4000, false))
            .flatten();
        let agreements_url = errors
            .collect(WebAddress::parse("agreements_url", &self.agreements_url, false))
            .flatten();
        errors.finish(|| Participation {
            processes,
            ordinance_url,
            ordinance_cvdr,
            right_to_challenge,
            agreements,
            agreements_url,
        })
    }
}

/// Refuses what does not fit the kind of collaboration: the participation agreements of a
/// regeling belong to a gemeenschappelijke regeling only.
pub fn check_kind(record: &Participation, kind: CollaborationKind) -> Result<(), ValidationErrors> {
    if kind == CollaborationKind::GemeenschappelijkeRegeling {
        return Ok(());
    }
    let mut errors = ValidationErrors::new();
    for (field, present) in [
        ("agreements", record.agreements.is_some()),
        ("agreements_url", record.agreements_url.is_some()),
    ] {
        if present {
            errors.add(
                field,
                "not_a_regeling",
                msg!(
                    "error-participation-agreements-not-gr",
                    "Participatieafspraken in de regeling horen alleen bij een gemeenschappelijke regeling."
                ),
            );
        }
    }
    errors.finish(|| ())
}

/// The Wgr rule on participation in a regeling with a body, with where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ParticipationRule {
    pub law: &'static str,
    pub bwb_id: &'static str,
    pub article: &'static str,
    pub lid: &'static str,
    /// In force since (ISO date).
    pub valid_from: &'static str,
    pub law_url: &'static str,
    /// The words the rule rests on, as published in the amendment that introduced them.
    pub excerpt: &'static str,
    pub verification: Verification,
    /// Where the wording and the article number were read.
    pub checked_at: &'static [&'static str],
    /// What was found, and what was not.
    pub found: &'static str,
}

/// Art. 10, seventh paragraph, Wgr (as amended by the Wet versterking democratische
/// legitimatie, Kamerstuk 35513, in force 1 July 2022).
pub const PARTICIPATION_RULE: ParticipationRule = ParticipationRule {
    law: "Wet gemeenschappelijke regelingen",
    bwb_id: "BWBR0003740",
    article: "10",
    lid: "7",
    valid_from: "2022-07-01",
    law_url: "https://wetten.overheid.nl/jci1.3:c:BWBR0003740&artikel=10&g=2022-07-01",
    excerpt: "Een regeling als bedoeld in het tweede lid houdt bepalingen in omtrent de wijze waarop \
              ingezetenen van de deelnemende gemeenten en belanghebbenden bij de voorbereiding, \
              uitvoering en evaluatie van beleid op grond van deze regeling betrokken worden.",
    verification: Verification::OnzeLezing,
    checked_at: &[
        "https://zoek.officielebekendmakingen.nl/kst-35513-10.html",
        "https://lokaleregelgeving.overheid.nl/CVDR741103/1",
    ],
    found: "De geconsolideerde wettekst van artikel 10 is niet gelezen. Het amendement-Bromet \
            (Kamerstuk 35513, nr. 10) voegt deze woorden als zevende en achtste lid in artikel 10 \
            in (inspraak volgens afdeling 3.4 Awb tenzij de regeling anders bepaalt); de \
            Participatieverordening SamenTwente 2025 (CVDR741103) is vastgesteld 'gelet op \
            artikel 10, lid 7 en 8, Wet gemeenschappelijke regelingen'. Dat de plicht ook geldt \
            voor een gemeenschappelijk orgaan of een bedrijfsvoeringsorganisatie en, via de \
            overeenkomstige artikelen, voor regelingen met provincies of waterschappen, is onze \
            lezing.",
};

impl ParticipationRule {
    /// `Wet gemeenschappelijke regelingen, artikel 10, lid 7 (BWBR0003740)`.
    pub fn citation(&self) -> Message {
        crate::rules::law_citation(self.law, self.article, Some(self.lid), self.bwb_id)
    }
}

/// What the law asks of one collaboration about how residents take part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "duty", rename_all = "kebab-case")]
pub enum Duty {
    /// A gemeenschappelijke regeling with a body: the regeling must say how residents and
    /// interested parties are involved in preparing, carrying out and evaluating its policy.
    RegelingMustArrange { rule: ParticipationRule },
    /// A gemeenschappelijke regeling whose form is not recorded: the duty holds if it sets up a
    /// body (openbaar lichaam, gemeenschappelijk orgaan, bedrijfsvoeringsorganisatie).
    DependsOnForm { rule: ParticipationRule },
    /// No statutory duty for the collaboration itself (another kind, or a regeling without a
    /// body); the partners' own participation ordinances apply to their own decisions.
    NoStatutoryDuty,
}

/// What the law asks of a collaboration of this kind and Wgr form.
pub fn duty(kind: CollaborationKind, form: Option<WgrForm>) -> Duty {
    if kind != CollaborationKind::GemeenschappelijkeRegeling {
        return Duty::NoStatutoryDuty;
    }
    match form {
        None => Duty::DependsOnForm {
            rule: PARTICIPATION_RULE,
        },
        Some(form) if crate::wgr::has_body(form) => Duty::RegelingMustArrange {
            rule: PARTICIPATION_RULE,
        },
        Some(_) => Duty::NoStatutoryDuty,
    }
}

impl Duty {
    /// The rule the duty rests on, when there is one.
    pub fn rule(&self) -> Option<&ParticipationRule> {
        match self {
            Duty::RegelingMustArrange { rule } | Duty::DependsOnForm { rule } => Some(rule),
            Duty::NoStatutoryDuty => None,
        }
    }

    /// The duty in one sentence.
    pub fn explanation(&self) -> Message {
        match self {
            Duty::RegelingMustArrange { .. } => msg!(
                "participation-duty-must-arrange",
                "De regeling moet bepalen hoe inwoners van de deelnemende gemeenten en belanghebbenden worden betrokken bij de voorbereiding, uitvoering en evaluatie van het beleid van de regeling."
            ),
            Duty::DependsOnForm { .. } => msg!(
                "participation-duty-depends-on-form",
                "Als deze regeling een openbaar lichaam, gemeenschappelijk orgaan of bedrijfsvoeringsorganisatie instelt, moet zij bepalen hoe inwoners en belanghebbenden worden betrokken; de Wgr-vorm is niet vastgelegd."
            ),
            Duty::NoStatutoryDuty => msg!(
                "participation-duty-none",
                "De wet legt deze samenwerking zelf geen participatieplicht op; de participatieverordeningen van de partners gelden voor hun eigen besluiten."
            ),
        }
    }
}

/// The change log's line for a change of the record (see `audit::summarise`).
pub fn summary(before: Option<&Participation>, after: &Participation) -> Message {
    use crate::messages::Parts;
    if before == Some(after) {
        return msg!("summary-no-change", "geen inhoudelijke wijziging");
    }
    if !has_any(after) {
        return msg!("summary-participation-cleared", "alles verwijderd");
    }
    let ordinance = if after.ordinance_link().is_some() {
        msg!(
            "summary-participation-ordinance",
            "participatieverordening vastgelegd"
        )
    } else {
        msg!(
            "summary-participation-no-ordinance",
            "geen participatieverordening"
        )
    };
    let challenge = match after.right_to_challenge {
        Some(true) => msg!("summary-participation-challenge-yes", "uitdaagrecht geldt"),
        Some(false) => msg!("summary-participation-challenge-no", "uitdaagrecht geldt niet"),
        None => msg!(
            "summary-participation-challenge-unknown",
            "uitdaagrecht niet vastgelegd"
        ),
    };
    let mut parts = vec![
        msg!(
            "summary-participation-processes",
            "{count} participatieproces(sen)",
            count = after.processes.len()
        ),
        ordinance,
        challenge,
    ];
    if after.agreements.is_some() || after.agreements_url.is_some() {
        parts.push(msg!(
            "summary-participation-agreements",
            "afspraken in de regeling vastgelegd"
        ));
    }
    let parts = Parts::list(parts, "; ");
    match before {
        None => msg!(parts; "summary-participation-recorded", "vastgelegd — {parts}"; parts = parts),
        Some(_) => msg!(parts; "summary-participation-changed", "gewijzigd — {parts}"; parts = parts),
    }
}
