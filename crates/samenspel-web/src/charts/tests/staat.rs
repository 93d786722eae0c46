//! The Staat van het samenspel's bar charts: an accessible image, one bar per count with its
//! label and number, hostile labels escaped.

use samenspel_domain::staat::Count;

use super::{assert_accessible_image, attr, tags, tooltips};
use crate::charts::staat::bar_chart;

fn count(key: &str, count: u64) -> Count {
    Count {
        key: key.to_owned(),
        count,
    }
}

#[test]
fn each_count_has_a_bar_named_with_its_number() {
    let label = |key: &str| match key {
        "res" => "RES & <regio> \"'".to_owned(),
        other => other.to_uppercase(),
    };
    let svg = bar_chart(
        "staat-kinds",
        "Samenwerkingen per soort",
        &[count("res", 30), count("mirt", 3)],
        &label,
    );
    let id = assert_accessible_image(&svg, "Samenwerkingen per soort");
    assert_eq!(id, "staat-kinds-title");
    let rects = tags(&svg, "rect");
    assert_eq!(rects.len(), 2);
    assert_eq!(attr(rects[0], "data-count"), Some("30"));
    assert_eq!(attr(rects[1], "data-count"), Some("3"));
    let tips = tooltips(&svg);
    assert!(
        tips.contains(&"RES &amp; &lt;regio&gt; &quot;&#39;: 30"),
        "{tips:?}"
    );
    assert!(tips.contains(&"MIRT: 3"), "{tips:?}");
    assert!(!svg.contains("<regio>"), "escaped");
}

#[test]
fn no_counts_make_an_empty_chart_not_a_broken_one() {
    let svg = bar_chart("leeg", "Leeg", &[], &str::to_owned);
    assert_accessible_image(&svg, "Leeg");
    assert!(tags(&svg, "rect").is_empty());
}
