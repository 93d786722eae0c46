//! A response file read as it streams in: `respondent,layer,S01,…` (`;` also accepted, a
//! UTF-8 byte order mark skipped, Windows-1252 read where a field is not UTF-8). The store
//! pulls packed blocks from it inside its transaction; every problem is named by row (the
//! header is row 1) and column, and any problem makes the store roll back the whole import.
//! Neither the file nor its responses are ever held whole: a block at a time, and a 128-bit
//! fingerprint per respondent to find one given twice.
//!
//! Opening the stream, reading fields and naming problems is the import toolkit's
//! ([`crate::import`]); the header here must be exact and the cells are read by position, not
//! through a header map, as this importer reads millions of rows.
//!
//! A file given whole is read by [`super::upload::ResponseUpload`], a part of it at a time by
//! this reader on a thread of its own ([`ResponseFile::part`], [`ResponseFile::into_part`]).

use std::io::{BufReader, Read};
use std::sync::Arc;

use samenspel_domain::ValidationErrors;
use samenspel_domain::survey::packed::{
    BLOCK_RESPONSES, PackedBlock, Respondents, ResponseSource, pack_parts,
};
use samenspel_domain::survey::response::Tally;
use samenspel_domain::survey::{Answer, RespondentLayer, Statement};

use super::header;
use crate::import::{self, Problems, field as text};

const FILE: &str = "bestand";

pub struct ResponseFile<R: Read> {
    /// `None` when the file could not even be opened (the problem says why).
    reader: Option<csv::Reader<BufReader<R>>>,
    statements: &'static [Statement],
    record: csv::ByteRecord,
    row: usize,
    done: bool,
    /// Read to its end (not stopped by a bad header, an unreadable row or the limit of
    /// problems).
    complete: bool,
    known: Arc<Respondents>,
    seen: Respondents,
    tally: Tally,
    problems: Problems,
    answers: Vec<Option<Answer>>,
    stored: usize,
}

/// An answer cell; the common one-character cells without building a string.
fn answer(field: &str, bytes: &[u8]) -> Result<Option<Answer>, ValidationErrors> {
    match bytes {
        [] => Ok(None),
        [b @ b'1'..=b'5'] => Ok(Some(Answer::Score(b - b'0'))),
        [b'n' | b'N'] => Ok(Some(Answer::DontKnow)),
        _ => Answer::parse_cell(field, &text(bytes)),
    }
}

/// What one part of a file gave when read to its end or stopped: its counts, its problems
/// (rows numbered within the part, its header row 1), how many rows it has (the header
/// included), whether it was read to its end, the respondents it gave and how many responses
/// it packed.
pub(crate) struct Part {
    pub tally: Tally,
    pub problems: Problems,
    pub rows: usize,
    pub complete: bool,
    pub seen: Respondents,
    pub stored: usize,
}

impl<R: Read> ResponseFile<R> {
    pub fn new(input: R, statements: &'static [Statement]) -> Self {
        let known = Respondents::default();
        let seen = known.sibling(1 << 16);
        Self::part(input, statements, Arc::new(known), seen)
    }

    /// One part of a file, read with the respondents the wave has (`known`) and an empty set
    /// for those it gives (`seen`, a sibling of `known`).
    pub(crate) fn part(
        input: R,
        statements: &'static [Statement],
        known: Arc<Respondents>,
        seen: Respondents,
    ) -> Self {
        let mut problems = Problems::new(FILE);
        let reader = import::stream(input)
            .map_err(|e| {
                problems.add(
                    1,
                    "",
                    samenspel_domain::msg!(
                        "error-file-unreadable",
                        "Het bestand kan niet worden gelezen: {error}",
                        error = e
                    ),
                )
            })
            .ok();
        Self {
            done: reader.is_none(),
            reader,
            statements,
            record: csv::ByteRecord::new(),
            row: 0,
            complete: false,
            known,
            seen,
            tally: Tally::default(),
            problems,
            answers: Vec::with_capacity(statements.len()),
            stored: 0,
        }
    }

