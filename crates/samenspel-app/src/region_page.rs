//! One region of a division as a page: its municipalities, the collaborations in it (wholly
//! or partly, with how much of the region each covers and how much of each lies inside), the
//! money they recorded per year, the survey waves about them, and how the region matches the
//! regions of the other divisions. Everything is read in a fixed number of store reads,
//! whatever the number of collaborations.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::congruence::{Overlap, best_match, overlap};
use samenspel_domain::money::{Cents, best_known};
use samenspel_domain::signals::Signal;
use serde::Serialize;

use crate::regions::{self, Division, Region, municipality_names};
use crate::{App, AppError, AppResult, Principal};

/// A municipality of the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RegionMunicipality {
    pub code: String,
    pub name: String,
}

/// A collaboration with municipal partners in the region.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RegionCollaboration {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollaborationKind,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Whether all its municipal partners (of 2025) lie in the region.
    pub within: bool,
    /// Whether every municipality of the region is a partner.
    pub covers_all: bool,
    /// Shared municipalities, the share of the region they are (`coverage`) and the share of
    /// the collaboration's municipalities inside the region (`inside`).
    pub overlap: Overlap,
    /// What needs attention today, as the list of collaborations shows it.
    pub signals: Vec<Signal>,
}

/// The best-known money (gerealiseerd over begroot over toegezegd) of the collaborations per
/// year: of those wholly within the region, and of those partly in it (their whole amounts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RegionMoneyYear {
    pub year: i32,
    pub within: Cents,
    pub partly: Cents,
}

/// A survey wave about one of the region's collaborations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RegionWave {
    pub key: String,
    pub title: String,
    pub collaboration_id: i64,
    pub collaboration_name: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub closed: bool,
}

/// The region of another division that matches this one best (highest Jaccard index of the
/// municipalities), with the overlap seen from this region: `coverage` is the share of this
/// region in it, `inside` the share of that region inside this one.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RegionMatch {
    pub division: String,
    pub division_name: String,
    pub code: String,
    pub name: String,
    pub overlap: Overlap,
}

/// One region of a division and everything the register knows about it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RegionReport {
    pub division: String,
    pub division_name: String,
    pub code: String,
    pub name: String,
    pub municipalities: Vec<RegionMunicipality>,
    /// By type (in the order of the types), then wholly within first, then by coverage.
    pub collaborations: Vec<RegionCollaboration>,
    pub money_per_year: Vec<RegionMoneyYear>,
    pub waves: Vec<RegionWave>,
    pub congruence: Vec<RegionMatch>,
}

/// The division and region named by key and code (the code as the division writes it, any
/// case); `NotFound("regio")` when either is unknown.
pub fn find_region(division: &str, code: &str) -> AppResult<(&'static Division, &'static Region)> {
    let d = regions::division(division)
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound("regio"))?;
    let r = d
        .regions
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
        .ok_or(AppError::NotFound("regio"))?;
    Ok((d, r))
}

