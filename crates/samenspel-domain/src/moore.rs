//! Moore's public value triangle (ROB 2021, ch. 2): a collaboration succeeds only when the
//! public value it aims at, its legitimacy and support, and its operational capacity are in
//! order — "op het niveau van het samenwerkingsverband in orde, maar ook op het niveau van
//! elk van de deelnemende organisaties". Each partner states its own side; [`assess`] shows
//! per partner and for the whole which of the three elements is missing or thin.

use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;
use crate::messages::Parts;
use crate::money::Cents;
use crate::org::OrgCode;
use crate::text::parse_paragraphs;
use crate::{Message, ValidationErrors, msg};

keyed_enum!(
    /// The three elements of the triangle.
    Element, "element", "element van de driehoek" {
        PublicValue => "maatschappelijke-meerwaarde", "Maatschappelijke meerwaarde";
        Legitimacy => "legitimiteit-en-steun", "Legitimiteit en steun";
        Capacity => "operationele-capaciteit", "Operationele capaciteit";
    }
);

keyed_enum!(
    /// How much support a partner has among its own stakeholders (council, residents,
    /// companies) for taking part.
    Support, "support", "mate van steun" {
        Weinig => "weinig", "Weinig steun";
        Redelijk => "redelijk", "Redelijke steun";
        Breed => "breed", "Brede steun";
    }
);

keyed_enum!(
    /// How far an element is in order.
    Strength, "strength", "beoordeling" {
        Ontbreekt => "ontbreekt", "Ontbreekt";
        Dun => "dun", "Dun";
        OpOrde => "op-orde", "Op orde";
    }
);

/// People in full-time equivalents, kept in tenths (`2,5` FTE is 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Fte(pub u32);

/// The most FTE one partner can put into one collaboration.
pub const MAX_FTE_TENTHS: u32 = 100_000;

impl Fte {
    /// Parses `3`, `2,5` or `2.5` (at most one decimal, not negative, at most 10.000).
    pub fn parse(field: &str, raw: &str) -> Result<Option<Self>, ValidationErrors> {
        let text = raw.trim().replace(',', ".");
        if text.is_empty() {
            return Ok(None);
        }
        let invalid = || {
            ValidationErrors::single(
                field,
                "invalid_fte",
                crate::msg!(
                    "error-invalid-fte",
                    "'{value}' is geen aantal FTE: schrijf bijvoorbeeld 2 of 2,5 (hoogstens één decimaal, niet negatief).",
                    value = raw.trim()
                ),
            )
        };
        let (whole, tenth) = match text.split_once('.') {
            Some((w, t)) if t.len() == 1 => (w, t),
            Some(_) => return Err(invalid()),
            None => (text.as_str(), "0"),
        };
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !tenth.chars().all(|c| c.is_ascii_digit())
        {
            return Err(invalid());
        }
        let tenths = whole
            .parse::<u32>()
            .ok()
            .and_then(|w| w.checked_mul(10))
            .and_then(|w| w.checked_add(tenth.parse::<u32>().ok()?))
            .filter(|t| *t <= MAX_FTE_TENTHS)
            .ok_or_else(invalid)?;
        Ok(Some(Fte(tenths)))
    }

    /// Dutch notation: `2,5`.
    pub fn format_nl(self) -> String {
        format!("{},{}", self.0 / 10, self.0 % 10)
    }
}

/// One partner's own view of the three elements, valid by construction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MooreStatement {
    /// The public value this partner aims at, in its own words.
    pub public_value: Option<String>,
    /// Its mandate: the law, decision or agreement it takes part on.
    pub mandate: Option<String>,
    pub support: Option<Support>,
    /// People it puts in.
    pub fte: Option<Fte>,
    /// The processes and structures it has in place (steering, reporting, expertise).
    pub processes: Option<String>,
}

/// A statement as typed in; [`MooreInput::parse`] names every wrong field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MooreInput {
    #[serde(default)]
    pub public_value: String,
    #[serde(default)]
    pub mandate: String,
    /// `weinig`, `redelijk` or `breed`, or empty.
    #[serde(default)]
    pub support: String,
    /// FTE with at most one decimal: `"2,5"`, `"2.5"` or the number `2.5`.
    #[serde(default, deserialize_with = "text_or_number")]
    pub fte: String,
    #[serde(default)]
    pub processes: String,
}

