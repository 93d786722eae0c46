//! The "Staat van het samenspel" bar charts (layout: `samenspel_domain::staat::chart`): one
//! dark-blue bar per count with its label above and its number after it, each bar with a
//! `<title>` naming label and count. The page shows the same counts in a table next to it.

use samenspel_domain::staat::Count;
use samenspel_domain::staat::chart::bars;

use super::svg;

const INK: &str = "#1b3a5c";
const BAR: &str = "#1f4e8c";

/// The chart of `counts` in their order; `label` names a count's key in the page's language.
/// `id` makes the title's id unique on the page.
pub fn bar_chart(id: &str, title: &str, counts: &[Count], label: &dyn Fn(&str) -> String) -> String {
    let chart = bars(counts);
    let mut svg = svg::chart(
        1024 + counts.len() * 512,
        "ss-chart ss-staat-chart",
        &svg::nums(&[0.0, 0.0, chart.width, chart.height]),
        &format!("{id}-title"),
        &[
            ("font-family", "system-ui, sans-serif".into()),
            ("font-size", 14.0.into()),
        ],
        title,
    );
    for bar in &chart.bars {
        let name = label(&bar.key);
        svg.open("g", &[]);
        svg.element("title", &[], &format!("{name}: {}", bar.count));
        svg.element(
            "text",
            &[("x", 0.0.into()), ("y", bar.label_y.into()), ("fill", INK.into())],
            &name,
        );
        svg.empty(
            "rect",
            &[
                ("x", 0.0.into()),
                ("y", bar.y.into()),
                ("width", bar.width.into()),
                ("height", bar.height.into()),
                ("fill", BAR.into()),
                ("data-count", (bar.count as f64).into()),
            ],
        );
        svg.element(
            "text",
            &[
                ("x", bar.number_x.into()),
                ("y", bar.number_y.into()),
                ("fill", INK.into()),
                ("font-weight", "700".into()),
            ],
            &bar.count.to_string(),
        );
        svg.close("g");
    }
    svg.close("svg");
    svg.finish()
}
