//! The one SVG writer of the charts: elements with escaped attribute values and text, numbers
//! with at most two decimals, and a stable fingerprint for element ids.

use std::fmt::Write as _;

/// An attribute value: text (escaped when written) or a number (see [`num`]).
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    Text(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::Text(text)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Value::Text(text)
    }
}

impl From<f64> for Value<'_> {
    fn from(value: f64) -> Self {
        Value::Num(value)
    }
}

impl From<i32> for Value<'_> {
    fn from(value: i32) -> Self {
        Value::Num(f64::from(value))
    }
}

/// An attribute: name and value.
pub type Attr<'a> = (&'a str, Value<'a>);

/// Markup under construction.
#[derive(Debug, Default)]
pub struct Svg {
    out: String,
}

impl Svg {
    pub fn with_capacity(capacity: usize) -> Self {
        Svg {
            out: String::with_capacity(capacity),
        }
    }

    /// `<name a="…" …>`.
    pub fn open(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.start(name, attrs);
        self.out.push('>');
    }

    /// `<name a="…" …/>`.
    pub fn empty(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.start(name, attrs);
        self.out.push_str("/>");
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Escaped text content.
    pub fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
    }

    /// `<name a="…" …>text</name>`, the text escaped.
    pub fn element(&mut self, name: &str, attrs: &[Attr<'_>], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// One legend entry: a swatch of `size` at (`x`, `y`) filled with `fill` and outlined in
    /// `ink`, and its label at (`text_x`, `text_y`).
    pub fn legend_entry(
        &mut self,
        (x, y, size): (f64, f64, f64),
        fill: &str,
        (ink, stroke_width): (&str, f64),
        (text_x, text_y): (f64, f64),
        label: &str,
    ) {
        self.empty(
            "rect",
            &[
                ("x", x.into()),
                ("y", y.into()),
                ("width", size.into()),
                ("height", size.into()),
                ("fill", fill.into()),
                ("stroke", ink.into()),
                ("stroke-width", stroke_width.into()),
            ],
        );
        self.element(
            "text",
            &[("x", text_x.into()), ("y", text_y.into()), ("fill", ink.into())],
            label,
        );
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn start(&mut self, name: &str, attrs: &[Attr<'_>]) {
        self.out.push('<');
        self.out.push_str(name);
        for (attr, value) in attrs {
            self.out.push(' ');
            self.out.push_str(attr);
            self.out.push_str("=\"");
            match value {
                Value::Text(text) => self.out.push_str(&escape(text)),
                Value::Num(n) => push_num(&mut self.out, *n),
            }
            self.out.push('"');
        }
    }
}

/// The root `<svg>` of an inline chart: the namespace, its CSS class and the given
/// attributes, then its `<title>` with `title_id` that the root names with
/// `aria-labelledby`; `extra` attributes come after `aria-labelledby`.
pub fn chart(
    capacity: usize,
    class: &str,
    view_box: &str,
    title_id: &str,
    extra: &[Attr<'_>],
    title: &str,
) -> Svg {
    let mut svg = Svg::with_capacity(capacity);
    let mut attrs: Vec<Attr<'_>> = vec![
        ("xmlns", "http://www.w3.org/2000/svg".into()),
        ("class", class.into()),
        ("viewBox", view_box.into()),
        ("role", "img".into()),
        ("aria-labelledby", title_id.into()),
    ];
    attrs.extend_from_slice(extra);
    svg.open("svg", &attrs);
    svg.element("title", &[("id", title_id.into())], title);
    svg
}

/// Numbers separated by spaces, e.g. for a `viewBox`.
pub fn nums(values: &[f64]) -> String {
    values.iter().map(|v| num(*v)).collect::<Vec<_>>().join(" ")
}

/// Points as `x,y x,y …`, for `points=`.
pub fn points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes text for XML/HTML text and (double- or single-quoted) attribute values: `& < > " '`
/// and also `=` and `` ` ``. Characters that may not appear in an HTML or XML document
/// (control characters other than tab, line feed and carriage return; noncharacters) are
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not needed for well-formedness, but hostile text such as `<svg onload=…>`
            // then does not even look like an attribute to a naive filter.
            '=' => out.push_str("&#61;"),
            '`' => out.push_str("&#96;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if is_forbidden_char(c) => {}
            other => out.push(other),
        }
    }
    out
}

fn is_forbidden_char(c: char) -> bool {
    let u = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// A number with at most two decimals, without trailing zeros and without "-0"; what is not
/// a finite number is written as 0.
pub fn num(value: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, value);
    out
}

/// Appends [`num`]`(value)` without allocating.
pub fn push_num(out: &mut String, value: f64) {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 || !rounded.is_finite() {
        out.push('0');
        return;
    }
    let start = out.len();
    let _ = write!(out, "{rounded:.2}");
    if out[start..].contains('.') {
        let kept = out.trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(kept);
    }
}

/// FNV-1a, for element ids derived from a chart's input: stable across Rust versions and
/// platforms, unlike `DefaultHasher`.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint(u64);

impl Fingerprint {
    pub fn new() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

impl Default for Fingerprint {
    fn default() -> Self {
        Self::new()
    }
}
