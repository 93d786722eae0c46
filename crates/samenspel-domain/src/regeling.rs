//! A gemeenschappelijke regeling with its versions. The Register van Overheidsorganisaties
//! (ROO) keeps every version of a regeling as a record of its own, linked to the one before and
//! after it (`vorige_versie_roo_id` / `volgende_versie_roo_id`); Samenspel shows a regeling
//! once, with its versions as its history. This module finds the chains of versions, refuses
//! links that do not make one chain per regeling, and says what changed between versions and
//! which participants left.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Message;
use crate::collaboration::WgrForm;
use crate::msg;
use crate::org::OrgCode;

/// How one record of the register links to the versions before and after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionLink<'a> {
    /// The record's own id (its ROO id).
    pub id: &'a str,
    pub previous: Option<&'a str>,
    pub next: Option<&'a str>,
}

/// A link that does not fit one chain per regeling, at the record (index into the links given
/// to [`chains`]) and column where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainProblem {
    pub index: usize,
    pub column: &'static str,
    pub message: Message,
}

/// Groups the records into regelingen: each chain lists the indices of its versions, oldest
/// first, and the chains are in the order of their first version. Refused whole, with every
/// problem, when a record names a version that is not there, when two records claim the same
/// version, when a link is not returned by the version it names, or when versions link in a
/// circle.
pub fn chains(links: &[VersionLink<'_>]) -> Result<Vec<Vec<usize>>, Vec<ChainProblem>> {
    let mut problems = Vec::new();
    let index_of: HashMap<&str, usize> = links.iter().enumerate().map(|(i, l)| (l.id, i)).collect();
    let mut claimed_as_previous: HashMap<&str, usize> = HashMap::new();
    let mut claimed_as_next: HashMap<&str, usize> = HashMap::new();
    for (index, link) in links.iter().enumerate() {
        check_link(
            index,
            link,
            Side::Previous,
            &index_of,
            links,
            &mut claimed_as_previous,
            &mut problems,
        );
        check_link(
            index,
            link,
            Side::Next,
            &index_of,
            links,
            &mut claimed_as_next,
            &mut problems,
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut chains = Vec::new();
    let mut in_chain = vec![false; links.len()];
    for (first, link) in links.iter().enumerate() {
        if link.previous.is_some() {
            continue;
        }
        let mut chain = vec![first];
        in_chain[first] = true;
        while let Some(next) = links[*chain.last().unwrap_or(&first)].next {
            let index = index_of[next];
            in_chain[index] = true;
            chain.push(index);
        }
        chains.push(chain);
    }
    for (index, _) in in_chain.iter().enumerate().filter(|(_, in_chain)| !**in_chain) {
        problems.push(ChainProblem {
            index,
            column: "vorige_versie_roo_id",
            message: msg!(
                "error-regeling-circle",
                "versie {id} hoort bij een kring van versies zonder eerste versie",
                id = links[index].id
            ),
        });
    }
    if problems.is_empty() {
        Ok(chains)
    } else {
        Err(problems)
    }
}

#[derive(Clone, Copy)]
enum Side {
    Previous,
    Next,
}

impl Side {
    fn column(self) -> &'static str {
        match self {
            Side::Previous => "vorige_versie_roo_id",
            Side::Next => "volgende_versie_roo_id",
        }
    }

    fn of<'a>(self, link: &VersionLink<'a>) -> Option<&'a str> {
        match self {
            Side::Previous => link.previous,
            Side::Next => link.next,
        }
    }

    /// The side that should point back.
    fn back(self) -> Side {
        match self {
            Side::Previous => Side::Next,
            Side::Next => Side::Previous,
        }
    }
}

fn check_link<'a>(
    index: usize,
    link: &VersionLink<'a>,
    side: Side,
    index_of: &HashMap<&str, usize>,
    links: &[VersionLink<'a>],
    claimed: &mut HashMap<&'a str, usize>,
    problems: &mut Vec<ChainProblem>,
) {
    let Some(other) = side.of(link) else { return };
    let column = side.column();
    let problem = |message| ChainProblem {
        index,
        column,
        message,
    };
    if other == link.id {
        problems.push(problem(msg!(
            "error-regeling-own-version",
            "versie {id} noemt zichzelf als andere versie",
            id = link.id
        )));
        return;
    }
    let Some(&other_index) = index_of.get(other) else {
        problems.push(problem(msg!(
            "error-regeling-missing-version",
            "versie {other} staat niet in het bestand",
            other = other
        )));
        return;
    };
    if let Some(&first) = claimed.get(other) {
        problems.push(problem(msg!(
            "error-regeling-version-claimed-twice",
            "versie {other} hoort ook al bij {first}; een versie hoort bij één regeling",
            other = other,
            first = links[first].id
        )));
        return;
    }
    claimed.insert(other, index);
    if side.back().of(&links[other_index]) != Some(link.id) {
        problems.push(problem(msg!(
            "error-regeling-link-not-returned",
            "versie {other} verwijst niet terug naar {id}",
            other = other,
            id = link.id
        )));
    }
}

