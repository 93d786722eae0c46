//! The CSV form of the exchange, both ways: what Dutch Excel writes (semicolons, or commas;
//! comma decimals; dates as 31-12-2026 or 2026-12-31) read into collaborations, and
//! collaborations written back the same way. One line per collaboration, partner or figure,
//! told apart by the `regel` column and tied together by `sleutel`.

use std::collections::{BTreeMap, HashMap};

use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::money::Cents;
use samenspel_domain::spreadsheet;

use super::check::column_of;
use super::{ExchangedCollaboration, ExchangedMoney, ExchangedPartner, ReadCollaboration};
use crate::import::{self, Problems, Row};

/// The CSV columns, in the order written.
pub const COLUMNS: [&str; 18] = [
    "regel",
    "sleutel",
    "naam",
    "soort",
    "wgr_vorm",
    "opgave",
    "maatschappelijke_meerwaarde",
    "regio",
    "start",
    "einde",
    "fasen",
    "wettelijke_grondslag",
    "beleidsterreinen",
    "organisatie",
    "rol",
    "jaar",
    "bedrag",
    "instrument",
];

/// The status column follows the amount; it is the 19th column.
pub(super) const STATUS: &str = "status";

/// `31-12-2026` or `31-1-2026` (as Dutch Excel writes dates) to `2026-12-31`; anything else is
/// passed on unchanged for the domain to judge.
fn iso_date(raw: &str) -> String {
    let parts: Vec<&str> = raw.trim().split(['-', '/']).collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => raw.trim().to_owned(),
    }
}

fn split_list(raw: &str) -> Vec<String> {
    raw.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One line of the file, by its `regel`, with the `sleutel` it belongs to.
enum Line {
    // Boxed: a collaboration's fields are many times the size of the other lines, and the
    // file's lines are held together while they are tied to their collaborations.
    Collaboration(String, Box<CollaborationInput>),
    Partner(String, ExchangedPartner),
    Money(String, ExchangedMoney),
    Participation(String, Box<samenspel_domain::participation::ParticipationInput>),
    Process(String, samenspel_domain::participation::ProcessInput),
}

fn collaboration(row: &Row<'_>) -> CollaborationInput {
    CollaborationInput {
        name: row.text("naam").to_owned(),
        kind: row.text("soort").to_owned(),
        wgr_form: row.text("wgr_vorm").to_owned(),
        task: row.text("opgave").to_owned(),
        public_value: row.text("maatschappelijke_meerwaarde").to_owned(),
        region: row.text("regio").to_owned(),
        start_date: iso_date(row.text("start")),
        end_date: iso_date(row.text("einde")),
        phases: split_list(row.text("fasen")),
        legal_basis: row.text("wettelijke_grondslag").to_owned(),
        policy_areas: split_list(row.text("beleidsterreinen")),
    }
}

fn money(row: &Row<'_>, problems: &mut Problems) -> Option<ExchangedMoney> {
    match Cents::parse_euro("bedrag", row.text("bedrag")) {
        Ok(cents) => Some(ExchangedMoney {
            partner: row.text("organisatie").to_owned(),
            // Checked with the rest of the figure; an unreadable year is kept as none.
            year: row.text("jaar").parse().unwrap_or(i32::MIN),
            amount_cents: cents.get(),
            instrument: row.text("instrument").to_owned(),
            status: row.text(STATUS).to_owned(),
        }),
        Err(errors) => {
            problems.add_all(row.number, errors, column_of);
            None
        }
    }
}

fn line(row: &Row<'_>, problems: &mut Problems) -> Option<Line> {
    let key = row.text("sleutel").to_owned();
    match row.text("regel") {
        "samenwerking" => Some(Line::Collaboration(key, Box::new(collaboration(row)))),
        "partner" => Some(Line::Partner(
            key,
            ExchangedPartner {
                code: row.text("organisatie").to_owned(),
                role: row.text("rol").to_owned(),
            },
        )),
        "geld" => Some(Line::Money(key, money(row, problems)?)),
        "participatie" => Some(Line::Participation(
            key,
            Box::new(super::participation::record_line(row)),
        )),
        "participatieproces" => Some(Line::Process(key, super::participation::process_line(row))),
        other => {
            problems.add(
                row.number,
                "regel",
                samenspel_domain::msg!(
                    "error-import-unknown-line-kind",
                    "'{value}' is geen soort regel; gebruik samenwerking, partner, geld, participatie of participatieproces.",
                    value = other
                ),
            );
            None
        }
    }
}

/// Reads the CSV into collaborations, each part remembered by its row for messages. The
/// collaborations come first, so a partner or figure may stand anywhere in the file.
pub(super) fn read_csv(text: &str, problems: &mut Problems) -> Vec<ReadCollaboration> {
    let mut lines = import::read_rows(text, &["regel", "sleutel"], problems, line).unwrap_or_default();
    let mut out: Vec<ReadCollaboration> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (row, line) in &mut lines {
        let Line::Collaboration(key, input) = line else {
            continue;
        };
        if index.contains_key(key) {
            problems.add(
                *row,
                "sleutel",
                samenspel_domain::msg!(
                    "error-import-duplicate-key",
                    "De sleutel '{key}' komt al eerder voor.",
                    key = key
                ),
            );
            continue;
        }
        index.insert(key.clone(), out.len());
        out.push(ReadCollaboration::new(
            *row,
            ExchangedCollaboration {
                key: key.clone(),
                input: std::mem::take(&mut **input),
                partners: Vec::new(),
                money: Vec::new(),
                participation: None,
            },
        ));
    }
    for (row, line) in lines {
        let key = match &line {
            Line::Collaboration(..) => continue,
            Line::Partner(key, _)
            | Line::Money(key, _)
            | Line::Participation(key, _)
            | Line::Process(key, _) => key,
        };
        let Some(&i) = index.get(key) else {
            problems.add(
                row,
                "sleutel",
                samenspel_domain::msg!(
                    "error-import-unknown-key",
                    "Er is geen samenwerking met sleutel '{key}' in dit bestand.",
                    key = key
                ),
            );
            continue;
        };
        let read = &mut out[i];
        match line {
            Line::Partner(_, partner) => {
                read.item.partners.push(partner);
                read.partner_rows.push(row);
            }
            Line::Money(_, money) => {
                read.item.money.push(money);
                read.money_rows.push(row);
            }
            Line::Participation(_, record) => {
                if read.participation_row.is_some() {
                    problems.add(
                        row,
                        "regel",
                        samenspel_domain::msg!(
                            "error-import-participation-twice",
                            "Deze samenwerking heeft al een regel participatie in dit bestand."
                        ),
                    );
                    continue;
                }
                read.participation_row = Some(row);
                let processes = read
                    .item
                    .participation
                    .take()
                    .map(|p| p.processes)
                    .unwrap_or_default();
                read.item.participation =
                    Some(samenspel_domain::participation::ParticipationInput { processes, ..*record });
            }
            Line::Process(_, process) => {
                read.item
                    .participation
                    .get_or_insert_with(Default::default)
                    .processes
                    .push(process);
                read.process_rows.push(row);
            }
            Line::Collaboration(..) => {}
        }
    }
    out
}

/// Writes collaborations as the CSV that [`crate::App::import_collaborations`] reads: `;`,
/// Dutch amounts and ISO dates (without a byte-order mark; whoever writes the file adds one).
pub fn to_csv(items: &[ExchangedCollaboration]) -> String {
    let mut out = csv_header();
    csv_rows(items, &mut out);
    out
}

/// The columns of the CSV, in order.
fn header() -> Vec<&'static str> {
    COLUMNS
        .iter()
        .copied()
        .chain([STATUS])
        .chain(super::PARTICIPATION_COLUMNS)
        .collect()
}

