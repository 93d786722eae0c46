//! Each chart rendered for fixed inputs and compared byte for byte with what the renderers
//! in the domain crate wrote for the same inputs before the markup moved here (captured from
//! commit e788967). Where a difference is intended, the golden file changes in the same
//! commit, with the reason in its message.

use std::collections::HashMap;

use samenspel_domain::map::{MapRequest, parse_topojson};
use samenspel_domain::moore::{Element, ElementJudgement, Strength};
use samenspel_domain::partnership::radar::{RadarSeries, Role};

use super::TINY_TOPOLOGY;
use crate::charts::{map, radar, survey};

/// Compares line by line first, for a readable failure.
fn assert_same(actual: &str, golden: &str) {
    for (i, (a, g)) in actual.split('>').zip(golden.split('>')).enumerate() {
        assert_eq!(a, g, "tag {i} differs");
    }
    assert_eq!(actual, golden);
}

fn radar_series() -> Vec<RadarSeries> {
    let s = |label: &str, values: [f64; 6], role| RadarSeries {
        label: label.to_owned(),
        values,
        role,
    };
    let mut all = vec![
        s(
            "Gelijkwaardig partnerschap (ideaaltype)",
            [3.0, 1.0, 3.0, 3.0, 3.0, 1.0],
            Role::Ideal,
        ),
        s("MIRT", [3.0, 1.0, 1.0, 5.0, 1.0, 5.0], Role::Partner(0)),
        s(
            "RES & <co> \"'`=",
            [5.0, 3.0, 2.0, 2.0, 4.0, 3.0],
            Role::Partner(1),
        ),
    ];
    for n in 2..8 {
        let v = |k: usize| ((n * 7 + k * 3) % 9) as f64 / 2.0 + 0.25;
        all.push(s(
            &format!("Partner {n}"),
            [v(0), v(1), v(2), v(3), v(4), v(5)],
            Role::Partner(n),
        ));
    }
    all.push(s(
        "Vreemd",
        [9.0, -2.0, f64::NAN, f64::INFINITY, 5.0, 0.0],
        Role::Partner(13),
    ));
    all
}

#[test]
fn the_radar_renders_as_before() {
    let all = radar_series();
    assert_same(
        &super::radar::render("Standpunten in <Samenwerking> A & B", &all),
        include_str!("../testdata/radar.svg"),
    );
    assert_same(
        &super::radar::render("Nog geen standpunten", &[]),
        include_str!("../testdata/radar-empty.svg"),
    );
    let legend: Vec<String> = all.iter().map(|s| radar::legend_marker(s.role)).collect();
    assert_same(&legend.join("\n"), include_str!("../testdata/radar-legend.svg"));
}

#[test]
fn the_map_renders_as_before() {
    let tiny = parse_topojson(TINY_TOPOLOGY, "gemeente").unwrap();
    let request = MapRequest {
        title: "Kaart <van> \"ons\" & 'jullie'".to_owned(),
        colour_of: HashMap::from([("GM0001".to_owned(), 0), ("GM0002".to_owned(), 14)]),
        region_names: vec!["West".to_owned()],
        highlight: vec!["GM0001".to_owned(), "GM9999".to_owned()],
        names: HashMap::from([("GM0002".to_owned(), "Gemeente Bee".to_owned())]),
    };
    assert_same(
        &map::render_map(&tiny, &request),
        include_str!("../testdata/map-tiny.svg"),
    );
    assert_same(
        &map::render_map(&tiny, &MapRequest::default()),
        include_str!("../testdata/map-tiny-plain.svg"),
    );
}

#[test]
fn the_shipped_map_renders_as_before() {
    let real = super::map::real();
    let colour_of: HashMap<String, usize> = real
        .areas()
        .iter()
        .map(|a| (a.code.clone(), a.code[2..].parse::<usize>().unwrap() % 17))
        .collect();
    let request = MapRequest {
        title: "Echt".to_owned(),
        colour_of,
        region_names: (0..17).map(|i| format!("R{i}")).collect(),
        highlight: vec!["GM0363".to_owned(), "GM0014".to_owned()],
        names: HashMap::new(),
    };
    assert_same(
        &map::render_map(&real, &request),
        include_str!("../testdata/map-real.svg"),
    );
}

#[test]
fn the_triangle_renders_as_before() {
    let j = |element, strength| ElementJudgement {
        element,
        strength,
        reasons: vec![],
    };
    let judgements = [
        j(Element::PublicValue, Strength::OpOrde),
        j(Element::Legitimacy, Strength::Dun),
        j(Element::Capacity, Strength::Ontbreekt),
    ];
    assert_same(
        &super::moore::triangle("moore-7", &judgements),
        include_str!("../testdata/moore.svg"),
    );
    assert_same(
        &super::moore::triangle("\"><x", &[]),
        include_str!("../testdata/moore-empty.svg"),
    );
}

#[test]
fn the_survey_charts_render_as_before() {
    use super::survey::{bar, ranked};
    use samenspel_domain::survey::charts::Words;
    let left = vec![
        ranked("S01", 3.4),
        ranked("S02", 3.375),
        ranked("S03 <b>", 2.0),
        ranked("S04", 1.126),
    ];
    let right = vec![
        ranked("S02", 3.39),
        ranked("S03 <b>", 3.19),
        ranked("S01", 2.5),
        ranked("S05", 1.0),
    ];
    let words = Words {
        title: "Rangordes naast elkaar: Rijk & co links, Decentraal rechts",
        pair: ("Rijk & co", "Decentraal"),
    };
    assert_same(
        &survey::rankings(
            "rangordes",
            words,
            &left,
            &right,
            &["S02".to_owned(), "S03 <b>".to_owned()],
        ),
        include_str!("../testdata/rankings.svg"),
    );
    let words = Words {
        title: "Verdeling van de antwoorden per stelling en groep",
        pair: ("helemaal niet", "heel erg"),
    };
    assert_same(
        &survey::diverging(
            "verdeling",
            words,
            &[
                bar("S01 Rijk", [1, 1, 2, 1, 1]),
                bar("S01 <Decentraal>", [0, 3, 0, 7, 1]),
                bar("S02 Rijk", [0; 5]),
                bar("S02 Decentraal", [5, 0, 0, 0, 0]),
                bar("S03 Rijk", [3, 7, 11, 13, 17]),
            ],
        ),
        include_str!("../testdata/diverging.svg"),
    );
}
