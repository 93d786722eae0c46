//! How one group of municipalities (a collaboration's municipal partners, or a region of
//! another division) lies in one region: how many municipalities they share, what share of
//! the region that covers, and what share of the group lies inside the region.
//!
//! A collaboration lies *within* a region when all its municipalities are in it (its share
//! inside is 1); it *covers* the region fully when every municipality of the region takes
//! part (coverage 1). Veiligheidsregio Utrecht, the GR, does both for veiligheidsregio VR09.

use std::collections::BTreeSet;

use serde::Serialize;

/// The overlap of a group with a region (only where they share at least one municipality).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Overlap {
    /// Municipalities in both.
    pub common: usize,
    /// Municipalities of the region and of the group (each counted once).
    pub region_size: usize,
    pub group_size: usize,
    /// `common / region_size`: how much of the region the group covers.
    pub coverage: f64,
    /// `common / group_size`: how much of the group lies inside the region.
    pub inside: f64,
    /// `common / (region_size + group_size − common)`: 1 only when they are the same.
    pub jaccard: f64,
}

impl Overlap {
    /// Whether every municipality of the group lies in the region.
    pub fn within(&self) -> bool {
        self.common == self.group_size
    }

    /// Whether every municipality of the region takes part in the group.
    pub fn covers_all(&self) -> bool {
        self.common == self.region_size
    }
}

/// The overlap of `group` with `region` (duplicates counted once); `None` when they share no
/// municipality (an empty group or region shares none).
pub fn overlap<K: Ord>(region: &[K], group: &[K]) -> Option<Overlap> {
    let region: BTreeSet<&K> = region.iter().collect();
    let group: BTreeSet<&K> = group.iter().collect();
    let common = region.intersection(&group).count();
    if common == 0 {
        return None;
    }
    let ratio = |n: usize, d: usize| n as f64 / d as f64;
    Some(Overlap {
        common,
        region_size: region.len(),
        group_size: group.len(),
        coverage: ratio(common, region.len()),
        inside: ratio(common, group.len()),
        jaccard: ratio(common, region.len() + group.len() - common),
    })
}

/// The candidate that matches `region` best: the highest Jaccard index of the municipalities,
/// on a tie the first in the order given; `None` when no candidate shares a municipality.
pub fn best_match<'a, L, K: Ord>(region: &[K], candidates: &'a [(L, Vec<K>)]) -> Option<(&'a L, Overlap)> {
    let mut best: Option<(&L, Overlap)> = None;
    for (label, members) in candidates {
        if let Some(o) = overlap(region, members)
            && best.as_ref().is_none_or(|(_, b)| o.jaccard > b.jaccard)
        {
            best = Some((label, o));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shares_of_region_and_group() {
        // (region, group, expected (common, coverage, inside, within, covers all))
        type Row = (
            &'static [u32],
            &'static [u32],
            Option<(usize, f64, f64, bool, bool)>,
        );
        let table: [Row; 7] = [
            (&[1, 2, 3, 4], &[1, 2, 3, 4], Some((4, 1.0, 1.0, true, true))),
            (&[1, 2, 3, 4], &[1, 2], Some((2, 0.5, 1.0, true, false))),
            (&[1, 2], &[1, 2, 3, 4], Some((2, 1.0, 0.5, false, true))),
            (&[1, 2, 3, 4], &[4, 5, 6, 7], Some((1, 0.25, 0.25, false, false))),
            (&[1, 2, 3, 4], &[1, 1, 2], Some((2, 0.5, 1.0, true, false))),
            (&[1, 2], &[3], None),
            (&[1, 2], &[], None),
        ];
        for (region, group, expected) in table {
            let got =
                overlap(region, group).map(|o| (o.common, o.coverage, o.inside, o.within(), o.covers_all()));
            assert_eq!(got, expected, "{region:?} {group:?}");
        }
    }

    #[test]
    fn the_best_match_is_the_most_similar_region_first_on_a_tie() {
        let candidates = vec![
            ("A", vec![1, 2, 3, 4, 5, 6]),
            ("B", vec![1, 2, 3]),
            ("C", vec![3, 4, 5]),
            ("D", vec![9]),
        ];
        let (label, o) = best_match(&[1, 2, 3, 4], &candidates).unwrap();
        // A: 4/6, B: 3/4, C: 2/5.
        assert_eq!((*label, o.common), ("B", 3));
        assert!((o.jaccard - 0.75).abs() < 1e-12);
        let tie = vec![("X", vec![1]), ("Y", vec![2])];
        assert_eq!(best_match(&[1, 2], &tie).map(|(l, _)| *l), Some("X"));
        assert!(best_match(&[7], &candidates).is_none());
    }

    proptest! {
        #[test]
        fn shares_lie_between_zero_and_one_and_agree_with_the_counts(
            region in proptest::collection::vec(0u8..30, 0..20),
            group in proptest::collection::vec(0u8..30, 0..20),
        ) {
            match overlap(&region, &group) {
                None => prop_assert!(region.iter().all(|r| !group.contains(r))),
                Some(o) => {
                    prop_assert!(o.common <= o.region_size.min(o.group_size));
                    prop_assert!(o.coverage > 0.0 && o.coverage <= 1.0);
                    prop_assert!(o.inside > 0.0 && o.inside <= 1.0);
                    prop_assert!(o.jaccard <= o.coverage.min(o.inside));
                    prop_assert_eq!(o.within(), o.inside == 1.0);
                    prop_assert_eq!(o.covers_all(), o.coverage == 1.0);
                    let swapped = overlap(&group, &region).unwrap();
                    prop_assert_eq!((swapped.coverage, swapped.inside), (o.inside, o.coverage));
                }
            }
        }
    }
}