/// Accepts a JSON string or number (an API client may send FTE either way).
fn text_or_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(t) => Ok(t),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Null => Ok(String::new()),
        _ => Err(serde::de::Error::custom(
            "verwacht een aantal FTE als getal of tekst, bijvoorbeeld 2.5 of \"2,5\"",
        )),
    }
}

impl MooreInput {
    pub fn parse(&self) -> Result<MooreStatement, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut text = |field: &str, raw: &str| {
            errors
                .collect(parse_paragraphs(field, raw, 2000, false))
                .flatten()
        };
        let public_value = text("public_value", &self.public_value);
        let mandate = text("mandate", &self.mandate);
        let processes = text("processes", &self.processes);
        let support = match self.support.trim() {
            "" => None,
            key => errors.collect(Support::parse_field("support", key)),
        };
        let fte = errors.collect(Fte::parse("fte", &self.fte)).flatten();
        errors.finish(|| MooreStatement {
            public_value,
            mandate,
            support,
            fte,
            processes,
        })
    }
}

/// What the assessment knows of one partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFacts {
    pub code: OrgCode,
    pub name: String,
    pub statement: Option<MooreStatement>,
    /// Its best-known money in the collaboration (from the money module).
    pub money: Cents,
}

/// One element judged, with the reasons when it is not in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ElementJudgement {
    pub element: Element,
    pub strength: Strength,
    /// What is missing or thin, in sentences in Dutch.
    #[schema(value_type = Vec<String>)]
    pub reasons: Vec<Message>,
}

/// The triangle of one partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PartnerTriangle {
    pub code: OrgCode,
    pub name: String,
    /// The partner's best-known money, as counted for its capacity.
    pub money: Cents,
    pub elements: Vec<ElementJudgement>,
}

/// The triangle of the collaboration and of each partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MooreAssessment {
    pub elements: Vec<ElementJudgement>,
    pub partners: Vec<PartnerTriangle>,
    /// Sum of the partners' FTE.
    pub total_fte: Fte,
    pub total_money: Cents,
}

/// Judges by how many of the parts are present: none → ontbreekt, all → op orde, else dun.
fn judge(element: Element, parts: Vec<(bool, Message)>) -> ElementJudgement {
    let present = parts.iter().filter(|(ok, _)| *ok).count();
    let strength = match present {
        0 => Strength::Ontbreekt,
        n if n == parts.len() => Strength::OpOrde,
        _ => Strength::Dun,
    };
    ElementJudgement {
        element,
        strength,
        reasons: parts
            .into_iter()
            .filter(|(ok, _)| !ok)
            .map(|(_, why)| why)
            .collect(),
    }
}

/// The rules, per partner:
/// - maatschappelijke meerwaarde: in its own words (present or missing; never thin);
/// - legitimiteit en steun: a mandate, and support that is at least "redelijk" — one of the two
///   makes it thin ("weinig steun" counts as not there);
/// - operationele capaciteit: people (FTE above zero), money (best-known above zero) and
///   processes — one or two of the three make it thin.
fn partner_triangle(p: &PartnerFacts) -> PartnerTriangle {
    let s = p.statement.clone().unwrap_or_default();
    let has = |t: &Option<String>| t.as_ref().is_some_and(|t| !t.is_empty());
    let public_value = judge(
        Element::PublicValue,
        vec![(
            has(&s.public_value),
            msg!(
                "moore-reason-no-public-value",
                "De eigen maatschappelijke meerwaarde is niet benoemd."
            ),
        )],
    );
    let legitimacy = judge(
        Element::Legitimacy,
        vec![
            (
                has(&s.mandate),
                msg!(
                    "moore-reason-no-mandate",
                    "Geen mandaat (wet, besluit of afspraak) vastgelegd."
                ),
            ),
            (
                matches!(s.support, Some(Support::Redelijk | Support::Breed)),
                if s.support == Some(Support::Weinig) {
                    msg!(
                        "moore-reason-little-support",
                        "Weinig steun bij de eigen belanghebbenden."
                    )
                } else {
                    msg!(
                        "moore-reason-support-unknown",
                        "De steun bij de eigen belanghebbenden is niet vastgelegd."
                    )
                },
            ),
        ],
    );
    let capacity = judge(
        Element::Capacity,
        vec![
            (
                s.fte.is_some_and(|f| f.0 > 0),
                msg!("moore-reason-no-fte", "Geen mensen (FTE) vastgelegd."),
            ),
            (
                p.money > Cents::ZERO,
                msg!("moore-reason-no-money", "Geen geld vastgelegd (zie Geld)."),
            ),
            (
                has(&s.processes),
                msg!(
                    "moore-reason-no-processes",
                    "Geen processen en structuren beschreven."
                ),
            ),
        ],
    );
    PartnerTriangle {
        code: p.code.clone(),
        name: p.name.clone(),
        money: p.money,
        elements: vec![public_value, legitimacy, capacity],
    }
}

