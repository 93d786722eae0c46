use super::*;

fn series(label: &str, values: [f64; 6], style: SeriesStyle) -> RadarSeries {
    RadarSeries {
        label: label.to_owned(),
        values,
        style,
    }
}

fn example() -> Vec<RadarSeries> {
    vec![
        series(
            "Gelijkwaardig partnerschap (ideaaltype)",
            [3.0, 1.0, 3.0, 3.0, 3.0, 1.0],
            SeriesStyle::Ideal,
        ),
        series("MIRT", [3.0, 1.0, 1.0, 5.0, 1.0, 5.0], SeriesStyle::Series(0)),
        series("RES", [5.0, 3.0, 2.0, 2.0, 4.0, 3.0], SeriesStyle::Series(1)),
        series(
            "Regio Deals",
            [3.0, 1.0, 3.0, 2.0, 5.0, 3.0],
            SeriesStyle::Series(2),
        ),
    ]
}

/// The value of attribute `name` in the first tag of `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Every start tag (up to its `>`) of element `name`.
fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
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

fn parse_points(points: &str) -> Vec<(f64, f64)> {
    points
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The vertices of every series line, in drawing order.
fn lines(svg: &str) -> Vec<Vec<(f64, f64)>> {
    tags(svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "class") == Some("ss-radar__line"))
        .map(|t| parse_points(attr(t, "points").unwrap()))
        .collect()
}

