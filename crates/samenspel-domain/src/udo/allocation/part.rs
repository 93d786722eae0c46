//! The allocation advice as a part of a UDO dossier: the task as the ministry describes it,
//! the regional division it would use (named by its key; its congruence figure is computed by
//! the app, never typed in), the place the proposal chooses, and the answers to the ROB's six
//! principles. [`AllocationInput`] is what forms and JSON send; [`AllocationInput::parse`]
//! names every wrong field (`policy_freedom`, `principles.<key>.met`, …; the dossier puts
//! `allocation.` before them).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::principles::{PrincipleAnswer, PrincipleAnswerInput, parse_answers};
use super::{AllocationLayer, DivisionFacts, PolicyFreedom, ProvinceScale, ScaleNeed, TaskFacts, TaskInput};
use crate::text::parse_line;
use crate::{ValidationErrors, msg};

/// The allocation part as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AllocationInput {
    /// `vrij`, `wenselijk`, `dwingend` or `verplicht`.
    pub policy_freedom: String,
    /// `ja` or `nee`: municipalities can carry the task out each on their own.
    pub municipalities_alone: String,
    /// The scale needed per unit, in inhabitants, or …
    pub need_inhabitants: String,
    /// … in municipalities (exactly one of the two).
    pub need_municipalities: String,
    /// The key of the regional division the task would use (`jeugdzorgregio`, …), or empty.
    pub division: String,
    /// The place the proposal chooses (`gemeente`, …, `verplichte-samenwerking`), or empty.
    pub choice: String,
    /// Why mandatory cooperation: which aim it serves and which alternatives were weighed.
    pub justification: String,
    /// The answers to the ROB's principles by key: `met` is `ja`, `nee` or empty.
    pub principles: BTreeMap<String, PrincipleAnswerInput>,
}

/// The allocation part of a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationPart {
    pub freedom: PolicyFreedom,
    pub municipalities_alone: bool,
    pub need: ScaleNeed,
    pub justification: Option<String>,
    /// The key of the division, as sent (the app checks it names a division).
    pub division: Option<String>,
    pub choice: Option<AllocationLayer>,
    pub principles: BTreeMap<&'static str, PrincipleAnswer>,
}

/// A scale no task exceeds; used only to read the task's fields, whose parse does not depend
/// on it.
const ANY_SCALE: ProvinceScale = ProvinceScale {
    smallest_inhabitants: u64::MAX,
    smallest_municipalities: u32::MAX,
};

impl AllocationInput {
    /// The part, or every wrong field named.
    pub fn parse(&self) -> Result<AllocationPart, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let task = TaskInput {
            policy_freedom: self.policy_freedom.clone(),
            municipalities_alone: self.municipalities_alone.clone(),
            need_inhabitants: self.need_inhabitants.clone(),
            need_municipalities: self.need_municipalities.clone(),
            justification: self.justification.clone(),
        };
        let facts = e.collect(task.parse(ANY_SCALE, None));
        if self.need_inhabitants.trim().is_empty()
            && self.need_municipalities.trim().is_empty()
            && !e.errors.iter().any(|x| x.field == "need_inhabitants")
        {
            e.add(
                "need_inhabitants",
                "required",
                msg!(
                    "error-allocation-scale-required",
                    "Geef de schaal die de taak nodig heeft, in inwoners of in gemeenten."
                ),
            );
        }
        let division = e.collect(parse_line("division", &self.division, 100, false));
        let choice = match self.choice.trim() {
            "" => Some(None),
            raw => e.collect(AllocationLayer::parse_field("choice", raw)).map(Some),
        };
        let principles = e.collect(parse_answers(&self.principles));
        match (facts, division, choice, principles) {
            (Some(f), Some(division), Some(choice), Some(principles)) if e.is_empty() => Ok(AllocationPart {
                freedom: f.freedom,
                municipalities_alone: f.municipalities_alone,
                need: f.need,
                justification: f.justification,
                division,
                choice,
                principles,
            }),
            _ => Err(e),
        }
    }
}

