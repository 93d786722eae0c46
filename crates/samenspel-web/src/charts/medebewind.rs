//! The disbalance monitor's chart markup (layout: `samenspel_domain::medebewind::monitor::chart`):
//! per year the budget per inhabitant (light, outlined) beside the costs per inhabitant (dark;
//! hatched red outline where beyond the margin), each bar with a `<title>` naming its year and
//! amount. The table beside it on the page holds the same figures.

use samenspel_domain::medebewind::monitor::chart::{Chart, Side};

use super::svg;

const INK: &str = "#1b3a5c";
const BEYOND: &str = "#a4001d";

fn fill(side: Side) -> &'static str {
    match side {
        Side::Budget => "#dbe7f5",
        Side::Costs => "#1f4e8c",
    }
}

/// The chart's words in the page's language.
pub struct Words<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    pub side: &'a dyn Fn(Side) -> String,
    /// A bar's description: "2024, lasten per inwoner: € 120,00".
    pub bar: &'a dyn Fn(i32, Side, i64) -> String,
}

/// The chart of `chart`; `id` makes the title's id unique on the page.
pub fn monitor(id: &str, chart: &Chart, words: &Words<'_>) -> String {
    let desc_id = format!("{id}-desc");
    let mut svg = svg::chart(
        2048 + chart.bars.len() * 512,
        "ss-chart ss-monitor-chart",
        &svg::nums(&[0.0, 0.0, chart.width, chart.height]),
        &format!("{id}-title"),
        &[
            ("aria-describedby", (&desc_id).into()),
            ("font-family", "system-ui, sans-serif".into()),
            ("font-size", 14.0.into()),
        ],
        words.title,
    );
    svg.element("desc", &[("id", (&desc_id).into())], words.desc);
    for entry in &chart.legend {
        svg.legend_entry(
            (entry.x, entry.y, entry.size),
            fill(entry.side),
            (INK, 1.0),
            (entry.text_x, entry.text_y),
            &(words.side)(entry.side),
        );
    }
    for bar in &chart.bars {
        svg.open(
            "rect",
            &[
                ("x", bar.x.into()),
                ("y", bar.y.into()),
                ("width", bar.width.into()),
                ("height", bar.height.into()),
                ("fill", fill(bar.side).into()),
                ("stroke", if bar.beyond { BEYOND } else { INK }.into()),
                ("stroke-width", if bar.beyond { 3.0 } else { 1.0 }.into()),
            ],
        );
        svg.element("title", &[], &(words.bar)(bar.year, bar.side, bar.cents));
        svg.close("rect");
    }
    svg.empty(
        "line",
        &[
            ("x1", 0.0.into()),
            ("x2", chart.width.into()),
            ("y1", chart.base_y.into()),
            ("y2", chart.base_y.into()),
            ("stroke", INK.into()),
            ("stroke-width", 1.0.into()),
        ],
    );
    for label in &chart.labels {
        svg.element(
            "text",
            &[
                ("x", label.x.into()),
                ("y", label.y.into()),
                ("text-anchor", "middle".into()),
                ("fill", INK.into()),
            ],
            &label.year.to_string(),
        );
    }
    svg.close("svg");
    svg.finish()
}
