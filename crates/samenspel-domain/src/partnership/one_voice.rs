//! Whether the Rijk speaks with one voice in a collaboration (issue 13, point 6).
//!
//! Sources: ROB (2021), *Rol nemen, ruimte geven*, §5.4.1 "Eén minister voor iedere grote
//! opgave" (the Rijk works as one on a task, with one responsible minister); the
//! knelpuntenmonitor's statement S05 "rijksoverheidsorganisaties [spreken] niet met één mond"
//! (ROB 2020: mean 3.26 for the Rijk, 3.31 for decentral governments; DOMAIN.md §5).
//!
//! Our reading (no source gives a number): two Rijk organisations whose stated scores on one
//! dimension differ by [`DISAGREEMENT_THRESHOLD`] scale points or more do not speak with one
//! voice on that dimension — the same threshold the analysis uses for partners in general.

use serde::Serialize;

use super::Dimension;
use super::analysis::{DISAGREEMENT_THRESHOLD, DimensionAnalysis, DimensionScore};
use crate::org::OrgCode;

/// A dimension on which the Rijk's own organisations stated stances too far apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RijkDivergence {
    pub dimension: Dimension,
    /// The highest minus the lowest score of the Rijk's organisations, in scale points.
    pub spread: u8,
    /// Who of the Rijk said what, lowest score first.
    pub scores: Vec<DimensionScore>,
}

/// The dimensions of `dimensions` on which the organisations of the Rijk among them (`rijk`,
/// their codes) differ by [`DISAGREEMENT_THRESHOLD`] or more. Empty with fewer than two Rijk
/// organisations that stated a stance.
pub fn rijk_divergences(dimensions: &[DimensionAnalysis], rijk: &[OrgCode]) -> Vec<RijkDivergence> {
    dimensions
        .iter()
        .filter_map(|d| {
            let mut scores: Vec<DimensionScore> = d
                .scores
                .iter()
                .filter(|s| rijk.contains(&s.code))
                .cloned()
                .collect();
            scores.sort_by_key(|s| (s.score, s.name.clone()));
            let spread = match (scores.first(), scores.last()) {
                (Some(low), Some(high)) => high.score.value() - low.score.value(),
                _ => 0,
            };
            (spread >= DISAGREEMENT_THRESHOLD).then_some(RijkDivergence {
                dimension: d.dimension,
                spread,
                scores,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{PartnerStance, Profile, Stance, analyse};
    use super::*;
    use crate::org::Layer;
    use proptest::prelude::*;

    fn partner(code: &str, layer: Layer, values: [u8; 6]) -> PartnerStance {
        PartnerStance {
            code: OrgCode::parse(code).unwrap(),
            name: format!("Organisatie {code}"),
            layer,
            stance: Stance {
                profile: Profile::from_values(values).unwrap(),
                motivations: Default::default(),
            },
        }
    }

    /// Rows: the scores of two ministries on the first dimension → whether the Rijk is divided.
    #[test]
    fn two_ministries_two_points_apart_do_not_speak_with_one_voice() {
        let rows: [(u8, u8, bool); 6] = [
            (3, 3, false),
            (3, 4, false),
            (2, 4, true),
            (5, 3, true),
            (1, 5, true),
            (4, 5, false),
        ];
        for (a, b, divided) in rows {
            let analysis = analyse(&[
                partner("MNRE1034", Layer::Rijk, [a, 3, 3, 3, 3, 3]),
                partner("MNRE1045", Layer::Rijk, [b, 3, 3, 3, 3, 3]),
            ]);
            assert_eq!(!analysis.rijk_divergences.is_empty(), divided, "{a} and {b}");
            assert_eq!(analysis.rijk_speaks_with_one_voice, !divided, "{a} and {b}");
        }
    }

    /// A divergence as the test reads it: the dimension, the spread, and who said what.
    type Said<'a> = (Dimension, u8, Vec<(&'a str, u8)>);

    #[test]
    fn the_divergence_names_who_said_what_lowest_first() {
        let analysis = analyse(&[
            partner("MNRE1045", Layer::Rijk, [5, 3, 3, 3, 3, 1]),
            partner("GM0344", Layer::Decentraal, [1, 1, 1, 1, 1, 1]),
            partner("MNRE1034", Layer::Rijk, [2, 3, 3, 3, 3, 4]),
        ]);
        let found: Vec<Said> = analysis
            .rijk_divergences
            .iter()
            .map(|d| {
                let who = d
                    .scores
                    .iter()
                    .map(|s| (s.code.as_str(), s.score.value()))
                    .collect();
                (d.dimension, d.spread, who)
            })
            .collect();
        assert_eq!(
            found,
            [
                (Dimension::ALL[0], 3, vec![("MNRE1034", 2), ("MNRE1045", 5)]),
                (Dimension::ALL[5], 3, vec![("MNRE1045", 1), ("MNRE1034", 4)]),
            ]
        );
    }

    #[test]
    fn a_decentral_partner_far_from_the_rijk_is_no_divided_rijk() {
        let analysis = analyse(&[
            partner("MNRE1034", Layer::Rijk, [1, 1, 1, 1, 1, 1]),
            partner("GM0344", Layer::Decentraal, [5, 5, 5, 5, 5, 5]),
            partner("PV26", Layer::Decentraal, [1, 1, 1, 1, 1, 1]),
        ]);
        assert!(analysis.rijk_divergences.is_empty());
        assert!(analysis.rijk_speaks_with_one_voice);
        assert_eq!(analysis.disagreement_count, 6, "the partners do disagree");
    }

    proptest! {
        /// Only Rijk organisations count, and a divergence is exactly a spread of two or more
        /// among them.
        #[test]
        fn a_divergence_is_a_spread_of_two_among_the_rijk(
            rijk in proptest::collection::vec(proptest::array::uniform6(1u8..=5), 0..4),
            others in proptest::collection::vec(proptest::array::uniform6(1u8..=5), 0..4),
        ) {
            let mut stances: Vec<PartnerStance> = rijk
                .iter()
                .enumerate()
                .map(|(i, v)| partner(&format!("MNRE10{i:02}"), Layer::Rijk, *v))
                .collect();
            stances.extend(others.iter().enumerate().map(|(i, v)| {
                partner(&format!("GM00{i:02}"), Layer::Decentraal, *v)
            }));
            let analysis = analyse(&stances);
            for (index, dimension) in Dimension::ALL.into_iter().enumerate() {
                let values: Vec<u8> = rijk.iter().map(|v| v[index]).collect();
                let spread = match (values.iter().min(), values.iter().max()) {
                    (Some(lo), Some(hi)) => hi - lo,
                    _ => 0,
                };
                let found = analysis.rijk_divergences.iter().find(|d| d.dimension == dimension);
                prop_assert_eq!(found.is_some(), spread >= 2);
                if let Some(d) = found {
                    prop_assert_eq!(d.spread, spread);
                    prop_assert!(d.scores.iter().all(|s| s.code.as_str().starts_with("MNRE")));
                }
            }
        }
    }
}
