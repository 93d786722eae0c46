//! Server-rendered SVG radar chart of partnership profiles.
//!
//! The chart is one inline `<svg role="img">` for an HTML page: six axes in the order of
//! [`Dimension::ALL`] (the first straight up, then clockwise), hexagonal rings at the scores
//! 1–5 (radius proportional to the score), and per series a closed line with a marker at
//! every vertex. Series differ in colour, dash pattern *and* marker shape, so they can be told
//! apart without colour vision. The chart has no script, no event attributes and no `style`
//! attributes (a strict CSP may forbid inline styles): everything is drawn with presentation
//! attributes. Series labels appear only as `<title>` tooltips; the visible legend is an HTML
//! list next to the chart, with [`legend_marker`] as its swatches, and the page gives the same
//! numbers in a table as the text alternative.

use std::f64::consts::PI;
use std::fmt::Write as _;

use super::Dimension;

/// How a series is drawn; every style differs in dash pattern and marker shape, not only
/// colour, so the legend can be read without colour vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesStyle {
    /// The ideal type: a thick dark dashed outline without fill.
    Ideal,
    /// The n-th partner or reference profile.
    Series(usize),
}

/// One line on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    /// Six values on the 1–5 scale, in dimension order (means may be fractional). Values are
    /// clamped to 0–5; a value that is not a number is drawn as 0.
    pub values: [f64; 6],
    pub style: SeriesStyle,
}

/// The highest score; the outer ring.
const MAX_SCORE: f64 = 5.0;
/// Radius of the outer ring (score 5) in user units; the centre of the chart is (0, 0).
const RADIUS: f64 = 150.0;
/// Distance between the outer ring and an axis label.
const LABEL_GAP: f64 = 12.0;
/// Extra distance for the label of the first (top) axis, which leaves room for the ring
/// number 5 written next to that axis.
const TOP_LABEL_GAP: f64 = 22.0;
/// Font size of the axis labels. The viewBox is 646 units wide, so at 36rem (576 CSS pixels)
/// this is about 13.4 pixels.
const LABEL_FONT_SIZE: f64 = 15.0;
/// Font size of the ring numbers: about 11.6 pixels at 36rem.
const RING_FONT_SIZE: f64 = 13.0;
/// Line height of wrapped labels, as a factor of the font size.
const LINE_HEIGHT: f64 = 1.2;
/// An estimate of the average advance of a character as a factor of the font size, on the
/// safe side for wide sans-serif fonts such as DejaVu Sans (about 0.52 for these labels),
/// used to keep the labels inside the viewBox.
const CHAR_WIDTH: f64 = 0.58;
/// Space around the drawing inside the viewBox.
const PADDING: f64 = 8.0;
/// Labels of the slanted axes wrap onto two lines above this many characters, labels of the
/// vertical axes above [`WRAP_VERTICAL`].
const WRAP_SIDE: usize = 14;
const WRAP_VERTICAL: usize = 26;

const TEXT_COLOUR: &str = "#1a1a1a";
/// Rings and axes: grey with at least 3:1 contrast against white (WCAG 1.4.11).
const GRID_COLOUR: &str = "#949494";
const OUTER_RING_COLOUR: &str = "#6b6b6b";
const IDEAL_COLOUR: &str = "#1a1a1a";
const IDEAL_DASH: &str = "9 6";
const IDEAL_WIDTH: f64 = 3.5;
const SERIES_WIDTH: f64 = 2.25;
const SERIES_FILL_OPACITY: &str = "0.08";
const MARKER_SIZE: f64 = 4.5;
/// The ring numbers are written just right of the first axis, clear of the markers on it.
const RING_NUMBER_X: f64 = 8.0;

/// The Okabe–Ito palette, darkened where needed so that every colour has at least 3:1
/// contrast against white (blue 5.2, vermillion 3.9, bluish green 5.5, reddish purple 5.0,
/// orange 4.7, sky blue 4.6).
const COLOURS: [&str; 6] = ["#0072B2", "#D55E00", "#00785A", "#AD4F86", "#A86A00", "#2F7FB5"];

/// Dash patterns: solid, long dash, dots, dash-dot, dash-dot-dot, short dash.
const DASHES: [Option<&str>; 6] = [
    None,
    Some("12 4"),
    Some("2 3"),
    Some("9 3 2 3"),
    Some("9 3 2 3 2 3"),
    Some("5 3"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    Cross,
    TriangleDown,
    /// Only for the ideal type.
    Plus,
}

const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Square,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::Cross,
    Marker::TriangleDown,
];

/// The drawing attributes of one style.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    colour: &'static str,
    dash: Option<&'static str>,
    width: f64,
    fill: bool,
    marker: Marker,
}

