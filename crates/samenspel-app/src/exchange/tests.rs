use std::collections::HashSet;

use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::org::OrgCode;
use samenspel_store::RegisteredCollaboration;

use super::check::validate;
use super::csv::read_csv;
use super::*;
use crate::import::RowError;

fn known() -> HashSet<OrgCode> {
    ["GM0014", "GM1979", "PV20", "MNRE1153"]
        .iter()
        .map(|c| OrgCode::parse(c).unwrap())
        .collect()
}

const GOOD: &str = "regel;sleutel;naam;soort;start;einde;organisatie;rol;jaar;bedrag;instrument;status\r\n\
samenwerking;eems;Regio Deal Eemsdelta;regio-deal;1-3-2024;31-12-2027;;;;;;\r\n\
partner;eems;;;;;GM1979;trekker;;;;\r\n\
partner;eems;;;;;MNRE1153;financier;;;;\r\n\
geld;eems;;;;;MNRE1153;;2025;1.500.000,50;regio-deal-bijdrage;toegezegd\r\n";

fn import(text: &str) -> Result<Vec<RegisteredCollaboration>, Vec<RowError>> {
    let mut problems = Problems::new(FILE);
    let items = read_csv(text, &mut problems);
    let out = validate(items, &known(), &mut problems);
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.into_list())
    }
}

fn places(errors: &[RowError]) -> Vec<(usize, &str)> {
    let mut v: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    v.sort();
    v
}

#[test]
fn a_dutch_excel_file_is_read() {
    let items = import(GOOD).unwrap();
    assert_eq!(items.len(), 1);
    let c = &items[0];
    assert_eq!(c.source_key, "bestand:eems");
    assert_eq!(c.fields.start_date.unwrap().to_string(), "2024-03-01");
    assert_eq!(c.partners.len(), 2);
    let money = c.money.as_ref().unwrap();
    assert_eq!(money[0].amount.get(), 150_000_050);
}

#[test]
fn every_bad_row_is_named_with_its_column() {
    let bad = "regel;sleutel;naam;soort;start;einde;organisatie;rol;jaar;bedrag;instrument;status\n\
samenwerking;a;Goed;convenant;2024-05-01;2024-01-01;;;;;;\n\
partner;a;;;;;GM9999;partner;;;;\n\
partner;a;;;;;GM0014;partner;;;;\n\
partner;a;;;;;GM0014;partner;;;;\n\
geld;a;;;;;GM0014;;2025;-5;eigen-middelen;begroot\n\
geld;a;;;;;GM0014;;2025;veel;eigen-middelen;begroot\n\
geld;a;;;;;GM0014;;2025;5;subsidie;begroot\n\
geld;a;;;;;PV20;;2025;5;eigen-middelen;begroot\n\
iets;a;;;;;;;;;;\n\
partner;b;;;;;GM0014;partner;;;;\n";
    let errors = import(bad).unwrap_err();
    assert_eq!(
        places(&errors),
        [
            (2, "einde"),
            (3, "organisatie"),
            (5, "organisatie"),
            (6, "bedrag"),
            (7, "bedrag"),
            (8, "instrument"),
            (9, "organisatie"),
            (10, "regel"),
            (11, "sleutel"),
        ]
    );
    assert!(errors.iter().any(|e| e.reason.contains("GM9999")));
    assert!(errors.iter().any(|e| e.reason.contains("al als partner")));
}

#[test]
fn exported_csv_reads_back_the_same() {
    let items = vec![ExchangedCollaboration {
        key: "x; \"y\"".into(),
        input: CollaborationInput {
            name: "Convenant; met \"aanhalingstekens\"".into(),
            kind: "convenant".into(),
            start_date: "2024-01-01".into(),
            phases: vec!["uitvraag".into(), "uitvoering".into()],
            ..Default::default()
        },
        partners: vec![ExchangedPartner {
            code: "PV20".into(),
            role: "trekker".into(),
        }],
        money: vec![ExchangedMoney {
            partner: "PV20".into(),
            year: 2026,
            amount_cents: 123_456_789,
            instrument: "eigen-middelen".into(),
            status: "gerealiseerd".into(),
        }],
        participation: Some(samenspel_domain::participation::ParticipationInput {
            processes: vec![samenspel_domain::participation::ProcessInput {
                platform: "decidim".into(),
                address: "https://decidim.example.nl/processes/1".into(),
                title: "Visie; \"samen\"".into(),
            }],
            ordinance_cvdr: "CVDR741103".into(),
            right_to_challenge: "ja".into(),
            ..Default::default()
        }),
    }];
    let csv = to_csv(&items);
    let mut problems = Problems::new(FILE);
    let read = read_csv(&decode(csv.as_bytes()), &mut problems);
    assert!(problems.is_empty());
    assert_eq!(read[0].item, items[0]);
    assert_eq!(
        (
            read[0].row,
            read[0].partner_rows.as_slice(),
            read[0].money_rows.as_slice()
        ),
        (2, &[3][..], &[4][..])
    );
}

