use proptest::prelude::*;

use super::*;

fn full() -> MooreStatement {
    MooreStatement {
        public_value: Some("Bereikbaarheid van de regio".into()),
        mandate: Some("Raadsbesluit 12-03-2025".into()),
        support: Some(Support::Breed),
        fte: Some(Fte(25)),
        processes: Some("Stuurgroep, kwartaalrapportage".into()),
    }
}

fn partner(code: &str, statement: Option<MooreStatement>, euros: i64) -> PartnerFacts {
    PartnerFacts {
        code: OrgCode::parse(code).unwrap(),
        name: code.to_owned(),
        statement,
        money: Cents::new(euros * 100).unwrap(),
    }
}

/// The reasons in Dutch.
fn dutch(reasons: &[Message]) -> Vec<&str> {
    reasons.iter().map(Message::dutch).collect()
}

fn strengths(a: &MooreAssessment) -> Vec<Strength> {
    a.elements.iter().map(|e| e.strength).collect()
}

#[test]
fn fte_is_parsed_as_people_write_it() {
    assert_eq!(Fte::parse("fte", "2,5").unwrap(), Some(Fte(25)));
    assert_eq!(Fte::parse("fte", " 2.5 ").unwrap(), Some(Fte(25)));
    assert_eq!(Fte::parse("fte", "3").unwrap(), Some(Fte(30)));
    assert_eq!(Fte::parse("fte", "0").unwrap(), Some(Fte(0)));
    assert_eq!(Fte::parse("fte", "").unwrap(), None);
    assert_eq!(Fte::parse("fte", "10000").unwrap(), Some(Fte(MAX_FTE_TENTHS)));
    for bad in [
        "-1",
        "2,55",
        "twee",
        "1,",
        ",5",
        "1e3",
        "10000,1",
        "99999999999",
        "2 5",
    ] {
        let e = Fte::parse("fte", bad).unwrap_err();
        assert_eq!(e.errors[0].field, "fte", "{bad}");
    }
    assert_eq!(Fte(25).format_nl(), "2,5");
    assert_eq!(Fte(30).format_nl(), "3,0");
}

#[test]
fn bad_input_names_every_field() {
    let input = MooreInput {
        public_value: "ok".into(),
        mandate: "a\u{0}b".into(),
        support: "enorm".into(),
        fte: "-2".into(),
        processes: "x".repeat(2001),
    };
    let e = input.parse().unwrap_err();
    let mut fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["fte", "mandate", "processes", "support"]);
    let empty = MooreInput::default().parse().unwrap();
    assert_eq!(empty, MooreStatement::default());
}

#[test]
fn everything_stated_by_everyone_is_in_order() {
    let a = assess(
        Some("Brede welvaart"),
        true,
        &[
            partner("GM0917", Some(full()), 10),
            partner("PV31", Some(full()), 20),
        ],
    );
    assert_eq!(strengths(&a), [Strength::OpOrde; 3]);
    assert!(a.elements.iter().all(|e| e.reasons.is_empty()));
    assert_eq!(a.total_fte, Fte(50));
    assert_eq!(a.total_money, Cents::new(3_000).unwrap());
}

#[test]
fn nothing_stated_means_every_element_is_missing() {
    let a = assess(
        None,
        false,
        &[partner("GM0917", None, 0), partner("PV31", None, 0)],
    );
    assert_eq!(strengths(&a), [Strength::Ontbreekt; 3]);
    assert!(a.elements[0].reasons[0].contains("gezamenlijke definitie"));
    assert!(
        a.partners
            .iter()
            .all(|p| p.elements.iter().all(|e| e.strength == Strength::Ontbreekt))
    );
}

#[test]
fn a_joint_definition_alone_makes_the_public_value_thin_not_missing() {
    let a = assess(Some("Bereikbaarheid"), false, &[partner("GM0917", None, 0)]);
    assert_eq!(a.elements[0].strength, Strength::Dun);
    assert_eq!(
        dutch(&a.elements[0].reasons),
        ["GM0917: De eigen maatschappelijke meerwaarde is niet benoemd."]
    );
    let of_partner = &a.elements[0].reasons[0];
    assert_eq!(of_partner.id(), "moore-reason-of-partner");
    assert_eq!(
        of_partner.parts()[0].1.items()[0].id(),
        "moore-reason-no-public-value",
        "the partner's own reasons stay messages, for every language"
    );
}

#[test]
fn little_support_or_no_mandate_makes_legitimacy_thin() {
    let weak = MooreStatement {
        support: Some(Support::Weinig),
        ..full()
    };
    let a = assess(
        Some("x"),
        true,
        &[
            partner("GM0917", Some(weak), 10),
            partner("PV31", Some(full()), 10),
        ],
    );
    let legitimacy = &a.elements[1];
    assert_eq!(legitimacy.strength, Strength::Dun);
    assert_eq!(
        dutch(&legitimacy.reasons),
        ["GM0917: Weinig steun bij de eigen belanghebbenden."]
    );
    assert_eq!(a.partners[0].elements[1].strength, Strength::Dun);
    assert_eq!(a.partners[1].elements[1].strength, Strength::OpOrde);

    let no_body = assess(Some("x"), false, &[partner("PV31", Some(full()), 10)]);
    assert_eq!(
        no_body.elements[1].strength,
        Strength::Dun,
        "no elected body controls it"
    );
}

