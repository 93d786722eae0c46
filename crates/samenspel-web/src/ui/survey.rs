//! The knelpuntenmonitor's pages: the waves (and opening one), a wave with its answer link,
//! closing it, and after closing its report as tables (per group, the two rankings side by
//! side, Rijk against decentraal, themes), with the ROB's 2020 means as reference.

use super::page_path::PagePath;
use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing;
use samenspel_app::survey::{SurveyReport, WaveInput, answering_on, report_csv_with_header};
use samenspel_app::{App, AppError};
use samenspel_domain::survey::instrument::ROB_2020_MEANS;
use samenspel_domain::survey::period::{NotAnswerable, status_nl};
use samenspel_domain::survey::report::{GroupReport, StatementTest};
use samenspel_domain::survey::{Group, Statement, Theme};
use samenspel_store::Wave;

use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, decimal, parse_query, render};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::request::{Posted, Visit};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/knelpuntenmonitor", routing::get(list).post(create))
        .route("/knelpuntenmonitor/{key}", routing::get(show))
        .route(
            "/knelpuntenmonitor/{key}/sluiten",
            routing::get(confirm_close).post(close),
        )
        .route(
            "/knelpuntenmonitor/{key}/rapport.csv",
            routing::get(report_csv_file),
        )
        .route(
            "/knelpuntenmonitor/{key}/rapport.json",
            routing::get(report_json_file),
        )
}

pub struct WaveRow {
    pub key: String,
    pub title: String,
    pub period: String,
    pub status: String,
    pub k: i64,
    /// The collaboration the wave is about (id, name); none for the whole country.
    pub collaboration: Option<(i64, String)>,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

/// A wave as lists and its page show it, its collaboration named as the visitor may see it
/// (a draft the visitor may not see keeps its number).
async fn wave_row(app: &App, who: &samenspel_app::Principal, w: &Wave) -> WaveRow {
    let collaboration = match w.collaboration_id {
        Some(id) => Some((
            id,
            app.collaboration(id, who)
                .await
                .map_or_else(|_| format!("Samenwerking {id}"), |c| c.fields.name),
        )),
        None => None,
    };
    WaveRow {
        key: w.key.clone(),
        title: w.title.clone(),
        period: match (w.opens_on, w.closes_on) {
            (None, None) => String::new(),
            (o, c) => format!("{} – {}", date(o), date(c)),
        },
        status: status_nl(answering_on(w, app.today())),
        k: w.k,
        collaboration,
    }
}

#[derive(Template)]
#[template(path = "survey/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub waves: Vec<WaveRow>,
    pub admin: bool,
    pub form: FormState,
    /// Only the waves about this collaboration.
    pub only: Option<i64>,
}

