//! The steps of the workflow: each event, the data a step carries (the outcome with its
//! conditions, a date), and what taking it records.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{UdoProgress, UdoState};
use crate::text::parse_paragraphs;
use crate::transitions::Named;
use crate::{ValidationErrors, msg};

/// A step without its data, as the transition table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UdoEvent {
    StartVerkenning,
    StartToets,
    RecordOutcome,
    /// Back from the outcome to the verkenning, to change the proposal.
    Revise,
    OpenConsultation,
    /// Into consultation from the verkenning or the toets with no outcome of the toets: the
    /// UDO skipped, with the reason written down, shown on the dossier and counted on the
    /// dashboard, so that it is never skipped quietly.
    OpenConsultationWithoutUdo,
    Adopt,
    EnterIntoForce,
    Evaluate,
}

impl UdoEvent {
    pub const ALL: [UdoEvent; 9] = [
        UdoEvent::StartVerkenning,
        UdoEvent::StartToets,
        UdoEvent::RecordOutcome,
        UdoEvent::Revise,
        UdoEvent::OpenConsultation,
        UdoEvent::OpenConsultationWithoutUdo,
        UdoEvent::Adopt,
        UdoEvent::EnterIntoForce,
        UdoEvent::Evaluate,
    ];
}

impl Named for UdoEvent {
    fn name_nl(self) -> &'static str {
        match self {
            UdoEvent::StartVerkenning => "verkenning starten",
            UdoEvent::StartToets => "toets starten",
            UdoEvent::RecordOutcome => "uitkomst vastleggen",
            UdoEvent::Revise => "voorstel herzien",
            UdoEvent::OpenConsultation => "consultatie openen",
            UdoEvent::OpenConsultationWithoutUdo => "consultatie openen zonder UDO",
            UdoEvent::Adopt => "vaststellen",
            UdoEvent::EnterIntoForce => "in werking laten treden",
            UdoEvent::Evaluate => "evalueren",
        }
    }
}

/// The outcome of the toets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case", tag = "uitkomst", content = "voorwaarden")]
pub enum UdoOutcome {
    Uitvoerbaar,
    /// Feasible under these conditions (never empty once parsed).
    OnderVoorwaarden(Vec<String>),
    NietUitvoerbaar,
}

impl UdoOutcome {
    /// Feasible, with or without conditions.
    pub fn feasible(&self) -> bool {
        !matches!(self, UdoOutcome::NietUitvoerbaar)
    }

    pub fn key(&self) -> &'static str {
        match self {
            UdoOutcome::Uitvoerbaar => "uitvoerbaar",
            UdoOutcome::OnderVoorwaarden(_) => "uitvoerbaar-onder-voorwaarden",
            UdoOutcome::NietUitvoerbaar => "niet-uitvoerbaar",
        }
    }
}

/// The outcome as a form sends it: its key and the conditions, one per entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OutcomeInput {
    pub outcome: String,
    pub conditions: Vec<String>,
}

