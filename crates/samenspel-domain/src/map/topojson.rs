//! Decoding TopoJSON (<https://github.com/topojson/topojson-specification>): quantised,
//! delta-encoded arcs, `Polygon` and `MultiPolygon` geometries with `statcode`/`statnaam`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Area, LonLat, MapError, Polygon, Topology};

/// Decodes the geometry collection `object` of a TopoJSON topology into areas with absolute
/// WGS84 positions. Every geometry must be a `Polygon` or `MultiPolygon` with a non-empty
/// `statcode` property (the area code) and a `statnaam` property (its name); codes must be
/// distinct. Arcs may be quantised (with a `transform`, delta-encoded) or not; a negative arc
/// index `i` means arc `!i` (= `-i - 1`) traversed backwards.
pub fn parse_topojson(text: &str, object: &str) -> Result<Topology, MapError> {
    let root: Value = serde_json::from_str(text).map_err(|e| MapError::Json(e.to_string()))?;
    let root = root
        .as_object()
        .ok_or_else(|| MapError::NotTopology("the document is not a JSON object".to_owned()))?;
    match root.get("type") {
        Some(Value::String(t)) if t == "Topology" => {}
        Some(other) => {
            return Err(MapError::NotTopology(format!(
                "\"type\" is {other}, expected \"Topology\""
            )));
        }
        None => return Err(MapError::NotTopology("\"type\" is missing".to_owned())),
    }
    let transform = parse_transform(root.get("transform"))?;
    let arcs = decode_arcs(root.get("arcs"), transform)?;

    let objects = root
        .get("objects")
        .and_then(Value::as_object)
        .ok_or_else(|| MapError::NotTopology("\"objects\" is missing or not an object".to_owned()))?;
    let collection = objects.get(object).ok_or_else(|| MapError::MissingObject {
        wanted: object.to_owned(),
        available: if objects.is_empty() {
            "none".to_owned()
        } else {
            objects
                .keys()
                .map(|k| format!("{k:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        },
    })?;
    if collection.get("type").and_then(Value::as_str) != Some("GeometryCollection") {
        return Err(MapError::NotACollection(object.to_owned()));
    }
    let geometries = collection
        .get("geometries")
        .and_then(Value::as_array)
        .ok_or_else(|| MapError::NotACollection(object.to_owned()))?;
    if geometries.is_empty() {
        return Err(MapError::Empty(object.to_owned()));
    }

    let mut decoded: Vec<(Area, BTreeSet<usize>)> = Vec::with_capacity(geometries.len());
    for (index, geometry) in geometries.iter().enumerate() {
        decoded.push(decode_geometry(object, index, geometry, &arcs)?);
    }
    decoded.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    if let Some(w) = decoded.windows(2).find(|w| w[0].0.code == w[1].0.code) {
        return Err(MapError::DuplicateCode(w[0].0.code.clone()));
    }

    // Two areas border on each other when they use the same arc.
    let mut users: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, (_, used)) in decoded.iter().enumerate() {
        for &arc in used {
            users.entry(arc).or_default().insert(i);
        }
    }
    let mut neighbours = vec![BTreeSet::new(); decoded.len()];
    for sharing in users.values() {
        for &i in sharing {
            neighbours[i].extend(sharing.iter().copied().filter(|&j| j != i));
        }
    }
    Ok(Topology {
        areas: decoded.into_iter().map(|(area, _)| area).collect(),
        neighbours: neighbours
            .into_iter()
            .map(|set| set.into_iter().collect())
            .collect(),
    })
}

/// The `transform` of a quantised topology: position = quantised × scale + translate.
#[derive(Clone, Copy, Debug)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

fn parse_transform(value: Option<&Value>) -> Result<Option<Transform>, MapError> {
    let Some(value) = value else { return Ok(None) };
    let pair = |key: &str| -> Result<[f64; 2], MapError> {
        let problem = || MapError::NotTopology(format!("\"transform\".\"{key}\" is not a pair of numbers"));
        let items = value.get(key).and_then(Value::as_array).ok_or_else(problem)?;
        match items.as_slice() {
            [a, b] => match (a.as_f64(), b.as_f64()) {
                (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Ok([a, b]),
                _ => Err(problem()),
            },
            _ => Err(problem()),
        }
    };
    Ok(Some(Transform {
        scale: pair("scale")?,
        translate: pair("translate")?,
    }))
}

/// Decodes every arc to absolute positions, undoing the delta encoding and quantisation.
fn decode_arcs(value: Option<&Value>, transform: Option<Transform>) -> Result<Vec<Vec<LonLat>>, MapError> {
    let arcs = value
        .and_then(Value::as_array)
        .ok_or_else(|| MapError::NotTopology("\"arcs\" is missing or not an array".to_owned()))?;
    let mut out = Vec::with_capacity(arcs.len());
    for (index, arc) in arcs.iter().enumerate() {
        let problem = |p: String| MapError::Arc { index, problem: p };
        let positions = arc
            .as_array()
            .ok_or_else(|| problem("not an array of positions".to_owned()))?;
        if positions.len() < 2 {
            return Err(problem(format!(
                "has {} position(s); an arc needs at least 2",
                positions.len()
            )));
        }
        let mut decoded = Vec::with_capacity(positions.len());
        let (mut x, mut y) = (0.0_f64, 0.0_f64);
        for (n, position) in positions.iter().enumerate() {
            let xy = position
                .as_array()
                .filter(|p| p.len() >= 2)
                .and_then(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
                .ok_or_else(|| problem(format!("position {n} is not an array of at least two numbers")))?;
            let point = match transform {
                Some(t) => {
                    x += xy.0;
                    y += xy.1;
                    LonLat {
                        lon: x * t.scale[0] + t.translate[0],
                        lat: y * t.scale[1] + t.translate[1],
                    }
                }
                None => LonLat { lon: xy.0, lat: xy.1 },
            };
            if !(point.lon.is_finite() && point.lat.is_finite()) {
                return Err(problem(format!(
                    "position {n} decodes to a non-finite coordinate"
                )));
            }
            decoded.push(point);
        }
        out.push(decoded);
    }
    Ok(out)
}

/// Decodes one geometry; also returns the (unsigned) indices of the arcs it uses.
fn decode_geometry(
    object: &str,
    index: usize,
    geometry: &Value,
    arcs: &[Vec<LonLat>],
) -> Result<(Area, BTreeSet<usize>), MapError> {
    let properties = geometry.get("properties");
    let property = |key: &str| properties.and_then(|p| p.get(key)).and_then(Value::as_str);
    let code = property("statcode").unwrap_or_default().trim().to_owned();
    let fail = |problem: String| MapError::Geometry {
        object: object.to_owned(),
        index,
        code: if code.is_empty() {
            "no code".to_owned()
        } else {
            code.clone()
        },
        problem,
    };
    if code.is_empty() {
        return Err(fail("the property \"statcode\" is missing or empty".to_owned()));
    }
    if code.chars().any(|c| !c.is_ascii_alphanumeric()) {
        return Err(fail(
            "the property \"statcode\" may only hold letters and digits".to_owned(),
        ));
    }
    let name = property("statnaam")
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| fail("the property \"statnaam\" is missing or empty".to_owned()))?;

    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("(none)");
    let arc_lists = geometry.get("arcs");
    let polygons_json: Vec<&Value> = match kind {
        "Polygon" => vec![arc_lists.ok_or_else(|| fail("a Polygon without \"arcs\"".to_owned()))?],
        "MultiPolygon" => arc_lists
            .and_then(Value::as_array)
            .ok_or_else(|| fail("a MultiPolygon without an \"arcs\" array".to_owned()))?
            .iter()
            .collect(),
        other => {
            return Err(fail(format!(
                "geometry type {other:?} is not supported (only Polygon, MultiPolygon)"
            )));
        }
    };
    if polygons_json.is_empty() {
        return Err(fail("a MultiPolygon without polygons".to_owned()));
    }

    let mut used = BTreeSet::new();
    let mut polygons = Vec::with_capacity(polygons_json.len());
    for (p, polygon) in polygons_json.into_iter().enumerate() {
        let rings_json = polygon
            .as_array()
            .filter(|r| !r.is_empty())
            .ok_or_else(|| fail(format!("polygon {p} is not a non-empty array of rings")))?;
        let mut rings = Vec::with_capacity(rings_json.len());
        for (r, ring) in rings_json.iter().enumerate() {
            let at = |problem: &str| fail(format!("polygon {p}, ring {r}: {problem}"));
            let refs = ring
                .as_array()
                .filter(|a| !a.is_empty())
                .ok_or_else(|| at("not a non-empty array of arc indices"))?;
            let mut points: Vec<LonLat> = Vec::new();
            for reference in refs {
                let signed = reference
                    .as_i64()
                    .ok_or_else(|| at(&format!("arc index {reference} is not an integer")))?;
                let (arc_index, reversed) = if signed < 0 {
                    (!signed, true)
                } else {
                    (signed, false)
                };
                let arc = usize::try_from(arc_index)
                    .ok()
                    .and_then(|i| arcs.get(i).map(|a| (i, a)))
                    .ok_or_else(|| at(&format!("arc index {signed} refers past the {} arcs", arcs.len())))?;
                used.insert(arc.0);
                let start = if reversed { arc.1.last() } else { arc.1.first() };
                // Consecutive arcs share their end and start position: keep it once.
                if let Some(end) = points.pop()
                    && Some(&end) != start
                {
                    return Err(at(&format!(
                        "arc {signed} does not start where the previous arc ends"
                    )));
                }
                if reversed {
                    points.extend(arc.1.iter().rev());
                } else {
                    points.extend(arc.1.iter());
                }
            }
            if points.len() < 4 {
                return Err(at(&format!(
                    "has {} positions; a closed ring needs at least 4",
                    points.len()
                )));
            }
            if points.first() != points.last() {
                return Err(at("does not close (its last position differs from its first)"));
            }
            rings.push(points);
        }
        polygons.push(Polygon { rings });
    }
    Ok((Area { code, name, polygons }, used))
}
