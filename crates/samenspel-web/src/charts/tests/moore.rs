use samenspel_domain::moore::{Element, ElementJudgement, Strength};

use super::{assert_accessible_image, attr, tags};
use crate::charts::moore::Words;

/// The triangle in Dutch, as the tests (and the golden file) read it.
pub(super) fn triangle(id: &str, judgements: &[ElementJudgement]) -> String {
    let words = Words {
        heading: "Driehoek van Moore",
        element: &|e: Element| e.label_nl().to_owned(),
        strength: &|s: Strength| s.label_nl().to_owned(),
    };
    crate::charts::moore::triangle(id, judgements, &words)
}

fn judged(strengths: [Strength; 3]) -> Vec<ElementJudgement> {
    Element::ALL
        .iter()
        .zip(strengths)
        .map(|(element, strength)| ElementJudgement {
            element: *element,
            strength,
            reasons: vec![],
        })
        .collect()
}

#[test]
fn the_triangle_names_every_element_and_its_judgement_in_words() {
    let svg = triangle(
        "moore-1",
        &judged([Strength::OpOrde, Strength::Dun, Strength::OpOrde]),
    );
    let id = assert_accessible_image(
        &svg,
        "Driehoek van Moore — Maatschappelijke meerwaarde: op orde; Legitimiteit en steun: dun; \
         Operationele capaciteit: op orde",
    );
    assert_eq!(id, "moore-1-title");
    assert_eq!(svg.matches("<circle").count(), 3);
    assert_eq!(svg.matches("ss-triangle__corner--op-orde").count(), 2);
    assert_eq!(svg.matches("ss-triangle__corner--dun").count(), 1);
    assert!(
        svg.contains(">!</text>"),
        "thin has its own symbol, not only a colour"
    );
    for words in ["Legitimiteit en steun", ">Dun<", ">Op orde<"] {
        assert!(svg.contains(words), "{words}");
    }
}

#[test]
fn each_judgement_has_its_own_symbol_and_dash() {
    let svg = triangle(
        "t",
        &judged([Strength::OpOrde, Strength::Dun, Strength::Ontbreekt]),
    );
    for symbol in [">✓<", ">!<", ">✗<"] {
        assert_eq!(svg.matches(symbol).count(), 1, "{symbol}");
    }
    let dashes: Vec<&str> = tags(&svg, "circle")
        .into_iter()
        .map(|c| attr(c, "stroke-dasharray").unwrap())
        .collect();
    assert_eq!(dashes, ["none", "7 4", "2 4"]);
}

#[test]
fn the_id_keeps_only_safe_characters_and_missing_judgements_are_ontbreekt() {
    let hostile = triangle("\"><script>", &[]);
    assert!(!hostile.contains("<script"));
    assert_eq!(
        attr(tags(&hostile, "svg")[0], "aria-labelledby"),
        Some("script-title")
    );
    assert_eq!(hostile.matches("ss-triangle__corner--ontbreekt").count(), 3);
}
