//! A CSV file as a header and rows, read with the same rules by every importer: `;` or `,`
//! (whichever the first line uses), a byte-order mark skipped, column names found by name
//! (trimmed, any case), rows numbered as a spreadsheet shows them (the header is row 1).
//! [`Table`] holds a whole (small) file; [`each_record`] reads a large one a row at a time
//! with the same rules, and [`stream`] opens one to be read a record at a time.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

use samenspel_domain::spreadsheet;

use super::problems::Problems;
use super::text::{BOM, delimiter};

/// The columns of a header by name.
#[derive(Debug, Clone, Default)]
pub struct Header(HashMap<String, usize>);

impl Header {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self(
            names
                .into_iter()
                .enumerate()
                .map(|(i, name)| (name.trim_start_matches('\u{feff}').trim().to_lowercase(), i))
                .collect(),
        )
    }

    pub fn index(&self, column: &str) -> Option<usize> {
        self.0.get(column).copied()
    }

    /// Whether every column of `required` is there; each missing one is a problem on row 1.
    pub fn require(&self, required: &[&str], problems: &mut Problems) -> bool {
        let mut complete = true;
        for column in required {
            if !self.0.contains_key(*column) {
                problems.add(
                    1,
                    column,
                    samenspel_domain::msg!(
                        "error-import-column-missing",
                        "Deze kolom ontbreekt in de kopregel."
                    ),
                );
                complete = false;
            }
        }
        complete
    }
}

/// One row of a [`Table`].
#[derive(Debug, Clone)]
pub struct Row<'t> {
    /// As a spreadsheet numbers it: the header is row 1.
    pub number: usize,
    header: &'t Header,
    record: &'t csv::StringRecord,
}

impl Row<'_> {
    /// The cell in `column`, trimmed; empty when the column or the cell is not there.
    pub fn get(&self, column: &str) -> &str {
        self.header
            .index(column)
            .and_then(|i| self.record.get(i))
            .unwrap_or_default()
            .trim()
    }

    /// The cell as a spreadsheet meant it: a value guarded against formulas (`'=…`) is
    /// read back without its guard.
    pub fn text(&self, column: &str) -> &str {
        spreadsheet::read_cell(self.get(column))
    }
}

/// A whole CSV file, read once.
#[derive(Debug, Clone)]
pub struct Table {
    pub header: Header,
    records: Vec<(usize, csv::StringRecord)>,
}

fn reader<R: Read>(input: R, delimiter: u8, headers: bool) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(headers)
        .flexible(true)
        .from_reader(input)
}

impl Table {
    /// Reads `text`; `None` when not even the header can be read. A row that cannot be read
    /// is a problem of that row; the other rows are still read.
    pub fn read(text: &str, problems: &mut Problems) -> Option<Self> {
        let (header, mut csv) = open(text, problems)?;
        let mut records = Vec::new();
        for (i, record) in csv.records().enumerate() {
            match record {
                Ok(r) => records.push((i + 2, r)),
                Err(e) => problems.add(i + 2, "", row_unreadable(e)),
            }
        }
        Some(Self { header, records })
    }

    /// Reads `text` with the rules of [`Table::read`] without holding its rows: `read` gets
    /// each row in turn, once the header has every `required` column. `false` when the header
    /// cannot be read or misses a column (named in `problems`, with the rows that cannot be
    /// read); then `read` got no row.
    pub fn each_row(
        text: &str,
        required: &[&str],
        problems: &mut Problems,
        mut read: impl FnMut(&Row<'_>, &mut Problems),
    ) -> bool {
        let Some((header, mut csv)) = open(text, problems) else {
            return false;
        };
        let usable = header.require(required, problems);
        let mut record = csv::StringRecord::new();
        let mut number = 2;
        loop {
            match csv.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) if usable => read(
                    &Row {
                        number,
                        header: &header,
                        record: &record,
                    },
                    problems,
                ),
                Ok(true) => {}
                Err(e) => problems.add(number, "", row_unreadable(e)),
            }
            number += 1;
        }
        usable
    }

    /// The rows after the header, in the order of the file.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(|(number, record)| Row {
            number: *number,
            header: &self.header,
            record,
        })
    }
}