#[test]
fn a_missing_key_column_is_reported_on_the_header() {
    let errors = import("regel;naam\nsamenwerking;x\n").unwrap_err();
    assert_eq!(errors[0].row, 1);
    assert_eq!(errors[0].column, "sleutel");
}

const WITH_PARTICIPATION: &str = "regel;sleutel;naam;soort;wgr_vorm;organisatie;rol;platform;adres;titel;verordening;uitdaagrecht;afspraken\n\
samenwerking;gr;Regio;gemeenschappelijke-regeling;openbaar-lichaam;;;;;;;;\n\
participatieproces;gr;;;;;;openstad;https://openstad.example.nl/plan;Plan;;;\n\
participatie;gr;;;;;;;;;https://lokaleregelgeving.overheid.nl/CVDR741103;nee;Inspraak volgens afdeling 3.4 Awb\n";

#[test]
fn participation_lines_are_read_into_the_collaboration() {
    let items = import(WITH_PARTICIPATION).unwrap();
    let p = items[0].participation.as_ref().unwrap();
    assert_eq!(p.processes[0].address.host(), "openstad.example.nl");
    assert_eq!(p.right_to_challenge, Some(false));
    assert!(p.agreements.is_some());
    let without = import(GOOD).unwrap();
    assert_eq!(
        without[0].participation, None,
        "no lines leave what is recorded alone"
    );
}

#[test]
fn bad_participation_is_named_by_row_and_column() {
    let bad = "regel;sleutel;naam;soort;organisatie;rol;platform;adres;titel;verordening;uitdaagrecht;afspraken\n\
samenwerking;c;Convenant;convenant;;;;;;;;\n\
participatieproces;c;;;;;loomio;https://example.nl/a;A;;;\n\
participatieproces;c;;;;;decidim;javascript:alert(1);B;;;\n\
participatie;c;;;;;;;;lokaleregelgeving;misschien;Afspraken\n\
participatie;c;;;;;;;;;;\n";
    let errors = import(bad).unwrap_err();
    assert_eq!(
        places(&errors),
        [
            (3, "platform"),
            (4, "adres"),
            (5, "uitdaagrecht"),
            (5, "verordening"),
            (6, "regel"),
        ]
    );
    // Agreements of a regeling on a convenant: refused on the participation line.
    let not_gr = "regel;sleutel;naam;soort;afspraken\nsamenwerking;c;Convenant;convenant;\nparticipatie;c;;;Afspraken\n";
    assert_eq!(places(&import(not_gr).unwrap_err()), [(3, "afspraken")]);
}

#[test]
fn a_read_file_names_each_partner_code_once_and_checks_against_the_known_ones() {
    let text = "regel;sleutel;naam;soort;organisatie;rol\n\
                samenwerking;a;Convenant A;convenant;;\n\
                partner;a;;; gm0014 ;trekker\n\
                partner;a;;;GM9999;partner\n\
                samenwerking;b;Convenant B;convenant;;\n\
                partner;b;;;GM0014;trekker\n\
                partner;b;;;geen code;partner\n";
    let read = ReadFile::read(text.as_bytes(), Format::Csv);
    let mut codes: Vec<String> = read
        .partner_codes()
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    codes.sort();
    assert_eq!(codes, ["GM0014", "GM9999"]);
    // GM9999 is not among the known organisations, the other code is no code at all: the file
    // is refused naming both rows, and the same bytes with only known partners pass.
    let Err(errors) = read.check(&known()) else {
        panic!("accepted");
    };
    let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["bestand:4:organisatie", "bestand:7:organisatie"]);
    let good = ReadFile::read(GOOD.as_bytes(), Format::Csv)
        .check(&known())
        .unwrap();
    assert_eq!(good.len(), 1);
}
