//! Ranges of ids for the statements that work derived rows out again (signals, search): they
//! read `WHERE id BETWEEN $1 AND $2`, which both databases answer from the index. The earlier
//! form `WHERE ($1 IS NULL OR id = $1)` read every row even for one id (SQLite plans a
//! statement once, whatever is bound), so a write to one collaboration cost a scan of all of
//! them, and an import of many collaborations grew with the square of the register.

/// An inclusive range of ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IdRange {
    pub first: i64,
    pub last: i64,
}

impl IdRange {
    /// Every id.
    pub const ALL: IdRange = IdRange {
        first: i64::MIN,
        last: i64::MAX,
    };

    /// Only `id`.
    pub fn one(id: i64) -> Self {
        IdRange { first: id, last: id }
    }
}

/// The most ids one range spans, so what is read for it stays small.
pub(super) const MOST_IN_RANGE: i64 = 1000;

/// A gap of more than this many ids between two ids starts a new range (what lies between is
/// read and not used).
const LARGEST_GAP: i64 = 16;

/// `ids` (in any order, repeats allowed) as few ranges that cover every one of them, each
/// spanning at most [`MOST_IN_RANGE`] ids, with no gap larger than [`LARGEST_GAP`] inside.
pub(super) fn id_ranges(ids: &[i64]) -> Vec<IdRange> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut ranges: Vec<IdRange> = Vec::new();
    for id in sorted {
        match ranges.last_mut() {
            Some(r) if id - r.last <= LARGEST_GAP && id - r.first < MOST_IN_RANGE => r.last = id,
            _ => ranges.push(IdRange::one(id)),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn consecutive_ids_make_one_range_and_far_ones_their_own() {
        assert_eq!(
            id_ranges(&[5, 3, 4, 4, 100]),
            vec![IdRange { first: 3, last: 5 }, IdRange::one(100)]
        );
        assert_eq!(id_ranges(&[]), vec![]);
        assert_eq!(
            id_ranges(&[1, 1 + LARGEST_GAP, 2 + 2 * LARGEST_GAP]),
            vec![
                IdRange {
                    first: 1,
                    last: 1 + LARGEST_GAP
                },
                IdRange::one(2 + 2 * LARGEST_GAP)
            ]
        );
    }

    #[test]
    fn a_long_run_is_cut_at_the_largest_span() {
        let ids: Vec<i64> = (0..2500).collect();
        let ranges = id_ranges(&ids);
        assert_eq!(
            ranges,
            vec![
                IdRange { first: 0, last: 999 },
                IdRange {
                    first: 1000,
                    last: 1999
                },
                IdRange {
                    first: 2000,
                    last: 2499
                }
            ]
        );
    }

    proptest! {
        #[test]
        fn ranges_cover_every_id_and_nothing_far_from_one(ids in proptest::collection::vec(-5000i64..5000, 0..300)) {
            let ranges = id_ranges(&ids);
            for id in &ids {
                prop_assert_eq!(ranges.iter().filter(|r| r.first <= *id && *id <= r.last).count(), 1);
            }
            for r in &ranges {
                prop_assert!(r.first <= r.last);
                prop_assert!(r.last - r.first < MOST_IN_RANGE);
                prop_assert!(ids.contains(&r.first) && ids.contains(&r.last));
            }
            for pair in ranges.windows(2) {
                prop_assert!(pair[0].last < pair[1].first);
            }
        }
    }
}