/// A participant of one version, with the date it joined as the register gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct VersionParticipant {
    pub code: OrgCode,
    pub joined_on: Option<NaiveDate>,
    /// Its bodies that take part in this version (the register's `bestuursorganen`), as keys;
    /// left out when the register names none (and in versions stored before they were kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organs: Vec<crate::wgr::Bestuursorgaan>,
}

/// One version of a regeling as the register records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Version {
    /// The version's own id in the register (ROO id).
    pub id: String,
    pub name: String,
    pub wgr_form: Option<WgrForm>,
    /// In force from (datum inwerkingtreding).
    pub start_date: Option<NaiveDate>,
    /// No longer in force from (datum uitwerkingtreding).
    pub end_date: Option<NaiveDate>,
    pub participants: Vec<VersionParticipant>,
    /// Where its text is published (instellingsbesluiten: lokaleregelgeving.overheid.nl,
    /// officielebekendmakingen.nl, …), as web addresses.
    pub documents: Vec<String>,
}

/// What changed from one version to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VersionChange {
    /// The earlier name, when the name changed.
    pub renamed_from: Option<String>,
    /// The earlier form, when the form changed (`None` inside: no form was registered).
    #[schema(value_type = Option<Option<WgrForm>>)]
    pub form_changed_from: Option<Option<WgrForm>>,
    pub joined: Vec<OrgCode>,
    pub left: Vec<OrgCode>,
}

impl VersionChange {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What changed from `before` to `after`: name, form, who joined and who left.
pub fn changes(before: &Version, after: &Version) -> VersionChange {
    let has = |v: &Version, code: &OrgCode| v.participants.iter().any(|p| &p.code == code);
    VersionChange {
        renamed_from: (before.name != after.name).then(|| before.name.clone()),
        form_changed_from: (before.wgr_form != after.wgr_form).then_some(before.wgr_form),
        joined: after
            .participants
            .iter()
            .filter(|p| !has(before, &p.code))
            .map(|p| p.code.clone())
            .collect(),
        left: before
            .participants
            .iter()
            .filter(|p| !has(after, &p.code))
            .map(|p| p.code.clone())
            .collect(),
    }
}

/// A participant of an earlier version that is not in the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FormerParticipant {
    pub code: OrgCode,
    /// When it joined: the earliest date the register gives, else the start of the first
    /// version it is in.
    pub joined_on: Option<NaiveDate>,
    /// When it left: the start of the first version after its last one, else the end of its
    /// last version.
    pub left_on: Option<NaiveDate>,
}

/// The participants that left, in the order of leaving (then of code). `versions` are oldest
/// first, as [`chains`] gives them.
pub fn former_participants(versions: &[Version]) -> Vec<FormerParticipant> {
    let Some(last) = versions.last() else {
        return Vec::new();
    };
    let mut seen: BTreeMap<&OrgCode, (Option<NaiveDate>, usize)> = BTreeMap::new();
    for (position, version) in versions.iter().enumerate() {
        for participant in &version.participants {
            let joined = participant.joined_on.or(version.start_date);
            let entry = seen.entry(&participant.code).or_insert((joined, position));
            entry.0 = match (entry.0, joined) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            entry.1 = position;
        }
    }
    let mut former: Vec<FormerParticipant> = seen
        .into_iter()
        .filter(|(code, _)| !last.participants.iter().any(|p| &p.code == *code))
        .map(|(code, (joined_on, last_position))| FormerParticipant {
            code: code.clone(),
            joined_on,
            left_on: versions
                .get(last_position + 1)
                .and_then(|v| v.start_date)
                .or(versions[last_position].end_date),
        })
        .collect();
    former.sort_by(|a, b| a.left_on.cmp(&b.left_on).then_with(|| a.code.cmp(&b.code)));
    former
}

#[cfg(test)]
mod tests;
