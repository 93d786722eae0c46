use std::collections::{BTreeSet, HashMap};

use proptest::prelude::*;

use super::render::{escape, push_tenths};
use super::*;

/// Two unit squares A and B sharing arc 0 (B uses it reversed), and a MultiPolygon C: a square
/// with a square hole, plus a small separate square. Scale and translate are exact in binary.
const TINY: &str = r#"{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [1, 2]},
  "arcs": [
    [[2, 0], [0, 2]],
    [[2, 2], [-2, 0], [0, -2], [2, 0]],
    [[2, 0], [2, 0], [0, 2], [-2, 0]],
    [[10, 0], [6, 0], [0, 6], [-6, 0], [0, -6]],
    [[12, 2], [0, 2], [2, 0], [0, -2], [-2, 0]],
    [[20, 0], [1, 0], [0, 1], [-1, 0], [0, -1]],
    [[0, 0], [1, 1]]
  ],
  "objects": {
    "gemeente": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "arcs": [[2, -1]], "properties": {"statcode": "GM0002", "statnaam": "Bee"}},
      {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "GM0001", "statnaam": "Aa"}},
      {"type": "MultiPolygon", "arcs": [[[3], [4]], [[5]]],
       "properties": {"statcode": "GM0003", "statnaam": "Cee & <Co>"}}
    ]}
  }
}"#;

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
fn map_renders_tiny_topology() {
    let topo = tiny();
    let request = MapRequest {
        title: "Kaart".to_owned(),
        colour_of: HashMap::from([("GM0001".to_owned(), 0), ("GM0002".to_owned(), 1)]),
        region_names: vec!["West".to_owned()],
        highlight: vec!["GM0001".to_owned()],
        names: HashMap::from([("GM0002".to_owned(), "Gemeente Bee".to_owned())]),
    };
    let svg = render_map(&topo, &request);
    assert_eq!(svg, render_map(&topo, &request), "deterministic");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-map\" viewBox=\"0 0 600 "));
    assert_eq!(svg.matches("<path ").count(), 3);
    assert!(svg.contains(&format!(
        "fill=\"{}\" fill-rule=\"evenodd\" data-code=\"GM0001\"",
        PALETTE[0]
    )));
    assert!(svg.contains(&format!(
        "fill=\"{}\" fill-rule=\"evenodd\" data-code=\"GM0002\"",
        PALETTE[1]
    )));
    assert!(svg.contains(&format!(
        "fill=\"{NO_REGION_FILL}\" fill-rule=\"evenodd\" data-code=\"GM0003\""
    )));
    assert!(svg.contains("<title>Aa (West)</title>"));
    assert!(svg.contains("<title>Gemeente Bee (regio 2)</title>"));
    assert!(svg.contains("<title>Cee &amp; &lt;Co&gt;</title>"));
    // The MultiPolygon's path holds three rings; the highlighted area comes last.
    let c = svg
        .split("data-code=\"GM0003\"")
        .next()
        .and_then(|s| s.rsplit("<path d=\"").next());
    assert_eq!(c.map(|d| d.matches('M').count()), Some(3));
    assert!(svg.find("GM0001").unwrap_or(0) > svg.find("GM0003").unwrap_or(usize::MAX));
    assert!(svg.contains("class=\"ss-map__highlight\" stroke=\"#000000\""));
}

#[test]
fn map_path_data_is_compact_and_exact() {
    // A topology spanning lon 0..10 (projected 0..6.13 at cos 52.2°) maps the west edge to
    // x = 4 (the margin); the view box is 600 wide.
    let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[10,1],[0,1],[0,0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0]],"properties":{"statcode":"X1","statnaam":"x"}}]}}}"#;
    let svg = render_map(
        &parse_topojson(text, "g").expect("parses"),
        &MapRequest::default(),
    );
    let d = svg
        .split("<path d=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a path");
    // Height: 1° of latitude at 592 / (10 cos 52.2°) units per degree ≈ 96.6, plus margins.
    assert!(svg.contains("viewBox=\"0 0 600 105\""), "{svg}");
    assert_eq!(d, "M4 100.8l592 0 0-96.6-592 0z");
}

#[test]
fn map_drops_points_that_coincide_after_rounding() {
    let text = r#"{"type":"Topology","arcs":[[[0,0],[10,0],[10.00001,0],[10,1],[0,1],[0,0.00001],[0,0]]],
        "objects":{"g":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0]],"properties":{"statcode":"X1","statnaam":"x"}}]}}}"#;
    let svg = render_map(
        &parse_topojson(text, "g").expect("parses"),
        &MapRequest::default(),
    );
    assert!(svg.contains("d=\"M4 100.8l592 0 0-96.6-592 0z\""), "{svg}");
}

