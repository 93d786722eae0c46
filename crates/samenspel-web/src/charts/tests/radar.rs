use samenspel_domain::partnership::Dimension;
use samenspel_domain::partnership::radar::{RADIUS, RadarSeries, Role};

use super::{assert_accessible_image, assert_well_formed, attr, parse_points, tags, tooltips};
use crate::charts::radar::{
    COLOURS, GRID_COLOUR, IDEAL_COLOUR, Look, OUTER_RING_COLOUR, legend_marker, look,
};
use crate::charts::svg::escape;

/// The chart with the Dutch axis labels, as the tests (and the golden file) read it.
pub(super) fn render(title: &str, series: &[RadarSeries]) -> String {
    let names = Dimension::ALL.map(|d| d.label().to_owned());
    crate::charts::radar::render(title, &names, series)
}

fn series(label: &str, values: [f64; 6], role: Role) -> RadarSeries {
    RadarSeries {
        label: label.to_owned(),
        values,
        role,
    }
}

fn example() -> Vec<RadarSeries> {
    vec![
        series(
            "Gelijkwaardig partnerschap (ideaaltype)",
            [3.0, 1.0, 3.0, 3.0, 3.0, 1.0],
            Role::Ideal,
        ),
        series("MIRT", [3.0, 1.0, 1.0, 5.0, 1.0, 5.0], Role::Partner(0)),
        series("RES", [5.0, 3.0, 2.0, 2.0, 4.0, 3.0], Role::Partner(1)),
        series("Regio Deals", [3.0, 1.0, 3.0, 2.0, 5.0, 3.0], Role::Partner(2)),
    ]
}

/// The points of every polygon of `class`, in drawing order.
fn polygons(svg: &str, class: &str) -> Vec<Vec<(f64, f64)>> {
    tags(svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "class") == Some(class))
        .map(|t| parse_points(attr(t, "points").unwrap()))
        .collect()
}

fn distance((x, y): (f64, f64)) -> f64 {
    x.hypot(y)
}

/// The text of every `<tspan>`, in order.
fn tspans(svg: &str) -> Vec<String> {
    svg.split("<tspan")
        .skip(1)
        .map(|s| {
            let start = s.find('>').unwrap() + 1;
            let end = s.find("</tspan>").unwrap();
            s[start..end].to_owned()
        })
        .collect()
}

#[test]
fn is_an_accessible_svg_with_a_title() {
    let svg = render("Standpunten in Samenwerking A", &example());
    let id = assert_accessible_image(&svg, "Standpunten in Samenwerking A");
    assert!(id.starts_with("radar-title-"));
    let view_box: Vec<f64> = attr(tags(&svg, "svg")[0], "viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4);
}

#[test]
fn ids_differ_between_charts_and_output_is_deterministic() {
    let a = render("A", &example());
    assert_eq!(a, render("A", &example()));
    let id = |svg: &str| attr(tags(svg, "svg")[0], "aria-labelledby").unwrap().to_owned();
    assert_ne!(id(&a), id(&render("B", &example())));
    assert_ne!(id(&a), id(&render("A", &example()[..2])));
    let mut changed = example();
    changed[1].values[3] = 4.0;
    assert_ne!(id(&a), id(&render("A", &changed)));
}

#[test]
fn six_axis_labels_in_dimension_order() {
    let svg = render("t", &[]);
    let text: Vec<String> = svg
        .split("<text class=\"ss-radar__label\"")
        .skip(1)
        .map(|t| tspans(&t[..t.find("</text>").unwrap()]).join(" "))
        .collect();
    let expected: Vec<&str> = Dimension::ALL.iter().map(|d| d.label()).collect();
    assert_eq!(text, expected);
    // Long labels wrap onto two lines.
    assert!(tspans(&svg).len() > 6);
}

#[test]
fn rings_axes_and_numbers_are_drawn_where_the_layout_puts_them() {
    let svg = render("Nog geen standpunten", &[]);
    let rings = polygons(&svg, "ss-radar__ring");
    assert_eq!(rings.len(), 5);
    for (i, ring) in rings.iter().enumerate() {
        for p in ring {
            let expected = (i + 1) as f64 / 5.0 * RADIUS;
            assert!((distance(*p) - expected).abs() < 0.02, "{p:?}");
        }
    }
    // Only the outer ring is heavier.
    let heavy: Vec<&str> = tags(&svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "stroke-width") == Some("1.5"))
        .collect();
    assert_eq!(heavy.len(), 1);
    assert_eq!(attr(heavy[0], "stroke"), Some(OUTER_RING_COLOUR));
    assert_eq!(tags(&svg, "line").len(), 6);
    let numbers: Vec<&str> = tags(&svg, "text")
        .into_iter()
        .filter(|t| attr(t, "class").is_none())
        .collect();
    assert_eq!(numbers.len(), 5);
    for score in 1..=5 {
        assert!(svg.contains(&format!(">{score}</text>")));
    }
    assert!(polygons(&svg, "ss-radar__line").is_empty());
}

