//! Page numbers for a list shown a page at a time: which page is the last, whether a
//! requested page exists, and the numbers to offer (the first, the last, and the pages around
//! the current one, with a gap where numbers are left out).

/// A link in the page navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    Number(u32),
    /// Numbers left out between two shown ones ("…").
    Gap,
}

/// How many pages either side of the current one are offered.
pub const AROUND: u32 = 2;

/// The last page of `total` items at `per_page` a page; an empty list has one (empty) page.
pub fn last_page(total: u64, per_page: u32) -> u32 {
    let per_page = u64::from(per_page.max(1));
    u32::try_from(total.div_ceil(per_page)).unwrap_or(u32::MAX).max(1)
}

/// Whether page `number` (1-based) shows anything of `total` items, or lies past the end.
pub fn exists(number: u32, total: u64, per_page: u32) -> bool {
    number >= 1 && number <= last_page(total, per_page)
}

/// The page numbers to offer on page `current` of `last`: 1, the last, and `AROUND` either
/// side of the current one, in order, with a gap for every run left out.
pub fn window(current: u32, last: u32) -> Vec<PageLink> {
    let last = last.max(1);
    let current = current.clamp(1, last);
    let low = current.saturating_sub(AROUND).max(1);
    let high = current.saturating_add(AROUND).min(last);
    let mut shown: Vec<u32> = vec![1];
    shown.extend(low..=high);
    shown.push(last);
    shown.sort_unstable();
    shown.dedup();
    let mut links = Vec::with_capacity(shown.len() * 2);
    for (i, n) in shown.iter().enumerate() {
        if i > 0 && n - shown[i - 1] > 1 {
            links.push(PageLink::Gap);
        }
        links.push(PageLink::Number(*n));
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use PageLink::{Gap, Number};
    use proptest::prelude::*;

    #[test]
    fn last_pages() {
        for (total, per_page, last) in [
            (0, 25, 1),
            (1, 25, 1),
            (25, 25, 1),
            (26, 25, 2),
            (1191, 50, 24),
            (1200, 50, 24),
            (1201, 50, 25),
        ] {
            assert_eq!(last_page(total, per_page), last, "{total}/{per_page}");
        }
        assert!(exists(24, 1191, 50) && !exists(25, 1191, 50) && !exists(0, 1191, 50));
        assert!(exists(1, 0, 50), "an empty list has its first page");
    }

    #[test]
    fn windows() {
        assert_eq!(window(1, 1), [Number(1)]);
        assert_eq!(window(1, 3), [Number(1), Number(2), Number(3)]);
        assert_eq!(window(1, 24), [Number(1), Number(2), Number(3), Gap, Number(24)]);
        assert_eq!(
            window(12, 24),
            [
                Number(1),
                Gap,
                Number(10),
                Number(11),
                Number(12),
                Number(13),
                Number(14),
                Gap,
                Number(24)
            ]
        );
        assert_eq!(
            window(4, 24)[..5],
            [Number(1), Number(2), Number(3), Number(4), Number(5)]
        );
        assert_eq!(
            window(99, 24).last(),
            Some(&Number(24)),
            "clamped to the last page"
        );
    }

    proptest! {
        #[test]
        fn a_window_holds_the_first_the_last_and_the_current_in_order(last in 1u32..10_000, current in 1u32..10_000) {
            let links = window(current, last);
            let numbers: Vec<u32> = links.iter().filter_map(|l| match l { Number(n) => Some(*n), Gap => None }).collect();
            prop_assert_eq!(numbers.first(), Some(&1));
            prop_assert_eq!(numbers.last(), Some(&last));
            prop_assert!(numbers.contains(&current.min(last)));
            prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(links.len() <= 9);
            for (i, link) in links.iter().enumerate() {
                if *link == Gap {
                    let (Number(before), Number(after)) = (links[i - 1], links[i + 1]) else { panic!("a gap between numbers") };
                    prop_assert!(after - before > 1, "a gap stands for at least one number");
                }
            }
        }
    }
}
