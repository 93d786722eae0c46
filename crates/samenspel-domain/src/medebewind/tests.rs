use chrono::NaiveDate;

use super::*;
use crate::iv3;
use crate::udo::financial::{FinancialInput, FinancialRowInput};

fn catalogue() -> &'static iv3::Catalogue {
    iv3::shipped().unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub(crate) fn schuldhulp() -> TaskInput {
    TaskInput {
        name: "Schuldhulpverlening".into(),
        law: "Wet gemeentelijke schuldhulpverlening".into(),
        bwb_id: "BWBR0031331".into(),
        article: "2".into(),
        lid: "1".into(),
        layer: "gemeenten".into(),
        body: "raad".into(),
        ministry: "MNRE1073".into(),
        freedom: "dwingend".into(),
        ambition: "Inwoners met schulden krijgen tijdig hulp.".into(),
        norm: String::new(),
        powers: "Het college beslist op een verzoek om schuldhulpverlening.".into(),
        funding: vec!["algemene-uitkering".into()],
        budgets: vec![BudgetLineInput {
            year: "2024".into(),
            funding: "algemene-uitkering".into(),
            amount: "1.000.000,00".into(),
            organisation: String::new(),
            source: "Voorbeeld".into(),
        }],
        task_fields: vec!["6.3".into(), "6.1".into(), " ".into(), "6.3".into()],
        risks: String::new(),
        cost_steering: String::new(),
        recalibration_years: "5".into(),
        next_recalibration_on: "2026-01-01".into(),
        udo_dossiers: vec!["4".into(), "4".into()],
        source: "wetten.overheid.nl".into(),
    }
}

fn fields(errors: &crate::ValidationErrors) -> Vec<&str> {
    errors.errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_task_parses_with_its_basis_budget_and_task_fields() {
    let task = schuldhulp().parse(catalogue()).unwrap();
    assert_eq!(task.basis.bwb_id, "BWBR0031331");
    assert_eq!(task.basis.lid.as_deref(), Some("1"));
    assert_eq!(task.body, ResponsibleBody::Raad);
    assert_eq!(task.freedom, PolicyFreedom::Dwingend);
    assert_eq!(task.funding, [FundingMethod::AlgemeneUitkering]);
    let codes: Vec<&str> = task.task_fields.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, ["6.3", "6.1"], "blank and repeated codes are dropped");
    assert_eq!(task.udo_dossiers, [4]);
    assert_eq!(task.national_budget(2024), Cents::new(100_000_000));
    assert_eq!(task.national_budget(2023), None);
    assert_eq!(
        task.recalibration,
        Some(Recalibration {
            every_years: 5,
            next_on: day("2026-01-01")
        })
    );
    assert!(task.recalibration_overdue(day("2026-01-02")));
    assert!(!task.recalibration_overdue(day("2026-01-01")));
}

#[test]
fn every_wrong_field_is_named() {
    let input = TaskInput {
        name: " ".into(),
        bwb_id: "BWB123".into(),
        layer: "rijk".into(),
        body: "gedeputeerden".into(),
        ministry: "ministerie van x".into(),
        freedom: "heel vrij".into(),
        ambition: String::new(),
        powers: String::new(),
        funding: vec!["subsidie".into()],
        budgets: vec![BudgetLineInput {
            year: "1800".into(),
            funding: "geld".into(),
            amount: "-5".into(),
            organisation: "gm 0344".into(),
            source: String::new(),
        }],
        task_fields: vec!["6.99".into(), "zes".into()],
        recalibration_years: "11".into(),
        udo_dossiers: vec!["vijf".into()],
        ..TaskInput::default()
    };
    let errors = input.parse(catalogue()).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            "name",
            "law",
            "bwb_id",
            "article",
            "layer",
            "body",
            "ministry",
            "freedom",
            "powers",
            "funding[0]",
            "budgets[0].year",
            "budgets[0].funding",
            "budgets[0].amount",
            "budgets[0].organisation",
            "budgets[0].source",
            "task_fields[0]",
            "task_fields[1]",
            "recalibration_years",
            "udo_dossiers[0]",
            "source",
        ]
    );
}

#[test]
fn a_budget_must_use_a_chosen_funding_method_once_per_year_and_organisation() {
    let mut input = schuldhulp();
    let line = |year: &str, funding: &str, organisation: &str| BudgetLineInput {
        year: year.into(),
        funding: funding.into(),
        amount: "10".into(),
        organisation: organisation.into(),
        source: "Voorbeeld".into(),
    };
    input.budgets = vec![
        line("2024", "algemene-uitkering", ""),
        line("2024", "specifieke-uitkering", ""),
        line("2024", "algemene-uitkering", ""),
        line("2024", "algemene-uitkering", "GM0344"),
        BudgetLineInput::default(),
    ];
    let errors = input.parse(catalogue()).unwrap_err();
    assert_eq!(fields(&errors), ["budgets[1].funding", "budgets[2].year"]);
    input.budgets.remove(2);
    input.funding.push("specifieke-uitkering".into());
    let task = input.parse(catalogue()).unwrap();
    assert_eq!(task.national_budget(2024), Cents::new(2_000));
    assert_eq!(
        task.budget_for(&crate::org::OrgCode::parse("GM0344").unwrap(), 2024),
        Cents::new(1_000)
    );
    assert_eq!(task.budget_years(), [2024]);
}

