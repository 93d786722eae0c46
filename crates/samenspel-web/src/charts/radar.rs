//! The radar chart's markup (layout: `samenspel_domain::partnership::radar`).
//!
//! Series differ in colour, dash pattern *and* marker shape, so they can be told apart
//! without colour vision. Series labels appear only as `<title>` tooltips; the visible legend
//! is an HTML list next to the chart, with [`legend_marker`] as its swatches, and the page
//! gives the same numbers in a table as the text alternative.

use samenspel_domain::partnership::radar::{
    self, Anchor, LABEL_FONT_SIZE, RING_FONT_SIZE, Radar, RadarSeries, Role, SeriesShape,
};

use super::svg::{self, Attr, Fingerprint, Svg, num};

const TEXT_COLOUR: &str = "#1a1a1a";
/// Rings and axes: grey with at least 3:1 contrast against white (WCAG 1.4.11).
pub(super) const GRID_COLOUR: &str = "#949494";
pub(super) const OUTER_RING_COLOUR: &str = "#6b6b6b";
pub(super) const IDEAL_COLOUR: &str = "#1a1a1a";
const IDEAL_DASH: &str = "9 6";
const IDEAL_WIDTH: f64 = 3.5;
const SERIES_WIDTH: f64 = 2.25;
const SERIES_FILL_OPACITY: &str = "0.08";
const MARKER_SIZE: f64 = 4.5;
const FONT_FAMILY: &str = "system-ui, sans-serif";

/// The Okabe–Ito palette, darkened where needed so that every colour has at least 3:1
/// contrast against white (blue 5.2, vermillion 3.9, bluish green 5.5, reddish purple 5.0,
/// orange 4.7, sky blue 4.6).
pub(super) const COLOURS: [&str; 6] = ["#0072B2", "#D55E00", "#00785A", "#AD4F86", "#A86A00", "#2F7FB5"];

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
pub(super) enum Marker {
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

/// The drawing attributes of one role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    pub colour: &'static str,
    pub dash: Option<&'static str>,
    width: f64,
    fill: bool,
    pub marker: Marker,
}

