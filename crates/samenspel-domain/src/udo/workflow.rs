//! The life of a UDO dossier as a table on [`crate::transitions`] (issue 14, item 4):
//! concept → verkenning → toets → uitkomst → consultatie → vastgesteld → in werking →
//! evaluatie, with a way back from the outcome to the verkenning when the proposal must change,
//! and one way around the toets that is never quiet: into consultation without the UDO's
//! outcome, with the reason written down ([`UdoEvent::OpenConsultationWithoutUdo`]).
//!
//! A step is refused when the table has no row for it in the current state, when a guard of
//! its row does not hold (an outcome "onder voorwaarden" without conditions, a consultation
//! not planned or cut short, an entry into force before adoption, an evaluation before the
//! entry into force), or when a rule of the normenkader that gates the target state *voldoet
//! niet* ([`super::normenkader::GATES`]). The refusal lists everything missing at once: each
//! guard and each failing rule by its name. The rules are read from the normenkader's table,
//! so a new rule needs no change here.
//!
//! The UDO itself is evaluated a year after the policy comes into force (seed 002: "Over een
//! jaar zal ik de UDO samen met departementen en medeoverheden evalueren"; DOMAIN.md §6).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dossier::{ConsultationPlan, Dossier};
use super::normenkader::{self, Normenkader};
use crate::rules::RuleCheck;
use crate::transitions::{Guard, Named, Refusal, Transition, next};
use crate::{Message, messages::Parts, msg};

pub mod permissions;
mod steps;
pub use steps::{OutcomeInput, Step, StepInput, UdoEvent, UdoOutcome};

/// Where a dossier stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UdoState {
    Concept,
    Verkenning,
    Toets,
    Uitkomst,
    Consultatie,
    Vastgesteld,
    InWerking,
    Evaluatie,
}

impl UdoState {
    /// In the order a dossier passes them.
    pub const ALL: [UdoState; 8] = [
        UdoState::Concept,
        UdoState::Verkenning,
        UdoState::Toets,
        UdoState::Uitkomst,
        UdoState::Consultatie,
        UdoState::Vastgesteld,
        UdoState::InWerking,
        UdoState::Evaluatie,
    ];

    /// The place in [`UdoState::ALL`].
    pub fn rank(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(usize::MAX)
    }

    pub fn key(self) -> &'static str {
        match self {
            UdoState::Concept => "concept",
            UdoState::Verkenning => "verkenning",
            UdoState::Toets => "toets",
            UdoState::Uitkomst => "uitkomst",
            UdoState::Consultatie => "consultatie",
            UdoState::Vastgesteld => "vastgesteld",
            UdoState::InWerking => "in-werking",
            UdoState::Evaluatie => "evaluatie",
        }
    }
}

impl UdoState {
    /// The state's name as a label in the catalogues (`udo-state-{key}`).
    pub fn label(self) -> Message {
        let id = match self {
            UdoState::Concept => "udo-state-concept",
            UdoState::Verkenning => "udo-state-verkenning",
            UdoState::Toets => "udo-state-toets",
            UdoState::Uitkomst => "udo-state-uitkomst",
            UdoState::Consultatie => "udo-state-consultatie",
            UdoState::Vastgesteld => "udo-state-vastgesteld",
            UdoState::InWerking => "udo-state-in-werking",
            UdoState::Evaluatie => "udo-state-evaluatie",
        };
        Message::label(id, self.name_nl())
    }
}

impl Named for UdoState {
    fn name_nl(self) -> &'static str {
        match self {
            UdoState::Concept => "concept",
            UdoState::Verkenning => "verkenning",
            UdoState::Toets => "toets",
            UdoState::Uitkomst => "uitkomst",
            UdoState::Consultatie => "consultatie",
            UdoState::Vastgesteld => "vastgesteld",
            UdoState::InWerking => "in werking",
            UdoState::Evaluatie => "evaluatie",
        }
    }
}

/// What the workflow has recorded of a dossier beyond its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UdoProgress {
    pub state: UdoState,
    pub outcome: Option<UdoOutcome>,
    pub adopted_on: Option<NaiveDate>,
    pub in_force_on: Option<NaiveDate>,
    pub evaluated_on: Option<NaiveDate>,
    /// Why the dossier went into consultation without the UDO's outcome, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub udo_skipped: Option<String>,
}

impl UdoProgress {
    /// A new dossier.
    pub fn new() -> Self {
        Self {
            state: UdoState::Concept,
            outcome: None,
            adopted_on: None,
            in_force_on: None,
            evaluated_on: None,
            udo_skipped: None,
        }
    }

    /// When the UDO is to be evaluated: a year after the policy came into force.
    pub fn evaluation_due(&self) -> Option<NaiveDate> {
        self.in_force_on.and_then(evaluation_due)
    }

