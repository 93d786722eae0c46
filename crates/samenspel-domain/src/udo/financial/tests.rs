use proptest::prelude::*;

use super::*;
use crate::udo::dossier::fixtures::{day, financial_input};
use GovernmentLayer::{Gemeenten, Provincies, Waterschappen};

fn cents(c: i64) -> Cents {
    Cents::new(c).unwrap()
}

type Spoil = Box<dyn Fn(&mut FinancialInput)>;

fn refused_fields(input: &FinancialInput) -> Vec<String> {
    input
        .parse()
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn amounts_are_read_as_dutch_users_write_them() {
    let p = financial_input().parse().unwrap();
    assert_eq!(p.rows[0].structural, cents(500_000_000));
    assert_eq!(p.rows[0].incidental, cents(125_000_050), "1.250.000,50");
    assert_eq!(p.rows[1].incidental, Cents::ZERO, "empty is zero");
    assert_eq!(p.rows[2].structural, cents(100_000_000), "1000000");
    assert_eq!(p.funding, Some(FundingMethod::AlgemeneUitkering));
    assert_eq!(p.consulted_bzk_on, Some(day(2026, 2, 15)));
    assert_eq!(p.consulted_financien_on, Some(day(2026, 2, 15)), "Dutch date");
    assert_eq!(
        p.articles,
        [
            FinancialArticle::Fvw2,
            FinancialArticle::Gemeentewet108Lid3,
            FinancialArticle::Provinciewet105Lid3
        ]
    );
}

#[test]
fn wrong_amounts_name_the_row_and_field() {
    let cases: &[(usize, &str, &str, &str)] = &[
        (0, "structural", "-1", "Een bedrag kan niet negatief zijn."),
        (
            1,
            "incidental",
            "veel",
            "Dit is geen bedrag; schrijf bijvoorbeeld 1.234,56.",
        ),
        (
            2,
            "structural",
            "1,234",
            "Een bedrag heeft hoogstens twee cijfers achter de komma.",
        ),
        (2, "incidental", "€ -3,00", "Een bedrag kan niet negatief zijn."),
    ];
    for (row, field, raw, message) in cases {
        let mut input = financial_input();
        match *field {
            "structural" => input.rows[*row].structural = (*raw).into(),
            _ => input.rows[*row].incidental = (*raw).into(),
        }
        let errors = input.parse().unwrap_err();
        let name = format!("rows[{row}].{field}");
        assert_eq!(refused_fields(&input), std::slice::from_ref(&name), "{raw}");
        assert_eq!(errors.for_field(&name).unwrap().dutch(), *message);
    }
}

#[test]
fn other_wrong_fields_are_named() {
    let cases: Vec<(&str, Spoil)> = vec![
        ("rows[0].layer", Box::new(|i| i.rows[0].layer = "rijk".into())),
        ("rows[1].year", Box::new(|i| i.rows[1].year = "twintig".into())),
        ("rows[1].year", Box::new(|i| i.rows[1].year = "2027".into())),
        (
            "rows[2].reasoning",
            Box::new(|i| i.rows[2].reasoning = String::new()),
        ),
        ("rows[2].source", Box::new(|i| i.rows[2].source = " ".into())),
        (
            "articles[1]",
            Box::new(|i| i.articles[1] = "gemeentewet-999".into()),
        ),
        ("funding", Box::new(|i| i.funding = "lening".into())),
        (
            "consulted_bzk_on",
            Box::new(|i| i.consulted_bzk_on = "31-02-2026".into()),
        ),
    ];
    for (field, spoil) in cases {
        let mut input = financial_input();
        spoil(&mut input);
        assert_eq!(refused_fields(&input), [field], "{field}");
    }
}

#[test]
fn totals_per_layer_per_year() {
    let p = financial_input().parse().unwrap();
    let totals = p.totals();
    assert_eq!(
        totals
            .iter()
            .map(|t| (t.layer, t.year, t.total))
            .collect::<Vec<_>>(),
        [
            (Gemeenten, 2027, cents(625_000_050)),
            (Gemeenten, 2028, cents(500_000_000)),
            (Provincies, 2027, cents(100_000_000)),
        ]
    );
    assert_eq!(totals[0].structural, cents(500_000_000));
    assert_eq!(totals[0].incidental, cents(125_000_050));
    assert_eq!(
        p.totals_per_year(),
        [(2027, cents(725_000_050)), (2028, cents(500_000_000))]
    );
    assert_eq!(p.largest_year(), Some((2027, cents(725_000_050))));
    assert_eq!(p.layer_total(Gemeenten), cents(1_125_000_050));
    assert_eq!(p.layer_total(Waterschappen), Cents::ZERO);
}

#[test]
fn every_affected_layer_quantified() {
    let p = financial_input().parse().unwrap();
    assert!(p.quantifies_every(&[Gemeenten, Provincies]));
    assert!(!p.quantifies_every(&[Gemeenten, Waterschappen]));
    assert_eq!(p.unquantified(GovernmentLayer::ALL), [Waterschappen]);
    assert!(p.quantifies_every(&[]));
    let mut zero = financial_input();
    zero.rows = vec![FinancialRowInput {
        layer: "waterschappen".into(),
        year: "2027".into(),
        structural: "0".into(),
        reasoning: "Geen extra werk.".into(),
        source: "Eigen raming".into(),
        ..FinancialRowInput::default()
    }];
    let zero = zero.parse().unwrap();
    assert!(zero.quantifies(Waterschappen), "zero is a quantification");
    assert!(!zero.has_consequences());
    assert_eq!(zero.largest_year(), Some((2027, Cents::ZERO)));
}

#[test]
fn the_articles_follow_the_layers() {
    use FinancialArticle::*;
    assert_eq!(
        FinancialArticle::required_for(&[Gemeenten]),
        [Fvw2, Gemeentewet108Lid3]
    );
    assert_eq!(
        FinancialArticle::required_for(&[Provincies]),
        [Fvw2, Provinciewet105Lid3]
    );
    assert_eq!(FinancialArticle::required_for(&[Waterschappen]), []);
    let mut input = financial_input();
    input.articles = vec!["fvw-2".into()];
    let p = input.parse().unwrap();
    assert_eq!(
        p.articles_missing(&[Gemeenten, Provincies]),
        [Gemeentewet108Lid3, Provinciewet105Lid3]
    );
}

#[test]
fn only_the_funds_and_grants_are_paid_by_the_rijk() {
    let by_rijk: Vec<&str> = FundingMethod::ALL
        .iter()
        .filter(|m| m.paid_by_rijk())
        .map(|m| m.key())
        .collect();
    assert_eq!(
        by_rijk,
        [
            "algemene-uitkering",
            "specifieke-uitkering",
            "decentralisatie-uitkering",
            "bijzondere-fonds-uitkering"
        ]
    );
}

proptest! {
    #[test]
    fn any_amount_written_in_dutch_reads_back(c in 0i64..1_000_000_000_000) {
        let mut input = financial_input();
        input.rows[0].structural = cents(c).format_number_nl();
        input.rows[0].incidental = cents(c).format_nl();
        let p = input.parse().unwrap();
        prop_assert_eq!(p.rows[0].structural, cents(c));
        prop_assert_eq!(p.rows[0].incidental, cents(c));
    }

    #[test]
    fn no_text_makes_the_parse_panic(text in "\\PC{0,40}") {
        let mut input = financial_input();
        input.rows[0].structural = text.clone();
        input.rows[1].incidental = text.clone();
        input.rows[2].layer = text.clone();
        input.articles.push(text.clone());
        input.funding = text.clone();
        input.consulted_financien_on = text;
        let _ = input.parse();
    }
}