pub(super) fn look(role: Role) -> Look {
    match role {
        Role::Ideal => Look {
            colour: IDEAL_COLOUR,
            dash: Some(IDEAL_DASH),
            width: IDEAL_WIDTH,
            fill: false,
            marker: Marker::Plus,
        },
        Role::Partner(n) => {
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

/// The chart as an inline `<svg>` element with a `<title>`, six axes labelled `axis_names`
/// (in the page's language, in the order of the dimensions), rings 1–5 and the series. The
/// id of the `<title>` is derived from a hash of the input, so different charts on one page
/// get different ids.
pub fn render(title: &str, axis_names: &[String; 6], series: &[RadarSeries]) -> String {
    let chart = radar::layout_labelled(series, axis_names);
    let title_id = format!("radar-title-{:016x}", fingerprint(title, series));
    let vb = chart.view_box;
    let mut svg = svg::chart(
        4096 + series.len() * 1024,
        "ss-radar__chart",
        &svg::nums(&[vb.min_x, vb.min_y, vb.width, vb.height]),
        &title_id,
        &[("font-family", FONT_FAMILY.into())],
        title,
    );

    grid(&mut svg, &chart);
    labels(&mut svg, &chart);
    // The series in the order given (callers put the ideal type first, underneath).
    for shape in &chart.series {
        series_shape(&mut svg, shape);
    }
    scale(&mut svg, &chart);
    svg.close("svg");
    svg.finish()
}

/// The rings at 1..=5 and the six axes.
fn grid(svg: &mut Svg, chart: &Radar) {
    svg.open(
        "g",
        &[
            ("class", "ss-radar__grid".into()),
            ("fill", "none".into()),
            ("stroke", GRID_COLOUR.into()),
            ("stroke-width", 1.0.into()),
        ],
    );
    for ring in &chart.rings {
        let points = svg::points(&ring.corners);
        let mut attrs: Vec<Attr<'_>> = vec![("class", "ss-radar__ring".into()), ("points", (&points).into())];
        if ring.is_outer() {
            attrs.extend([("stroke", OUTER_RING_COLOUR.into()), ("stroke-width", 1.5.into())]);
        }
        svg.empty("polygon", &attrs);
    }
    for (x, y) in chart.axes {
        svg.empty(
            "line",
            &[
                ("class", "ss-radar__axis".into()),
                ("x1", 0.0.into()),
                ("y1", 0.0.into()),
                ("x2", x.into()),
                ("y2", y.into()),
            ],
        );
    }
    svg.close("g");
}

/// The axis labels, long ones wrapped.
fn labels(svg: &mut Svg, chart: &Radar) {
    svg.open(
        "g",
        &[
            ("class", "ss-radar__labels".into()),
            ("font-size", LABEL_FONT_SIZE.into()),
            ("fill", TEXT_COLOUR.into()),
        ],
    );
    for label in &chart.labels {
        svg.open(
            "text",
            &[
                ("class", "ss-radar__label".into()),
                ("x", label.x.into()),
                ("y", label.first_baseline.into()),
                ("text-anchor", anchor(label.anchor).into()),
            ],
        );
        for (line, y) in label.baselines() {
            svg.element("tspan", &[("x", label.x.into()), ("y", y.into())], line);
        }
        svg.close("text");
    }
    svg.close("g");
}

/// One series: a closed line with a marker at every vertex, its label as the tooltip.
fn series_shape(svg: &mut Svg, shape: &SeriesShape) {
    let look = look(shape.role);
    let class = match shape.role {
        Role::Ideal => "ss-radar__series ss-radar__series--ideal".to_owned(),
        Role::Partner(n) => format!("ss-radar__series ss-radar__series--{n}"),
    };
    svg.open("g", &[("class", (&class).into())]);
    svg.element("title", &[], &shape.label);
    let points = svg::points(&shape.vertices);
    let mut attrs: Vec<Attr<'_>> = vec![("class", "ss-radar__line".into()), ("points", (&points).into())];
    if look.fill {
        attrs.extend([
            ("fill", look.colour.into()),
            ("fill-opacity", SERIES_FILL_OPACITY.into()),
        ]);
    } else {
        attrs.push(("fill", "none".into()));
    }
    attrs.extend([
        ("stroke", look.colour.into()),
        ("stroke-width", look.width.into()),
        ("stroke-linejoin", "round".into()),
    ]);
    attrs.extend(look.dash.map(|d| ("stroke-dasharray", d.into())));
    svg.empty("polygon", &attrs);
    for (x, y) in shape.vertices {
        marker(svg, look, x, y, MARKER_SIZE);
    }
    svg.close("g");
}

/// The ring numbers along the first axis, on top of the lines, with a white halo.
fn scale(svg: &mut Svg, chart: &Radar) {
    svg.open(
        "g",
        &[
            ("class", "ss-radar__scale".into()),
            ("font-size", RING_FONT_SIZE.into()),
            ("fill", TEXT_COLOUR.into()),
            ("stroke", "#ffffff".into()),
            ("stroke-width", 3.0.into()),
            ("stroke-linejoin", "round".into()),
            ("paint-order", "stroke".into()),
        ],
    );
    for number in &chart.ring_numbers {
        let (x, y) = number.at;
        svg.element(
            "text",
            &[("x", x.into()), ("y", y.into())],
            &number.score.to_string(),
        );
    }
    svg.close("g");
}

/// A small inline SVG swatch of a role's line style and marker, for an HTML legend. It is
/// `aria-hidden`: the label next to it names the series.
pub fn legend_marker(role: Role) -> String {
    let look = look(role);
    let mut svg = Svg::with_capacity(512);
    svg.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("class", "ss-legend__marker".into()),
            ("width", 40.0.into()),
            ("height", 16.0.into()),
            ("viewBox", "0 0 40 16".into()),
            ("aria-hidden", "true".into()),
        ],
    );
    let mut attrs: Vec<Attr<'_>> = vec![
        ("x1", 1.0.into()),
        ("y1", 8.0.into()),
        ("x2", 39.0.into()),
        ("y2", 8.0.into()),
        ("stroke", look.colour.into()),
        ("stroke-width", look.width.into()),
    ];
    attrs.extend(look.dash.map(|d| ("stroke-dasharray", d.into())));
    svg.empty("line", &attrs);
    marker(&mut svg, look, 20.0, 8.0, MARKER_SIZE + 0.5);
    svg.close("svg");
    svg.finish()
}

