use proptest::prelude::*;

use super::*;

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

fn payers() -> Vec<Payer> {
    vec![
        Payer {
            code: code("MNRE1153"),
            name: "LNV".into(),
            layer: Layer::Rijk,
        },
        Payer {
            code: code("PV20"),
            name: "Provincie Groningen".into(),
            layer: Layer::Decentraal,
        },
        Payer {
            code: code("GM0014"),
            name: "Groningen".into(),
            layer: Layer::Decentraal,
        },
        Payer {
            code: code("VNG"),
            name: "VNG".into(),
            layer: Layer::Koepel,
        },
    ]
}

fn c(partner: &str, year: i32, euros: i64, instrument: Instrument, status: MoneyStatus) -> Contribution {
    Contribution {
        partner: code(partner),
        year,
        amount: Cents(euros * 100),
        instrument,
        status,
    }
}

#[test]
fn amounts_are_read_as_people_write_them() {
    for (raw, cents) in [
        ("1234", 123_400),
        ("1234,5", 123_450),
        ("1.234,56", 123_456),
        ("€ 1.234.567", 123_456_700),
        ("1234.56", 123_456),
        ("1.234", 123_400),
        ("0,07", 7),
        (" € 12 ", 1_200),
    ] {
        assert_eq!(Cents::parse_euro("amount", raw), Ok(Cents(cents)), "{raw}");
    }
    for raw in [
        "",
        "-5",
        "drie",
        "1,234",
        "1.23.4",
        "12,3,4",
        "1e6",
        "99999999999999999999",
    ] {
        let error = Cents::parse_euro("amount", raw).unwrap_err();
        assert_eq!(error.errors[0].field, "amount", "{raw}");
    }
    assert!(Cents::from_cents("amount_cents", -1).is_err());
}

#[test]
fn amounts_are_written_the_dutch_way() {
    assert_eq!(Cents(123_456_789).format_nl(), "€ 1.234.567,89");
    assert_eq!(Cents(5).format_nl(), "€ 0,05");
    assert_eq!(Cents(100_000).format_nl(), "€ 1.000,00");
}

proptest! {
    #[test]
    fn written_amounts_read_back(cents in 0i64..10_000_000_000_000) {
        let written = Cents(cents).format_nl();
        prop_assert_eq!(Cents::parse_euro("amount", &written), Ok(Cents(cents)));
    }
}

#[test]
fn years_outside_the_range_are_refused() {
    assert_eq!(parse_year("year", "2026"), Ok(2026));
    assert!(parse_year("year", "1989").is_err());
    assert!(parse_year("year", "twintig").is_err());
}

#[test]
fn the_firmest_figure_counts_once() {
    let money = [
        c(
            "PV20",
            2025,
            100,
            Instrument::EigenMiddelen,
            MoneyStatus::Toegezegd,
        ),
        c(
            "PV20",
            2025,
            90,
            Instrument::EigenMiddelen,
            MoneyStatus::Gerealiseerd,
        ),
        c("PV20", 2025, 95, Instrument::EigenMiddelen, MoneyStatus::Begroot),
        c(
            "PV20",
            2026,
            50,
            Instrument::EigenMiddelen,
            MoneyStatus::Toegezegd,
        ),
    ];
    let counted = best_known(&money);
    assert_eq!(counted.len(), 2);
    let s = summarise(CollaborationKind::Convenant, &payers(), &money, &[]);
    assert_eq!(s.total, Cents(14_000));
    assert_eq!(s.per_status[0].amount, Cents(15_000), "toegezegd, as recorded");
    assert_eq!(
        s.per_year.iter().map(|y| y.key.as_str()).collect::<Vec<_>>(),
        ["2025", "2026"]
    );
}

#[test]
fn a_regio_deal_where_the_rijk_pays_more_than_half_is_flagged_with_its_source() {
    let money = [
        c(
            "MNRE1153",
            2025,
            600,
            Instrument::RegioDealBijdrage,
            MoneyStatus::Toegezegd,
        ),
        c(
            "PV20",
            2025,
            300,
            Instrument::EigenMiddelen,
            MoneyStatus::Toegezegd,
        ),
        c(
            "GM0014",
            2025,
            100,
            Instrument::EigenMiddelen,
            MoneyStatus::Toegezegd,
        ),
    ];
    let s = summarise(CollaborationKind::RegioDeal, &payers(), &money, &[]);
    let check = &s.checks[0];
    assert_eq!(check.key, "regio-deal-rijk-hoogstens-helft");
    assert_eq!(check.outcome, Outcome::VoldoetNiet);
    assert!(check.source.contains("tabel 3.1"));
    assert!(check.explanation.contains("€ 600,00 van € 1.000,00"));
    assert_eq!(s.per_layer[0].share, Some(0.6));

    let half = [
        c(
            "MNRE1153",
            2025,
            500,
            Instrument::RegioDealBijdrage,
            MoneyStatus::Toegezegd,
        ),
        c(
            "PV20",
            2025,
            500,
            Instrument::EigenMiddelen,
            MoneyStatus::Toegezegd,
        ),
    ];
    let s = summarise(CollaborationKind::RegioDeal, &payers(), &half, &[]);
    assert_eq!(s.checks[0].outcome, Outcome::Voldoet, "exactly half is allowed");
    let s = summarise(CollaborationKind::Mirt, &payers(), &money, &[]);
    assert_eq!(s.checks[0].outcome, Outcome::NietVanToepassing);
    let s = summarise(CollaborationKind::RegioDeal, &payers(), &[], &[]);
    assert_eq!(s.checks[0].outcome, Outcome::NietVanToepassing);
}

