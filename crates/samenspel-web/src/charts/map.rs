//! The map's markup (layout: `samenspel_domain::map`): one `<path>` per area (all its rings,
//! `fill-rule="evenodd"`), each with a `<title>` "name (region)" for hovering, filled with the
//! palette colour of its region's slot; highlighted areas last, with a thick black outline.

use std::collections::{BTreeMap, HashMap};

use samenspel_domain::map::{
    AreaShape, COLOUR_SLOTS, Fill, MapRequest, Topology, VIEW_WIDTH, layout_map, region_colours,
};

use super::svg::{self, Fingerprint};

const AREA_STROKE: &str = "#ffffff";
const AREA_STROKE_WIDTH: f64 = 0.5;
const HIGHLIGHT_STROKE: &str = "#000000";
const HIGHLIGHT_STROKE_WIDTH: f64 = 2.2;

/// The categorical palette for regions, one colour per slot (see
/// `samenspel_domain::map::region_colours`). Consecutive entries differ strongly in hue and
/// lightness; all are light enough for a black highlight outline to stand out and none is
/// grey (grey means "no region").
pub const PALETTE: [&str; COLOUR_SLOTS] = [
    "#4e79a7", // blue
    "#f28e2b", // orange
    "#59a14f", // green
    "#e15759", // red
    "#b07aa1", // purple
    "#edc948", // yellow
    "#76b7b2", // teal
    "#ff9da7", // pink
    "#9c755f", // brown
    "#a0cbe8", // light blue
    "#8cd17d", // light green
    "#d4a6c8", // lilac
    "#ffbe7d", // apricot
    "#b6992d", // olive
];

/// The fill of areas that belong to no region.
pub const NO_REGION_FILL: &str = "#dcdcdc";

/// The fill colour of each region index in `colour_of`, as [`render_map`] uses it (for a
/// legend).
pub fn region_fills(
    topology: &Topology,
    colour_of: &HashMap<String, usize>,
) -> BTreeMap<usize, &'static str> {
    region_colours(topology, colour_of)
        .into_iter()
        .map(|(region, slot)| (region, PALETTE[slot % COLOUR_SLOTS]))
        .collect()
}

/// The map as one inline `<svg role="img">` with a `<title>`; the output depends only on the
/// input.
pub fn render_map(topology: &Topology, request: &MapRequest) -> String {
    let map = layout_map(topology, request);
    let title_id = format!("ss-map-title-{:016x}", fingerprint(request));
    let mut svg = svg::chart(
        2048 + topology.areas().len() * 400,
        "ss-map",
        &svg::nums(&[0.0, 0.0, f64::from(VIEW_WIDTH), f64::from(map.height)]),
        &title_id,
        &[],
        &request.title,
    );
    let group = |svg: &mut svg::Svg, class: &str, stroke: &str, width: f64| {
        svg.open(
            "g",
            &[
                ("class", class.into()),
                ("stroke", stroke.into()),
                ("stroke-width", width.into()),
                ("stroke-linejoin", "round".into()),
            ],
        );
    };
    group(&mut svg, "ss-map__areas", AREA_STROKE, AREA_STROKE_WIDTH);
    for area in &map.areas {
        write_area(&mut svg, area);
    }
    svg.close("g");
    if !map.highlighted.is_empty() {
        group(
            &mut svg,
            "ss-map__highlight",
            HIGHLIGHT_STROKE,
            HIGHLIGHT_STROKE_WIDTH,
        );
        for area in &map.highlighted {
            write_area(&mut svg, area);
        }
        svg.close("g");
    }
    svg.close("svg");
    svg.finish()
}

fn write_area(svg: &mut svg::Svg, area: &AreaShape) {
    let fill = match area.fill {
        Fill::Region(slot) => PALETTE[slot % COLOUR_SLOTS],
        Fill::NoRegion => NO_REGION_FILL,
    };
    let d = path_data(&area.rings);
    svg.open(
        "path",
        &[
            ("d", (&d).into()),
            ("fill", fill.into()),
            ("fill-rule", "evenodd".into()),
            ("data-code", (&area.code).into()),
        ],
    );
    svg.element("title", &[], &area.label);
    svg.close("path");
}

/// Every ring as `M x y l dx dy … z`: relative steps are shorter than positions. Rings are in
/// tenths of a unit, so the steps are exact.
pub(super) fn path_data(rings: &[Vec<(i64, i64)>]) -> String {
    let mut d = String::with_capacity(rings.iter().map(|r| r.len() * 8).sum());
    for ring in rings {
        let Some(&(mut x, mut y)) = ring.first() else {
            continue;
        };
        d.push('M');
        push_tenths(&mut d, x, false);
        push_tenths(&mut d, y, true);
        d.push('l');
        for (i, &(px, py)) in ring.iter().enumerate().skip(1) {
            push_tenths(&mut d, px - x, i > 1);
            push_tenths(&mut d, py - y, true);
            (x, y) = (px, py);
        }
        d.push('z');
    }
    d
}

/// Writes `tenths / 10`; `separate` puts a space before it unless its minus sign already
/// separates it from the previous number.
fn push_tenths(out: &mut String, tenths: i64, separate: bool) {
    if separate && tenths >= 0 {
        out.push(' ');
    }
    svg::push_num(out, tenths as f64 / 10.0);
}

/// FNV-1a over the request, so that different maps on one page get different title ids.
fn fingerprint(request: &MapRequest) -> u64 {
    let mut hash = Fingerprint::new();
    let mut feed = |text: &str| {
        hash.feed(text.as_bytes());
        hash.feed(&[0xff]);
    };
    feed(&request.title);
    let colours: BTreeMap<&String, &usize> = request.colour_of.iter().collect();
    for (code, region) in colours {
        feed(code);
        feed(&region.to_string());
    }
    for code in &request.highlight {
        feed(code);
    }
    hash.finish()
}
