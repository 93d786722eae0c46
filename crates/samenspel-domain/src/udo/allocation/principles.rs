//! The ROB's six principles for governing regions, as a checklist for a task that would lie
//! regionally. The ROB's letter to the Studiegroep Interbestuurlijke en Financiële Verhoudingen
//! (2025, seed 003, §3 "Decentrale overheden: toets de taaktoedeling") lists them, citing its
//! report *Droomland of niemandsland* (June 2021). Six are listed there; their words below are
//! the letter's.
//!
//! The person preparing the UDO answers each with ja or nee and a note. The congruence
//! principle gets a suggestion from the division's congruence figure ([`congruence_suggestion`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::DivisionFacts;
use crate::participation::parse_yes_no;
use crate::text::parse_paragraphs;
use crate::{Message, ValidationErrors, msg};

/// One principle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Principle {
    pub key: &'static str,
    /// The letter's words.
    pub text: &'static str,
}

/// The six principles, in the letter's order.
pub const ROB_PRINCIPLES: [Principle; 6] = [
    Principle {
        key: "inhoud-centraal",
        text: "Stel de inhoud centraal",
    },
    Principle {
        key: "democratisch-gelegitimeerd",
        text: "Zorg ervoor dat het bestuur democratisch is gelegitimeerd",
    },
    Principle {
        key: "regionale-autonomie",
        text: "Erken dat regio's een bepaalde mate van autonomie hebben",
    },
    Principle {
        key: "congruente-indeling",
        text: "Maak de regionale indeling meer congruent",
    },
    Principle {
        key: "ruimte-voor-verschillen",
        text: "Bied ruimte voor verschillen",
    },
    Principle {
        key: "passend-financieel-arrangement",
        text: "Zorg voor een passend financieel arrangement",
    },
];

/// Where the principles come from.
pub fn source() -> Message {
    msg!(
        "allocation-principles-source",
        "ROB (2025), brief aan de Studiegroep Interbestuurlijke en Financiële Verhoudingen, §3 Decentrale overheden: toets de taaktoedeling, naar ROB (2021), {report}",
        report = "Droomland of niemandsland. Uitgangspunten voor het besturen van regio's"
    )
}

/// One principle as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleAnswer {
    /// Whether the allocation meets the principle; `None` when not yet answered.
    pub met: Option<bool>,
    pub note: Option<String>,
}

/// One principle as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PrincipleAnswerInput {
    /// `ja`, `nee` or empty.
    #[serde(default)]
    pub met: String,
    #[serde(default)]
    pub note: String,
}

const MAX_NOTE_CHARS: usize = 2_000;

/// Parses answers by principle key; unknown keys and bad values are named
/// (`principles.<key>.met`, `principles.<key>.note`). A `nee` needs a note.
pub fn parse_answers(
    input: &BTreeMap<String, PrincipleAnswerInput>,
) -> Result<BTreeMap<&'static str, PrincipleAnswer>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut answers = BTreeMap::new();
    for (key, raw) in input {
        let Some(principle) = ROB_PRINCIPLES.iter().find(|p| p.key == key) else {
            errors.add(
                format!("principles.{key}"),
                "unknown_principle",
                msg!(
                    "error-allocation-unknown-principle",
                    "'{key}' is geen uitgangspunt van de ROB.",
                    key = key
                ),
            );
            continue;
        };
        let met_field = format!("principles.{key}.met");
        let note_field = format!("principles.{key}.note");
        let met = errors.collect(parse_yes_no(&met_field, &raw.met));
        let note = errors.collect(parse_paragraphs(&note_field, &raw.note, MAX_NOTE_CHARS, false));
        if let (Some(met), Some(note)) = (met, note) {
            if met == Some(false) && note.is_none() {
                errors.add(
                    note_field,
                    "required",
                    msg!(
                        "error-allocation-principle-note",
                        "Licht toe waarom dit uitgangspunt niet wordt gevolgd."
                    ),
                );
                continue;
            }
            answers.insert(principle.key, PrincipleAnswer { met, note });
        }
    }
    errors.finish(|| answers)
}

/// The principles not yet answered with ja or nee, in the letter's order.
pub fn open_principles(answers: &BTreeMap<&'static str, PrincipleAnswer>) -> Vec<&'static Principle> {
    ROB_PRINCIPLES
        .iter()
        .filter(|p| answers.get(p.key).is_none_or(|a| a.met.is_none()))
        .collect()
}

/// A suggestion for "Maak de regionale indeling meer congruent" from the division's figure:
/// `Some(true)` when at least half its regions coincide with other divisions, `Some(false)`
/// below that, `None` without a division.
pub fn congruence_suggestion(division: Option<&DivisionFacts>) -> Option<(bool, Message)> {
    division.map(|d| {
        let met = d.is_congruent();
        let message = if met {
            msg!(
                "allocation-congruent",
                "De indeling '{name}' valt voor {percent}% samen met andere indelingen.",
                name = d.name,
                percent = d.percent()
            )
        } else {
            msg!(
                "allocation-incongruent",
                "De indeling '{name}' valt maar voor {percent}% samen met andere indelingen; overweeg een indeling die meer samenvalt.",
                name = d.name,
                percent = d.percent()
            )
        };
        (met, message)
    })
}