#[test]
fn every_series_is_a_closed_line_with_a_marker_at_every_vertex() {
    let svg = render(
        "t",
        &[
            series("vijf", [5.0; 6], Role::Partner(0)),
            series("drie", [3.0, 1.0, 3.0, 3.0, 3.0, 1.0], Role::Ideal),
            series("half", [3.5, 2.25, 0.0, 4.0, 1.0, 2.0], Role::Partner(1)),
        ],
    );
    let lines = polygons(&svg, "ss-radar__line");
    assert_eq!(lines.len(), 3);
    assert_eq!(&lines[0], &polygons(&svg, "ss-radar__ring")[4]);
    assert_eq!(lines[2][2], (0.0, 0.0));
    assert_eq!(svg.matches("class=\"ss-radar__marker\"").count(), 18);
}

#[test]
fn numbers_have_at_most_two_decimals_and_are_finite() {
    let mut all = example();
    all.push(series(
        "x",
        [9.0, -2.0, f64::NAN, f64::INFINITY, 5.0, 0.0],
        Role::Partner(3),
    ));
    let svg = render("t", &all);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    for chunk in svg.split(['"', ' ', ',']) {
        if let Some((_, decimals)) = chunk.split_once('.')
            && chunk.parse::<f64>().is_ok()
        {
            assert!(decimals.len() <= 2, "{chunk}");
        }
    }
}

fn line_tag(svg: &str, index: usize) -> &str {
    tags(svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "class") == Some("ss-radar__line"))
        .nth(index)
        .unwrap()
}

/// The marker element name and class of a series' first vertex marker.
fn marker_shape(svg: &str, index: usize) -> String {
    let group = svg.split("<g class=\"ss-radar__series").nth(index + 1).unwrap();
    let after = &group[group.find("ss-radar__line").unwrap()..];
    let start = after.find("/>").unwrap() + 2;
    let marker = &after[start..];
    let name = &marker[1..marker.find(' ').unwrap()];
    match name {
        // Polygons and paths are told apart by their geometry.
        "polygon" => {
            let pts = parse_points(attr(marker, "points").unwrap());
            format!("polygon{}:{}", pts.len(), pts[0].1 < pts[1].1)
        }
        "path" => {
            // A plus starts with a horizontal stroke, a cross with a diagonal one.
            let d = attr(marker, "d").unwrap();
            let n: Vec<f64> = d
                .split(['M', 'L', ' '])
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            format!("path:{}", n[1] == n[3])
        }
        other => other.to_owned(),
    }
}

