use proptest::prelude::*;

use super::*;

fn process(platform: &str, address: &str, title: &str) -> ProcessInput {
    ProcessInput {
        platform: platform.into(),
        address: address.into(),
        title: title.into(),
    }
}

fn field_of(input: &ParticipationInput) -> Vec<String> {
    input
        .parse()
        .unwrap_err()
        .errors
        .iter()
        .map(|e| e.field.clone())
        .collect()
}

#[test]
fn addresses_row_by_row() {
    // (typed in, accepted as, host)
    let rows: &[(&str, Option<&str>, &str)] = &[
        (
            "https://www.example.nl/project",
            Some("https://www.example.nl/project"),
            "www.example.nl",
        ),
        (
            "  HTTPS://Doemee.Utrecht.NL/p?x=1#a ",
            Some("https://doemee.utrecht.nl/p?x=1#a"),
            "doemee.utrecht.nl",
        ),
        (
            "http://meedoen.gemeente.nl",
            Some("http://meedoen.gemeente.nl"),
            "meedoen.gemeente.nl",
        ),
        (
            "https://example.nl:8443/x",
            Some("https://example.nl:8443/x"),
            "example.nl",
        ),
        (
            "https://192.168.1.10/x",
            Some("https://192.168.1.10/x"),
            "192.168.1.10",
        ),
        ("javascript:alert(1)", None, ""),
        ("JavaScript://example.nl/%0Aalert(1)", None, ""),
        ("data:text/html,<b>x</b>", None, ""),
        ("ftp://example.nl/file", None, ""),
        ("//example.nl/x", None, ""),
        ("/relative/path", None, ""),
        ("www.example.nl", None, ""),
        ("https://", None, ""),
        ("https://localhost/x", None, ""),
        ("https://user:pw@example.nl/", None, ""),
        ("https://exa mple.nl/", None, ""),
        ("https://example.nl/\"onmouseover=x", None, ""),
        ("https://-bad-.nl/", None, ""),
        ("https://example..nl/", None, ""),
        ("https://example.nl:99999/", None, ""),
        ("https://1.2.3/", None, ""),
    ];
    for (raw, expected, host) in rows {
        let parsed = WebAddress::parse("address", raw, true);
        match expected {
            Some(text) => {
                let address = parsed.unwrap_or_else(|e| panic!("{raw}: {e:?}")).unwrap();
                assert_eq!(address.as_str(), *text, "{raw}");
                assert_eq!(address.host(), *host, "{raw}");
            }
            None => {
                let errors = parsed.expect_err(raw);
                assert_eq!(errors.errors[0].field, "address", "{raw}");
                assert_eq!(errors.errors[0].code, "invalid_address", "{raw}");
            }
        }
    }
}

#[test]
fn an_empty_address_is_none_unless_required_and_a_long_one_is_refused() {
    assert_eq!(WebAddress::parse("ordinance_url", "  ", false).unwrap(), None);
    assert_eq!(
        WebAddress::parse("x", "", true).unwrap_err().errors[0].code,
        "required"
    );
    let long = format!("https://example.nl/{}", "a".repeat(MAX_ADDRESS_CHARS));
    assert_eq!(
        WebAddress::parse("x", &long, true).unwrap_err().errors[0].code,
        "too_long"
    );
}

#[test]
fn stored_addresses_are_checked_again_when_read() {
    assert!(serde_json::from_str::<WebAddress>("\"javascript:alert(1)\"").is_err());
    let ok: WebAddress = serde_json::from_str("\"https://example.nl/a\"").unwrap();
    assert_eq!(serde_json::to_string(&ok).unwrap(), "\"https://example.nl/a\"");
}

#[test]
fn cvdr_ids_row_by_row() {
    let rows: &[(&str, Result<Option<&str>, ()>)] = &[
        ("", Ok(None)),
        ("CVDR741103", Ok(Some("CVDR741103"))),
        (" cvdr741103/1 ", Ok(Some("CVDR741103"))),
        ("CVDR", Err(())),
        ("741103", Err(())),
        ("CVDR74x103", Err(())),
        ("CVDR741103/a", Err(())),
        ("CVDR1234567890", Err(())),
        // Found by schemathesis: a character of four bytes across the prefix's end panicked.
        ("0\u{10000}", Err(())),
        ("cvd\u{e9}1", Err(())),
    ];
    for (raw, expected) in rows {
        let got = parse_cvdr("ordinance_cvdr", raw);
        match expected {
            Ok(id) => assert_eq!(got.unwrap().as_deref(), *id, "{raw}"),
            Err(()) => assert_eq!(got.unwrap_err().errors[0].field, "ordinance_cvdr", "{raw}"),
        }
    }
}