impl OutcomeInput {
    /// The outcome; "onder voorwaarden" without conditions, and conditions with another
    /// outcome, are refused naming `conditions`.
    pub fn parse(&self) -> Result<UdoOutcome, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let conditions: Vec<String> = self
            .conditions
            .iter()
            .enumerate()
            .filter_map(|(i, c)| e.collect(parse_paragraphs(&format!("conditions[{i}]"), c, 2_000, false)))
            .flatten()
            .collect();
        let outcome = match self.outcome.trim() {
            "uitvoerbaar" => Some(UdoOutcome::Uitvoerbaar),
            "uitvoerbaar-onder-voorwaarden" => Some(UdoOutcome::OnderVoorwaarden(conditions.clone())),
            "niet-uitvoerbaar" => Some(UdoOutcome::NietUitvoerbaar),
            other => {
                e.add(
                    "outcome",
                    "unknown_value",
                    msg!(
                        "error-udo-unknown-outcome",
                        "'{value}' is geen uitkomst; kies uit: uitvoerbaar, uitvoerbaar-onder-voorwaarden, niet-uitvoerbaar.",
                        value = other
                    ),
                );
                None
            }
        };
        match &outcome {
            Some(UdoOutcome::OnderVoorwaarden(c)) if c.is_empty() => e.add(
                "conditions",
                "required",
                msg!(
                    "error-udo-conditions-required",
                    "Noem de voorwaarden waaronder het voorstel uitvoerbaar is."
                ),
            ),
            Some(UdoOutcome::Uitvoerbaar | UdoOutcome::NietUitvoerbaar) if !conditions.is_empty() => e.add(
                "conditions",
                "not_allowed",
                msg!(
                    "error-udo-conditions-not-allowed",
                    "Voorwaarden horen alleen bij de uitkomst 'uitvoerbaar onder voorwaarden'."
                ),
            ),
            _ => {}
        }
        match outcome {
            Some(outcome) if e.is_empty() => Ok(outcome),
            _ => Err(e),
        }
    }
}

/// A step as a form or JSON sends it: the event's key, the outcome (for `record-outcome`), the
/// date (for `adopt`, `enter-into-force` and `evaluate`) and the reason (for
/// `open-consultation-without-udo`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepInput {
    /// `start-verkenning`, `start-toets`, `record-outcome`, `revise`, `open-consultation`,
    /// `open-consultation-without-udo`, `adopt`, `enter-into-force` or `evaluate`.
    pub event: String,
    pub outcome: OutcomeInput,
    /// `jjjj-mm-dd`.
    pub on: String,
    /// Why the UDO is skipped.
    pub reason: String,
}

/// The longest reason for skipping the UDO, in characters.
pub const REASON_MAX: usize = 2_000;

impl UdoEvent {
    /// The event's key, as [`StepInput::event`] takes it.
    pub fn key(self) -> &'static str {
        match self {
            UdoEvent::StartVerkenning => "start-verkenning",
            UdoEvent::StartToets => "start-toets",
            UdoEvent::RecordOutcome => "record-outcome",
            UdoEvent::Revise => "revise",
            UdoEvent::OpenConsultation => "open-consultation",
            UdoEvent::OpenConsultationWithoutUdo => "open-consultation-without-udo",
            UdoEvent::Adopt => "adopt",
            UdoEvent::EnterIntoForce => "enter-into-force",
            UdoEvent::Evaluate => "evaluate",
        }
    }
}

impl UdoEvent {
    /// The step carries a date (adopted, in force, evaluated on), as [`StepInput::parse`] asks.
    pub fn needs_date(self) -> bool {
        matches!(
            self,
            UdoEvent::Adopt | UdoEvent::EnterIntoForce | UdoEvent::Evaluate
        )
    }

    /// The step carries the outcome of the toets.
    pub fn needs_outcome(self) -> bool {
        self == UdoEvent::RecordOutcome
    }

    /// The step carries the reason the UDO is skipped.
    pub fn needs_reason(self) -> bool {
        self == UdoEvent::OpenConsultationWithoutUdo
    }

    /// The step's name as a label in the catalogues (`udo-step-{key}`), for messages shown in
    /// the page's language.
    pub fn label(self) -> crate::Message {
        let id = match self {
            UdoEvent::StartVerkenning => "udo-step-start-verkenning",
            UdoEvent::StartToets => "udo-step-start-toets",
            UdoEvent::RecordOutcome => "udo-step-record-outcome",
            UdoEvent::Revise => "udo-step-revise",
            UdoEvent::OpenConsultation => "udo-step-open-consultation",
            UdoEvent::OpenConsultationWithoutUdo => "udo-step-open-consultation-without-udo",
            UdoEvent::Adopt => "udo-step-adopt",
            UdoEvent::EnterIntoForce => "udo-step-enter-into-force",
            UdoEvent::Evaluate => "udo-step-evaluate",
        };
        crate::Message::label(id, self.name_nl())
    }
}

