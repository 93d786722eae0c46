//! Turning raw column values into domain types, and the messages for refusals that only the
//! database can detect. Plain functions, so the macro stays thin and this is unit-tested.

use chrono::{DateTime, NaiveDate, Utc};

use samenspel_domain::ValidationErrors;
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind, PartnerRole, WgrForm};
use samenspel_domain::org::{OrgCode, OrgType, Organisation};
use samenspel_domain::partnership::{Profile, Stance};
use samenspel_store::{
    Collaboration, CollaborationSummary, PartnerInfo, StanceRecord, StoreError, StoreResult,
};

/// A record stored as JSON (democratic control, a Moore statement), read back.
pub fn json_record<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> StoreResult<T> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::Database(format!("unexpected {what} in database: {e}")))
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Database(format!("unexpected {what} in database: {value:?}"))
}

fn code(value: String) -> StoreResult<OrgCode> {
    OrgCode::parse(&value).map_err(|_| corrupt("organisation code", &value))
}

fn org_type(value: &str) -> StoreResult<OrgType> {
    OrgType::from_key(value).ok_or_else(|| corrupt("organisation type", value))
}

pub fn kind(value: &str) -> StoreResult<CollaborationKind> {
    CollaborationKind::from_key(value).ok_or_else(|| corrupt("collaboration type", value))
}

pub struct OrganisationParts {
    pub code: String,
    pub name: String,
    pub org_type: String,
    pub abbreviation: Option<String>,
    pub province_code: Option<String>,
    pub is_reference: bool,
    pub ended: bool,
}

pub fn organisation_from_parts(parts: OrganisationParts) -> StoreResult<Organisation> {
    Ok(Organisation {
        code: code(parts.code)?,
        name: parts.name,
        org_type: org_type(&parts.org_type)?,
        abbreviation: parts.abbreviation,
        province: parts.province_code.map(code).transpose()?,
        reference: parts.is_reference,
        ended: parts.ended,
    })
}

pub fn partner_from_parts(
    org_code: String,
    name: String,
    org_type_key: String,
    role: String,
    joined_on: Option<NaiveDate>,
    notes: Option<String>,
) -> StoreResult<PartnerInfo> {
    Ok(PartnerInfo {
        code: code(org_code)?,
        name,
        org_type: org_type(&org_type_key)?,
        role: PartnerRole::from_key(&role).ok_or_else(|| corrupt("partner role", &role))?,
        joined_on,
        notes,
    })
}

pub struct CollaborationParts {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub wgr_form: Option<String>,
    pub task: Option<String>,
    pub public_value: Option<String>,
    pub region: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub demo_key: Option<String>,
    pub source_key: Option<String>,
    pub published: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub legal_basis: Option<String>,
    /// A JSON array of strings.
    pub policy_areas: Option<String>,
}

pub fn collaboration_from_parts(
    parts: CollaborationParts,
    phases: Vec<String>,
    partners: Vec<PartnerInfo>,
) -> StoreResult<Collaboration> {
    let wgr_form = parts
        .wgr_form
        .map(|w| WgrForm::from_key(&w).ok_or_else(|| corrupt("Wgr form", &w)))
        .transpose()?;
    Ok(Collaboration {
        id: parts.id,
        fields: CollaborationFields {
            name: parts.name,
            kind: kind(&parts.kind)?,
            wgr_form,
            task: parts.task,
            public_value: parts.public_value,
            region: parts.region,
            start_date: parts.start_date,
            end_date: parts.end_date,
            phases,
            legal_basis: parts.legal_basis,
            policy_areas: parts
                .policy_areas
                .map(|text| {
                    serde_json::from_str::<Vec<String>>(&text).map_err(|_| corrupt("policy areas", &text))
                })
                .transpose()?
                .unwrap_or_default(),
        },
        partners,
        version: parts.version,
        demo: parts.demo_key.is_some(),
        source_key: parts.source_key,
        published: parts.published,
        created_at: parts.created_at,
        updated_at: parts.updated_at,
    })
}

#[expect(clippy::too_many_arguments, reason = "one argument per selected column")]
pub fn summary_from_parts(
    id: i64,
    name: String,
    kind_key: String,
    region: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    partner_count: i64,
    demo: bool,
    published: bool,
) -> StoreResult<CollaborationSummary> {
    Ok(CollaborationSummary {
        id,
        name,
        kind: kind(&kind_key)?,
        region,
        start_date,
        end_date,
        partner_count: u64::try_from(partner_count).unwrap_or(0),
        demo,
        published,
    })
}

#[expect(clippy::too_many_arguments, reason = "one argument per selected column")]
pub fn stance_from_parts(
    id: i64,
    collaboration_id: i64,
    org_code: String,
    phase: Option<String>,
    scores: [i32; 6],
    motivations: [Option<String>; 6],
    stated_by: String,
    stated_at: DateTime<Utc>,
) -> StoreResult<StanceRecord> {
    let values = scores.map(|s| u8::try_from(s).unwrap_or(0));
    let profile = Profile::from_values(values).ok_or_else(|| corrupt("scores", &format!("{scores:?}")))?;
    Ok(StanceRecord {
        id,
        collaboration_id,
        code: code(org_code)?,
        phase,
        stance: Stance { profile, motivations },
        stated_by,
        stated_at,
    })
}

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

