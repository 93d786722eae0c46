//! Scores, profiles (one score per dimension), the ideal type and the ROB reference profiles.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::Dimension;
use crate::ValidationErrors;

/// A stated stance on one dimension: a whole number 1–5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(value: u8) -> Option<Self> {
        (Self::MIN..=Self::MAX).contains(&value).then_some(Self(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Parses form input: "3" is fine; "0", "6", "3.5", "3,5" and "drie" are not.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ValidationErrors::single(
                field,
                "required",
                crate::msg!("error-score-choose", "Kies een score van 1 tot en met 5."),
            ));
        }
        match raw.parse::<i64>() {
            Ok(n) => Self::from_integer(field, n),
            Err(_) => Err(not_a_whole_number(field, raw)),
        }
    }

    /// Parses a JSON value: only the integers 1–5 are scores.
    pub fn from_json(field: &str, value: &serde_json::Value) -> Result<Self, ValidationErrors> {
        match value {
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Self::from_integer(field, i),
                None => Err(not_a_whole_number(field, &n.to_string())),
            },
            serde_json::Value::Null => Err(ValidationErrors::single(
                field,
                "required",
                crate::msg!("error-score-give", "Geef een score van 1 tot en met 5."),
            )),
            other => Err(not_a_whole_number(field, &other.to_string())),
        }
    }

    fn from_integer(field: &str, n: i64) -> Result<Self, ValidationErrors> {
        u8::try_from(n).ok().and_then(Self::new).ok_or_else(|| {
            ValidationErrors::single(
                field,
                "out_of_range",
                crate::msg!(
                    "error-score-out-of-range",
                    "De score {score} ligt buiten de schaal; kies 1 tot en met 5.",
                    score = n
                ),
            )
        })
    }
}

fn not_a_whole_number(field: &str, raw: &str) -> ValidationErrors {
    ValidationErrors::single(
        field,
        "not_a_score",
        crate::msg!(
            "error-not-a-score",
            "{value} is geen score; kies een geheel getal van 1 tot en met 5.",
            value = raw
        ),
    )
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value).ok_or_else(|| format!("score {value} is not in 1..=5"))
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> Self {
        score.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One score per dimension, in the order of [`Dimension::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Profile(pub [Score; 6]);

impl Profile {
    /// Builds a profile from six numbers; `None` when any is outside 1–5.
    pub fn from_values(values: [u8; 6]) -> Option<Self> {
        let mut scores = [Score(1); 6];
        for (slot, value) in scores.iter_mut().zip(values) {
            *slot = Score::new(value)?;
        }
        Some(Self(scores))
    }

    pub fn get(&self, dimension: Dimension) -> Score {
        self.0[dimension.index()]
    }

    pub fn values(&self) -> [u8; 6] {
        self.0.map(Score::value)
    }

    /// The distance between two profiles: the sum over the six dimensions of the absolute
    /// difference in scale points (L1). 0 means identical; 24 is the largest possible.
    pub fn distance(&self, other: &Profile) -> u32 {
        self.0
            .iter()
            .zip(other.0.iter())
            .map(|(a, b)| u32::from(a.0.abs_diff(b.0)))
            .sum()
    }
}

impl Serialize for Profile {
    /// A profile is written as an object keyed by dimension, e.g. `{"beleidsambitie-rijk": 3, …}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(6))?;
        for d in Dimension::ALL {
            map.serialize_entry(d.key(), &self.get(d).0)?;
        }
        map.end()
    }
}

/// A published profile to compare stances against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReferenceProfile {
    pub key: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub scores: Profile,
}

const fn p(values: [u8; 6]) -> Profile {
    Profile([
        Score(values[0]),
        Score(values[1]),
        Score(values[2]),
        Score(values[3]),
        Score(values[4]),
        Score(values[5]),
    ])
}

/// "Gelijkwaardig partnerschap in zuiverste vorm" — the default the ROB proposes.
pub const IDEAL_TYPE: ReferenceProfile = ReferenceProfile {
    key: "ideaaltype",
    name: "Gelijkwaardig partnerschap (ideaaltype)",
    description: "Gelijkwaardig partnerschap in zijn meest zuivere vorm; volgens de ROB de default optie, waarvan met argumenten onderbouwd kan worden afgeweken.",
    scores: p([3, 1, 3, 3, 3, 1]),
};

