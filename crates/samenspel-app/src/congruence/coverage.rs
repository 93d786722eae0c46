//! How much of each region of a division the collaborations of a grouping cover: for a
//! collaboration (or all of one type) compared with a division, per collaboration and region
//! they share a municipality: how many, what share of the region, and what share of the
//! collaboration lies inside it.

use std::collections::{BTreeSet, HashMap};

use samenspel_domain::congruence::{Overlap, overlap};
use serde::Serialize;

use super::Grouping;

/// One collaboration in one region.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RegionCoverage {
    pub collaboration_id: i64,
    pub collaboration: String,
    pub region_code: String,
    pub region: String,
    pub overlap: Overlap,
}

/// When one of the two groupings is a division (a partition with region codes) and the other
/// consists of collaborations: each collaboration with each region it shares a municipality
/// with, by collaboration (in the grouping's order), then the largest coverage first.
/// Otherwise nothing.
pub fn coverage(a: &Grouping, b: &Grouping) -> Vec<RegionCoverage> {
    let is_division = |g: &Grouping| g.partition && g.labels.iter().all(|l| l.code.is_some());
    let is_collaborations = |g: &Grouping| g.labels.iter().all(|l| l.id.is_some());
    let (division, collaborations) = match (a, b) {
        (d, c) if is_division(d) && !is_division(c) && is_collaborations(c) => (d, c),
        (c, d) if is_division(d) && !is_division(c) && is_collaborations(c) => (d, c),
        _ => return Vec::new(),
    };
    // The regions each municipality lies in, so that a collaboration is compared only with the
    // few regions it touches.
    let mut regions_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, region) in division.groups.iter().enumerate() {
        for m in region {
            regions_of.entry(m.as_str()).or_default().push(i);
        }
    }
    let mut rows = Vec::new();
    for (members, label) in collaborations.groups.iter().zip(&collaborations.labels) {
        let start = rows.len();
        let touched: BTreeSet<usize> = members
            .iter()
            .filter_map(|m| regions_of.get(m.as_str()))
            .flatten()
            .copied()
            .collect();
        for (region, region_label) in touched
            .into_iter()
            .map(|i| (&division.groups[i], &division.labels[i]))
        {
            if let (Some(o), Some(id), Some(code)) = (overlap(region, members), label.id, &region_label.code)
            {
                rows.push(RegionCoverage {
                    collaboration_id: id,
                    collaboration: label.name.clone(),
                    region_code: code.clone(),
                    region: region_label.name.clone(),
                    overlap: o,
                });
            }
        }
        rows[start..].sort_by(|x, y| {
            y.overlap
                .coverage
                .total_cmp(&x.overlap.coverage)
                .then(x.region.cmp(&y.region))
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::GroupLabel;
    use super::*;

    fn grouping(partition: bool, groups: &[(&str, &[&str])]) -> Grouping {
        Grouping {
            key: "k".into(),
            name: "n".into(),
            partition,
            groups: groups
                .iter()
                .map(|(_, m)| m.iter().map(|s| (*s).to_owned()).collect())
                .collect(),
            labels: groups
                .iter()
                .enumerate()
                .map(|(i, (name, _))| GroupLabel {
                    id: (!partition).then_some(i as i64 + 1),
                    code: partition.then(|| format!("R{i}")),
                    name: (*name).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn each_collaboration_with_the_regions_it_touches_largest_coverage_first() {
        let division = grouping(true, &[("Noord", &["a", "b"]), ("Zuid", &["c", "d", "e", "f"])]);
        let collaborations = grouping(false, &[("X", &["a", "c"]), ("Y", &["c", "d", "e", "f"])]);
        let rows = coverage(&collaborations, &division);
        let got: Vec<(&str, &str, usize, f64, f64)> = rows
            .iter()
            .map(|r| {
                (
                    r.collaboration.as_str(),
                    r.region.as_str(),
                    r.overlap.common,
                    r.overlap.coverage,
                    r.overlap.inside,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("X", "Noord", 1, 0.5, 0.5),
                ("X", "Zuid", 1, 0.25, 0.5),
                ("Y", "Zuid", 4, 1.0, 1.0)
            ]
        );
        assert_eq!(coverage(&division, &collaborations), rows, "either side");
        assert!(coverage(&division, &division).is_empty(), "two divisions");
        assert!(coverage(&collaborations, &collaborations).is_empty());
    }
}