impl AllocationPart {
    /// The facts the advice looks at, with the province scale from the reference data and the
    /// division's figures as the app computes them.
    pub fn facts(&self, province_scale: ProvinceScale, division: Option<DivisionFacts>) -> TaskFacts {
        TaskFacts {
            freedom: self.freedom,
            municipalities_alone: self.municipalities_alone,
            need: self.need,
            province_scale,
            division,
            justification: self.justification.clone(),
        }
    }

    /// Checks the choice against the facts ([`super::choose`]); a proposal that makes
    /// cooperation mandatory (`mandatory_cooperation`) needs the written justification even
    /// without a recorded choice. Field names as [`super::choose`] gives them.
    pub fn check(&self, facts: &TaskFacts, mandatory_cooperation: bool) -> Result<(), ValidationErrors> {
        let choice = match (self.choice, mandatory_cooperation) {
            (Some(layer), _) => layer,
            (None, true) => AllocationLayer::VerplichteSamenwerking,
            (None, false) => return Ok(()),
        };
        match super::choose(facts, choice) {
            Ok(_) => Ok(()),
            // Without a recorded choice only the justification is asked for; whether mandatory
            // cooperation fits is the advice's to say.
            Err(errors) if self.choice.is_none() && errors.errors.iter().all(|x| x.field == "layer") => {
                Ok(())
            }
            Err(mut errors) => {
                for x in &mut errors.errors {
                    if x.field == "layer" {
                        x.field = "choice".to_owned();
                    }
                }
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AllocationInput {
        AllocationInput {
            policy_freedom: "wenselijk".into(),
            municipalities_alone: "nee".into(),
            need_municipalities: "4".into(),
            division: "jeugdzorgregio".into(),
            ..AllocationInput::default()
        }
    }

    const SCALE: ProvinceScale = ProvinceScale {
        smallest_inhabitants: 390_000,
        smallest_municipalities: 6,
    };

    #[test]
    fn a_complete_part_parses() {
        let part = input().parse().unwrap();
        assert_eq!(part.need, ScaleNeed::Municipalities(4));
        assert_eq!(part.division.as_deref(), Some("jeugdzorgregio"));
        assert_eq!(part.choice, None);
        assert!(part.check(&part.facts(SCALE, None), false).is_ok());
    }

    #[test]
    fn every_wrong_field_is_named() {
        let bad = AllocationInput {
            policy_freedom: "soms".into(),
            municipalities_alone: "".into(),
            choice: "ergens".into(),
            principles: [("onbekend".to_owned(), PrincipleAnswerInput::default())].into(),
            ..AllocationInput::default()
        };
        let fields: Vec<String> = bad
            .parse()
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect();
        for f in [
            "policy_freedom",
            "municipalities_alone",
            "need_inhabitants",
            "choice",
            "principles.onbekend",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn mandatory_cooperation_needs_the_justification() {
        let chosen = AllocationInput {
            choice: "verplichte-samenwerking".into(),
            ..input()
        }
        .parse()
        .unwrap();
        let err = chosen.check(&chosen.facts(SCALE, None), false).unwrap_err();
        assert_eq!(err.errors[0].field, "justification");
        // The proposal makes cooperation mandatory without choosing it here: still asked for.
        let plain = input().parse().unwrap();
        let err = plain.check(&plain.facts(SCALE, None), true).unwrap_err();
        assert_eq!(err.errors[0].field, "justification");
        // With the justification, an unchosen mandatory cooperation passes.
        let justified = AllocationInput {
            justification: "Alleen samen haalbaar.".into(),
            ..input()
        }
        .parse()
        .unwrap();
        assert!(justified.check(&justified.facts(SCALE, None), true).is_ok());
    }

    #[test]
    fn a_choice_that_does_not_fit_names_the_choice() {
        let part = AllocationInput {
            choice: "gemeente".into(),
            ..input()
        }
        .parse()
        .unwrap();
        let err = part.check(&part.facts(SCALE, None), false).unwrap_err();
        assert_eq!(err.errors[0].field, "choice");
    }
}
