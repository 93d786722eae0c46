//! Moore's triangle's markup (layout: `samenspel_domain::moore::triangle`): each judgement is
//! drawn with a symbol (op orde ✓, dun !, ontbreekt ✗), a fill and a dash pattern and named
//! in words next to its corner, so that nothing depends on colour.

use samenspel_domain::moore::triangle::{self, CORNER_RADIUS, HEIGHT, WIDTH};
use samenspel_domain::moore::{Element, ElementJudgement, Strength};

use super::svg;

const INK: &str = "#1b3a5c";

/// How a judgement looks: (fill, stroke dash, symbol, symbol colour).
fn marker(strength: Strength) -> (&'static str, &'static str, &'static str, &'static str) {
    match strength {
        Strength::OpOrde => (INK, "none", "✓", "#ffffff"),
        Strength::Dun => ("#ffffff", "7 4", "!", INK),
        Strength::Ontbreekt => ("#ffffff", "2 4", "✗", INK),
    }
}

/// The words of the chart in the page's language: its heading ("Driehoek van Moore"), an
/// element's name and a judgement's name.
pub struct Words<'a> {
    pub heading: &'a str,
    pub element: &'a dyn Fn(Element) -> String,
    pub strength: &'a dyn Fn(Strength) -> String,
}

/// The triangle with `judgements` (one per element; a missing one is drawn as ontbreekt),
/// its text in `words`. `id` makes the title's id unique on the page; only its letters,
/// digits and `-` are kept.
pub fn triangle(id: &str, judgements: &[ElementJudgement], words: &Words<'_>) -> String {
    let layout = triangle::triangle(judgements);
    let title = layout
        .corners
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                (words.element)(c.element),
                (words.strength)(c.strength).to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let id: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let mut svg = svg::chart(
        2048,
        "ss-triangle__chart",
        &svg::nums(&[0.0, 0.0, f64::from(WIDTH), f64::from(HEIGHT)]),
        &format!("{id}-title"),
        &[("font-family", "system-ui, sans-serif".into())],
        &format!("{} — {title}", words.heading),
    );
    let outline: Vec<(f64, f64)> = layout
        .corners
        .iter()
        .map(|c| (f64::from(c.centre.0), f64::from(c.centre.1)))
        .collect();
    svg.empty(
        "polygon",
        &[
            ("points", (&svg::points(&outline)).into()),
            ("fill", "none".into()),
            ("stroke", INK.into()),
            ("stroke-width", 2.into()),
        ],
    );
    for corner in &layout.corners {
        let (fill, dash, symbol, symbol_colour) = marker(corner.strength);
        let (x, y) = corner.centre;
        let class = format!(
            "ss-triangle__corner ss-triangle__corner--{}",
            corner.strength.key()
        );
        svg.open("g", &[("class", (&class).into())]);
        svg.empty(
            "circle",
            &[
                ("cx", x.into()),
                ("cy", y.into()),
                ("r", CORNER_RADIUS.into()),
                ("fill", fill.into()),
                ("stroke", INK.into()),
                ("stroke-width", 3.into()),
                ("stroke-dasharray", dash.into()),
            ],
        );
        svg.element(
            "text",
            &[
                ("x", x.into()),
                ("y", corner.symbol_baseline.into()),
                ("text-anchor", "middle".into()),
                ("font-size", 26.into()),
                ("font-weight", "700".into()),
                ("fill", symbol_colour.into()),
            ],
            symbol,
        );
        let (nx, ny) = corner.name_at;
        svg.element(
            "text",
            &[
                ("x", nx.into()),
                ("y", ny.into()),
                ("text-anchor", "middle".into()),
                ("font-size", 16.into()),
                ("font-weight", "700".into()),
                ("fill", INK.into()),
            ],
            &(words.element)(corner.element),
        );
        let (jx, jy) = corner.judgement_at;
        svg.element(
            "text",
            &[
                ("x", jx.into()),
                ("y", jy.into()),
                ("text-anchor", "middle".into()),
                ("font-size", 15.into()),
                ("fill", INK.into()),
            ],
            &(words.strength)(corner.strength),
        );
        svg.close("g");
    }
    svg.close("svg");
    svg.finish()
}