impl SeriesStyle {
    fn look(self) -> Look {
        match self {
            SeriesStyle::Ideal => Look {
                colour: IDEAL_COLOUR,
                dash: Some(IDEAL_DASH),
                width: IDEAL_WIDTH,
                fill: false,
                marker: Marker::Plus,
            },
            SeriesStyle::Series(n) => {
                // The first six series differ in colour, dash and marker all at once; after
                // that each round shifts dash and marker against the colour, so the first 36
                // series all have a different combination.
                let round = n / 6;
                let i = n % 6;
                Look {
                    colour: COLOURS[i],
                    dash: DASHES[(i + round) % 6],
                    width: SERIES_WIDTH,
                    fill: true,
                    marker: MARKERS[(i + 2 * round) % 6],
                }
            }
        }
    }
}

/// Renders the chart as an inline `<svg>` element with a `<title>`, six labelled axes, rings
/// 1–5 and the series. All text is escaped. The id of the `<title>` is derived from a hash
/// of the input, so different charts on one page get different ids.
pub fn render(title: &str, series: &[RadarSeries]) -> String {
    let labels = axis_labels();
    let (min_x, min_y, width, height) = view_box(&labels);
    let title_id = format!("radar-title-{:016x}", fingerprint(title, series));

    let mut svg = String::with_capacity(4096 + series.len() * 1024);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-radar__chart\" \
         viewBox=\"{} {} {} {}\" role=\"img\" aria-labelledby=\"{title_id}\" \
         font-family=\"system-ui, sans-serif\">",
        num(min_x),
        num(min_y),
        num(width),
        num(height),
    );
    let _ = write!(svg, "<title id=\"{title_id}\">{}</title>", escape(title));

    // The grid: rings at 1..=5 and six axes.
    let _ = write!(
        svg,
        "<g class=\"ss-radar__grid\" fill=\"none\" stroke=\"{GRID_COLOUR}\" stroke-width=\"1\">"
    );
    for score in 1..=5 {
        let r = radius(f64::from(score));
        let outer = if score == 5 {
            format!(" stroke=\"{OUTER_RING_COLOUR}\" stroke-width=\"1.5\"")
        } else {
            String::new()
        };
        let _ = write!(
            svg,
            "<polygon class=\"ss-radar__ring\" points=\"{}\"{outer}/>",
            points(&[r; 6])
        );
    }
    for axis in 0..6 {
        let (x, y) = point(axis, RADIUS);
        let _ = write!(
            svg,
            "<line class=\"ss-radar__axis\" x1=\"0\" y1=\"0\" x2=\"{}\" y2=\"{}\"/>",
            num(x),
            num(y)
        );
    }
    svg.push_str("</g>");

    // The axis labels.
    let _ = write!(
        svg,
        "<g class=\"ss-radar__labels\" font-size=\"{}\" fill=\"{TEXT_COLOUR}\">",
        num(LABEL_FONT_SIZE)
    );
    for label in &labels {
        let _ = write!(
            svg,
            "<text class=\"ss-radar__label\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">",
            num(label.x),
            num(label.first_baseline),
            label.anchor.as_str()
        );
        for (i, line) in label.lines.iter().enumerate() {
            let y = label.first_baseline + i as f64 * LINE_HEIGHT * LABEL_FONT_SIZE;
            let _ = write!(
                svg,
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                num(label.x),
                num(y),
                escape(line)
            );
        }
        svg.push_str("</text>");
    }
    svg.push_str("</g>");

    // The series, in the order given (callers put the ideal type first, underneath).
    for s in series {
        render_series(&mut svg, s);
    }

    // The ring numbers along the first axis, on top of the lines, with a white halo.
    let _ = write!(
        svg,
        "<g class=\"ss-radar__scale\" font-size=\"{}\" fill=\"{TEXT_COLOUR}\" stroke=\"#ffffff\" \
         stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
        num(RING_FONT_SIZE)
    );
    for score in 1..=5 {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\">{score}</text>",
            num(RING_NUMBER_X),
            num(-radius(f64::from(score)) - 4.0)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

fn render_series(svg: &mut String, series: &RadarSeries) {
    let look = series.style.look();
    let class = match series.style {
        SeriesStyle::Ideal => "ss-radar__series ss-radar__series--ideal".to_owned(),
        SeriesStyle::Series(n) => format!("ss-radar__series ss-radar__series--{n}"),
    };
    let radii = series.values.map(|v| radius(clamp_score(v)));
    let _ = write!(
        svg,
        "<g class=\"{class}\"><title>{}</title>",
        escape(&series.label)
    );
    let fill = if look.fill {
        format!("fill=\"{}\" fill-opacity=\"{SERIES_FILL_OPACITY}\"", look.colour)
    } else {
        "fill=\"none\"".to_owned()
    };
    let _ = write!(
        svg,
        "<polygon class=\"ss-radar__line\" points=\"{}\" {fill} stroke=\"{}\" stroke-width=\"{}\" \
         stroke-linejoin=\"round\"{}/>",
        points(&radii),
        look.colour,
        num(look.width),
        dash_attribute(look.dash)
    );
    for (axis, r) in radii.iter().enumerate() {
        let (x, y) = point(axis, *r);
        svg.push_str(&marker(look, x, y, MARKER_SIZE));
    }
    svg.push_str("</g>");
}

/// A small inline SVG swatch of a series' line style and marker, for an HTML legend. It is
/// `aria-hidden`: the label next to it names the series.
pub fn legend_marker(style: SeriesStyle) -> String {
    let look = style.look();
    let mut svg = String::with_capacity(512);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-legend__marker\" width=\"40\" \
         height=\"16\" viewBox=\"0 0 40 16\" aria-hidden=\"true\">\
         <line x1=\"1\" y1=\"8\" x2=\"39\" y2=\"8\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
        look.colour,
        num(look.width),
        dash_attribute(look.dash)
    );
    svg.push_str(&marker(look, 20.0, 8.0, MARKER_SIZE + 0.5));
    svg.push_str("</svg>");
    svg
}