async fn list_page(app: &App, ctx: &PageContext, waves: &[Wave], form: FormState) -> ListPage {
    let mut rows = Vec::with_capacity(waves.len());
    for w in waves {
        rows.push(wave_row(app, &ctx.who, w).await);
    }
    ListPage {
        layout: Layout::new(ctx, "Knelpuntenmonitor", "knelpuntenmonitor"),
        waves: rows,
        admin: ctx.who.is_platform_admin(),
        form,
        only: None,
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    /// Prefills the collaboration of a new wave (from a collaboration's page).
    samenwerking: Option<String>,
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let query = parse_query::<ListQuery>(raw.as_deref()).0;
    let only = query
        .samenwerking
        .as_deref()
        .and_then(|id| id.trim().parse::<i64>().ok());
    let mut waves = app.waves().await?;
    if let Some(id) = only {
        waves.retain(|w| w.collaboration_id == Some(id));
    }
    let mut form = FormState::default();
    form.set("k", "10");
    form.set("collaboration_id", query.samenwerking.unwrap_or_default());
    let mut page = list_page(&app, &ctx, &waves, form).await;
    page.only = only;
    Ok(render(StatusCode::OK, &page))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let input = WaveInput {
        key: get(&pairs, "key").to_owned(),
        title: get(&pairs, "title").to_owned(),
        k: get(&pairs, "k").to_owned(),
        opens_on: get(&pairs, "opens_on").to_owned(),
        closes_on: get(&pairs, "closes_on").to_owned(),
        collaboration: get(&pairs, "collaboration_id").to_owned(),
    };
    let result = app.create_wave(&input, &ctx.who).await;
    form_outcome(
        &ctx,
        result,
        |wave| {
            Saved::new(
                format!("/knelpuntenmonitor/{}", wave.key),
                format!("Golf {} geopend.", wave.title),
            )
        },
        async |errors| {
            let waves = app.waves().await?;
            Ok(list_page(&app, &ctx, &waves, FormState::refused(&pairs, errors)).await)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "survey/close.html")]
pub struct ClosePage {
    pub layout: Layout,
    pub key: String,
    pub k: i64,
    pub status: String,
}

/// Asks before closing a wave, which cannot be undone (beheerders; an open wave only).
pub async fn confirm_close(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let may = ctx.who.is_platform_admin();
    super::offered(&ctx, may, samenspel_domain::auth::Action::ManageSurveys)?;
    let wave = app.wave(&key).await?;
    if wave.closed_at.is_some() {
        return Err(AppError::Unavailable {
            title: NotAnswerable::Closed.title_nl(),
            message: format!("Golf {} is al gesloten.", wave.title),
        }
        .into());
    }
    let status = status_nl(answering_on(&wave, app.today())).to_lowercase();
    Ok(render(
        StatusCode::OK,
        &ClosePage {
            layout: Layout::new(&ctx, format!("Golf {} sluiten?", wave.title), "knelpuntenmonitor"),
            key: wave.key,
            k: wave.k,
            status: format!("de status: {status}"),
        },
    ))
}

pub async fn close(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let wave = app.close_wave(&key, &ctx.who).await?;
    Saved::new(
        format!("/knelpuntenmonitor/{}", wave.key),
        format!("Golf {} gesloten.", wave.title),
    )
    .answer(&ctx)
}

/// One statement in the report tables.
pub struct StatementRow {
    pub id: String,
    pub text: &'static str,
    /// Per shown group (in the order of `groups`): n, mean, sd, median, top-2-box, rank.
    pub cells: Vec<[String; 6]>,
    pub reference: (String, String),
}

pub struct RankRow {
    pub rank: usize,
    pub rijk: String,
    pub decentraal: String,
}

pub struct TestRow {
    pub id: String,
    pub u: String,
    pub z: String,
    pub p: String,
    pub p_holm: String,
    pub r: String,
    pub significant: bool,
}

pub struct ReportView {
    pub groups: Vec<(String, &'static str, u64)>,
    /// Rijk and decentraal, when shown: the groups of the per-statement table.
    pub main: Vec<&'static str>,
    /// The shown layers, for the table of means per layer.
    pub layers: Vec<&'static str>,
    pub layer_means: Vec<(String, Vec<String>)>,
    pub statements: Vec<StatementRow>,
    pub ranks: Vec<RankRow>,
    pub shared: Vec<String>,
    pub tests: Vec<TestRow>,
    pub themes: Vec<(&'static str, Vec<String>)>,
    pub suppressed: Vec<String>,
    /// The rankings chart (when Rijk and decentraal are both shown).
    pub ranking_svg: Option<String>,
    /// The diverging bars of the main groups, and the same numbers as rows: label, n, % per
    /// answer 1–5.
    pub bars_svg: String,
    pub distribution: Vec<(String, u64, Vec<String>)>,
}

fn opt(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}").replace('.', ","))
        .unwrap_or_else(|| "–".into())
}

fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0,001".into()
    } else {
        format!("{p:.3}").replace('.', ",")
    }
}

/// The groups of a report as shown: all present, and split into the main pair (Rijk,
/// decentraal) and the layers.
struct ShownGroups {
    all: Vec<Group>,
    main: Vec<Group>,
    layers: Vec<Group>,
}

impl ShownGroups {
    fn of(r: &SurveyReport) -> Self {
        let all: Vec<Group> = Group::ALL
            .iter()
            .copied()
            .filter(|g| r.report.groups.contains_key(g.key()))
            .collect();
        let (main, layers): (Vec<Group>, Vec<Group>) = all
            .iter()
            .partition(|g| matches!(g, Group::Rijk | Group::Decentraal));
        Self { all, main, layers }
    }
}

/// The report of a closed wave, one function per table or chart.
fn report_view(r: &SurveyReport) -> ReportView {
    let shown = ShownGroups::of(r);
    let bar_rows = bar_rows(r, &shown.main);
    ReportView {
        ranking_svg: ranking_svg(r),
        bars_svg: crate::charts::survey::diverging("verdeling", &bar_rows),
        distribution: distribution(&bar_rows),
        groups: shown
            .all
            .iter()
            .map(|g| (g.key().to_owned(), g.label_nl(), group(r, *g).respondents))
            .collect(),
        main: shown.main.iter().map(|g| g.label_nl()).collect(),
        layers: shown.layers.iter().map(|g| g.label_nl()).collect(),
        layer_means: layer_means(r, &shown.layers),
        statements: r
            .statements
            .iter()
            .map(|s| statement_row(r, s, &shown.main))
            .collect(),
        ranks: rank_rows(r),
        shared: r
            .report
            .shared_top
            .as_ref()
            .map(|s| s.statements.clone())
            .unwrap_or_default(),
        tests: r.report.tests.iter().map(test_row).collect(),
        themes: theme_rows(r, &shown.all),
        suppressed: r.report.suppressed.iter().map(|s| s.note.clone()).collect(),
    }
}

/// A shown group's report (the groups shown are those in the report).
fn group(r: &SurveyReport, g: Group) -> &GroupReport {
    &r.report.groups[g.key()]
}

/// The rankings chart, when Rijk and decentraal are both shown.
fn ranking_svg(r: &SurveyReport) -> Option<String> {
    let means = |g: &str| -> Vec<(String, f64)> {
        let Some(report) = r.report.groups.get(g) else {
            return Vec::new();
        };
        report
            .ranking
            .iter()
            .filter_map(|id| Some((id.clone(), report.statements.get(id)?.mean?)))
            .collect()
    };
    let shared_ids = r
        .report
        .shared_top
        .as_ref()
        .map(|s| s.statements.clone())
        .unwrap_or_default();
    r.report.shared_top.as_ref().map(|_| {
        crate::charts::survey::rankings(
            "rangordes",
            ("Rijk", "Decentraal"),
            &means("rijk"),
            &means("decentraal"),
            &shared_ids,
        )
    })
}

/// Per statement and main group: its label and the counts of the answers 1–5.
fn bar_rows(r: &SurveyReport, main: &[Group]) -> Vec<(String, [u64; 5])> {
    r.statements
        .iter()
        .flat_map(|s| {
            main.iter().filter_map(move |g| {
                let st = r.report.groups.get(g.key())?.statements.get(s.id)?;
                Some((format!("{} {}", s.id, g.label_nl()), st.counts))
            })
        })
        .collect()
}

/// The diverging bars as rows: label, n, % per answer 1–5.
fn distribution(bar_rows: &[(String, [u64; 5])]) -> Vec<(String, u64, Vec<String>)> {
    bar_rows
        .iter()
        .map(|(label, counts)| {
            let n: u64 = counts.iter().sum();
            let shares = counts
                .iter()
                .map(|c| {
                    if n == 0 {
                        "–".to_owned()
                    } else {
                        format!("{}%", decimal(*c as f64 * 100.0 / n as f64))
                    }
                })
                .collect();
            (label.clone(), n, shares)
        })
        .collect()
}

fn layer_means(r: &SurveyReport, layers: &[Group]) -> Vec<(String, Vec<String>)> {
    r.statements
        .iter()
        .map(|s| {
            let means = layers
                .iter()
                .map(|g| opt(group(r, *g).statements.get(s.id).and_then(|x| x.mean)))
                .collect();
            (s.id.to_owned(), means)
        })
        .collect()
}

fn statement_row(r: &SurveyReport, s: &Statement, main: &[Group]) -> StatementRow {
    StatementRow {
        id: s.id.to_owned(),
        text: s.text,
        cells: main
            .iter()
            .map(|g| match group(r, *g).statements.get(s.id) {
                Some(st) => [
                    st.n.to_string(),
                    opt(st.mean),
                    opt(st.sd),
                    opt(st.median),
                    st.top2box
                        .map(|t| format!("{}%", decimal(t * 100.0)))
                        .unwrap_or_else(|| "–".into()),
                    st.rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into()),
                ],
                None => Default::default(),
            })
            .collect(),
        reference: ROB_2020_MEANS
            .iter()
            .find(|m| m.0 == s.id)
            .map(|m| (decimal(m.1), decimal(m.2)))
            .unwrap_or_default(),
    }
}

