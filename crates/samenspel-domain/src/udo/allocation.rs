//! Task-allocation advice for a UDO: where should a new task lie, and why that layer?
//! The beleidskader decentraal bestuur asks that "duidelijk is waar verantwoordelijkheden en
//! bevoegdheden liggen en waarom voor één van de bestuurslagen gekozen is" (2022 letter,
//! seed 002), on the principle of the Code Interbestuurlijke Verhoudingen "decentraal wat kan,
//! centraal wat moet" (seed 001, bijlage II §5).
//!
//! From the task's facts ([`TaskFacts`]: its policy freedom, whether municipalities can carry
//! it out alone, the scale it needs, the regional division it would use with that division's
//! congruence figure) [`advise`] checks five options in order of preference — gemeente,
//! centrumgemeente, provincie, gedeconcentreerde rijksdienst, verplichte samenwerking — each a
//! row of [`rules::ALLOCATION_RULES`] with its source, giving *voldoet* (the option fits),
//! *voldoet niet* or *niet van toepassing* with the reason. The first that fits is the advice.
//! Mandatory cooperation fits only with a written justification, and [`choose`] refuses it
//! without one. The ROB's six principles for regional tasks are a checklist ([`principles`]).

mod input;
mod part;
pub mod principles;
pub mod rules;
#[cfg(test)]
mod tests;

pub use input::{MAX_JUSTIFICATION_CHARS, TaskInput, parse_justification};
pub use part::{AllocationInput, AllocationPart};

use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;
use crate::rules::{Outcome, RuleCheck};
use crate::{ValidationErrors, msg};

keyed_enum!(
    /// How much policy freedom a task leaves to the decentral government (ROB 2021, bijlage II
    /// §7: "van geheel vrij, wenselijk, dwingend tot verplicht").
    PolicyFreedom, "policy_freedom", "mate van beleidsvrijheid" {
        Vrij => "vrij", "Vrij";
        Wenselijk => "wenselijk", "Wenselijk";
        Dwingend => "dwingend", "Dwingend";
        Verplicht => "verplicht", "Verplicht";
    }
);

impl PolicyFreedom {
    /// Dwingend or verplicht: the task is "beperkt beleidsvrij" (our reading of the 2022
    /// letter's words for the two stricter degrees).
    pub fn is_limited(self) -> bool {
        matches!(self, PolicyFreedom::Dwingend | PolicyFreedom::Verplicht)
    }
}

keyed_enum!(
    /// Where a task can lie, in order of preference ("decentraal wat kan, centraal wat moet").
    AllocationLayer, "layer", "plaats van de taak" {
        Gemeente => "gemeente", "Gemeente";
        Centrumgemeente => "centrumgemeente", "Centrumgemeente (vrijwillige samenwerking)";
        Provincie => "provincie", "Provincie";
        Rijksdienst => "gedeconcentreerde-rijksdienst", "Gedeconcentreerde rijksdienst";
        VerplichteSamenwerking => "verplichte-samenwerking", "Verplichte samenwerking";
    }
);

/// The scale a task needs, per unit that carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScaleNeed {
    Inhabitants(u64),
    Municipalities(u32),
}

/// The size of the smallest province, which every province can match: a task whose scale fits
/// it can lie with every province or within every province's area. The app fills it from the
/// reference data (inhabitants and municipalities of the provinces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceScale {
    pub smallest_inhabitants: u64,
    pub smallest_municipalities: u32,
}

/// The regional division a task would use, with its congruence figure from
/// `crate::congruence`: the share (0–1) of the division's regions that coincide with other
/// divisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DivisionFacts {
    pub name: String,
    pub regions: u32,
    pub coinciding_share: f64,
}

/// Below this share of coinciding regions a division counts as incongruent (our choice: fewer
/// than half of its regions coincide with another division).
pub const CONGRUENT_SHARE: f64 = 0.5;