impl StepInput {
    /// The step, or every wrong field named (`event`, `outcome`, `conditions`, `on`, `reason`).
    pub fn parse(&self) -> Result<Step, ValidationErrors> {
        let Some(event) = UdoEvent::ALL.into_iter().find(|e| e.key() == self.event.trim()) else {
            return Err(ValidationErrors::single(
                "event",
                "unknown_value",
                msg!(
                    "error-udo-unknown-event",
                    "'{value}' is geen stap van een UDO-dossier.",
                    value = self.event.trim()
                ),
            ));
        };
        let date = || {
            crate::collaboration::parse_date("on", &self.on).and_then(|d| {
                d.ok_or_else(|| {
                    ValidationErrors::single(
                        "on",
                        "required",
                        msg!("error-udo-step-date-required", "Geef de datum van deze stap."),
                    )
                })
            })
        };
        Ok(match event {
            UdoEvent::StartVerkenning => Step::StartVerkenning,
            UdoEvent::StartToets => Step::StartToets,
            UdoEvent::RecordOutcome => Step::RecordOutcome(self.outcome.parse()?),
            UdoEvent::Revise => Step::Revise,
            UdoEvent::OpenConsultation => Step::OpenConsultation,
            UdoEvent::OpenConsultationWithoutUdo => Step::OpenConsultationWithoutUdo {
                reason: parse_paragraphs("reason", &self.reason, REASON_MAX, true)?.unwrap_or_default(),
            },
            UdoEvent::Adopt => Step::Adopt { on: date()? },
            UdoEvent::EnterIntoForce => Step::EnterIntoForce { on: date()? },
            UdoEvent::Evaluate => Step::Evaluate { on: date()? },
        })
    }
}

/// A step with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    StartVerkenning,
    StartToets,
    RecordOutcome(UdoOutcome),
    Revise,
    OpenConsultation,
    OpenConsultationWithoutUdo { reason: String },
    Adopt { on: NaiveDate },
    EnterIntoForce { on: NaiveDate },
    Evaluate { on: NaiveDate },
}

impl Step {
    pub fn event(&self) -> UdoEvent {
        match self {
            Step::StartVerkenning => UdoEvent::StartVerkenning,
            Step::StartToets => UdoEvent::StartToets,
            Step::RecordOutcome(_) => UdoEvent::RecordOutcome,
            Step::Revise => UdoEvent::Revise,
            Step::OpenConsultation => UdoEvent::OpenConsultation,
            Step::OpenConsultationWithoutUdo { .. } => UdoEvent::OpenConsultationWithoutUdo,
            Step::Adopt { .. } => UdoEvent::Adopt,
            Step::EnterIntoForce { .. } => UdoEvent::EnterIntoForce,
            Step::Evaluate { .. } => UdoEvent::Evaluate,
        }
    }

    pub fn outcome(&self) -> Option<&UdoOutcome> {
        match self {
            Step::RecordOutcome(outcome) => Some(outcome),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Step::Adopt { on } | Step::EnterIntoForce { on } | Step::Evaluate { on } => Some(*on),
            _ => None,
        }
    }

    /// The progress once this step is taken into `to`.
    pub(super) fn record(&self, progress: &UdoProgress, to: UdoState) -> UdoProgress {
        let mut next = progress.clone();
        next.state = to;
        match self {
            Step::RecordOutcome(outcome) => next.outcome = Some(outcome.clone()),
            Step::Revise => next.outcome = None,
            Step::OpenConsultationWithoutUdo { reason } => {
                next.outcome = None;
                next.udo_skipped = Some(reason.clone());
            }
            Step::Adopt { on } => next.adopted_on = Some(*on),
            Step::EnterIntoForce { on } => next.in_force_on = Some(*on),
            Step::Evaluate { on } => next.evaluated_on = Some(*on),
            Step::StartVerkenning | Step::StartToets | Step::OpenConsultation => {}
        }
        next
    }
}
