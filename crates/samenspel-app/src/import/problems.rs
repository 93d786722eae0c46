//! What is wrong with a file, by file, row (the header is row 1) and column. Every importer
//! names its problems the same way — `bestand:3:bedrag` in the API and on the pages,
//! `bestand, rij 3, kolom bedrag: …` in text — and stops collecting at one limit: the file is
//! refused whole anyway, and a person fixes the first ones first.

use samenspel_domain::{Message, ValidationErrors};

/// At most this many problems of one import are kept (the limit of the domain's response
/// sources too).
pub const MAX_PROBLEMS: usize = samenspel_domain::survey::packed::MAX_PROBLEMS;

/// A problem in one cell of a source file (row 0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: &'static str,
    pub row: usize,
    pub column: String,
    pub reason: Message,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, rij {}, kolom {}: {}",
            self.file, self.row, self.column, self.reason
        )
    }
}

/// The problems of an import so far; the file named is the one being read.
#[derive(Debug, Clone)]
pub struct Problems {
    file: &'static str,
    list: Vec<RowError>,
}

impl Problems {
    pub fn new(file: &'static str) -> Self {
        Self {
            file,
            list: Vec::new(),
        }
    }

    /// Names the next problems after another file of the same import.
    pub fn reading(&mut self, file: &'static str) {
        self.file = file;
    }

    /// Adds a problem (ignored once the limit is reached).
    pub fn add(&mut self, row: usize, column: &str, reason: Message) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(RowError {
                file: self.file,
                row,
                column: column.to_owned(),
                reason,
            });
        }
    }

    /// Adds the domain's messages for one row, each in the column `column_of` its field.
    pub fn add_all(&mut self, row: usize, errors: ValidationErrors, column_of: impl Fn(&str) -> &str) {
        for e in errors.errors {
            self.add(row, column_of(&e.field), e.message);
        }
    }

    /// A cell parsed by `parse`; its problems are named by the row and `column`.
    pub fn cell<T>(&mut self, row: usize, column: &str, parsed: Result<T, ValidationErrors>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(errors) => {
                for e in errors.errors {
                    self.add(row, column, e.message);
                }
                None
            }
        }
    }

    /// Adds the problems `later` found in the second half of a file cut in two by
    /// [`super::table::halves`], after the `rows_before` rows of the first: its rows are
    /// renumbered to their place in the whole file; its problems with the file as a whole (row
    /// 0) or its header (row 1, the same header) are already here from the first half.
    pub fn add_later(&mut self, later: Problems, rows_before: usize) {
        for e in later.list.into_iter().filter(|e| e.row > 1) {
            if self.full() {
                break;
            }
            self.list.push(RowError {
                row: e.row + rows_before,
                ..e
            });
        }
    }

    /// Adds the problems another pass over the same rows found (`earlier`), each before this
    /// one's problems of its row, keeping the first of them all by row up to the limit. Both
    /// lists are in row order, as a file is read.
    pub fn add_first_in_their_rows(&mut self, earlier: Problems) {
        let mut list = earlier.list;
        list.append(&mut self.list);
        // A stable sort: within a row, `earlier`'s problems stay first.
        list.sort_by_key(|e| e.row);
        list.truncate(MAX_PROBLEMS);
        self.list = list;
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether no more problems will be kept.
    pub fn full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    /// The problems by file and row (in the order found within a row).
    pub fn into_list(mut self) -> Vec<RowError> {
        self.list.sort_by_key(|e| (e.file, e.row));
        self.list
    }

    /// As the use cases report them: one field `file:row:column` per problem.
    pub fn into_errors(self) -> ValidationErrors {
        errors_of(self.into_list())
    }

    /// `value` when nothing is wrong, else every problem: an import is all or nothing.
    pub fn finish<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self.into_errors())
        }
    }
}

/// Problems as validation errors, named `file:row:column`.
pub fn errors_of(list: Vec<RowError>) -> ValidationErrors {
    let mut errors = ValidationErrors::new();
    for e in list {
        errors.add(
            format!("{}:{}:{}", e.file, e.row, e.column),
            "invalid_row",
            e.reason,
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_named_by_file_row_and_column_in_order_up_to_the_limit() {
        let mut p = Problems::new("a.csv");
        p.add(3, "jaar", Message::plain("Geen jaar."));
        p.add(2, "bedrag", Message::plain("Geen bedrag."));
        p.reading("b.csv");
        p.add(0, "gr_roo_id", Message::plain("Ontbreekt."));
        let list = p.clone().into_list();
        assert_eq!(list[0].to_string(), "a.csv, rij 2, kolom bedrag: Geen bedrag.");
        let names: Vec<String> = p.into_errors().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(names, ["a.csv:2:bedrag", "a.csv:3:jaar", "b.csv:0:gr_roo_id"]);

        let mut many = Problems::new("bestand");
        for row in 0..MAX_PROBLEMS + 5 {
            many.add(row, "", Message::plain("x"));
        }
        assert!(many.full());
        assert_eq!(many.len(), MAX_PROBLEMS);
    }

    #[test]
    fn a_cell_that_does_not_parse_is_named_by_its_column() {
        let mut p = Problems::new("bestand");
        let year = p.cell(4, "jaar", samenspel_domain::money::parse_year("year", "3000"));
        assert_eq!(year, None);
        assert_eq!(p.clone().into_list()[0].column, "jaar");
        assert_eq!(
            p.cell(5, "jaar", samenspel_domain::money::parse_year("year", "2026")),
            Some(2026)
        );
        assert!(p.finish(()).is_err());
        assert_eq!(Problems::new("bestand").finish(7), Ok(7));
    }
}
