//! A partner's stated stance: a score and a motivation per dimension.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Dimension, Profile, Score};
use crate::ValidationErrors;
use crate::text::parse_paragraphs;

pub const MAX_MOTIVATION_CHARS: usize = 4000;

/// A score as it arrived: a JSON value from the API, or text from an HTML form.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ScoreValue {
    Json(serde_json::Value),
    #[serde(skip_deserializing)]
    Form(String),
}

/// The body of `PUT …/stances/{org-code}` and of the stance form, not yet validated.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceInput {
    /// The name of one of the collaboration's phases; absent for the collaboration as a whole.
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub scores: BTreeMap<String, ScoreValue>,
    #[serde(default)]
    pub motivations: BTreeMap<String, String>,
}

/// A valid stance: all six scores, and a motivation where the partner gave one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    pub profile: Profile,
    pub motivations: [Option<String>; 6],
}

impl Stance {
    pub fn motivation(&self, dimension: Dimension) -> Option<&str> {
        self.motivations[dimension.index()].as_deref()
    }
}

impl Serialize for Stance {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let motivations: BTreeMap<&str, &str> = Dimension::ALL
            .into_iter()
            .filter_map(|d| self.motivation(d).map(|m| (d.key(), m)))
            .collect();
        let mut s = serializer.serialize_struct("Stance", 2)?;
        s.serialize_field("scores", &self.profile)?;
        s.serialize_field("motivations", &motivations)?;
        s.end()
    }
}

impl StanceInput {
    /// Validates the scores (all six required, whole numbers 1–5), the motivations (known
    /// dimensions, bounded text) and the phase (one of `phases`, matched case-insensitively).
    /// Returns the stance and the canonical phase name.
    pub fn parse(&self, phases: &[String]) -> Result<(Stance, Option<String>), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        for key in self.scores.keys() {
            if Dimension::from_key(key).is_none() {
                errors.add(
                    format!("scores.{key}"),
                    "unknown_dimension",
                    unknown_dimension(key),
                );
            }
        }
        for key in self.motivations.keys() {
            if Dimension::from_key(key).is_none() {
                errors.add(
                    format!("motivations.{key}"),
                    "unknown_dimension",
                    unknown_dimension(key),
                );
            }
        }
        let mut scores: [Option<Score>; 6] = [None; 6];
        let mut motivations: [Option<String>; 6] = Default::default();
        for d in Dimension::ALL {
            let field = format!("scores.{}", d.key());
            scores[d.index()] = match self.scores.get(d.key()) {
                None => {
                    errors.add(
                        &field,
                        "required",
                        crate::msg!("error-score-choose", "Kies een score van 1 tot en met 5."),
                    );
                    None
                }
                Some(ScoreValue::Json(value)) => errors.collect(Score::from_json(&field, value)),
                Some(ScoreValue::Form(text)) => errors.collect(Score::parse_field(&field, text)),
            };
            if let Some(text) = self.motivations.get(d.key()) {
                let field = format!("motivations.{}", d.key());
                motivations[d.index()] = errors
                    .collect(parse_paragraphs(&field, text, MAX_MOTIVATION_CHARS, false))
                    .flatten();
            }
        }
        let phase = errors
            .collect(resolve_phase(phases, self.phase.as_deref()))
            .flatten();
        let [a, b, c, d, e, f] = scores;
        match (errors.is_empty(), a.zip(b).zip(c).zip(d).zip(e).zip(f)) {
            (true, Some((((((a, b), c), d), e), f))) => Ok((
                Stance {
                    profile: Profile([a, b, c, d, e, f]),
                    motivations,
                },
                phase,
            )),
            _ => Err(errors),
        }
    }
}

/// Finds the phase named `raw` among `phases`; empty means the collaboration as a whole.
fn unknown_dimension(key: &str) -> crate::Message {
    crate::msg!(
        "error-unknown-dimension",
        "'{key}' is geen dimensie van het model.",
        key = key
    )
}

