//! The report's charts' markup (layout: `samenspel_domain::survey::charts`): the rankings side
//! by side, and the diverging bars with their legend, each answer in its colour. Every row
//! names its statement (shortened) and holds it in full in a `<title>`, shown on hover.

use samenspel_domain::survey::charts::{self as layout, BarRow, ChartText, Ranked, Side, Words};

use super::svg::{self, Attr, Svg};

const INK: &str = "#1b3a5c";
const FONT_FAMILY: &str = "system-ui, sans-serif";
/// Answers 1 to 5: from "helemaal niet" (orange) through neutral grey to "heel erg" (blue).
pub const ANSWER_COLOURS: [&str; 5] = ["#b35806", "#f1a340", "#d9d9d9", "#7fa9d6", "#1f4e8c"];

fn answer_colour(answer: u8) -> &'static str {
    ANSWER_COLOURS[usize::from(answer.clamp(1, 5)) - 1]
}

/// The root of a report chart, with its title.
fn root(capacity: usize, id: &str, size: (f64, f64), font_size: f64, title: &str) -> Svg {
    svg::chart(
        capacity,
        "ss-chart",
        &svg::nums(&[0.0, 0.0, size.0, size.1]),
        &format!("{id}-title"),
        &[
            ("font-family", FONT_FAMILY.into()),
            ("font-size", font_size.into()),
        ],
        title,
    )
}

/// The rankings of two groups side by side, in rank order; `marked` statements (by id, e.g.
/// the shared top six) get a thick line. `id` makes the title's id unique on the page.
pub fn rankings(id: &str, words: Words<'_>, left: &[Ranked], right: &[Ranked], marked: &[String]) -> String {
    let chart = layout::rankings(words, left, right, marked);
    let mut svg = root(8192, id, (chart.width, chart.height), 13.0, &chart.title);
    for heading in &chart.headings {
        let mut attrs = position(heading);
        attrs.extend([("font-weight", "700".into()), ("fill", INK.into())]);
        svg.element("text", &attrs, &heading.text);
    }
    for link in &chart.links {
        let mut attrs: Vec<Attr<'_>> = vec![
            ("x1", link.from.0.into()),
            ("y1", link.from.1.into()),
            ("x2", link.to.0.into()),
            ("y2", link.to.1.into()),
            ("stroke", INK.into()),
            ("stroke-width", (if link.marked { 3.0 } else { 1.0 }).into()),
        ];
        if !link.marked {
            attrs.push(("stroke-opacity", "0.45".into()));
        }
        svg.empty("line", &attrs);
    }
    for row in &chart.rows {
        let mut attrs = position(row);
        attrs.push(("fill", INK.into()));
        if row.marked {
            attrs.push(("font-weight", "700".into()));
        }
        text_with_hover(&mut svg, &attrs, &row.text, row.full.as_deref());
    }
    svg.close("svg");
    svg.finish()
}

/// A `<text>`, with the whole text in its `<title>` when it shows less.
fn text_with_hover(svg: &mut Svg, attrs: &[Attr<'_>], text: &str, full: Option<&str>) {
    match full {
        Some(full) => {
            svg.open("text", attrs);
            svg.element("title", &[], full);
            svg.text(text);
            svg.close("text");
        }
        None => svg.element("text", attrs, text),
    }
}

/// x, y and, in the left column, the right alignment of a text.
fn position(text: &ChartText) -> Vec<Attr<'static>> {
    let mut attrs: Vec<Attr<'static>> = vec![("x", text.x.into()), ("y", text.y.into())];
    if text.side == Side::Left {
        attrs.push(("text-anchor", "end".into()));
    }
    attrs
}

/// Diverging stacked bars: per row, the shares of 1 and 2 and half of 3 to the left of the
/// middle, half of 3 and 4 and 5 to the right. `id` makes the title's id unique on the page.
pub fn diverging(id: &str, words: Words<'_>, rows: &[BarRow]) -> String {
    let chart = layout::diverging(words, rows);
    let mut svg = root(
        4096 + rows.len() * 512,
        id,
        (chart.width, chart.height),
        12.0,
        &chart.title,
    );
    for entry in &chart.legend {
        svg.legend_entry(
            (entry.x, entry.y, entry.size),
            answer_colour(entry.answer),
            (INK, 0.5),
            (entry.text_x, entry.text_y),
            &entry.text,
        );
    }
    svg.empty(
        "line",
        &[
            ("x1", chart.middle.into()),
            ("y1", chart.middle_top.into()),
            ("x2", chart.middle.into()),
            ("y2", chart.height.into()),
            ("stroke", INK.into()),
            ("stroke-width", 1.0.into()),
        ],
    );
    for bar in &chart.bars {
        text_with_hover(
            &mut svg,
            &[
                ("x", bar.label_x.into()),
                ("y", bar.label_y.into()),
                ("text-anchor", "end".into()),
                ("fill", INK.into()),
            ],
            &bar.label,
            Some(&bar.full),
        );
        for segment in &bar.segments {
            svg.empty(
                "rect",
                &[
                    ("x", segment.x.into()),
                    ("y", bar.y.into()),
                    ("width", segment.width.into()),
                    ("height", bar.height.into()),
                    ("fill", answer_colour(segment.answer).into()),
                ],
            );
        }
    }
    svg.close("svg");
    svg.finish()
}