/// The header line of [`to_csv`], its line end included.
pub fn csv_header() -> String {
    let mut out = header().join(";");
    out.push_str("\r\n");
    out
}

/// Appends the lines of `items` to `out`: [`to_csv`] without its header, so that an export
/// can write a batch at a time.
pub fn csv_rows(items: &[ExchangedCollaboration], out: &mut String) {
    let header = header();
    let mut line = |cells: BTreeMap<&str, String>| {
        let row: Vec<String> = header
            .iter()
            .map(|h| spreadsheet::cell(cells.get(h).map_or("", String::as_str)))
            .collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    };
    for c in items {
        let i = &c.input;
        line(BTreeMap::from([
            ("regel", "samenwerking".to_owned()),
            ("sleutel", c.key.clone()),
            ("naam", i.name.clone()),
            ("soort", i.kind.clone()),
            ("wgr_vorm", i.wgr_form.clone()),
            ("opgave", i.task.clone()),
            ("maatschappelijke_meerwaarde", i.public_value.clone()),
            ("regio", i.region.clone()),
            ("start", i.start_date.clone()),
            ("einde", i.end_date.clone()),
            ("fasen", i.phases.join("|")),
            ("wettelijke_grondslag", i.legal_basis.clone()),
            ("beleidsterreinen", i.policy_areas.join("|")),
        ]));
        for p in &c.partners {
            line(BTreeMap::from([
                ("regel", "partner".to_owned()),
                ("sleutel", c.key.clone()),
                ("organisatie", p.code.clone()),
                ("rol", p.role.clone()),
            ]));
        }
        for m in &c.money {
            line(BTreeMap::from([
                ("regel", "geld".to_owned()),
                ("sleutel", c.key.clone()),
                ("organisatie", m.partner.clone()),
                ("jaar", m.year.to_string()),
                (
                    "bedrag",
                    Cents::new(m.amount_cents)
                        .map_or_else(|| m.amount_cents.to_string(), |c| c.format_number_nl()),
                ),
                ("instrument", m.instrument.clone()),
                (STATUS, m.status.clone()),
            ]));
        }
        for cells in super::participation::csv_lines(&c.key, c.participation.as_ref()) {
            line(cells);
        }
    }
}
