//! The signals of a collaboration: what needs the attention of whoever oversees many
//! collaborations (issue 13, point 5). Each signal comes from a rule elsewhere in the domain:
//!
//! - partners disagree (a spread of [`DISAGREEMENT_THRESHOLD`] or more on a dimension) and
//!   unmotivated deviations from the ideal type — [`crate::partnership::analyse`];
//! - partners that have not stated a stance (the ROB's first point: expectations made
//!   explicit);
//! - the Rijk does not speak with one voice (ROB 2021 §5.4.1; survey statement S05) —
//!   [`crate::partnership::rijk_divergences`];
//! - several ministries without one responsible minister (the same passage) —
//!   [`crate::control::assess`], finding `geen-minister-meerdere`;
//! - the periodic evaluation is overdue — [`DemocraticControl::evaluation_overdue`];
//! - a money rule that fails (a Regio Deal in which the Rijk pays more than half; a RES without
//!   the region's own money) — [`crate::money::summarise`].
//!
//! The signals are worked out when the collaboration changes and stored with it, so a list of
//! thousands does not analyse every collaboration per request. The one signal that depends on
//! the day, the overdue evaluation, is stored with its due date and counts only once that date
//! has passed ([`Signal::active_on`]).
//!
//! [`DISAGREEMENT_THRESHOLD`]: crate::partnership::DISAGREEMENT_THRESHOLD

use chrono::NaiveDate;
use serde::Serialize;

use crate::collaboration::CollaborationKind;
use crate::control::{DemocraticControl, PartnerLayers};
use crate::keyed::keyed_enum;
use crate::money::{Contribution, Payer, summarise};
use crate::org::{OrgCode, OrgType};
use crate::partnership::{Dimension, PartnerStance, Stance, analyse};
use crate::rules::Outcome;

#[cfg(test)]
mod tests;

keyed_enum!(
    /// What needs attention in a collaboration.
    SignalKind, "signaal", "signaal" {
        Onenigheid => "onenigheid", "Partners oneens";
        OngemotiveerdeAfwijking => "ongemotiveerde-afwijking", "Afwijking zonder motivering";
        ZonderStandpunt => "zonder-standpunt", "Partners zonder standpunt";
        RijkNietEenMond => "rijk-niet-een-mond", "Het Rijk spreekt niet met één mond";
        GeenMinister => "geen-minister", "Geen verantwoordelijke minister";
        EvaluatieAchterstallig => "evaluatie-achterstallig", "Evaluatie achterstallig";
        Geldregel => "geldregel", "Geldregel niet gehaald";
    }
);

/// One signal of one collaboration, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Signal {
    pub kind: SignalKind,
    /// How many: dimensions in disagreement, unmotivated deviations, partners without a
    /// stance, dimensions on which the Rijk diverges, ministries, failing money rules; 1 for
    /// the overdue evaluation.
    pub count: u32,
    /// For the evaluation: the day it was due; the signal counts from the day after.
    pub due_on: Option<NaiveDate>,
}

impl Signal {
    fn counted(kind: SignalKind, count: usize) -> Option<Self> {
        (count > 0).then(|| Signal {
            kind,
            count: u32::try_from(count).unwrap_or(u32::MAX),
            due_on: None,
        })
    }

    /// Whether the signal holds on `today`: always, except an evaluation not yet due.
    pub fn active_on(&self, today: NaiveDate) -> bool {
        self.due_on.is_none_or(|due| due < today)
    }
}

/// One partner as the signals need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalPartner {
    pub code: OrgCode,
    pub org_type: OrgType,
    /// The partner's current stance on the collaboration as a whole, if it stated one.
    pub stance: Option<Stance>,
}

/// What the signals of one collaboration are worked out from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalFacts {
    pub kind: CollaborationKind,
    pub partners: Vec<SignalPartner>,
    pub control: Option<DemocraticControl>,
    pub contributions: Vec<Contribution>,
}

/// The signals of a collaboration, in the order of [`SignalKind::ALL`]; the overdue
/// evaluation is included with its due date whatever the day (see [`Signal::active_on`]).
pub fn signals_of(facts: &SignalFacts) -> Vec<Signal> {
    let stated: Vec<PartnerStance> = facts
        .partners
        .iter()
        .filter_map(|p| {
            p.stance.as_ref().map(|stance| PartnerStance {
                code: p.code.clone(),
                name: p.code.to_string(),
                layer: p.org_type.layer(),
                stance: stance.clone(),
            })
        })
        .collect();
    let analysis = analyse(&stated);
    let layers = PartnerLayers::of(facts.partners.iter().map(|p| p.org_type));
    let control = facts.control.clone().unwrap_or_default();
    let without_minister = if layers.ministries >= 2 && control.responsible_minister.is_none() {
        layers.ministries
    } else {
        0
    };
    let payers: Vec<Payer> = facts
        .partners
        .iter()
        .map(|p| Payer {
            code: p.code.clone(),
            name: p.code.to_string(),
            layer: p.org_type.layer(),
        })
        .collect();
    let stated_dimension3: Vec<(String, u8)> = stated
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                s.stance.profile.get(Dimension::DecentraleMiddelen).value(),
            )
        })
        .collect();
    let money = summarise(facts.kind, &payers, &facts.contributions, &stated_dimension3);
    let failing_rules = money
        .checks
        .iter()
        .filter(|c| c.outcome == Outcome::VoldoetNiet)
        .count();
    let evaluation = control.next_evaluation.map(|due| Signal {
        kind: SignalKind::EvaluatieAchterstallig,
        count: 1,
        due_on: Some(due),
    });
    [
        Signal::counted(SignalKind::Onenigheid, analysis.disagreement_count),
        Signal::counted(
            SignalKind::OngemotiveerdeAfwijking,
            analysis.unmotivated_deviation_count,
        ),
        Signal::counted(SignalKind::ZonderStandpunt, facts.partners.len() - stated.len()),
        Signal::counted(SignalKind::RijkNietEenMond, analysis.rijk_divergences.len()),
        Signal::counted(SignalKind::GeenMinister, without_minister),
        evaluation,
        Signal::counted(SignalKind::Geldregel, failing_rules),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The signals that hold on `today`.
pub fn active_on(signals: &[Signal], today: NaiveDate) -> Vec<Signal> {
    signals.iter().copied().filter(|s| s.active_on(today)).collect()
}
