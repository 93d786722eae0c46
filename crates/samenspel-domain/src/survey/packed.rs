//! Responses kept in packed blocks: an import of a million respondents is stored as a few
//! hundred blocks instead of a million rows. A block is text, one response per line:
//! `respondent TAB layer TAB domain TAB answers`, the answers as [`encode_answers`](super::response::encode_answers) keeps them.
//! Respondent ids and domains never hold control characters (the parsers refuse them), so tabs
//! and newlines cannot occur inside a field.
//!
//! Whatever fills the blocks is a [`ResponseSource`]: the store pulls blocks from it inside
//! one transaction, tells it which respondents the wave already has, and asks it at the end
//! whether everything was valid; only then does it add the counts and commit.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::response::{Response, Tally, decode_answers, push_answers};
use super::{Answer, RespondentLayer, Statement};
use crate::ValidationErrors;

/// Responses per block.
pub const BLOCK_RESPONSES: usize = 2048;

/// At most this many problems of an import are reported; it is refused whole anyway.
pub const MAX_PROBLEMS: usize = 200;

/// Appends one response to a block.
pub fn pack(response: &Response, block: &mut String) {
    pack_parts(
        &response.respondent,
        response.layer,
        response.domain.as_deref(),
        &response.answers,
        block,
    );
}

/// Appends one response, given as its parts, to a block; a control character in the
/// respondent or the domain (which the parsers refuse) becomes a space.
pub fn pack_parts(
    respondent: &str,
    layer: RespondentLayer,
    domain: Option<&str>,
    answers: &[Option<Answer>],
    block: &mut String,
) {
    let push_clean = |s: &str, block: &mut String| {
        block.extend(s.chars().map(|c| if c.is_control() { ' ' } else { c }));
    };
    push_clean(respondent, block);
    block.push('\t');
    block.push_str(layer.key());
    block.push('\t');
    push_clean(domain.unwrap_or_default(), block);
    block.push('\t');
    push_answers(answers, block);
    block.push('\n');
}

/// The responses of a block; `None` when a line is not one [`pack`] writes.
pub fn unpack(block: &str) -> Option<Vec<Response>> {
    block
        .lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let respondent = fields.next()?.to_owned();
            let layer = RespondentLayer::from_key(fields.next()?)?;
            let domain = match fields.next()? {
                "" => None,
                d => Some(d.to_owned()),
            };
            let answers = decode_answers(fields.next()?)?;
            if fields.next().is_some() {
                return None;
            }
            Some(Response {
                respondent,
                layer,
                domain,
                answers,
            })
        })
        .collect()
}

/// A 128-bit fingerprint of a respondent id, to find a respondent given twice without keeping
/// every id: two independent 64-bit SipHashes (a false alarm needs a collision of both, about
/// one in 10^38 per pair).
pub fn respondent_key(respondent: &str) -> u128 {
    let mut first = DefaultHasher::new();
    respondent.hash(&mut first);
    let mut second = DefaultHasher::new();
    0x5a_u8.hash(&mut second);
    respondent.hash(&mut second);
    (u128::from(first.finish()) << 64) | u128::from(second.finish())
}

/// One block of packed responses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedBlock {
    pub text: String,
    pub responses: usize,
}

/// What a store imports from: blocks of valid responses, and at the end the counts to add
/// (or why nothing may be stored).
pub trait ResponseSource: Send {
    /// A respondent the wave has already: giving it again is refused.
    fn known(&mut self, respondent: &str);
    /// The next block, never empty, or `None` when the source is done.
    fn next_block(&mut self) -> Option<PackedBlock>;
    /// After the last block: the counts of everything given, or every problem found (then the
    /// store rolls back).
    fn finish(&mut self) -> Result<Tally, ValidationErrors>;
}

/// Keeps track of the respondents of one import: those the wave had and those given so far.
#[derive(Debug, Default)]
pub struct Respondents(HashSet<u128>);

impl Respondents {
    pub fn with_capacity(n: usize) -> Self {
        Self(HashSet::with_capacity(n))
    }

    pub fn contains(&self, respondent: &str) -> bool {
        self.0.contains(&respondent_key(respondent))
    }

    /// Notes a respondent; false when it was there already.
    pub fn insert(&mut self, respondent: &str) -> bool {
        self.0.insert(respondent_key(respondent))
    }
}

/// Responses already parsed (demonstration data, tests) as a source.
pub struct SliceSource<'a> {
    responses: &'a [Response],
    next: usize,
    seen: Respondents,
    tally: Tally,
    errors: ValidationErrors,
}

impl<'a> SliceSource<'a> {
    pub fn new(responses: &'a [Response], statements: &[Statement]) -> Self {
        let mut errors = ValidationErrors::new();
        if let Some(r) = responses.iter().find(|r| r.answers.len() != statements.len()) {
            errors.add(
                "answers",
                "wrong_length",
                crate::msg!(
                    "error-wrong-number-of-answers",
                    "Respondent '{respondent}' heeft {answers} antwoorden; het instrument heeft {statements} stellingen.",
                    respondent = r.respondent,
                    answers = r.answers.len(),
                    statements = statements.len()
                ),
            );
        }
        Self {
            responses,
            next: 0,
            seen: Respondents::with_capacity(responses.len()),
            tally: Tally::default(),
            errors,
        }
    }
}

impl ResponseSource for SliceSource<'_> {
    fn known(&mut self, respondent: &str) {
        self.seen.insert(respondent);
    }

    fn next_block(&mut self) -> Option<PackedBlock> {
        let mut block = PackedBlock::default();
        while block.responses < BLOCK_RESPONSES {
            let Some(r) = self.responses.get(self.next) else {
                break;
            };
            self.next += 1;
            if !self.seen.insert(&r.respondent) {
                if self.errors.errors.len() < MAX_PROBLEMS {
                    self.errors.add(
                        "respondent",
                        "duplicate",
                        crate::msg!(
                            "error-respondent-already-answered",
                            "Respondent '{respondent}' heeft al geantwoord in deze golf; er is niets opgeslagen.",
                            respondent = r.respondent
                        ),
                    );
                }
                continue;
            }
            self.tally.add(r, 1);
            pack(r, &mut block.text);
            block.responses += 1;
        }
        (block.responses > 0).then_some(block)
    }

    fn finish(&mut self) -> Result<Tally, ValidationErrors> {
        if self.errors.errors.is_empty() {
            Ok(std::mem::take(&mut self.tally))
        } else {
            Err(std::mem::take(&mut self.errors))
        }
    }
}
