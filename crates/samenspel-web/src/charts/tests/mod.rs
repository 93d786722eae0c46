//! Tests of the chart markup, with a small SVG reader shared by every chart's tests, and the
//! golden files in `../testdata/`: what the renderers wrote for fixed inputs before the
//! markup moved out of the domain crate (see `golden.rs`).

mod golden;
mod map;
mod moore;
mod radar;
mod staat;
mod survey;
mod svg;
mod udo;

/// The value of attribute `name` in the first tag of `tag`.
pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Every start tag (up to its `>`) of element `name`.
pub fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if after.starts_with([' ', '>', '/']) {
            let end = after.find('>').unwrap();
            out.push(&rest[i..i + open.len() + end + 1]);
        }
        rest = after;
    }
    out
}

/// `x,y x,y …` as numbers.
pub fn parse_points(points: &str) -> Vec<(f64, f64)> {
    points
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The text of every `<title>` without attributes, in order.
pub fn tooltips(svg: &str) -> Vec<&str> {
    svg.split("<title>")
        .skip(1)
        .map(|t| &t[..t.find("</title>").unwrap()])
        .collect()
}

/// A tiny checker: every tag is closed, in order, and nothing stray is left.
pub fn assert_well_formed(svg: &str) {
    assert_eq!(svg.matches('<').count(), svg.matches('>').count());
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        assert!(!tag.contains('<'), "nested < in {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split([' ', '/']).next().unwrap();
            stack.push(name.to_owned());
        }
        // Quotes in attributes come in pairs.
        assert_eq!(tag.matches('"').count() % 2, 0, "odd quotes in <{tag}>");
        rest = &rest[end + 1..];
        if stack.is_empty() {
            assert!(rest.trim().is_empty(), "content after the root: {rest}");
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

/// The root is an accessible image named by its `<title>`, without script, event attributes
/// or inline styles; returns the title's id.
pub fn assert_accessible_image<'a>(svg: &'a str, title: &str) -> &'a str {
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    let root = tags(svg, "svg")[0];
    assert_eq!(attr(root, "role"), Some("img"));
    let id = attr(root, "aria-labelledby").unwrap();
    assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    assert!(
        svg.contains(&format!("<title id=\"{id}\">{title}</title>")),
        "{svg}"
    );
    for forbidden in ["<script", "style=", "onload", "onclick", "href"] {
        assert!(!svg.contains(forbidden), "{forbidden}");
    }
    assert_well_formed(svg);
    id
}

/// The tiny topology of the domain's map tests.
pub const TINY_TOPOLOGY: &str = include_str!("../../../../samenspel-domain/src/map/tiny.topojson");
