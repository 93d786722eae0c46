//! Reports of different periods side by side: the same headline figures taken from each, so
//! a reader sees what changed since the report before.

use super::{SCHEMA, StaatReport};

/// The headline figures, in the order the report shows them. Each key is also its label's
/// message id (`staat-headline-<key>`).
pub const KEYS: [&str; 11] = [
    "running",
    "with-signal",
    "distance-to-ideal",
    "rijk-not-one-voice",
    "respondents",
    "udo-dossiers",
    "udo-coverage",
    "consultation-on-time",
    "cosign",
    "tasks-flagged",
    "evaluations-overdue",
];

/// One headline figure of a report, beside the same figure of the report before.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Headline {
    pub key: &'static str,
    /// Absent where the report has no such figure (no wave closed, no dossier consulted).
    pub value: Option<f64>,
    pub previous: Option<f64>,
}

impl Headline {
    /// The change since the report before, when both have the figure.
    pub fn change(&self) -> Option<f64> {
        Some(((self.value? - self.previous?) * 100.0).round() / 100.0)
    }
}

/// The value of headline `key` in `report`.
pub fn value(report: &StaatReport, key: &str) -> Option<f64> {
    let count = |n: u64| Some(n as f64);
    let c = &report.collaboration;
    let total = &report.impulses.total;
    match key {
        "running" => count(c.running),
        "with-signal" => count(c.with_any_signal),
        "distance-to-ideal" => c.profiles.mean_distance_to_ideal,
        "rijk-not-one-voice" => count(c.profiles.rijk_not_one_voice),
        "respondents" => report.perception.wave.as_ref().map(|w| w.respondents as f64),
        "udo-dossiers" => Some(f64::from(total.dossiers)),
        "udo-coverage" => total.coverage_percent().map(f64::from),
        "consultation-on-time" => total.on_time_percent().map(f64::from),
        "cosign" => Some(f64::from(total.cosign)),
        "tasks-flagged" => count(report.money.flagged()),
        "evaluations-overdue" => count(report.control.evaluations_overdue),
        _ => None,
    }
}

/// The headlines of `report` beside those of `previous` (ignored when it was stored in
/// another shape, [`SCHEMA`]).
pub fn headlines(report: &StaatReport, previous: Option<&StaatReport>) -> Vec<Headline> {
    let previous = previous.filter(|p| p.schema == SCHEMA && report.schema == SCHEMA);
    KEYS.iter()
        .map(|key| Headline {
            key,
            value: value(report, key),
            previous: previous.and_then(|p| value(p, key)),
        })
        .collect()
}
