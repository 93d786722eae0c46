//! The layout of the report's charts: the two rankings side by side with a line between the
//! same statement, and a diverging stacked bar per statement and group. Positions, texts and
//! which answer each bar segment shows are computed here; the web layer writes the SVG and
//! gives every answer its colour (`samenspel-web`'s `charts::survey`) and all the words, in the
//! page's language. Every row names its statement in words (shortened by the caller where it
//! must be, in full as the text to show on hover); labels say everything the colours say; the
//! page shows the same numbers as tables.

/// A decimal with two digits and a comma, as the report writes means.
fn nl(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// Which column of the rankings a text stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Right-aligned, ending at the left column's x.
    Left,
    /// Left-aligned, starting at the right column's x.
    Right,
}

/// The rankings of two groups side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Rankings {
    pub width: f64,
    pub height: f64,
    /// The accessible name of the chart.
    pub title: String,
    /// The two groups' names above their columns.
    pub headings: [ChartText; 2],
    /// A line between the places of each statement ranked by both groups.
    pub links: Vec<Link>,
    /// "rank. statement (mean)" per group and rank.
    pub rows: Vec<ChartText>,
}

/// A text and its place; `side` gives its alignment, `marked` asks for bold.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartText {
    pub text: String,
    /// The whole text, shown on hover (a shortened statement in full).
    pub full: Option<String>,
    pub x: f64,
    pub y: f64,
    pub side: Side,
    pub marked: bool,
}

/// A line between the same statement in both columns; `marked` ones are drawn thick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub marked: bool,
}

/// One statement in a ranking: its id, the words to show (shortened where they must be) and
/// in full, and its mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub id: String,
    pub label: String,
    pub full: String,
    pub mean: f64,
}

/// The words of a chart, in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// The chart's accessible name.
    pub title: &'a str,
    /// The rankings: the two groups' names; the bars: the words of the answers 1 and 5.
    pub pair: (&'a str, &'a str),
}

/// The rankings of two groups side by side: `left` and `right` in rank order; `marked`
/// statements (by id, e.g. the shared top six) get a thick line and bold text.
pub fn rankings(words: Words<'_>, left: &[Ranked], right: &[Ranked], marked: &[String]) -> Rankings {
    let rows = left.len().max(right.len());
    let (top, step, width) = (44.0, 22.0, 900.0);
    let (x_left, x_right) = (400.0, 500.0);
    let titles = words.pair;
    let y = |rank: usize| top + step * rank as f64 + 5.0;
    let heading = |text: &str, x: f64, side: Side| ChartText {
        text: text.to_owned(),
        full: None,
        x,
        y: 20.0,
        side,
        marked: true,
    };
    let links = left
        .iter()
        .enumerate()
        .filter_map(|(i, statement)| {
            let j = right.iter().position(|s| s.id == statement.id)?;
            Some(Link {
                from: (x_left + 8.0, y(i) - 4.0),
                to: (x_right - 8.0, y(j) - 4.0),
                marked: marked.contains(&statement.id),
            })
        })
        .collect();
    let column = |ranking: &[Ranked], x: f64, side: Side| {
        ranking
            .iter()
            .enumerate()
            .map(|(i, statement)| ChartText {
                text: format!("{}. {} ({})", i + 1, statement.label, nl(statement.mean)),
                full: Some(statement.full.clone()),
                x,
                y: y(i),
                side,
                marked: marked.contains(&statement.id),
            })
            .collect::<Vec<_>>()
    };
    let mut texts = column(left, x_left, Side::Left);
    texts.extend(column(right, x_right, Side::Right));
    Rankings {
        width,
        height: top + step * rows as f64 + 10.0,
        title: words.title.to_owned(),
        headings: [
            heading(titles.0, x_left, Side::Left),
            heading(titles.1, x_right, Side::Right),
        ],
        links,
        rows: texts,
    }
}

/// Diverging stacked bars, one per row, around a middle line.
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    pub width: f64,
    pub height: f64,
    /// The accessible name of the chart.
    pub title: String,
    /// A swatch and its text per answer, 1 to 5.
    pub legend: Vec<LegendEntry>,
    /// The x of the middle line, from `middle_top` to the bottom of the chart.
    pub middle: f64,
    pub middle_top: f64,
    pub bars: Vec<Bar>,
}

/// The swatch of one answer; its text starts at `text_x`.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// 1 to 5.
    pub answer: u8,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
    pub text_x: f64,
    pub text_y: f64,
}

/// One row: its label (right-aligned at `label_x`) and its segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The label with its statement in full, shown on hover.
    pub full: String,
    pub label_x: f64,
    pub label_y: f64,
    pub y: f64,
    pub height: f64,
    /// Left to right; answers nobody gave have no segment, a row without answers none.
    pub segments: Vec<Segment>,
}

/// The share of one answer (1 to 5) in a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub answer: u8,
    pub x: f64,
    pub width: f64,
}

/// One row of the diverging bars: its label (shortened where it must be), the label in full,
/// and the counts of the answers 1–5.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub full: String,
    pub counts: [u64; 5],
}

/// Diverging stacked bars: per row, the shares of 1 and 2 and half of 3 to the left of the
/// middle, half of 3 and 4 and 5 to the right; the legend names the ends with `words.pair`.
pub fn diverging(words: Words<'_>, rows: &[BarRow]) -> Diverging {
    let (label_width, half, step, top) = (420.0, 190.0, 18.0, 52.0);
    let middle = label_width + half;
    let legend = (1..=5u8)
        .zip([0.0, 125.0, 170.0, 215.0, 260.0])
        .map(|(answer, offset)| {
            let x = label_width + offset;
            let text = match answer {
                1 => format!("{answer} {}", words.pair.0),
                5 => format!("{answer} {}", words.pair.1),
                _ => answer.to_string(),
            };
            LegendEntry {
                answer,
                x,
                y: 8.0,
                size: 14.0,
                text,
                text_x: x + 18.0,
                text_y: 20.0,
            }
        })
        .collect();
    let bars = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let y = top + step * r as f64;
            Bar {
                label: row.label.clone(),
                full: row.full.clone(),
                label_x: label_width - 6.0,
                label_y: y + 11.0,
                y,
                height: step - 4.0,
                segments: segments(&row.counts, middle, half),
            }
        })
        .collect();
    Diverging {
        width: label_width + 2.0 * half + 10.0,
        height: top + step * rows.len() as f64 + 8.0,
        title: words.title.to_owned(),
        legend,
        middle,
        middle_top: top - 8.0,
        bars,
    }
}

/// The segments of one row: each answer's share of `half`, starting left of `middle` by the
/// shares of 1, 2 and half of 3.
fn segments(counts: &[u64; 5], middle: f64, half: f64) -> Vec<Segment> {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return Vec::new();
    }
    let share = |v: usize| counts[v] as f64 / n as f64 * half;
    let mut x = middle - (share(0) + share(1) + share(2) / 2.0);
    let mut out = Vec::with_capacity(5);
    for (answer, v) in (1..=5u8).zip(0..5) {
        let width = share(v);
        if width > 0.0 {
            out.push(Segment { answer, x, width });
        }
        x += width;
    }
    out
}
