//! The filters of the collaboration list, parsed once for the list page, the signals page and
//! the API: types, name, organisations, regions, signals, policy area, running/ended, order and
//! the keyset cursor. They arrive as text (a query string, in which a filter may repeat and a
//! value may list several, comma-separated) and leave as a [`CollaborationFilter`] or a
//! message per field. "Running" and the signals are judged on the day the caller passes, which
//! is the app's clock ([`crate::App::today`]).

use chrono::NaiveDate;
use samenspel_domain::ValidationErrors;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgCode;
use samenspel_domain::signals::SignalKind;
use samenspel_store::{Activity, CollaborationFilter, ListOrder, SignalFilter};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};

use crate::regions::region_members;

#[cfg(test)]
mod tests;

/// The value of the signal filter that asks for any signal at all.
pub const ANY_SIGNAL: &str = "any";

/// The query of the collaboration list, still text. The API documents it under these names;
/// the pages use the Dutch names of [`FieldNames::PAGE`].
#[derive(Debug, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CollaborationQuery {
    /// Only these types (repeat the parameter, or separate them by commas).
    #[param(rename = "type", schema_with = kinds_filter)]
    pub kinds: Vec<String>,
    /// Part of the name (case and accents ignored).
    pub q: Option<String>,
    /// Only collaborations in which at least one of these organisations (codes) takes part.
    #[param(schema_with = codes_filter)]
    pub organisation: Vec<String>,
    /// Only collaborations with a municipality in one of these regions:
    /// `<division>:<region code>`, e.g. `veiligheidsregio:VR13` (see `/api/v1/divisions`).
    #[param(schema_with = regions_filter)]
    pub region: Vec<String>,
    /// Only collaborations with at least one of these signals today, or `any` for any signal.
    #[param(schema_with = signals_filter)]
    pub signal: Vec<String>,
    /// Only collaborations with a policy area containing this text, e.g. `veiligheid`.
    #[param(rename = "policyArea")]
    pub policy_area: Option<String>,
    /// `lopend` (running today) or `beeindigd` (end date passed).
    #[param(schema_with = status_filter)]
    pub status: Option<String>,
    /// `naam` (by name, the default) or `signalen` (most signals first).
    #[param(schema_with = order_filter)]
    pub sort: Option<String>,
    /// Keyset paging in name order: only collaborations after the one with this id (the last
    /// of the previous page); `offset` is then not used. Ignored with `sort=signalen`.
    #[param(minimum = 1)]
    pub after: Option<i64>,
}

/// The names of the query's parameters: the API's, or the pages' Dutch ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldNames {
    pub kind: &'static str,
    pub q: &'static str,
    pub organisation: &'static str,
    pub region: &'static str,
    pub signal: &'static str,
    pub policy_area: &'static str,
    pub status: &'static str,
    pub sort: &'static str,
    pub after: &'static str,
}

impl FieldNames {
    pub const API: FieldNames = FieldNames {
        kind: "type",
        q: "q",
        organisation: "organisation",
        region: "region",
        signal: "signal",
        policy_area: "policyArea",
        status: "status",
        sort: "sort",
        after: "after",
    };

    pub const PAGE: FieldNames = FieldNames {
        kind: "type",
        q: "q",
        organisation: "organisatie",
        region: "regio",
        signal: "signaal",
        policy_area: "beleidsterrein",
        status: "status",
        sort: "sorteer",
        after: "na",
    };
}

/// The keys of the orders, as the query names them.
pub fn order_key(order: ListOrder) -> &'static str {
    match order {
        ListOrder::Name => "naam",
        ListOrder::Signals => "signalen",
    }
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

/// A parameter that may repeat, each value one of `keys` (or several of them, comma-separated).
fn keys_filter_schema(description: &str, keys: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    let item = ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(keys));
    ArrayBuilder::new()
        .items(item)
        .description(Some(description))
        .into()
}

fn texts_filter_schema(description: &str) -> RefOr<Schema> {
    ArrayBuilder::new()
        .items(ObjectBuilder::new().schema_type(SchemaType::new(Type::String)))
        .description(Some(description))
        .into()
}

fn kinds_filter() -> RefOr<Schema> {
    keys_filter_schema(
        "Only these types (repeat the parameter).",
        CollaborationKind::ALL.iter().map(|kind| kind.key()),
    )
}

fn codes_filter() -> RefOr<Schema> {
    texts_filter_schema("Organisation codes (repeat the parameter), e.g. GM0344.")
}

fn regions_filter() -> RefOr<Schema> {
    texts_filter_schema(
        "Regions `<division>:<region code>` (repeat the parameter), e.g. veiligheidsregio:VR13.",
    )
}

