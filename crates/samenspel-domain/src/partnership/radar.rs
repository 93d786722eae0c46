//! The geometry of the radar chart of partnership profiles.
//!
//! Six axes in the order of [`Dimension::ALL`] (the first straight up, then clockwise),
//! hexagonal rings at the scores 1–5 (radius proportional to the score), the axis labels
//! wrapped and placed outside the rings, and per series its six vertices. The centre of the
//! chart is (0, 0) and y points down, as in SVG. How a series looks is given only as its
//! [`Role`]; the web layer turns roles into colours, dash patterns and marker shapes and
//! writes the markup (`samenspel-web`'s `charts::radar`). Keeping the layout here lets it be
//! tested as numbers: labels inside the view box and clear of each other, vertices on their
//! rings.

use std::f64::consts::PI;

use super::Dimension;

/// What a series stands for; the web layer draws each role differently (colour, dash
/// pattern and marker shape), so the legend can be read without colour vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The ideal type, drawn underneath the partners.
    Ideal,
    /// The n-th partner or reference profile.
    Partner(usize),
}

/// One line on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    /// Six values on the 1–5 scale, in dimension order (means may be fractional). Values are
    /// clamped to 0–5; a value that is not a number is drawn as 0.
    pub values: [f64; 6],
    pub role: Role,
}

/// A position in the chart's user units.
pub type Point = (f64, f64);

/// The highest score; the outer ring.
const MAX_SCORE: f64 = 5.0;
/// Radius of the outer ring (score 5) in user units.
pub const RADIUS: f64 = 150.0;
/// Distance between the outer ring and an axis label.
const LABEL_GAP: f64 = 12.0;
/// Extra distance for the label of the first (top) axis, which leaves room for the ring
/// number 5 written next to that axis.
const TOP_LABEL_GAP: f64 = 22.0;
/// Font size of the axis labels. The view box is 646 units wide, so at 36rem (576 CSS
/// pixels) this is about 13.4 pixels.
pub const LABEL_FONT_SIZE: f64 = 15.0;
/// Font size of the ring numbers: about 11.6 pixels at 36rem.
pub const RING_FONT_SIZE: f64 = 13.0;
/// Line height of wrapped labels, as a factor of the font size.
const LINE_HEIGHT: f64 = 1.2;
/// An estimate of the average advance of a character as a factor of the font size, on the
/// safe side for wide sans-serif fonts such as DejaVu Sans (about 0.52 for these labels),
/// used to keep the labels inside the view box.
const CHAR_WIDTH: f64 = 0.58;
/// Space around the drawing inside the view box.
const PADDING: f64 = 8.0;
/// Labels of the slanted axes wrap onto two lines above this many characters, labels of the
/// vertical axes above [`WRAP_VERTICAL`].
const WRAP_SIDE: usize = 14;
const WRAP_VERTICAL: usize = 26;
/// The ring numbers are written just right of the first axis, clear of the markers on it.
const RING_NUMBER_X: f64 = 8.0;
/// ... and this far above their ring.
const RING_NUMBER_RISE: f64 = 4.0;

/// The laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub view_box: ViewBox,
    /// The rings at the scores 1 to 5, innermost first.
    pub rings: Vec<Ring>,
    /// The outer end of each axis (each starts at the centre), in dimension order.
    pub axes: [Point; 6],
    pub labels: Vec<AxisLabel>,
    /// The series in the order given (callers put the ideal type first, underneath).
    pub series: Vec<SeriesShape>,
    /// The score of each ring written next to the first axis, innermost first.
    pub ring_numbers: Vec<RingNumber>,
}

/// The visible area: (min x, min y) and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub min_x: f64,
    pub min_y: f64,
    pub width: f64,
    pub height: f64,
}

/// A hexagon at one score.
#[derive(Debug, Clone, PartialEq)]
pub struct Ring {
    pub score: u8,
    pub corners: [Point; 6],
}

impl Ring {
    /// The outer ring (score 5) is drawn heavier.
    pub fn is_outer(&self) -> bool {
        f64::from(self.score) == MAX_SCORE
    }
}

/// Where a ring's number is written (the baseline's start).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RingNumber {
    pub score: u8,
    pub at: Point,
}

/// One series: its label (for a tooltip), its role and its vertex on every axis.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesShape {
    pub label: String,
    pub role: Role,
    pub vertices: [Point; 6],
}

/// Which point of a text its x coordinate gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// An axis label, laid out: at most two lines, the first on `first_baseline`.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    pub lines: Vec<String>,
    pub x: f64,
    pub first_baseline: f64,
    pub anchor: Anchor,
}

impl AxisLabel {
    /// Every line with its baseline.
    pub fn baselines(&self) -> impl Iterator<Item = (&str, f64)> {
        self.lines.iter().enumerate().map(|(i, line)| {
            (
                line.as_str(),
                self.first_baseline + i as f64 * LINE_HEIGHT * LABEL_FONT_SIZE,
            )
        })
    }

    /// An estimate of the label's box: (min x, min y, max x, max y).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
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

/// Lays out the chart of `series`: rings, axes, labels and every series' vertices.
pub fn layout(series: &[RadarSeries]) -> Radar {
    layout_labelled(series, &Dimension::ALL.map(|d| d.label().to_owned()))
}

/// [`layout`] with the six axis labels given (in the order of [`Dimension::ALL`]), e.g. in
/// the page's language.
pub fn layout_labelled(series: &[RadarSeries], axis_names: &[String; 6]) -> Radar {
    let labels = axis_labels(axis_names);
    let view_box = view_box(&labels);
    Radar {
        view_box,
        rings: (1..=5)
            .map(|score| Ring {
                score,
                corners: corners(&[radius(f64::from(score)); 6]),
            })
            .collect(),
        axes: corners(&[RADIUS; 6]),
        labels,
        series: series
            .iter()
            .map(|s| SeriesShape {
                label: s.label.clone(),
                role: s.role,
                vertices: corners(&s.values.map(|v| radius(clamp_score(v)))),
            })
            .collect(),
        ring_numbers: (1..=5)
            .map(|score| RingNumber {
                score,
                at: (RING_NUMBER_X, -radius(f64::from(score)) - RING_NUMBER_RISE),
            })
            .collect(),
    }
}

fn axis_labels(names: &[String; 6]) -> Vec<AxisLabel> {
    let line_step = LINE_HEIGHT * LABEL_FONT_SIZE;
    names
        .iter()
        .enumerate()
        .map(|(axis, name)| {
            let vertical = axis == 0 || axis == 3;
            let lines = wrap(name, if vertical { WRAP_VERTICAL } else { WRAP_SIDE });
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

/// The view box around the rings and the labels; symmetric around the centre horizontally
/// so the chart sits in the middle of its box.
fn view_box(labels: &[AxisLabel]) -> ViewBox {
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
    ViewBox {
        min_x: -half_width,
        min_y: top,
        width: 2.0 * half_width,
        height: bottom - top,
    }
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
fn point(axis: usize, r: f64) -> Point {
    let angle = axis as f64 * PI / 3.0;
    (r * angle.sin(), -r * angle.cos())
}

/// The point on every axis at its radius.
fn corners(radii: &[f64; 6]) -> [Point; 6] {
    std::array::from_fn(|axis| point(axis, radii[axis]))
}

#[cfg(test)]
mod tests;
