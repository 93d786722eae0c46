use super::{assert_accessible_image, attr, tags};
use crate::charts::survey::{ANSWER_COLOURS, diverging, rankings};

#[test]
fn the_rankings_chart_links_the_same_statement_and_marks_the_shared_ones() {
    let left = vec![("S01".to_owned(), 3.4), ("S02".to_owned(), 3.38)];
    let right = vec![("S02".to_owned(), 3.39), ("S01".to_owned(), 3.19)];
    let svg = rankings("r", ("Rijk", "Decentraal"), &left, &right, &["S02".to_owned()]);
    let id = assert_accessible_image(
        &svg,
        "Rangordes naast elkaar: Rijk links, Decentraal rechts; dikke lijnen voor de \
         stellingen in beide top zes",
    );
    assert_eq!(id, "r-title");
    assert_eq!(svg.matches("<line").count(), 2, "one line per statement in both");
    assert_eq!(
        svg.matches("stroke-width=\"3\"").count(),
        1,
        "the shared one is thick"
    );
    assert!(svg.contains(">1. S01 (3,40)</text>") && svg.contains(">1. S02 (3,39)</text>"));
    assert!(svg.contains("font-weight=\"700\">2. S02 (3,38)</text>"));
    let hostile = rankings("x", ("<script>", "b"), &left, &right, &[]);
    assert!(!hostile.contains("<script>"));
    assert!(hostile.contains(">&lt;script&gt;</text>"));
}

#[test]
fn the_bars_diverge_around_the_middle_of_three() {
    let svg = diverging(
        "d",
        &[
            ("S01 Rijk".to_owned(), [1, 1, 2, 1, 1]),
            ("S02 Rijk".to_owned(), [0; 5]),
        ],
    );
    assert_accessible_image(
        &svg,
        "Verdeling van de antwoorden per stelling en groep: links van het midden 1 en 2, \
         rechts 4 en 5, 3 over het midden",
    );
    // 2 of 6 answer 1 or 2 plus half of the 2 threes: 3/6 of 180 = 90 left of the middle (300).
    assert!(svg.contains("<rect x=\"210\" y=\"52\" width=\"30\""), "{svg}");
    let first_row: Vec<&str> = tags(&svg, "rect")
        .into_iter()
        .filter(|t| attr(t, "y") == Some("52"))
        .filter_map(|t| attr(t, "fill"))
        .collect();
    assert_eq!(first_row, ANSWER_COLOURS, "five segments, 1 to 5");
    assert_eq!(svg.matches("y=\"70\" width").count(), 0, "no bar without answers");
    assert!(svg.contains(">S02 Rijk</text>"));
    // The legend: a swatch per answer, the ends named in words.
    let swatches: Vec<&str> = tags(&svg, "rect")
        .into_iter()
        .filter(|t| attr(t, "y") == Some("8"))
        .filter_map(|t| attr(t, "fill"))
        .collect();
    assert_eq!(swatches, ANSWER_COLOURS);
    assert!(svg.contains(">1 helemaal niet</text>") && svg.contains(">5 heel erg</text>"));
}