#[test]
fn yes_no_row_by_row() {
    for (raw, expected) in [
        ("", Some(None)),
        ("ja", Some(Some(true))),
        ("Nee", Some(Some(false))),
        ("true", Some(Some(true))),
        ("misschien", None),
    ] {
        assert_eq!(parse_yes_no("right_to_challenge", raw).ok(), expected, "{raw}");
    }
}

#[test]
fn a_full_record_parses_and_round_trips_through_its_input() {
    let input = ParticipationInput {
        processes: vec![
            process(
                "decidim",
                "https://decidim.example.nl/processes/regio",
                "Regionale visie",
            ),
            process("", "", ""),
            process(
                "openstad",
                "https://openstad.example.nl/plan",
                "Plan voor de regio",
            ),
        ],
        ordinance_url: "https://lokaleregelgeving.overheid.nl/CVDR741103".into(),
        ordinance_cvdr: "cvdr741103".into(),
        right_to_challenge: "ja".into(),
        agreements: "Inspraak volgens afdeling 3.4 Awb.".into(),
        agreements_url: String::new(),
    };
    let record = input.parse().unwrap();
    assert_eq!(record.processes.len(), 2, "the blank row is skipped");
    assert_eq!(record.processes[1].platform, Platform::OpenStad);
    assert_eq!(record.ordinance_cvdr.as_deref(), Some("CVDR741103"));
    assert_eq!(record.right_to_challenge, Some(true));
    assert!(has_any(&record));
    assert_eq!(ParticipationInput::from(&record).parse().unwrap(), record);
}

#[test]
fn every_wrong_field_is_named() {
    let input = ParticipationInput {
        processes: vec![
            process("loomio", "https://example.nl/a", "A"),
            process("decidim", "javascript:alert(1)", "B"),
            process("consul", "https://example.nl/c", ""),
        ],
        ordinance_url: "lokaleregelgeving".into(),
        ordinance_cvdr: "12".into(),
        right_to_challenge: "soms".into(),
        agreements: String::new(),
        agreements_url: "data:x".into(),
    };
    assert_eq!(
        field_of(&input),
        [
            "processes[0].platform",
            "processes[1].address",
            "processes[2].title",
            "ordinance_url",
            "ordinance_cvdr",
            "right_to_challenge",
            "agreements_url"
        ]
    );
}

#[test]
fn the_same_address_twice_and_too_many_processes_are_refused() {
    let twice = ParticipationInput {
        processes: vec![
            process("decidim", "https://example.nl/a", "A"),
            process("decidim", "HTTPS://EXAMPLE.NL/a", "B"),
        ],
        ..Default::default()
    };
    assert_eq!(field_of(&twice), ["processes[1].address"]);
    let many = ParticipationInput {
        processes: (0..=MAX_PROCESSES)
            .map(|i| process("andere", &format!("https://example.nl/{i}"), "P"))
            .collect(),
        ..Default::default()
    };
    assert_eq!(field_of(&many), ["processes"]);
}

