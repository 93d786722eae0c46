//! One toolkit for the files people import (the register of gemeenschappelijke regelingen,
//! collaborations exchanged as open data, survey responses): text as Dutch spreadsheets save
//! it ([`text`]), a header found by name and rows numbered as a spreadsheet shows them
//! ([`table`]), and problems named `bestand:rij:kolom` up to one limit ([`problems`]). An
//! import is all or nothing: the use case refuses a file with any problem, and whatever it
//! stores, the store writes in one transaction.
//!
//! A new importer needs only its row type and its checks. For example, yearly costs per task:
//!
//! ```
//! use samenspel_app::import::{self, Problems, Row};
//! use samenspel_domain::ValidationErrors;
//! use samenspel_domain::money::{Cents, parse_year};
//!
//! /// One row: what a task cost in a year.
//! #[derive(Debug)]
//! struct YearlyCost {
//!     task: String,
//!     year: i32,
//!     amount: Cents,
//! }
//!
//! fn cost(row: &Row<'_>, problems: &mut Problems) -> Option<YearlyCost> {
//!     let task = row.text("taak");
//!     if task.is_empty() {
//!         problems.add(row.number, "taak", samenspel_domain::Message::plain("Vul de taak in."));
//!     }
//!     let year = problems.cell(row.number, "jaar", parse_year("jaar", row.get("jaar")));
//!     let amount = problems.cell(row.number, "bedrag", Cents::parse_euro("bedrag", row.get("bedrag")));
//!     Some(YearlyCost { task: task.to_owned(), year: year?, amount: amount? })
//! }
//!
//! fn read_costs(bytes: &[u8]) -> Result<Vec<YearlyCost>, ValidationErrors> {
//!     import::import_file("bestand", bytes, &["taak", "jaar", "bedrag"], cost)
//! }
//!
//! let costs = read_costs("taak;jaar;bedrag\r\nJeugdzorg;2026;€ 1.234,56\r\n".as_bytes()).unwrap();
//! assert_eq!((costs[0].task.as_str(), costs[0].year, costs[0].amount.get()), ("Jeugdzorg", 2026, 123_456));
//! let refused = read_costs(b"taak;jaar;bedrag\r\n;26;veel\r\n").unwrap_err();
//! let named: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
//! assert_eq!(named, ["bestand:2:taak", "bestand:2:jaar", "bestand:2:bedrag"]);
//! let no_year = read_costs(b"taak,bedrag\nJeugdzorg,5\n").unwrap_err();
//! assert_eq!(no_year.errors[0].field, "bestand:1:jaar");
//! ```

pub mod problems;
pub mod table;
pub mod text;

pub use problems::{MAX_PROBLEMS, Problems, RowError, errors_of};
pub use table::{Header, Record, Row, Table, cut_in_two, each_record, halves, stream};
pub use text::{decode, decoded, field};

use samenspel_domain::ValidationErrors;

/// Reads each row of `text` with `read`, once the header has every `required` column;
/// `read` names its problems in `problems` and gives `None` for a row it cannot use. Returns
/// what was read, with the row numbers; `None` when the header cannot be read or misses a
/// column (named in `problems`), as then no row can be read as meant.
pub fn read_rows<T>(
    text: &str,
    required: &[&str],
    problems: &mut Problems,
    mut read: impl FnMut(&Row<'_>, &mut Problems) -> Option<T>,
) -> Option<Vec<(usize, T)>> {
    let mut rows = Vec::new();
    let usable = Table::each_row(text, required, problems, |row, problems| {
        if let Some(value) = read(row, problems) {
            rows.push((row.number, value));
        }
    });
    usable.then_some(rows)
}

/// A whole import of one file of one kind of row: decoded, read with `read`, and refused
/// with every problem (up to [`MAX_PROBLEMS`]) named `file:row:column` if anything is wrong.
pub fn import_file<T>(
    file: &'static str,
    bytes: &[u8],
    required: &[&str],
    read: impl FnMut(&Row<'_>, &mut Problems) -> Option<T>,
) -> Result<Vec<T>, ValidationErrors> {
    let mut problems = Problems::new(file);
    let rows = read_rows(&decode(bytes), required, &mut problems, read).unwrap_or_default();
    problems.finish(rows.into_iter().map(|(_, row)| row).collect())
}
