//! The radar chart with its legend and its text alternative (a table of the same numbers).

use samenspel_domain::partnership::Dimension;
use samenspel_domain::partnership::radar::{RadarSeries, Role};

use crate::charts::radar;

pub struct LegendItem {
    pub label: String,
    pub marker: String,
}

pub struct RadarView {
    pub svg: String,
    pub caption: String,
    pub legend: Vec<LegendItem>,
    pub columns: Vec<String>,
    pub rows: Vec<RadarRow>,
}

pub struct RadarRow {
    pub dimension: &'static str,
    pub values: Vec<String>,
}

/// A chart of `series` (label, six values); the ideal type is drawn first and dashed.
pub fn view(caption: &str, ideal: (&str, [f64; 6]), series: Vec<(String, [f64; 6])>) -> RadarView {
    let mut all = vec![RadarSeries {
        label: ideal.0.to_owned(),
        values: ideal.1,
        role: Role::Ideal,
    }];
    all.extend(
        series
            .into_iter()
            .enumerate()
            .map(|(i, (label, values))| RadarSeries {
                label,
                values,
                role: Role::Partner(i),
            }),
    );
    RadarView {
        svg: radar::render(caption, &all),
        caption: caption.to_owned(),
        legend: all
            .iter()
            .map(|s| LegendItem {
                label: s.label.clone(),
                marker: radar::legend_marker(s.role),
            })
            .collect(),
        columns: all.iter().map(|s| s.label.clone()).collect(),
        rows: Dimension::ALL
            .into_iter()
            .map(|d| RadarRow {
                dimension: d.label(),
                values: all.iter().map(|s| super::decimal(s.values[d.index()])).collect(),
            })
            .collect(),
    }
}

pub fn as_f64(values: [u8; 6]) -> [f64; 6] {
    values.map(f64::from)
}
