//! Congruence of regions: how far two groupings of municipalities coincide, the fifteen pairs
//! of the divisions of 2025, and the municipalities that deal with the most partner sets; in
//! the visitor's language (`locales/*/regions.ftl`).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::congruence::{CongruenceReport, GroupingName, PartnerSetCount};
use samenspel_app::regions;
use samenspel_app::{App, AppError};
use samenspel_domain::collaboration::CollaborationKind;
use serde::Deserialize;

use super::regions::division_name;
use super::{Layout, parse_query_in, render, status_unless};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new().route("/regio/congruentie", get(page))
}

/// How many municipalities the partner-set table shows.
const TOP: usize = 25;

pub struct Choice {
    pub key: String,
    pub name: String,
    pub selected: bool,
}

/// One comparison as shown: Dutch percentages and decimals, "n.v.t." ("n/a") where a measure
/// is absent.
pub struct ComparisonRow {
    pub a: String,
    pub b: String,
    /// "A and B".
    pub heading: String,
    /// The municipalities in both and the groups of each.
    pub groups: String,
    pub pairs_a: u64,
    pub pairs_b: u64,
    pub pairs_both: u64,
    pub share_a_in_b: String,
    pub share_b_in_a: String,
    pub jaccard: String,
    pub adjusted_rand: String,
}

/// A grouping's name in `lang`: a division or all collaborations of a type by their key, a
/// single collaboration by its own name.
fn grouping_name(lang: Lang, g: &GroupingName) -> String {
    if let Some(kind) = g.key.strip_prefix("soort-").and_then(CollaborationKind::from_key) {
        return lang.t_with(
            "congruence-all-of-kind-named",
            &[("kind", &lang.t(kind.message_id()))],
        );
    }
    division_name(lang, &g.key, &g.name)
}

impl ComparisonRow {
    fn new(lang: Lang, r: &CongruenceReport) -> Self {
        let m = &r.measures;
        let percent = |x| percent(lang, x);
        let index = |x| index(lang, x);
        let (a, b) = (grouping_name(lang, &r.a), grouping_name(lang, &r.b));
        Self {
            heading: lang.t_with("congruence-pair", &[("a", &a), ("b", &b)]),
            groups: lang.t_with(
                "congruence-groups",
                &[
                    ("common", &m.common.to_string()),
                    ("a", &r.a.groups.to_string()),
                    ("b", &r.b.groups.to_string()),
                ],
            ),
            a,
            b,
            pairs_a: m.pairs_a,
            pairs_b: m.pairs_b,
            pairs_both: m.pairs_both,
            share_a_in_b: percent(m.share_a_in_b),
            share_b_in_a: percent(m.share_b_in_a),
            jaccard: index(m.jaccard),
            adjusted_rand: index(m.adjusted_rand),
        }
    }
}

fn percent(lang: Lang, x: Option<f64>) -> String {
    x.map_or_else(
        || lang.t("congruence-not-applicable"),
        |x| format!("{}%", super::decimal((x * 1000.0).round() / 10.0)),
    )
}

fn index(lang: Lang, x: Option<f64>) -> String {
    x.map_or_else(
        || lang.t("congruence-not-applicable"),
        |x| format!("{x:.3}").replace('.', ","),
    )
}

/// One collaboration in one region: how much of the region it covers, how much of it lies
/// inside.
pub struct CoverageRow {
    pub id: i64,
    pub collaboration: String,
    pub region: String,
    pub href: String,
    pub municipalities: String,
    pub coverage: String,
    pub inside: String,
}