fn rings(svg: &str) -> Vec<Vec<(f64, f64)>> {
    tags(svg, "polygon")
        .into_iter()
        .filter(|t| attr(t, "class") == Some("ss-radar__ring"))
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

/// A tiny checker: every tag is closed, in order, and nothing stray is left.
fn assert_well_formed(svg: &str) {
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

#[test]
fn is_an_accessible_svg_with_a_title() {
    let svg = render("Standpunten in Samenwerking A", &example());
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    let root = tags(&svg, "svg")[0];
    assert_eq!(attr(root, "role"), Some("img"));
    let id = attr(root, "aria-labelledby").unwrap();
    assert!(id.starts_with("radar-title-"));
    assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    assert!(svg.contains(&format!(
        "<title id=\"{id}\">Standpunten in Samenwerking A</title>"
    )));
    let view_box: Vec<f64> = attr(root, "viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4);
    // Text is at least 11 CSS pixels when the chart is 36rem (576px) wide.
    let scale = 576.0 / view_box[2];
    assert!(LABEL_FONT_SIZE * scale >= 11.0);
    assert!(RING_FONT_SIZE * scale >= 11.0);
    for forbidden in ["<script", "style=", "onload", "onclick", "href"] {
        assert!(!svg.contains(forbidden), "{forbidden}");
    }
    assert_well_formed(&svg);
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
    let labels = tags(&svg, "text")
        .into_iter()
        .filter(|t| attr(t, "class") == Some("ss-radar__label"))
        .count();
    assert_eq!(labels, 6);
    let text: Vec<String> = svg
        .split("<text class=\"ss-radar__label\"")
        .skip(1)
        .map(|t| tspans(&t[..t.find("</text>").unwrap()]).join(" "))
        .collect();
    let expected: Vec<&str> = Dimension::ALL.iter().map(|d| d.label()).collect();
    assert_eq!(text, expected);
    // Long labels wrap onto at most two lines.
    assert!(tspans(&svg).len() > 6);
}

#[test]
fn labels_sit_outside_the_rings_and_anchor_away_from_the_chart() {
    let labels = axis_labels();
    let anchors: Vec<Anchor> = labels.iter().map(|l| l.anchor).collect();
    assert_eq!(
        anchors,
        [
            Anchor::Middle,
            Anchor::Start,
            Anchor::Start,
            Anchor::Middle,
            Anchor::End,
            Anchor::End
        ]
    );
    let (vx, vy, vw, vh) = view_box(&labels);
    for label in &labels {
        assert!(label.lines.len() <= 2);
        let (x0, y0, x1, y1) = label.bounds();
        // Inside the viewBox.
        assert!(x0 >= vx && x1 <= vx + vw && y0 >= vy && y1 <= vy + vh);
        // Clear of the outer ring's bounding box on its own side.
        match label.anchor {
            Anchor::Start => assert!(x0 > RADIUS * (PI / 3.0).sin()),
            Anchor::End => assert!(x1 < -RADIUS * (PI / 3.0).sin()),
            Anchor::Middle => assert!(y1 < -RADIUS || y0 > RADIUS),
        }
    }
    // No two labels overlap.
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let (a0, a1, a2, a3) = a.bounds();
            let (b0, b1, b2, b3) = b.bounds();
            assert!(a2 < b0 || b2 < a0 || a3 < b1 || b3 < a1, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn wrap_balances_two_lines() {
    assert_eq!(
        wrap("Verantwoordelijkheid uitvoering", 14),
        ["Verantwoordelijkheid", "uitvoering"]
    );
    assert_eq!(
        wrap("Verantwoording aan Rijk", 14),
        ["Verantwoording", "aan Rijk"]
    );
    assert_eq!(wrap("Eisen aan uitvoering", 26), ["Eisen aan uitvoering"]);
    assert_eq!(wrap("Eenwoordzonderspatie", 5), ["Eenwoordzonderspatie"]);
}

#[test]
fn five_rings_at_one_fifth_steps_with_their_numbers() {
    let svg = render("t", &[]);
    let rings = rings(&svg);
    assert_eq!(rings.len(), 5);
    for (i, ring) in rings.iter().enumerate() {
        assert_eq!(ring.len(), 6);
        for p in ring {
            let expected = (i + 1) as f64 / 5.0 * RADIUS;
            assert!((distance(*p) - expected).abs() < 0.02, "{p:?}");
        }
    }
    // Ring 1 is a small ring, not the centre.
    assert!(distance(rings[0][0]) > 20.0);
    for score in 1..=5 {
        assert!(svg.contains(&format!(">{score}</text>")));
    }
    let numbers: Vec<&str> = tags(&svg, "text")
        .into_iter()
        .filter(|t| attr(t, "class").is_none())
        .collect();
    assert_eq!(numbers.len(), 5);
    for (i, t) in numbers.iter().enumerate() {
        // Next to the first (vertical) axis, just above its ring.
        assert_eq!(attr(t, "x"), Some(num(RING_NUMBER_X).as_str()));
        let y: f64 = attr(t, "y").unwrap().parse().unwrap();
        let r = (i + 1) as f64 / 5.0 * RADIUS;
        assert!(y < -r && y > -r - 10.0);
    }
    assert_eq!(tags(&svg, "line").len(), 6);
}

#[test]
fn empty_chart_has_axes_and_rings_but_no_lines() {
    let svg = render("Nog geen standpunten", &[]);
    assert_eq!(rings(&svg).len(), 5);
    assert_eq!(tags(&svg, "line").len(), 6);
    assert!(lines(&svg).is_empty());
    assert_well_formed(&svg);
}

#[test]
fn vertices_lie_on_their_rings() {
    let svg = render(
        "t",
        &[
            series("vijf", [5.0; 6], SeriesStyle::Series(0)),
            series("drie", [3.0, 1.0, 3.0, 3.0, 3.0, 1.0], SeriesStyle::Ideal),
            series("half", [3.5, 2.25, 0.0, 4.0, 1.0, 2.0], SeriesStyle::Series(1)),
        ],
    );
    let lines = lines(&svg);
    assert_eq!(lines.len(), 3);
    let outer = &rings(&svg)[4];
    // All fives: exactly the outer ring.
    assert_eq!(&lines[0], outer);
    // The first vertex lies straight above the centre.
    for line in &lines {
        assert_eq!(line[0].0, 0.0);
        assert!(line[0].1 < 0.0);
    }
    // A 3 lies at 3/5 of the outer radius, a 1 at 1/5.
    assert!((distance(lines[1][0]) - 0.6 * RADIUS).abs() < 0.01);
    assert!((distance(lines[1][1]) - 0.2 * RADIUS).abs() < 0.01);
    // Fractional values; 0 is the centre.
    assert!((distance(lines[2][0]) - 0.7 * RADIUS).abs() < 0.01);
    assert!((distance(lines[2][1]) - 0.45 * RADIUS).abs() < 0.01);
    assert_eq!(lines[2][2], (0.0, 0.0));
    // Clockwise: the second axis is to the upper right, the third lower right, then the
    // bottom, lower left and upper left.
    let signs: Vec<(bool, bool)> = lines[0][1..]
        .iter()
        .map(|(x, y)| (*x > 0.01, *y > 0.01))
        .collect();
    assert_eq!(
        signs,
        [
            (true, false),
            (true, true),
            (false, true),
            (false, true),
            (false, false)
        ]
    );
    assert!(lines[0][3].0.abs() < 0.01 && lines[0][4].0 < 0.0 && lines[0][5].0 < 0.0);
    // A marker at every vertex: 6 per series.
    let markers = svg.matches("class=\"ss-radar__marker\"").count();
    assert_eq!(markers, 18);
}

#[test]
fn values_are_clamped() {
    let svg = render(
        "t",
        &[series(
            "x",
            [9.0, -2.0, f64::NAN, f64::INFINITY, 5.0, 0.0],
            SeriesStyle::Series(0),
        )],
    );
    let line = &lines(&svg)[0];
    assert!((distance(line[0]) - RADIUS).abs() < 0.01);
    assert_eq!(line[1], (0.0, 0.0));
    assert_eq!(line[2], (0.0, 0.0));
    assert!((distance(line[3]) - RADIUS).abs() < 0.01);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
}

#[test]
fn numbers_have_at_most_two_decimals() {
    assert_eq!(num(1.0), "1");
    assert_eq!(num(-0.0001), "0");
    assert_eq!(num(129.903_810_5), "129.9");
    assert_eq!(num(-64.951_905), "-64.95");
    assert_eq!(num(0.125), "0.13");
    let svg = render("t", &example());
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
        .map(|n| series(&format!("S{n}"), [2.0; 6], SeriesStyle::Series(n)))
        .chain([series("I", [3.0; 6], SeriesStyle::Ideal)])
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
    let looks: Vec<Look> = (0..36).map(|n| SeriesStyle::Series(n).look()).collect();
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
        let a = SeriesStyle::Series(n).look();
        let b = SeriesStyle::Series(n + 1).look();
        assert!(a.colour != b.colour && a.dash != b.dash && a.marker != b.marker);
    }
}

/// Relative luminance contrast against white, per WCAG 2.1.
fn contrast_with_white(hex: &str) -> f64 {
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
    assert!(contrast_with_white(TEXT_COLOUR) >= 4.5);
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
        .map(|(n, l)| series(l, [3.0; 6], SeriesStyle::Series(n)))
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
    assert_eq!(escape("a & b's \"c\""), "a &amp; b&#39;s &quot;c&quot;");
    assert_eq!(escape("a=`b`"), "a&#61;&#96;b&#96;");
    assert_eq!(escape("x\u{0}\u{7}\u{85}y\u{FFFE}\tz"), "xy\tz");
}

#[test]
fn series_labels_appear_only_as_tooltips() {
    let svg = render("t", &example());
    let titles: Vec<&str> = svg
        .split("<title>")
        .skip(1)
        .map(|t| &t[..t.find("</title>").unwrap()])
        .collect();
    assert_eq!(
        titles,
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
    for (i, style) in [
        SeriesStyle::Ideal,
        SeriesStyle::Series(0),
        SeriesStyle::Series(1),
        SeriesStyle::Series(2),
    ]
    .into_iter()
    .enumerate()
    {
        let swatch = legend_marker(style);
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
    assert_ne!(
        legend_marker(SeriesStyle::Series(0)),
        legend_marker(SeriesStyle::Series(1))
    );
}

/// Writes the example of the ROB's annex III (`radar.svg`, `radar.html`) and a page with
/// every style and hostile labels (`radar-styles.html`) to the temp dir, to look at and to
/// feed to the Nu HTML checker:
/// `cargo test -p samenspel-domain radar::tests::write_example -- --ignored`.
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
                    legend_marker(s.style),
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
    let mut all = vec![series(
        hostile,
        [3.0, 1.0, 3.0, 3.0, 3.0, 1.0],
        SeriesStyle::Ideal,
    )];
    all.extend((0..8).map(|n| {
        let v = |k: usize| ((n * 7 + k * 3) % 9) as f64 / 2.0 + 0.5;
        series(
            &format!("Partner {n} {hostile}"),
            [v(0), v(1), v(2), v(3), v(4), v(5)],
            SeriesStyle::Series(n),
        )
    }));
    let (_, html) = page(hostile, &all);
    std::fs::write(dir.join("radar-styles.html"), html).unwrap();
}