#[test]
fn a_res_without_decentral_own_means_is_flagged() {
    let rijk_only = [c(
        "MNRE1153",
        2025,
        100,
        Instrument::SpecifiekeUitkering,
        MoneyStatus::Begroot,
    )];
    let s = summarise(CollaborationKind::Res, &payers(), &rijk_only, &[]);
    assert_eq!(s.checks[1].outcome, Outcome::VoldoetNiet);
    let with_own = [
        rijk_only[0].clone(),
        c(
            "GM0014",
            2025,
            10,
            Instrument::EigenMiddelen,
            MoneyStatus::Begroot,
        ),
    ];
    let s = summarise(CollaborationKind::Res, &payers(), &with_own, &[]);
    assert_eq!(s.checks[1].outcome, Outcome::Voldoet);
}

#[test]
fn shares_per_layer_leave_koepels_out_of_the_decentral_share() {
    let money = [
        c("MNRE1153", 2025, 300, Instrument::Overig, MoneyStatus::Begroot),
        c(
            "GM0014",
            2025,
            100,
            Instrument::EigenMiddelen,
            MoneyStatus::Begroot,
        ),
        c("VNG", 2025, 600, Instrument::Overig, MoneyStatus::Begroot),
    ];
    let s = summarise(CollaborationKind::Convenant, &payers(), &money, &[]);
    assert_eq!(s.per_layer[2].amount, Cents(60_000));
    assert_eq!(s.decentral_share, Some(0.25));
    assert_eq!(s.implied_dimension3, Some(2));
    let partners: Vec<&str> = s.per_partner.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        partners,
        ["MNRE1153", "GM0014", "VNG"],
        "partners without money are left out"
    );
}

#[test]
fn stated_dimension3_scores_far_from_the_money_are_named() {
    // Decentral share 0.9 → implied score 1 + 3.6 = 4.6 → 5.
    let money = [
        c(
            "MNRE1153",
            2025,
            100,
            Instrument::RegioDealBijdrage,
            MoneyStatus::Begroot,
        ),
        c("PV20", 2025, 900, Instrument::EigenMiddelen, MoneyStatus::Begroot),
    ];
    let stated = [
        ("LNV".to_owned(), 2),
        ("Provincie Groningen".to_owned(), 4),
        ("Groningen".to_owned(), 3),
    ];
    let s = summarise(CollaborationKind::RegioDeal, &payers(), &money, &stated);
    assert_eq!(s.implied_dimension3, Some(5));
    let named: Vec<(&str, u8)> = s
        .mismatches
        .iter()
        .map(|m| (m.partner.as_str(), m.stated))
        .collect();
    assert_eq!(named, [("LNV", 2), ("Groningen", 3)]);
}

proptest! {
    #[test]
    fn shares_add_up_and_the_total_is_the_sum_of_the_layers(
        amounts in proptest::collection::vec((0usize..4, 2020i32..2024, 0usize..8, 0usize..3, 0i64..1_000_000_000), 0..30)
    ) {
        let ps = payers();
        let money: Vec<Contribution> = amounts
            .iter()
            .map(|(p, y, i, s, a)| Contribution {
                partner: ps[*p].code.clone(),
                year: *y,
                amount: Cents(*a),
                instrument: Instrument::ALL[*i],
                status: MoneyStatus::ALL[*s],
            })
            .collect();
        let s = summarise(CollaborationKind::RegioDeal, &ps, &money, &[]);
        let layers: i64 = s.per_layer.iter().map(|l| l.amount.0).sum();
        prop_assert_eq!(layers, s.total.0);
        let partners: i64 = s.per_partner.iter().map(|l| l.amount.0).sum();
        prop_assert_eq!(partners, s.total.0);
        prop_assert!(s.total.0 <= money.iter().map(|c| c.amount.0).sum::<i64>());
        if s.total.0 > 0 {
            let sum: f64 = s.per_partner.iter().filter_map(|p| p.share).sum();
            prop_assert!((sum - 1.0).abs() < 1e-9);
        }
        if let Some(d) = s.implied_dimension3 {
            prop_assert!((1..=5).contains(&d));
        }
    }
}

#[test]
fn a_contribution_input_names_every_wrong_field() {
    let input = ContributionInput {
        partner: "gm0014",
        year: "2026",
        amount: AmountInput::Euro("1.500,00"),
        instrument: "eigen-middelen",
        status: "begroot",
    };
    let c = input.parse().unwrap();
    assert_eq!(
        (c.partner.as_str(), c.year, c.amount),
        ("GM0014", 2026, Cents(150_000))
    );
    let bad = ContributionInput {
        partner: "",
        year: "26",
        amount: AmountInput::Cents(-1),
        instrument: "subsidie",
        status: "misschien",
    };
    let fields: Vec<String> = bad
        .parse()
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["partner", "year", "amount_cents", "instrument", "status"]
    );
}