fn anchor(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

/// One vertex marker centred on (x, y); `size` is about half its width.
fn marker(svg: &mut Svg, look: Look, x: f64, y: f64, size: f64) {
    let class: Attr<'_> = ("class", "ss-radar__marker".into());
    let filled: [Attr<'_>; 3] = [
        ("fill", look.colour.into()),
        ("stroke", "#ffffff".into()),
        ("stroke-width", 1.0.into()),
    ];
    let polygon = |svg: &mut Svg, offsets: &[(f64, f64)]| {
        let corners: Vec<(f64, f64)> = offsets.iter().map(|(dx, dy)| (x + dx, y + dy)).collect();
        let points = svg::points(&corners);
        let mut attrs = vec![class, ("points", (&points).into())];
        attrs.extend(filled);
        svg.empty("polygon", &attrs);
    };
    let strokes = |svg: &mut Svg, ends: [(f64, f64); 4]| {
        let [(ax, ay), (bx, by), (cx, cy), (dx, dy)] = ends.map(|(a, b)| (num(a), num(b)));
        let d = format!("M{ax} {ay}L{bx} {by}M{cx} {cy}L{dx} {dy}");
        svg.empty(
            "path",
            &[
                class,
                ("d", (&d).into()),
                ("fill", "none".into()),
                ("stroke", look.colour.into()),
                ("stroke-width", 2.5.into()),
                ("stroke-linecap", "round".into()),
            ],
        );
    };
    match look.marker {
        Marker::Circle => {
            let mut attrs = vec![class, ("cx", x.into()), ("cy", y.into()), ("r", size.into())];
            attrs.extend(filled);
            svg.empty("circle", &attrs);
        }
        Marker::Square => {
            let s = size * 0.9;
            let mut attrs = vec![
                class,
                ("x", (x - s).into()),
                ("y", (y - s).into()),
                ("width", (2.0 * s).into()),
                ("height", (2.0 * s).into()),
            ];
            attrs.extend(filled);
            svg.empty("rect", &attrs);
        }
        Marker::TriangleUp => {
            let s = size * 1.2;
            polygon(svg, &[(0.0, -s), (s * 0.95, s * 0.7), (-s * 0.95, s * 0.7)]);
        }
        Marker::TriangleDown => {
            let s = size * 1.2;
            polygon(svg, &[(0.0, s), (s * 0.95, -s * 0.7), (-s * 0.95, -s * 0.7)]);
        }
        Marker::Diamond => {
            let s = size * 1.25;
            polygon(svg, &[(0.0, -s), (s, 0.0), (0.0, s), (-s, 0.0)]);
        }
        Marker::Cross => {
            let s = size * 0.9;
            strokes(
                svg,
                [(x - s, y - s), (x + s, y + s), (x - s, y + s), (x + s, y - s)],
            );
        }
        Marker::Plus => {
            let s = size * 1.1;
            strokes(svg, [(x - s, y), (x + s, y), (x, y - s), (x, y + s)]);
        }
    }
}

/// FNV-1a over the input, for the id of the chart's title.
fn fingerprint(title: &str, series: &[RadarSeries]) -> u64 {
    let mut hash = Fingerprint::new();
    hash.feed(title.as_bytes());
    for s in series {
        hash.feed(&[0xff]);
        hash.feed(s.label.as_bytes());
        hash.feed(&[0xfe]);
        for v in s.values {
            hash.feed(&v.to_bits().to_le_bytes());
        }
        match s.role {
            Role::Ideal => hash.feed(&[0]),
            Role::Partner(n) => {
                hash.feed(&[1]);
                hash.feed(&(n as u64).to_le_bytes());
            }
        }
    }
    hash.finish()
}
