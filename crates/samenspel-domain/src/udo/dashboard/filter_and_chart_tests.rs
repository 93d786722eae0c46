//! The dashboard's filter (the query parameters `year` and `ministry`) and its chart's layout.

use proptest::prelude::*;

use super::chart::{Part, layout, per_ministry};
use super::*;

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

#[test]
fn an_empty_filter_counts_everything() {
    let filter = DashboardFilter::parse(" ", "").unwrap();
    assert_eq!(filter, DashboardFilter::default());
    assert_eq!(filter.opened_between(), None);
}

#[test]
fn a_year_and_a_ministry_narrow_the_count() {
    let filter = DashboardFilter::parse("2025", " mnre1034 ").unwrap();
    assert_eq!(filter.year, Some(2025));
    assert_eq!(filter.ministry, Some(code("MNRE1034")));
    assert_eq!(
        filter.opened_between(),
        Some((
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
        ))
    );
}

#[test]
fn a_bad_year_and_a_bad_ministry_are_refused_naming_their_parameters() {
    for year in ["twintig", "2025.5", "1999", "2101", "-2025", "99999999999"] {
        let errors = DashboardFilter::parse(year, "").unwrap_err();
        assert_eq!(errors.errors.len(), 1, "{year}");
        assert_eq!(errors.errors[0].field, "year");
        assert_eq!(errors.errors[0].code, "invalid_year");
        assert!(errors.errors[0].message.to_string().contains(year), "{year}");
    }
    assert!(DashboardFilter::parse("2000", "").is_ok());
    assert!(DashboardFilter::parse("2100", "").is_ok());
    let both = DashboardFilter::parse("x", "1<2").unwrap_err();
    let fields: Vec<&str> = both.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["year", "ministry"]);
}

fn figures_of(ministry: &str, year: i32, dossiers: u32, consulted: u32, before: u32) -> UdoYearFigures {
    UdoYearFigures {
        ministry: ministry.to_owned(),
        year,
        dossiers,
        consulted,
        udo_before_consultation: before,
        ..Default::default()
    }
}

#[test]
fn the_chart_sums_each_ministry_over_its_years_and_splits_its_bar() {
    let figures = [
        figures_of("MNRE1034", 2025, 4, 2, 1),
        figures_of("MNRE1034", 2026, 6, 3, 3),
        figures_of("MNRE1045", 2026, 5, 0, 0),
    ];
    let totals = per_ministry(&figures);
    assert_eq!(totals.len(), 2);
    assert_eq!(
        (
            totals[0].dossiers,
            totals[0].udo_before,
            totals[0].consulted_without,
            totals[0].not_consulted
        ),
        (10, 4, 1, 5)
    );
    assert_eq!(totals[1].ministry, "MNRE1045");
    let chart = layout(&totals);
    assert_eq!(chart.legend.len(), 3);
    assert_eq!(chart.bars.len(), 2);
    let first = &chart.bars[0];
    let parts: Vec<(Part, u32)> = first.segments.iter().map(|s| (s.part, s.count)).collect();
    assert_eq!(
        parts,
        [
            (Part::UdoBefore, 4),
            (Part::ConsultedWithout, 1),
            (Part::NotConsulted, 5)
        ]
    );
    // The largest ministry fills the bar; segments follow each other.
    assert!((first.segments[2].x + first.segments[2].width - chart::BAR_MAX).abs() < 1e-9);
    assert_eq!(first.segments[1].x, first.segments[0].width);
    // A ministry without consultations has only the last part, half as long.
    let second = &chart.bars[1];
    assert_eq!(second.segments.len(), 1);
    assert!((second.segments[0].width - chart::BAR_MAX / 2.0).abs() < 1e-9);
    assert!(second.label_y > first.y + first.height);
    assert!(chart.height >= second.y + second.height);
}

#[test]
fn an_empty_chart_has_its_legend_and_no_bars() {
    let chart = layout(&[]);
    assert!(chart.bars.is_empty());
    assert!(chart.height > chart.legend[2].y);
}

proptest! {
    #[test]
    fn bars_add_up_and_stay_inside_the_chart(
        rows in proptest::collection::vec((0usize..4, 0u32..50, 0u32..50, 0u32..50), 0..20)
    ) {
        let ministries = ["MNRE1034", "MNRE1045", "MNRE1130", "MNRE1025"];
        let figures: Vec<UdoYearFigures> = rows
            .iter()
            .enumerate()
            .map(|(i, (m, a, b, c))| {
                let consulted = a + b;
                figures_of(ministries[*m], 2000 + i as i32, consulted + c, consulted, *a)
            })
            .collect();
        let totals = per_ministry(&figures);
        prop_assert_eq!(
            totals.iter().map(|t| t.dossiers).sum::<u32>(),
            figures.iter().map(|f| f.dossiers).sum::<u32>()
        );
        let chart = layout(&totals);
        for bar in &chart.bars {
            let counted: u32 = bar.segments.iter().map(|s| s.count).sum();
            prop_assert_eq!(counted, bar.total.dossiers);
            let end = bar.segments.last().map_or(0.0, |s| s.x + s.width);
            prop_assert!(end <= chart::BAR_MAX + 1e-9);
            prop_assert!(bar.number_x < chart.width);
            prop_assert!(bar.y + bar.height <= chart.height);
        }
    }
}