/// The ideal type and the three cases of figure 5.1 / annex III (an illustration, not an
/// evaluation, as the ROB says).
pub const REFERENCE_PROFILES: [ReferenceProfile; 4] = [
    ReferenceProfile {
        key: "mirt",
        name: "MIRT",
        description: "Meerjarenprogramma Infrastructuur, Ruimte en Transport, zoals de ROB het in bijlage III illustreert.",
        scores: p([3, 1, 1, 5, 1, 5]),
    },
    ReferenceProfile {
        key: "res",
        name: "RES",
        description: "Regionale Energiestrategie, zoals de ROB het in bijlage III illustreert.",
        scores: p([5, 3, 2, 2, 4, 3]),
    },
    ReferenceProfile {
        key: "regio-deals",
        name: "Regio Deals",
        description: "Regio Deals, zoals de ROB het in bijlage III illustreert.",
        scores: p([3, 1, 3, 2, 5, 3]),
    },
    IDEAL_TYPE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reference_profiles_are_the_published_values() {
        let values: Vec<_> = REFERENCE_PROFILES
            .iter()
            .map(|r| (r.key, r.scores.values()))
            .collect();
        assert_eq!(
            values,
            [
                ("mirt", [3, 1, 1, 5, 1, 5]),
                ("res", [5, 3, 2, 2, 4, 3]),
                ("regio-deals", [3, 1, 3, 2, 5, 3]),
                ("ideaaltype", [3, 1, 3, 3, 3, 1]),
            ]
        );
    }

    #[test]
    fn form_scores_outside_the_scale_are_refused_with_a_reason() {
        assert_eq!(Score::parse_field("s", "3").unwrap().value(), 3);
        for (raw, code) in [
            ("0", "out_of_range"),
            ("6", "out_of_range"),
            ("-1", "out_of_range"),
            ("3.5", "not_a_score"),
            ("3,5", "not_a_score"),
            ("drie", "not_a_score"),
            ("", "required"),
        ] {
            let err = Score::parse_field("s", raw).unwrap_err();
            assert_eq!(err.errors[0].code, code, "input {raw:?}");
            assert_eq!(err.errors[0].field, "s");
        }
    }

    #[test]
    fn json_scores_must_be_whole_numbers() {
        use serde_json::json;
        assert_eq!(Score::from_json("s", &json!(5)).unwrap().value(), 5);
        for (value, code) in [
            (json!(0), "out_of_range"),
            (json!(6), "out_of_range"),
            (json!(3.5), "not_a_score"),
            (json!("drie"), "not_a_score"),
            (json!("3"), "not_a_score"),
            (json!(null), "required"),
            (json!(300), "out_of_range"),
        ] {
            assert_eq!(
                Score::from_json("s", &value).unwrap_err().errors[0].code,
                code,
                "{value}"
            );
        }
    }

    #[test]
    fn profile_serialises_by_dimension_key() {
        let json = serde_json::to_value(IDEAL_TYPE.scores).unwrap();
        assert_eq!(json["verplicht-karakter"], 1);
        assert_eq!(json["verantwoordelijkheid-uitvoering"], 3);
    }

    #[test]
    fn distance_between_mirt_and_ideal() {
        // |3-3|+|1-1|+|1-3|+|5-3|+|1-3|+|5-1| = 10
        assert_eq!(REFERENCE_PROFILES[0].scores.distance(&IDEAL_TYPE.scores), 10);
    }

    fn profile() -> impl Strategy<Value = Profile> {
        proptest::array::uniform6(1u8..=5).prop_map(|v| Profile::from_values(v).unwrap())
    }

    proptest! {
        #[test]
        fn distance_is_a_metric(a in profile(), b in profile(), c in profile()) {
            prop_assert_eq!(a.distance(&a), 0);
            prop_assert_eq!(a.distance(&b), b.distance(&a));
            prop_assert!(a.distance(&c) <= a.distance(&b) + b.distance(&c));
            prop_assert!(a.distance(&b) <= 24);
            prop_assert_eq!(a.distance(&b) == 0, a == b);
        }

        #[test]
        fn only_one_to_five_are_scores(n in any::<i64>()) {
            let parsed = Score::parse_field("s", &n.to_string());
            prop_assert_eq!(parsed.is_ok(), (1..=5).contains(&n));
        }
    }
}
