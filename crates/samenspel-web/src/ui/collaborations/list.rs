//! The list of collaborations, searchable and filtered by type, region, policy area and
//! status, a page at a time.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_store::{CollaborationFilter, CollaborationSummary};
use serde::Deserialize;

use super::{Labelled, kinds};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::{Layout, Pagination, optional_filter, page_from, parse_query, render, status_unless};

#[derive(Template)]
#[template(path = "collaborations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub query: String,
    pub kind: String,
    pub kinds: Vec<Labelled>,
    pub region: String,
    pub regions: Vec<RegionGroup>,
    pub policy: String,
    pub status: String,
    pub collaborations: Vec<CollaborationSummary>,
    /// The type of each found collaboration, in the page's language (in the same order).
    pub kind_labels: Vec<String>,
    pub pagination: Pagination,
    pub error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    regio: Option<String>,
    beleidsterrein: Option<String>,
    status: Option<String>,
    pagina: Option<u32>,
}

/// A group of regions (one division) for the region filter.
pub struct RegionGroup {
    pub name: &'static str,
    pub regions: Vec<(String, String)>,
}

fn region_groups() -> Vec<RegionGroup> {
    samenspel_app::regions::divisions()
        .map(|divisions| {
            divisions
                .iter()
                .map(|d| RegionGroup {
                    name: d.name,
                    regions: d
                        .regions
                        .iter()
                        .map(|r| (format!("{}:{}", d.key, r.code), r.name.clone()))
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default()
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let (query, query_error) = parse_query::<ListQuery>(raw.as_deref());
    let kind_key = query.kind.clone().unwrap_or_default().trim().to_owned();
    let (kind, error) = optional_filter(&kind_key, |key| CollaborationKind::parse_field("type", key));
    let error = error.or(query_error);
    let q = query.q.clone().unwrap_or_default();
    let page = page_from(query.pagina);
    let (region, policy, activity) = (
        query.regio.clone().unwrap_or_default(),
        query.beleidsterrein.clone().unwrap_or_default(),
        query.status.clone().unwrap_or_default(),
    );
    let (extras, extras_error) = match samenspel_app::collaboration_query::ExtraFilters::parse(
        Some(&region),
        Some(&policy),
        Some(&activity),
        ("regio", "status"),
        app.today(),
    ) {
        Ok(extras) => (Some(extras), None),
        Err(errors) => (
            None,
            Some(
                errors
                    .errors
                    .iter()
                    .map(|e| ctx.lang.msg(&e.message))
                    .collect::<Vec<_>>()
                    .join(" ")
                    + " "
                    + &ctx.lang.t("collab-list-filter-ignored"),
            ),
        ),
    };
    let error = error.or(extras_error);
    let mut filter = CollaborationFilter {
        kind,
        query: Some(q.clone()),
        ..Default::default()
    };
    if let Some(extras) = extras {
        filter.any_partner = extras.any_partner;
        filter.policy_area = extras.policy_area;
        filter.activity = extras.activity;
    }
    let found = app.list_collaborations(&filter, page, &ctx.who).await?;
    let params = [
        ("q", q.clone()),
        ("type", kind.map(|k| k.key().to_owned()).unwrap_or_default()),
        ("regio", region.clone()),
        ("beleidsterrein", policy.clone()),
        ("status", activity.clone()),
    ];
    let pagination = Pagination::new("/samenwerkingen", &params, page, found.items.len(), found.total)?;
    let status = status_unless(error.as_ref(), StatusCode::BAD_REQUEST);
    Ok(render(
        status,
        &ListPage {
            layout: Layout::translated(&ctx, ctx.lang.t("collab-list-title"), "samenwerkingen"),
            query: q,
            kind: kind.map(|k| k.key().to_owned()).unwrap_or_default(),
            kinds: kinds(ctx.lang),
            region,
            regions: region_groups(),
            policy,
            status: activity,
            kind_labels: found
                .items
                .iter()
                .map(|c| ctx.lang.t(c.kind.message_id()))
                .collect(),
            collaborations: found.items,
            pagination,
            error,
        },
    ))
}
