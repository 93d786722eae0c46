//! Comparing municipalities of like size (issue 15, item 4): the size classes by number of
//! inhabitants, and amounts per inhabitant.
//!
//! The classes are those CBS uses for *gemeentegrootte* (fewer than 5,000; 5,000 to 10,000;
//! 10,000 to 20,000; 20,000 to 50,000; 50,000 to 100,000; 100,000 to 150,000; 150,000 to
//! 250,000; 250,000 or more inhabitants) — as CBS's StatLine tables group municipalities; the
//! page defining them was not retrieved for this version, so the bounds are marked as our
//! reading in `docs/DATA.md`. The number of inhabitants is the one the organisation register
//! carries (`aantal_inwoners_roo`, `data/reference/gemeenten_2025.csv`).

use serde::Serialize;

use crate::keyed::keyed_enum;
use crate::money::Cents;

keyed_enum!(
    /// A municipality's size class by its number of inhabitants.
    SizeClass, "size_class", "grootteklasse" {
        Below5k => "tot-5000", "Minder dan 5.000 inwoners";
        From5k => "5000-10000", "5.000 tot 10.000 inwoners";
        From10k => "10000-20000", "10.000 tot 20.000 inwoners";
        From20k => "20000-50000", "20.000 tot 50.000 inwoners";
        From50k => "50000-100000", "50.000 tot 100.000 inwoners";
        From100k => "100000-150000", "100.000 tot 150.000 inwoners";
        From150k => "150000-250000", "150.000 tot 250.000 inwoners";
        From250k => "vanaf-250000", "250.000 inwoners of meer";
    }
);

/// The lower bound of each class, in the order of [`SizeClass::ALL`].
const LOWER_BOUNDS: [u32; 8] = [0, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000];

impl SizeClass {
    /// The class of a municipality of `inhabitants`.
    pub fn of(inhabitants: u32) -> SizeClass {
        let index = LOWER_BOUNDS.iter().rposition(|b| inhabitants >= *b).unwrap_or(0);
        SizeClass::ALL[index]
    }
}

/// An amount per inhabitant in cents, rounded half up; none without inhabitants.
pub fn per_inhabitant(amount: Cents, inhabitants: u32) -> Option<Cents> {
    (inhabitants > 0).then(|| {
        let n = i64::from(inhabitants);
        Cents::new((amount.get() + n / 2) / n).unwrap_or(Cents::ZERO)
    })
}

/// A gap (which may be negative) per inhabitant in cents, rounded towards the nearest cent.
pub fn gap_per_inhabitant(gap_cents: i64, inhabitants: u32) -> Option<i64> {
    (inhabitants > 0).then(|| {
        let n = i128::from(inhabitants);
        let g = i128::from(gap_cents);
        let rounded = if g >= 0 { (g + n / 2) / n } else { (g - n / 2) / n };
        i64::try_from(rounded).unwrap_or(0)
    })
}

/// The median of the values, the lower middle one for an even count; none when empty.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    Some(values[(values.len() - 1) / 2])
}

/// One organisation's figure beside the median of its peers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PeerComparison {
    pub size_class: SizeClass,
    /// How many peers (the organisation itself included) have a figure.
    pub peers: u32,
    pub median_per_inhabitant_cents: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_follow_the_bounds_row_by_row() {
        let table: &[(u32, SizeClass)] = &[
            (0, SizeClass::Below5k),
            (4_999, SizeClass::Below5k),
            (5_000, SizeClass::From5k),
            (9_999, SizeClass::From5k),
            (10_000, SizeClass::From10k),
            (19_999, SizeClass::From10k),
            (20_000, SizeClass::From20k),
            (49_999, SizeClass::From20k),
            (50_000, SizeClass::From50k),
            (99_999, SizeClass::From50k),
            (100_000, SizeClass::From100k),
            (149_999, SizeClass::From100k),
            (150_000, SizeClass::From150k),
            (249_999, SizeClass::From150k),
            (250_000, SizeClass::From250k),
            (931_298, SizeClass::From250k),
        ];
        for (inhabitants, class) in table {
            assert_eq!(SizeClass::of(*inhabitants), *class, "{inhabitants}");
        }
        assert_eq!(LOWER_BOUNDS.len(), SizeClass::ALL.len());
    }

    #[test]
    fn amounts_per_inhabitant_round_to_the_nearest_cent() {
        assert_eq!(per_inhabitant(Cents::new(1_000).unwrap(), 3), Cents::new(333));
        assert_eq!(per_inhabitant(Cents::new(1_001).unwrap(), 2), Cents::new(501));
        assert_eq!(per_inhabitant(Cents::new(5).unwrap(), 0), None);
        assert_eq!(gap_per_inhabitant(-1_001, 2), Some(-501));
        assert_eq!(gap_per_inhabitant(1_001, 2), Some(501));
        assert_eq!(gap_per_inhabitant(7, 0), None);
    }

    #[test]
    fn the_median_takes_the_lower_middle() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5, 7]), Some(5));
    }
}
