//! Regional congruence: how far two ways of grouping municipalities coincide (ROB; the 2019
//! letter asks that voluntary collaborations coincide as much as possible).
//!
//! A *grouping* is a list of groups of municipalities: the regions of a division (a partition:
//! every municipality in exactly one region), or the municipal partners of one or more
//! collaborations (groups may overlap, and need not cover every municipality).
//!
//! Two groupings are compared on the municipalities both cover (the *common* municipalities).
//! Two municipalities are *together* in a grouping when some group holds both. The measures:
//!
//! - **pair share A→B**: of the pairs together in A, the share also together in B (and B→A the
//!   other way round). 1 means: wherever A puts municipalities together, B does too.
//! - **Jaccard index of the pairs**: pairs together in both, divided by pairs together in
//!   either. Symmetric; 1 means the groupings put exactly the same pairs together.
//! - **adjusted Rand index** (Hubert & Arabie 1985): the agreement of two partitions on all
//!   pairs (together in both or apart in both), corrected for chance; 1 is identical, about 0
//!   is what random partitions with the same region sizes give, negative is worse than chance.
//!   Defined only when both groupings are partitions of the common municipalities (no
//!   municipality in two groups); otherwise absent.
//!
//! A measure whose denominator is zero (e.g. no pair together in A) is absent, not 0 or 1.

mod coinciding;
pub use coinciding::{coinciding_region, region_text};
mod overlap;
pub use overlap::{Overlap, best_match, overlap};

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

/// The congruence of two groupings; see the module documentation for the measures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Congruence {
    /// Municipalities covered by both groupings.
    pub common: usize,
    /// Pairs of common municipalities together in A, in B, and in both.
    pub pairs_a: u64,
    pub pairs_b: u64,
    pub pairs_both: u64,
    pub share_a_in_b: Option<f64>,
    pub share_b_in_a: Option<f64>,
    pub jaccard: Option<f64>,
    pub adjusted_rand: Option<f64>,
}

