//! Projection and SVG output of the map.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use super::{Area, Bounds, LonLat, Topology};

/// Width of the SVG's coordinate system; the height follows from the map's aspect ratio.
const VIEW_WIDTH: f64 = 600.0;
/// Room around the map so that thick highlight outlines are not clipped.
const MARGIN: f64 = 4.0;
/// The latitude whose scale the equirectangular projection keeps true (the middle of NL).
const STANDARD_PARALLEL: f64 = 52.2;
const AREA_STROKE: &str = "#ffffff";
const AREA_STROKE_WIDTH: &str = "0.5";
const HIGHLIGHT_STROKE: &str = "#000000";
const HIGHLIGHT_STROKE_WIDTH: &str = "2.2";

/// The categorical palette for regions, in order of preference: region `i` gets colour
/// `i % PALETTE.len()` unless a neighbouring region already has it (see [`region_fills`]).
/// Consecutive entries differ strongly in hue and lightness; all are light enough for a black
/// highlight outline to stand out and none is grey (grey means "no region").
pub const PALETTE: [&str; 14] = [
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

/// What to draw: the map's title, the region of each area (which picks its colour), the
/// highlighted areas and how to name each area.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapRequest {
    /// The accessible name of the whole map (the SVG `<title>`).
    pub title: String,
    /// Region index per area code (e.g. `GM0363` → 7). Areas not listed are drawn grey.
    pub colour_of: HashMap<String, usize>,
    /// Region names by index, used in each area's tooltip; a missing entry reads "regio n".
    pub region_names: Vec<String>,
    /// Area codes drawn on top with a thick black outline. Unknown codes are ignored.
    pub highlight: Vec<String>,
    /// Accessible name per area code; areas not listed use the name from the topology.
    pub names: HashMap<String, String>,
}

/// The fill colour of each region index in `colour_of`, as [`render_map`] uses it (for a
/// legend). Regions are coloured in ascending index order, each with its preferred colour
/// `PALETTE[i % PALETTE.len()]` unless a bordering region already has that one; then the next
/// palette colour no bordering region has. With at most `PALETTE.len()` regions every region
/// thus gets its own colour; with more, bordering regions still differ.
pub fn region_fills(
    topology: &Topology,
    colour_of: &HashMap<String, usize>,
) -> BTreeMap<usize, &'static str> {
    let region_of_area: Vec<Option<usize>> = topology
        .areas()
        .iter()
        .map(|a| colour_of.get(&a.code).copied())
        .collect();
    let mut borders: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, neighbours) in topology.neighbour_indices().iter().enumerate() {
        let Some(own) = region_of_area[i] else { continue };
        for &j in neighbours {
            if let Some(other) = region_of_area[j]
                && other != own
            {
                borders.entry(own).or_default().insert(other);
            }
        }
    }
    let regions: BTreeSet<usize> = colour_of.values().copied().collect();
    let mut slots: BTreeMap<usize, usize> = BTreeMap::new();
    for region in regions {
        let taken: BTreeSet<usize> = borders
            .get(&region)
            .into_iter()
            .flatten()
            .filter_map(|other| slots.get(other).copied())
            .collect();
        let preferred = region % PALETTE.len();
        let slot = (0..PALETTE.len())
            .map(|k| (preferred + k) % PALETTE.len())
            .find(|s| !taken.contains(s))
            .unwrap_or(preferred);
        slots.insert(region, slot);
    }
    slots
        .into_iter()
        .map(|(region, slot)| (region, PALETTE[slot]))
        .collect()
}

