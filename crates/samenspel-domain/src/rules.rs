//! Rules as data. A rule is a row: its key, its text, where it comes from (an article of a law
//! or a passage of a seed document), its version and the date it holds from, the conditions
//! under which it applies, and one small predicate. Evaluated against the facts of a case it
//! gives *voldoet*, *voldoet niet* or *niet van toepassing*, always with a reason, so the pages
//! and the API show every rule the same way.
//!
//! Adding a rule is adding a row to a module's table (see `money::rules::MONEY_RULES`) and,
//! where no existing predicate fits, one function from the facts to a [`Verdict`]. The
//! statutory terms of the Wgr are a table of their own, read from a data file
//! (`crate::wgr::table`); the UDO normenkader is meant to become a table of this kind.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Message, msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Voldoet,
    VoldoetNiet,
    NietVanToepassing,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// An article of a law as published on wetten.overheid.nl.
    Law {
        /// The law's name, e.g. `Wet gemeenschappelijke regelingen`.
        law: &'static str,
        article: &'static str,
        lid: Option<&'static str>,
        /// The identifier in the Basiswettenbestand, e.g. `BWBR0003740`.
        bwb_id: &'static str,
    },
    /// A passage of a seed document (a report or policy text), cited with its place: the
    /// document's title and the words quoted from it stay as published, the words around them
    /// are ours (and so in the reader's language).
    Passage(fn() -> Message),
}

impl Source {
    /// The source as one line for a person: `Wet …, artikel 1, lid 2 (BWBR…)` or the passage.
    pub fn citation(&self) -> Message {
        match *self {
            Source::Law {
                law,
                article,
                lid,
                bwb_id,
            } => law_citation(law, article, lid, bwb_id),
            Source::Passage(passage) => passage(),
        }
    }
}

/// Checks an identifier in the Basiswettenbestand: `BWBR` and seven digits (`BWBR0003740`).
pub fn parse_bwb_id(field: &str, raw: &str) -> Result<String, crate::ValidationErrors> {
    let raw = raw.trim();
    let digits = raw.strip_prefix("BWBR").unwrap_or("");
    if digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(raw.to_owned())
    } else {
        Err(crate::ValidationErrors::single(
            field,
            "invalid_bwb_id",
            msg!(
                "error-wgr-table-bwb",
                "'{value}' is geen BWB-nummer (BWBR en zeven cijfers).",
                value = raw
            ),
        ))
    }
}

/// An article of a law as one line for a person: `Wet …, artikel 1, lid 2 (BWBR…)`.
pub fn law_citation(law: &str, article: &str, lid: Option<&str>, bwb_id: &str) -> Message {
    match lid {
        Some(lid) => msg!(
            "rule-source-law-lid",
            "{law}, artikel {article}, lid {lid} ({bwb_id})",
            law = law,
            article = article,
            lid = lid,
            bwb_id = bwb_id
        ),
        None => msg!(
            "rule-source-law",
            "{law}, artikel {article} ({bwb_id})",
            law = law,
            article = article,
            bwb_id = bwb_id
        ),
    }
}

/// The outcome of one rule for one case, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    pub reason: Message,
}

impl Verdict {
    pub fn voldoet(reason: Message) -> Self {
        Self {
            outcome: Outcome::Voldoet,
            reason,
        }
    }

    pub fn voldoet_niet(reason: Message) -> Self {
        Self {
            outcome: Outcome::VoldoetNiet,
            reason,
        }
    }

    pub fn niet_van_toepassing(reason: Message) -> Self {
        Self {
            outcome: Outcome::NietVanToepassing,
            reason,
        }
    }
}

/// A condition for a rule to apply; when it does not hold, the rule is *niet van toepassing*
/// for the reason `otherwise`.
pub struct Condition<F: 'static> {
    pub holds: fn(&F) -> bool,
    pub otherwise: fn() -> Message,
}

/// One rule over facts of type `F`.
pub struct Rule<F: 'static> {
    pub key: &'static str,
    /// The rule in a sentence.
    pub text: fn() -> Message,
    pub source: Source,
    /// A later version of the same key replaces an earlier one from its `valid_from`.
    pub version: u32,
    pub valid_from: NaiveDate,
    /// Checked in order before the predicate; the first that does not hold decides.
    pub applies_when: &'static [Condition<F>],
    /// Judges a case the rule applies to.
    pub check: fn(&F) -> Verdict,
}

/// One rule, checked, with where the rule comes from. The rule, its source and the
/// explanation are sentences in Dutch.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RuleCheck {
    pub key: &'static str,
    #[schema(value_type = String)]
    pub rule: Message,
    #[schema(value_type = String)]
    pub source: Message,
    pub outcome: Outcome,
    #[schema(value_type = String)]
    pub explanation: Message,
}

impl<F> Rule<F> {
    /// The verdict of this rule for `facts`.
    pub fn verdict(&self, facts: &F) -> Verdict {
        match self.applies_when.iter().find(|c| !(c.holds)(facts)) {
            Some(unmet) => Verdict::niet_van_toepassing((unmet.otherwise)()),
            None => (self.check)(facts),
        }
    }

    /// The rule checked against `facts`, as pages and the API show it.
    pub fn evaluate(&self, facts: &F) -> RuleCheck {
        let verdict = self.verdict(facts);
        RuleCheck {
            key: self.key,
            rule: (self.text)(),
            source: self.source.citation(),
            outcome: verdict.outcome,
            explanation: verdict.reason,
        }
    }
}

/// Per key the version that holds on `on` (the latest `valid_from` not after it), in the
/// order the keys first appear in `rules`; keys not yet in force are left out.
pub fn in_force<F>(rules: &[Rule<F>], on: NaiveDate) -> Vec<&Rule<F>> {
    latest(rules, |r| r.valid_from <= on)
}

/// Per key its latest version, in the order the keys first appear in `rules` (for facts that
/// carry no date).
pub fn current<F>(rules: &[Rule<F>]) -> Vec<&Rule<F>> {
    latest(rules, |_| true)
}

fn latest<F>(rules: &[Rule<F>], eligible: impl Fn(&Rule<F>) -> bool) -> Vec<&Rule<F>> {
    let mut chosen: Vec<&Rule<F>> = Vec::new();
    for rule in rules.iter().filter(|r| eligible(r)) {
        match chosen.iter_mut().find(|c| c.key == rule.key) {
            Some(c) if (c.valid_from, c.version) < (rule.valid_from, rule.version) => *c = rule,
            Some(_) => {}
            None => chosen.push(rule),
        }
    }
    chosen
}

/// Every current rule of `rules` checked against `facts`, in table order.
pub fn evaluate_all<F>(rules: &[Rule<F>], facts: &F) -> Vec<RuleCheck> {
    current(rules).into_iter().map(|r| r.evaluate(facts)).collect()
}

/// A date for a rule table (checked when the table is compiled).
pub const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a date in a rule table"),
    }
}

#[cfg(test)]
mod tests;
