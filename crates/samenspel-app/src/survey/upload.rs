//! A response file given whole (an upload, or a file read into memory) as the store's source:
//! it is read on threads of its own while the store writes the blocks it gives, a file of
//! [`READ_IN_HALVES_FROM`] bytes or more in two halves at once (cut at a row boundary, see
//! [`import::cut_in_two`]). The blocks reach the store in the order of the file; the halves'
//! counts are added, the second half's problems numbered by their row in the whole file, and a
//! respondent of the first half given again in the second is named at its row there, as
//! reading the whole file on one thread would name it.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;

use samenspel_domain::ValidationErrors;
use samenspel_domain::survey::Statement;
use samenspel_domain::survey::packed::{PackedBlock, Respondents, ResponseSource};
use samenspel_domain::survey::response::Tally;

use super::file::{Part, ResponseFile, given_earlier};
use crate::import::{self, Problems};

const FILE: &str = "bestand";

/// From this size on a file is read in two halves at once.
pub const READ_IN_HALVES_FROM: usize = 1 << 20;

/// Blocks of the first half the store has not taken yet, at most (the second half's wait for
/// the first to be stored, all of them).
const WAITING_BLOCKS: usize = 4;

/// A part of the file being read on its own thread.
struct Reading {
    blocks: Option<Receiver<PackedBlock>>,
    thread: Option<JoinHandle<Part>>,
    part: Option<Part>,
}

impl Reading {
    /// Waits for the thread to end and keeps what its part gave.
    fn join(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.part = thread.join().ok();
        }
    }
}

pub struct ResponseUpload<B> {
    file: Arc<B>,
    statements: &'static [Statement],
    read_in_halves_from: usize,
    /// The respondents the wave has, until the reading starts.
    known: Option<Respondents>,
    /// Where the file is cut: the end of its header line and the start of its second half.
    cut: Option<(usize, usize)>,
    parts: Vec<Reading>,
    /// The part the store takes blocks of now.
    current: usize,
    /// Set when this source is dropped: the threads stop reading.
    stop: Arc<AtomicBool>,
    /// Why reading could not start (no thread to read on).
    failed: Option<String>,
}