#[test]
fn the_uitdaagrecht_comes_as_json_boolean_or_text() {
    let input: ParticipationInput = serde_json::from_str(r#"{"right_to_challenge": false}"#).unwrap();
    assert_eq!(input.parse().unwrap().right_to_challenge, Some(false));
    let input: ParticipationInput = serde_json::from_str(r#"{"right_to_challenge": null}"#).unwrap();
    assert_eq!(input.parse().unwrap(), Participation::default());
    assert!(serde_json::from_str::<ParticipationInput>(r#"{"right_to_challenge": 3}"#).is_err());
}

#[test]
fn has_any_row_by_row() {
    let empty = Participation::default();
    assert!(!has_any(&empty));
    let address = WebAddress::parse("x", "https://example.nl/", true)
        .unwrap()
        .unwrap();
    let rows: Vec<Participation> = vec![
        Participation {
            processes: vec![ParticipationProcess {
                platform: Platform::Consul,
                address: address.clone(),
                title: "T".into(),
            }],
            ..Default::default()
        },
        Participation {
            ordinance_url: Some(address.clone()),
            ..Default::default()
        },
        Participation {
            ordinance_cvdr: Some("CVDR1".into()),
            ..Default::default()
        },
        Participation {
            right_to_challenge: Some(false),
            ..Default::default()
        },
        Participation {
            agreements: Some("x".into()),
            ..Default::default()
        },
        Participation {
            agreements_url: Some(address),
            ..Default::default()
        },
    ];
    for row in rows {
        assert!(has_any(&row), "{row:?}");
    }
}

#[test]
fn the_ordinance_link_falls_back_on_the_cvdr_entry() {
    let record = Participation {
        ordinance_cvdr: Some("CVDR741103".into()),
        ..Default::default()
    };
    assert_eq!(
        record.ordinance_link().as_deref(),
        Some("https://lokaleregelgeving.overheid.nl/CVDR741103")
    );
    assert_eq!(Participation::default().ordinance_link(), None);
}

#[test]
fn what_the_law_asks_row_by_row() {
    use CollaborationKind as K;
    use WgrForm as F;
    let gr = K::GemeenschappelijkeRegeling;
    let rows: &[(CollaborationKind, Option<WgrForm>, &str)] = &[
        (gr, Some(F::OpenbaarLichaam), "must"),
        (gr, Some(F::GemeenschappelijkOrgaan), "must"),
        (gr, Some(F::Bedrijfsvoeringsorganisatie), "must"),
        (gr, Some(F::Centrumgemeenteconstructie), "none"),
        (gr, Some(F::RegelingZonderMeer), "none"),
        (gr, None, "depends"),
    ];
    for (kind, form, expected) in rows {
        let got = match duty(*kind, *form) {
            Duty::RegelingMustArrange { .. } => "must",
            Duty::DependsOnForm { .. } => "depends",
            Duty::NoStatutoryDuty => "none",
        };
        assert_eq!(got, *expected, "{kind:?} {form:?}");
    }
    for kind in K::ALL.iter().filter(|k| **k != gr) {
        assert_eq!(duty(*kind, None), Duty::NoStatutoryDuty, "{kind:?}");
        assert!(duty(*kind, None).rule().is_none());
    }
}

#[test]
fn the_rule_carries_its_article_and_its_sources() {
    let rule = duty(
        CollaborationKind::GemeenschappelijkeRegeling,
        Some(WgrForm::OpenbaarLichaam),
    );
    let rule = rule.rule().unwrap();
    assert_eq!(
        rule.citation().dutch(),
        "Wet gemeenschappelijke regelingen, artikel 10, lid 7 (BWBR0003740)"
    );
    assert_eq!(rule.verification, Verification::OnzeLezing);
    assert!(rule.law_url.starts_with("https://wetten.overheid.nl/"));
    assert!(rule.checked_at.iter().all(|u| u.starts_with("https://")));
    assert!(rule.found.contains("onze lezing"));
}

#[test]
fn agreements_belong_to_a_regeling_only() {
    let record = Participation {
        agreements: Some("x".into()),
        ..Default::default()
    };
    assert!(check_kind(&record, CollaborationKind::GemeenschappelijkeRegeling).is_ok());
    let errors = check_kind(&record, CollaborationKind::RegioDeal).unwrap_err();
    assert_eq!(errors.errors[0].field, "agreements");
    assert!(check_kind(&Participation::default(), CollaborationKind::RegioDeal).is_ok());
}

proptest! {
    #[test]
    fn a_cvdr_id_is_refused_or_normalised_never_a_panic(raw in "\\PC{0,16}|[cC][vV][dD][rR][0-9/]{0,12}") {
        if let Ok(Some(id)) = parse_cvdr("ordinance_cvdr", &raw) {
            prop_assert!(id.starts_with("CVDR") && id.len() > 4);
            prop_assert!(id[4..].chars().all(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn any_text_in_any_field_is_parsed_or_refused_never_a_panic(
        fields in proptest::collection::vec("\\PC{0,24}", 8)
    ) {
        let input = ParticipationInput {
            agreements: fields[0].clone(),
            agreements_url: fields[1].clone(),
            ordinance_url: fields[2].clone(),
            ordinance_cvdr: fields[3].clone(),
            right_to_challenge: fields[4].clone(),
            processes: vec![ProcessInput {
                platform: fields[5].clone(),
                address: fields[6].clone(),
                title: fields[7].clone(),
            }],
        };
        let _ = input.parse();
    }

    #[test]
    fn an_accepted_address_is_always_http_with_a_host(raw in "\\PC{0,60}") {
        if let Ok(Some(address)) = WebAddress::parse("address", &raw, false) {
            prop_assert!(address.as_str().starts_with("https://") || address.as_str().starts_with("http://"));
            prop_assert!(address.host().contains('.'));
            prop_assert!(!address.as_str().chars().any(|c| c.is_whitespace() || c == '"' || c == '<'));
        }
    }

    #[test]
    fn nothing_but_http_schemes_pass(scheme in "[a-zA-Z]{1,12}", rest in "[a-z./]{0,20}") {
        let raw = format!("{scheme}://example.nl/{rest}");
        let accepted = WebAddress::parse("address", &raw, true).is_ok();
        let lower = scheme.to_ascii_lowercase();
        prop_assert_eq!(accepted, lower == "http" || lower == "https");
    }
}
