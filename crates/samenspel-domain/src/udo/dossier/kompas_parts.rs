//! The Beleidskompas answers of a dossier as structured parts, keyed by framework, version and
//! question: `("beleidskompas", 1, "probleem") → text`. The question sets themselves (which
//! keys a version has, which are required) are in `crate::udo::kompas`; a dossier only stores
//! the answers, so answers to an older set (the IAK) stay readable next to newer ones.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{parse_line, parse_paragraphs};
use crate::{ValidationErrors, msg};

const KEY_MAX: usize = 50;
const ANSWER_MAX: usize = 20_000;

/// One answer: the framework (`beleidskompas`, `iak`), its version, the question's key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
pub struct KompasPart {
    pub framework: String,
    pub version: u32,
    pub question: String,
    pub answer: String,
}

/// The answers, each (framework, version, question) once, in that order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, utoipa::ToSchema)]
pub struct KompasParts {
    pub parts: Vec<KompasPart>,
}

impl KompasParts {
    /// The answer to one question of one version of a framework.
    pub fn answer(&self, framework: &str, version: u32, question: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|p| p.framework == framework && p.version == version && p.question == question)
            .map(|p| p.answer.as_str())
    }

    /// The answers to one version of a framework, question key → text (the form
    /// `crate::udo::kompas` checks).
    pub fn of(&self, framework: &str, version: u32) -> BTreeMap<String, String> {
        self.parts
            .iter()
            .filter(|p| p.framework == framework && p.version == version)
            .map(|p| (p.question.clone(), p.answer.clone()))
            .collect()
    }
}

/// One answer as typed in; a blank answer is left out (not yet answered).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KompasPartInput {
    pub framework: String,
    pub version: String,
    pub question: String,
    pub answer: String,
}

/// The parts, or every wrong field named (`kompas[2].version`, …).
pub fn parse_parts(inputs: &[KompasPartInput]) -> Result<KompasParts, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut parts: Vec<KompasPart> = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let field = |name: &str| format!("kompas[{i}].{name}");
        let framework = e.collect(key(&field("framework"), &input.framework));
        let version = e.collect(version(&field("version"), &input.version));
        let question = e.collect(key(&field("question"), &input.question));
        let answer = e
            .collect(parse_paragraphs(
                &field("answer"),
                &input.answer,
                ANSWER_MAX,
                false,
            ))
            .flatten();
        let (Some(framework), Some(version), Some(question), Some(answer)) =
            (framework, version, question, answer)
        else {
            continue;
        };
        let part = KompasPart {
            framework,
            version,
            question,
            answer,
        };
        if parts.iter().any(|p| {
            (&p.framework, p.version, &p.question) == (&part.framework, part.version, &part.question)
        }) {
            e.add(
                field("question"),
                "duplicate",
                msg!("error-udo-duplicate-question", "Deze vraag is al beantwoord."),
            );
        }
        parts.push(part);
    }
    parts.sort();
    e.finish(|| KompasParts { parts })
}

/// A key as the question sets write them: lower-case letters, digits and `-`.
fn key(field: &str, raw: &str) -> Result<String, ValidationErrors> {
    let text = parse_line(field, raw, KEY_MAX, true)?.unwrap_or_default();
    if text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Ok(text)
    } else {
        Err(ValidationErrors::single(
            field,
            "invalid_key",
            msg!(
                "error-udo-invalid-key",
                "'{value}' is geen sleutel; gebruik kleine letters, cijfers en '-'.",
                value = text
            ),
        ))
    }
}

fn version(field: &str, raw: &str) -> Result<u32, ValidationErrors> {
    match raw.trim().parse::<u32>() {
        Ok(v) if v >= 1 => Ok(v),
        _ => Err(ValidationErrors::single(
            field,
            "invalid_version",
            msg!(
                "error-udo-invalid-version",
                "'{value}' is geen versie; vul een heel getal in vanaf 1.",
                value = raw.trim()
            ),
        )),
    }
}