/// A reader of `text` (without its byte-order mark, with the delimiter its first line uses)
/// past its header; `None`, with the problem named, when the header cannot be read.
fn open<'t>(text: &'t str, problems: &mut Problems) -> Option<(Header, csv::Reader<&'t [u8]>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let mut csv = reader(text.as_bytes(), delimiter(first.as_bytes()), true);
    match csv.headers() {
        Ok(h) => Some((Header::new(h.iter()), csv)),
        Err(e) => {
            problems.add(1, "", header_unreadable(e));
            None
        }
    }
}

fn header_unreadable(error: impl std::fmt::Display) -> samenspel_domain::Message {
    samenspel_domain::msg!(
        "error-import-header-unreadable",
        "De kopregel kan niet worden gelezen: {error}",
        error = error
    )
}

fn row_unreadable(error: impl std::fmt::Display) -> samenspel_domain::Message {
    samenspel_domain::msg!(
        "error-import-row-unreadable",
        "Deze regel kan niet worden gelezen: {error}",
        error = error
    )
}

/// One row of a file read by [`each_record`]: its number and its cells by the place of their
/// column in the columns asked for.
#[derive(Debug, Clone, Copy)]
pub struct Record<'r> {
    /// As a spreadsheet numbers it: the header is row 1.
    pub number: usize,
    record: &'r csv::StringRecord,
    columns: &'r [usize],
}

impl<'r> Record<'r> {
    /// The cell of the `place`th column asked for, read as [`Row::text`] reads it; empty when
    /// the row is short.
    pub fn text(&self, place: usize) -> &'r str {
        let cell = self
            .columns
            .get(place)
            .and_then(|&i| self.record.get(i))
            .unwrap_or_default();
        spreadsheet::read_cell(trim(cell))
    }
}

/// `cell.trim()`, without looking up Unicode white space when the cell ends in letters or
/// digits (as nearly every cell does).
fn trim(cell: &str) -> &str {
    let ascii = cell.trim_ascii();
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if visible(ascii.as_bytes().first()) && visible(ascii.as_bytes().last()) {
        ascii
    } else {
        cell.trim()
    }
}

/// Reads `text` (see [`super::decoded`]) with the rules of [`Table::read`] without holding its
/// rows: once the header has every `required` column, `read` gets each row in turn, its cells
/// by the place of their column in `required`. Stops reading once no more problems are kept.
/// Returns how many rows after the header it read.
pub fn each_record(
    text: &str,
    required: &[&str],
    problems: &mut Problems,
    mut read: impl FnMut(Record<'_>, &mut Problems),
) -> usize {
    let mut csv = match stream(text.as_bytes()) {
        Ok(csv) => csv,
        Err(e) => {
            problems.add(1, "", header_unreadable(e));
            return 0;
        }
    };
    let mut record = csv::StringRecord::new();
    if let Err(e) = csv.read_record(&mut record) {
        problems.add(1, "", header_unreadable(e));
        return 0;
    }
    let header = Header::new(record.iter());
    if !header.require(required, problems) {
        return 0;
    }
    let columns: Vec<usize> = required.iter().filter_map(|c| header.index(c)).collect();
    let mut rows = 0;
    while !problems.full() {
        let number = rows + 2;
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => read(
                Record {
                    number,
                    record: &record,
                    columns: &columns,
                },
                problems,
            ),
            Err(e) => problems.add(number, "", row_unreadable(e)),
        }
        rows += 1;
    }
    rows
}

