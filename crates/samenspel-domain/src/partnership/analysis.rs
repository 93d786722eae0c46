//! The analysis of the stated stances in one collaboration (and phase):
//!
//! - **deviations** of each partner from the ideal type, each marked motivated or not — the ROB
//!   allows deviating "for many good reasons" but asks that it be argued, so an unmotivated
//!   deviation is what gets flagged;
//! - **disagreement** per dimension between partners: when the highest and the lowest stated
//!   score differ by [`DISAGREEMENT_THRESHOLD`] or more, expectations are not aligned
//!   ("verwachtingen niet gelijk") — our reading of the ROB's point that irritation arises when
//!   stances differ;
//! - **distances** of each stance, and of the collaboration's mean profile, to the ideal type and
//!   to each reference profile, measured as the L1 distance in scale points (see
//!   [`Profile::distance`]); for the mean profile the same sum over fractional scores.

use serde::Serialize;

use super::{
    Dimension, IDEAL_TYPE, Profile, REFERENCE_PROFILES, RijkDivergence, Score, Stance, rijk_divergences,
};
use crate::org::{Layer, OrgCode};

/// How distances are measured, in words for the user.
pub const DISTANCE_MEASURE: &str = "Afstand = de som over de zes vragen van het verschil in schaalpunten (0 = gelijk, 24 = maximaal verschil); voor de samenwerking als geheel gemeten vanaf de gemiddelde score per vraag.";

/// A spread of this many scale points or more between partners is a disagreement.
pub const DISAGREEMENT_THRESHOLD: u8 = 2;

