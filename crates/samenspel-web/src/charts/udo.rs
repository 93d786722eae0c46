//! The UDO dashboard's chart markup (layout: `samenspel_domain::udo::dashboard::chart`): per
//! ministry a bar of its dossiers in three parts, each part in its colour with an outline and
//! a `<title>` naming it and its count, the legend at the top, and the number of dossiers after
//! each bar. The table beside it on the page holds the same figures.

use samenspel_domain::udo::dashboard::chart::{self as layout, MinistryTotal, Part};

use super::svg;

const INK: &str = "#1b3a5c";

/// Consulted with the UDO before (dark blue), consulted without (orange), not consulted
/// (white): the first two have at least 3:1 against the white page, and every part has a dark
/// outline, so each stands out from the page and from its neighbour.
fn colour(part: Part) -> &'static str {
    match part {
        Part::UdoBefore => "#1f4e8c",
        Part::ConsultedWithout => "#b35806",
        Part::NotConsulted => "#ffffff",
    }
}

/// The words of the chart in the page's language: its title and description, a part's name, the ministry's
/// name by its code, and a bar's description ("Name: 12 dossiers; …").
pub struct Words<'a> {
    pub title: &'a str,
    /// What the chart shows and where the same figures are in words (its `<desc>`).
    pub desc: &'a str,
    pub part: &'a dyn Fn(Part) -> String,
    pub ministry: &'a dyn Fn(&str) -> String,
    pub bar: &'a dyn Fn(&str, &MinistryTotal) -> String,
}

/// The chart of `totals` (one bar each, in their order). `id` makes the title's id unique on
/// the page.
pub fn usage(id: &str, totals: &[MinistryTotal], words: &Words<'_>) -> String {
    let chart = layout::layout(totals);
    let desc_id = format!("{id}-desc");
    let mut svg = svg::chart(
        2048 + totals.len() * 768,
        "ss-chart ss-udo-chart",
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
            colour(entry.part),
            (INK, 1.0),
            (entry.text_x, entry.text_y),
            &(words.part)(entry.part),
        );
    }
    for bar in &chart.bars {
        let name = (words.ministry)(&bar.total.ministry);
        svg.open("g", &[("class", "ss-udo-chart__bar".into())]);
        svg.element("title", &[], &(words.bar)(&name, &bar.total));
        svg.element(
            "text",
            &[
                ("x", 0.0.into()),
                ("y", bar.label_y.into()),
                ("font-weight", "700".into()),
                ("fill", INK.into()),
            ],
            &name,
        );
        for segment in &bar.segments {
            svg.open(
                "rect",
                &[
                    (
                        "class",
                        format!("ss-udo-chart__{}", segment.part.key()).as_str().into(),
                    ),
                    ("x", segment.x.into()),
                    ("y", bar.y.into()),
                    ("width", segment.width.into()),
                    ("height", bar.height.into()),
                    ("fill", colour(segment.part).into()),
                    ("stroke", INK.into()),
                    ("stroke-width", 1.0.into()),
                    ("data-count", f64::from(segment.count).into()),
                ],
            );
            svg.element(
                "title",
                &[],
                &format!("{}: {}", (words.part)(segment.part), segment.count),
            );
            svg.close("rect");
        }
        svg.element(
            "text",
            &[
                ("class", "ss-udo-chart__number".into()),
                ("x", bar.number_x.into()),
                ("y", bar.number_y.into()),
                ("fill", INK.into()),
            ],
            &bar.total.dossiers.to_string(),
        );
        svg.close("g");
    }
    svg.close("svg");
    svg.finish()
}
