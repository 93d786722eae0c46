//! The filters of the collaboration list, parsed once for the list page and the API: type,
//! name, organisation, region, policy area and running/ended. They arrive as text (a query
//! string) and leave as a [`CollaborationFilter`] or a message per field. "Running" is judged
//! on the day the caller passes, which is the app's clock ([`crate::App::today`]).

use chrono::NaiveDate;
use samenspel_domain::ValidationErrors;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgCode;
use samenspel_store::{Activity, CollaborationFilter};
use serde::Deserialize;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

use crate::regions::region_members;

/// The API's query of the collaboration list, still text.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CollaborationQuery {
    /// Only this type: `mirt`, `res`, `regio-deal`, `city-deal`, `woondeal`,
    /// `gemeenschappelijke-regeling`, `bestuursakkoord`, `convenant`, `overig`.
    #[serde(rename = "type")]
    #[param(rename = "type", schema_with = kind_filter)]
    pub kind: Option<String>,
    /// Part of the name (case and accents ignored).
    pub q: Option<String>,
    /// Only collaborations this organisation (code) takes part in.
    pub organisation: Option<String>,
    /// Only collaborations with a municipality in this region: `<division>:<region code>`,
    /// e.g. `veiligheidsregio:VR13` (see `/api/v1/divisions`).
    pub region: Option<String>,
    /// Only collaborations with a policy area containing this text, e.g. `veiligheid`.
    pub policy_area: Option<String>,
    /// `lopend` (running today) or `beeindigd` (end date passed).
    #[param(schema_with = status_filter)]
    pub status: Option<String>,
}

/// The schema of a query parameter that takes one of `keys`, or nothing: an empty value (as a
/// form sends an unchosen filter) filters nothing. The parameter's description goes into the
/// schema, as a parameter with its own schema has no other place for it.
pub fn key_filter_schema(description: &str, keys: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description(Some(format!("{description} Empty: no filter.")))
        .enum_values(Some(std::iter::once("").chain(keys)))
        .into()
}

fn kind_filter() -> RefOr<Schema> {
    key_filter_schema(
        "Only this type.",
        CollaborationKind::ALL.iter().map(|kind| kind.key()),
    )
}

fn status_filter() -> RefOr<Schema> {
    key_filter_schema(
        "`lopend` (running today) or `beeindigd` (end date passed).",
        [Activity::Lopend.key(), Activity::Beeindigd.key()],
    )
}

/// The filters on region, policy area and running/ended, shared by the list page and the API.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExtraFilters {
    pub any_partner: Option<Vec<OrgCode>>,
    pub policy_area: Option<String>,
    pub activity: Option<(Activity, NaiveDate)>,
}

/// A value that was given: trimmed, and not empty.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl ExtraFilters {
    /// Parses region, policy area and status; `(region_field, status_field)` name the fields
    /// in messages (the page calls them `regio` and `status`, the API `region` and `status`).
    pub fn parse(
        region: Option<&str>,
        policy_area: Option<&str>,
        status: Option<&str>,
        (region_field, status_field): (&str, &str),
        today: NaiveDate,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let any_partner = given(region).and_then(|r| errors.collect(region_members(region_field, r)));
        let activity = given(status).and_then(|key| match Activity::from_key(key) {
            Some(activity) => Some((activity, today)),
            None => {
                errors.add(
                    status_field,
                    "unknown_status",
                    samenspel_domain::msg!(
                        "error-unknown-status",
                        "'{value}' is geen status; kies lopend of beeindigd.",
                        value = key
                    ),
                );
                None
            }
        });
        errors.finish(|| Self {
            any_partner,
            policy_area: given(policy_area).map(str::to_owned),
            activity,
        })
    }
}

impl CollaborationQuery {
    /// The filter this query asks for, judged on `today`, or every field that is wrong.
    pub fn parse(&self, today: NaiveDate) -> Result<CollaborationFilter, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let kind = given(self.kind.as_deref())
            .and_then(|key| errors.collect(CollaborationKind::parse_field("type", key)));
        let organisation = given(self.organisation.as_deref())
            .and_then(|code| errors.collect(OrgCode::parse_field("organisation", code)));
        let extras = errors
            .collect(ExtraFilters::parse(
                self.region.as_deref(),
                self.policy_area.as_deref(),
                self.status.as_deref(),
                ("region", "status"),
                today,
            ))
            .unwrap_or_default();
        errors.finish(|| CollaborationFilter {
            kind,
            query: self.q.clone(),
            organisation,
            any_partner: extras.any_partner,
            policy_area: extras.policy_area,
            activity: extras.activity,
            ..Default::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    #[test]
    fn a_full_query_becomes_its_filter_judged_on_the_given_day() {
        let query = CollaborationQuery {
            kind: Some(" regio-deal ".into()),
            q: Some("deal".into()),
            organisation: Some("GM0363".into()),
            region: Some("veiligheidsregio:VR13".into()),
            policy_area: Some(" veiligheid ".into()),
            status: Some("lopend".into()),
        };
        let filter = query.parse(day()).unwrap();
        assert_eq!(filter.kind, Some(CollaborationKind::RegioDeal));
        assert_eq!(filter.query.as_deref(), Some("deal"));
        assert_eq!(filter.organisation.as_ref().map(OrgCode::as_str), Some("GM0363"));
        assert!(filter.any_partner.is_some_and(|members| !members.is_empty()));
        assert_eq!(filter.policy_area.as_deref(), Some("veiligheid"));
        assert_eq!(filter.activity, Some((Activity::Lopend, day())));
    }

    #[test]
    fn empty_values_filter_nothing() {
        let query = CollaborationQuery {
            kind: Some(" ".into()),
            status: Some(String::new()),
            ..Default::default()
        };
        let filter = query.parse(day()).unwrap();
        assert_eq!(
            (filter.kind, filter.activity, filter.any_partner),
            (None, None, None)
        );
    }

    #[test]
    fn every_wrong_field_is_named() {
        let query = CollaborationQuery {
            kind: Some("fusie".into()),
            organisation: Some("?".into()),
            region: Some("nergens:X".into()),
            status: Some("bezig".into()),
            ..Default::default()
        };
        let errors = query.parse(day()).unwrap_err();
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["type", "organisation", "region", "status"]);
        let page = ExtraFilters::parse(Some("nergens:X"), None, Some("bezig"), ("regio", "status"), day());
        let fields: Vec<String> = page.unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["regio", "status"]);
    }
}
