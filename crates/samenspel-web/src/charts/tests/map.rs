use std::collections::{BTreeSet, HashMap};

use samenspel_domain::map::{MapRequest, Topology, parse_topojson};

use super::{TINY_TOPOLOGY, assert_accessible_image, attr, tags, tooltips};
use crate::charts::map::{NO_REGION_FILL, PALETTE, path_data, region_fills, render_map};

fn tiny() -> Topology {
    parse_topojson(TINY_TOPOLOGY, "gemeente").unwrap()
}

/// The shipped map of 2025.
pub fn real() -> Topology {
    parse_topojson(
        include_str!("../../../../../data/reference/geo/gemeente_2025.topojson"),
        "gemeente_2025",
    )
    .unwrap()
}

/// The `fill` of the path of each area, by code.
fn fills(svg: &str) -> HashMap<String, String> {
    tags(svg, "path")
        .into_iter()
        .map(|t| {
            (
                attr(t, "data-code").unwrap().to_owned(),
                attr(t, "fill").unwrap().to_owned(),
            )
        })
        .collect()
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
    let id = assert_accessible_image(&svg, "Kaart");
    assert!(id.starts_with("ss-map-title-"));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ss-map\" viewBox=\"0 0 600 "));
    assert_eq!(svg.matches("<path ").count(), 3);
    let fills = fills(&svg);
    assert_eq!(fills["GM0001"], PALETTE[0]);
    assert_eq!(fills["GM0002"], PALETTE[1]);
    assert_eq!(fills["GM0003"], NO_REGION_FILL);
    assert_eq!(
        tooltips(&svg),
        ["Gemeente Bee (regio 2)", "Cee &amp; &lt;Co&gt;", "Aa (West)"]
    );
    // The MultiPolygon's path holds three rings; the highlighted area comes last, in its
    // own group with a black outline.
    let c = tags(&svg, "path")
        .into_iter()
        .find(|t| attr(t, "data-code") == Some("GM0003"))
        .unwrap();
    assert_eq!(attr(c, "d").unwrap().matches('M').count(), 3);
    assert_eq!(attr(c, "fill-rule"), Some("evenodd"));
    let group = svg
        .find("class=\"ss-map__highlight\" stroke=\"#000000\"")
        .unwrap();
    assert!(svg.find("data-code=\"GM0001\"").unwrap() > group);
    assert!(svg.find("data-code=\"GM0003\"").unwrap() < group);
    // The legend's colours are the map's.
    let legend = region_fills(&topo, &request.colour_of);
    assert_eq!(legend.get(&0), Some(&PALETTE[0]));
    assert_eq!(legend.get(&1), Some(&PALETTE[1]));
}

#[test]
fn map_without_highlights_has_no_highlight_group() {
    let svg = render_map(&tiny(), &MapRequest::default());
    assert!(!svg.contains("ss-map__highlight"));
    assert_eq!(svg.matches("<path ").count(), 3);
}

#[test]
fn map_path_data_is_compact_and_exact() {
    assert_eq!(
        path_data(&[vec![(40, 1008), (5960, 1008), (5960, 42), (40, 42)]]),
        "M4 100.8l592 0 0-96.6-592 0z"
    );
    // Every ring starts with its own M; negative steps need no space.
    assert_eq!(
        path_data(&[
            vec![(0, 0), (15, 0), (15, -5)],
            vec![(-10, 3), (-20, 3), (-20, 13)]
        ]),
        "M0 0l1.5 0 0-0.5zM-1 0.3l-1 0 0 1z"
    );
    assert_eq!(path_data(&[]), "");
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
    assert!(!svg.contains("onload="));
    assert!(svg.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;</title>"));
    assert!(svg.contains("<title>Aa (&lt;b onload&#61;&quot;x&quot;&gt;)</title>"));
}

#[test]
fn map_palette_is_distinct_and_not_grey() {
    let distinct: BTreeSet<&str> = PALETTE.iter().copied().collect();
    assert_eq!(distinct.len(), PALETTE.len());
    assert!(PALETTE.len() >= 12);
    assert!(!distinct.contains(NO_REGION_FILL));
    for colour in PALETTE {
        let channel = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap();
        let (r, g, b) = (channel(1), channel(3), channel(5));
        assert!(r.max(g).max(b) - r.min(g).min(b) > 40, "{colour} is too grey");
    }
}

#[test]
fn map_real_file_renders_small_safe_svg() {
    let topo = real();
    let request = MapRequest {
        title: "Gemeenten <2025> & \"zo\"".to_owned(),
        colour_of: topo
            .areas()
            .iter()
            .map(|a| (a.code.clone(), a.code.len() % 3))
            .collect(),
        region_names: vec!["Noord".to_owned()],
        highlight: vec!["GM0363".to_owned(), "GM0014".to_owned()],
        names: HashMap::new(),
    };
    let svg = render_map(&topo, &request);
    assert_accessible_image(&svg, "Gemeenten &lt;2025&gt; &amp; &quot;zo&quot;");
    assert_eq!(svg.matches("<path").count(), 342);
    assert_eq!(svg.matches("<title").count(), 343);
    assert!(svg.len() < 300_000, "{} bytes", svg.len());
    assert!(svg.contains("<title>Amsterdam (Noord)</title>"));
    // The highlighted municipalities come after all others, inside the highlight group.
    let group = svg.find("class=\"ss-map__highlight\"").unwrap();
    assert!(svg[..group].rfind("<path").is_some());
    assert_eq!(svg[group..].matches("<path").count(), 2);
    if let Ok(path) = std::env::var("SAMENSPEL_MAP_SVG") {
        std::fs::write(path, &svg).unwrap();
    }
}