    fn problem(&mut self, column: &str, message: samenspel_domain::Message) {
        self.problems.add(self.row, column, message);
    }

    /// Reads the next row into `record`; false at the end (or when it cannot be read).
    fn read_row(&mut self) -> bool {
        let Some(reader) = self.reader.as_mut() else {
            return false;
        };
        match reader.read_byte_record(&mut self.record) {
            Ok(more) => {
                if more {
                    self.row += 1;
                } else {
                    self.complete = true;
                }
                more
            }
            Err(e) => {
                self.row += 1;
                self.problem(
                    "",
                    samenspel_domain::msg!(
                        "error-survey-row-unreadable",
                        "De regel kan niet worden gelezen: {error}",
                        error = e
                    ),
                );
                false
            }
        }
    }

    fn check_header(&mut self) -> bool {
        let expected = header(self.statements);
        let found: Vec<String> = self.record.iter().map(|h| text(h).trim().to_owned()).collect();
        if found == expected {
            return true;
        }
        self.problem(
            "",
            samenspel_domain::msg!(
                "error-survey-header",
                "De kopregel moet precies zijn: {expected} (gevonden: {found}).",
                expected = expected.join(","),
                found = found.join(",")
            ),
        );
        false
    }

    /// Checks the row in `record`; when it is valid, counts it and packs it into `block`.
    fn take_row(&mut self, block: &mut PackedBlock) {
        let record = std::mem::take(&mut self.record);
        let expected = self.statements.len() + 2;
        if record.len() == 1 && record.get(0).is_some_and(|c| c.trim_ascii().is_empty()) {
            self.record = record;
            return;
        }
        if record.len() != expected {
            self.problem(
                "",
                samenspel_domain::msg!(
                    "error-survey-columns",
                    "Deze regel heeft {count} kolommen; verwacht zijn er {expected}.",
                    count = record.len(),
                    expected = expected
                ),
            );
            self.record = record;
            return;
        }
        let problems = self.problems.len();
        let respondent = text(record.get(0).unwrap_or_default());
        let respondent = respondent.trim();
        if !valid_respondent(respondent) {
            self.problem(
                "respondent",
                samenspel_domain::msg!(
                    "error-survey-respondent-required",
                    "Vul een respondentnummer in (hoogstens 100 tekens)."
                ),
            );
        } else {
            let fingerprint = self.seen.fingerprint(respondent);
            if !self.known.is_empty() && self.known.contains_fingerprint(fingerprint) {
                self.problem(
                    "respondent",
                    samenspel_domain::msg!(
                        "error-survey-respondent-answered",
                        "Respondent '{respondent}' heeft al geantwoord in deze golf.",
                        respondent = respondent
                    ),
                );
            } else if !self.seen.insert_fingerprint(fingerprint) {
                self.problem("respondent", given_twice(respondent));
            }
        }
        let layer_text = text(record.get(1).unwrap_or_default());
        let layer = RespondentLayer::from_key(layer_text.trim());
        if layer.is_none() {
            self.problem(
                "layer",
                samenspel_domain::msg!(
                    "error-survey-unknown-layer",
                    "'{value}' is geen bekende bestuurslaag. Kies uit rijk, provincie, gemeente, waterschap, gemeenschappelijke-regeling of overig.",
                    value = layer_text.trim()
                ),
            );
        }
        self.answers.clear();
        for (i, s) in self.statements.iter().enumerate() {
            match answer(s.id, record.get(i + 2).unwrap_or_default()) {
                Ok(a) => self.answers.push(a),
                Err(e) => {
                    for f in e.errors {
                        self.problem(s.id, f.message);
                    }
                }
            }
        }
        if let Some(layer) = layer
            && self.problems.len() == problems
        {
            self.tally.add_answers(layer, &self.answers, 1);
            pack_parts(respondent, layer, None, &self.answers, &mut block.text);
            block.responses += 1;
        }
        self.record = record;
    }

