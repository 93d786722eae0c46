//! Regions: a map of the municipalities coloured by a division, with one municipality or one
//! collaboration's municipalities highlighted, and the same as a list by region; in the
//! visitor's language (`locales/*/regions.ftl`, also the divisions' names).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use samenspel_app::regions::{self, Division};
use samenspel_app::{App, AppError};
use samenspel_domain::map::MapRequest;
use serde::Deserialize;

use super::{Layout, parse_query_in, render, status_unless};
use crate::charts::map::{region_fills, render_map};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new().route("/regio", get(page))
}

pub struct MunicipalityChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

pub struct RegionRow {
    pub name: String,
    /// The region's own page.
    pub href: String,
    pub colour: &'static str,
    pub members: String,
    pub highlighted: bool,
}

/// A division to choose, named in the page's language.
pub struct DivisionChoice {
    pub key: &'static str,
    pub label: String,
    pub selected: bool,
}

/// A division's name in `lang` (`regions-division-<key>`), or its Dutch name when the
/// catalogue has none.
pub fn division_name(lang: Lang, key: &str, dutch: &str) -> String {
    let id = format!("regions-division-{key}");
    if crate::i18n::message_ids(lang).contains(&id) {
        lang.t(&id)
    } else {
        dutch.to_owned()
    }
}

pub struct MembershipRow {
    pub division: String,
    pub region: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "regions.html")]
pub struct RegionsPage {
    pub layout: Layout,
    pub divisions: Vec<DivisionChoice>,
    pub municipalities: Vec<MunicipalityChoice>,
    pub division_name: String,
    pub map: String,
    pub caption: String,
    pub regions: Vec<RegionRow>,
    pub municipality: Option<String>,
    pub memberships: Vec<MembershipRow>,
    pub collaboration: Option<(i64, String)>,
    pub message: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RegionsQuery {
    indeling: Option<String>,
    gemeente: Option<String>,
    samenwerking: Option<i64>,
}

pub async fn page(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (query, mut message) = parse_query_in::<RegionsQuery>(ctx.lang, raw.as_deref());
    let page = build(&app, &ctx, query, &mut message).await?;
    let status = status_unless(message.as_ref(), StatusCode::BAD_REQUEST);
    Ok(crate::page_cache::cacheable(render(status, &page)))
}

/// A collaboration to highlight: its id, name and the municipalities among its partners.
type Highlighted = (i64, String, Vec<String>);

async fn build(
    app: &App,
    ctx: &PageContext,
    query: RegionsQuery,
    message: &mut Option<String>,
) -> Result<RegionsPage, AppError> {
    let lang = ctx.lang;
    let all = regions::divisions().map_err(AppError::internal)?;
    let names = regions::municipality_names().map_err(AppError::internal)?;
    let topology = regions::topology().map_err(AppError::internal)?;
    let wanted = query.indeling.unwrap_or_else(|| "provincie".into());
    let division: &Division = match all.iter().find(|d| d.key == wanted) {
        Some(d) => d,
        None => {
            *message = Some(lang.t_with("regions-unknown-division", &[("key", &wanted)]));
            &all[0]
        }
    };
    let municipality = query
        .gemeente
        .map(|g| g.trim().to_ascii_uppercase())
        .filter(|g| !g.is_empty());
    if let Some(gm) = &municipality
        && !names.contains_key(gm)
    {
        *message = Some(lang.t_with("regions-unknown-municipality", &[("code", gm)]));
    }
    let collaboration = match query.samenwerking {
        Some(id) => Some(highlighted_collaboration(app, ctx, id, names).await?),
        None => None,
    };
    let mut highlight: Vec<String> = municipality
        .iter()
        .filter(|g| names.contains_key(*g))
        .cloned()
        .collect();
    if let Some((_, _, members)) = &collaboration {
        highlight.extend(members.iter().cloned());
    }
    let colour_of: HashMap<String, usize> = division
        .regions
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.members.iter().map(move |m| (m.clone(), i)))
        .collect();
    let fills = region_fills(topology, &colour_of);
    let name = division_name(lang, division.key, division.name);
    let caption = caption(
        lang,
        &name,
        collaboration.as_ref(),
        municipality.as_deref(),
        names,
    );
    let map = render_map(
        topology,
        &MapRequest {
            title: caption.clone(),
            colour_of,
            region_names: division.regions.iter().map(|r| r.name.clone()).collect(),
            highlight: highlight.clone(),
            names: HashMap::new(),
        },
    );
    Ok(RegionsPage {
        layout: Layout::translated(ctx, lang.t("regions-title"), "regio"),
        divisions: all
            .iter()
            .map(|d| DivisionChoice {
                key: d.key,
                label: division_name(lang, d.key, d.name),
                selected: d.key == division.key,
            })
            .collect(),
        municipalities: municipality_choices(names, municipality.as_deref()),
        division_name: name,
        map,
        caption,
        regions: region_rows(division, &fills, &highlight, names),
        memberships: memberships(lang, all, municipality.as_deref(), names),
        municipality: municipality.and_then(|gm| names.get(&gm).cloned()),
        collaboration: collaboration.map(|(id, name, _)| (id, name)),
        message: message.clone(),
    })
}

