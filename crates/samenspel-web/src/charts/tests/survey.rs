use samenspel_domain::survey::charts::{BarRow, Ranked, Words};

use super::{assert_accessible_image, attr, tags};
use crate::charts::survey::{ANSWER_COLOURS, diverging, rankings};

pub(super) fn ranked(id: &str, mean: f64) -> Ranked {
    Ranked {
        id: id.to_owned(),
        label: format!("{id} kort…"),
        full: format!("{id} de stelling voluit"),
        mean,
    }
}

pub(super) fn bar(label: &str, counts: [u64; 5]) -> BarRow {
    BarRow {
        label: label.to_owned(),
        full: format!("{label} voluit"),
        counts,
    }
}

#[test]
fn the_rankings_chart_links_the_same_statement_and_marks_the_shared_ones() {
    let left = vec![ranked("S01", 3.4), ranked("S02", 3.38)];
    let right = vec![ranked("S02", 3.39), ranked("S01", 3.19)];
    let words = Words {
        title: "Rangordes naast elkaar",
        pair: ("Rijk", "Decentraal"),
    };
    let svg = rankings("r", words, &left, &right, &["S02".to_owned()]);
    let id = assert_accessible_image(&svg, "Rangordes naast elkaar");
    assert_eq!(id, "r-title");
    assert_eq!(svg.matches("<line").count(), 2, "one line per statement in both");
    assert_eq!(
        svg.matches("stroke-width=\"3\"").count(),
        1,
        "the shared one is thick"
    );
    assert!(
        svg.contains("><title>S01 de stelling voluit</title>1. S01 kort… (3,40)</text>"),
        "the statement shortened, in full on hover: {svg}"
    );
    assert!(
        svg.contains("font-weight=\"700\"><title>S02 de stelling voluit</title>2. S02 kort… (3,38)</text>")
    );
    let hostile = Words {
        title: "x",
        pair: ("<script>", "b"),
    };
    let hostile = rankings("x", hostile, &left, &right, &[]);
    assert!(!hostile.contains("<script>"));
    assert!(hostile.contains(">&lt;script&gt;</text>"));
}

#[test]
fn the_bars_diverge_around_the_middle_of_three_and_name_their_statement() {
    let words = Words {
        title: "Verdeling van de antwoorden",
        pair: ("helemaal niet", "heel erg"),
    };
    let svg = diverging(
        "d",
        words,
        &[bar("S01 kort… Rijk", [1, 1, 2, 1, 1]), bar("S02 Rijk", [0; 5])],
    );
    assert_accessible_image(&svg, "Verdeling van de antwoorden");
    // 2 of 6 answer 1 or 2 plus half of the 2 threes: 3/6 of 190 = 95 left of the middle (610).
    assert!(svg.contains("<rect x=\"515\" y=\"52\""), "{svg}");
    let first_row: Vec<&str> = tags(&svg, "rect")
        .into_iter()
        .filter(|t| attr(t, "y") == Some("52"))
        .filter_map(|t| attr(t, "fill"))
        .collect();
    assert_eq!(first_row, ANSWER_COLOURS, "five segments, 1 to 5");
    assert_eq!(svg.matches("y=\"70\" width").count(), 0, "no bar without answers");
    assert!(
        svg.contains("><title>S01 kort… Rijk voluit</title>S01 kort… Rijk</text>"),
        "{svg}"
    );
    // The legend: a swatch per answer, the ends named in words.
    let swatches: Vec<&str> = tags(&svg, "rect")
        .into_iter()
        .filter(|t| attr(t, "y") == Some("8"))
        .filter_map(|t| attr(t, "fill"))
        .collect();
    assert_eq!(swatches, ANSWER_COLOURS);
    assert!(svg.contains(">1 helemaal niet</text>") && svg.contains(">5 heel erg</text>"));
    // Labels stay readable: no text smaller than 12 px.
    assert!(svg.contains("font-size=\"12\""));
}
