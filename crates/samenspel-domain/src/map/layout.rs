//! The map's geometry: the projection into the view box, each area's rings at the drawing's
//! precision, its tooltip and which colour slot its region gets. The web layer writes the
//! SVG and turns colour slots into its palette.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Area, Bounds, LonLat, Topology};

/// Width of the map's coordinate system; the height follows from the map's aspect ratio.
pub const VIEW_WIDTH: u32 = 600;
/// Room around the map so that thick highlight outlines are not clipped.
const MARGIN: f64 = 4.0;
/// The latitude whose scale the equirectangular projection keeps true (the middle of NL).
const STANDARD_PARALLEL: f64 = 52.2;

/// How many region colours the palette has. Consecutive slots should differ strongly; the
/// palette itself is the web layer's.
pub const COLOUR_SLOTS: usize = 14;

/// How an area is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// The area's region has this colour slot (below [`COLOUR_SLOTS`]).
    Region(usize),
    /// The area belongs to no region.
    NoRegion,
}

/// What to draw: the map's title, the region of each area (which picks its colour), the
/// highlighted areas and how to name each area.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapRequest {
    /// The accessible name of the whole map.
    pub title: String,
    /// Region index per area code (e.g. `GM0363` → 7). Areas not listed have no region.
    pub colour_of: HashMap<String, usize>,
    /// Region names by index, used in each area's tooltip; a missing entry reads "regio n".
    pub region_names: Vec<String>,
    /// Area codes drawn on top with a thick outline. Unknown codes are ignored.
    pub highlight: Vec<String>,
    /// Accessible name per area code; areas not listed use the name from the topology.
    pub names: HashMap<String, String>,
}

/// The laid-out map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// The view box is `0 0 VIEW_WIDTH height`.
    pub height: u32,
    /// The areas that are not highlighted, in code order.
    pub areas: Vec<AreaShape>,
    /// The highlighted areas, drawn last so that their outline lies on top.
    pub highlighted: Vec<AreaShape>,
}

/// One area, projected.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaShape {
    pub code: String,
    /// "name (region)", or the name alone for an area without a region.
    pub label: String,
    pub fill: Fill,
    /// Every ring of every polygon, in tenths of a view-box unit (integers, so that positions
    /// that coincide at that precision compare equal): without repeated positions and
    /// without the closing repeat of the first one. Rings that collapse to fewer than three
    /// positions are left out.
    pub rings: Vec<Vec<(i64, i64)>>,
}

/// The colour slot of each region index in `colour_of`. Regions are coloured in ascending
/// index order, each with its preferred slot `i % COLOUR_SLOTS` unless a bordering region
/// already has that one; then the next slot no bordering region has. With at most
/// `COLOUR_SLOTS` regions every region thus gets its own colour; with more, bordering
/// regions still differ.
pub fn region_colours(topology: &Topology, colour_of: &HashMap<String, usize>) -> BTreeMap<usize, usize> {
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
        let preferred = region % COLOUR_SLOTS;
        let slot = (0..COLOUR_SLOTS)
            .map(|k| (preferred + k) % COLOUR_SLOTS)
            .find(|s| !taken.contains(s))
            .unwrap_or(preferred);
        slots.insert(region, slot);
    }
    slots
}

/// Projects every area of `topology` and gives it its fill and tooltip; highlighted areas
/// come apart, to be drawn last. The result depends only on the input.
pub fn layout_map(topology: &Topology, request: &MapRequest) -> MapLayout {
    let projection = Projection::fit(topology.bounds());
    let slots = region_colours(topology, &request.colour_of);
    let highlight: BTreeSet<&str> = request.highlight.iter().map(String::as_str).collect();
    let (on_top, rest): (Vec<&Area>, Vec<&Area>) = topology
        .areas()
        .iter()
        .partition(|a| highlight.contains(a.code.as_str()));
    let shape = |area: &Area| area_shape(area, request, &slots, &projection);
    MapLayout {
        height: projection.height,
        areas: rest.into_iter().map(shape).collect(),
        highlighted: on_top.into_iter().map(shape).collect(),
    }
}

fn area_shape(
    area: &Area,
    request: &MapRequest,
    slots: &BTreeMap<usize, usize>,
    projection: &Projection,
) -> AreaShape {
    let region = request.colour_of.get(&area.code).copied();
    let fill = region
        .and_then(|r| slots.get(&r).copied())
        .map_or(Fill::NoRegion, Fill::Region);
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
    AreaShape {
        code: area.code.clone(),
        label,
        fill,
        rings: area
            .polygons
            .iter()
            .flat_map(|p| &p.rings)
            .filter_map(|ring| projected_ring(ring, projection))
            .collect(),
    }
}

/// One ring in tenths of a unit, without repeated positions; `None` when fewer than three
/// positions remain at this precision.
fn projected_ring(ring: &[LonLat], projection: &Projection) -> Option<Vec<(i64, i64)>> {
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
    (points.len() >= 3).then_some(points)
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
        let scale = (f64::from(VIEW_WIDTH) - 2.0 * MARGIN) / span_x;
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