async fn highlighted_collaboration(
    app: &App,
    ctx: &PageContext,
    id: i64,
    names: &HashMap<String, String>,
) -> Result<Highlighted, AppError> {
    let c = app.collaboration(id, &ctx.who).await?;
    let members: Vec<String> = c
        .partners
        .iter()
        .filter(|p| names.contains_key(p.code.as_str()))
        .map(|p| p.code.to_string())
        .collect();
    Ok((id, c.fields.name, members))
}

/// The map's caption: the division and what is highlighted.
fn caption(
    lang: Lang,
    division: &str,
    collaboration: Option<&Highlighted>,
    municipality: Option<&str>,
    names: &HashMap<String, String>,
) -> String {
    match (collaboration, municipality) {
        (Some((_, name, members)), _) => lang.t_with(
            "regions-caption-collaboration",
            &[
                ("division", division),
                ("count", &members.len().to_string()),
                ("name", name),
            ],
        ),
        (None, Some(gm)) => lang.t_with(
            "regions-caption-municipality",
            &[
                ("division", division),
                ("name", &names.get(gm).cloned().unwrap_or_default()),
            ],
        ),
        (None, None) => division.to_owned(),
    }
}

/// The division's regions as a list: colour, members, and whether one is highlighted.
fn region_rows(
    division: &Division,
    fills: &BTreeMap<usize, &'static str>,
    highlight: &[String],
    names: &HashMap<String, String>,
) -> Vec<RegionRow> {
    division
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| RegionRow {
            name: r.name.clone(),
            href: super::region_page::region_page_href(division.key, &r.code),
            colour: fills
                .get(&i)
                .copied()
                .unwrap_or(crate::charts::map::NO_REGION_FILL),
            members: r
                .members
                .iter()
                .map(|m| names.get(m).cloned().unwrap_or_else(|| m.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            highlighted: r.members.iter().any(|m| highlight.contains(m)),
        })
        .collect()
}

/// The region of a chosen municipality in every division.
fn memberships(
    lang: Lang,
    all: &[Division],
    municipality: Option<&str>,
    names: &HashMap<String, String>,
) -> Vec<MembershipRow> {
    match municipality {
        Some(gm) if names.contains_key(gm) => all
            .iter()
            .map(|d| {
                let region = d.region_of(gm);
                MembershipRow {
                    division: division_name(lang, d.key, d.name),
                    region: region.map(|r| r.name.clone()).unwrap_or_default(),
                    href: region
                        .map(|r| super::region_page::region_page_href(d.key, &r.code))
                        .unwrap_or_default(),
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Every municipality by name, the chosen one selected.
fn municipality_choices(names: &HashMap<String, String>, chosen: Option<&str>) -> Vec<MunicipalityChoice> {
    let mut municipalities: Vec<MunicipalityChoice> = names
        .iter()
        .map(|(code, name)| MunicipalityChoice {
            code: code.clone(),
            name: name.clone(),
            selected: chosen == Some(code.as_str()),
        })
        .collect();
    municipalities.sort_by(|a, b| a.name.cmp(&b.name));
    municipalities
}
