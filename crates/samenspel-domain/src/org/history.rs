//! The history of an organisation: the period it existed, the organisations it came from and
//! the one that took over from it. Ministries come and go with cabinets (VRO existed from 2
//! July 2024 to 23 February 2026, and its tasks went back to BZK); a collaboration keeps the
//! ministry that took part at the time and shows, by following the successors, the one that
//! carries on now.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::{OrgCode, Organisation};

/// When an organisation existed and how it connects to others. Only the reference data
/// gives these (for the ministries, from the Register van Overheidsorganisaties and TOOI);
/// every field is empty where no source gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct OrgHistory {
    /// The first day it existed under this name, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    /// The day it ended, as the source gives it; empty while it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The organisations it came from (it took over from them, or was split off from them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<OrgCode>,
    /// The organisation that took over from it when it ended. Never set for one that exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<OrgCode>,
}

impl OrgHistory {
    /// True when nothing is known about its history.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Where following an organisation's successors stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineEnd {
    /// At an organisation that has not ended: the organisation itself when no successors were
    /// followed, else the last successor.
    Current,
    /// At an ended organisation for which no successor is known.
    NoKnownSuccessor,
    /// At a successor that is not known at all (the data names a code it does not hold).
    UnknownSuccessor,
    /// The successors lead back to an organisation already passed: the data is wrong.
    Loop,
}

/// The successors of an organisation, in order, and where they stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub successors: Vec<OrgCode>,
    pub end: LineEnd,
}

impl Line {
    /// The organisation that carries on now, when it is another one: the last successor when
    /// the line ends at an organisation that has not ended.
    pub fn current_successor(&self) -> Option<&OrgCode> {
        match self.end {
            LineEnd::Current => self.successors.last(),
            _ => None,
        }
    }
}

/// Follows `org`'s successors, each found with `lookup`, until one that has not ended. Stops
/// at an ended organisation without a successor, at a code `lookup` does not know, and at the
/// first organisation met twice, so it ends on any data.
pub fn line_of<'a>(org: &'a Organisation, lookup: impl Fn(&OrgCode) -> Option<&'a Organisation>) -> Line {
    let mut seen = HashSet::from([&org.code]);
    let mut successors = Vec::new();
    let mut at = org;
    loop {
        if !at.ended {
            return Line {
                successors,
                end: LineEnd::Current,
            };
        }
        let Some(next) = &at.history.successor else {
            return Line {
                successors,
                end: LineEnd::NoKnownSuccessor,
            };
        };
        if !seen.insert(next) {
            return Line {
                successors,
                end: LineEnd::Loop,
            };
        }
        successors.push(next.clone());
        match lookup(next) {
            Some(found) => at = found,
            None => {
                return Line {
                    successors,
                    end: LineEnd::UnknownSuccessor,
                };
            }
        }
    }
}

/// Every organisation in `all` whose line of successors reaches `code`: its predecessors,
/// theirs, and so on. A filter on a ministry of today uses it to find what its forerunners
/// took part in (a collaboration keeps the ministry that was responsible at the time).
pub fn forerunners<'a>(code: &OrgCode, all: &'a [Organisation]) -> Vec<&'a OrgCode> {
    let find = |c: &OrgCode| all.iter().find(|o| &o.code == c);
    all.iter()
        .filter(|o| o.code != *code && line_of(o, find).successors.contains(code))
        .map(|o| &o.code)
        .collect()
}

/// Something wrong in the history of a set of organisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// An organisation that has not ended names a successor.
    SuccessorOfCurrent(OrgCode),
    /// A predecessor or successor that is not in the set.
    UnknownCode { organisation: OrgCode, named: OrgCode },
    /// It ended before it began.
    EndsBeforeStart(OrgCode),
    /// Following the successors from it comes back to an organisation already passed.
    Loop(OrgCode),
}

/// Checks the history of `organisations` as a whole: every named code is among them, an
/// organisation that exists has no successor, periods run forward and no line of successors
/// loops. Empty when all is well.
pub fn check_history(organisations: &[Organisation]) -> Vec<HistoryProblem> {
    let find = |code: &OrgCode| organisations.iter().find(|o| &o.code == code);
    let mut problems = Vec::new();
    for org in organisations {
        let h = &org.history;
        for named in h.predecessors.iter().chain(&h.successor) {
            if find(named).is_none() {
                problems.push(HistoryProblem::UnknownCode {
                    organisation: org.code.clone(),
                    named: named.clone(),
                });
            }
        }
        if !org.ended && h.successor.is_some() {
            problems.push(HistoryProblem::SuccessorOfCurrent(org.code.clone()));
        }
        if let (Some(from), Some(until)) = (h.valid_from, h.valid_until)
            && until < from
        {
            problems.push(HistoryProblem::EndsBeforeStart(org.code.clone()));
        }
        if line_of(org, find).end == LineEnd::Loop {
            problems.push(HistoryProblem::Loop(org.code.clone()));
        }
    }
    problems
}

#[cfg(test)]
mod tests;