impl DivisionFacts {
    /// The facts, refusing a share that is not a number from 0 to 1
    /// (field `division.coinciding_share`).
    pub fn new(
        name: impl Into<String>,
        regions: u32,
        coinciding_share: f64,
    ) -> Result<Self, ValidationErrors> {
        if !(0.0..=1.0).contains(&coinciding_share) {
            return Err(ValidationErrors::single(
                "division.coinciding_share",
                "out_of_range",
                msg!(
                    "error-allocation-share",
                    "Het aandeel samenvallende regio's moet tussen 0 en 1 liggen (nu {value}).",
                    value = coinciding_share
                ),
            ));
        }
        Ok(Self {
            name: name.into(),
            regions,
            coinciding_share,
        })
    }

    pub fn is_congruent(&self) -> bool {
        self.coinciding_share >= CONGRUENT_SHARE
    }

    /// The share as a whole percentage, for messages.
    pub fn percent(&self) -> i64 {
        let share = if self.coinciding_share.is_finite() {
            self.coinciding_share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (share * 100.0).round() as i64
    }
}

/// What the advice looks at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskFacts {
    pub freedom: PolicyFreedom,
    /// Municipalities can carry the task out each on their own.
    pub municipalities_alone: bool,
    pub need: ScaleNeed,
    pub province_scale: ProvinceScale,
    pub division: Option<DivisionFacts>,
    /// The written justification for mandatory cooperation, if given.
    pub justification: Option<String>,
}

impl TaskFacts {
    /// The needed scale fits within the smallest province.
    pub fn within_a_province(&self) -> bool {
        match self.need {
            ScaleNeed::Inhabitants(n) => n <= self.province_scale.smallest_inhabitants,
            ScaleNeed::Municipalities(n) => n <= self.province_scale.smallest_municipalities,
        }
    }

    /// The needed scale in words: `250000 inwoners` or `12 gemeenten`.
    pub fn need_text(&self) -> String {
        match self.need {
            ScaleNeed::Inhabitants(n) => format!("{n} inwoners"),
            ScaleNeed::Municipalities(n) => format!("{n} gemeenten"),
        }
    }
}

/// One option of the advice: the layer and its rule checked against the facts.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct AllocationOption {
    pub layer: AllocationLayer,
    pub check: RuleCheck,
}

impl AllocationOption {
    pub fn fits(&self) -> bool {
        self.check.outcome == Outcome::Voldoet
    }
}

/// Every option in order of preference, each with its verdict and reason.
pub fn advise(facts: &TaskFacts) -> Vec<AllocationOption> {
    crate::rules::current(rules::ALLOCATION_RULES)
        .into_iter()
        .filter_map(|rule| {
            AllocationLayer::from_key(rule.key).map(|layer| AllocationOption {
                layer,
                check: rule.evaluate(facts),
            })
        })
        .collect()
}

/// The first option that fits, if any.
pub fn preferred(facts: &TaskFacts) -> Option<AllocationLayer> {
    advise(facts)
        .into_iter()
        .find(AllocationOption::fits)
        .map(|o| o.layer)
}

/// Records the choice of `layer` for the task: refused for mandatory cooperation without a
/// written justification (field `justification`), and for a layer whose rule does not fit
/// (field `layer`, with the rule's reason).
pub fn choose(facts: &TaskFacts, layer: AllocationLayer) -> Result<AllocationLayer, ValidationErrors> {
    if layer == AllocationLayer::VerplichteSamenwerking && facts.justification.is_none() {
        return Err(ValidationErrors::single(
            "justification",
            "required",
            msg!(
                "error-allocation-justification",
                "Verplichte samenwerking kan alleen met een schriftelijke motivering: welk doel zij dient en welke alternatieven er zijn."
            ),
        ));
    }
    match advise(facts).into_iter().find(|o| o.layer == layer) {
        Some(option) if option.fits() => Ok(layer),
        Some(option) => Err(ValidationErrors::single(
            "layer",
            "does_not_fit",
            msg!(parts;
                "error-allocation-does-not-fit",
                "{layer} past niet bij deze taak: {reason}";
                layer = layer.label(),
                reason = option.check.explanation
            ),
        )),
        None => Err(ValidationErrors::single(
            "layer",
            "unknown_value",
            msg!(
                "error-allocation-no-rule",
                "Voor deze plaats is geen regel vastgelegd."
            ),
        )),
    }
}