/// Compares two groupings of municipalities (any key type, e.g. GM codes).
pub fn congruence<K: Ord + std::hash::Hash + Clone>(a: &[Vec<K>], b: &[Vec<K>]) -> Congruence {
    let covered = |groups: &[Vec<K>]| -> HashSet<K> { groups.iter().flatten().cloned().collect() };
    let (in_a, in_b) = (covered(a), covered(b));
    let mut common: Vec<K> = in_a.intersection(&in_b).cloned().collect();
    common.sort();
    let index: HashMap<&K, u32> = common.iter().zip(0u32..).collect();
    let restrict = |groups: &[Vec<K>]| -> Vec<Vec<u32>> {
        groups
            .iter()
            .map(|g| {
                let mut members: Vec<u32> = g.iter().filter_map(|k| index.get(k).copied()).collect();
                members.sort_unstable();
                members.dedup();
                members
            })
            .filter(|g| !g.is_empty())
            .collect()
    };
    let (ga, gb) = (restrict(a), restrict(b));
    let (pa, pb) = (together(&ga), together(&gb));
    let both = pa.intersection(&pb).count() as u64;
    let (pairs_a, pairs_b) = (pa.len() as u64, pb.len() as u64);
    let either = pairs_a + pairs_b - both;
    Congruence {
        common: common.len(),
        pairs_a,
        pairs_b,
        pairs_both: both,
        share_a_in_b: ratio(both, pairs_a),
        share_b_in_a: ratio(both, pairs_b),
        jaccard: ratio(both, either),
        adjusted_rand: adjusted_rand(&ga, &gb, common.len()),
    }
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Every pair (i < j) that some group holds together.
fn together(groups: &[Vec<u32>]) -> HashSet<(u32, u32)> {
    let mut pairs = HashSet::new();
    for g in groups {
        for (n, &i) in g.iter().enumerate() {
            for &j in &g[n + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    pairs
}

fn choose2(n: u64) -> f64 {
    (n * n.saturating_sub(1)) as f64 / 2.0
}

/// The group of every element when the groups partition `0..n`; `None` when an element is in
/// two groups or in none.
fn partition_labels(groups: &[Vec<u32>], n: usize) -> Option<Vec<usize>> {
    let mut label = vec![usize::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            let slot = label.get_mut(m as usize)?;
            if *slot != usize::MAX {
                return None;
            }
            *slot = g;
        }
    }
    label.iter().all(|&l| l != usize::MAX).then_some(label)
}

fn adjusted_rand(a: &[Vec<u32>], b: &[Vec<u32>], n: usize) -> Option<f64> {
    if n < 2 {
        return None;
    }
    let (la, lb) = (partition_labels(a, n)?, partition_labels(b, n)?);
    let mut cells: HashMap<(usize, usize), u64> = HashMap::new();
    for (x, y) in la.iter().zip(&lb) {
        *cells.entry((*x, *y)).or_default() += 1;
    }
    let sizes = |groups: &[Vec<u32>]| groups.iter().map(|g| choose2(g.len() as u64)).sum::<f64>();
    let index: f64 = cells.values().map(|&c| choose2(c)).sum();
    let (sum_a, sum_b) = (sizes(a), sizes(b));
    let expected = sum_a * sum_b / choose2(n as u64);
    let max = (sum_a + sum_b) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        // Only when both partitions are all-singletons or both one group: identical.
        return Some(1.0);
    }
    Some((index - expected) / (max - expected))
}

/// Per municipality, the number of distinct partner sets it deals with: over all groups that
/// hold it, the distinct sets of *other* municipalities in those groups (a group holding only
/// the municipality itself is no partner set). Two groups that hold a municipality leave the
/// same others exactly when they have the same members, so its count is the number of distinct
/// member sets of two or more that hold it: each distinct group is counted once per member,
/// whatever its size (21,000 collaborations of up to 342 members each in milliseconds).
///
/// Each group becomes the sorted vector of its members without repeats, so equal member sets
/// are equal vectors; sorted, the repeats of a set lie side by side and are dropped. With small
/// keys (the app passes municipality indices, not codes) this is a few sorts of small vectors
/// instead of a set of sets.
pub fn distinct_partner_sets<K: Ord + Clone>(groups: &[Vec<K>]) -> BTreeMap<K, usize> {
    let mut distinct: Vec<Vec<&K>> = groups
        .iter()
        .map(|g| {
            let mut members: Vec<&K> = g.iter().collect();
            members.sort_unstable();
            members.dedup();
            members
        })
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut counts: BTreeMap<K, usize> = BTreeMap::new();
    for members in &distinct {
        let partners = usize::from(members.len() > 1);
        for m in members {
            *counts.entry((*m).clone()).or_default() += partners;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use proptest::prelude::*;

    fn groups(spec: &[&[u32]]) -> Vec<Vec<u32>> {
        spec.iter().map(|g| g.to_vec()).collect()
    }

    #[test]
    fn identical_partitions_agree_completely() {
        let a = groups(&[&[1, 2, 3], &[4, 5], &[6]]);
        let c = congruence(&a, &a);
        assert_eq!((c.common, c.pairs_a, c.pairs_both), (6, 4, 4));
        assert_eq!(c.share_a_in_b, Some(1.0));
        assert_eq!(c.jaccard, Some(1.0));
        assert_eq!(c.adjusted_rand, Some(1.0));
    }

    #[test]
    fn a_worked_example_matches_the_hand_computation() {
        // A = {1,2,3},{4,5,6}; B = {1,2},{3,4},{5,6}.
        let a = groups(&[&[1, 2, 3], &[4, 5, 6]]);
        let b = groups(&[&[1, 2], &[3, 4], &[5, 6]]);
        let c = congruence(&a, &b);
        assert_eq!((c.pairs_a, c.pairs_b, c.pairs_both), (6, 3, 2));
        assert_eq!(c.share_a_in_b, Some(2.0 / 6.0));
        assert_eq!(c.share_b_in_a, Some(2.0 / 3.0));
        assert_eq!(c.jaccard, Some(2.0 / 7.0));
        // index 2, expected 6*3/15 = 1.2, max 4.5: (2 - 1.2) / (4.5 - 1.2).
        let ari = c.adjusted_rand.unwrap();
        assert!((ari - 0.8 / 3.3).abs() < 1e-12, "{ari}");
    }

    #[test]
    fn a_partition_that_splits_every_region_scores_below_chance() {
        let a = groups(&[&[1, 2], &[3, 4]]);
        let b = groups(&[&[1, 3], &[2, 4]]);
        let c = congruence(&a, &b);
        assert_eq!(c.pairs_both, 0);
        assert_eq!(c.share_a_in_b, Some(0.0));
        assert!(c.adjusted_rand.unwrap() < 0.0);
    }

    #[test]
    fn only_the_common_municipalities_count() {
        // A covers 1..4, one collaboration B covers 3,4,9: common {3,4}.
        let a = groups(&[&[1, 2], &[3, 4]]);
        let b = groups(&[&[3, 4, 9]]);
        let c = congruence(&a, &b);
        assert_eq!(c.common, 2);
        assert_eq!((c.pairs_a, c.pairs_b, c.pairs_both), (1, 1, 1));
        assert_eq!(c.share_b_in_a, Some(1.0));
    }

    #[test]
    fn overlapping_groups_have_pair_measures_but_no_rand_index() {
        let a = groups(&[&[1, 2, 3], &[3, 4]]);
        let b = groups(&[&[1, 2], &[3, 4]]);
        let c = congruence(&a, &b);
        assert_eq!(c.adjusted_rand, None);
        assert_eq!(c.share_b_in_a, Some(1.0));
        assert_eq!((c.pairs_a, c.pairs_both), (4, 2));
    }

    #[test]
    fn without_pairs_the_measures_are_absent_not_zero() {
        let a = groups(&[&[1], &[2]]);
        let b = groups(&[&[1], &[2]]);
        let c = congruence(&a, &b);
        assert_eq!((c.share_a_in_b, c.jaccard), (None, None));
        assert_eq!(c.adjusted_rand, Some(1.0), "identical all-singleton partitions");
        let disjoint = congruence(&groups(&[&[1, 2]]), &groups(&[&[3, 4]]));
        assert_eq!(disjoint.common, 0);
        assert_eq!(disjoint.adjusted_rand, None);
    }

    #[test]
    fn distinct_partner_sets_count_each_constellation_once() {
        let g = groups(&[&[1, 2, 3], &[1, 2, 3], &[1, 2], &[1], &[2, 4]]);
        let counts = distinct_partner_sets(&g);
        assert_eq!(counts[&1], 2, "{{2,3}} and {{2}}");
        assert_eq!(counts[&2], 3, "{{1,3}}, {{1}} and {{4}}");
        assert_eq!(counts[&4], 1);
        assert_eq!(counts[&3], 1);
    }

    /// A random partition of `0..n` into at most `k` groups.
    fn partition() -> impl Strategy<Value = Vec<Vec<u32>>> {
        (2usize..40, 1usize..8).prop_flat_map(|(n, k)| {
            proptest::collection::vec(0..k, n).prop_map(move |labels| {
                let mut groups = vec![Vec::new(); k];
                for (i, l) in labels.into_iter().enumerate() {
                    groups[l].push(i as u32);
                }
                groups.retain(|g| !g.is_empty());
                groups
            })
        })
    }

    /// The definition written out: per member, the distinct sets of the others.
    fn partner_sets_by_definition(groups: &[Vec<u32>]) -> BTreeMap<u32, usize> {
        let mut sets: BTreeMap<u32, BTreeSet<BTreeSet<u32>>> = BTreeMap::new();
        for group in groups {
            let members: BTreeSet<u32> = group.iter().copied().collect();
            for m in &members {
                let others: BTreeSet<u32> = members.iter().copied().filter(|o| o != m).collect();
                let entry = sets.entry(*m).or_default();
                if !others.is_empty() {
                    entry.insert(others);
                }
            }
        }
        sets.into_iter().map(|(k, s)| (k, s.len())).collect()
    }

    /// The first implementation, kept as the straightforward reference: a set of member sets.
    fn partner_sets_by_set_of_sets<K: Ord + Clone>(groups: &[Vec<K>]) -> BTreeMap<K, usize> {
        let distinct: BTreeSet<BTreeSet<&K>> = groups.iter().map(|g| g.iter().collect()).collect();
        let mut counts: BTreeMap<K, usize> = BTreeMap::new();
        for members in &distinct {
            let partners = usize::from(members.len() > 1);
            for m in members {
                *counts.entry((*m).clone()).or_default() += partners;
            }
        }
        counts
    }

    proptest! {
        #[test]
        fn sorted_vectors_count_as_the_set_of_sets(
            groups in proptest::collection::vec(proptest::collection::vec(0u16..40, 0..12), 0..200)
        ) {
            prop_assert_eq!(distinct_partner_sets(&groups), partner_sets_by_set_of_sets(&groups));
            // The same groups as codes: the order of the keys is the codes' order.
            let codes: Vec<Vec<String>> = groups
                .iter()
                .map(|g| g.iter().map(|m| format!("GM{m:04}")).collect())
                .collect();
            prop_assert_eq!(distinct_partner_sets(&codes), partner_sets_by_set_of_sets(&codes));
        }
    }

    proptest! {
        #[test]
        fn partner_sets_are_counted_as_defined(
            groups in proptest::collection::vec(proptest::collection::vec(0u32..8, 0..6), 0..30)
        ) {
            prop_assert_eq!(distinct_partner_sets(&groups), partner_sets_by_definition(&groups));
        }
    }

    proptest! {
        #[test]
        fn measures_are_bounded_and_symmetric(a in partition(), b in partition()) {
            let ab = congruence(&a, &b);
            let ba = congruence(&b, &a);
            prop_assert_eq!(ab.share_a_in_b, ba.share_b_in_a);
            prop_assert_eq!(ab.jaccard, ba.jaccard);
            for v in [ab.share_a_in_b, ab.share_b_in_a, ab.jaccard].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&v));
            }
            if let (Some(x), Some(y)) = (ab.adjusted_rand, ba.adjusted_rand) {
                prop_assert!((x - y).abs() < 1e-9);
                prop_assert!(x <= 1.0 + 1e-9);
            }
        }

        #[test]
        fn a_partition_compared_with_itself_scores_one(a in partition()) {
            let c = congruence(&a, &a);
            prop_assert_eq!(c.adjusted_rand, Some(1.0));
            prop_assert!(c.jaccard.is_none_or(|j| j == 1.0));
        }

        #[test]
        fn renaming_and_reordering_groups_changes_nothing(a in partition(), b in partition()) {
            let mut reordered: Vec<Vec<u32>> = b.iter().rev().map(|g| g.iter().rev().copied().collect()).collect();
            let turn = 1.min(reordered.len());
            reordered.rotate_left(turn);
            prop_assert_eq!(congruence(&a, &b), congruence(&a, &reordered));
        }
    }
}