/// A file's `text` cut in two at the first row boundary from its middle on, so that two
/// threads can read it: the first half as it stands (the header and the rows before the cut),
/// and the second as a file of its own (the header again, then the rows from the cut). A
/// line break ends a row only outside quotes, that is after an even number of `"` (a quote
/// inside a quoted cell is written twice). `None` when the text is shorter than `at_least`
/// bytes or has no row boundary after its middle.
pub fn halves(text: &str, at_least: usize) -> Option<(&str, String)> {
    if text.len() < at_least {
        return None;
    }
    let bytes = text.as_bytes();
    let row_end = |from: usize, mut quotes: usize| {
        for (at, byte) in bytes.iter().enumerate().skip(from) {
            match byte {
                b'"' => quotes += 1,
                b'\n' if quotes.is_multiple_of(2) => return Some(at + 1),
                _ => {}
            }
        }
        None
    };
    let header_end = row_end(0, 0)?;
    let middle = (text.len() / 2).max(header_end);
    let quotes_before = bytes[header_end..middle].iter().filter(|b| **b == b'"').count();
    let cut = row_end(middle, quotes_before)?;
    if cut >= text.len() {
        return None;
    }
    let mut second = String::with_capacity(header_end + text.len() - cut);
    second.push_str(&text[..header_end]);
    second.push_str(&text[cut..]);
    Some((&text[..cut], second))
}

/// Where to cut a large file's `bytes` in two, so that two threads can read it a row at a
/// time without holding its text twice: `(header, cut)`, the first half being
/// `bytes[..cut]` and the second `bytes[..header]` (the header line again) followed by
/// `bytes[cut..]`. The cut is at the first line break from the middle on. So that it is
/// certainly a row boundary, the file is not cut when a `"` comes before it (a quoted cell
/// may hold a line break), nor when its first line is blank or holds a carriage return that
/// does not end it (its first row would not be that line). `None` when the file is shorter
/// than `at_least` bytes or has no line break after its middle.
pub fn cut_in_two(bytes: &[u8], at_least: usize) -> Option<(usize, usize)> {
    if bytes.len() < at_least {
        return None;
    }
    let header = bytes.iter().position(|b| *b == b'\n')? + 1;
    let line = bytes[..header - 1]
        .strip_prefix(BOM)
        .unwrap_or(&bytes[..header - 1]);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() || line.contains(&b'\r') {
        return None;
    }
    let middle = (bytes.len() / 2).max(header);
    let cut = middle + bytes[middle..].iter().position(|b| *b == b'\n')? + 1;
    if cut >= bytes.len() || bytes[..cut].contains(&b'"') {
        return None;
    }
    Some((header, cut))
}

