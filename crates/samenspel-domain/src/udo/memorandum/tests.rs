use super::*;
use crate::udo::consultation::reaction::{Reaction, ReactionKind};
use crate::udo::consultation::report::{ThemeAction, ThemeResponse, report};
use crate::udo::dossier::fixtures::dossier;

fn reaction(kind: ReactionKind, theme: Option<&str>) -> Reaction {
    Reaction {
        kind,
        author_name: "Iemand".into(),
        place: "Zwolle".into(),
        objects_to_publication: false,
        text: "Een reactie.".into(),
        theme: theme.map(str::to_owned),
    }
}

/// Every amount per layer and year of the dossier is in the paragraph and its table, with the
/// funding, the articles and the consultation of BZK and Financiën.
#[test]
fn the_financial_paragraph_has_every_amount_per_layer_and_year() {
    let section = financial_section(&dossier());
    assert_eq!(section.heading, "Financiële gevolgen voor decentrale overheden");
    let text = plain_text(std::slice::from_ref(&section));
    for expected in [
        "Voor de gemeenten bedragen de gevolgen in 2027 structureel € 5.000.000,00 en incidenteel € 1.250.000,50.",
        "Voor de gemeenten bedragen de gevolgen in 2028 structureel € 5.000.000,00 en incidenteel € 0,00.",
        "Voor de provincies bedragen de gevolgen in 2027 structureel € 1.000.000,00 en incidenteel € 0,00.",
        "gemeenten\t2027\t€ 5.000.000,00\t€ 1.250.000,50\t€ 6.250.000,50",
        "Bekostigingswijze: algemene uitkering.",
        "artikel 2 Financiële-verhoudingswet, artikel 108, derde lid, Gemeentewet en artikel 105, derde lid, Provinciewet",
        "het ministerie van BZK (op 15 februari 2026) en het ministerie van Financiën (op 15 februari 2026)",
        "Kostenonderzoek 2026",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert_eq!(section.table.len(), 3);
}

#[test]
fn without_amounts_the_paragraph_says_whether_consequences_are_expected() {
    let mut d = dossier();
    d.financial = None;
    d.financial_consequences_expected = true;
    let text = plain_text(&[financial_section(&d)]);
    assert!(text.contains("nog niet gekwantificeerd"), "{text}");
    assert!(text.contains("gemeenten en provincies"), "{text}");
    d.financial_consequences_expected = false;
    let text = plain_text(&[financial_section(&d)]);
    assert!(text.contains("geen financiële gevolgen"), "{text}");
}

/// The reaction counts by kind and per theme, with what was done, are in the paragraph.
#[test]
fn the_consultation_paragraph_counts_the_reactions_and_says_what_was_done() {
    let reactions = vec![
        reaction(ReactionKind::Koepel, Some("Financiën")),
        reaction(ReactionKind::Publiek, Some("Financiën")),
        reaction(ReactionKind::Publiek, Some("Toegankelijkheid")),
        reaction(ReactionKind::Publiek, None),
    ];
    let responses = vec![ThemeResponse {
        theme: "Financiën".into(),
        nature: "Zorgen over de dekking.".into(),
        action: ThemeAction::DeelsOvergenomen,
        explanation: "De raming is verhoogd.".into(),
    }];
    let section = consultation_section(&dossier(), &report(&reactions, &responses));
    let text = plain_text(&[section]);
    for expected in [
        "Advies en consultatie",
        "Er zijn 4 reacties ontvangen: 1 van koepels en 3 van het publiek.",
        "Financiën (2 reacties): Zorgen over de dekking. Verwerking: deels overgenomen. De raming is verhoogd.",
        "Toegankelijkheid (1 reactie): de verwerking is nog niet vastgelegd.",
        "1 reactie is nog niet bij een thema ingedeeld.",
        "Het oordeel van de VNG is gevraagd op 10 januari 2026. De VNG oordeelt: Uitvoerbaar met middelen.",
        "De medeoverheden zijn formeel geconsulteerd van",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn no_reactions_and_no_plan_are_said_plainly() {
    let mut d = dossier();
    d.consultation = None;
    d.koepels.clear();
    let text = plain_text(&[consultation_section(&d, &report(&[], &[]))]);
    assert!(text.contains("Er is nog geen consultatie gepland."), "{text}");
    assert!(text.contains("Er zijn geen reacties ontvangen."), "{text}");
    let one = report(&[reaction(ReactionKind::Medeoverheid, None)], &[]);
    let text = plain_text(&[consultation_section(&d, &one)]);
    assert!(
        text.contains("Er is 1 reactie ontvangen: 1 van medeoverheden."),
        "{text}"
    );
}

#[test]
fn lists_read_as_dutch_prose() {
    let s = |v: &[&str]| enumerate(&v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>());
    assert_eq!(s(&[]), "");
    assert_eq!(s(&["a"]), "a");
    assert_eq!(s(&["a", "b"]), "a en b");
    assert_eq!(s(&["a", "b", "c"]), "a, b en c");
}
