//! The triangle's layout: the three elements at the corners of a triangle, each with its
//! judgement, where its name and judgement are written, and a title that says everything in
//! words. The web layer draws it (`samenspel-web`'s `charts::moore`), marking each judgement
//! by a symbol as well as by its look, so that nothing depends on colour; the page shows the
//! same judgements as a table.

use super::{Element, ElementJudgement, Strength};

/// The view box is `0 0 WIDTH HEIGHT`.
pub const WIDTH: i32 = 520;
pub const HEIGHT: i32 = 372;
/// The radius of a corner's circle.
pub const CORNER_RADIUS: i32 = 26;

/// The laid-out triangle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triangle {
    /// Every element with its judgement, in words: "Maatschappelijke meerwaarde: op orde; …".
    pub title: String,
    /// One corner per element, in the order of [`Element::ALL`].
    pub corners: Vec<Corner>,
}

/// One corner: its element and judgement, the centre of its circle, the baseline of the
/// symbol inside it and where the element's name and, one line lower, its judgement go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corner {
    pub element: Element,
    pub strength: Strength,
    pub centre: (i32, i32),
    pub symbol_baseline: i32,
    pub name_at: (i32, i32),
    pub judgement_at: (i32, i32),
}

/// (x, y) of each corner and where its two label lines go.
fn position(element: Element) -> ((i32, i32), (i32, i32)) {
    match element {
        Element::PublicValue => ((260, 80), (260, 24)),
        Element::Legitimacy => ((110, 300), (110, 352)),
        Element::Capacity => ((410, 300), (410, 352)),
    }
}

/// The triangle of `judgements` (one per element; a missing one counts as ontbreekt).
pub fn triangle(judgements: &[ElementJudgement]) -> Triangle {
    let strength = |e: Element| {
        judgements
            .iter()
            .find(|j| j.element == e)
            .map_or(Strength::Ontbreekt, |j| j.strength)
    };
    let title = Element::ALL
        .iter()
        .map(|e| format!("{}: {}", e.label_nl(), strength(*e).label_nl().to_lowercase()))
        .collect::<Vec<_>>()
        .join("; ");
    let corners = Element::ALL
        .iter()
        .map(|&element| {
            let ((x, y), (lx, ly)) = position(element);
            Corner {
                element,
                strength: strength(element),
                centre: (x, y),
                symbol_baseline: y + 9,
                name_at: (lx, ly),
                judgement_at: (lx, ly + 19),
            }
        })
        .collect();
    Triangle { title, corners }
}