/// Renders the map as one inline `<svg role="img">` with a `<title>` and one `<path>` per
/// area (all its rings, `fill-rule="evenodd"`), each with a `<title>` "name (region)" for
/// hovering. Highlighted areas come last, so their outline lies on top. All text is escaped;
/// the output depends only on the input.
pub fn render_map(topology: &Topology, request: &MapRequest) -> String {
    let projection = Projection::fit(topology.bounds());
    let fills = region_fills(topology, &request.colour_of);
    let highlight: BTreeSet<&str> = request.highlight.iter().map(String::as_str).collect();
    let title_id = format!("ss-map-title-{:016x}", fingerprint(request));

    let mut svg = String::with_capacity(2048 + topology.areas().len() * 400);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-map\" viewBox=\"0 0 {} {}\" \
         role=\"img\" aria-labelledby=\"{title_id}\"><title id=\"{title_id}\">{}</title>",
        VIEW_WIDTH,
        projection.height,
        escape(&request.title)
    );
    let _ = write!(
        svg,
        "<g class=\"ss-map__areas\" stroke=\"{AREA_STROKE}\" stroke-width=\"{AREA_STROKE_WIDTH}\" \
         stroke-linejoin=\"round\">"
    );
    let (on_top, rest): (Vec<&Area>, Vec<&Area>) = topology
        .areas()
        .iter()
        .partition(|a| highlight.contains(a.code.as_str()));
    for area in rest {
        write_area(&mut svg, area, request, &fills, &projection);
    }
    svg.push_str("</g>");
    if !on_top.is_empty() {
        let _ = write!(
            svg,
            "<g class=\"ss-map__highlight\" stroke=\"{HIGHLIGHT_STROKE}\" \
             stroke-width=\"{HIGHLIGHT_STROKE_WIDTH}\" stroke-linejoin=\"round\">"
        );
        for area in on_top {
            write_area(&mut svg, area, request, &fills, &projection);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

fn write_area(
    svg: &mut String,
    area: &Area,
    request: &MapRequest,
    fills: &BTreeMap<usize, &'static str>,
    projection: &Projection,
) {
    let region = request.colour_of.get(&area.code).copied();
    let fill = region
        .and_then(|r| fills.get(&r).copied())
        .unwrap_or(NO_REGION_FILL);
    let name = request
        .names
        .get(&area.code)
        .map_or(area.name.as_str(), String::as_str);
    let label = match region {
        Some(r) => match request.region_names.get(r) {
            Some(region_name) => format!("{name} ({region_name})"),
            None => format!("{name} (regio {})", r + 1),
        },
        None => name.to_owned(),
    };
    svg.push_str("<path d=\"");
    for ring in area.polygons.iter().flat_map(|p| &p.rings) {
        write_ring(svg, ring, projection);
    }
    let _ = write!(
        svg,
        "\" fill=\"{fill}\" fill-rule=\"evenodd\" data-code=\"{}\"><title>{}</title></path>",
        escape(&area.code),
        escape(&label)
    );
}

/// Appends one ring as `M x y l dx dy … z`, in tenths of a unit, without repeated positions.
/// Rings that collapse to fewer than three positions at this precision are left out.
fn write_ring(svg: &mut String, ring: &[LonLat], projection: &Projection) {
    let mut points: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for &p in ring {
        let q = projection.tenths(p);
        if points.last() != Some(&q) {
            points.push(q);
        }
    }
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if points.len() < 3 {
        return;
    }
    let (mut x, mut y) = points[0];
    svg.push('M');
    push_tenths(svg, x, false);
    push_tenths(svg, y, true);
    svg.push('l');
    for (i, &(px, py)) in points.iter().enumerate().skip(1) {
        push_tenths(svg, px - x, i > 1);
        push_tenths(svg, py - y, true);
        (x, y) = (px, py);
    }
    svg.push('z');
}

/// Writes `tenths / 10` with at most one decimal; `separate` puts a space before it unless
/// its minus sign already separates it from the previous number.
pub(super) fn push_tenths(out: &mut String, tenths: i64, separate: bool) {
    if tenths < 0 {
        out.push('-');
    } else if separate {
        out.push(' ');
    }
    let magnitude = tenths.unsigned_abs();
    let _ = write!(out, "{}", magnitude / 10);
    if !magnitude.is_multiple_of(10) {
        let _ = write!(out, ".{}", magnitude % 10);
    }
}

/// Equirectangular projection with longitudes shrunk by cos(52.2°), fitted into the view box
/// with north up.
struct Projection {
    west: f64,
    north: f64,
    x_factor: f64,
    scale: f64,
    offset_y: f64,
    height: u32,
}

impl Projection {
    fn fit(bounds: Bounds) -> Self {
        let x_factor = STANDARD_PARALLEL.to_radians().cos();
        let span_x = ((bounds.east - bounds.west) * x_factor).max(1e-9);
        let span_y = (bounds.north - bounds.south).max(1e-9);
        let scale = (VIEW_WIDTH - 2.0 * MARGIN) / span_x;
        let map_height = span_y * scale;
        let height = (map_height + 2.0 * MARGIN).ceil().clamp(1.0, 100_000.0);
        Projection {
            west: bounds.west,
            north: bounds.north,
            x_factor,
            scale,
            offset_y: (height - map_height) / 2.0,
            height: height as u32,
        }
    }

    /// The projected position in tenths of a view-box unit.
    fn tenths(&self, p: LonLat) -> (i64, i64) {
        let x = MARGIN + (p.lon - self.west) * self.x_factor * self.scale;
        let y = self.offset_y + (self.north - p.lat) * self.scale;
        ((x * 10.0).round() as i64, (y * 10.0).round() as i64)
    }
}

/// FNV-1a over the request, so that different maps on one page get different title ids.
fn fingerprint(request: &MapRequest) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
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
    hash
}

/// Escapes text for XML text and quoted attribute values. Characters that may not appear in
/// an XML document (control characters other than tab, line feed and carriage return, and
/// noncharacters) are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{fdd0}'..='\u{fdef}') || (c as u32) & 0xfffe == 0xfffe => {}
            other => out.push(other),
        }
    }
    out
}