/// Escapes text for XML/HTML text and (double- or single-quoted) attribute values: `& < > " '`
/// and also `=` and `` ` ``. Characters
/// that may not appear in an HTML or XML document (control characters other than tab, line
/// feed and carriage return; noncharacters) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not needed for well-formedness, but hostile text such as `<svg onload=…>`
            // then does not even look like an attribute to a naive filter.
            '=' => out.push_str("&#61;"),
            '`' => out.push_str("&#96;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if is_forbidden_char(c) => {}
            other => out.push(other),
        }
    }
    out
}

fn is_forbidden_char(c: char) -> bool {
    let u = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

fn dash_attribute(dash: Option<&str>) -> String {
    dash.map(|d| format!(" stroke-dasharray=\"{d}\""))
        .unwrap_or_default()
}

/// One vertex marker centred on (x, y); `size` is about half its width.
fn marker(look: Look, x: f64, y: f64, size: f64) -> String {
    let fill = format!("fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"", look.colour);
    let polygon = |pts: &[(f64, f64)]| {
        let pts: Vec<String> = pts
            .iter()
            .map(|(dx, dy)| format!("{},{}", num(x + dx), num(y + dy)))
            .collect();
        format!(
            "<polygon class=\"ss-radar__marker\" points=\"{}\" {fill}/>",
            pts.join(" ")
        )
    };
    let strokes = |d: String| {
        format!(
            "<path class=\"ss-radar__marker\" d=\"{d}\" fill=\"none\" stroke=\"{}\" \
             stroke-width=\"2.5\" stroke-linecap=\"round\"/>",
            look.colour
        )
    };
    match look.marker {
        Marker::Circle => format!(
            "<circle class=\"ss-radar__marker\" cx=\"{}\" cy=\"{}\" r=\"{}\" {fill}/>",
            num(x),
            num(y),
            num(size)
        ),
        Marker::Square => {
            let s = size * 0.9;
            format!(
                "<rect class=\"ss-radar__marker\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {fill}/>",
                num(x - s),
                num(y - s),
                num(2.0 * s),
                num(2.0 * s)
            )
        }
        Marker::TriangleUp => {
            let s = size * 1.2;
            polygon(&[(0.0, -s), (s * 0.95, s * 0.7), (-s * 0.95, s * 0.7)])
        }
        Marker::TriangleDown => {
            let s = size * 1.2;
            polygon(&[(0.0, s), (s * 0.95, -s * 0.7), (-s * 0.95, -s * 0.7)])
        }
        Marker::Diamond => {
            let s = size * 1.25;
            polygon(&[(0.0, -s), (s, 0.0), (0.0, s), (-s, 0.0)])
        }
        Marker::Cross => {
            let s = size * 0.9;
            strokes(format!(
                "M{} {}L{} {}M{} {}L{} {}",
                num(x - s),
                num(y - s),
                num(x + s),
                num(y + s),
                num(x - s),
                num(y + s),
                num(x + s),
                num(y - s)
            ))
        }
        Marker::Plus => {
            let s = size * 1.1;
            strokes(format!(
                "M{} {}L{} {}M{} {}L{} {}",
                num(x - s),
                num(y),
                num(x + s),
                num(y),
                num(x),
                num(y - s),
                num(x),
                num(y + s)
            ))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An axis label, laid out.
#[derive(Debug, Clone, PartialEq)]
struct AxisLabel {
    lines: Vec<String>,
    x: f64,
    first_baseline: f64,
    anchor: Anchor,
}

impl AxisLabel {
    /// An estimate of the label's box: (min x, min y, max x, max y).
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let widest = self.lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64
            * CHAR_WIDTH
            * LABEL_FONT_SIZE;
        let (min_x, max_x) = match self.anchor {
            Anchor::Start => (self.x, self.x + widest),
            Anchor::Middle => (self.x - widest / 2.0, self.x + widest / 2.0),
            Anchor::End => (self.x - widest, self.x),
        };
        let last_baseline =
            self.first_baseline + (self.lines.len().saturating_sub(1)) as f64 * LINE_HEIGHT * LABEL_FONT_SIZE;
        (
            min_x,
            self.first_baseline - 0.8 * LABEL_FONT_SIZE,
            max_x,
            last_baseline + 0.25 * LABEL_FONT_SIZE,
        )
    }
}

fn axis_labels() -> Vec<AxisLabel> {
    let line_step = LINE_HEIGHT * LABEL_FONT_SIZE;
    Dimension::ALL
        .iter()
        .enumerate()
        .map(|(axis, d)| {
            let vertical = axis == 0 || axis == 3;
            let lines = wrap(d.label(), if vertical { WRAP_VERTICAL } else { WRAP_SIDE });
            let extra_lines = lines.len().saturating_sub(1) as f64;
            let gap = if axis == 0 { TOP_LABEL_GAP } else { LABEL_GAP };
            let (x, y) = point(axis, RADIUS + gap);
            let (anchor, first_baseline) = match axis {
                // Above the top: the last line sits on the anchor point.
                0 => (Anchor::Middle, y - extra_lines * line_step),
                // Below the bottom: the first line hangs from the anchor point.
                3 => (Anchor::Middle, y + 0.75 * LABEL_FONT_SIZE),
                // Beside the slanted axes: the block is centred vertically on the anchor.
                _ => (
                    if x > 0.0 { Anchor::Start } else { Anchor::End },
                    y - extra_lines * line_step / 2.0 + 0.35 * LABEL_FONT_SIZE,
                ),
            };
            AxisLabel {
                lines,
                x,
                first_baseline,
                anchor,
            }
        })
        .collect()
}

/// Splits a label longer than `max_chars` at the space that balances the two lines best; at
/// most two lines.
fn wrap(label: &str, max_chars: usize) -> Vec<String> {
    let len = label.chars().count();
    if len <= max_chars {
        return vec![label.to_owned()];
    }
    let best = label
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(byte, _)| {
            let left = label[..byte].chars().count();
            (left.max(len - left - 1), byte)
        })
        .min();
    match best {
        Some((_, byte)) => vec![label[..byte].to_owned(), label[byte + 1..].to_owned()],
        None => vec![label.to_owned()],
    }
}

/// The viewBox (min x, min y, width, height) around the rings and the labels; symmetric
/// around the centre horizontally so the chart sits in the middle of its box.
fn view_box(labels: &[AxisLabel]) -> (f64, f64, f64, f64) {
    let mut half_width = RADIUS;
    let mut top = -RADIUS;
    let mut bottom = RADIUS;
    for label in labels {
        let (x0, y0, x1, y1) = label.bounds();
        half_width = half_width.max(-x0).max(x1);
        top = top.min(y0);
        bottom = bottom.max(y1);
    }
    let half_width = (half_width + PADDING).ceil();
    let top = (top - PADDING).floor();
    let bottom = (bottom + PADDING).ceil();
    (-half_width, top, 2.0 * half_width, bottom - top)
}

/// The radius of a score.
fn radius(score: f64) -> f64 {
    score / MAX_SCORE * RADIUS
}

fn clamp_score(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, MAX_SCORE)
    }
}

/// The point at distance `r` from the centre on axis `axis` (0 straight up, then clockwise
/// in steps of 60°); SVG's y axis points down.
fn point(axis: usize, r: f64) -> (f64, f64) {
    let angle = axis as f64 * PI / 3.0;
    (r * angle.sin(), -r * angle.cos())
}

fn points(radii: &[f64; 6]) -> String {
    radii
        .iter()
        .enumerate()
        .map(|(axis, r)| {
            let (x, y) = point(axis, *r);
            format!("{},{}", num(x), num(y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number with at most two decimals, without trailing zeros and without "-0".
fn num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 || !rounded.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_owned()
}

/// FNV-1a over the input, for the id of the chart's title: stable across Rust versions and
/// platforms, unlike `DefaultHasher`.
fn fingerprint(title: &str, series: &[RadarSeries]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(title.as_bytes());
    for s in series {
        feed(&[0xff]);
        feed(s.label.as_bytes());
        feed(&[0xfe]);
        for v in s.values {
            feed(&v.to_bits().to_le_bytes());
        }
        match s.style {
            SeriesStyle::Ideal => feed(&[0]),
            SeriesStyle::Series(n) => {
                feed(&[1]);
                feed(&(n as u64).to_le_bytes());
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests;
