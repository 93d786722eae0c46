//! The map of the Netherlands' municipalities, as geometry.
//!
//! The boundaries come from a TopoJSON file (CBS/PDOK gebiedsindelingen via cartomap, see
//! `data/reference/PROVENANCE.md`): [`parse_topojson`] decodes it into a [`Topology`] of
//! [`Area`]s in WGS84 longitude/latitude, and [`layout_map`] projects it into a view box, one
//! shape per area with the colour slot of the region it belongs to, with some areas
//! highlighted. The web layer draws it as one inline SVG (`samenspel-web`'s `charts::map`).
//! The map is a visual aid: pages must give a text alternative (for instance a list of
//! municipalities by region) next to it.

mod layout;
mod topojson;

#[cfg(test)]
mod tests;

pub use layout::{
    AreaShape, COLOUR_SLOTS, Fill, MapLayout, MapRequest, VIEW_WIDTH, layout_map, region_colours,
};
pub use topojson::parse_topojson;

/// A position in WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// One polygon: the first ring is the outer boundary, any further rings are holes. Rings are
/// closed as in the source (the last position repeats the first).
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    pub rings: Vec<Vec<LonLat>>,
}

/// One area of the topology, usually a municipality.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// The `statcode` property, e.g. `GM0363`.
    pub code: String,
    /// The `statnaam` property, e.g. `Amsterdam`.
    pub name: String,
    /// All polygons (one for a `Polygon` geometry, several for a `MultiPolygon`).
    pub polygons: Vec<Polygon>,
}

/// The decoded areas of one TopoJSON object, sorted by code, with which areas border on each
/// other (share a boundary arc).
#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    areas: Vec<Area>,
    /// For each area (by index), the indices of the areas sharing an arc with it, ascending.
    neighbours: Vec<Vec<usize>>,
}

impl Topology {
    /// The areas, sorted by code.
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// The area with this code.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.index_of(code).map(|i| &self.areas[i])
    }

    /// The codes of the areas that share a stretch of boundary with `code`, sorted. Empty for an
    /// unknown code or an area without land neighbours.
    pub fn neighbours(&self, code: &str) -> Vec<&str> {
        self.index_of(code)
            .map(|i| {
                self.neighbours[i]
                    .iter()
                    .map(|&j| self.areas[j].code.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The smallest box (west, south, east, north) holding every position of every area.
    pub fn bounds(&self) -> Bounds {
        let mut b = Bounds {
            west: f64::INFINITY,
            south: f64::INFINITY,
            east: f64::NEG_INFINITY,
            north: f64::NEG_INFINITY,
        };
        for p in self
            .areas
            .iter()
            .flat_map(|a| &a.polygons)
            .flat_map(|p| &p.rings)
            .flatten()
        {
            b.west = b.west.min(p.lon);
            b.east = b.east.max(p.lon);
            b.south = b.south.min(p.lat);
            b.north = b.north.max(p.lat);
        }
        b
    }

    fn index_of(&self, code: &str) -> Option<usize> {
        self.areas.binary_search_by(|a| a.code.as_str().cmp(code)).ok()
    }

    pub(crate) fn neighbour_indices(&self) -> &[Vec<usize>] {
        &self.neighbours
    }
}

/// A longitude/latitude bounding box in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// Why a TopoJSON text could not be decoded. Each variant names the place of the problem.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MapError {
    #[error("the TopoJSON is not valid JSON: {0}")]
    Json(String),
    #[error("not a TopoJSON topology: {0}")]
    NotTopology(String),
    #[error("the topology has no object {wanted:?} (it has: {available})")]
    MissingObject { wanted: String, available: String },
    #[error("object {0:?} is not a GeometryCollection")]
    NotACollection(String),
    #[error("object {0:?} holds no geometries")]
    Empty(String),
    #[error("arc {index}: {problem}")]
    Arc { index: usize, problem: String },
    #[error("geometry {index} ({code}) of object {object:?}: {problem}")]
    Geometry {
        object: String,
        index: usize,
        code: String,
        problem: String,
    },
    #[error("code {0:?} occurs more than once")]
    DuplicateCode(String),
}
