//! Costs per Iv3 task field: the organisations with figures (`/iv3/kosten`), one
//! organisation's series on the parent code across the 2023 split (`/iv3/kosten/{code}`), and
//! the upload of a CBS- or openspending-shaped file (`/iv3/kosten/inlezen`). Generated
//! demonstration figures are said to be so on every page that shows them.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart};
use axum::http::StatusCode;
use axum::routing::{get, post};
use samenspel_app::iv3_costs::CostSeries;
use samenspel_app::{App, AppError, Principal};
use samenspel_domain::auth::Action;
use samenspel_domain::iv3::costs::CostShape;
use samenspel_store::CostImportReport;

use super::exchange::{ProblemRow, chosen_file, refuse_file};
use super::{Layout, render};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::request::Visit;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/iv3/kosten", get(list))
        .route("/iv3/kosten/inlezen", get(form))
        .route(
            "/iv3/kosten/inlezen/{shape}",
            post(submit).layer(DefaultBodyLimit::max(crate::api::MAX_IMPORT_BYTES)),
        )
        .route("/iv3/kosten/{code}", get(show))
}

/// Whether the visitor may import the figures of at least one municipality.
fn may_import(who: &Principal) -> bool {
    samenspel_app::iv3_costs::may_import_costs(who)
}

pub struct OrgRow {
    pub code: String,
    pub name: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "iv3/costs_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub organisations: Vec<OrgRow>,
    pub any_demo: bool,
    pub may_import: bool,
}

async fn name_of(app: &App, code: &str) -> String {
    app.organisation(code)
        .await
        .map(|o| o.name)
        .unwrap_or_else(|_| code.to_owned())
}

pub async fn list(Visit(app, ctx, ()): Visit<()>) -> PageResult {
    let mut organisations = Vec::new();
    for (code, demo) in app.cost_organisations().await? {
        organisations.push(OrgRow {
            name: name_of(&app, code.as_str()).await,
            code: code.to_string(),
            demo,
        });
    }
    let view = ListPage {
        layout: Layout::translated(&ctx, ctx.lang.t("iv3-costs-title"), "organisaties"),
        any_demo: organisations.iter().any(|o| o.demo),
        organisations,
        may_import: may_import(&ctx.who),
    };
    Ok(render(StatusCode::OK, &view))
}

/// One row of a series table: a year with lasten and baten in euros.
pub struct PointRow {
    pub year: i32,
    pub lasten: String,
    pub baten: String,
}

pub struct ReportTable {
    pub report: String,
    pub rows: Vec<PointRow>,
}

pub struct FieldSection {
    pub code: String,
    pub name: String,
    pub children: String,
    pub tables: Vec<ReportTable>,
}

pub struct ReplacedRow {
    pub code: String,
    pub year: i32,
    pub report: String,
    pub lasten: String,
    pub baten: String,
    pub replaced_by: i64,
}

#[derive(Template)]
#[template(path = "iv3/costs_org.html")]
pub struct OrgPage {
    pub layout: Layout,
    pub code: String,
    pub demo: bool,
    pub fields: Vec<FieldSection>,
    pub replaced: Vec<ReplacedRow>,
}

fn section(ctx: &PageContext, series: &CostSeries) -> FieldSection {
    let catalogue = samenspel_domain::iv3::shipped().ok();
    let last_year = series
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .max()
        .unwrap_or(samenspel_domain::iv3::SPLIT_YEAR);
    // The name of the last year with figures; an old code of the split by its last name.
    let name = catalogue
        .and_then(|c| {
            c.name_in(&series.task_field, last_year)
                .or_else(|| c.name_in(&series.task_field, samenspel_domain::iv3::SPLIT_YEAR - 1))
        })
        .unwrap_or_default()
        .to_owned();
    FieldSection {
        code: series.task_field.to_string(),
        name,
        children: series
            .children
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        tables: series
            .series
            .iter()
            .map(|s| ReportTable {
                report: ctx.lang.msg(&s.report.label()),
                rows: s
                    .points
                    .iter()
                    .map(|p| PointRow {
                        year: p.year,
                        lasten: p.lasten.format_nl(),
                        baten: p.baten.format_nl(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub async fn show(Visit(app, ctx, code): Visit<String>) -> PageResult {
    let organisation = app.organisation(&code).await?;
    let overview = app.cost_overview(&organisation.code).await?;
    let view = OrgPage {
        layout: Layout::translated(
            &ctx,
            ctx.lang
                .t_with("iv3-costs-org-title", &[("name", &organisation.name)]),
            "organisaties",
        ),
        code: organisation.code.to_string(),
        demo: overview.demo,
        fields: overview.series.iter().map(|s| section(&ctx, s)).collect(),
        replaced: overview
            .replaced
            .iter()
            .map(|r| ReplacedRow {
                code: r.figure.key.task_field.to_string(),
                year: r.figure.key.year,
                report: ctx.lang.msg(&r.figure.key.report.label()),
                lasten: r.figure.lasten.format_nl(),
                baten: r.figure.baten.format_nl(),
                replaced_by: r.replaced_by,
            })
            .collect(),
    };
    Ok(render(StatusCode::OK, &view))
}

#[derive(Template)]
#[template(path = "iv3/costs_import.html")]
pub struct ImportPage {
    pub layout: Layout,
    pub message: Option<String>,
    pub problems: Vec<ProblemRow>,
    pub imported: Option<String>,
    pub cbs_columns: String,
    pub openspending_columns: String,
}

fn import_page(ctx: &PageContext) -> ImportPage {
    ImportPage {
        layout: Layout::translated(ctx, ctx.lang.t("iv3-costs-import-title"), "organisaties"),
        message: None,
        problems: Vec::new(),
        imported: None,
        cbs_columns: "Gemeenten, TaakveldBalanspost, Categorie, Verslagsoort, Perioden, Bedrag".into(),
        openspending_columns: CostShape::Openspending.columns().join(", "),
    }
}

pub async fn form(ctx: PageContext) -> PageResult {
    super::offered(&ctx, may_import(&ctx.who), Action::ImportCosts)?;
    Ok(render(StatusCode::OK, &import_page(&ctx)))
}

fn imported(ctx: &PageContext, report: &CostImportReport) -> String {
    if report.already_imported {
        return ctx.lang.t("iv3-costs-already");
    }
    ctx.lang.t_with(
        "iv3-costs-imported",
        &[
            ("added", report.added.to_string().as_str()),
            ("replaced", report.replaced.to_string().as_str()),
            ("unchanged", report.unchanged.to_string().as_str()),
        ],
    )
}

pub async fn submit(Visit(app, ctx, shape): Visit<String>, mut multipart: Multipart) -> PageResult {
    super::offered(&ctx, may_import(&ctx.who), Action::ImportCosts)?;
    let shape = CostShape::parse_field("vorm", &shape).map_err(AppError::Invalid)?;
    let mut view = import_page(&ctx);
    let (name, bytes) = match chosen_file(&mut multipart, &ctx.lang.t("iv3-costs-choose")).await {
        Ok(file) => file,
        Err((status, message)) => {
            view.message = Some(message);
            return Ok(render(status, &view));
        }
    };
    match app.import_costs(shape, &name, &bytes, &ctx.who).await {
        Ok(report) => {
            view.imported = Some(imported(&ctx, &report));
            Ok(render(StatusCode::OK, &view))
        }
        Err(AppError::Invalid(errors)) => {
            refuse_file(&name, "fout(en)", errors, &mut view.message, &mut view.problems);
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &view))
        }
        Err(e) => Err(e.into()),
    }
}