fn signals_filter() -> RefOr<Schema> {
    keys_filter_schema(
        "Signals (repeat the parameter), or `any`.",
        std::iter::once(ANY_SIGNAL).chain(SignalKind::ALL.iter().map(|k| k.key())),
    )
}

fn status_filter() -> RefOr<Schema> {
    key_filter_schema(
        "`lopend` (running today) or `beeindigd` (end date passed).",
        [Activity::Lopend.key(), Activity::Beeindigd.key()],
    )
}

fn order_filter() -> RefOr<Schema> {
    key_filter_schema(
        "`naam` (by name) or `signalen` (most signals first).",
        [order_key(ListOrder::Name), order_key(ListOrder::Signals)],
    )
}

/// A value that was given: trimmed, and not empty.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl CollaborationQuery {
    /// The query from a query string's pairs under `names`; a repeated single-valued
    /// parameter keeps its last value, a list parameter gathers every value (and splits
    /// values at commas).
    pub fn from_pairs(pairs: &[(String, String)], names: &FieldNames) -> Self {
        let mut query = Self::default();
        for (key, value) in pairs {
            let key = key.as_str();
            let list = if key == names.kind {
                Some(&mut query.kinds)
            } else if key == names.organisation {
                Some(&mut query.organisation)
            } else if key == names.region {
                Some(&mut query.region)
            } else if key == names.signal {
                Some(&mut query.signal)
            } else {
                None
            };
            if let Some(list) = list {
                list.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned),
                );
                continue;
            }
            let single = if key == names.q {
                &mut query.q
            } else if key == names.policy_area {
                &mut query.policy_area
            } else if key == names.status {
                &mut query.status
            } else if key == names.sort {
                &mut query.sort
            } else if key == names.after {
                // Not a number: 0, which `parse` refuses naming the field.
                query.after = given(Some(value)).map(|v| v.parse().unwrap_or(0));
                continue;
            } else {
                continue;
            };
            *single = Some(value.clone());
        }
        query
    }

    /// The filter this query asks for, judged on `today`, or every field that is wrong
    /// (named by `names`).
    pub fn parse(
        &self,
        names: &FieldNames,
        today: NaiveDate,
    ) -> Result<CollaborationFilter, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let kinds = self
            .kinds
            .iter()
            .filter_map(|key| errors.collect(CollaborationKind::parse_field(names.kind, key)))
            .collect();
        let organisations = self
            .organisation
            .iter()
            .filter_map(|code| errors.collect(OrgCode::parse_field(names.organisation, code)))
            .collect();
        let mut any_partner: Option<Vec<OrgCode>> = None;
        for region in &self.region {
            if let Some(members) = errors.collect(region_members(names.region, region)) {
                any_partner.get_or_insert_with(Vec::new).extend(members);
            }
        }
        let signals = self.signals(names, &mut errors);
        let activity = given(self.status.as_deref()).and_then(|key| match Activity::from_key(key) {
            Some(activity) => Some((activity, today)),
            None => {
                errors.add(
                    names.status,
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
        let order = match given(self.sort.as_deref()) {
            None => ListOrder::Name,
            Some(key) if key == order_key(ListOrder::Name) => ListOrder::Name,
            Some(key) if key == order_key(ListOrder::Signals) => ListOrder::Signals,
            Some(key) => {
                errors.add(
                    names.sort,
                    "unknown_order",
                    samenspel_domain::msg!(
                        "error-unknown-order",
                        "'{value}' is geen volgorde; kies naam of signalen.",
                        value = key
                    ),
                );
                ListOrder::Name
            }
        };
        let after = match self.after {
            Some(id) if id < 1 => {
                errors.add(
                    names.after,
                    "bad_cursor",
                    samenspel_domain::msg!(
                        "error-bad-cursor",
                        "Geef bij '{field}' het nummer van de laatste samenwerking van de vorige pagina.",
                        field = names.after
                    ),
                );
                None
            }
            // Most signals first has no keyset: the cursor is ignored, as `offset` pages it.
            Some(_) if order != ListOrder::Name => None,
            other => other,
        };
        errors.finish(|| CollaborationFilter {
            kinds,
            query: given(self.q.as_deref()).map(str::to_owned),
            organisations,
            any_partner,
            policy_area: given(self.policy_area.as_deref()).map(str::to_owned),
            activity,
            signals,
            order,
            after,
            today,
            ..Default::default()
        })
    }

    fn signals(&self, names: &FieldNames, errors: &mut ValidationErrors) -> SignalFilter {
        if self.signal.is_empty() {
            return SignalFilter::None;
        }
        if self.signal.iter().any(|s| s == ANY_SIGNAL) {
            return SignalFilter::Any;
        }
        SignalFilter::AnyOf(
            self.signal
                .iter()
                .filter_map(|key| errors.collect(SignalKind::parse_field(names.signal, key)))
                .collect(),
        )
    }
}
