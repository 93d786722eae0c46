use super::*;

fn series(label: &str, values: [f64; 6], role: Role) -> RadarSeries {
    RadarSeries {
        label: label.to_owned(),
        values,
        role,
    }
}

fn distance((x, y): Point) -> f64 {
    x.hypot(y)
}

#[test]
fn labels_sit_outside_the_rings_and_anchor_away_from_the_chart() {
    let chart = layout(&[]);
    let labels = &chart.labels;
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
    let ViewBox {
        min_x: vx,
        min_y: vy,
        width: vw,
        height: vh,
    } = chart.view_box;
    for label in labels {
        assert!(label.lines.len() <= 2);
        let (x0, y0, x1, y1) = label.bounds();
        // Inside the view box.
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
fn six_axis_labels_in_dimension_order_with_long_ones_wrapped() {
    let labels = layout(&[]).labels;
    let text: Vec<String> = labels.iter().map(|l| l.lines.join(" ")).collect();
    let expected: Vec<&str> = Dimension::ALL.iter().map(|d| d.label()).collect();
    assert_eq!(text, expected);
    assert!(labels.iter().any(|l| l.lines.len() == 2));
    // Wrapped lines sit one line height apart.
    for label in &labels {
        let baselines: Vec<f64> = label.baselines().map(|(_, y)| y).collect();
        assert_eq!(baselines[0], label.first_baseline);
        if let [first, second] = baselines[..] {
            assert!((second - first - LINE_HEIGHT * LABEL_FONT_SIZE).abs() < 1e-9);
        }
    }
}

#[test]
fn text_is_large_enough_at_the_usual_width() {
    // Text is at least 11 CSS pixels when the chart is 36rem (576px) wide.
    let scale = 576.0 / layout(&[]).view_box.width;
    assert!(LABEL_FONT_SIZE * scale >= 11.0);
    assert!(RING_FONT_SIZE * scale >= 11.0);
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
    let chart = layout(&[]);
    assert_eq!(chart.rings.len(), 5);
    for (i, ring) in chart.rings.iter().enumerate() {
        assert_eq!(usize::from(ring.score), i + 1);
        assert_eq!(ring.is_outer(), i == 4);
        for p in ring.corners {
            let expected = (i + 1) as f64 / 5.0 * RADIUS;
            assert!((distance(p) - expected).abs() < 1e-9, "{p:?}");
        }
    }
    // Ring 1 is a small ring, not the centre.
    assert!(distance(chart.rings[0].corners[0]) > 20.0);
    assert_eq!(chart.ring_numbers.len(), 5);
    for (i, number) in chart.ring_numbers.iter().enumerate() {
        assert_eq!(usize::from(number.score), i + 1);
        // Next to the first (vertical) axis, just above its ring.
        let (x, y) = number.at;
        assert!(x > 0.0 && x < 10.0);
        let r = (i + 1) as f64 / 5.0 * RADIUS;
        assert!(y < -r && y > -r - 10.0);
    }
    for axis in chart.axes {
        assert!((distance(axis) - RADIUS).abs() < 1e-9);
    }
}

#[test]
fn an_empty_chart_has_axes_and_rings_but_no_series() {
    let chart = layout(&[]);
    assert_eq!(chart.rings.len(), 5);
    assert_eq!(chart.axes.len(), 6);
    assert!(chart.series.is_empty());
}

#[test]
fn vertices_lie_on_their_rings() {
    let chart = layout(&[
        series("vijf", [5.0; 6], Role::Partner(0)),
        series("drie", [3.0, 1.0, 3.0, 3.0, 3.0, 1.0], Role::Ideal),
        series("half", [3.5, 2.25, 0.0, 4.0, 1.0, 2.0], Role::Partner(1)),
    ]);
    let lines: Vec<[Point; 6]> = chart.series.iter().map(|s| s.vertices).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(chart.series[1].role, Role::Ideal);
    assert_eq!(chart.series[2].label, "half");
    // All fives: exactly the outer ring.
    assert_eq!(lines[0], chart.rings[4].corners);
    // The first vertex lies straight above the centre.
    for line in &lines {
        assert_eq!(line[0].0, 0.0);
        assert!(line[0].1 < 0.0);
    }
    // A 3 lies at 3/5 of the outer radius, a 1 at 1/5.
    assert!((distance(lines[1][0]) - 0.6 * RADIUS).abs() < 1e-9);
    assert!((distance(lines[1][1]) - 0.2 * RADIUS).abs() < 1e-9);
    // Fractional values; 0 is the centre.
    assert!((distance(lines[2][0]) - 0.7 * RADIUS).abs() < 1e-9);
    assert!((distance(lines[2][1]) - 0.45 * RADIUS).abs() < 1e-9);
    assert_eq!(distance(lines[2][2]), 0.0);
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
}

#[test]
fn values_are_clamped() {
    let chart = layout(&[series(
        "x",
        [9.0, -2.0, f64::NAN, f64::INFINITY, 5.0, 0.0],
        Role::Partner(0),
    )]);
    let line = chart.series[0].vertices;
    assert!((distance(line[0]) - RADIUS).abs() < 1e-9);
    assert_eq!(distance(line[1]), 0.0);
    assert_eq!(distance(line[2]), 0.0);
    assert!((distance(line[3]) - RADIUS).abs() < 1e-9);
    assert!(line.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
}
