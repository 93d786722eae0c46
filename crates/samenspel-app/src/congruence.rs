//! Regional congruence as a use case: the seven divisions of 2025, a single collaboration, or all
//! collaborations of one type, each taken as a grouping of the 342 municipalities, compared by
//! the measures of [`samenspel_domain::congruence`].

use samenspel_domain::ValidationErrors;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::congruence::{Congruence, congruence};
use samenspel_store::MunicipalGroup;
use serde::Serialize;

use crate::regions::{self, municipality_names};

mod coverage;
mod partner_sets;
use crate::{App, AppError, AppResult, Principal};
pub use coverage::{RegionCoverage, coverage};
pub(crate) use partner_sets::PartnerSetCache;

/// A way of grouping municipalities, named by its key: a division key (`provincie`, …),
/// `samenwerking-{id}` or `soort-{type key}`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Grouping {
    pub key: String,
    pub name: String,
    /// Whether no municipality is in two groups and every one of the 342 is in one.
    pub partition: bool,
    pub groups: Vec<Vec<String>>,
    /// What each group is, in the order of `groups`.
    pub labels: Vec<GroupLabel>,
}

/// What one group of a grouping is: a region (`code` is its code) or a collaboration (`id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct GroupLabel {
    pub id: Option<i64>,
    pub code: Option<String>,
    pub name: String,
}

/// Two groupings and how congruent they are.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CongruenceReport {
    pub a: GroupingName,
    pub b: GroupingName,
    pub measures: Congruence,
    /// When one side is a division and the other collaborations: how much of each region each
    /// collaboration covers and how much of it lies inside (see [`coverage`]).
    pub coverage: Vec<RegionCoverage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct GroupingName {
    pub key: String,
    pub name: String,
    pub groups: usize,
}

impl From<&Grouping> for GroupingName {
    fn from(g: &Grouping) -> Self {
        Self {
            key: g.key.clone(),
            name: g.name.clone(),
            groups: g.groups.len(),
        }
    }
}

/// Per municipality: how many distinct sets of partner municipalities it deals with, over the
/// seven divisions and every collaboration the reader may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PartnerSetCount {
    pub code: String,
    pub name: String,
    pub partner_sets: usize,
    pub collaborations: usize,
}

fn internal(e: String) -> AppError {
    AppError::internal(e)
}

fn division_grouping(key: &str) -> AppResult<Option<Grouping>> {
    Ok(regions::division(key).map_err(internal)?.map(|d| Grouping {
        key: d.key.to_owned(),
        name: d.name.to_owned(),
        partition: true,
        groups: d.regions.iter().map(|r| r.members.clone()).collect(),
        labels: d
            .regions
            .iter()
            .map(|r| GroupLabel {
                id: None,
                code: Some(r.code.clone()),
                name: r.name.clone(),
            })
            .collect(),
    }))
}

/// The members of a collaboration that are municipalities of 2025 (merged-away ones are not
/// on the map and in no division).
fn current_members(group: &MunicipalGroup) -> AppResult<Vec<String>> {
    let names = municipality_names().map_err(internal)?;
    Ok(group
        .members
        .iter()
        .filter(|m| names.contains_key(m.as_str()))
        .cloned()
        .collect())
}