/// The two rankings side by side, each statement with its mean.
fn rank_rows(r: &SurveyReport) -> Vec<RankRow> {
    let ranking = |g: &str| -> Vec<String> {
        r.report
            .groups
            .get(g)
            .map(|x| x.ranking.clone())
            .unwrap_or_default()
    };
    let (rijk, decentraal) = (ranking("rijk"), ranking("decentraal"));
    // Each place names its rank (equal means share one), the statement in words and its mean.
    let with_mean = |g: &str, id: &str| {
        let stats = r.report.groups.get(g).and_then(|x| x.statements.get(id));
        let rank = stats
            .and_then(|s| s.rank)
            .map(|n| format!("{n}. "))
            .unwrap_or_default();
        let text = r.statements.iter().find(|s| s.id == id).map_or("", |s| s.text);
        format!("{rank}{id} …{text} ({})", opt(stats.and_then(|s| s.mean)))
    };
    (0..rijk.len().max(decentraal.len()))
        .map(|i| RankRow {
            rank: i + 1,
            rijk: rijk.get(i).map(|id| with_mean("rijk", id)).unwrap_or_default(),
            decentraal: decentraal
                .get(i)
                .map(|id| with_mean("decentraal", id))
                .unwrap_or_default(),
        })
        .collect()
}