/// `"{name}: {reasons}"`: what partner `t` lacks of element `i`, for the whole's judgement.
fn of_partner(t: &PartnerTriangle, i: usize) -> Message {
    let own = &t.elements[i].reasons;
    msg!(parts;
        "moore-reason-of-partner",
        "{name}: {reasons}",
        name = t.name;
        reasons = Parts::list(own.clone(), " ")
    )
}

/// For the whole: an element is in order when the collaboration has what it needs as a whole
/// and every partner has it in order; missing when no partner has any of it (and, for the
/// public value, there is no joint definition); thin otherwise, naming who lacks it. The
/// public value also needs the joint definition; legitimacy also needs an elected body that
/// controls the collaboration (see Democratische controle).
pub fn assess(
    joint_public_value: Option<&str>,
    elected_bodies: bool,
    partners: &[PartnerFacts],
) -> MooreAssessment {
    let triangles: Vec<PartnerTriangle> = partners.iter().map(partner_triangle).collect();
    let joint = joint_public_value.is_some_and(|t| !t.trim().is_empty());
    let elements = Element::ALL
        .iter()
        .enumerate()
        .map(|(i, element)| {
            let lacking: Vec<&PartnerTriangle> = triangles
                .iter()
                .filter(|t| t.elements[i].strength != Strength::OpOrde)
                .collect();
            let nobody = triangles
                .iter()
                .all(|t| t.elements[i].strength == Strength::Ontbreekt);
            // (the whole has its own part in order, the whole has any of it, the reason)
            let (whole_ok, whole_present, whole_reason) = match element {
                Element::PublicValue => (
                    joint,
                    joint,
                    Some(msg!(
                        "moore-reason-no-joint-definition",
                        "Er is geen gezamenlijke definitie van de maatschappelijke meerwaarde."
                    )),
                ),
                Element::Legitimacy => (
                    elected_bodies,
                    elected_bodies,
                    Some(msg!(
                        "moore-reason-no-elected-body",
                        "Er is geen gekozen orgaan vastgelegd dat de samenwerking controleert (zie Democratische controle)."
                    )),
                ),
                Element::Capacity => (true, false, None),
            };
            let mut reasons: Vec<Message> = Vec::new();
            if !whole_ok {
                reasons.extend(whole_reason);
            }
            if triangles.is_empty() {
                reasons.push(msg!(
                    "moore-reason-no-partners",
                    "De samenwerking heeft geen partners."
                ));
            }
            reasons.extend(lacking.iter().map(|t| of_partner(t, i)));
            let strength = if reasons.is_empty() {
                Strength::OpOrde
            } else if nobody && !whole_present {
                Strength::Ontbreekt
            } else {
                Strength::Dun
            };
            ElementJudgement {
                element: *element,
                strength,
                reasons,
            }
        })
        .collect();
    MooreAssessment {
        elements,
        total_fte: Fte(partners
            .iter()
            .filter_map(|p| p.statement.as_ref()?.fte)
            .map(|f| f.0)
            .sum()),
        total_money: partners.iter().map(|p| p.money).sum(),
        partners: triangles,
    }
}

pub mod triangle;

#[cfg(test)]
mod tests;
