//! Every chart's SVG markup, written in one place.
//!
//! The domain lays the charts out (points, rings, labels, which role or answer each shape
//! stands for); these modules turn that into inline `<svg role="img">` elements with a
//! `<title>`, mapping roles to the palette and CSS classes. All of them write through
//! [`svg`], so text is escaped by one function and numbers are formatted by one formatter.
//! The charts use presentation attributes only, never `style=`, so they work under a
//! Content-Security-Policy without `'unsafe-inline'` styles, and no script or event
//! attributes. Pages give a text alternative (a table or list) next to every chart.

pub mod map;
pub mod medebewind;
pub mod moore;
pub mod radar;
pub mod staat;
pub mod survey;
mod svg;
pub mod udo;

/// The one escape for text in markup, also used by the ODF writer.
pub(crate) use svg::escape;

#[cfg(test)]
mod tests;