fn coverage_rows(lang: Lang, report: &CongruenceReport) -> Vec<CoverageRow> {
    let division = [&report.a, &report.b]
        .into_iter()
        .find(|g| matches!(regions::division(&g.key), Ok(Some(_))))
        .map(|g| g.key.clone())
        .unwrap_or_default();
    report
        .coverage
        .iter()
        .map(|c| CoverageRow {
            id: c.collaboration_id,
            collaboration: c.collaboration.clone(),
            region: c.region.clone(),
            href: super::region_page::region_page_href(&division, &c.region_code),
            municipalities: lang.t_with(
                "region-page-municipalities-of",
                &[
                    ("common", &c.overlap.common.to_string()),
                    ("total", &c.overlap.region_size.to_string()),
                ],
            ),
            coverage: super::region_page::share(c.overlap.coverage),
            inside: super::region_page::share(c.overlap.inside),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "congruence.html")]
pub struct CongruencePage {
    pub layout: Layout,
    /// How much of each region each collaboration covers (a collaboration grouping against a
    /// division).
    pub coverage: Vec<CoverageRow>,
    pub choices_a: Vec<Choice>,
    pub choices_b: Vec<Choice>,
    pub result: Option<ComparisonRow>,
    pub divisions: Vec<ComparisonRow>,
    pub partner_sets: Vec<PartnerSetCount>,
    /// How many municipalities the table shows, of how many.
    pub sets_intro: String,
    pub message: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CongruenceQuery {
    a: Option<String>,
    b: Option<String>,
}

pub async fn page(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let lang = ctx.lang;
    let (query, mut message) = parse_query_in::<CongruenceQuery>(lang, raw.as_deref());
    let a = query.a.unwrap_or_else(|| "veiligheidsregio".into());
    let b = query.b.unwrap_or_else(|| "ggd-regio".into());
    let result = match app.congruence(&a, &b, &ctx.who).await {
        Ok(report) => Some(report),
        Err(AppError::Invalid(errors)) => {
            message = Some(
                errors
                    .errors
                    .iter()
                    .map(|e| lang.msg(&e.message))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            None
        }
        Err(e) => return Err(e.into()),
    };
    let divisions = App::division_congruence()?;
    let counts = app.partner_set_counts(&ctx.who).await?;
    let choices = choices(lang, result.as_ref())?;
    let select = |chosen: &str| -> Vec<Choice> {
        choices
            .iter()
            .map(|(key, name)| Choice {
                key: key.clone(),
                name: name.clone(),
                selected: key == chosen,
            })
            .collect()
    };
    let status = status_unless(message.as_ref(), StatusCode::UNPROCESSABLE_ENTITY);
    Ok(render(
        status,
        &CongruencePage {
            layout: Layout::translated(&ctx, lang.t("congruence-title"), "regio"),
            coverage: result
                .as_ref()
                .map(|r| coverage_rows(lang, r))
                .unwrap_or_default(),
            choices_a: select(a.trim()),
            choices_b: select(b.trim()),
            result: result.as_ref().map(|r| ComparisonRow::new(lang, r)),
            divisions: divisions.iter().map(|r| ComparisonRow::new(lang, r)).collect(),
            sets_intro: lang.t_with(
                "congruence-sets-intro",
                &[
                    ("shown", &counts.len().min(TOP).to_string()),
                    ("total", &counts.len().to_string()),
                ],
            ),
            partner_sets: counts.into_iter().take(TOP).collect(),
            message,
        },
    ))
}

/// The groupings one can choose: the divisions, all collaborations of each type, and a single
/// collaboration when one was asked for.
fn choices(lang: Lang, result: Option<&CongruenceReport>) -> Result<Vec<(String, String)>, AppError> {
    let mut choices: Vec<(String, String)> = regions::divisions()
        .map_err(AppError::internal)?
        .iter()
        .map(|d| (d.key.to_owned(), division_name(lang, d.key, d.name)))
        .collect();
    choices.extend(CollaborationKind::ALL.iter().map(|k| {
        (
            format!("soort-{}", k.key()),
            lang.t_with("congruence-all-of-kind", &[("kind", &lang.t(k.message_id()))]),
        )
    }));
    if let Some(r) = result {
        for g in [&r.a, &r.b] {
            if !choices.iter().any(|(key, _)| *key == g.key) {
                choices.push((
                    g.key.clone(),
                    lang.t_with("congruence-collaboration", &[("name", &g.name)]),
                ));
            }
        }
    }
    Ok(choices)
}
