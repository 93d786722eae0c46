use std::collections::{BTreeSet, HashMap};

use super::*;

/// Two unit squares A and B sharing arc 0 (B uses it reversed), and a MultiPolygon C: a square
/// with a square hole, plus a small separate square. Scale and translate are exact in binary.
/// The web crate's chart tests draw the same file.
const TINY: &str = include_str!("tiny.topojson");

fn ll(x: f64, y: f64) -> LonLat {
    LonLat {
        lon: x * 0.5 + 1.0,
        lat: y * 0.25 + 2.0,
    }
}

fn ring(points: &[(f64, f64)]) -> Vec<LonLat> {
    points.iter().map(|&(x, y)| ll(x, y)).collect()
}

fn tiny() -> Topology {
    parse_topojson(TINY, "gemeente").expect("the tiny topology parses")
}

#[test]
fn map_decodes_delta_encoded_arcs_and_stitches_rings() {
    let topo = tiny();
    let codes: Vec<&str> = topo.areas().iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["GM0001", "GM0002", "GM0003"], "sorted by code");

    let a = topo.area("GM0001").expect("A");
    assert_eq!(a.name, "Aa");
    assert_eq!(
        a.polygons,
        vec![Polygon {
            rings: vec![ring(&[(2., 0.), (2., 2.), (0., 2.), (0., 0.), (2., 0.)])]
        }]
    );
    assert_eq!(a.polygons[0].rings[0][1], LonLat { lon: 2.0, lat: 2.5 });
}

#[test]
fn map_reverses_negative_arc_indices() {
    let b = tiny().area("GM0002").cloned().expect("B");
    assert_eq!(
        b.polygons,
        vec![Polygon {
            rings: vec![ring(&[(2., 0.), (4., 0.), (4., 2.), (2., 2.), (2., 0.)])]
        }]
    );
}

#[test]
fn map_decodes_multipolygons_with_holes() {
    let c = tiny().area("GM0003").cloned().expect("C");
    assert_eq!(c.name, "Cee & <Co>");
    assert_eq!(
        c.polygons,
        vec![
            Polygon {
                rings: vec![
                    ring(&[(10., 0.), (16., 0.), (16., 6.), (10., 6.), (10., 0.)]),
                    ring(&[(12., 2.), (12., 4.), (14., 4.), (14., 2.), (12., 2.)]),
                ]
            },
            Polygon {
                rings: vec![ring(&[(20., 0.), (21., 0.), (21., 1.), (20., 1.), (20., 0.)])]
            },
        ]
    );
}

#[test]
fn map_neighbours_share_an_arc() {
    let topo = tiny();
    assert_eq!(topo.neighbours("GM0001"), ["GM0002"]);
    assert_eq!(topo.neighbours("GM0002"), ["GM0001"]);
    assert!(topo.neighbours("GM0003").is_empty());
    assert!(topo.neighbours("GM9999").is_empty());
    assert_eq!(
        topo.bounds(),
        Bounds {
            west: 1.0,
            south: 2.0,
            east: 11.5,
            north: 3.5
        }
    );
}

#[test]
fn map_without_transform_reads_absolute_positions() {
    let text = r#"{"type":"Topology","arcs":[[[4.5,52.0],[5.5,52.0],[5.5,53.0],[4.5,52.0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0]],"properties":{"statcode":"PV27","statnaam":"Noord"}}]}}}"#;
    let topo = parse_topojson(text, "g").expect("parses");
    assert_eq!(
        topo.areas()[0].polygons[0].rings[0][2],
        LonLat { lon: 5.5, lat: 53.0 }
    );
}

fn error_of(text: &str, object: &str) -> String {
    parse_topojson(text, object)
        .expect_err("must be rejected")
        .to_string()
}

fn with_geometry(geometry: &str) -> String {
    TINY.replace(
        r#"{"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "GM0001", "statnaam": "Aa"}}"#,
        geometry,
    )
}

