//! The report of a closed wave, from its kept counts only: per group the statistics of every
//! statement, the ranking and the theme scores; the statements both Rijk and decentraal have
//! in their top six; Rijk against decentraal per statement (Mann–Whitney, Holm-corrected).
//! A group with fewer than k respondents is left out everywhere, with a note; when one layer
//! of the decentral group is left out while the decentral group is shown, the next smallest
//! layer is left out too, so that the hidden one cannot be worked out by subtraction.

use std::collections::BTreeMap;

use serde::Serialize;

use super::mann_whitney::{MannWhitney, holm, test};
use super::stats::{Distribution, rank_of, ranking, ranks, shared_top};
use super::{Group, Statement, Theme};

/// What a report is made from: per group its number of respondents and its kept counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    pub group: Group,
    pub respondents: u64,
    pub statements: BTreeMap<String, Distribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatementStats {
    pub n: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub median: Option<f64>,
    /// Answers 1, 2, 3, 4 and 5.
    pub counts: [u64; 5],
    pub dont_know: u64,
    pub top2box: Option<f64>,
    /// 1 for the highest mean; absent without answers.
    pub rank: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ThemeScore {
    /// All answers to the theme's statements pooled.
    pub n: u64,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GroupReport {
    pub respondents: u64,
    pub statements: BTreeMap<String, StatementStats>,
    /// Statement ids, highest mean first.
    pub ranking: Vec<String>,
    pub themes: BTreeMap<String, ThemeScore>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SuppressedGroup {
    pub group: Group,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SharedTop {
    pub n: usize,
    pub statements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatementTest {
    pub statement: String,
    /// Rijk as group A, decentraal as group B.
    #[serde(flatten)]
    pub test: MannWhitney,
    pub p_holm: f64,
}

/// The level below which a Holm-corrected p-value counts as a difference between the groups.
pub const ALPHA: f64 = 0.05;

impl StatementTest {
    /// Whether Rijk and decentraal differ on this statement (Holm-corrected p below [`ALPHA`]).
    pub fn differs(&self) -> bool {
        self.p_holm < ALPHA
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub k: u64,
    pub groups: BTreeMap<String, GroupReport>,
    pub suppressed: Vec<SuppressedGroup>,
    /// The statements in both the Rijk's and the decentral top six (when both are shown).
    pub shared_top: Option<SharedTop>,
    /// Rijk against decentraal per statement (when both are shown).
    pub tests: Vec<StatementTest>,
}

/// The number of places at the top the ROB compared (three of the top six are shared).
pub const TOP: usize = 6;

const DECENTRAL_LAYERS: [Group; 4] = [
    Group::Provincie,
    Group::Gemeente,
    Group::Waterschap,
    Group::GemeenschappelijkeRegeling,
];

/// Which groups are left out, with the reason.
fn suppression(groups: &[GroupCounts], k: u64) -> Vec<SuppressedGroup> {
    let respondents = |g: Group| groups.iter().find(|c| c.group == g).map_or(0, |c| c.respondents);
    let mut out: Vec<SuppressedGroup> = Group::ALL
        .iter()
        .filter(|g| respondents(**g) < k)
        .map(|g| SuppressedGroup {
            group: *g,
            note: format!(
                "{} wordt niet getoond: minder dan {k} respondenten.",
                g.label_nl()
            ),
        })
        .collect();
    let hidden_layers: Vec<Group> = DECENTRAL_LAYERS
        .iter()
        .copied()
        .filter(|g| out.iter().any(|s| s.group == *g) && respondents(*g) > 0)
        .collect();
    let decentral_shown = respondents(Group::Decentraal) >= k;
    if decentral_shown && hidden_layers.len() == 1 {
        let next = DECENTRAL_LAYERS
            .iter()
            .copied()
            .filter(|g| !out.iter().any(|s| s.group == *g))
            .min_by_key(|g| (respondents(*g), DECENTRAL_LAYERS.iter().position(|x| x == g)));
        if let Some(g) = next {
            out.push(SuppressedGroup {
                group: g,
                note: format!(
                    "{} wordt ook niet getoond: anders is de verborgen groep {} terug te rekenen uit Decentraal.",
                    g.label_nl(),
                    hidden_layers[0].label_nl().to_lowercase()
                ),
            });
        }
    }
    out
}

fn group_report(counts: &GroupCounts, statements: &[Statement]) -> GroupReport {
    let empty = Distribution::default();
    let dist = |id: &str| counts.statements.get(id).unwrap_or(&empty);
    let means: Vec<(&str, Option<f64>)> = statements.iter().map(|s| (s.id, dist(s.id).mean())).collect();
    let ranked = ranking(&means);
    let ranked_with_ties = ranks(&means);
    let stats = statements
        .iter()
        .map(|s| {
            let d = dist(s.id);
            (
                s.id.to_owned(),
                StatementStats {
                    n: d.n(),
                    mean: d.mean(),
                    sd: d.sd(),
                    median: d.median(),
                    counts: d.counts,
                    dont_know: d.dont_know,
                    top2box: d.top2box(),
                    rank: rank_of(&ranked_with_ties, s.id),
                },
            )
        })
        .collect();
    let themes = Theme::ALL
        .iter()
        .map(|t| {
            let mut pooled = Distribution::default();
            for s in statements.iter().filter(|s| s.theme == *t) {
                pooled.add(dist(s.id));
            }
            (
                t.key().to_owned(),
                ThemeScore {
                    n: pooled.n(),
                    mean: pooled.mean(),
                },
            )
        })
        .collect();
    GroupReport {
        respondents: counts.respondents,
        statements: stats,
        ranking: ranked.into_iter().map(str::to_owned).collect(),
        themes,
    }
}

/// The report of `statements` (the wave's instrument) from the kept `groups` counts.
pub fn report(statements: &[Statement], groups: &[GroupCounts], k: u64) -> Report {
    let suppressed = suppression(groups, k);
    let shown: Vec<&GroupCounts> = groups
        .iter()
        .filter(|g| !suppressed.iter().any(|s| s.group == g.group))
        .collect();
    let reports: BTreeMap<String, GroupReport> = shown
        .iter()
        .map(|g| (g.group.key().to_owned(), group_report(g, statements)))
        .collect();
    let (rijk, decentraal) = (
        shown.iter().find(|g| g.group == Group::Rijk),
        shown.iter().find(|g| g.group == Group::Decentraal),
    );
    let mut shared = None;
    let mut tests = Vec::new();
    if let (Some(r), Some(d)) = (rijk, decentraal) {
        let (rr, dr) = (&reports["rijk"], &reports["decentraal"]);
        let order: Vec<&str> = rr.ranking.iter().map(String::as_str).collect();
        let ranks_of = |g: &GroupReport| -> Vec<(String, usize)> {
            g.statements
                .iter()
                .filter_map(|(id, s)| s.rank.map(|r| (id.clone(), r)))
                .collect()
        };
        let (a, b) = (ranks_of(rr), ranks_of(dr));
        let a: Vec<(&str, usize)> = a.iter().map(|(id, r)| (id.as_str(), *r)).collect();
        let b: Vec<(&str, usize)> = b.iter().map(|(id, r)| (id.as_str(), *r)).collect();
        shared = Some(SharedTop {
            n: TOP,
            statements: shared_top(&order, &a, &b, TOP)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        });
        let empty = Distribution::default();
        let raw: Vec<(String, MannWhitney)> = statements
            .iter()
            .filter_map(|s| {
                let x = r.statements.get(s.id).unwrap_or(&empty);
                let y = d.statements.get(s.id).unwrap_or(&empty);
                test(&x.counts, &y.counts).map(|t| (s.id.to_owned(), t))
            })
            .collect();
        let adjusted = holm(&raw.iter().map(|(_, t)| t.p).collect::<Vec<_>>());
        tests = raw
            .into_iter()
            .zip(adjusted)
            .map(|((statement, test), p_holm)| StatementTest {
                statement,
                test,
                p_holm,
            })
            .collect();
    }
    Report {
        k,
        groups: reports,
        suppressed,
        shared_top: shared,
        tests,
    }
}