/// Opens a large file to be read a row at a time, the header as its first record: the
/// byte-order mark skipped and the delimiter taken from the first line (read from a 64 KB
/// buffer, which is all that is held). Fields stay bytes; [`super::text::field`] reads them.
pub fn stream<R: Read>(input: R) -> std::io::Result<csv::Reader<BufReader<R>>> {
    let mut buffered = BufReader::with_capacity(1 << 16, input);
    let head = buffered.fill_buf()?;
    let bom = head.starts_with(BOM);
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = delimiter(first_line);
    if bom {
        buffered.consume(BOM.len());
    }
    Ok(reader(buffered, delimiter, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The problems as `file:row:column`.
    fn named(problems: Problems) -> Vec<String> {
        problems
            .into_errors()
            .errors
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn cells_are_found_by_column_name_in_any_case_with_rows_numbered_from_the_header() {
        let mut problems = Problems::new("bestand");
        let table = Table::read(
            "\u{feff}Taak; JAAR ;bedrag\nzorg;2026;'=1\n\"a\nb\";2027\n",
            &mut problems,
        )
        .unwrap();
        assert!(table.header.require(&["taak", "jaar"], &mut problems));
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows[0].number, 2);
        assert_eq!(rows[0].get("jaar"), "2026");
        assert_eq!(rows[0].get("bedrag"), "'=1");
        assert_eq!(rows[0].text("bedrag"), "=1");
        assert_eq!(rows[1].number, 3);
        assert_eq!(rows[1].get("bedrag"), "", "a short row has empty cells");
        assert_eq!(rows[1].get("geen"), "");
        assert!(problems.is_empty());
        assert!(!table.header.require(&["taak", "omschrijving"], &mut problems));
        assert_eq!(named(problems), ["bestand:1:omschrijving"]);
    }

    #[test]
    fn each_record_reads_as_a_table_reads_without_holding_the_rows() {
        let text = "Taak; JAAR ;bedrag\nzorg ;2026;'=1\n\"a\nb\";\u{a0}2027\u{b}\nkort\n";
        let mut problems = Problems::new("bestand");
        let mut rows = Vec::new();
        each_record(text, &["bedrag", "taak", "jaar"], &mut problems, |row, _| {
            rows.push((row.number, [0, 1, 2, 3].map(|place| row.text(place).to_owned())));
        });
        assert!(problems.is_empty());
        let table = Table::read(text, &mut problems).unwrap();
        let expected: Vec<(usize, [String; 4])> = table
            .rows()
            .map(|row| {
                (
                    row.number,
                    ["bedrag", "taak", "jaar", "geen"].map(|c| row.text(c).to_owned()),
                )
            })
            .collect();
        assert_eq!(rows, expected);
        assert_eq!(rows[1].1[2], "2027", "Unicode white space is trimmed");
        each_record(text, &["taak", "omschrijving"], &mut problems, |_, _| {
            panic!("read")
        });
        assert_eq!(named(problems), ["bestand:1:omschrijving"]);
    }

    /// The rows `each_record` reads from `text`, with their numbers, and the problems.
    fn read_all(text: &str) -> (Vec<(usize, [String; 2])>, Problems) {
        let mut problems = Problems::new("bestand");
        let mut rows = Vec::new();
        let count = each_record(text, &["taak", "jaar"], &mut problems, |row, problems| {
            if row.text(1) == "fout" {
                problems.add(
                    row.number,
                    "jaar",
                    samenspel_domain::msg!(
                        "error-import-column-missing",
                        "Deze kolom ontbreekt in de kopregel."
                    ),
                );
            }
            rows.push((row.number, [0, 1].map(|place| row.text(place).to_owned())));
        });
        assert_eq!(count, rows.len(), "every row is counted");
        (rows, problems)
    }

    #[test]
    fn a_file_read_in_two_halves_gives_the_rows_and_problems_of_the_whole() {
        let mut cases = Vec::new();
        for rows in 1..12 {
            for quoted in [false, true] {
                let mut text = String::from("\u{feff}taak;jaar\r\n");
                for r in 0..rows {
                    let jaar = if r % 4 == 1 {
                        "fout".to_owned()
                    } else {
                        (2000 + r).to_string()
                    };
                    if quoted && r % 3 == 0 {
                        text.push_str(&format!("\"taak {r}\nmet \"\"regel\"\"\";{jaar}\r\n"));
                    } else {
                        text.push_str(&format!("taak {r};{jaar}\r\n"));
                    }
                }
                cases.push(text);
            }
        }
        cases.push("taak,jaar\nzorg,2026".to_owned());
        cases.push("taak;jaar\n\"open;2026\n".to_owned());
        let mut split = 0;
        for text in &cases {
            let (whole, whole_problems) = read_all(text);
            let Some((first, second)) = halves(text, 0) else {
                continue;
            };
            split += 1;
            assert!(text.starts_with(first));
            let (mut rows, mut problems) = read_all(first);
            let (later, later_problems) = read_all(&second);
            let before = rows.len();
            rows.extend(later.into_iter().map(|(number, cells)| (number + before, cells)));
            problems.add_later(later_problems, before);
            assert_eq!(rows, whole, "{text:?}");
            assert_eq!(named(problems), named(whole_problems), "{text:?}");
        }
        assert!(split > 10, "most texts are cut ({split})");
        assert!(
            halves("taak;jaar\nzorg;2026\n", 1000).is_none(),
            "a small file is read whole"
        );
    }

    #[test]
    fn a_stream_skips_the_bom_and_takes_the_delimiter_from_the_first_line() {
        let mut csv = stream(&b"\xef\xbb\xbfrespondent;layer\nr1;rijk\n"[..]).unwrap();
        let mut record = csv::ByteRecord::new();
        assert!(csv.read_byte_record(&mut record).unwrap());
        assert_eq!(&record[0], b"respondent");
        assert!(csv.read_byte_record(&mut record).unwrap());
        assert_eq!(&record[1], b"rijk");
        let mut plain = stream(&b"a,b\n"[..]).unwrap();
        assert!(plain.read_byte_record(&mut record).unwrap());
        assert_eq!(record.len(), 2);
    }
}