#[test]
fn map_errors_name_the_problem() {
    assert!(error_of("{", "gemeente").contains("not valid JSON"));
    assert!(error_of("[]", "gemeente").contains("not a JSON object"));
    assert!(error_of(r#"{"type":"FeatureCollection"}"#, "gemeente").contains("\"FeatureCollection\""));
    let missing = error_of(TINY, "provincie");
    assert!(
        missing.contains("\"provincie\"") && missing.contains("\"gemeente\""),
        "{missing}"
    );

    let bad_index = error_of(
        &with_geometry(
            r#"{"type":"Polygon","arcs":[[0, 9]],"properties":{"statcode":"GM0001","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert!(
        bad_index.contains("GM0001") && bad_index.contains("arc index 9"),
        "{bad_index}"
    );

    let reversed_past_end = error_of(
        &with_geometry(
            r#"{"type":"Polygon","arcs":[[-8]],"properties":{"statcode":"GM0001","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert!(reversed_past_end.contains("arc index -8"), "{reversed_past_end}");

    let open = error_of(
        &with_geometry(
            r#"{"type":"Polygon","arcs":[[1]],"properties":{"statcode":"GM0001","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert!(open.contains("does not close"), "{open}");

    let gap = error_of(
        &with_geometry(
            r#"{"type":"Polygon","arcs":[[0, 0]],"properties":{"statcode":"GM0001","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert!(
        gap.contains("does not start where the previous arc ends"),
        "{gap}"
    );

    let point = error_of(
        &with_geometry(
            r#"{"type":"Point","coordinates":[0,0],"properties":{"statcode":"GM0001","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert!(point.contains("\"Point\" is not supported"), "{point}");

    let no_code = error_of(
        &with_geometry(r#"{"type":"Polygon","arcs":[[0, 1]],"properties":{"statnaam":"Aa"}}"#),
        "gemeente",
    );
    assert!(no_code.contains("\"statcode\""), "{no_code}");

    let no_name = error_of(
        &with_geometry(r#"{"type":"Polygon","arcs":[[0, 1]],"properties":{"statcode":"GM0001"}}"#),
        "gemeente",
    );
    assert!(no_name.contains("\"statnaam\""), "{no_name}");

    let duplicate = error_of(
        &with_geometry(
            r#"{"type":"Polygon","arcs":[[0, 1]],"properties":{"statcode":"GM0002","statnaam":"Aa"}}"#,
        ),
        "gemeente",
    );
    assert_eq!(duplicate, "code \"GM0002\" occurs more than once");

    let short_arc = error_of(&TINY.replace("[[0, 0], [1, 1]]", "[[0, 0]]"), "gemeente");
    assert!(short_arc.starts_with("arc 6:"), "{short_arc}");
}

#[test]
fn map_lays_out_tiny_topology() {
    let topo = tiny();
    let request = MapRequest {
        title: "Kaart".to_owned(),
        colour_of: HashMap::from([("GM0001".to_owned(), 0), ("GM0002".to_owned(), 1)]),
        region_names: vec!["West".to_owned()],
        highlight: vec!["GM0001".to_owned(), "GM9999".to_owned()],
        names: HashMap::from([("GM0002".to_owned(), "Gemeente Bee".to_owned())]),
    };
    let map = layout_map(&topo, &request);
    assert_eq!(map, layout_map(&topo, &request), "deterministic");
    let summary = |shapes: &[AreaShape]| -> Vec<(String, String, Fill, usize)> {
        shapes
            .iter()
            .map(|a| (a.code.clone(), a.label.clone(), a.fill, a.rings.len()))
            .collect()
    };
    // The MultiPolygon keeps its three rings; the highlighted area comes apart, to be drawn
    // last; the unknown highlight is ignored.
    assert_eq!(
        summary(&map.areas),
        [
            (
                "GM0002".to_owned(),
                "Gemeente Bee (regio 2)".to_owned(),
                Fill::Region(1),
                1
            ),
            ("GM0003".to_owned(), "Cee & <Co>".to_owned(), Fill::NoRegion, 3),
        ]
    );
    assert_eq!(
        summary(&map.highlighted),
        [("GM0001".to_owned(), "Aa (West)".to_owned(), Fill::Region(0), 1)]
    );
}

/// The only area's only ring.
fn only_ring(text: &str) -> Vec<(i64, i64)> {
    let map = layout_map(
        &parse_topojson(text, "g").expect("parses"),
        &MapRequest::default(),
    );
    assert!(map.highlighted.is_empty());
    assert_eq!(map.areas.len(), 1);
    map.areas[0].rings.concat()
}

#[test]
fn map_projects_into_the_view_box_in_tenths() {
    // A topology spanning lon 0..10 (projected 0..6.13 at cos 52.2°) maps the west edge to
    // x = 4 (the margin); the view box is 600 wide.
    let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[10,1],[0,1],[0,0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0]],"properties":{"statcode":"X1","statnaam":"x"}}]}}}"#;
    // Height: 1° of latitude at 592 / (10 cos 52.2°) units per degree ≈ 96.6, plus margins.
    let map = layout_map(
        &parse_topojson(text, "g").expect("parses"),
        &MapRequest::default(),
    );
    assert_eq!(map.height, 105);
    // Without the closing repeat of the first position.
    assert_eq!(only_ring(text), [(40, 1008), (5960, 1008), (5960, 42), (40, 42)]);
}

#[test]
fn map_drops_points_that_coincide_after_rounding() {
    let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[10.00001,0],[10,1],[0,1],[0,0.00001],[0,0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0]],"properties":{"statcode":"X1","statnaam":"x"}}]}}}"#;
    assert_eq!(only_ring(text), [(40, 1008), (5960, 1008), (5960, 42), (40, 42)]);
}

#[test]
fn map_leaves_out_rings_that_collapse() {
    let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[10,1],[0,1],[0,0]],[[20,0],[20.00001,0],[20.00001,0.00001],[20,0.00001],[20,0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"MultiPolygon","arcs":[[[0]],[[1]]],"properties":{"statcode":"X1","statnaam":"x"}}]}}}"#;
    let map = layout_map(
        &parse_topojson(text, "g").expect("parses"),
        &MapRequest::default(),
    );
    assert_eq!(map.areas[0].rings.len(), 1, "the tiny square vanishes");
}

