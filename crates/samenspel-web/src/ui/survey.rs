//! The knelpuntenmonitor's pages: the waves (and opening one), a wave with its answer link,
//! closing it, and after closing its report as tables (per group, the two rankings side by
//! side, Rijk against decentraal, themes), with the ROB's 2020 means as reference; in the
//! visitor's language (`locales/*/survey.ftl`, the statements too).

use super::page_path::PagePath;
use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing;
use samenspel_app::App;
use samenspel_app::survey::{SurveyReport, WaveInput, answering_on, report_csv_with_header};
use samenspel_domain::survey::charts::{BarRow, Ranked, Words};
use samenspel_domain::survey::instrument::ROB_2020_MEANS;
use samenspel_domain::survey::period::NotAnswerable;
use samenspel_domain::survey::report::{GroupReport, StatementTest, SuppressedGroup};
use samenspel_domain::survey::{Group, Statement, Theme};
use samenspel_store::Wave;

use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::{Layout, decimal, parse_query_in, render};
use crate::error::PageResult;
use crate::i18n::Lang;
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

/// A statement's text in `lang` (the instrument's own words when the catalogue has none).
pub fn statement_text(lang: Lang, s: &Statement) -> String {
    let id = format!("survey-statement-{}", s.id);
    if crate::i18n::message_ids(lang).contains(&id) {
        lang.t(&id)
    } else {
        s.text.to_owned()
    }
}

/// A wave's status as lists and its page show it (see `status_nl` in the domain).
fn status(lang: Lang, answering: Result<(), NotAnswerable>) -> String {
    match answering {
        Ok(()) => lang.t("survey-status-open"),
        Err(NotAnswerable::Closed) => lang.t("survey-status-closed"),
        Err(NotAnswerable::NotYetOpen(d)) => {
            lang.t_with("survey-status-opens-on", &[("date", &date(Some(d)))])
        }
        Err(NotAnswerable::PastClosingDate(d)) => {
            lang.t_with("survey-status-past-closing", &[("date", &date(Some(d)))])
        }
    }
}