#[test]
fn map_escapes_hostile_text() {
    let request = MapRequest {
        title: "</title><script>alert(1)</script>\"'\u{0}".to_owned(),
        region_names: vec!["<b onload=\"x\">".to_owned()],
        colour_of: HashMap::from([("GM0001".to_owned(), 0)]),
        ..MapRequest::default()
    };
    let svg = render_map(&tiny(), &request);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b "));
    assert!(svg.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;</title>"));
}

#[test]
fn map_region_fills_keep_bordering_regions_apart() {
    let topo = tiny();
    // A and B border on each other; regions 0 and 14 would share PALETTE[0].
    let fills = region_fills(
        &topo,
        &HashMap::from([("GM0001".to_owned(), 0), ("GM0002".to_owned(), 14)]),
    );
    assert_eq!(fills.get(&0), Some(&PALETTE[0]));
    assert_eq!(fills.get(&14), Some(&PALETTE[1]));
    // C does not border on A, so it may repeat A's colour.
    let fills = region_fills(
        &topo,
        &HashMap::from([("GM0001".to_owned(), 0), ("GM0003".to_owned(), 14)]),
    );
    assert_eq!(fills.get(&14), Some(&PALETTE[0]));
}

#[test]
fn map_palette_is_distinct_and_not_grey() {
    let distinct: BTreeSet<&str> = PALETTE.iter().copied().collect();
    assert_eq!(distinct.len(), PALETTE.len());
    assert!(PALETTE.len() >= 12);
    assert!(!distinct.contains(NO_REGION_FILL));
    for colour in PALETTE {
        let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).expect("hex");
        let (r, g, b) = (channel(1), channel(3), channel(5));
        assert!(r.max(g).max(b) - r.min(g).min(b) > 40, "{colour} is too grey");
    }
}

proptest! {
    #[test]
    fn map_tenths_round_trip(value in -100_000i64..100_000) {
        let mut out = String::new();
        push_tenths(&mut out, value, false);
        let parsed: f64 = out.parse().expect("a number");
        prop_assert_eq!((parsed * 10.0).round() as i64, value);
        prop_assert!(!out.ends_with(".0"));
    }

    #[test]
    fn map_escape_leaves_no_markup(text in "\\PC*") {
        let escaped = escape(&text);
        prop_assert!(!escaped.contains('<') && !escaped.contains('>') && !escaped.contains('"'));
        prop_assert!(!escaped.contains('\''));
    }
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
fn map_real_file_renders_small_safe_svg() {
    let topo = real();
    let (colour_of, region_names) = provinces();
    let request = MapRequest {
        title: "Gemeenten per provincie <2025> & \"zo\"".to_owned(),
        colour_of,
        region_names,
        highlight: vec!["GM0363".to_owned(), "GM0014".to_owned()],
        names: HashMap::new(),
    };
    let svg = render_map(&topo, &request);
    assert_eq!(svg.matches("<path").count(), 342);
    assert_eq!(svg.matches("<title").count(), 343);
    assert!(!svg.contains("style="));
    assert!(!svg.contains("<script"));
    assert!(svg.contains(">Gemeenten per provincie &lt;2025&gt; &amp; &quot;zo&quot;</title>"));
    assert!(svg.len() < 300_000, "{} bytes", svg.len());
    assert!(
        !svg.contains(&format!("fill=\"{NO_REGION_FILL}\"")),
        "every municipality has a province"
    );
    assert!(svg.contains("<title>Amsterdam (Noord-Holland)</title>"));

    // The highlighted municipalities come after all others, inside the highlight group.
    let group = svg
        .find("class=\"ss-map__highlight\"")
        .expect("a highlight group");
    let last_plain = svg[..group].rfind("<path").expect("plain paths");
    assert!(svg.find("data-code=\"GM0363\"").expect("Amsterdam") > group);
    assert!(svg.find("data-code=\"GM0014\"").expect("Groningen") > group);
    assert!(last_plain < group);
    assert_eq!(svg[group..].matches("<path").count(), 2);

    // Twelve provinces, twelve colours.
    let fills = region_fills(&topo, &request.colour_of);
    assert_eq!(fills.values().collect::<BTreeSet<_>>().len(), 12);

    if let Ok(path) = std::env::var("SAMENSPEL_MAP_SVG") {
        std::fs::write(path, &svg).expect("write the SVG");
    }
}
