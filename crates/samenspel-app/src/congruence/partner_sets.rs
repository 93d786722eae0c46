//! The partner sets per municipality (see [`distinct_partner_sets`]) over the seven divisions
//! and the visible collaborations. At national scale (21,000 collaborations, 65,000 municipal
//! partners) the work is in reading the partners; the counting runs on municipality indices, not
//! codes. The anonymous answer is kept per process with the database's data version (the
//! number every committed write raises, as for the page cache), so it is counted again only
//! after a change.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use samenspel_domain::congruence::distinct_partner_sets;
use samenspel_store::Visibility;

use super::{PartnerSetCount, internal};
use crate::regions::{self, municipality_names};
use crate::{App, AppResult, Principal};

/// An answer and the data version it was counted at.
type Kept = (i64, Arc<Vec<PartnerSetCount>>);

/// The anonymous answer of one process, with the data version it was counted at.
#[derive(Clone, Default)]
pub struct PartnerSetCache(Arc<Mutex<Option<Kept>>>);

impl PartnerSetCache {
    fn get(&self, version: i64) -> Option<Arc<Vec<PartnerSetCount>>> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        kept.as_ref()
            .filter(|(v, _)| *v == version)
            .map(|(_, counts)| counts.clone())
    }

    fn keep(&self, version: i64, counts: Arc<Vec<PartnerSetCount>>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((version, counts));
    }
}

/// Codes as small indices, in the order first met.
#[derive(Default)]
struct Interner<'a> {
    index: HashMap<&'a str, usize>,
    codes: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn intern(&mut self, code: &'a str) -> usize {
        *self.index.entry(code).or_insert_with(|| {
            self.codes.push(code);
            self.codes.len() - 1
        })
    }
}

/// The counts for these collaborations' municipal partners ((collaboration id, GM codes)),
/// most partner sets first, then by name and code. Partners that are no municipality of 2025
/// (merged away) are left out, as on the map.
fn count(partners: &[(i64, Vec<String>)]) -> AppResult<Vec<PartnerSetCount>> {
    let names = municipality_names().map_err(internal)?;
    let mut interner = Interner::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for d in regions::divisions().map_err(internal)? {
        for r in &d.regions {
            groups.push(r.members.iter().map(|m| interner.intern(m)).collect());
        }
    }
    let mut collaborations: Vec<usize> = Vec::new();
    for (_, codes) in partners {
        let mut group = Vec::with_capacity(codes.len());
        for code in codes {
            let Some((code, _)) = names.get_key_value(code.as_str()) else {
                continue;
            };
            let m = interner.intern(code);
            group.push(m);
            if collaborations.len() <= m {
                collaborations.resize(m + 1, 0);
            }
            collaborations[m] += 1;
        }
        groups.push(group);
    }
    let mut counts: Vec<PartnerSetCount> = distinct_partner_sets(&groups)
        .into_iter()
        .map(|(m, partner_sets)| {
            let code = interner.codes[m];
            PartnerSetCount {
                code: code.to_owned(),
                name: names.get(code).cloned().unwrap_or_default(),
                partner_sets,
                collaborations: collaborations.get(m).copied().unwrap_or_default(),
            }
        })
        .collect();
    counts.sort_by(|x, y| {
        y.partner_sets
            .cmp(&x.partner_sets)
            .then(x.name.cmp(&y.name))
            .then(x.code.cmp(&y.code))
    });
    Ok(counts)
}

impl App {
    /// Per municipality of 2025, the number of distinct partner sets (see
    /// [`distinct_partner_sets`]) over the seven divisions and the visible collaborations,
    /// most first. An anonymous visitor's answer is kept per process while the data version
    /// stays the same.
    pub async fn partner_set_counts(&self, who: &Principal) -> AppResult<Vec<PartnerSetCount>> {
        let visibility = crate::collaborations::visibility(who);
        if visibility != Visibility::Published {
            return count(&self.store.municipal_partners(&visibility).await?);
        }
        // The version is read before the partners: counts kept under it are at least as new as
        // the data it stands for, so a later write (which raises it) is never hidden.
        let version = self.data_version().await?;
        if let Some(kept) = self.partner_sets.get(version) {
            return Ok(kept.as_ref().clone());
        }
        let counts = Arc::new(count(&self.store.municipal_partners(&visibility).await?)?);
        self.partner_sets.keep(version, counts.clone());
        Ok(counts.as_ref().clone())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::*;

    /// The first implementation, on codes: the divisions' regions and each collaboration's
    /// current municipalities as sets of codes, a set of those sets, counted per code.
    fn by_code_sets(partners: &[(i64, Vec<String>)]) -> Vec<PartnerSetCount> {
        let names = municipality_names().unwrap();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for d in regions::divisions().unwrap() {
            groups.extend(d.regions.iter().map(|r| r.members.clone()));
        }
        let by_id: BTreeMap<i64, Vec<String>> = partners.iter().cloned().collect();
        let mut collaborations: BTreeMap<String, usize> = BTreeMap::new();
        for members in by_id.into_values() {
            let current: Vec<String> = members.into_iter().filter(|m| names.contains_key(m)).collect();
            for m in &current {
                *collaborations.entry(m.clone()).or_default() += 1;
            }
            groups.push(current);
        }
        let distinct: BTreeSet<BTreeSet<&String>> = groups.iter().map(|g| g.iter().collect()).collect();
        let mut sets: BTreeMap<String, usize> = BTreeMap::new();
        for members in &distinct {
            for m in members {
                *sets.entry((*m).clone()).or_default() += usize::from(members.len() > 1);
            }
        }
        let mut counts: Vec<PartnerSetCount> = sets
            .into_iter()
            .map(|(code, partner_sets)| PartnerSetCount {
                name: names.get(&code).cloned().unwrap_or_default(),
                collaborations: collaborations.get(&code).copied().unwrap_or_default(),
                code,
                partner_sets,
            })
            .collect();
        counts.sort_by(|x, y| y.partner_sets.cmp(&x.partner_sets).then(x.name.cmp(&y.name)));
        counts
    }

    /// Collaborations of up to five partners drawn from a few municipalities (so sets repeat),
    /// a merged-away one (GM0003, Appingedam) among them; in id order, each one's codes sorted,
    /// as the store gives them.
    fn partners() -> impl Strategy<Value = Vec<(i64, Vec<String>)>> {
        let codes = [
            "GM0363", "GM0014", "GM1979", "GM0106", "GM0003", "GM0344", "GM0518",
        ];
        proptest::collection::vec(proptest::collection::btree_set(0..codes.len(), 1..6), 0..60).prop_map(
            move |collaborations| {
                collaborations
                    .into_iter()
                    .zip(1..)
                    .map(|(members, id)| {
                        let mut members: Vec<String> =
                            members.into_iter().map(|i| codes[i].to_owned()).collect();
                        members.sort_unstable();
                        (id, members)
                    })
                    .collect()
            },
        )
    }

    #[test]
    fn without_collaborations_only_the_divisions_count() {
        let counts = count(&[]).unwrap();
        assert_eq!(counts.len(), 342);
        assert_eq!(counts, by_code_sets(&[]));
        assert!(
            counts
                .iter()
                .all(|c| c.collaborations == 0 && c.partner_sets <= 7)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn indices_count_as_the_code_sets(partners in partners()) {
            prop_assert_eq!(count(&partners).unwrap(), by_code_sets(&partners));
        }
    }
}
