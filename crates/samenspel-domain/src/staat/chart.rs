//! The geometry of the report's bar charts: one bar per count, its label on the line above
//! it (so long names fit on a phone), the number after the bar. The longest bar fills
//! [`BAR_SPACE`]; the markup is written in the web layer.

use super::Count;

/// The chart's width in user units.
pub const WIDTH: f64 = 640.0;
/// The room for the longest bar; the rest of the width holds its number.
pub const BAR_SPACE: f64 = 560.0;
const ROW: f64 = 44.0;
const BAR_HEIGHT: f64 = 16.0;

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub count: u64,
    pub label_y: f64,
    pub y: f64,
    pub height: f64,
    /// At least one unit, so a bar of one among thousands still shows.
    pub width: f64,
    pub number_x: f64,
    pub number_y: f64,
}

/// The layout of `counts`, in their order.
pub fn bars(counts: &[Count]) -> BarChart {
    let largest = counts.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f64;
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let top = i as f64 * ROW;
            let width = if c.count == 0 {
                0.0
            } else {
                (c.count as f64 / largest * BAR_SPACE).max(1.0)
            };
            Bar {
                key: c.key.clone(),
                count: c.count,
                label_y: top + 14.0,
                y: top + 20.0,
                height: BAR_HEIGHT,
                width,
                number_x: width + 6.0,
                number_y: top + 33.0,
            }
        })
        .collect();
    BarChart {
        width: WIDTH,
        height: (counts.len() as f64 * ROW).max(ROW),
        bars,
    }
}