#[test]
fn ideal_is_thick_dark_and_dashed_without_fill() {
    let svg = render("t", &example());
    let ideal = line_tag(&svg, 0);
    assert_eq!(attr(ideal, "fill"), Some("none"));
    assert_eq!(attr(ideal, "stroke"), Some("#1a1a1a"));
    assert!(attr(ideal, "stroke-dasharray").is_some());
    let width: f64 = attr(ideal, "stroke-width").unwrap().parse().unwrap();
    let partner = line_tag(&svg, 1);
    let partner_width: f64 = attr(partner, "stroke-width").unwrap().parse().unwrap();
    assert!(width > partner_width);
    assert!(svg.contains("ss-radar__series--ideal"));
}

#[test]
fn series_differ_in_dash_and_marker_not_only_colour() {
    let all: Vec<RadarSeries> = (0..6)
        .map(|n| series(&format!("S{n}"), [2.0; 6], Role::Partner(n)))
        .chain([series("I", [3.0; 6], Role::Ideal)])
        .collect();
    let svg = render("t", &all);
    let looks: Vec<(Option<&str>, Option<&str>, String)> = (0..7)
        .map(|i| {
            let tag = line_tag(&svg, i);
            (
                attr(tag, "stroke"),
                attr(tag, "stroke-dasharray"),
                marker_shape(&svg, i),
            )
        })
        .collect();
    for (i, a) in looks.iter().enumerate() {
        for b in &looks[i + 1..] {
            assert_ne!(a.0, b.0, "colour {a:?} {b:?}");
            assert_ne!(a.1, b.1, "dash {a:?} {b:?}");
            assert_ne!(a.2, b.2, "marker {a:?} {b:?}");
        }
    }
    // Translucent fill at most.
    let fill: f64 = attr(line_tag(&svg, 0), "fill-opacity").unwrap().parse().unwrap();
    assert!(fill <= 0.15);
}

#[test]
fn later_rounds_still_give_distinct_combinations() {
    let looks: Vec<Look> = (0..36).map(|n| look(Role::Partner(n))).collect();
    for (i, a) in looks.iter().enumerate() {
        for b in &looks[i + 1..] {
            assert!(
                (a.colour, a.dash, a.marker) != (b.colour, b.dash, b.marker),
                "{a:?}"
            );
        }
    }
    // Neighbours always differ in all three.
    for n in 0..40 {
        let a = look(Role::Partner(n));
        let b = look(Role::Partner(n + 1));
        assert!(a.colour != b.colour && a.dash != b.dash && a.marker != b.marker);
    }
}

/// Relative luminance contrast against white, per WCAG 2.1.
pub fn contrast_with_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[test]
fn colours_have_enough_contrast_against_white() {
    for colour in COLOURS
        .iter()
        .chain([&IDEAL_COLOUR, &GRID_COLOUR, &OUTER_RING_COLOUR])
    {
        assert!(contrast_with_white(colour) >= 3.0, "{colour}");
    }
    let svg = render("t", &[]);
    let text = attr(tags(&svg, "g")[1], "fill").unwrap();
    assert!(contrast_with_white(text) >= 4.5);
}

#[test]
fn hostile_text_is_escaped() {
    let hostile = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='x",
    ];
    let all: Vec<RadarSeries> = hostile
        .iter()
        .enumerate()
        .map(|(n, l)| series(l, [3.0; 6], Role::Partner(n)))
        .collect();
    for title in hostile {
        let svg = render(title, &all);
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("onload="));
        assert!(!svg.contains("onmouseover="));
        assert!(!svg.contains("<svg onload"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("&quot;&gt;&lt;svg onload&#61;alert(1)&gt;"));
        assert_well_formed(&svg);
    }
}

#[test]
fn series_labels_appear_only_as_tooltips() {
    let svg = render("t", &example());
    assert_eq!(
        tooltips(&svg),
        [
            "Gelijkwaardig partnerschap (ideaaltype)",
            "MIRT",
            "RES",
            "Regio Deals"
        ]
    );
    assert_eq!(svg.matches("MIRT").count(), 1);
}

