//! The page of one region of a division (`/regio/{division}/{code}`): its municipalities on
//! the map and as a list, the collaborations in it by type, their money per year, the survey
//! waves about them, and how the region matches the other divisions; in the visitor's
//! language (`locales/*/region_page.ftl`). The same as CSV and JSON: `GET
//! /api/v1/regions/{division}/{code}`.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::region_page::{RegionCollaboration, RegionReport};
use samenspel_app::{App, AppError, regions};
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::map::MapRequest;

use super::regions::division_name;
use super::request::Visit;
use super::{ErrorPage, Layout, render};
use crate::charts::map::render_map;
use crate::error::PageResult;
use crate::i18n::Lang;

pub fn routes() -> Router<App> {
    Router::new().route("/regio/{division}/{code}", get(page))
}

/// The address of a region's page (the code percent-encoded: RES and MIRT regions are named
/// by their names).
pub fn region_page_href(division: &str, code: &str) -> String {
    let encode = |s: &str| {
        let mut out = String::new();
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    format!("/regio/{}/{}", encode(division), encode(code))
}

/// The page of the region with this label in the region column ("Veiligheidsregio Utrecht",
/// "Provincie Utrecht"), if it is one.
pub fn region_page_href_for_label(label: &str) -> Option<String> {
    regions::region_of_label(label).map(|(division, code)| region_page_href(division, code))
}

/// A share (0..=1) as a Dutch percentage with one decimal.
pub fn share(x: f64) -> String {
    format!("{}%", super::decimal((x * 1000.0).round() / 10.0))
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

pub struct CollaborationRow {
    pub id: i64,
    pub name: String,
    pub placement: String,
    pub municipalities: String,
    pub coverage: String,
    pub inside: String,
    pub period: String,
    /// Its signals in the page's language.
    pub signals: Vec<String>,
}

pub struct KindGroup {
    pub label: String,
    pub caption: String,
    pub rows: Vec<CollaborationRow>,
}

pub struct MoneyRow {
    pub year: i32,
    pub within: String,
    pub partly: String,
}

pub struct WaveRow {
    pub key: String,
    pub title: String,
    pub collaboration_id: i64,
    pub collaboration: String,
    pub period: String,
    pub state: String,
}

pub struct MatchRow {
    pub division: String,
    pub href: String,
    pub region: String,
    pub common: usize,
    pub coverage: String,
    pub inside: String,
    pub same: bool,
}

#[derive(Template)]
#[template(path = "region_page.html")]
pub struct RegionPage {
    pub layout: Layout,
    pub heading: String,
    pub summary: String,
    pub map: String,
    pub caption: String,
    pub api: String,
    pub map_link: String,
    pub municipalities: Vec<(String, String)>,
    pub groups: Vec<KindGroup>,
    pub money: Vec<MoneyRow>,
    pub waves: Vec<WaveRow>,
    pub matches: Vec<MatchRow>,
}

pub async fn page(Visit(app, ctx, (division, code)): Visit<(String, String)>) -> PageResult {
    let lang = ctx.lang;
    let report = match app.region_report(&division, &code, &ctx.who).await {
        Ok(report) => report,
        Err(AppError::NotFound(_)) => return Ok(unknown_region(lang, &division, &code)),
        Err(e) => return Err(e.into()),
    };
    let name = division_name(lang, &report.division, &report.division_name);
    let heading = lang.t_with(
        "region-page-title",
        &[("name", &report.name), ("division", &name)],
    );
    let within = report.collaborations.iter().filter(|c| c.within).count();
    let summary = lang.t_with(
        "region-page-summary",
        &[
            ("municipalities", &report.municipalities.len().to_string()),
            ("within", &within.to_string()),
            ("partly", &(report.collaborations.len() - within).to_string()),
        ],
    );
    let (map, caption) = map(lang, &report)?;
    Ok(render(
        axum::http::StatusCode::OK,
        &RegionPage {
            layout: Layout::translated(&ctx, heading.clone(), "regio"),
            summary,
            map,
            caption,
            api: format!(
                "/api/v1{}",
                region_page_href(&report.division, &report.code).replacen("/regio", "/regions", 1)
            ),
            map_link: format!("/regio?indeling={}", report.division),
            municipalities: report
                .municipalities
                .iter()
                .map(|m| (m.code.clone(), m.name.clone()))
                .collect(),
            groups: groups(lang, &report.collaborations),
            money: report
                .money_per_year
                .iter()
                .map(|y| MoneyRow {
                    year: y.year,
                    within: y.within.format_nl(),
                    partly: y.partly.format_nl(),
                })
                .collect(),
            waves: waves(lang, &report),
            matches: matches(lang, &report),
            heading,
        },
    ))
}

/// The 404 page for a division or region that does not exist, naming both.
fn unknown_region(lang: Lang, division: &str, code: &str) -> Response {
    let heading = lang.t("region-page-unknown-title");
    let message = if matches!(regions::division(division), Ok(Some(_))) {
        lang.t_with(
            "region-page-unknown-region",
            &[("division", division), ("code", code)],
        )
    } else {
        lang.t_with("region-page-unknown-division", &[("division", division)])
    };
    let mut page = render(
        axum::http::StatusCode::NOT_FOUND,
        &ErrorPage {
            layout: Layout::bare(lang, heading.clone()),
            heading,
            message,
            sign_in: None,
            link: Some(("/regio".into(), lang.t("region-page-unknown-link"))),
        },
    );
    *page.status_mut() = axum::http::StatusCode::NOT_FOUND;
    page
}

fn map(lang: Lang, report: &RegionReport) -> Result<(String, String), AppError> {
    let topology = regions::topology().map_err(AppError::internal)?;
    let members: Vec<String> = report.municipalities.iter().map(|m| m.code.clone()).collect();
    let caption = lang.t_with(
        "region-page-map-caption",
        &[("name", &report.name), ("count", &members.len().to_string())],
    );
    let svg = render_map(
        topology,
        &MapRequest {
            title: caption.clone(),
            colour_of: members.iter().map(|m| (m.clone(), 0)).collect(),
            region_names: vec![report.name.clone()],
            highlight: members,
            names: HashMap::new(),
        },
    );
    Ok((svg, caption))
}

fn groups(lang: Lang, collaborations: &[RegionCollaboration]) -> Vec<KindGroup> {
    let mut groups: Vec<KindGroup> = Vec::new();
    let mut current: Option<CollaborationKind> = None;
    for c in collaborations {
        if current != Some(c.kind) {
            current = Some(c.kind);
            let label = lang.t(c.kind.message_id());
            groups.push(KindGroup {
                caption: lang.t_with("region-page-collaborations-caption", &[("kind", &label)]),
                label,
                rows: Vec::new(),
            });
        }
        let o = &c.overlap;
        let placement = match (c.within, c.covers_all) {
            (true, true) => "region-page-placement-same",
            (true, false) => "region-page-placement-within",
            (false, true) => "region-page-placement-beyond",
            (false, false) => "region-page-placement-partly",
        };
        if let Some(group) = groups.last_mut() {
            group.rows.push(CollaborationRow {
                id: c.id,
                name: c.name.clone(),
                placement: lang.t(placement),
                municipalities: lang.t_with(
                    "region-page-municipalities-of",
                    &[
                        ("common", &o.common.to_string()),
                        ("total", &o.group_size.to_string()),
                    ],
                ),
                coverage: share(o.coverage),
                inside: share(o.inside),
                period: period(c.start_date, c.end_date),
                signals: super::collaborations::filters::signal_texts(lang, &c.signals),
            });
        }
    }
    groups
}

fn period(start: Option<chrono::NaiveDate>, end: Option<chrono::NaiveDate>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        (s, e) => format!("{} – {}", date(s), date(e)),
    }
}

fn waves(lang: Lang, report: &RegionReport) -> Vec<WaveRow> {
    report
        .waves
        .iter()
        .map(|w| WaveRow {
            key: w.key.clone(),
            title: w.title.clone(),
            collaboration_id: w.collaboration_id,
            collaboration: w.collaboration_name.clone(),
            period: period(w.opens_on, w.closes_on),
            state: lang.t(if w.closed {
                "region-page-wave-closed"
            } else {
                "region-page-wave-open"
            }),
        })
        .collect()
}

fn matches(lang: Lang, report: &RegionReport) -> Vec<MatchRow> {
    report
        .congruence
        .iter()
        .map(|m| MatchRow {
            division: division_name(lang, &m.division, &m.division_name),
            href: region_page_href(&m.division, &m.code),
            region: m.name.clone(),
            common: m.overlap.common,
            coverage: share(m.overlap.coverage),
            inside: share(m.overlap.inside),
            same: m.overlap.within() && m.overlap.covers_all(),
        })
        .collect()
}

/// The region's collaborations as CSV (semicolons, header in `lang`): one line per
/// collaboration with how it lies in the region.
fn region_csv(lang: Lang, report: &RegionReport) -> String {
    let header: Vec<String> = lang
        .t("region-page-csv-columns")
        .split(';')
        .map(str::to_owned)
        .collect();
    let fraction = |x: f64| format!("{x:.4}").replace('.', ",");
    let mut out = super::csv_line(&header);
    for c in &report.collaborations {
        let placement = if c.within { "binnen" } else { "gedeeltelijk" };
        out.push_str(&super::csv_line(&[
            report.division.clone(),
            report.code.clone(),
            report.name.clone(),
            c.id.to_string(),
            c.name.clone(),
            c.kind.key().to_owned(),
            placement.to_owned(),
            c.overlap.common.to_string(),
            c.overlap.group_size.to_string(),
            c.overlap.region_size.to_string(),
            fraction(c.overlap.coverage),
            fraction(c.overlap.inside),
            c.start_date.map(|d| d.to_string()).unwrap_or_default(),
            c.end_date.map(|d| d.to_string()).unwrap_or_default(),
            c.signals
                .iter()
                .map(|s| format!("{}:{}", s.kind.key(), s.count))
                .collect::<Vec<_>>()
                .join(","),
        ]));
    }
    out
}

/// The region's collaborations as a CSV download, header in the API's language.
pub fn csv_response(report: &RegionReport) -> Response {
    let name = format!("regio-{}-{}.csv", report.division, report.code)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>();
    super::csv_response(&name, region_csv(crate::error::api_lang(), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_encoded_and_labels_lead_to_their_region() {
        assert_eq!(
            region_page_href("veiligheidsregio", "VR09"),
            "/regio/veiligheidsregio/VR09"
        );
        assert_eq!(
            region_page_href("res-regio", "Noord-Holland Noord"),
            "/regio/res-regio/Noord-Holland%20Noord"
        );
        assert_eq!(
            region_page_href_for_label("Veiligheidsregio Utrecht").as_deref(),
            Some("/regio/veiligheidsregio/VR09")
        );
        assert_eq!(region_page_href_for_label("Utrecht, Gelderland"), None);
        assert_eq!(share(0.5), "50%");
        assert_eq!(share(1.0 / 3.0), "33,3%");
    }
}