fn test_row(t: &StatementTest) -> TestRow {
    TestRow {
        id: t.statement.clone(),
        u: format!("{:.1}", t.test.u).replace('.', ","),
        z: decimal(t.test.z),
        p: p_value(t.test.p),
        p_holm: p_value(t.p_holm),
        r: decimal(t.test.rank_biserial),
        significant: t.differs(),
    }
}

fn theme_rows(r: &SurveyReport, shown: &[Group]) -> Vec<(&'static str, Vec<String>)> {
    Theme::ALL
        .iter()
        .map(|t| {
            (
                t.label_nl(),
                shown
                    .iter()
                    .map(|g| opt(group(r, *g).themes.get(t.key()).and_then(|x| x.mean)))
                    .collect(),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "survey/wave.html")]
pub struct WavePage {
    pub layout: Layout,
    pub wave: WaveRow,
    pub open: bool,
    /// Why an open wave takes no answers today (before its opening or after its closing date).
    pub not_answering: Option<String>,
    pub admin: bool,
    pub report: Option<ReportView>,
    /// The trend's column titles and per statement the (Rijk, decentraal) means per column;
    /// empty without earlier waves.
    pub trend_titles: Vec<String>,
    pub trend_rows: Vec<(String, Vec<(String, String)>)>,
}

pub async fn show(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let wave = app.wave(&key).await?;
    let report = if wave.closed_at.is_some() {
        Some(report_view(&app.survey_report(&key).await?))
    } else {
        None
    };
    let trend = if wave.closed_at.is_some() {
        app.survey_trend(&key).await?
    } else {
        Vec::new()
    };
    // Only the ROB reference and this wave: the reference columns of the report suffice.
    let trend = if trend.len() > 2 { trend } else { Vec::new() };
    let trend_rows = trend
        .first()
        .map(|first| {
            first
                .means
                .keys()
                .map(|id| {
                    let cells = trend
                        .iter()
                        .map(|t| {
                            let (r, d) = t.means.get(id).copied().unwrap_or((None, None));
                            (opt(r), opt(d))
                        })
                        .collect();
                    (id.clone(), cells)
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(render(
        StatusCode::OK,
        &WavePage {
            layout: Layout::new(&ctx, wave.title.clone(), "knelpuntenmonitor"),
            open: wave.closed_at.is_none(),
            not_answering: answering_on(&wave, app.today())
                .err()
                .map(NotAnswerable::message_nl),
            admin: ctx.who.is_platform_admin(),
            wave: wave_row(&app, &ctx.who, &wave).await,
            report,
            trend_titles: trend.iter().map(|t| t.title.clone()).collect(),
            trend_rows,
        },
    ))
}

pub async fn report_csv_file(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(key): PagePath<String>,
) -> PageResult {
    let r = app.survey_report(&key).await?;
    Ok(super::csv_response(
        &format!("knelpuntenmonitor-{}.csv", r.wave.key),
        report_csv_with_header(&r, &crate::exports::survey_report(ctx.lang)),
    ))
}

pub async fn report_json_file(State(app): State<App>, PagePath(key): PagePath<String>) -> PageResult {
    Ok(axum::Json(app.survey_report(&key).await?).into_response())
}
