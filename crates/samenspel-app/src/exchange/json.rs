//! The JSON form of the exchange: the document the export writes, read into the same shape as
//! the CSV. Items are numbered from 1 in messages; a collaboration's partners and figures take
//! its number.

use super::{ExchangeDocument, ReadCollaboration};
use crate::import::Problems;

pub(super) fn read_json(text: &str, problems: &mut Problems) -> Vec<ReadCollaboration> {
    match serde_json::from_str::<ExchangeDocument>(text) {
        Ok(doc) => doc
            .collaborations
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let mut read = ReadCollaboration::new(i + 1, c);
                read.partner_rows = vec![read.row; read.item.partners.len()];
                read.money_rows = vec![read.row; read.item.money.len()];
                read.process_rows =
                    vec![read.row; read.item.participation.as_ref().map_or(0, |p| p.processes.len())];
                read
            })
            .collect(),
        Err(e) => {
            problems.add(
                e.line(),
                "",
                samenspel_domain::msg!(
                    "error-import-not-json",
                    "Dit is geen geldig JSON-document: {error}",
                    error = e
                ),
            );
            Vec::new()
        }
    }
}