fn kind_rank(kind: CollaborationKind) -> usize {
    CollaborationKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

impl App {
    /// The page of one region (see the module documentation), with the collaborations `who`
    /// may see.
    pub async fn region_report(
        &self,
        division: &str,
        code: &str,
        who: &Principal,
    ) -> AppResult<RegionReport> {
        let (d, region) = find_region(division, code)?;
        let names = municipality_names().map_err(AppError::internal)?;
        let visibility = crate::collaborations::visibility(who);
        let mut collaborations: Vec<RegionCollaboration> = Vec::new();
        let members: Vec<&String> = region.members.iter().collect();
        for g in self.store.municipal_groups(&visibility).await? {
            let current: Vec<&String> = g.members.iter().filter(|m| names.contains_key(*m)).collect();
            if let Some(o) = overlap(&members, &current) {
                collaborations.push(RegionCollaboration {
                    id: g.id,
                    name: g.name,
                    kind: g.kind,
                    start_date: g.start_date,
                    end_date: g.end_date,
                    within: o.within(),
                    covers_all: o.covers_all(),
                    overlap: o,
                    signals: Vec::new(),
                });
            }
        }
        self.add_signals(&mut collaborations).await?;
        collaborations.sort_by(|a, b| {
            (kind_rank(a.kind), !a.within)
                .cmp(&(kind_rank(b.kind), !b.within))
                .then(b.overlap.coverage.total_cmp(&a.overlap.coverage))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        });
        let money_per_year = self.region_money(&collaborations).await?;
        let waves = self.region_waves(&collaborations).await?;
        Ok(RegionReport {
            division: d.key.to_owned(),
            division_name: d.name.to_owned(),
            code: region.code.clone(),
            name: region.name.clone(),
            municipalities: municipalities(region, names),
            collaborations,
            money_per_year,
            waves,
            congruence: matches(d, region)?,
        })
    }

    /// The stored signals of the collaborations (already only those the reader may see), in
    /// one read.
    async fn add_signals(&self, collaborations: &mut [RegionCollaboration]) -> AppResult<()> {
        let ids: Vec<i64> = collaborations.iter().map(|c| c.id).collect();
        let mut signals: HashMap<i64, Vec<Signal>> = self
            .store
            .signals_of(&ids, self.today())
            .await?
            .into_iter()
            .collect();
        for c in collaborations {
            c.signals = signals.remove(&c.id).unwrap_or_default();
        }
        Ok(())
    }

    async fn region_money(&self, collaborations: &[RegionCollaboration]) -> AppResult<Vec<RegionMoneyYear>> {
        let ids: Vec<i64> = collaborations.iter().map(|c| c.id).collect();
        let within: HashMap<i64, bool> = collaborations.iter().map(|c| (c.id, c.within)).collect();
        let mut per_collaboration: BTreeMap<i64, Vec<_>> = BTreeMap::new();
        for (id, c) in self.store.contributions_of(&ids).await? {
            per_collaboration.entry(id).or_default().push(c);
        }
        let mut years: BTreeMap<i32, RegionMoneyYear> = BTreeMap::new();
        for (id, contributions) in &per_collaboration {
            let inside = within.get(id).copied().unwrap_or(false);
            for c in best_known(contributions) {
                let year = years.entry(c.year).or_insert(RegionMoneyYear {
                    year: c.year,
                    within: Cents::ZERO,
                    partly: Cents::ZERO,
                });
                if inside {
                    year.within += c.amount;
                } else {
                    year.partly += c.amount;
                }
            }
        }
        Ok(years.into_values().collect())
    }

    async fn region_waves(&self, collaborations: &[RegionCollaboration]) -> AppResult<Vec<RegionWave>> {
        let named: HashMap<i64, &str> = collaborations.iter().map(|c| (c.id, c.name.as_str())).collect();
        Ok(self
            .store
            .list_waves()
            .await?
            .into_iter()
            .filter_map(|w| {
                let id = w.collaboration_id?;
                let name = named.get(&id)?;
                Some(RegionWave {
                    key: w.key,
                    title: w.title,
                    collaboration_id: id,
                    collaboration_name: (*name).to_owned(),
                    opens_on: w.opens_on,
                    closes_on: w.closes_on,
                    closed: w.closed_at.is_some(),
                })
            })
            .collect())
    }
}

fn municipalities(region: &Region, names: &HashMap<String, String>) -> Vec<RegionMunicipality> {
    let mut list: Vec<RegionMunicipality> = region
        .members
        .iter()
        .map(|code| RegionMunicipality {
            code: code.clone(),
            name: names.get(code).cloned().unwrap_or_else(|| code.clone()),
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// For every other division, its region that matches `region` best.
fn matches(own: &Division, region: &Region) -> AppResult<Vec<RegionMatch>> {
    let mut found = Vec::new();
    for d in regions::divisions().map_err(AppError::internal)? {
        if d.key == own.key {
            continue;
        }
        let candidates: Vec<(&Region, Vec<String>)> =
            d.regions.iter().map(|r| (r, r.members.clone())).collect();
        if let Some((r, o)) = best_match(&region.members, &candidates) {
            found.push(RegionMatch {
                division: d.key.to_owned(),
                division_name: d.name.to_owned(),
                code: r.code.clone(),
                name: r.name.clone(),
                overlap: o,
            });
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn veiligheidsregio_utrecht_matches_the_province_and_its_ggd() {
        let (d, r) = find_region("veiligheidsregio", "vr09").unwrap();
        assert_eq!((r.name.as_str(), r.members.len()), ("Utrecht", 26));
        let found = matches(d, r).unwrap();
        assert_eq!(found.len(), 6, "every other division");
        let province = found.iter().find(|m| m.division == "provincie").unwrap();
        assert_eq!((province.code.as_str(), province.overlap.common), ("PV26", 26));
        assert!(
            province.overlap.within(),
            "the province lies within the veiligheidsregio"
        );
        assert!(find_region("veiligheidsregio", "VR99").is_err());
        assert!(find_region("nergens", "VR09").is_err());
    }
}
