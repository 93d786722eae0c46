//! Where Rijk and regions work together: the collaborations that ran in the period by type
//! and region, what needs attention in them (their signals, [`crate::signals`]), and the
//! partnership profiles the partners stated, read by [`crate::partnership::analyse`] against
//! the ROB's ideal type.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Count, Period};
use crate::collaboration::CollaborationKind;
use crate::partnership::{PartnerStance, analyse};
use crate::signals::{Signal, SignalKind};

/// How many regions the report names; the others are counted together.
pub const REGIONS_SHOWN: usize = 10;

/// One collaboration as the section needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollaborationFact {
    pub id: i64,
    pub kind: CollaborationKind,
    pub region: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Its stored signals (the overdue evaluation with its due date).
    pub signals: Vec<Signal>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CollaborationSection {
    /// Collaborations that ran on at least one day of the period.
    pub running: u64,
    /// Of those, the ones that started in the period, and the ones that ended in it.
    pub started: u64,
    pub ended: u64,
    /// Per type ([`CollaborationKind`] key), in the order of the types; types without any
    /// left out.
    pub by_kind: Vec<Count>,
    /// The [`REGIONS_SHOWN`] regions with the most collaborations, most first.
    pub by_region: Vec<Count>,
    pub other_regions: u64,
    pub without_region: u64,
    /// Per signal ([`SignalKind`] key) how many running collaborations have it on the day
    /// judged, in the order of the kinds; kinds without any left out.
    pub signals: Vec<Count>,
    pub with_any_signal: u64,
    pub profiles: ProfileFigures,
}

/// The partnership profiles of the running collaborations in which partners stated a stance.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProfileFigures {
    pub with_stances: u64,
    pub stances: u64,
    /// The mean over those collaborations of the distance of their mean profile to the ideal
    /// type, in scale points (0–24, two decimals).
    pub mean_distance_to_ideal: Option<f64>,
    /// Per reference profile, how many collaborations' mean profile is nearest to it.
    pub nearest_reference: Vec<Count>,
    /// Collaborations where partners disagree on at least one dimension.
    pub with_disagreement: u64,
    /// Collaborations with at least one deviation from the ideal type without a motivation.
    pub with_unmotivated_deviation: u64,
    /// Collaborations where the Rijk's organisations do not speak with one voice.
    pub rijk_not_one_voice: u64,
}

/// The current stance of each partner per collaboration, from stances given oldest first (a
/// later statement of the same partner replaces its earlier one).
pub fn current_stances(stated: Vec<(i64, PartnerStance)>) -> BTreeMap<i64, Vec<PartnerStance>> {
    let mut out: BTreeMap<i64, Vec<PartnerStance>> = BTreeMap::new();
    for (collaboration, stance) in stated {
        let partners = out.entry(collaboration).or_default();
        match partners.iter_mut().find(|p| p.code == stance.code) {
            Some(earlier) => *earlier = stance,
            None => partners.push(stance),
        }
    }
    out
}

/// The section over the collaborations in `facts` that ran in `period`; signals are judged
/// on `judged_on`; `stances` are the current stances per collaboration id.
pub fn collaboration_section(
    period: &Period,
    judged_on: NaiveDate,
    facts: &[CollaborationFact],
    stances: &BTreeMap<i64, Vec<PartnerStance>>,
) -> CollaborationSection {
    let running: Vec<&CollaborationFact> = facts.iter().filter(|f| period.overlaps(f.start, f.end)).collect();
    let mut kinds: HashMap<CollaborationKind, u64> = HashMap::new();
    let mut regions: HashMap<&str, u64> = HashMap::new();
    let mut signals: HashMap<SignalKind, u64> = HashMap::new();
    let mut section = CollaborationSection {
        running: running.len() as u64,
        ..CollaborationSection::default()
    };
    for fact in &running {
        section.started += u64::from(fact.start.is_some_and(|d| period.contains(d)));
        section.ended += u64::from(fact.end.is_some_and(|d| period.contains(d)));
        *kinds.entry(fact.kind).or_default() += 1;
        match fact.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(region) => *regions.entry(region).or_default() += 1,
            None => section.without_region += 1,
        }
        let mut any = false;
        for signal in fact.signals.iter().filter(|s| s.active_on(judged_on)) {
            *signals.entry(signal.kind).or_default() += 1;
            any = true;
        }
        section.with_any_signal += u64::from(any);
    }
    section.by_kind = CollaborationKind::ALL
        .iter()
        .filter_map(|k| kinds.get(k).map(|&count| counted(k.key(), count)))
        .collect();
    section.signals = SignalKind::ALL
        .iter()
        .filter_map(|k| signals.get(k).map(|&count| counted(k.key(), count)))
        .collect();
    let mut regions: Vec<(&str, u64)> = regions.into_iter().collect();
    regions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    section.other_regions = regions.iter().skip(REGIONS_SHOWN).map(|(_, n)| n).sum();
    section.by_region = regions
        .into_iter()
        .take(REGIONS_SHOWN)
        .map(|(region, count)| counted(region, count))
        .collect();
    section.profiles = profiles(running.iter().filter_map(|f| stances.get(&f.id)));
    section
}

fn counted(key: &str, count: u64) -> Count {
    Count {
        key: key.to_owned(),
        count,
    }
}

fn profiles<'a>(collaborations: impl Iterator<Item = &'a Vec<PartnerStance>>) -> ProfileFigures {
    let mut figures = ProfileFigures::default();
    let mut distances = Vec::new();
    let mut nearest: BTreeMap<&'static str, u64> = BTreeMap::new();
    for stated in collaborations.filter(|s| !s.is_empty()) {
        let analysis = analyse(stated);
        figures.with_stances += 1;
        figures.stances += stated.len() as u64;
        figures.with_disagreement += u64::from(analysis.disagreement_count > 0);
        figures.with_unmotivated_deviation += u64::from(analysis.unmotivated_deviation_count > 0);
        figures.rijk_not_one_voice += u64::from(!analysis.rijk_speaks_with_one_voice);
        if let Some(profile) = analysis.collaboration {
            distances.push(profile.distance_to_ideal);
            *nearest.entry(profile.nearest_reference).or_default() += 1;
        }
    }
    figures.mean_distance_to_ideal = (!distances.is_empty()).then(|| {
        let mean = distances.iter().sum::<f64>() / distances.len() as f64;
        (mean * 100.0).round() / 100.0
    });
    let mut nearest: Vec<Count> = nearest.into_iter().map(|(k, n)| counted(k, n)).collect();
    nearest.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    figures.nearest_reference = nearest;
    figures
}