    /// Reads the whole part, giving each block to `give`; stops when `give` says false.
    pub(crate) fn read_all(&mut self, mut give: impl FnMut(PackedBlock) -> bool) {
        while let Some(block) = self.next_part_block() {
            if !give(block) {
                return;
            }
        }
    }

    /// The next block of this part; `None` at its end, or once a problem is found (after
    /// reading on to name the others).
    fn next_part_block(&mut self) -> Option<PackedBlock> {
        let mut block = PackedBlock::default();
        while !self.done && block.responses < BLOCK_RESPONSES {
            if !self.read_row() {
                self.done = true;
                break;
            }
            if self.row == 1 {
                if !self.check_header() {
                    self.done = true;
                }
                continue;
            }
            self.take_row(&mut block);
        }
        if !self.problems.is_empty() {
            // Nothing will be stored: read on only to name the other problems.
            while !self.done && !self.problems.full() && self.read_row() {
                let mut ignored = PackedBlock::default();
                self.take_row(&mut ignored);
            }
            self.done = true;
            return None;
        }
        self.stored += block.responses;
        (block.responses > 0).then_some(block)
    }

    /// What this part gave (see [`Part`]).
    pub(crate) fn into_part(self) -> Part {
        Part {
            tally: self.tally,
            problems: self.problems,
            rows: self.row,
            complete: self.complete,
            seen: self.seen,
            stored: self.stored,
        }
    }
}

/// A respondent id as a file may give it (trimmed): not empty, at most 100 bytes, no control
/// characters.
fn valid_respondent(respondent: &str) -> bool {
    !respondent.is_empty() && respondent.len() <= 100 && !respondent.chars().any(char::is_control)
}

/// The problem of a respondent given again in the same file.
fn given_twice(respondent: &str) -> samenspel_domain::Message {
    samenspel_domain::msg!(
        "error-survey-respondent-twice",
        "Respondent '{respondent}' staat al eerder in het bestand.",
        respondent = respondent
    )
}

/// The rows of a part of a file that give, for the first time in the part, a respondent of
/// `again` (fingerprints of the respondents an earlier part gave too): each is a respondent
/// given twice in the whole file. Only rows the reader would have taken the respondent of
/// count (the right number of columns, a valid id). Rows are numbered within the part.
pub(crate) fn given_earlier<R: Read>(input: R, statements: &[Statement], mut again: Respondents) -> Problems {
    let mut problems = Problems::new(FILE);
    let Ok(mut reader) = import::stream(input) else {
        return problems;
    };
    let expected = statements.len() + 2;
    let mut record = csv::ByteRecord::new();
    let mut row = 0;
    while !again.is_empty() && !problems.full() {
        match reader.read_byte_record(&mut record) {
            Ok(true) => row += 1,
            Ok(false) | Err(_) => break,
        }
        if row == 1 || record.len() != expected {
            continue;
        }
        let respondent = text(record.get(0).unwrap_or_default());
        let respondent = respondent.trim();
        if !valid_respondent(respondent) {
            continue;
        }
        if again.remove_fingerprint(again.fingerprint(respondent)) {
            problems.add(row, "respondent", given_twice(respondent));
        }
    }
    problems
}

impl<R: Read + Send> ResponseSource for ResponseFile<R> {
    fn known(&mut self, respondent: &str) {
        Arc::make_mut(&mut self.known).insert(respondent);
    }

    fn next_block(&mut self) -> Option<PackedBlock> {
        self.next_part_block()
    }

    fn finish(&mut self) -> Result<Tally, ValidationErrors> {
        if self.problems.is_empty() && self.stored == 0 {
            self.row = 1;
            self.problem(
                "",
                samenspel_domain::msg!("error-survey-no-answers", "Het bestand bevat geen antwoorden."),
            );
        }
        if self.problems.is_empty() {
            Ok(std::mem::take(&mut self.tally))
        } else {
            Err(std::mem::replace(&mut self.problems, Problems::new(FILE)).into_errors())
        }
    }
}
