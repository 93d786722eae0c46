//! The question sets a UDO answers, kept as versioned frameworks: the **Beleidskompas** (the
//! Rijk's way of preparing policy since 2023; five main questions and a recurring one, each with
//! its hulpvragen as published on kcbr.nl) and its predecessor, the **IAK** (Integraal
//! afwegingskader voor beleid en regelgeving, seven questions, applied structurally from
//! 14 April 2011). The 2022 letter on the UDO (seed 002, note 30) says the UDO uses the
//! questions of the Beleidskompas instead of those of the IAK.
//!
//! Answers are text per question key. The options of Beleidskompas question 3 are recorded as a
//! list ([`PolicyOption`]), each with a flag `zero_option`: the kcbr page says "Neem hierbij
//! altijd de nuloptie mee" (the zero option keeps the existing policy unchanged). A set of
//! answers is complete for question 3 only when exactly one listed option carries the flag;
//! the parse refuses two, [`check`] reports none.

mod input;
mod sets;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;
use crate::{Message, msg};

pub use input::{KompasInput, PolicyOptionInput};
pub use sets::{BELEIDSKOMPAS_2023, IAK_2011, IAK_TO_BELEIDSKOMPAS, QUESTION_SETS};

keyed_enum!(
    /// A framework of questions for preparing policy.
    Framework, "kader", "vragenkader" {
        Beleidskompas => "beleidskompas", "Beleidskompas";
        Iak => "iak", "Integraal afwegingskader voor beleid en regelgeving (IAK)";
    }
);

/// One question of a framework, with its help and where it is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Stable within the framework across versions, e.g. `opties`.
    pub key: &'static str,
    /// Its number as published (`1`–`5`; `T` for the Beleidskompas' recurring question).
    pub number: &'static str,
    pub text: &'static str,
    /// The hulpvragen as published.
    pub sub_questions: &'static [&'static str],
    /// A short explanation for the person answering, quoted or summarised from the source.
    pub help: &'static str,
    pub source_url: &'static str,
    /// Whether the text and hulpvragen are the Dutch source's own words (else our translation
    /// of the official English page, named in `help`).
    pub verbatim: bool,
    pub required: bool,
}

/// One version of a framework's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuestionSet {
    pub framework: Framework,
    pub version: u32,
    /// The day the set holds from (see the set for how exact that day is).
    pub valid_from: NaiveDate,
    pub source_url: &'static str,
    pub questions: &'static [Question],
    /// The question whose options must include the zero option, if the framework asks it.
    pub zero_option_question: Option<&'static str>,
}

impl QuestionSet {
    pub fn question(&self, key: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.key == key)
    }
}

/// The latest version of `framework`.
pub fn latest(framework: Framework) -> Option<&'static QuestionSet> {
    QUESTION_SETS
        .iter()
        .filter(|s| s.framework == framework)
        .max_by_key(|s| (s.valid_from, s.version))
}

/// The set that held on `on` (the latest `valid_from` not after it), whatever its framework.
pub fn in_force(on: NaiveDate) -> Option<&'static QuestionSet> {
    QUESTION_SETS
        .iter()
        .filter(|s| s.valid_from <= on)
        .max_by_key(|s| (s.valid_from, s.version))
}

/// The most options recorded for one question.
pub const MAX_OPTIONS: usize = 20;
/// The longest answer to one question, in characters.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// One policy option of question 3, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PolicyOption {
    pub title: String,
    pub description: Option<String>,
    /// This option is the nuloptie: the existing policy kept unchanged.
    pub zero_option: bool,
}

/// The answers to one version of a framework, valid by construction (every key is a question
/// of the set, every text bounded; at most one zero option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KompasAnswers {
    pub framework: Framework,
    pub version: u32,
    /// Question key → answer.
    pub answers: BTreeMap<String, String>,
    pub options: Vec<PolicyOption>,
}

impl KompasAnswers {
    /// The question set these answers were given to.
    pub fn set(&self) -> Option<&'static QuestionSet> {
        QUESTION_SETS
            .iter()
            .find(|s| s.framework == self.framework && s.version == self.version)
    }

    /// What is still missing, checked against the answers' own set.
    pub fn completeness(&self) -> Option<Completeness> {
        self.set().map(|set| check(set, &self.answers, &self.options))
    }
}

/// Whether the zero option is among the options, where the framework asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZeroOption {
    /// The framework does not ask for it.
    NotAsked,
    Present,
    Missing,
}

/// What is still missing from a set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// Required questions without an answer, in the framework's order.
    pub unanswered: Vec<&'static Question>,
    pub zero_option: ZeroOption,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty() && self.zero_option != ZeroOption::Missing
    }

    /// What is missing, one sentence each (empty when complete).
    pub fn findings(&self) -> Vec<Message> {
        let mut findings: Vec<Message> = self
            .unanswered
            .iter()
            .map(|q| {
                msg!(
                    "kompas-unanswered",
                    "Vraag {number} is nog niet beantwoord: {text}",
                    number = q.number,
                    text = q.text
                )
            })
            .collect();
        if self.zero_option == ZeroOption::Missing {
            findings.push(msg!(
                "kompas-zero-option-missing",
                "Bij de opties ontbreekt de nuloptie (het bestaande beleid ongewijzigd laten)."
            ));
        }
        findings
    }
}

/// Checks answers (question key → text) and the options of the zero-option question against
/// `set`: which required questions are unanswered (missing or blank), and whether the options
/// include the zero option. Keys that are not questions of the set are ignored here (the parse
/// refuses them).
pub fn check(
    set: &QuestionSet,
    answers: &BTreeMap<String, String>,
    options: &[PolicyOption],
) -> Completeness {
    let unanswered = set
        .questions
        .iter()
        .filter(|q| q.required)
        .filter(|q| answers.get(q.key).is_none_or(|a| a.trim().is_empty()))
        .collect();
    let zero_option = match set.zero_option_question {
        None => ZeroOption::NotAsked,
        Some(_) if options.iter().any(|o| o.zero_option) => ZeroOption::Present,
        Some(_) => ZeroOption::Missing,
    };
    Completeness {
        unanswered,
        zero_option,
    }
}

/// The answers of an IAK set carried over to the Beleidskompas questions they map to
/// ([`IAK_TO_BELEIDSKOMPAS`], our choice); IAK answers without a counterpart are left out.
/// Where two IAK answers map to one question they are joined, in IAK order.
pub fn carry_over_iak(iak: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut carried: BTreeMap<String, String> = BTreeMap::new();
    for (from, to) in IAK_TO_BELEIDSKOMPAS {
        if let Some(text) = iak.get(*from).filter(|t| !t.trim().is_empty()) {
            carried
                .entry((*to).to_owned())
                .and_modify(|t| {
                    t.push_str("\n\n");
                    t.push_str(text);
                })
                .or_insert_with(|| text.clone());
        }
    }
    carried
}