    /// In force, not evaluated, and the evaluation date has passed.
    pub fn evaluation_overdue(&self, today: NaiveDate) -> bool {
        self.state == UdoState::InWerking && self.evaluation_due().is_some_and(|due| today > due)
    }
}

impl Default for UdoProgress {
    fn default() -> Self {
        Self::new()
    }
}

/// A year after `in_force_on`.
pub fn evaluation_due(in_force_on: NaiveDate) -> Option<NaiveDate> {
    in_force_on.checked_add_months(Months::new(12))
}

/// What the guards look at: the step's own data and what the dossier and its progress hold.
pub struct StepFacts {
    /// The outcome being recorded, or the one recorded before.
    pub outcome: Option<UdoOutcome>,
    pub consultation: Option<ConsultationPlan>,
    /// The date the step carries (adoption, entry into force, evaluation).
    pub on: Option<NaiveDate>,
    pub adopted_on: Option<NaiveDate>,
    pub in_force_on: Option<NaiveDate>,
}

const CONDITIONS_NAMED: &str = "bij 'uitvoerbaar onder voorwaarden' de voorwaarden zijn genoemd";
const OUTCOME_FEASIBLE: &str = "de uitkomst 'uitvoerbaar' of 'uitvoerbaar onder voorwaarden' is";
const CONSULTATION_PLANNED: &str = "de consultatie met haar termijnen is gepland";
const CONSULTATION_OVER: &str = "de consultatietermijn voorbij is";
const AFTER_ADOPTION: &str = "de datum van inwerkingtreding niet voor de vaststelling ligt";
const AFTER_IN_FORCE: &str = "de evaluatie niet voor de inwerkingtreding ligt";

/// Each guard's text with its id in the message catalogues.
const GUARD_IDS: &[(&str, &str)] = &[
    (CONDITIONS_NAMED, "udo-missing-conditions"),
    (OUTCOME_FEASIBLE, "udo-missing-feasible-outcome"),
    (CONSULTATION_PLANNED, "udo-missing-consultation-plan"),
    (CONSULTATION_OVER, "udo-missing-consultation-over"),
    (AFTER_ADOPTION, "udo-missing-after-adoption"),
    (AFTER_IN_FORCE, "udo-missing-after-in-force"),
];

fn guard_message(missing: &'static str) -> Message {
    let id = GUARD_IDS
        .iter()
        .find(|(text, _)| *text == missing)
        .map_or(crate::messages::PLAIN, |(_, id)| id);
    Message::label(id, missing)
}

fn consultation_closes(f: &StepFacts) -> Option<NaiveDate> {
    let plan = f.consultation?;
    Some(plan.internet.map_or(plan.co_governments.closes, |i| {
        i.closes.max(plan.co_governments.closes)
    }))
}

use UdoEvent as Ev;
use UdoState as St;

/// Every way a dossier may go; anything else is refused.
pub const UDO_TRANSITIONS: &[Transition<UdoState, UdoEvent, StepFacts>] = &[
    Transition {
        from: St::Concept,
        event: Ev::StartVerkenning,
        to: St::Verkenning,
        guards: &[],
    },
    Transition {
        from: St::Verkenning,
        event: Ev::StartToets,
        to: St::Toets,
        guards: &[],
    },
    Transition {
        from: St::Toets,
        event: Ev::RecordOutcome,
        to: St::Uitkomst,
        guards: &[Guard {
            holds: |f| !matches!(&f.outcome, Some(UdoOutcome::OnderVoorwaarden(c)) if c.is_empty()),
            missing: CONDITIONS_NAMED,
        }],
    },
    Transition {
        from: St::Uitkomst,
        event: Ev::Revise,
        to: St::Verkenning,
        guards: &[],
    },
    Transition {
        from: St::Uitkomst,
        event: Ev::OpenConsultation,
        to: St::Consultatie,
        guards: &[
            Guard {
                holds: |f| f.outcome.as_ref().is_some_and(UdoOutcome::feasible),
                missing: OUTCOME_FEASIBLE,
            },
            Guard {
                holds: |f| f.consultation.is_some(),
                missing: CONSULTATION_PLANNED,
            },
        ],
    },
    // Skipping the UDO is a step of its own, with its reason (see `UdoEvent`); the rules of
    // the normenkader that gate the consultation still apply.
    Transition {
        from: St::Verkenning,
        event: Ev::OpenConsultationWithoutUdo,
        to: St::Consultatie,
        guards: &[Guard {
            holds: |f| f.consultation.is_some(),
            missing: CONSULTATION_PLANNED,
        }],
    },
    Transition {
        from: St::Toets,
        event: Ev::OpenConsultationWithoutUdo,
        to: St::Consultatie,
        guards: &[Guard {
            holds: |f| f.consultation.is_some(),
            missing: CONSULTATION_PLANNED,
        }],
    },
    Transition {
        from: St::Consultatie,
        event: Ev::Adopt,
        to: St::Vastgesteld,
        guards: &[Guard {
            holds: |f| matches!((f.on, consultation_closes(f)), (Some(on), Some(closes)) if on > closes),
            missing: CONSULTATION_OVER,
        }],
    },
    Transition {
        from: St::Vastgesteld,
        event: Ev::EnterIntoForce,
        to: St::InWerking,
        guards: &[Guard {
            holds: |f| matches!((f.on, f.adopted_on), (Some(on), Some(adopted)) if on >= adopted),
            missing: AFTER_ADOPTION,
        }],
    },
    Transition {
        from: St::InWerking,
        event: Ev::Evaluate,
        to: St::Evaluatie,
        guards: &[Guard {
            holds: |f| matches!((f.on, f.in_force_on), (Some(on), Some(in_force)) if on >= in_force),
            missing: AFTER_IN_FORCE,
        }],
    },
];