#[test]
fn capacity_needs_people_money_and_processes() {
    let people_only = MooreStatement {
        processes: None,
        ..full()
    };
    let a = assess(Some("x"), true, &[partner("GM0917", Some(people_only), 0)]);
    let capacity = &a.partners[0].elements[2];
    assert_eq!(capacity.strength, Strength::Dun);
    assert_eq!(
        dutch(&capacity.reasons),
        [
            "Geen geld vastgelegd (zie Geld).",
            "Geen processen en structuren beschreven."
        ]
    );
    let zero = MooreStatement {
        fte: Some(Fte(0)),
        processes: None,
        ..full()
    };
    let b = assess(Some("x"), true, &[partner("GM0917", Some(zero), 0)]);
    assert_eq!(
        b.elements[2].strength,
        Strength::Ontbreekt,
        "zero FTE is no people"
    );
}

#[test]
fn no_partners_is_never_in_order() {
    let a = assess(Some("x"), true, &[]);
    assert!(a.elements.iter().all(|e| e.strength != Strength::OpOrde));
}

fn statement() -> impl Strategy<Value = Option<MooreStatement>> {
    let text = prop::option::of(Just("iets".to_owned()));
    proptest::option::of(
        (
            text.clone(),
            text.clone(),
            prop::option::of(0usize..3),
            prop::option::of(0u32..50),
            text,
        )
            .prop_map(
                |(public_value, mandate, support, fte, processes)| MooreStatement {
                    public_value,
                    mandate,
                    support: support.map(|i| Support::ALL[i]),
                    fte: fte.map(Fte),
                    processes,
                },
            ),
    )
}

proptest! {
    #[test]
    fn the_whole_is_never_better_than_its_weakest_partner(
        joint in any::<bool>(),
        bodies in any::<bool>(),
        partners in proptest::collection::vec((statement(), 0i64..3), 1..6),
    ) {
        let facts: Vec<PartnerFacts> = partners
            .into_iter()
            .enumerate()
            .map(|(i, (s, money))| PartnerFacts {
                code: OrgCode::parse(&format!("GM{:04}", i + 1)).unwrap(),
                name: format!("P{i}"),
                statement: s,
                money: Cents::new(money).unwrap(),
            })
            .collect();
        let a = assess(joint.then_some("samen"), bodies, &facts);
        for (i, whole) in a.elements.iter().enumerate() {
            for p in &a.partners {
                let part = p.elements[i].strength;
                // Op orde for the whole only when every partner has it in order.
                if whole.strength == Strength::OpOrde {
                    prop_assert_eq!(part, Strength::OpOrde);
                }
                // Missing for the whole only when it is missing for every partner.
                if whole.strength == Strength::Ontbreekt {
                    prop_assert_eq!(part, Strength::Ontbreekt);
                }
            }
            prop_assert_eq!(whole.strength == Strength::OpOrde, whole.reasons.is_empty());
        }
    }
}

#[test]
fn the_api_may_send_fte_as_a_number_or_text() {
    let parse = |json: &str| {
        serde_json::from_str::<MooreInput>(json)
            .unwrap()
            .parse()
            .unwrap()
            .fte
    };
    assert_eq!(parse(r#"{"fte": 2.5}"#), Some(Fte(25)));
    assert_eq!(parse(r#"{"fte": 3}"#), Some(Fte(30)));
    assert_eq!(parse(r#"{"fte": "1,5"}"#), Some(Fte(15)));
    assert_eq!(parse(r#"{"fte": null}"#), None);
    assert_eq!(parse(r#"{}"#), None);
    let bad = serde_json::from_str::<MooreInput>(r#"{"fte": 2.55}"#)
        .unwrap()
        .parse();
    assert_eq!(bad.unwrap_err().errors[0].field, "fte");
}

#[test]
fn the_triangle_names_every_element_and_its_judgement_in_words() {
    let a = assess(Some("x"), false, &[partner("GM0917", Some(full()), 10)]);
    let t = triangle::triangle(&a.elements);
    assert_eq!(
        t.title,
        "Maatschappelijke meerwaarde: op orde; Legitimiteit en steun: dun; \
         Operationele capaciteit: op orde"
    );
    let corners: Vec<(Element, Strength)> = t.corners.iter().map(|c| (c.element, c.strength)).collect();
    assert_eq!(
        corners,
        [
            (Element::PublicValue, Strength::OpOrde),
            (Element::Legitimacy, Strength::Dun),
            (Element::Capacity, Strength::OpOrde)
        ]
    );
    let missing = triangle::triangle(&[]);
    assert!(missing.corners.iter().all(|c| c.strength == Strength::Ontbreekt));
}

#[test]
fn the_triangle_fits_its_view_box_with_the_labels_clear_of_the_circles() {
    let t = triangle::triangle(&[]);
    let r = triangle::CORNER_RADIUS;
    for c in &t.corners {
        let (x, y) = c.centre;
        assert!(x - r >= 0 && x + r <= triangle::WIDTH && y - r >= 0 && y + r <= triangle::HEIGHT);
        // The symbol sits inside the circle; the labels outside it, inside the view box.
        assert!((y - r..y + r).contains(&c.symbol_baseline));
        for (lx, ly) in [c.name_at, c.judgement_at] {
            assert_eq!(lx, x);
            assert!((ly - y).abs() > r && (0..=triangle::HEIGHT).contains(&ly));
        }
        assert!(c.judgement_at.1 > c.name_at.1);
    }
    // The top corner first, then bottom left and bottom right.
    assert!(t.corners[0].centre.1 < t.corners[1].centre.1);
    assert!(t.corners[1].centre.0 < t.corners[2].centre.0);
}
