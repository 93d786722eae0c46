//! "Mijn gemeente in samenwerking": what one organisation's collaborations add up to — its
//! money per year and the decision and evaluation moments coming up. Pure functions over the
//! collaborations the reader may see.

use chrono::NaiveDate;
use serde::Serialize;

use crate::control::{DemocraticControl, ElectedBody, MomentKind};
use crate::keyed::keyed_enum;
use crate::money::{Cents, Contribution, best_known};

/// One year's money, the best-known figures summed (see [`best_known`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct YearAmount {
    pub year: i32,
    pub amount: Cents,
}

/// The best-known money per year, oldest year first; years without money are left out.
pub fn money_per_year(contributions: &[Contribution]) -> Vec<YearAmount> {
    let mut years: std::collections::BTreeMap<i32, Cents> = std::collections::BTreeMap::new();
    for c in best_known(contributions) {
        *years.entry(c.year).or_default() += c.amount;
    }
    years
        .into_iter()
        .filter(|(_, amount)| *amount > Cents::ZERO)
        .map(|(year, amount)| YearAmount { year, amount })
        .collect()
}

/// Sums several organisations' or collaborations' money per year into one series.
pub fn add_years(series: &[Vec<YearAmount>]) -> Vec<YearAmount> {
    let mut years: std::collections::BTreeMap<i32, Cents> = std::collections::BTreeMap::new();
    for y in series.iter().flatten() {
        *years.entry(y.year).or_default() += y.amount;
    }
    years
        .into_iter()
        .map(|(year, amount)| YearAmount { year, amount })
        .collect()
}

keyed_enum!(
    /// What happens at a moment in the overview.
    MomentType, "moment", "soort moment" {
        Kaderstelling => "kaderstelling", "Kaderstelling vooraf";
        Verantwoording => "verantwoording", "Verantwoording achteraf";
        Evaluatie => "evaluatie", "Periodieke evaluatie";
        Einde => "einde", "Einde van de looptijd (besluit over voortzetting)";
    }
);

/// A decision or evaluation moment of one collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Moment {
    pub date: NaiveDate,
    #[serde(rename = "type")]
    pub kind: MomentType,
    pub body: Option<ElectedBody>,
    pub description: Option<String>,
    /// Only an evaluation can be overdue: its date has passed and no later one is set.
    pub overdue: bool,
}

/// The moments of one collaboration from `today` on, by date: the kaderstelling and
/// verantwoording moments of its democratic control, its next periodic evaluation (also when
/// overdue, flagged), and the end of its term (when the partners decide whether to go on).
pub fn coming_moments(
    control: Option<&DemocraticControl>,
    end_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Moment> {
    let mut out = Vec::new();
    if let Some(control) = control {
        for m in control.moments.iter().filter(|m| m.date >= today) {
            out.push(Moment {
                date: m.date,
                kind: match m.kind {
                    MomentKind::Kaderstelling => MomentType::Kaderstelling,
                    MomentKind::Verantwoording => MomentType::Verantwoording,
                },
                body: Some(m.body),
                description: m.description.clone(),
                overdue: false,
            });
        }
        if let Some(date) = control.next_evaluation {
            out.push(Moment {
                date,
                kind: MomentType::Evaluatie,
                body: None,
                description: None,
                overdue: control.evaluation_overdue(today),
            });
        }
    }
    if let Some(end) = end_date.filter(|d| *d >= today) {
        out.push(Moment {
            date: end,
            kind: MomentType::Einde,
            body: None,
            description: None,
            overdue: false,
        });
    }
    out.sort_by_key(|m| (m.date, MomentType::ALL.iter().position(|k| *k == m.kind)));
    out
}

#[cfg(test)]
mod tests;