#[test]
fn a_recalibration_needs_both_its_cycle_and_its_date() {
    let mut input = schuldhulp();
    input.recalibration_years = String::new();
    assert_eq!(
        fields(&input.parse(catalogue()).unwrap_err()),
        ["recalibration_years"]
    );
    input.next_recalibration_on = String::new();
    assert_eq!(input.parse(catalogue()).unwrap().recalibration, None);
    input.recalibration_years = "3".into();
    assert_eq!(
        fields(&input.parse(catalogue()).unwrap_err()),
        ["next_recalibration_on"]
    );
    input.next_recalibration_on = "31-12-2027".into();
    assert_eq!(
        input.parse(catalogue()).unwrap().recalibration.map(|r| r.next_on),
        Some(day("2027-12-31"))
    );
}

#[test]
fn the_legal_basis_reads_as_a_citation() {
    let task = schuldhulp().parse(catalogue()).unwrap();
    assert_eq!(
        task.basis.citation().to_string(),
        "Wet gemeentelijke schuldhulpverlening, artikel 2, lid 1 (BWBR0031331)"
    );
    assert_eq!(
        task.basis.url(),
        "https://wetten.overheid.nl/jci1.3:c:BWBR0031331&artikel=2&lid=1"
    );
}

#[test]
fn a_udo_financial_paragraph_is_the_first_budget_of_its_layer() {
    let row = |layer: &str, year: &str, structural: &str, incidental: &str| FinancialRowInput {
        layer: layer.into(),
        year: year.into(),
        structural: structural.into(),
        incidental: incidental.into(),
        reasoning: "Raming".into(),
        source: "Kostenonderzoek".into(),
    };
    let paragraph = FinancialInput {
        rows: vec![
            row("gemeenten", "2026", "1.000", "500"),
            row("provincies", "2026", "9.000", ""),
            row("gemeenten", "2025", "", "250"),
        ],
        funding: "decentralisatie-uitkering".into(),
        ..FinancialInput::default()
    }
    .parse()
    .unwrap();
    let lines = budget_from_financial_paragraph(&paragraph, GovernmentLayer::Gemeenten, 7, "Wet X");
    let got: Vec<(i32, i64, FundingMethod, bool)> = lines
        .iter()
        .map(|l| (l.year, l.amount.get(), l.funding, l.organisation.is_none()))
        .collect();
    assert_eq!(
        got,
        [
            (2025, 25_000, FundingMethod::DecentralisatieUitkering, true),
            (2026, 150_000, FundingMethod::DecentralisatieUitkering, true)
        ]
    );
    assert!(lines[0].source.contains("UDO-dossier 7 (Wet X)"));
    let unfunded = FinancialInput {
        rows: vec![row("gemeenten", "2026", "1.000", "")],
        funding: "geen".into(),
        ..FinancialInput::default()
    }
    .parse()
    .unwrap();
    assert!(budget_from_financial_paragraph(&unfunded, GovernmentLayer::Gemeenten, 7, "Wet X").is_empty());
}

#[test]
fn the_kept_input_drops_blank_rows_and_trims() {
    let mut input = schuldhulp();
    input.name = "  Schuldhulpverlening ".into();
    input.budgets.push(BudgetLineInput {
        amount: "  ".into(),
        ..BudgetLineInput::default()
    });
    input.task_fields = vec![" 6.3".into(), "".into()];
    input.udo_dossiers = vec![" ".into()];
    let kept = input.normalised();
    assert_eq!(kept.name, "Schuldhulpverlening");
    assert_eq!(kept.budgets.len(), 1);
    assert_eq!(kept.task_fields, ["6.3"]);
    assert!(kept.udo_dossiers.is_empty());
    assert_eq!(kept.normalised(), kept, "normalising twice changes nothing");
}

#[test]
fn no_funding_does_not_go_with_another_and_articles_are_numbers() {
    let mut input = schuldhulp();
    input.funding = vec!["geen".into(), "algemene-uitkering".into()];
    input.article = "7\"><b>".into();
    input.lid = "1;".into();
    input.recalibration_years = "0".into();
    input.next_recalibration_on = "morgen".into();
    let errors = input.parse(catalogue()).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            "article",
            "lid",
            "funding",
            "next_recalibration_on",
            "recalibration_years"
        ]
    );
    input.article = "J 4".into();
    input.lid = "1".into();
    input.funding = vec!["geen".into()];
    input.budgets.clear();
    input.recalibration_years = String::new();
    input.next_recalibration_on = String::new();
    assert!(input.parse(catalogue()).is_ok());
}