impl<B: AsRef<[u8]> + Send + Sync + 'static> ResponseUpload<B> {
    pub fn new(file: B, statements: &'static [Statement]) -> Self {
        Self::reading_in_halves_from(file, statements, READ_IN_HALVES_FROM)
    }

    /// [`ResponseUpload::new`], cutting files of `bytes` or more in two (tests cut small ones).
    pub fn reading_in_halves_from(file: B, statements: &'static [Statement], bytes: usize) -> Self {
        Self {
            file: Arc::new(file),
            statements,
            read_in_halves_from: bytes,
            known: Some(Respondents::default()),
            cut: None,
            parts: Vec::new(),
            current: 0,
            stop: Arc::new(AtomicBool::new(false)),
            failed: None,
        }
    }

    /// Starts a thread per part of the file (once).
    fn start(&mut self) {
        let Some(known) = self.known.take() else {
            return;
        };
        let bytes = (*self.file).as_ref();
        self.cut = import::cut_in_two(bytes, self.read_in_halves_from);
        // About one respondent per 64 bytes (a row has at least two cells per statement).
        let rows = |len: usize| len / 64;
        let known = Arc::new(known);
        let parts: Vec<(usize, usize, usize)> = match self.cut {
            None => vec![(0, 0, bytes.len())],
            Some((header, cut)) => vec![(0, 0, cut), (header, cut, bytes.len())],
        };
        for (place, (header, from, to)) in parts.into_iter().enumerate() {
            let (sender, blocks) = if place == 0 {
                let (sender, blocks) = mpsc::sync_channel(WAITING_BLOCKS);
                (Sender::Bounded(sender), blocks)
            } else {
                let (sender, blocks) = mpsc::channel();
                (Sender::Unbounded(sender), blocks)
            };
            let file = Arc::clone(&self.file);
            let statements = self.statements;
            let known = Arc::clone(&known);
            let stop = Arc::clone(&self.stop);
            let seen = known.sibling(rows(to - from));
            let thread = std::thread::Builder::new()
                .name(format!("survey-import-{}", place + 1))
                .spawn(move || {
                    let bytes = (*file).as_ref();
                    let input = bytes[..header].chain(&bytes[from..to]);
                    let mut reader = ResponseFile::part(input, statements, known, seen);
                    reader.read_all(|block| {
                        if stop.load(Ordering::Relaxed) {
                            return false;
                        }
                        sender.send(block);
                        true
                    });
                    reader.into_part()
                });
            match thread {
                Ok(thread) => self.parts.push(Reading {
                    blocks: Some(blocks),
                    thread: Some(thread),
                    part: None,
                }),
                Err(e) => {
                    self.failed = Some(e.to_string());
                    break;
                }
            }
        }
    }

    /// Waits for every part and puts their counts and problems together.
    fn merge(&mut self) -> Result<Tally, ValidationErrors> {
        let mut problems = Problems::new(FILE);
        for reading in &mut self.parts {
            // The store takes no more blocks.
            reading.blocks = None;
            reading.join();
        }
        let parts: Option<Vec<Part>> = self.parts.iter_mut().map(|r| r.part.take()).collect();
        let failure = match (&self.failed, parts.as_deref()) {
            (Some(why), _) => Some(why.clone()),
            (None, None | Some([])) => Some("een deel ervan is niet gelezen".to_owned()),
            (None, Some(_)) => None,
        };
        if let Some(why) = failure {
            problems.add(
                1,
                "",
                samenspel_domain::msg!(
                    "error-file-unreadable",
                    "Het bestand kan niet worden gelezen: {error}",
                    error = why
                ),
            );
            return Err(problems.into_errors());
        }
        let mut parts = parts.unwrap_or_default().into_iter();
        let Some(first) = parts.next() else {
            return Err(problems.into_errors());
        };
        let mut problems = first.problems;
        let mut tally = first.tally;
        let mut stored = first.stored;
        if let (Some(second), Some((header, cut))) = (parts.next(), self.cut) {
            // Reading the whole file would have stopped where the first half stopped.
            if first.complete {
                let mut later = second.problems;
                let again = first.seen.common(&second.seen);
                if !again.is_empty() {
                    let bytes = (*self.file).as_ref();
                    let input = bytes[..header].chain(&bytes[cut..]);
                    later.add_first_in_their_rows(given_earlier(input, self.statements, again));
                }
                problems.add_later(later, first.rows.saturating_sub(1));
            }
            tally.merge(&second.tally);
            stored += second.stored;
        }
        if problems.is_empty() && stored == 0 {
            problems.add(
                1,
                "",
                samenspel_domain::msg!("error-survey-no-answers", "Het bestand bevat geen antwoorden."),
            );
        }
        problems.finish(tally)
    }
}

/// The sending end of a part's blocks: the first half's waits for the store, the second's
/// keeps them until the store has the first half.
enum Sender {
    Bounded(mpsc::SyncSender<PackedBlock>),
    Unbounded(mpsc::Sender<PackedBlock>),
}

impl Sender {
    /// Sends a block. A store that takes no more blocks is no error: it has every problem
    /// it needs, or has stopped (see [`ResponseUpload::merge`]); the part is still read on to
    /// name its problems.
    fn send(&self, block: PackedBlock) {
        let _ = match self {
            Sender::Bounded(s) => s.send(block),
            Sender::Unbounded(s) => s.send(block),
        };
    }
}

impl<B: AsRef<[u8]> + Send + Sync + 'static> ResponseSource for ResponseUpload<B> {
    fn known(&mut self, respondent: &str) {
        if let Some(known) = self.known.as_mut() {
            known.insert(respondent);
        }
    }

    fn next_block(&mut self) -> Option<PackedBlock> {
        self.start();
        while let Some(reading) = self.parts.get_mut(self.current) {
            if let Some(block) = reading.blocks.as_ref().and_then(|b| b.recv().ok()) {
                return Some(block);
            }
            // This part is read: when it found a problem, nothing will be stored.
            reading.join();
            if reading.part.as_ref().is_none_or(|p| !p.problems.is_empty()) {
                self.current = self.parts.len();
                return None;
            }
            self.current += 1;
        }
        None
    }

    fn finish(&mut self) -> Result<Tally, ValidationErrors> {
        self.start();
        self.merge()
    }
}

impl<B> Drop for ResponseUpload<B> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests;