/// Why a step is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum StepRefusal {
    /// The step cannot be taken in this state.
    NotInState { state: UdoState, event: UdoEvent },
    /// What is missing: the guards that do not hold and the rules that *voldoen niet*.
    Missing {
        event: UdoEvent,
        guards: Vec<&'static str>,
        rules: Vec<RuleCheck>,
    },
}

impl StepRefusal {
    /// The names of everything missing, guards first, then rules.
    pub fn missing(&self) -> Vec<Message> {
        match self {
            StepRefusal::NotInState { .. } => Vec::new(),
            StepRefusal::Missing { guards, rules, .. } => guards
                .iter()
                .map(|g| guard_message(g))
                .chain(rules.iter().map(|r| r.rule.clone()))
                .collect(),
        }
    }

    /// The refusal for a person.
    pub fn message(&self) -> Message {
        match self {
            StepRefusal::NotInState { state, event } => msg!(parts;
                "udo-step-not-in-state",
                "De stap '{event}' kan niet als het dossier in de toestand '{state}' is.";
                event = Parts::from(event.label()).lowercase(),
                state = state.label()
            ),
            StepRefusal::Missing { event, .. } => msg!(parts;
                "udo-step-missing",
                "De stap '{event}' is geweigerd; er ontbreekt: {missing}. Er is niets veranderd.";
                event = Parts::from(event.label()).lowercase(),
                missing = Parts::list(self.missing(), "; ")
            ),
        }
    }
}

/// The progress after `step` under the current normenkader, or why it is refused (the dossier
/// and progress are unchanged).
pub fn take(dossier: &Dossier, progress: &UdoProgress, step: &Step) -> Result<UdoProgress, StepRefusal> {
    take_under(Normenkader::CURRENT, dossier, progress, step)
}

/// [`take`] under another table of rules (e.g. the official normenkader items).
pub fn take_under(
    kader: Normenkader,
    dossier: &Dossier,
    progress: &UdoProgress,
    step: &Step,
) -> Result<UdoProgress, StepRefusal> {
    let event = step.event();
    let facts = StepFacts {
        outcome: step.outcome().cloned().or_else(|| progress.outcome.clone()),
        consultation: dossier.consultation,
        on: step.date(),
        adopted_on: progress.adopted_on,
        in_force_on: progress.in_force_on,
    };
    let row = match next(UDO_TRANSITIONS, progress.state, event, &facts) {
        Err(Refusal::NotInState { state, event }) => return Err(StepRefusal::NotInState { state, event }),
        Ok(_) | Err(Refusal::Missing { .. }) => UDO_TRANSITIONS
            .iter()
            .find(|t| t.from == progress.state && t.event == event)
            .ok_or(StepRefusal::NotInState {
                state: progress.state,
                event,
            })?,
    };
    let guards: Vec<&'static str> = row
        .guards
        .iter()
        .filter(|g| !(g.holds)(&facts))
        .map(|g| g.missing)
        .collect();
    let rules = kader.failing_for(row.to, dossier);
    if !guards.is_empty() || !rules.is_empty() {
        return Err(StepRefusal::Missing { event, guards, rules });
    }
    Ok(step.record(progress, row.to))
}

/// The steps the table has from `state`, in the table's order (what a form may offer; the
/// guards and rules are judged when the step is taken).
pub fn events_from(state: UdoState) -> Vec<UdoEvent> {
    UDO_TRANSITIONS
        .iter()
        .filter(|t| t.from == state)
        .map(|t| t.event)
        .collect()
}

/// The rules that gate `state`, by key (for the page: what the next step will ask).
pub fn rules_gating(state: UdoState) -> Vec<&'static str> {
    normenkader::GATES
        .iter()
        .filter(|(_, g)| *g == state)
        .map(|(key, _)| *key)
        .collect()
}

#[cfg(test)]
mod tests;
