//! How residents take part, in the exchange: in JSON the collaboration's `participation`
//! object (the API's input shape); in CSV one `participatie` line (ordinance, uitdaagrecht,
//! the regeling's agreements) and one `participatieproces` line per process, tied to the
//! collaboration by `sleutel`. A collaboration without any of these lines leaves what is
//! recorded alone; with them, they replace it.

use std::collections::BTreeMap;

use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::participation::{Participation, ParticipationInput, ProcessInput, check_kind};

use super::ReadCollaboration;
use crate::import::{Problems, Row};

/// The CSV columns of participation, written after the money's `status`.
pub const PARTICIPATION_COLUMNS: [&str; 8] = [
    "platform",
    "adres",
    "titel",
    "verordening",
    "verordening_cvdr",
    "uitdaagrecht",
    "afspraken",
    "afspraken_adres",
];

/// The CSV column of a field of [`ParticipationInput`] (or of one process).
fn column_of(field: &str) -> &'static str {
    match field.rsplit('.').next().unwrap_or(field) {
        "platform" => "platform",
        "address" => "adres",
        "title" => "titel",
        "ordinance_url" => "verordening",
        "ordinance_cvdr" => "verordening_cvdr",
        "right_to_challenge" => "uitdaagrecht",
        "agreements" => "afspraken",
        "agreements_url" => "afspraken_adres",
        _ => "regel",
    }
}

/// A `participatieproces` line.
pub(super) fn process_line(row: &Row<'_>) -> ProcessInput {
    ProcessInput {
        platform: row.text("platform").to_owned(),
        address: row.text("adres").to_owned(),
        title: row.text("titel").to_owned(),
    }
}

/// A `participatie` line (without processes).
pub(super) fn record_line(row: &Row<'_>) -> ParticipationInput {
    ParticipationInput {
        processes: Vec::new(),
        ordinance_url: row.text("verordening").to_owned(),
        ordinance_cvdr: row.text("verordening_cvdr").to_owned(),
        right_to_challenge: row.text("uitdaagrecht").to_owned(),
        agreements: row.text("afspraken").to_owned(),
        agreements_url: row.text("afspraken_adres").to_owned(),
    }
}

/// The index of the process a field such as `processes[3].address` names.
fn process_index(field: &str) -> Option<usize> {
    field.strip_prefix("processes[")?.split(']').next()?.parse().ok()
}

/// Checks the participation of one collaboration read from a file; its problems are named by
/// the line of the process or of the record they came from.
pub(super) fn check(
    read: &ReadCollaboration,
    kind: Option<CollaborationKind>,
    problems: &mut Problems,
) -> Option<Participation> {
    let input = read.item.participation.as_ref()?;
    let record_row = read.participation_row.unwrap_or(read.row);
    let row_of = |field: &str| {
        process_index(field)
            .and_then(|i| read.process_rows.get(i).copied())
            .unwrap_or(record_row)
    };
    let record = match input.parse() {
        Ok(record) => record,
        Err(errors) => {
            for e in errors.errors {
                problems.add(row_of(&e.field), column_of(&e.field), e.message);
            }
            return None;
        }
    };
    if let Some(kind) = kind
        && let Err(errors) = check_kind(&record, kind)
    {
        for e in errors.errors {
            problems.add(record_row, column_of(&e.field), e.message);
        }
        return None;
    }
    Some(record)
}

/// The CSV lines of one collaboration's participation (none when nothing is recorded).
pub(super) fn csv_lines(
    key: &str,
    input: Option<&ParticipationInput>,
) -> Vec<BTreeMap<&'static str, String>> {
    let Some(p) = input else {
        return Vec::new();
    };
    let mut lines = vec![BTreeMap::from([
        ("regel", "participatie".to_owned()),
        ("sleutel", key.to_owned()),
        ("verordening", p.ordinance_url.clone()),
        ("verordening_cvdr", p.ordinance_cvdr.clone()),
        ("uitdaagrecht", p.right_to_challenge.clone()),
        ("afspraken", p.agreements.clone()),
        ("afspraken_adres", p.agreements_url.clone()),
    ])];
    for process in &p.processes {
        lines.push(BTreeMap::from([
            ("regel", "participatieproces".to_owned()),
            ("sleutel", key.to_owned()),
            ("platform", process.platform.clone()),
            ("adres", process.address.clone()),
            ("titel", process.title.clone()),
        ]));
    }
    lines
}
