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
    let mut kept = String::with_capacity(answers.len());
    push_answers(answers, &mut kept);
    kept
}

/// Appends the kept form of the answers (see [`encode_answers`]).
pub fn push_answers(answers: &[Option<Answer>], into: &mut String) {
    into.extend(answers.iter().map(|a| match a {
        Some(Answer::Score(v)) => char::from(b'0' + (*v).clamp(1, 5)),
        Some(Answer::DontKnow) => 'n',
        None => '-',
    }));
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

/// Counts per layer, dense: respondents per layer, and per statement index the answers per
/// (layer, answer index). The groups (Rijk, decentraal, each layer) are sums of layers, made
/// when the rows are asked for; counting a million responses is a few array increments each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    respondents: [i64; LAYERS],
    answers: Vec<[[i64; 6]; LAYERS]>,
}

const LAYERS: usize = 6;

fn layer_index(layer: RespondentLayer) -> usize {
    RespondentLayer::ALL
        .iter()
        .position(|x| *x == layer)
        .unwrap_or(LAYERS - 1)
}

impl Tally {
    /// Counts a response in (`sign` 1) or out again (`sign` −1, when a resumed response is
    /// replaced).
    pub fn add(&mut self, response: &Response, sign: i64) {
        self.add_answers(response.layer, &response.answers, sign);
    }

    /// Counts one respondent of `layer` with these answers.
    pub fn add_answers(&mut self, layer: RespondentLayer, answers: &[Option<Answer>], sign: i64) {
        let l = layer_index(layer);
        self.respondents[l] += sign;
        if self.answers.len() < answers.len() {
            self.answers.resize(answers.len(), [[0; 6]; LAYERS]);
        }
        for (slot, answer) in self.answers.iter_mut().zip(answers) {
            if let Some(a) = answer {
                slot[l][a.index()] += sign;
            }
        }
    }

    /// Adds another tally to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (mine, theirs) in self.respondents.iter_mut().zip(other.respondents) {
            *mine += theirs;
        }
        if self.answers.len() < other.answers.len() {
            self.answers.resize(other.answers.len(), [[0; 6]; LAYERS]);
        }
        for (mine, theirs) in self.answers.iter_mut().zip(&other.answers) {
            for (m, t) in mine.iter_mut().flatten().zip(theirs.iter().flatten()) {
                *m += t;
            }
        }
    }

    /// The layers (by index) that count in a group.
    fn layers_of(group: Group) -> impl Iterator<Item = usize> {
        RespondentLayer::ALL
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.groups().contains(&group))
            .map(|(i, _)| i)
    }

    /// The changes as rows (group, statement id, answer index, delta) for the kept counts,
    /// leaving out zeros.
    pub fn count_rows<'a>(&self, statements: &'a [Statement]) -> Vec<(Group, &'a str, usize, i64)> {
        let mut rows = Vec::new();
        for g in Group::ALL {
            for (s, per_layer) in self.answers.iter().enumerate() {
                let Some(statement) = statements.get(s) else {
                    continue;
                };
                for a in 0..6 {
                    let delta: i64 = Self::layers_of(*g).filter_map(|l| per_layer.get(l)?.get(a)).sum();
                    if delta != 0 {
                        rows.push((*g, statement.id, a, delta));
                    }
                }
            }
        }
        rows
    }

    /// The respondent changes as rows (group, delta), leaving out zeros.
    pub fn respondent_rows(&self) -> Vec<(Group, i64)> {
        Group::ALL
            .iter()
            .map(|g| (*g, Self::layers_of(*g).map(|l| self.respondents[l]).sum()))
            .filter(|(_, d)| *d != 0)
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
