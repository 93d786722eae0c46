//! The UDO dashboard's chart: an accessible image, every part with its count, hostile names
//! escaped.

use samenspel_domain::udo::dashboard::chart::{MinistryTotal, Part};

use super::{assert_accessible_image, attr, tags, tooltips};
use crate::charts::udo::{Words, usage};

fn total(ministry: &str, udo_before: u32, consulted_without: u32, not_consulted: u32) -> MinistryTotal {
    MinistryTotal {
        ministry: ministry.to_owned(),
        dossiers: udo_before + consulted_without + not_consulted,
        udo_before,
        consulted_without,
        not_consulted,
    }
}

fn render(totals: &[MinistryTotal]) -> String {
    let part = |p: Part| match p {
        Part::UdoBefore => "UDO vóór consultatie".to_owned(),
        Part::ConsultedWithout => "zonder UDO vooraf".to_owned(),
        Part::NotConsulted => "niet geconsulteerd".to_owned(),
    };
    let ministry = |code: &str| match code {
        "MNRE1034" => "BZK & <Koninkrijk> \"'`=".to_owned(),
        other => other.to_owned(),
    };
    let bar = |name: &str, t: &MinistryTotal| format!("{name}: {} dossiers", t.dossiers);
    usage(
        "udo-chart",
        totals,
        &Words {
            title: "Dossiers per ministerie",
            desc: "De tabel geeft dezelfde cijfers.",
            part: &part,
            ministry: &ministry,
            bar: &bar,
        },
    )
}

#[test]
fn each_ministry_has_a_bar_with_its_parts_and_its_number() {
    let svg = render(&[total("MNRE1034", 3, 1, 2), total("MNRE1045", 0, 0, 4)]);
    let id = assert_accessible_image(&svg, "Dossiers per ministerie");
    assert_eq!(id, "udo-chart-title");
    assert_eq!(
        attr(tags(&svg, "svg")[0], "aria-describedby"),
        Some("udo-chart-desc")
    );
    assert!(svg.contains("<desc id=\"udo-chart-desc\">De tabel geeft dezelfde cijfers.</desc>"));
    let counts: Vec<(&str, &str)> = tags(&svg, "rect")
        .into_iter()
        .filter_map(|r| Some((attr(r, "class")?, attr(r, "data-count")?)))
        .collect();
    assert_eq!(
        counts,
        [
            ("ss-udo-chart__udo-before", "3"),
            ("ss-udo-chart__consulted-without", "1"),
            ("ss-udo-chart__not-consulted", "2"),
            ("ss-udo-chart__not-consulted", "4"),
        ]
    );
    let titles = tooltips(&svg);
    assert!(titles.contains(&"UDO vóór consultatie: 3"), "{titles:?}");
    assert!(titles.contains(&"MNRE1045: 4 dossiers"), "{titles:?}");
    assert!(svg.contains(">6</text>") && svg.contains(">4</text>"), "{svg}");
    // The legend names every part, also those no bar has.
    assert_eq!(svg.matches(">zonder UDO vooraf</text>").count(), 1);
}

#[test]
fn names_are_escaped() {
    let svg = render(&[total("MNRE1034", 1, 0, 0)]);
    assert_accessible_image(&svg, "Dossiers per ministerie");
    assert!(
        svg.contains("BZK &amp; &lt;Koninkrijk&gt; &quot;&#39;&#96;&#61;"),
        "{svg}"
    );
    assert!(!svg.contains("<Koninkrijk>"));
}

#[test]
fn without_dossiers_only_the_legend_is_drawn() {
    let svg = render(&[]);
    assert_accessible_image(&svg, "Dossiers per ministerie");
    assert_eq!(tags(&svg, "rect").len(), 3);
    assert!(tags(&svg, "g").is_empty());
}
