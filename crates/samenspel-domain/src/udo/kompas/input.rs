//! Answers as a person types them in, parsed against the latest set of the framework named.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Framework, KompasAnswers, MAX_ANSWER_CHARS, MAX_OPTIONS, PolicyOption, latest};
use crate::text::{parse_line, parse_paragraphs};
use crate::{ValidationErrors, msg};

const MAX_TITLE_CHARS: usize = 200;
const MAX_DESCRIPTION_CHARS: usize = 5_000;

/// One option as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PolicyOptionInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub zero_option: bool,
}

/// Answers as typed in, for the latest version of the framework named.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KompasInput {
    /// `beleidskompas` or `iak`.
    #[serde(default)]
    pub framework: String,
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub options: Vec<PolicyOptionInput>,
}

impl KompasInput {
    /// The answers, or every wrong field named (`answers.<key>`, `options[<i>].title`, …).
    /// Blank answers and blank option rows are left out (not yet answered).
    pub fn parse(&self) -> Result<KompasAnswers, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let framework = Framework::parse_field("framework", &self.framework)?;
        let Some(set) = latest(framework) else {
            return Err(ValidationErrors::single(
                "framework",
                "unknown_value",
                msg!(
                    "error-kompas-no-set",
                    "Voor dit vragenkader zijn geen vragen vastgelegd."
                ),
            ));
        };
        let mut answers = BTreeMap::new();
        for (key, raw) in &self.answers {
            let field = format!("answers.{key}");
            if set.question(key).is_none() {
                errors.add(
                    field,
                    "unknown_question",
                    msg!(parts;
                        "error-kompas-unknown-question",
                        "'{key}' is geen vraag van {framework}.",
                        key = key;
                        framework = framework.label()
                    ),
                );
                continue;
            }
            if let Some(Some(text)) = errors.collect(parse_paragraphs(&field, raw, MAX_ANSWER_CHARS, false)) {
                answers.insert(key.clone(), text);
            }
        }
        let options = parse_options(&self.options, &mut errors);
        errors.finish(|| KompasAnswers {
            framework,
            version: set.version,
            answers,
            options,
        })
    }
}

fn parse_options(rows: &[PolicyOptionInput], errors: &mut ValidationErrors) -> Vec<PolicyOption> {
    let filled: Vec<(usize, &PolicyOptionInput)> = rows
        .iter()
        .enumerate()
        .filter(|(_, o)| !o.title.trim().is_empty() || !o.description.trim().is_empty() || o.zero_option)
        .collect();
    if filled.len() > MAX_OPTIONS {
        errors.add(
            "options",
            "too_many",
            msg!(
                "error-kompas-too-many-options",
                "Leg ten hoogste {max} opties vast (nu {count}).",
                max = MAX_OPTIONS,
                count = filled.len()
            ),
        );
        return Vec::new();
    }
    let zero_options = filled.iter().filter(|(_, o)| o.zero_option).count();
    if zero_options > 1 {
        errors.add(
            "options",
            "more_than_one_zero_option",
            msg!(
                "error-kompas-two-zero-options",
                "Markeer één optie als nuloptie (nu {count}).",
                count = zero_options
            ),
        );
    }
    let mut options = Vec::new();
    for (i, row) in filled {
        let title = errors.collect(parse_line(
            &format!("options[{i}].title"),
            &row.title,
            MAX_TITLE_CHARS,
            true,
        ));
        let description = errors.collect(parse_paragraphs(
            &format!("options[{i}].description"),
            &row.description,
            MAX_DESCRIPTION_CHARS,
            false,
        ));
        if let (Some(Some(title)), Some(description)) = (title, description) {
            options.push(PolicyOption {
                title,
                description,
                zero_option: row.zero_option,
            });
        }
    }
    options
}