/// One partner's current stance, with the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerStance {
    pub code: OrgCode,
    pub name: String,
    /// The partner's layer of government: the Rijk's organisations are compared among
    /// themselves as well ([`super::rijk_divergences`]).
    pub layer: Layer,
    pub stance: Stance,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Analysis {
    pub partners: Vec<PartnerAnalysis>,
    pub dimensions: Vec<DimensionAnalysis>,
    /// Absent when no partner stated a stance.
    pub collaboration: Option<CollaborationProfile>,
    pub disagreement_count: usize,
    pub unmotivated_deviation_count: usize,
    /// The dimensions on which the Rijk's organisations stated stances 2 or more points apart:
    /// "het Rijk spreekt niet met één mond" (ROB 2021 §5.4.1; knelpuntenmonitor S05).
    pub rijk_divergences: Vec<RijkDivergence>,
    /// False when there is at least one such dimension.
    pub rijk_speaks_with_one_voice: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PartnerAnalysis {
    pub code: OrgCode,
    pub name: String,
    pub scores: Profile,
    pub deviations: Vec<Deviation>,
    pub distance_to_ideal: u32,
    pub distances: Vec<ProfileDistance>,
    /// The reference profile (other than the ideal type) this stance is closest to.
    pub nearest_reference: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Deviation {
    pub dimension: Dimension,
    pub score: Score,
    pub ideal: Score,
    /// score − ideal, in scale points.
    pub difference: i8,
    pub motivated: bool,
    pub motivation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ProfileDistance {
    pub profile: &'static str,
    pub distance: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DimensionAnalysis {
    pub dimension: Dimension,
    pub ideal: Score,
    pub scores: Vec<DimensionScore>,
    pub lowest: Option<Score>,
    pub highest: Option<Score>,
    pub spread: u8,
    /// True when `spread` ≥ [`DISAGREEMENT_THRESHOLD`]: "verwachtingen niet gelijk".
    pub disagreement: bool,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DimensionScore {
    pub code: OrgCode,
    pub name: String,
    pub score: Score,
    pub motivation: Option<String>,
}

/// The collaboration as a whole: the mean of the partners' scores per dimension.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CollaborationProfile {
    pub mean_scores: Vec<f64>,
    pub distance_to_ideal: f64,
    pub distances: Vec<ProfileDistance>,
    pub nearest_reference: &'static str,
}

pub fn analyse(stances: &[PartnerStance]) -> Analysis {
    let partners: Vec<PartnerAnalysis> = stances.iter().map(analyse_partner).collect();
    let dimensions: Vec<DimensionAnalysis> = Dimension::ALL
        .into_iter()
        .map(|d| analyse_dimension(d, stances))
        .collect();
    let collaboration = collaboration_profile(&dimensions);
    let rijk: Vec<OrgCode> = stances
        .iter()
        .filter(|s| s.layer == Layer::Rijk)
        .map(|s| s.code.clone())
        .collect();
    let rijk_divergences = rijk_divergences(&dimensions, &rijk);
    Analysis {
        rijk_speaks_with_one_voice: rijk_divergences.is_empty(),
        rijk_divergences,
        disagreement_count: dimensions.iter().filter(|d| d.disagreement).count(),
        unmotivated_deviation_count: partners
            .iter()
            .flat_map(|p| &p.deviations)
            .filter(|d| !d.motivated)
            .count(),
        partners,
        dimensions,
        collaboration,
    }
}

fn analyse_partner(partner: &PartnerStance) -> PartnerAnalysis {
    let profile = partner.stance.profile;
    let deviations = Dimension::ALL
        .into_iter()
        .filter_map(|d| {
            let score = profile.get(d);
            let ideal = IDEAL_TYPE.scores.get(d);
            (score != ideal).then(|| {
                let motivation = partner.stance.motivation(d).map(str::to_owned);
                Deviation {
                    dimension: d,
                    score,
                    ideal,
                    difference: signed_difference(score, ideal),
                    motivated: motivation.is_some(),
                    motivation,
                }
            })
        })
        .collect();
    let distances: Vec<ProfileDistance> = REFERENCE_PROFILES
        .iter()
        .map(|r| ProfileDistance {
            profile: r.key,
            distance: f64::from(profile.distance(&r.scores)),
        })
        .collect();
    PartnerAnalysis {
        code: partner.code.clone(),
        name: partner.name.clone(),
        scores: profile,
        deviations,
        distance_to_ideal: profile.distance(&IDEAL_TYPE.scores),
        nearest_reference: nearest_case(&distances),
        distances,
    }
}

fn signed_difference(score: Score, ideal: Score) -> i8 {
    // Both are 1..=5, so the difference fits in -4..=4.
    i8::try_from(i16::from(score.value()) - i16::from(ideal.value())).unwrap_or(0)
}

fn analyse_dimension(dimension: Dimension, stances: &[PartnerStance]) -> DimensionAnalysis {
    let scores: Vec<DimensionScore> = stances
        .iter()
        .map(|p| DimensionScore {
            code: p.code.clone(),
            name: p.name.clone(),
            score: p.stance.profile.get(dimension),
            motivation: p.stance.motivation(dimension).map(str::to_owned),
        })
        .collect();
    let lowest = scores.iter().map(|s| s.score).min();
    let highest = scores.iter().map(|s| s.score).max();
    let spread = match (lowest, highest) {
        (Some(lo), Some(hi)) => hi.value() - lo.value(),
        _ => 0,
    };
    let mean = (!scores.is_empty()).then(|| {
        let sum: u32 = scores.iter().map(|s| u32::from(s.score.value())).sum();
        f64::from(sum) / scores.len() as f64
    });
    DimensionAnalysis {
        dimension,
        ideal: IDEAL_TYPE.scores.get(dimension),
        scores,
        lowest,
        highest,
        spread,
        disagreement: spread >= DISAGREEMENT_THRESHOLD,
        mean,
    }
}

fn collaboration_profile(dimensions: &[DimensionAnalysis]) -> Option<CollaborationProfile> {
    let mean_scores: Vec<f64> = dimensions.iter().map(|d| d.mean).collect::<Option<_>>()?;
    let distance_to = |reference: &Profile| -> f64 {
        let sum: f64 = mean_scores
            .iter()
            .zip(reference.values())
            .map(|(mean, r)| (mean - f64::from(r)).abs())
            .sum();
        round2(sum)
    };
    let distances: Vec<ProfileDistance> = REFERENCE_PROFILES
        .iter()
        .map(|r| ProfileDistance {
            profile: r.key,
            distance: distance_to(&r.scores),
        })
        .collect();
    Some(CollaborationProfile {
        distance_to_ideal: distance_to(&IDEAL_TYPE.scores),
        nearest_reference: nearest_case(&distances),
        mean_scores: mean_scores.into_iter().map(round2).collect(),
        distances,
    })
}

/// The nearest of the three ROB cases (the ideal type is reported separately); ties go to the
/// case listed first.
fn nearest_case(distances: &[ProfileDistance]) -> &'static str {
    distances
        .iter()
        .filter(|d| d.profile != IDEAL_TYPE.key)
        .fold(None::<&ProfileDistance>, |best, d| match best {
            Some(b) if b.distance <= d.distance => Some(b),
            _ => Some(d),
        })
        .map_or(IDEAL_TYPE.key, |d| d.profile)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stance(code: &str, values: [u8; 6], motivated: &[Dimension]) -> PartnerStance {
        let mut motivations: [Option<String>; 6] = Default::default();
        for d in motivated {
            motivations[d.index()] = Some(format!("Omdat {}", d.label()));
        }
        PartnerStance {
            code: OrgCode::parse(code).unwrap(),
            name: format!("Organisatie {code}"),
            layer: Layer::Decentraal,
            stance: Stance {
                profile: Profile::from_values(values).unwrap(),
                motivations,
            },
        }
    }

    #[test]
    fn no_stances_means_no_collaboration_profile() {
        let analysis = analyse(&[]);
        assert!(analysis.collaboration.is_none());
        assert_eq!(analysis.disagreement_count, 0);
        assert!(
            analysis
                .dimensions
                .iter()
                .all(|d| !d.disagreement && d.spread == 0)
        );
    }

    #[test]
    fn the_ideal_type_has_no_deviations() {
        let analysis = analyse(&[stance("GM0363", [3, 1, 3, 3, 3, 1], &[])]);
        assert!(analysis.partners[0].deviations.is_empty());
        assert_eq!(analysis.partners[0].distance_to_ideal, 0);
        assert_eq!(analysis.unmotivated_deviation_count, 0);
    }

    #[test]
    fn a_deviation_without_motivation_is_flagged_and_with_one_it_is_not() {
        let analysis = analyse(&[stance(
            "MNRE1034",
            [3, 1, 3, 5, 3, 2],
            &[Dimension::EisenAanUitvoering],
        )]);
        let devs = &analysis.partners[0].deviations;
        assert_eq!(devs.len(), 2);
        assert_eq!(devs[0].dimension, Dimension::EisenAanUitvoering);
        assert_eq!(devs[0].difference, 2);
        assert!(devs[0].motivated);
        assert_eq!(devs[1].dimension, Dimension::VerantwoordingAanRijk);
        assert!(!devs[1].motivated);
        assert_eq!(analysis.unmotivated_deviation_count, 1);
    }

    #[test]
    fn a_spread_of_two_is_a_disagreement_naming_who_said_what() {
        let analysis = analyse(&[
            stance("MNRE1034", [3, 1, 3, 3, 3, 1], &[]),
            stance("GM0363", [3, 3, 3, 4, 3, 1], &[]),
        ]);
        let verplicht = &analysis.dimensions[Dimension::VerplichtKarakter.index()];
        assert!(verplicht.disagreement);
        assert_eq!(verplicht.spread, 2);
        let said: Vec<_> = verplicht
            .scores
            .iter()
            .map(|s| (s.code.as_str(), s.score.value()))
            .collect();
        assert_eq!(said, [("MNRE1034", 1), ("GM0363", 3)]);
        let eisen = &analysis.dimensions[Dimension::EisenAanUitvoering.index()];
        assert!(!eisen.disagreement, "a spread of 1 is not a disagreement");
        assert_eq!(analysis.disagreement_count, 1);
    }

    #[test]
    fn partners_stating_a_rob_case_are_nearest_to_it() {
        for reference in REFERENCE_PROFILES.iter().filter(|r| r.key != "ideaaltype") {
            let analysis = analyse(&[stance("PV27", reference.scores.values(), &[])]);
            assert_eq!(analysis.partners[0].nearest_reference, reference.key);
            let own = analysis.partners[0]
                .distances
                .iter()
                .find(|d| d.profile == reference.key)
                .unwrap();
            assert_eq!(own.distance, 0.0);
        }
    }

    #[test]
    fn collaboration_profile_is_the_mean_per_dimension() {
        let analysis = analyse(&[
            stance("MNRE1034", [5, 3, 2, 2, 4, 3], &[]),
            stance("GM0363", [5, 3, 2, 2, 4, 4], &[]),
        ]);
        let collab = analysis.collaboration.unwrap();
        assert_eq!(collab.mean_scores, [5.0, 3.0, 2.0, 2.0, 4.0, 3.5]);
        // |5-3|+|3-1|+|2-3|+|2-3|+|4-3|+|3.5-1| = 9.5
        assert_eq!(collab.distance_to_ideal, 9.5);
        assert_eq!(collab.nearest_reference, "res");
    }

    fn arb_stance() -> impl Strategy<Value = ([u8; 6], [bool; 6])> {
        (
            proptest::array::uniform6(1u8..=5),
            proptest::array::uniform6(any::<bool>()),
        )
    }

    proptest! {
        #[test]
        fn deviations_are_exactly_the_dimensions_off_ideal(
            partners in proptest::collection::vec(arb_stance(), 0..6)
        ) {
            let stances: Vec<PartnerStance> = partners.iter().enumerate().map(|(i, (values, motivated))| {
                let dims: Vec<Dimension> = Dimension::ALL.into_iter().filter(|d| motivated[d.index()]).collect();
                stance(&format!("GM{i:04}"), *values, &dims)
            }).collect();
            let analysis = analyse(&stances);
            let mut unmotivated = 0;
            for ((values, motivated), pa) in partners.iter().zip(&analysis.partners) {
                let ideal = IDEAL_TYPE.scores.values();
                let expected: Vec<Dimension> = Dimension::ALL.into_iter().filter(|d| values[d.index()] != ideal[d.index()]).collect();
                let got: Vec<Dimension> = pa.deviations.iter().map(|d| d.dimension).collect();
                prop_assert_eq!(got, expected);
                for dev in &pa.deviations {
                    prop_assert_eq!(dev.motivated, motivated[dev.dimension.index()]);
                    if !dev.motivated { unmotivated += 1; }
                }
            }
            prop_assert_eq!(analysis.unmotivated_deviation_count, unmotivated);
            for dim in &analysis.dimensions {
                let column: Vec<u8> = partners.iter().map(|(v, _)| v[dim.dimension.index()]).collect();
                let spread = column.iter().max().zip(column.iter().min()).map_or(0, |(hi, lo)| hi - lo);
                prop_assert_eq!(dim.spread, spread);
                prop_assert_eq!(dim.disagreement, spread >= 2);
            }
        }
    }
}