#[test]
fn map_region_colours_keep_bordering_regions_apart() {
    let topo = tiny();
    // A and B border on each other; regions 0 and 14 would share slot 0.
    let slots = region_colours(
        &topo,
        &HashMap::from([("GM0001".to_owned(), 0), ("GM0002".to_owned(), 14)]),
    );
    assert_eq!(slots.get(&0), Some(&0));
    assert_eq!(slots.get(&14), Some(&1));
    // C does not border on A, so it may repeat A's colour.
    let slots = region_colours(
        &topo,
        &HashMap::from([("GM0001".to_owned(), 0), ("GM0003".to_owned(), 14)]),
    );
    assert_eq!(slots.get(&14), Some(&0));
    assert!(slots.values().all(|s| *s < COLOUR_SLOTS));
}

// ---------------------------------------------------------------------------------------------
// The shipped map of 2025.

const GEMEENTEN_2025: &str = include_str!("../../../../data/reference/geo/gemeente_2025.topojson");

fn real() -> Topology {
    parse_topojson(GEMEENTEN_2025, "gemeente_2025").expect("the shipped map parses")
}

/// Splits one CSV line, honouring double-quoted fields (the reference CSV quotes names with commas).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

/// Region index per municipality: its province PV20..PV31 as 0..11, and the province names.
fn provinces() -> (HashMap<String, usize>, Vec<String>) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let gemeenten = std::fs::read_to_string(format!("{dir}/../../data/reference/gemeenten_2025.csv"))
        .expect("gemeenten_2025.csv");
    let provincies = std::fs::read_to_string(format!("{dir}/../../data/reference/provincies.csv"))
        .expect("provincies.csv");
    let index = |code: &str| {
        code.strip_prefix("PV")
            .and_then(|n| n.parse::<usize>().ok())
            .map(|n| n - 20)
    };
    let mut colour_of = HashMap::new();
    for line in gemeenten.lines().skip(1) {
        let f = csv_fields(line);
        colour_of.insert(f[0].clone(), index(&f[3]).expect("a province code"));
    }
    let mut names = vec![String::new(); 12];
    for line in provincies.lines().skip(1) {
        let f = csv_fields(line);
        names[index(&f[0]).expect("a province code")] = f[1].clone();
    }
    (colour_of, names)
}

#[test]
fn map_real_file_has_342_municipalities_in_the_netherlands() {
    let topo = real();
    assert_eq!(topo.areas().len(), 342);
    let codes: BTreeSet<&str> = topo.areas().iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes.len(), 342);
    for code in &codes {
        assert!(
            code.len() == 6 && code.starts_with("GM") && code[2..].chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
    }
    let b = topo.bounds();
    assert!(
        b.west >= 3.3 && b.east <= 7.3 && b.south >= 50.7 && b.north <= 53.6,
        "{b:?}"
    );
    assert_eq!(topo.area("GM0363").map(|a| a.name.as_str()), Some("Amsterdam"));
    assert!(
        topo.neighbours("GM0363").contains(&"GM0362"),
        "Amsterdam borders on Amstelveen"
    );
    let multi = topo.areas().iter().filter(|a| a.polygons.len() > 1).count();
    assert_eq!(multi, 8);
}

#[test]
fn map_real_file_lays_out_every_municipality_by_province() {
    let topo = real();
    let (colour_of, region_names) = provinces();
    let request = MapRequest {
        title: "Gemeenten per provincie".to_owned(),
        colour_of,
        region_names,
        highlight: vec!["GM0363".to_owned(), "GM0014".to_owned()],
        names: HashMap::new(),
    };
    let map = layout_map(&topo, &request);
    assert_eq!(map.areas.len() + map.highlighted.len(), 342);
    let highlighted: Vec<&str> = map.highlighted.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(highlighted, ["GM0014", "GM0363"]);
    assert!(
        map.areas
            .iter()
            .chain(&map.highlighted)
            .all(|a| a.fill != Fill::NoRegion),
        "every municipality has a province"
    );
    assert!(
        map.highlighted
            .iter()
            .any(|a| a.label == "Amsterdam (Noord-Holland)")
    );
    // Every area keeps at least one ring, and every position lies inside the view box.
    for area in map.areas.iter().chain(&map.highlighted) {
        assert!(!area.rings.is_empty(), "{}", area.code);
        for &(x, y) in area.rings.iter().flatten() {
            assert!((0..=i64::from(VIEW_WIDTH) * 10).contains(&x), "{}", area.code);
            assert!((0..=i64::from(map.height) * 10).contains(&y), "{}", area.code);
        }
    }
    // Twelve provinces, twelve colours.
    let slots = region_colours(&topo, &request.colour_of);
    assert_eq!(slots.values().collect::<BTreeSet<_>>().len(), 12);
}
