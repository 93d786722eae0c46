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

use std::io::{BufReader, Read};

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
    known: Respondents,
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

impl<R: Read> ResponseFile<R> {
    pub fn new(input: R, statements: &'static [Statement]) -> Self {
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
            known: Respondents::default(),
            seen: Respondents::with_capacity(1 << 16),
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
        if respondent.is_empty() || respondent.len() > 100 || respondent.chars().any(char::is_control) {
            self.problem(
                "respondent",
                samenspel_domain::msg!(
                    "error-survey-respondent-required",
                    "Vul een respondentnummer in (hoogstens 100 tekens)."
                ),
            );
        } else if self.known.contains(respondent) {
            self.problem(
                "respondent",
                samenspel_domain::msg!(
                    "error-survey-respondent-answered",
                    "Respondent '{respondent}' heeft al geantwoord in deze golf.",
                    respondent = respondent
                ),
            );
        } else if !self.seen.insert(respondent) {
            self.problem(
                "respondent",
                samenspel_domain::msg!(
                    "error-survey-respondent-twice",
                    "Respondent '{respondent}' staat al eerder in het bestand.",
                    respondent = respondent
                ),
            );
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
}

impl<R: Read + Send> ResponseSource for ResponseFile<R> {
    fn known(&mut self, respondent: &str) {
        self.known.insert(respondent);
    }

    fn next_block(&mut self) -> Option<PackedBlock> {
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
