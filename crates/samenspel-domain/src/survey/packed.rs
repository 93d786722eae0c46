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
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

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
        if s.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
            // Printable ASCII, as nearly every id is: no control character to look for.
            block.push_str(s);
        } else {
            block.extend(s.chars().map(|c| if c.is_control() { ' ' } else { c }));
        }
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

/// The keys of a fingerprint: two SipHashes with keys drawn at random for each import, so
/// that nobody can choose ids whose fingerprints fall together in the set (which would make
/// the set slow), and the set need not hash the fingerprint again.
#[derive(Debug, Clone)]
struct FingerprintKeys(RandomState, RandomState);

impl FingerprintKeys {
    fn new() -> Self {
        Self(RandomState::new(), RandomState::new())
    }

    /// A 128-bit fingerprint of a respondent id: a false alarm needs a collision of both
    /// 64-bit halves, about one in 10^38 per pair.
    fn of(&self, respondent: &str) -> u128 {
        (u128::from(self.0.hash_one(respondent)) << 64) | u128::from(self.1.hash_one(respondent))
    }
}

/// Hashes a fingerprint for the set by folding its two random halves (see
/// `FingerprintKeys`); anything else it is given, it mixes byte by byte.
#[derive(Debug, Default, Clone, Copy)]
pub struct Folded(u64);

impl Hasher for Folded {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, fingerprint: u128) {
        // Truncation meant: the two halves are folded into one.
        self.0 ^= (fingerprint as u64) ^ ((fingerprint >> 64) as u64);
    }
}

/// Keeps track of the respondents of one import (those the wave had, or those given so far)
/// by their fingerprints. Sets made with [`Respondents::sibling`] share the keys of the
/// fingerprint, so that the parts of one file read at once can be compared afterwards.
#[derive(Debug, Clone)]
pub struct Respondents {
    keys: FingerprintKeys,
    set: HashSet<u128, BuildHasherDefault<Folded>>,
}

impl Default for Respondents {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

impl Respondents {
    pub fn with_capacity(n: usize) -> Self {
        Self {
            keys: FingerprintKeys::new(),
            set: HashSet::with_capacity_and_hasher(n, BuildHasherDefault::default()),
        }
    }

    /// An empty set with the same fingerprints as this one.
    pub fn sibling(&self, capacity: usize) -> Self {
        Self {
            keys: self.keys.clone(),
            set: HashSet::with_capacity_and_hasher(capacity, BuildHasherDefault::default()),
        }
    }

    /// The fingerprint of a respondent in this set (and its siblings).
    pub fn fingerprint(&self, respondent: &str) -> u128 {
        self.keys.of(respondent)
    }

    pub fn contains(&self, respondent: &str) -> bool {
        self.contains_fingerprint(self.fingerprint(respondent))
    }

    pub fn contains_fingerprint(&self, fingerprint: u128) -> bool {
        self.set.contains(&fingerprint)
    }

    /// Notes a respondent; false when it was there already.
    pub fn insert(&mut self, respondent: &str) -> bool {
        self.insert_fingerprint(self.fingerprint(respondent))
    }

    /// Notes a fingerprint (of this set's keys); false when it was there already.
    pub fn insert_fingerprint(&mut self, fingerprint: u128) -> bool {
        self.set.insert(fingerprint)
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// The fingerprints in both this set and `other` (a sibling): the smaller one is walked.
    pub fn common(&self, other: &Respondents) -> Respondents {
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut common = self.sibling(0);
        common
            .set
            .extend(small.set.iter().filter(|f| large.set.contains(f)));
        common
    }

    /// Takes a fingerprint out; false when it was not there.
    pub fn remove_fingerprint(&mut self, fingerprint: u128) -> bool {
        self.set.remove(&fingerprint)
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