#[expect(clippy::too_many_arguments, reason = "one argument per selected column")]
pub fn involvement_from_parts(
    id: i64,
    name: String,
    kind_key: String,
    wgr_form: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    published: bool,
    role: String,
    joined_on: Option<NaiveDate>,
    control_json: Option<String>,
) -> StoreResult<samenspel_store::Involvement> {
    let control = control_json
        .map(|text| json_record("democratic control", &text))
        .transpose()?;
    Ok(samenspel_store::Involvement {
        id,
        name,
        kind: kind(&kind_key)?,
        wgr_form: wgr_form
            .map(|w| WgrForm::from_key(&w).ok_or_else(|| corrupt("Wgr form", &w)))
            .transpose()?,
        role: PartnerRole::from_key(&role).ok_or_else(|| corrupt("partner role", &role))?,
        joined_on,
        start_date,
        end_date,
        published,
        control,
        money: Vec::new(),
    })
}

/// The flags of a visibility for the SQL: (see everything, user whose drafts are visible).
pub fn visibility_flags(visibility: &samenspel_store::Visibility) -> (bool, Option<i64>) {
    match visibility {
        samenspel_store::Visibility::Published => (false, None),
        samenspel_store::Visibility::PublishedAndDraftsOfUser(user) => (false, Some(*user)),
        samenspel_store::Visibility::All => (true, None),
    }
}

/// Policy areas as stored: a JSON array, or NULL when there are none.
pub fn policy_areas_text(areas: &[String]) -> Option<String> {
    (!areas.is_empty()).then(|| serde_json::to_string(areas).unwrap_or_default())
}

/// A case-insensitive `LIKE` pattern (lower case) for text containing `needle` literally.
pub fn contains_pattern(needle: &str) -> String {
    format!("%{}%", escape_like(&needle.to_lowercase()))
}

/// `%`, `_` and `\` matched literally in a `LIKE … ESCAPE '\'`.
fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// `LIKE` patterns for a search: one for the name's search key (substring), one for the code
/// (prefix, upper-case). `%`, `_` and `\` in the query are matched literally.
pub fn like_patterns(query: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(query) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        return (None, None);
    };
    let escape = escape_like;
    let name = format!("%{}%", escape(&samenspel_domain::text::search_key(query)));
    let code = format!("{}%", escape(&query.to_ascii_uppercase()));
    (Some(name), Some(code))
}

/// The code after the last one Samenspel assigned.
pub fn next_added_code(last: Option<&str>) -> OrgCode {
    let last_number = last
        .and_then(|c| c.strip_prefix("OR"))
        .and_then(|n| n.parse::<u32>().ok())
        .unwrap_or(0);
    OrgCode::for_added(last_number.saturating_add(1))
}

pub fn parse_json(text: Option<String>) -> Option<serde_json::Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

pub fn duplicate_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "duplicate_partner",
        format!("{code} is al partner in deze samenwerking."),
    )
}

pub fn unknown_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "unknown_organisation",
        format!("Er is geen organisatie met code {code}."),
    )
}

pub fn not_a_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "code",
        "not_a_partner",
        format!("{code} is geen partner in deze samenwerking; alleen partners geven hun standpunt."),
    )
}

pub fn stale_version_message(current: &Collaboration) -> String {
    format!(
        "De samenwerking is intussen gewijzigd (nu versie {}, laatst gewijzigd {}). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.",
        current.version,
        current.updated_at.format("%Y-%m-%d %H:%M UTC")
    )
}

/// A phase that has stances may not disappear from the list.
pub fn check_phases_kept(
    phases_with_stances: &[String],
    new_phases: &[String],
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    for phase in phases_with_stances {
        if !new_phases.iter().any(|p| p == phase) {
            errors.add(
                "phases",
                "phase_in_use",
                format!("De fase '{phase}' heeft al standpunten en kan niet worden verwijderd of hernoemd."),
            );
        }
    }
    errors.finish(|| ())
}

/// The raw columns of a `contributions` row.
pub struct ContributionParts {
    pub id: i64,
    pub org_code: String,
    pub year: i64,
    pub amount_cents: i64,
    pub instrument: String,
    pub status: String,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

pub fn contribution_from_parts(parts: ContributionParts) -> StoreResult<samenspel_store::ContributionRecord> {
    use samenspel_domain::money::{Cents, Contribution, Instrument, MoneyStatus};
    Ok(samenspel_store::ContributionRecord {
        id: parts.id,
        contribution: Contribution {
            partner: code(parts.org_code)?,
            year: i32::try_from(parts.year).map_err(|_| corrupt("year", &parts.year.to_string()))?,
            amount: Cents::new(parts.amount_cents)
                .ok_or_else(|| corrupt("amount", &parts.amount_cents.to_string()))?,
            instrument: Instrument::from_key(&parts.instrument)
                .ok_or_else(|| corrupt("instrument", &parts.instrument))?,
            status: MoneyStatus::from_key(&parts.status)
                .ok_or_else(|| corrupt("money status", &parts.status))?,
        },
        recorded_by: parts.recorded_by,
        recorded_at: parts.recorded_at,
    })
}

pub fn not_a_paying_partner(code: &OrgCode) -> ValidationErrors {
    ValidationErrors::single(
        "partner",
        "not_a_partner",
        format!("{code} is geen partner in deze samenwerking; alleen partners brengen geld in."),
    )
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
    fn corrupt_scores_are_an_error_not_a_panic() {
        let result = stance_from_parts(
            1,
            1,
            "GM0363".into(),
            None,
            [0, 1, 2, 3, 4, 5],
            Default::default(),
            "x".into(),
            Utc::now(),
        );
        assert!(matches!(result, Err(StoreError::Database(_))));
    }
}
