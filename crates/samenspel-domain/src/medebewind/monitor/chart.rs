//! The geometry of the monitor's chart (its markup is written in the web layer): per year two
//! bars side by side, the budget per inhabitant and the costs per inhabitant, on one scale from
//! zero, a year's label under its pair, and the legend at the top. A year without a figure has
//! no bar on that side; the table beside the chart says "niet bekend".

use serde::Serialize;

use crate::medebewind::disbalance::YearRow;

/// Which side of the comparison a bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Budget,
    Costs,
}

/// One bar.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bar {
    pub year: i32,
    pub side: Side,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub cents: i64,
    /// The costs lie beyond the margin in this year (a costs bar only).
    pub beyond: bool,
}

/// A year's label under its pair of bars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearLabel {
    pub year: i32,
    pub x: f64,
    pub y: f64,
}

/// A legend entry: a swatch and its text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LegendEntry {
    pub side: Side,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text_x: f64,
    pub text_y: f64,
}

/// The whole chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    /// The baseline (zero) of the bars.
    pub base_y: f64,
    pub bars: Vec<Bar>,
    pub labels: Vec<YearLabel>,
    pub legend: [LegendEntry; 2],
    /// The largest figure, which reaches the top of the plot.
    pub max_cents: i64,
}

const LEFT: f64 = 16.0;
const PAIR: f64 = 96.0;
const BAR: f64 = 36.0;
const TOP: f64 = 56.0;
const PLOT: f64 = 180.0;

/// Lays out `rows` (ascending years).
pub fn layout(rows: &[YearRow]) -> Chart {
    let max_cents = rows
        .iter()
        .flat_map(|r| [r.budget, r.costs])
        .flatten()
        .map(|c| c.get())
        .max()
        .unwrap_or(0);
    let base_y = TOP + PLOT;
    let scale = |cents: i64| {
        if max_cents == 0 {
            0.0
        } else {
            PLOT * cents as f64 / max_cents as f64
        }
    };
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let x0 = LEFT + PAIR * i as f64;
        for (offset, side, value) in [(0.0, Side::Budget, r.budget), (BAR + 4.0, Side::Costs, r.costs)] {
            if let Some(value) = value {
                let height = scale(value.get());
                bars.push(Bar {
                    year: r.year,
                    side,
                    x: x0 + offset,
                    y: base_y - height,
                    width: BAR,
                    height,
                    cents: value.get(),
                    beyond: side == Side::Costs && r.beyond_margin,
                });
            }
        }
        labels.push(YearLabel {
            year: r.year,
            x: x0 + BAR + 2.0,
            y: base_y + 22.0,
        });
    }
    let width = (LEFT * 2.0 + PAIR * rows.len() as f64).max(360.0);
    let legend = [
        LegendEntry {
            side: Side::Budget,
            x: LEFT,
            y: 12.0,
            size: 16.0,
            text_x: LEFT + 24.0,
            text_y: 25.0,
        },
        LegendEntry {
            side: Side::Costs,
            x: LEFT + 180.0,
            y: 12.0,
            size: 16.0,
            text_x: LEFT + 204.0,
            text_y: 25.0,
        },
    ];
    Chart {
        width,
        height: base_y + 36.0,
        base_y,
        bars,
        labels,
        legend,
        max_cents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::medebewind::disbalance::{Settings, YearFigures, assess};
    use crate::money::Cents;

    #[test]
    fn the_larger_figure_reaches_the_top_and_a_missing_one_has_no_bar() {
        let rows = assess(
            &[
                YearFigures {
                    year: 2023,
                    budget: Cents::new(100),
                    costs: Cents::new(200),
                },
                YearFigures {
                    year: 2024,
                    budget: Cents::new(100),
                    costs: None,
                },
            ],
            Settings::DEFAULT,
        )
        .rows;
        let chart = layout(&rows);
        assert_eq!(chart.bars.len(), 3);
        let costs = chart.bars.iter().find(|b| b.side == Side::Costs).unwrap();
        assert_eq!((costs.height, costs.y, costs.beyond), (PLOT, TOP, true));
        let budget = chart.bars[0];
        assert_eq!(budget.height, PLOT / 2.0);
        assert_eq!(
            chart.labels.iter().map(|l| l.year).collect::<Vec<_>>(),
            [2023, 2024]
        );
        assert!(layout(&[]).bars.is_empty());
    }
}
