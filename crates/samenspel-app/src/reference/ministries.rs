//! The ministries of `ministeries_polder.csv`, current and ended, with their history. The
//! source is noisy; the cleaning below is described in `data/reference/PROVENANCE.md` and
//! `docs/DATA.md`, and the tests state the facts it gives.
//!
//! - Code: the TOOI code upper-cased, with `_` as `-` (`mnre1034` → `MNRE1034`,
//!   `hv_17252319` → `HV-17252319`; the `hv_` codes are historical name versions).
//! - Current: `actief_bron = ja`, and then `valid_until` must be empty; an ended ministry
//!   must have one.
//! - `valid_from` 1900-01-01 is the source's placeholder for "not known" and is read as
//!   unknown, except for the three ministries of the Schoof cabinet whose start the source's
//!   own name history gives (see [`START_FROM_NAME_HISTORY`]).
//! - A current ministry has no successor (the source gives EZK one, LNV 2017–2024: the
//!   split of 2017 read backwards).
//! - A predecessor that began after the ministry itself began is left out (the source names
//!   EZ 2024–2026 as predecessor of ELenI 2010–2012); a ministry whose successor is X is a
//!   predecessor of X.

use std::collections::HashMap;

use chrono::NaiveDate;
use samenspel_domain::org::history::check_history;
use samenspel_domain::org::{OrgCode, OrgHistory, OrgType, Organisation};

use super::{ReferenceError, Row};

const FILE: &str = "ministeries_polder.csv";

/// The source's `valid_from` when it does not know the start.
const UNKNOWN_START: &str = "1900-01-01";

/// Ministries (TOOI code) whose `valid_from` is the placeholder but whose name history
/// (`naamhistorie_bron`) gives the day their name began: AenM, VRO and KGG, 2 July 2024 (the
/// Schoof cabinet). The start is read from that column, not written here.
pub const START_FROM_NAME_HISTORY: [&str; 3] = ["mnre1162", "mnre1171", "mnre1182"];

struct SourceRow {
    /// The line in the file (the header is line 1).
    line: usize,
    polder_id: String,
    organisation: Organisation,
    predecessors: Vec<String>,
    successor: Option<String>,
}

/// The code of a TOOI code: upper case, `_` as `-`.
pub fn code_of(tooi: &str) -> Result<OrgCode, String> {
    OrgCode::parse(&tooi.replace('_', "-")).map_err(|e| e.to_string())
}

fn date(column: &str, raw: &str) -> Result<Option<NaiveDate>, String> {
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("column {column}: '{raw}' is no date (YYYY-MM-DD)"))
}

/// The start of the entry `{name} ({abbreviation}) FROM..` in the name history that is not the
/// placeholder.
fn start_in_name_history(history: &str, name: &str, abbreviation: &str) -> Result<NaiveDate, String> {
    let prefix = format!("{name} ({abbreviation}) ");
    history
        .split("; ")
        .filter_map(|entry| entry.strip_prefix(&prefix))
        .filter_map(|period| period.split("..").next())
        .filter(|from| *from != UNKNOWN_START)
        .find_map(|from| NaiveDate::parse_from_str(from, "%Y-%m-%d").ok())
        .ok_or_else(|| format!("column naamhistorie_bron: no start of '{prefix}' after {UNKNOWN_START}"))
}

fn source_row(line: usize, row: &Row<'_>) -> Result<SourceRow, String> {
    let tooi = row.get("tooi_code")?;
    let name = row.get("naam")?;
    let abbreviation = row.get("afkorting")?;
    let active = match row.get("actief_bron")? {
        "ja" => true,
        "nee" => false,
        other => return Err(format!("column actief_bron: '{other}' is neither ja nor nee")),
    };
    let raw_from = row.get("valid_from")?;
    let valid_from = if START_FROM_NAME_HISTORY.contains(&tooi) && raw_from == UNKNOWN_START {
        Some(start_in_name_history(
            row.get("naamhistorie_bron")?,
            name,
            abbreviation,
        )?)
    } else if raw_from == UNKNOWN_START {
        None
    } else {
        date("valid_from", raw_from)?
    };
    let valid_until = date("valid_until", row.get("valid_until")?)?;
    if active == valid_until.is_some() {
        return Err(format!(
            "actief_bron {} does not fit valid_until '{}'",
            row.get("actief_bron")?,
            row.get("valid_until")?
        ));
    }
    let predecessors = row
        .get("predecessor_polder_ids")?
        .split('|')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let successor = Some(row.get("successor_polder_id")?)
        .filter(|s| !s.is_empty() && !active)
        .map(str::to_owned);
    Ok(SourceRow {
        line,
        polder_id: row.get("polder_id")?.to_owned(),
        organisation: Organisation {
            code: code_of(tooi)?,
            name: format!("Ministerie van {name}"),
            org_type: OrgType::Ministerie,
            abbreviation: Some(abbreviation).filter(|a| !a.is_empty()).map(str::to_owned),
            province: None,
            reference: true,
            ended: !active,
            other_names: Vec::new(),
            history: OrgHistory {
                valid_from,
                valid_until,
                ..Default::default()
            },
        },
        predecessors,
        successor,
    })
}

/// All ministries of the file, current and ended, with their cleaned history.
pub(super) fn ministries(text: &str) -> Result<Vec<Organisation>, ReferenceError> {
    let error = |row: usize, reason: String| ReferenceError {
        file: FILE,
        row,
        reason,
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| error(1, e.to_string()))?.clone();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|e| error(line, e.to_string()))?;
        let row = Row {
            headers: &headers,
            record: &record,
        };
        rows.push(source_row(line, &row).map_err(|reason| error(line, reason))?);
    }
    let index_of: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.polder_id.as_str(), i))
        .collect();
    let find = |r: &SourceRow, column: &str, id: &str| {
        index_of
            .get(id)
            .copied()
            .ok_or_else(|| error(r.line, format!("column {column}: unknown polder id '{id}'")))
    };
    let mut histories: Vec<OrgHistory> = Vec::with_capacity(rows.len());
    let mut successions = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let mut history = r.organisation.history.clone();
        if let Some(id) = &r.successor {
            let successor = find(r, "successor_polder_id", id)?;
            history.successor = Some(rows[successor].organisation.code.clone());
            successions.push((i, successor));
        }
        for id in &r.predecessors {
            let predecessor = &rows[find(r, "predecessor_polder_ids", id)?].organisation;
            let began_later = matches!(
                (predecessor.history.valid_from, history.valid_from),
                (Some(theirs), Some(ours)) if theirs > ours
            );
            if !began_later && !history.predecessors.contains(&predecessor.code) {
                history.predecessors.push(predecessor.code.clone());
            }
        }
        histories.push(history);
    }
    for (from, to) in successions {
        let code = &rows[from].organisation.code;
        if !histories[to].predecessors.contains(code) {
            histories[to].predecessors.push(code.clone());
        }
    }
    let organisations: Vec<Organisation> = rows
        .into_iter()
        .zip(histories)
        .map(|(r, history)| Organisation {
            history,
            ..r.organisation
        })
        .collect();
    if let Some(problem) = check_history(&organisations).first() {
        return Err(error(
            1,
            format!("the history does not hold together: {problem:?}"),
        ));
    }
    Ok(organisations)
}

#[cfg(test)]
mod tests;
