//! A complete dossier for the tests of the UDO modules: a wet that makes gemeenten and
//! provincies carry out a task in medebewind, with every rule of the normenkader met.

use chrono::NaiveDate;

use super::{
    AspectsInput, BzkAdviceInput, ConsultationInput, Dossier, DossierInput, KoepelInput, KompasPartInput,
};
use crate::udo::financial::{FinancialInput, FinancialRowInput};

pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn row(layer: &str, year: &str, structural: &str, incidental: &str) -> FinancialRowInput {
    FinancialRowInput {
        layer: layer.into(),
        year: year.into(),
        structural: structural.into(),
        incidental: incidental.into(),
        reasoning: "Uren per aanvraag maal het aantal aanvragen.".into(),
        source: "Kostenonderzoek 2026".into(),
    }
}

pub fn financial_input() -> FinancialInput {
    FinancialInput {
        rows: vec![
            row("gemeenten", "2027", "5.000.000", "1.250.000,50"),
            row("gemeenten", "2028", "5.000.000", ""),
            row("provincies", "2027", "1000000", "0"),
        ],
        articles: vec![
            "fvw-2".into(),
            "gemeentewet-108-3".into(),
            "provinciewet-105-3".into(),
        ],
        funding: "algemene-uitkering".into(),
        consulted_bzk_on: "2026-02-15".into(),
        consulted_financien_on: "15-2-2026".into(),
    }
}

pub fn input() -> DossierInput {
    DossierInput {
        ministry: "mnre1025".into(),
        title: "Wet betere bijstand".into(),
        summary: "Gemeenten en provincies krijgen een nieuwe taak.".into(),
        form: "wet".into(),
        layers: vec!["provincies".into(), "gemeenten".into()],
        scope: "uitgebreid".into(),
        scope_reason: "Grote nieuwe taak.".into(),
        phase: "in-voorbereiding".into(),
        koepels: vec![
            KoepelInput {
                koepel: "vng".into(),
                asked_on: "2026-01-10".into(),
                judgement: "Uitvoerbaar met middelen.".into(),
            },
            KoepelInput {
                koepel: "ipo".into(),
                asked_on: "2026-01-10".into(),
                judgement: String::new(),
            },
        ],
        aspects: AspectsInput {
            tasks: "Beoordelen van aanvragen.".into(),
            policy_freedom: "dwingend".into(),
            medebewind: true,
            plan_or_report_obligations: true,
            compensation: "Via de algemene uitkering.".into(),
            allocation_reason: "Gemeenten kennen de aanvragers.".into(),
            governments_affected: "354".into(),
            ..AspectsInput::default()
        },
        bzk_advice: vec![
            BzkAdviceInput {
                moment: "ambtelijk-voorportaal".into(),
                given_on: "2026-02-01".into(),
                advice: "Akkoord.".into(),
            },
            BzkAdviceInput {
                moment: "ministerraad".into(),
                given_on: "2026-09-01".into(),
                advice: "Akkoord.".into(),
            },
        ],
        collaborations: vec!["12".into(), "7".into(), "12".into()],
        kompas: vec![
            KompasPartInput {
                framework: "beleidskompas".into(),
                version: "1".into(),
                question: "probleem".into(),
                answer: "Te lange wachttijden.".into(),
            },
            KompasPartInput {
                framework: "iak".into(),
                version: "1".into(),
                question: "aanleiding".into(),
                answer: "Een motie.".into(),
            },
        ],
        financial_consequences_expected: true,
        financial: Some(financial_input()),
        consultation: Some(ConsultationInput {
            co_governments_opens: "2026-04-01".into(),
            co_governments_closes: "2026-05-31".into(),
            internet_opens: "2026-04-01".into(),
            internet_closes: "2026-05-06".into(),
        }),
        allocation: None,
    }
}

/// The dossier of [`input`].
pub fn dossier() -> Dossier {
    input().parse().unwrap()
}