pub fn resolve_phase(phases: &[String], raw: Option<&str>) -> Result<Option<String>, ValidationErrors> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    phases
        .iter()
        .find(|p| p.eq_ignore_ascii_case(raw))
        .map(|p| Some(p.clone()))
        .ok_or_else(|| {
            ValidationErrors::single(
                "phase",
                "unknown_phase",
                crate::msg!(
                    "error-unknown-phase",
                    "Deze samenwerking heeft geen fase '{phase}'.",
                    phase = raw
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(value: serde_json::Value) -> StanceInput {
        serde_json::from_value(value).unwrap()
    }

    fn full_scores() -> serde_json::Value {
        json!({
            "beleidsambitie-rijk": 3, "verplicht-karakter": 1, "decentrale-middelen": 3,
            "eisen-aan-uitvoering": 5, "verantwoordelijkheid-uitvoering": 3, "verantwoording-aan-rijk": 1
        })
    }

    #[test]
    fn a_full_stance_parses_with_motivations() {
        let input = body(
            json!({"scores": full_scores(), "motivations": {"eisen-aan-uitvoering": "  Wettelijke eisen.  "}}),
        );
        let (stance, phase) = input.parse(&[]).unwrap();
        assert_eq!(stance.profile.values(), [3, 1, 3, 5, 3, 1]);
        assert_eq!(
            stance.motivation(Dimension::EisenAanUitvoering),
            Some("Wettelijke eisen.")
        );
        assert_eq!(stance.motivation(Dimension::BeleidsambitieRijk), None);
        assert_eq!(phase, None);
    }

    #[test]
    fn missing_and_bad_scores_name_each_field() {
        let input = body(
            json!({"scores": {"beleidsambitie-rijk": 0, "verplicht-karakter": "drie", "decentrale-middelen": 3.5}}),
        );
        let err = input.parse(&[]).unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("scores.beleidsambitie-rijk", "out_of_range"),
                ("scores.verplicht-karakter", "not_a_score"),
                ("scores.decentrale-middelen", "not_a_score"),
                ("scores.eisen-aan-uitvoering", "required"),
                ("scores.verantwoordelijkheid-uitvoering", "required"),
                ("scores.verantwoording-aan-rijk", "required"),
            ]
        );
    }

    #[test]
    fn unknown_dimensions_and_fields_are_refused() {
        let mut scores = full_scores();
        scores["zevende"] = json!(3);
        let err = body(json!({"scores": scores})).parse(&[]).unwrap_err();
        assert_eq!(err.errors[0].field, "scores.zevende");
        assert!(serde_json::from_value::<StanceInput>(json!({"score": {}})).is_err());
    }

    #[test]
    fn form_text_scores_parse_like_json() {
        let mut input = StanceInput::default();
        for d in Dimension::ALL {
            input.scores.insert(d.key().into(), ScoreValue::Form("2".into()));
        }
        assert_eq!(input.parse(&[]).unwrap().0.profile.values(), [2; 6]);
        input
            .scores
            .insert("verplicht-karakter".into(), ScoreValue::Form("3,5".into()));
        assert_eq!(
            input.parse(&[]).unwrap_err().errors[0].field,
            "scores.verplicht-karakter"
        );
    }

    #[test]
    fn phase_must_be_one_of_the_collaboration() {
        let phases = vec!["uitvraag".to_string(), "Uitvoering".to_string()];
        let ok = body(json!({"phase": "uitvoering", "scores": full_scores()}));
        assert_eq!(ok.parse(&phases).unwrap().1.as_deref(), Some("Uitvoering"));
        let bad = body(json!({"phase": "evaluatie", "scores": full_scores()}));
        assert_eq!(bad.parse(&phases).unwrap_err().errors[0].field, "phase");
    }

    #[test]
    fn stance_serialises_scores_and_given_motivations() {
        let input =
            body(json!({"scores": full_scores(), "motivations": {"verplicht-karakter": "Vrijwillig"}}));
        let (stance, _) = input.parse(&[]).unwrap();
        let json = serde_json::to_value(&stance).unwrap();
        assert_eq!(json["scores"]["eisen-aan-uitvoering"], 5);
        assert_eq!(json["motivations"], json!({"verplicht-karakter": "Vrijwillig"}));
    }
}
