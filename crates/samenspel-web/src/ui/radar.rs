//! The radar chart with its legend and its text alternative (a table of the same numbers).

use samenspel_domain::partnership::Dimension;
use samenspel_domain::partnership::radar::{RadarSeries, Role};

use crate::charts::radar;
use crate::i18n::Lang;

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
    pub dimension: String,
    pub values: Vec<String>,
}

/// A chart of `series` (label, six values) in Dutch; see [`view_in`].
pub fn view(caption: &str, ideal: (&str, [f64; 6]), series: Vec<(String, [f64; 6])>) -> RadarView {
    view_in(Lang::Nl, caption, ideal, series)
}

/// A chart of `series` (label, six values) with the dimensions named in `lang`; the ideal type
/// is drawn first and dashed.
pub fn view_in(
    lang: Lang,
    caption: &str,
    ideal: (&str, [f64; 6]),
    series: Vec<(String, [f64; 6])>,
) -> RadarView {
    let labels = Dimension::ALL.map(|d| super::collaborations::dimension_label(lang, d));
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
        svg: radar::render(caption, &labels, &all),
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
                dimension: labels[d.index()].clone(),
                values: all.iter().map(|s| super::decimal(s.values[d.index()])).collect(),
            })
            .collect(),
    }
}

pub fn as_f64(values: [u8; 6]) -> [f64; 6] {
    values.map(f64::from)
}
