//! The report's charts as inline SVG: the two rankings side by side with a line between the
//! same statement, and a diverging stacked bar per statement and group. Labels say everything
//! the colours say; the page shows the same numbers as tables.

use std::fmt::Write as _;

use crate::partnership::radar::escape;

const INK: &str = "#1b3a5c";
/// Answers 1 to 5: from "helemaal niet" (orange) through neutral grey to "heel erg" (blue).
pub const ANSWER_COLOURS: [&str; 5] = ["#b35806", "#f1a340", "#d9d9d9", "#7fa9d6", "#1f4e8c"];

fn nl(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// The rankings of two groups side by side: `left` and `right` are (statement id, mean) in
/// rank order; `marked` statements (e.g. the shared top six) get a thick line.
pub fn rankings(
    id: &str,
    titles: (&str, &str),
    left: &[(String, f64)],
    right: &[(String, f64)],
    marked: &[String],
) -> String {
    let rows = left.len().max(right.len());
    let (top, step, width) = (44.0, 22.0, 520.0);
    let height = top + step * rows as f64 + 10.0;
    let (x_left, x_right) = (150.0, 370.0);
    let y = |rank: usize| top + step * rank as f64 + 5.0;
    let mut svg = String::with_capacity(8192);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\
         <title id=\"{id}-title\">Rangordes naast elkaar: {} links, {} rechts; dikke lijnen voor de stellingen in beide top zes</title>\
         <text x=\"{x_left}\" y=\"20\" text-anchor=\"end\" font-weight=\"700\" fill=\"{INK}\">{}</text>\
         <text x=\"{x_right}\" y=\"20\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
        escape(titles.0),
        escape(titles.1),
        escape(titles.0),
        escape(titles.1),
    );
    for (i, (statement, _)) in left.iter().enumerate() {
        if let Some(j) = right.iter().position(|(s, _)| s == statement) {
            let thick = marked.contains(statement);
            let _ = write!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"{}\"{}/>",
                x_left + 8.0,
                y(i) - 4.0,
                x_right - 8.0,
                y(j) - 4.0,
                if thick { 3 } else { 1 },
                if thick { "" } else { " stroke-opacity=\"0.45\"" },
            );
        }
    }
    for (i, (statement, mean)) in left.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{x_left}\" y=\"{}\" text-anchor=\"end\" fill=\"{INK}\"{}>{}. {} ({})</text>",
            y(i),
            if marked.contains(statement) {
                " font-weight=\"700\""
            } else {
                ""
            },
            i + 1,
            escape(statement),
            nl(*mean)
        );
    }
    for (j, (statement, mean)) in right.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{x_right}\" y=\"{}\" fill=\"{INK}\"{}>{}. {} ({})</text>",
            y(j),
            if marked.contains(statement) {
                " font-weight=\"700\""
            } else {
                ""
            },
            j + 1,
            escape(statement),
            nl(*mean)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Diverging stacked bars: per row (label, counts of 1–5), the shares of 1 and 2 and half of 3
/// to the left of the middle, half of 3 and 4 and 5 to the right.
pub fn diverging(id: &str, rows: &[(String, [u64; 5])]) -> String {
    let (label_width, half, step, top) = (120.0, 180.0, 18.0, 52.0);
    let middle = label_width + half;
    let width = label_width + 2.0 * half + 10.0;
    let height = top + step * rows.len() as f64 + 8.0;
    let mut svg = String::with_capacity(4096 + rows.len() * 512);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"{id}-title\">Verdeling van de antwoorden per stelling en groep: links van het midden 1 en 2, rechts 4 en 5, 3 over het midden</title>"
    );
    // The legend: a swatch and its answer per value.
    for (v, colour) in ANSWER_COLOURS.iter().enumerate() {
        let x = label_width + [0.0, 125.0, 170.0, 215.0, 260.0][v];
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{colour}\" stroke=\"{INK}\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"20\" fill=\"{INK}\">{}{}</text>",
            x + 18.0,
            v + 1,
            match v {
                0 => " helemaal niet",
                4 => " heel erg",
                _ => "",
            }
        );
    }
    let _ = write!(
        svg,
        "<line x1=\"{middle}\" y1=\"{}\" x2=\"{middle}\" y2=\"{height}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
        top - 8.0
    );
    for (r, (label, counts)) in rows.iter().enumerate() {
        let n: u64 = counts.iter().sum();
        let y = top + step * r as f64;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{INK}\">{}</text>",
            label_width - 6.0,
            y + 11.0,
            escape(label)
        );
        if n == 0 {
            continue;
        }
        let share = |v: usize| counts[v] as f64 / n as f64 * half;
        let mut x = middle - (share(0) + share(1) + share(2) / 2.0);
        for (v, colour) in ANSWER_COLOURS.iter().enumerate() {
            let w = share(v);
            if w > 0.0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{x:.2}\" y=\"{y}\" width=\"{w:.2}\" height=\"{}\" fill=\"{colour}\"/>",
                    step - 4.0
                );
            }
            x += w;
        }
    }
    svg.push_str("</svg>");
    svg
}