#[test]
fn legend_marker_matches_the_series_style() {
    let svg = render("t", &example());
    for (i, role) in [Role::Ideal, Role::Partner(0), Role::Partner(1), Role::Partner(2)]
        .into_iter()
        .enumerate()
    {
        let swatch = legend_marker(role);
        assert_well_formed(&swatch);
        let root = tags(&swatch, "svg")[0];
        assert_eq!(attr(root, "aria-hidden"), Some("true"));
        assert!(attr(root, "width").is_some() && attr(root, "height").is_some());
        let line = tags(&swatch, "line")[0];
        let chart_line = line_tag(&svg, i);
        assert_eq!(attr(line, "stroke"), attr(chart_line, "stroke"));
        assert_eq!(
            attr(line, "stroke-dasharray"),
            attr(chart_line, "stroke-dasharray")
        );
        assert!(!swatch.contains("style="));
    }
    assert_ne!(legend_marker(Role::Partner(0)), legend_marker(Role::Partner(1)));
}

/// Writes the example of the ROB's annex III (`radar.svg`, `radar.html`) and a page with
/// every style and hostile labels (`radar-styles.html`) to the temp dir, to look at and to
/// feed to the Nu HTML checker:
/// `cargo test -p samenspel-web charts::tests::radar::write_example -- --ignored`.
#[test]
#[ignore]
fn write_example() {
    let page = |title: &str, all: &[RadarSeries]| {
        let svg = render(title, all);
        let legend: String = all
            .iter()
            .map(|s| {
                format!(
                    "<li>{} <span>{}</span></li>",
                    legend_marker(s.role),
                    escape(&s.label)
                )
            })
            .collect();
        let html = format!(
            "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">\
             <title>Radar</title><style>body{{font-family:system-ui,sans-serif}}\
             figure{{max-width:36rem;margin:0}}figure svg{{display:block;width:100%;\
             height:auto}}ul{{list-style:none;padding:0;display:flex;flex-wrap:wrap;\
             gap:.4rem 1.5rem;max-width:36rem}}li{{display:inline-flex;gap:.5rem;\
             align-items:center}}</style></head><body><figure>{svg}<figcaption>{}\
             </figcaption></figure><ul>{legend}</ul></body></html>",
            escape(title)
        );
        (svg, html)
    };
    let dir = std::env::temp_dir();
    let (svg, html) = page("Voorbeeld: MIRT en RES tegen het ideaaltype", &example()[..3]);
    std::fs::write(dir.join("radar.svg"), svg).unwrap();
    std::fs::write(dir.join("radar.html"), html).unwrap();

    let hostile = "\"><svg onload=alert(1)><script>alert(1)</script>";
    let mut all = vec![series(hostile, [3.0, 1.0, 3.0, 3.0, 3.0, 1.0], Role::Ideal)];
    all.extend((0..8).map(|n| {
        let v = |k: usize| ((n * 7 + k * 3) % 9) as f64 / 2.0 + 0.5;
        series(
            &format!("Partner {n} {hostile}"),
            [v(0), v(1), v(2), v(3), v(4), v(5)],
            Role::Partner(n),
        )
    }));
    let (_, html) = page(hostile, &all);
    std::fs::write(dir.join("radar-styles.html"), html).unwrap();
}

/// The English axis labels need no wider chart than the Dutch ones, so the labels are no
/// smaller on a phone in English.
#[test]
fn english_labels_keep_the_chart_as_wide_as_dutch() {
    use samenspel_domain::partnership::radar::layout_labelled;

    let names =
        |lang: crate::i18n::Lang| Dimension::ALL.map(|d| lang.t(&format!("collab-dimension-{}", d.key())));
    let dutch = layout_labelled(&example(), &names(crate::i18n::Lang::Nl));
    let english = layout_labelled(&example(), &names(crate::i18n::Lang::En));
    assert!(
        english.view_box.width <= dutch.view_box.width,
        "{:?} {:?}",
        english.view_box,
        dutch.view_box
    );
    let svg = crate::charts::radar::render("t", &names(crate::i18n::Lang::En), &example());
    assert!(svg.contains(">Obligatory</tspan>"), "{svg}");
}
