//! One respondent's answers, how they are kept compactly, and the tally that keeps the counts
//! per (group, statement, answer) that every report is made from.

use std::collections::BTreeMap;

use super::report::GroupCounts;
use super::stats::Distribution;
use super::{Answer, Group, RespondentLayer, Statement};

/// One response to a wave: who (an id from a file, or the hash of a token), the layer the
/// respondent stated, optionally a domain, and an answer (or none) per statement of the
/// wave's instrument, in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub respondent: String,
    pub layer: RespondentLayer,
    pub domain: Option<String>,
    pub answers: Vec<Option<Answer>>,
}

/// The answers as kept: one character per statement, `1`–`5`, `n` (weet niet) or `-` (none).
pub fn encode_answers(answers: &[Option<Answer>]) -> String {
    answers
        .iter()
        .map(|a| match a {
            Some(Answer::Score(v)) => char::from(b'0' + (*v).clamp(1, 5)),
            Some(Answer::DontKnow) => 'n',
            None => '-',
        })
        .collect()
}

/// Reads kept answers back; `None` when a character is not one [`encode_answers`] writes.
pub fn decode_answers(kept: &str) -> Option<Vec<Option<Answer>>> {
    kept.chars()
        .map(|c| match c {
            '1'..='5' => Some(Some(Answer::Score(c as u8 - b'0'))),
            'n' => Some(Some(Answer::DontKnow)),
            '-' => Some(None),
            _ => None,
        })
        .collect()
}

/// Counts per group: respondents, and answers per (statement index, answer index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub respondents: BTreeMap<usize, i64>,
    pub answers: BTreeMap<(usize, usize, usize), i64>,
}

fn group_index(g: Group) -> usize {
    Group::ALL.iter().position(|x| *x == g).unwrap_or(0)
}

impl Tally {
    /// Counts a response in (`sign` 1) or out again (`sign` −1, when a resumed response is
    /// replaced).
    pub fn add(&mut self, response: &Response, sign: i64) {
        for group in response.layer.groups() {
            let g = group_index(*group);
            *self.respondents.entry(g).or_default() += sign;
            for (s, answer) in response.answers.iter().enumerate() {
                if let Some(a) = answer {
                    *self.answers.entry((g, s, a.index())).or_default() += sign;
                }
            }
        }
    }

    /// The changes as rows (group, statement id, answer index, delta) for the kept counts,
    /// leaving out zeros.
    pub fn count_rows<'a>(&self, statements: &'a [Statement]) -> Vec<(Group, &'a str, usize, i64)> {
        self.answers
            .iter()
            .filter(|(_, d)| **d != 0)
            .filter_map(|((g, s, a), d)| Some((Group::ALL[*g], statements.get(*s)?.id, *a, *d)))
            .collect()
    }

    /// The respondent changes as rows (group, delta), leaving out zeros.
    pub fn respondent_rows(&self) -> Vec<(Group, i64)> {
        self.respondents
            .iter()
            .filter(|(_, d)| **d != 0)
            .map(|(g, d)| (Group::ALL[*g], *d))
            .collect()
    }
}

/// Builds the report's input from kept rows: (group, respondents) and (group, statement id,
/// answer index, count).
pub fn group_counts(
    respondents: &[(Group, u64)],
    counts: &[(Group, String, usize, u64)],
) -> Vec<GroupCounts> {
    Group::ALL
        .iter()
        .map(|g| {
            let mut statements: BTreeMap<String, [u64; 6]> = BTreeMap::new();
            for (_, id, answer, count) in counts.iter().filter(|c| c.0 == *g) {
                if let Some(slot) = statements.entry(id.clone()).or_default().get_mut(*answer) {
                    *slot += count;
                }
            }
            GroupCounts {
                group: *g,
                respondents: respondents.iter().filter(|r| r.0 == *g).map(|r| r.1).sum(),
                statements: statements
                    .into_iter()
                    .map(|(id, kept)| (id, Distribution::from_indexed(kept)))
                    .collect(),
            }
        })
        .collect()
}
