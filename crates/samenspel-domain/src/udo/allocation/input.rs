//! The task for the allocation advice as a person types it in.

use serde::{Deserialize, Serialize};

use super::{DivisionFacts, PolicyFreedom, ProvinceScale, ScaleNeed, TaskFacts};
use crate::participation::parse_yes_no;
use crate::text::parse_paragraphs;
use crate::{ValidationErrors, msg};

/// The task as typed in; the province scale and the division's figures come from the
/// reference data and `crate::congruence`, not from the person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TaskInput {
    /// `vrij`, `wenselijk`, `dwingend` or `verplicht`.
    #[serde(default)]
    pub policy_freedom: String,
    /// `ja` or `nee`.
    #[serde(default)]
    pub municipalities_alone: String,
    /// The scale needed in inhabitants, or …
    #[serde(default)]
    pub need_inhabitants: String,
    /// … in municipalities (exactly one of the two).
    #[serde(default)]
    pub need_municipalities: String,
    #[serde(default)]
    pub justification: String,
}

/// A whole positive number as typed in (spaces and thousands dots allowed: `250.000`).
fn parse_count(field: &str, raw: &str) -> Result<Option<u64>, ValidationErrors> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<u64>() {
        Ok(n) if n > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(ValidationErrors::single(
            field,
            "invalid_number",
            msg!(
                "error-allocation-count",
                "'{value}' is geen geheel aantal groter dan nul.",
                value = raw.trim()
            ),
        )),
    }
}

impl TaskInput {
    /// The facts, or every wrong field named.
    pub fn parse(
        &self,
        province_scale: ProvinceScale,
        division: Option<DivisionFacts>,
    ) -> Result<TaskFacts, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let freedom = errors.collect(PolicyFreedom::parse_field("policy_freedom", &self.policy_freedom));
        let alone = match errors.collect(parse_yes_no("municipalities_alone", &self.municipalities_alone)) {
            Some(None) => {
                errors.add(
                    "municipalities_alone",
                    "required",
                    msg!("error-required", "Vul dit veld in."),
                );
                None
            }
            other => other.flatten(),
        };
        let inhabitants = errors.collect(parse_count("need_inhabitants", &self.need_inhabitants));
        let municipalities = errors.collect(parse_count("need_municipalities", &self.need_municipalities));
        let need = match (inhabitants, municipalities) {
            (Some(Some(n)), Some(None)) => Some(ScaleNeed::Inhabitants(n)),
            (Some(None), Some(Some(n))) => {
                u32::try_from(n).ok().map(ScaleNeed::Municipalities).or_else(|| {
                    errors.add(
                        "need_municipalities",
                        "invalid_number",
                        msg!(
                            "error-allocation-count",
                            "'{value}' is geen geheel aantal groter dan nul.",
                            value = self.need_municipalities.trim()
                        ),
                    );
                    None
                })
            }
            (Some(_), Some(_)) => {
                errors.add(
                    "need_inhabitants",
                    "one_scale",
                    msg!(
                        "error-allocation-one-scale",
                        "Geef de benodigde schaal in inwoners óf in gemeenten."
                    ),
                );
                None
            }
            _ => None,
        };
        let justification = errors.collect(parse_justification(&self.justification));
        match (freedom, alone, need, justification) {
            (Some(freedom), Some(municipalities_alone), Some(need), Some(justification))
                if errors.is_empty() =>
            {
                Ok(TaskFacts {
                    freedom,
                    municipalities_alone,
                    need,
                    province_scale,
                    division,
                    justification,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The longest justification, in characters.
pub const MAX_JUSTIFICATION_CHARS: usize = 5_000;

/// Reads a justification as typed in: trimmed, bounded, `None` when empty.
pub fn parse_justification(raw: &str) -> Result<Option<String>, ValidationErrors> {
    parse_paragraphs("justification", raw, MAX_JUSTIFICATION_CHARS, false)
}
