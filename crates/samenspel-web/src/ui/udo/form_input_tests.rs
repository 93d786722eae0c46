use samenspel_domain::udo::dossier::{
    AspectsInput, BzkAdviceInput, ConsultationInput, DossierInput, KoepelInput, KompasPartInput,
};
use samenspel_domain::udo::financial::{FinancialInput, FinancialRowInput};
use samenspel_domain::{ValidationErrors, msg};

use super::*;

fn money(layer: &str, year: &str, structural: &str) -> FinancialRowInput {
    FinancialRowInput {
        layer: layer.into(),
        year: year.into(),
        structural: structural.into(),
        incidental: "0".into(),
        reasoning: "Raming".into(),
        source: "CPB".into(),
    }
}

fn input() -> DossierInput {
    DossierInput {
        ministry: "MNRE1045".into(),
        title: "Wet betaalbare huur".into(),
        summary: "Een samenvatting.".into(),
        form: "wet".into(),
        layers: vec!["gemeenten".into(), "provincies".into()],
        scope: "uitgebreid".into(),
        scope_reason: "Grote gevolgen.".into(),
        phase: "in-voorbereiding".into(),
        koepels: vec![KoepelInput {
            koepel: "ipo".into(),
            asked_on: "2026-03-01".into(),
            judgement: "Uitvoerbaar.".into(),
        }],
        aspects: AspectsInput {
            tasks: "Handhaven".into(),
            policy_freedom: "dwingend".into(),
            medebewind: true,
            mandatory_cooperation: true,
            allocation_reason: "Schaal".into(),
            governments_affected: "342".into(),
            ..AspectsInput::default()
        },
        bzk_advice: vec![BzkAdviceInput {
            moment: "onderraad".into(),
            given_on: "2026-04-01".into(),
            advice: "Positief.".into(),
        }],
        collaborations: vec!["12".into(), "40".into()],
        kompas: vec![
            KompasPartInput {
                framework: "beleidskompas".into(),
                version: "1".into(),
                question: "probleem".into(),
                answer: "Te hoge huren.".into(),
            },
            KompasPartInput {
                framework: "iak".into(),
                version: "1".into(),
                question: "wat-is-de-aanleiding".into(),
                answer: "Oud antwoord.".into(),
            },
        ],
        financial_consequences_expected: true,
        financial: Some(FinancialInput {
            rows: vec![
                money("gemeenten", "2027", "1000000"),
                money("provincies", "2027", "50000"),
            ],
            articles: vec!["fvw-2".into(), "gemeentewet-108-3".into()],
            funding: "specifieke-uitkering".into(),
            consulted_bzk_on: "2026-04-02".into(),
            consulted_financien_on: String::new(),
        }),
        consultation: Some(ConsultationInput {
            co_governments_opens: "2026-05-01".into(),
            co_governments_closes: "2026-07-01".into(),
            internet_opens: String::new(),
            internet_closes: String::new(),
        }),
        allocation: Some(samenspel_domain::udo::allocation::AllocationInput {
            policy_freedom: "wenselijk".into(),
            municipalities_alone: "nee".into(),
            need_inhabitants: "150.000".into(),
            division: "jeugdzorgregio".into(),
            choice: "centrumgemeente".into(),
            principles: [(
                "congruente-indeling".to_owned(),
                samenspel_domain::udo::allocation::principles::PrincipleAnswerInput {
                    met: "nee".into(),
                    note: "Een eigen indeling.".into(),
                },
            )]
            .into(),
            ..Default::default()
        }),
    }
}

/// The pairs the page sends: the filled values and the hidden fields of the Beleidskompas.
fn sent(input: &DossierInput) -> Vec<(String, String)> {
    let (form, _) = filled(input);
    let mut pairs = form.as_pairs();
    for (i, slot) in kompas_slots(input).iter().enumerate() {
        pairs.push((format!("kompas[{i}].framework"), slot.framework.clone()));
        pairs.push((format!("kompas[{i}].version"), slot.version.clone()));
        pairs.push((format!("kompas[{i}].question"), slot.question.clone()));
    }
    pairs
}

/// A dossier shown in the form and sent back unchanged comes back as it was, but for the
/// questions of the Beleidskompas it did not answer (sent blank, left out by the parse).
#[test]
fn a_dossier_survives_the_form() {
    let original = input();
    let back = from_form(&sent(&original)).input;
    let answered: Vec<_> = back
        .kompas
        .iter()
        .filter(|p| !p.answer.is_empty())
        .cloned()
        .collect();
    assert_eq!(
        answered.len(),
        2,
        "both answers kept, the IAK's too: {answered:?}"
    );
    let mut without_kompas = back.clone();
    without_kompas.kompas = original.kompas.clone();
    assert_eq!(
        serde_json::to_value(&without_kompas).unwrap(),
        serde_json::to_value(&original).unwrap()
    );
    assert!(back.parse().is_ok(), "{:?}", back.parse().err());
}

#[test]
fn empty_rows_are_not_sent_and_no_paragraph_or_consultation_is_invented() {
    let pairs = vec![
        ("title".to_owned(), "T".to_owned()),
        ("koepels[0].asked_on".to_owned(), " ".to_owned()),
        ("financial.rows[0].layer".to_owned(), String::new()),
        ("consultation.co_governments_opens".to_owned(), String::new()),
    ];
    let s = from_form(&pairs);
    assert!(s.input.koepels.is_empty());
    assert!(s.input.financial.is_none());
    assert!(s.input.consultation.is_none());
}

/// The third koepel (UvW) filled alone is the parse's `koepels[0]`; its error lands on the
/// form's row 2. The second money row filled alone likewise.
#[test]
fn errors_of_rows_land_on_their_form_row() {
    let pairs = vec![
        ("koepels[2].judgement".to_owned(), "Akkoord".to_owned()),
        ("financial.rows[0].layer".to_owned(), String::new()),
        ("financial.rows[1].layer".to_owned(), "gemeenten".to_owned()),
    ];
    let s = from_form(&pairs);
    assert_eq!(s.input.koepels[0].koepel, "uvw");
    let mut errors = ValidationErrors::new();
    errors.add(
        "koepels[0].asked_on",
        "required",
        msg!("error-udo-date-required", "Vul een datum in."),
    );
    errors.add(
        "financial.rows[0].year",
        "required",
        msg!("error-udo-date-required", "Vul een datum in."),
    );
    errors.add(
        "title",
        "required",
        msg!("error-udo-date-required", "Vul een datum in."),
    );
    let fields: Vec<String> = s.renumber(errors).errors.into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["koepels[2].asked_on", "financial.rows[1].year", "title"]);
    assert_eq!(s.money_rows(), 2 + SPARE_MONEY_ROWS);
    let refused = s.input.parse().unwrap_err();
    let renumbered = s.renumber(refused);
    assert!(
        renumbered.for_field("koepels[2].asked_on").is_some(),
        "{renumbered:?}"
    );
}
