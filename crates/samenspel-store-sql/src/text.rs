//! Values the SQL is given or compares against, computed in plain Rust: search patterns,
//! audit times, the next assigned organisation code, and the refusals only the database can
//! detect. Pure, and tested here once for both backends.

use chrono::{DateTime, Utc};
use samenspel_domain::ValidationErrors;
use samenspel_domain::org::OrgCode;
use samenspel_store::Visibility;

/// Audit times are kept to the microsecond, the precision both databases store, so the hash
/// computed on writing can be recomputed from what was read back.
pub fn audit_time(at: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{DurationRound, TimeDelta};
    at.duration_trunc(TimeDelta::microseconds(1)).unwrap_or(at)
}

/// The form of an audit time that the hash covers.
pub fn audit_time_text(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// The flags of a visibility for the SQL: (see everything, user whose drafts are visible).
pub(crate) fn visibility_flags(visibility: &Visibility) -> (bool, Option<i64>) {
    match visibility {
        Visibility::Published => (false, None),
        Visibility::PublishedAndDraftsOfUser(user) => (false, Some(*user)),
        Visibility::All => (true, None),
    }
}

/// Policy areas as stored: a JSON array, or NULL when there are none.
pub(crate) fn policy_areas_text(areas: &[String]) -> Result<Option<String>, serde_json::Error> {
    (!areas.is_empty())
        .then(|| serde_json::to_string(areas))
        .transpose()
}

/// A case-insensitive `LIKE` pattern (lower case) for text containing `needle` literally.
pub(crate) fn contains_pattern(needle: &str) -> String {
    format!("%{}%", escape_like(&needle.to_lowercase()))
}

/// `%`, `_` and `\` matched literally in a `LIKE … ESCAPE '\'`.
fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// `LIKE` patterns for a search: one for the name's search key (substring), one for the code
/// (prefix, upper-case). `%`, `_` and `\` in the query are matched literally.
pub(crate) fn like_patterns(query: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(query) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        return (None, None);
    };
    let name = format!("%{}%", escape_like(&samenspel_domain::text::search_key(query)));
    let code = format!("{}%", escape_like(&query.to_ascii_uppercase()));
    (Some(name), Some(code))
}

/// The code after the last one Samenspel assigned.
pub(crate) fn next_added_code(last: Option<&str>) -> OrgCode {
    let last_number = last
        .and_then(|c| c.strip_prefix("OR"))
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(0);
    OrgCode::for_added(last_number.saturating_add(1))
}

/// A count from the database as the unsigned number it is.
pub(crate) fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

pub(crate) fn duplicate_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "duplicate_partner",
        samenspel_domain::msg!(
            "error-duplicate-partner",
            "{code} is al partner in deze samenwerking.",
            code = code
        ),
    )
}

pub(crate) fn unknown_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "unknown_organisation",
        samenspel_domain::msg!(
            "error-unknown-organisation",
            "Er is geen organisatie met code {code}.",
            code = code
        ),
    )
}

pub(crate) fn not_a_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "not_a_partner",
        samenspel_domain::msg!(
            "error-not-a-partner-stance",
            "{code} is geen partner in deze samenwerking; alleen partners geven hun standpunt.",
            code = code
        ),
    )
}

pub(crate) fn not_a_paying_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "partner",
        "not_a_partner",
        samenspel_domain::msg!(
            "error-not-a-partner-money",
            "{code} is geen partner in deze samenwerking; alleen partners brengen geld in.",
            code = code
        ),
    )
}

pub(crate) fn email_taken(email: &str) -> ValidationErrors {
    ValidationErrors::single(
        "email",
        "email_taken",
        samenspel_domain::msg!(
            "error-email-taken",
            "Er is al een account met e-mailadres {email}.",
            email = email
        ),
    )
}

/// A phase that has stances may not disappear from the list.
pub(crate) fn check_phases_kept(
    phases_with_stances: &[String],
    new_phases: &[String],
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    for phase in phases_with_stances {
        if !new_phases.iter().any(|p| p == phase) {
            errors.add(
                "phases",
                "phase_in_use",
                samenspel_domain::msg!(
                    "error-phase-in-use",
                    "De fase '{phase}' heeft al standpunten en kan niet worden verwijderd of hernoemd.",
                    phase = phase
                ),
            );
        }
    }
    errors.finish(|| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        let (name, code) = like_patterns(Some(" 50%_a\\ "));
        assert_eq!(name.as_deref(), Some("%50\\%\\_a\\\\%"));
        assert_eq!(code.as_deref(), Some("50\\%\\_A\\\\%"));
        assert_eq!(like_patterns(Some("  ")), (None, None));
    }

    #[test]
    fn like_patterns_fold_accents() {
        assert_eq!(like_patterns(Some("Fryslân")).0.as_deref(), Some("%fryslan%"));
    }

    #[test]
    fn added_codes_count_up() {
        assert_eq!(next_added_code(None).as_str(), "OR000001");
        assert_eq!(next_added_code(Some("OR000041")).as_str(), "OR000042");
    }

    #[test]
    fn removing_a_phase_with_stances_is_refused() {
        let used = vec!["uitvoering".to_string()];
        assert!(check_phases_kept(&used, &["uitvoering".into(), "evaluatie".into()]).is_ok());
        assert_eq!(
            check_phases_kept(&used, &["evaluatie".into()])
                .unwrap_err()
                .errors[0]
                .field,
            "phases"
        );
    }

    #[test]
    fn policy_areas_are_null_when_empty() {
        assert_eq!(policy_areas_text(&[]).ok(), Some(None));
        assert_eq!(
            policy_areas_text(&["wonen".into()]).ok(),
            Some(Some("[\"wonen\"]".to_owned()))
        );
    }
}