impl App {
    /// The grouping named by `key`; `field` names the parameter in an error message.
    pub async fn grouping(&self, key: &str, field: &str, who: &Principal) -> AppResult<Grouping> {
        let key = key.trim();
        if let Some(g) = division_grouping(key)? {
            return Ok(g);
        }
        let unknown = || {
            AppError::Invalid(ValidationErrors::single(
                field,
                "unknown_grouping",
                samenspel_domain::msg!(
                    "error-unknown-grouping",
                    "'{value}' is geen bekende indeling; kies een regio-indeling, 'samenwerking-<nummer>' of 'soort-<soort>'.",
                    value = key
                ),
            ))
        };
        if key.is_empty() {
            return Err(AppError::Invalid(ValidationErrors::single(
                field,
                "required",
                samenspel_domain::msg!("error-grouping-required", "Kies een indeling."),
            )));
        }
        let visibility = crate::collaborations::visibility(who);
        if let Some(id) = key.strip_prefix("samenwerking-") {
            let id: i64 = id.parse().map_err(|_| unknown())?;
            let c = self.collaboration(id, who).await?;
            let groups = self.store.municipal_groups(&visibility).await?;
            let members = match groups.iter().find(|g| g.id == id) {
                Some(g) => current_members(g)?,
                None => Vec::new(),
            };
            let groups: Vec<Vec<String>> = vec![members].into_iter().filter(|m| !m.is_empty()).collect();
            let labels = groups
                .iter()
                .map(|_| GroupLabel {
                    id: Some(id),
                    code: None,
                    name: c.fields.name.clone(),
                })
                .collect();
            return Ok(Grouping {
                key: key.to_owned(),
                name: c.fields.name,
                partition: false,
                groups,
                labels,
            });
        }
        if let Some(kind) = key.strip_prefix("soort-").and_then(CollaborationKind::from_key) {
            let groups = self.store.municipal_groups(&visibility).await?;
            let mut members = Vec::new();
            let mut labels = Vec::new();
            for g in groups.iter().filter(|g| g.kind == kind) {
                let m = current_members(g)?;
                if !m.is_empty() {
                    members.push(m);
                    labels.push(GroupLabel {
                        id: Some(g.id),
                        code: None,
                        name: g.name.clone(),
                    });
                }
            }
            return Ok(Grouping {
                key: key.to_owned(),
                name: format!("Alle samenwerkingen van de soort {}", kind.label_nl()),
                partition: false,
                groups: members,
                labels,
            });
        }
        Err(unknown())
    }

    /// How congruent two groupings are.
    pub async fn congruence(&self, a: &str, b: &str, who: &Principal) -> AppResult<CongruenceReport> {
        let ga = self.grouping(a, "a", who).await;
        let gb = self.grouping(b, "b", who).await;
        let (ga, gb) = match (ga, gb) {
            (Ok(ga), Ok(gb)) => (ga, gb),
            (Err(AppError::Invalid(mut ea)), Err(AppError::Invalid(eb))) => {
                ea.errors.extend(eb.errors);
                return Err(AppError::Invalid(ea));
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        Ok(CongruenceReport {
            measures: congruence(&ga.groups, &gb.groups),
            coverage: coverage(&ga, &gb),
            a: (&ga).into(),
            b: (&gb).into(),
        })
    }

    /// Every pair of the seven divisions of 2025, compared (a → b for a before b).
    pub fn division_congruence() -> AppResult<Vec<CongruenceReport>> {
        let divisions = regions::divisions().map_err(internal)?;
        let mut reports = Vec::new();
        for (i, a) in divisions.iter().enumerate() {
            for b in &divisions[i + 1..] {
                let (ga, gb) = (division_grouping(a.key)?, division_grouping(b.key)?);
                if let (Some(ga), Some(gb)) = (ga, gb) {
                    reports.push(CongruenceReport {
                        measures: congruence(&ga.groups, &gb.groups),
                        coverage: Vec::new(),
                        a: (&ga).into(),
                        b: (&gb).into(),
                    });
                }
            }
        }
        Ok(reports)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report<'a>(reports: &'a [CongruenceReport], a: &str, b: &str) -> &'a Congruence {
        &reports
            .iter()
            .find(|r| r.a.key == a && r.b.key == b)
            .unwrap()
            .measures
    }

    /// Figures checked independently (a Python script over the same CSV, outside the product).
    #[test]
    fn the_divisions_of_2025_compared() {
        let reports = App::division_congruence().unwrap();
        assert_eq!(reports.len(), 21, "seven divisions, twenty-one pairs");
        assert!(reports.iter().all(|r| r.measures.common == 342));
        let vr_ggd = report(&reports, "veiligheidsregio", "ggd-regio");
        assert_eq!(
            (vr_ggd.pairs_a, vr_ggd.pairs_b, vr_ggd.pairs_both),
            (2540, 2500, 2412)
        );
        assert!((vr_ggd.adjusted_rand.unwrap() - 0.955_207_188_486_086).abs() < 1e-12);
        let pv_vr = report(&reports, "provincie", "veiligheidsregio");
        assert_eq!(
            pv_vr.share_b_in_a,
            Some(1.0),
            "every veiligheidsregio lies within one province"
        );
        assert!((pv_vr.adjusted_rand.unwrap() - 0.537_239_722_916_082_7).abs() < 1e-12);
    }
}