/// A wave as lists and its page show it, its collaboration named as the visitor may see it
/// (a draft the visitor may not see keeps its number).
async fn wave_row(app: &App, ctx: &PageContext, w: &Wave) -> WaveRow {
    let lang = ctx.lang;
    let collaboration = match w.collaboration_id {
        Some(id) => Some((
            id,
            app.collaboration(id, &ctx.who).await.map_or_else(
                |_| lang.t_with("survey-collaboration-fallback", &[("id", &id.to_string())]),
                |c| c.fields.name,
            ),
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
        status: status(lang, answering_on(w, app.today())),
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
    /// "collaboration 12", naming that collaboration.
    pub only_label: String,
    /// The collaborations the words in the form's collaboration field match, to choose from
    /// (id, name), when they match more than one.
    pub choices: Vec<(String, String)>,
}

async fn list_page(app: &App, ctx: &PageContext, waves: &[Wave], form: FormState) -> ListPage {
    let mut rows = Vec::with_capacity(waves.len());
    for w in waves {
        rows.push(wave_row(app, ctx, w).await);
    }
    ListPage {
        layout: Layout::translated(ctx, ctx.lang.t("survey-title"), "knelpuntenmonitor"),
        waves: rows,
        admin: ctx.who.is_platform_admin(),
        form,
        only: None,
        only_label: String::new(),
        choices: Vec::new(),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    /// Prefills the collaboration of a new wave (from a collaboration's page).
    samenwerking: Option<String>,
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let query = parse_query_in::<ListQuery>(ctx.lang, raw.as_deref()).0;
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
    if let Some(id) = only {
        page.only_label = ctx
            .lang
            .t_with("survey-collaboration-number", &[("id", &id.to_string())]);
    }
    Ok(render(StatusCode::OK, &page))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let input = WaveInput {
        key: get(&pairs, "key").to_owned(),
        title: get(&pairs, "title").to_owned(),
        k: get(&pairs, "k").to_owned(),
        opens_on: get(&pairs, "opens_on").to_owned(),
        closes_on: get(&pairs, "closes_on").to_owned(),
        // A collaboration chosen from the offered matches counts over the typed words.
        collaboration: match get(&pairs, "collaboration_choice") {
            "" => get(&pairs, "collaboration_id"),
            chosen => chosen,
        }
        .to_owned(),
    };
    let result = app.create_wave(&input, &ctx.who).await;
    form_outcome(
        &ctx,
        result,
        |wave| {
            Saved::new(
                format!("/knelpuntenmonitor/{}", wave.key),
                ctx.lang.t_with("survey-opened", &[("title", &wave.title)]),
            )
        },
        async |errors| {
            let waves = app.waves().await?;
            let several = errors.errors.iter().any(|e| e.code == "ambiguous_collaboration");
            let mut page = list_page(&app, &ctx, &waves, FormState::refused(&pairs, errors)).await;
            if several {
                page.choices = app
                    .collaborations_named(&input.collaboration, &ctx.who)
                    .await?
                    .into_iter()
                    .map(|hit| (hit.key, hit.title))
                    .collect();
            }
            Ok(page)
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "survey/close.html")]
pub struct ClosePage {
    pub layout: Layout,
    pub key: String,
    /// What closing does, after its words in bold.
    pub rest: String,
    /// "The wave now has the status: …".
    pub status: String,
}

/// Asks before closing a wave, which cannot be undone (beheerders; an open wave only).
pub async fn confirm_close(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let may = ctx.who.is_platform_admin();
    super::offered(&ctx, may, samenspel_domain::auth::Action::ManageSurveys)?;
    let wave = app.wave(&key).await?;
    let lang = ctx.lang;
    if wave.closed_at.is_some() {
        let message = lang.t_with("survey-already-closed", &[("title", &wave.title)]);
        return Ok(super::survey_form::refusal(
            &ctx,
            lang.t("survey-closed-title"),
            message,
        ));
    }
    let now = status(lang, answering_on(&wave, app.today())).to_lowercase();
    let title = lang.t_with("survey-close-title", &[("title", &wave.title)]);
    Ok(render(
        StatusCode::OK,
        &ClosePage {
            layout: Layout::translated(&ctx, title, "knelpuntenmonitor"),
            key: wave.key,
            rest: lang.t_with("survey-close-2", &[("k", &wave.k.to_string())]),
            status: lang.t_with("survey-close-status", &[("status", &now)]),
        },
    ))
}

pub async fn close(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let wave = app.close_wave(&key, &ctx.who).await?;
    Saved::new(
        format!("/knelpuntenmonitor/{}", wave.key),
        ctx.lang.t_with("survey-closed", &[("title", &wave.title)]),
    )
    .answer(&ctx)
}

/// One statement in the report tables.
pub struct StatementRow {
    pub id: String,
    pub text: String,
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
    /// The names of the groups Rijk and decentraal (column headings).
    pub rijk: String,
    pub decentraal: String,
    pub groups: Vec<(String, String, u64)>,
    /// Rijk and decentraal, when shown: the groups of the per-statement table.
    pub main: Vec<String>,
    /// The shown layers, for the table of means per layer.
    pub layers: Vec<String>,
    pub layer_means: Vec<(String, Vec<String>)>,
    pub statements: Vec<StatementRow>,
    pub ranks: Vec<RankRow>,
    pub shared: Vec<String>,
    pub tests: Vec<TestRow>,
    pub themes: Vec<(String, Vec<String>)>,
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

/// Why a group is not shown: the report's note that it has fewer than k respondents in
/// `lang`; any other note as the report wrote it.
fn suppressed(lang: Lang, s: &SuppressedGroup, k: i64) -> String {
    let too_few = |lang: Lang| {
        lang.t_with(
            "survey-suppressed",
            &[("group", &lang.t(s.group.message_id())), ("k", &k.to_string())],
        )
    };
    if s.note == too_few(Lang::Nl) {
        too_few(lang)
    } else {
        s.note.clone()
    }
}

/// The longest statement text a chart shows; longer ones end in "…" (in full on hover).
const CHART_TEXT: usize = 30;

/// `text` cut at a word to at most `max` characters and "…".
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", at_word.trim_end_matches([',', ' ']))
}

/// The report of a closed wave, one function per table or chart.
fn report_view(lang: Lang, r: &SurveyReport) -> ReportView {
    let shown = ShownGroups::of(r);
    let bar_rows = bar_rows(lang, r, &shown.main);
    let label = |g: &Group| lang.t(g.message_id());
    let words = Words {
        title: &lang.t("survey-chart-distribution"),
        pair: (&lang.t("survey-chart-low"), &lang.t("survey-chart-high")),
    };
    ReportView {
        rijk: label(&Group::Rijk),
        decentraal: label(&Group::Decentraal),
        ranking_svg: ranking_svg(lang, r),
        bars_svg: crate::charts::survey::diverging("verdeling", words, &bar_rows),
        distribution: distribution(&bar_rows),
        groups: shown
            .all
            .iter()
            .map(|g| (g.key().to_owned(), label(g), group(r, *g).respondents))
            .collect(),
        main: shown.main.iter().map(label).collect(),
        layers: shown.layers.iter().map(label).collect(),
        layer_means: layer_means(r, &shown.layers),
        statements: r
            .statements
            .iter()
            .map(|s| statement_row(lang, r, s, &shown.main))
            .collect(),
        ranks: rank_rows(lang, r),
        shared: r
            .report
            .shared_top
            .as_ref()
            .map(|s| s.statements.clone())
            .unwrap_or_default(),
        tests: r.report.tests.iter().map(test_row).collect(),
        themes: theme_rows(lang, r, &shown.all),
        suppressed: r
            .report
            .suppressed
            .iter()
            .map(|s| suppressed(lang, s, r.wave.k))
            .collect(),
    }
}

/// A shown group's report (the groups shown are those in the report).
fn group(r: &SurveyReport, g: Group) -> &GroupReport {
    &r.report.groups[g.key()]
}

/// The words of the report's statement `id` in `lang` (empty for an unknown id).
fn words_of(lang: Lang, r: &SurveyReport, id: &str) -> String {
    r.statements
        .iter()
        .find(|s| s.id == id)
        .map(|s| statement_text(lang, s))
        .unwrap_or_default()
}

/// A statement as a chart names it: its id and words, shortened and in full.
fn chart_statement(lang: Lang, r: &SurveyReport, id: &str) -> (String, String) {
    let text = words_of(lang, r, id);
    (
        format!("{id} {}", shortened(&text, CHART_TEXT)),
        format!("{id} …{text}"),
    )
}

/// The rankings chart, when Rijk and decentraal are both shown.
fn ranking_svg(lang: Lang, r: &SurveyReport) -> Option<String> {
    let means = |g: &str| -> Vec<Ranked> {
        let Some(report) = r.report.groups.get(g) else {
            return Vec::new();
        };
        report
            .ranking
            .iter()
            .filter_map(|id| {
                let mean = report.statements.get(id)?.mean?;
                let (label, full) = chart_statement(lang, r, id);
                Some(Ranked {
                    id: id.clone(),
                    label,
                    full,
                    mean,
                })
            })
            .collect()
    };
    let shared_ids = r
        .report
        .shared_top
        .as_ref()
        .map(|s| s.statements.clone())
        .unwrap_or_default();
    let (rijk, decentraal) = (
        lang.t(Group::Rijk.message_id()),
        lang.t(Group::Decentraal.message_id()),
    );
    let title = lang.t_with(
        "survey-chart-rankings",
        &[("left", &rijk), ("right", &decentraal)],
    );
    r.report.shared_top.as_ref().map(|_| {
        crate::charts::survey::rankings(
            "rangordes",
            Words {
                title: &title,
                pair: (&rijk, &decentraal),
            },
            &means("rijk"),
            &means("decentraal"),
            &shared_ids,
        )
    })
}

/// Per statement and main group: its label (the statement shortened, and in full) and the
/// counts of the answers 1–5.
fn bar_rows(lang: Lang, r: &SurveyReport, main: &[Group]) -> Vec<BarRow> {
    r.statements
        .iter()
        .flat_map(|s| {
            main.iter().filter_map(move |g| {
                let st = r.report.groups.get(g.key())?.statements.get(s.id)?;
                let (label, full) = chart_statement(lang, r, s.id);
                let group = lang.t(g.message_id());
                Some(BarRow {
                    label: format!("{label} — {group}"),
                    full: format!("{full} — {group}"),
                    counts: st.counts,
                })
            })
        })
        .collect()
}

/// The diverging bars as rows: the statement in full and the group, n, % per answer 1–5.
fn distribution(bar_rows: &[BarRow]) -> Vec<(String, u64, Vec<String>)> {
    bar_rows
        .iter()
        .map(|BarRow { full, counts, .. }| {
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
            (full.clone(), n, shares)
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

fn statement_row(lang: Lang, r: &SurveyReport, s: &Statement, main: &[Group]) -> StatementRow {
    StatementRow {
        id: s.id.to_owned(),
        text: statement_text(lang, s),
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
fn rank_rows(lang: Lang, r: &SurveyReport) -> Vec<RankRow> {
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
        let text = words_of(lang, r, id);
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

fn theme_rows(lang: Lang, r: &SurveyReport, shown: &[Group]) -> Vec<(String, Vec<String>)> {
    Theme::ALL
        .iter()
        .map(|t| {
            (
                lang.t(t.message_id()),
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
    /// What k means for this wave.
    pub k_explained: String,
}

pub async fn show(Visit(app, ctx, key): Visit<String>) -> PageResult {
    let lang = ctx.lang;
    let wave = app.wave(&key).await?;
    let closed = wave.closed_at.is_some();
    let report = if closed {
        Some(report_view(lang, &app.survey_report(&key).await?))
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
    let response = render(
        StatusCode::OK,
        &WavePage {
            layout: Layout::translated(&ctx, wave.title.clone(), "knelpuntenmonitor"),
            open: wave.closed_at.is_none(),
            not_answering: answering_on(&wave, app.today())
                .err()
                .map(|why| lang.msg(&why.message())),
            admin: ctx.who.is_platform_admin(),
            k_explained: lang.t_with("survey-k-explained", &[("k", &wave.k.to_string())]),
            wave: wave_row(&app, &ctx, &wave).await,
            report,
            trend_titles: trend.iter().map(|t| t.title.clone()).collect(),
            trend_rows,
        },
    );
    Ok(if closed {
        crate::page_cache::cacheable(response)
    } else {
        response
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_domain::survey::instrument::{CORE, INTRODUCTION, STEM};
    use samenspel_domain::survey::period::status_nl;

    #[test]
    fn the_dutch_catalogue_keeps_the_instruments_words() {
        for s in &CORE {
            assert_eq!(statement_text(Lang::Nl, s), s.text, "{}", s.id);
            assert!(
                crate::i18n::message_ids(Lang::En).contains(&format!("survey-statement-{}", s.id)),
                "{} in English",
                s.id
            );
        }
        assert_eq!(Lang::Nl.t("survey-stem"), STEM);
        assert_eq!(Lang::Nl.t("survey-introduction"), INTRODUCTION);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
        for why in [
            NotAnswerable::Closed,
            NotAnswerable::NotYetOpen(day),
            NotAnswerable::PastClosingDate(day),
        ] {
            assert_eq!(status(Lang::Nl, Err(why)), status_nl(Err(why)));
        }
        assert_eq!(status(Lang::Nl, Ok(())), status_nl(Ok(())));
    }

    #[test]
    fn a_suppressed_group_reads_as_the_reports_note_in_dutch() {
        let report = samenspel_domain::survey::report::report(&CORE, &[], 10);
        let note = &report.suppressed[0];
        assert_eq!(suppressed(Lang::Nl, note, 10), note.note);
        assert!(suppressed(Lang::En, note, 10).ends_with("is not shown: fewer than 10 respondents."));
    }

    #[test]
    fn a_long_statement_is_shortened_at_a_word() {
        assert_eq!(shortened("kort", 30), "kort");
        let long = "rijksoverheidsorganisaties de zorgen en uitdagingen onvoldoende serieus nemen";
        let short = shortened(long, 30);
        assert!(short.chars().count() <= 31 && short.ends_with('…'), "{short}");
        assert_eq!(short, "rijksoverheidsorganisaties de…");
    }
}
