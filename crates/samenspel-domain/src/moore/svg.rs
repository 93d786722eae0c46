//! The triangle drawn as an inline SVG: the three elements at the corners, each marked by a
//! symbol and named in words (op orde ✓, dun !, ontbreekt ✗), so that nothing depends on
//! colour; the page shows the same judgements as a table.

use std::fmt::Write as _;

use super::{Element, ElementJudgement, Strength};

const INK: &str = "#1b3a5c";

/// (x, y) of each corner and where its two label lines go.
fn corner(element: Element) -> ((i32, i32), (i32, i32)) {
    match element {
        Element::PublicValue => ((260, 80), (260, 24)),
        Element::Legitimacy => ((110, 300), (110, 352)),
        Element::Capacity => ((410, 300), (410, 352)),
    }
}

fn marker(strength: Strength) -> (&'static str, &'static str, &'static str, &'static str) {
    // (fill, stroke dash, symbol, symbol colour)
    match strength {
        Strength::OpOrde => (INK, "none", "✓", "#ffffff"),
        Strength::Dun => ("#ffffff", "7 4", "!", INK),
        Strength::Ontbreekt => ("#ffffff", "2 4", "✗", INK),
    }
}

/// The triangle with `judgements` (one per element; a missing one is drawn as ontbreekt).
/// `id` makes the title's id unique on the page.
pub fn triangle(id: &str, judgements: &[ElementJudgement]) -> String {
    let strength = |e: Element| {
        judgements
            .iter()
            .find(|j| j.element == e)
            .map_or(Strength::Ontbreekt, |j| j.strength)
    };
    let title = Element::ALL
        .iter()
        .map(|e| format!("{}: {}", e.label_nl(), strength(*e).label_nl().to_lowercase()))
        .collect::<Vec<_>>()
        .join("; ");
    let id: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let mut svg = String::with_capacity(2048);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-triangle__chart\" viewBox=\"0 0 520 372\" \
         role=\"img\" aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\">\
         <title id=\"{id}-title\">Driehoek van Moore — {title}</title>"
    );
    let points: Vec<String> = Element::ALL
        .iter()
        .map(|e| {
            let ((x, y), _) = corner(*e);
            format!("{x},{y}")
        })
        .collect();
    let _ = write!(
        svg,
        "<polygon points=\"{}\" fill=\"none\" stroke=\"{INK}\" stroke-width=\"2\"/>",
        points.join(" ")
    );
    for e in Element::ALL {
        let ((x, y), (lx, ly)) = corner(*e);
        let s = strength(*e);
        let (fill, dash, symbol, symbol_colour) = marker(s);
        let _ = write!(
            svg,
            "<g class=\"ss-triangle__corner ss-triangle__corner--{}\">\
             <circle cx=\"{x}\" cy=\"{y}\" r=\"26\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"3\" stroke-dasharray=\"{dash}\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"26\" font-weight=\"700\" fill=\"{symbol_colour}\">{symbol}</text>\
             <text x=\"{lx}\" y=\"{ly}\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"700\" fill=\"{INK}\">{}</text>\
             <text x=\"{lx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" fill=\"{INK}\">{}</text></g>",
            s.key(),
            y + 9,
            e.label_nl(),
            ly + 19,
            s.label_nl(),
        );
    }
    svg.push_str("</svg>");
    svg
}
