//! The answer form of the knelpuntenmonitor: an accessible Likert grid (a real table with row
//! and column headers, every radio labelled, no JavaScript), by the wave's link or a personal
//! invitation (`?uitnodiging=TOKEN`), which can be resumed while the wave is open; in the
//! visitor's language (`locales/*/survey.ftl`).

use super::page_path::PagePath;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing;
use axum::{Form, Router};
use samenspel_app::survey::{RespondentView, ResponseInput};
use samenspel_app::{App, AppError};
use samenspel_domain::survey::{Answer, RespondentLayer};
use serde::Deserialize;

use super::form::{FormState, get};
use super::outcome::{Saved, form_outcome};
use super::survey::statement_text;
use super::{Layout, parse_query_in, render};
use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::{ClientAddress, PageContext};
use crate::ui::request::Visit;

pub fn routes() -> Router<App> {
    Router::new()
        .route(
            "/knelpuntenmonitor/{key}/invullen",
            routing::get(form).post(submit),
        )
        .route("/knelpuntenmonitor/{key}/bedankt", routing::get(thanks))
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
}

pub struct Row {
    pub number: usize,
    /// "Statement 3:", before each answer's value for a screen reader.
    pub prefix: String,
    pub id: &'static str,
    pub text: String,
    /// (value, radio id, checked)
    pub options: Vec<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "survey/answer.html")]
pub struct AnswerPage {
    pub layout: Layout,
    pub title: String,
    pub action: String,
    pub token: String,
    pub resumed: bool,
    pub introduction: String,
    pub stem: String,
    pub columns: Vec<Choice>,
    pub layers: Vec<(Choice, bool)>,
    pub rows: Vec<Row>,
    pub form: FormState,
}

const VALUES: [&str; 6] = ["1", "2", "3", "4", "5", "n"];

fn columns(lang: Lang) -> Vec<Choice> {
    VALUES
        .iter()
        .map(|v| Choice {
            value: v,
            label: match *v {
                "1" => lang.t("survey-answer-low"),
                "5" => lang.t("survey-answer-high"),
                "n" => lang.t("survey-answer-dont-know"),
                value => value.to_owned(),
            },
        })
        .collect()
}

fn page(ctx: &PageContext, view: &RespondentView, token: &str, form: FormState) -> AnswerPage {
    let key = &view.wave.key;
    let lang = ctx.lang;
    AnswerPage {
        layout: Layout::translated(
            ctx,
            lang.t_with("survey-form-title", &[("title", &view.wave.title)]),
            "knelpuntenmonitor",
        ),
        title: view.wave.title.clone(),
        action: format!("/knelpuntenmonitor/{key}/invullen"),
        token: token.to_owned(),
        resumed: view.earlier.is_some(),
        introduction: lang.t("survey-introduction"),
        stem: lang.t("survey-stem"),
        columns: columns(lang),
        layers: RespondentLayer::ALL
            .iter()
            .map(|l| {
                (
                    Choice {
                        value: l.key(),
                        label: lang.t(l.message_id()),
                    },
                    form.selected("layer", l.key()),
                )
            })
            .collect(),
        rows: view
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| Row {
                number: i + 1,
                prefix: lang.t_with("survey-statement-number", &[("number", &(i + 1).to_string())]),
                id: s.id,
                text: statement_text(lang, s),
                options: VALUES
                    .iter()
                    .map(|v| (*v, format!("a-{}-{v}", s.id), form.selected(s.id, v)))
                    .collect(),
            })
            .collect(),
        form,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct TokenQuery {
    uitnodiging: Option<String>,
}

fn prefill(view: &RespondentView) -> FormState {
    let mut form = FormState::default();
    if let Some(r) = &view.earlier {
        form.set("layer", r.layer.key());
        form.set("domain", r.domain.clone().unwrap_or_default());
        for (s, a) in view.statements.iter().zip(&r.answers) {
            let value = match a {
                Some(Answer::Score(v)) => v.to_string(),
                Some(Answer::DontKnow) => "n".to_owned(),
                None => String::new(),
            };
            form.set(s.id, value);
        }
    }
    form
}

/// The cookie that remembers a wave answered by its open link in this browser (a wave's key
/// is letters, digits and hyphens; another key gets no cookie).
fn answered_cookie(key: &str) -> Option<String> {
    (!key.is_empty() && key.len() <= 64 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then(|| format!("samenspel_beantwoord_{key}"))
}

/// The page that says only why this form takes no answer (409), in the visitor's language.
pub(super) fn refusal(ctx: &PageContext, heading: String, message: String) -> Response {
    render(
        StatusCode::CONFLICT,
        &super::ErrorPage {
            layout: Layout::translated(ctx, heading.clone(), "knelpuntenmonitor"),
            heading,
            message,
            sign_in: None,
            link: None,
        },
    )
}

/// One browser answers a wave's open link once (besides the limit per address); a personal
/// invitation may change its answers.
fn refuse_second_answer(
    ctx: &PageContext,
    headers: &HeaderMap,
    key: &str,
    token: Option<&str>,
) -> Option<Response> {
    let answered = answered_cookie(key).is_some_and(|name| crate::session::cookie(headers, &name).is_some());
    (token.is_none() && answered).then(|| {
        let lang = ctx.lang;
        refusal(
            ctx,
            lang.t("survey-already-answered-title"),
            lang.t("survey-already-answered"),
        )
    })
}

/// A wave that takes no answers today (closed, not yet open, past its date) says why in the
/// visitor's language; any other error is the error page.
fn unless_answering(ctx: &PageContext, error: AppError) -> PageResult {
    match error {
        AppError::Unavailable { title, message } => {
            Ok(refusal(ctx, ctx.lang.msg(&title), ctx.lang.msg(&message)))
        }
        other => Err(other.into()),
    }
}

pub async fn form(
    Visit(app, ctx, key): Visit<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> PageResult {
    let token = parse_query_in::<TokenQuery>(ctx.lang, raw.as_deref())
        .0
        .uitnodiging
        .unwrap_or_default();
    let token_ref = Some(token.as_str()).filter(|t| !t.is_empty());
    if let Some(refused) = refuse_second_answer(&ctx, &headers, &key, token_ref) {
        return Ok(refused);
    }
    let view = match app.respondent_view(&key, token_ref).await {
        Ok(view) => view,
        Err(e) => return unless_answering(&ctx, e),
    };
    let form = prefill(&view);
    Ok(render(StatusCode::OK, &page(&ctx, &view, &token, form)))
}

pub async fn submit(
    State(app): State<App>,
    ctx: PageContext,
    ClientAddress(address): ClientAddress,
    PagePath(key): PagePath<String>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let token = get(&pairs, "uitnodiging").trim().to_owned();
    let token_ref = Some(token.as_str()).filter(|t| !t.is_empty());
    if let Some(refused) = refuse_second_answer(&ctx, &headers, &key, token_ref) {
        return Ok(refused);
    }
    let view = match app.respondent_view(&key, token_ref).await {
        Ok(view) => view,
        Err(e) => return unless_answering(&ctx, e),
    };
    let input = ResponseInput {
        layer: get(&pairs, "layer").to_owned(),
        domain: get(&pairs, "domain").to_owned(),
        answers: view
            .statements
            .iter()
            .map(|s| get(&pairs, s.id).to_owned())
            .collect(),
    };
    let result = match app.respond(&key, token_ref, &input, &address).await {
        Err(e @ AppError::Unavailable { .. }) => return unless_answering(&ctx, e),
        result => result,
    };
    let saved = result.is_ok();
    let mut response = form_outcome(
        &ctx,
        result,
        // The thanks page itself confirms the save (and whether earlier answers were replaced).
        |replaced| {
            Saved::to_confirmation_page(format!(
                "/knelpuntenmonitor/{}/bedankt{}",
                view.wave.key,
                if replaced { "?aangepast=1" } else { "" }
            ))
        },
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            Ok(page(&ctx, &view, &token, form))
        },
    )
    .await?;
    if let (true, None, Some(name)) = (saved, token_ref, answered_cookie(&view.wave.key)) {
        let remembered = crate::session::set_cookie(ctx.config, &name, "1", Some(REMEMBER_ANSWERED));
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, remembered);
    }
    Ok(response)
}

/// How long a browser remembers it answered a wave's open link: a year, longer than a wave.
const REMEMBER_ANSWERED: i64 = 365 * 24 * 3600;

#[derive(Template)]
#[template(path = "survey/thanks.html")]
pub struct ThanksPage {
    pub layout: Layout,
    pub key: String,
    pub changed: bool,
}

pub async fn thanks(ctx: PageContext, PagePath(key): PagePath<String>, RawQuery(raw): RawQuery) -> Response {
    let changed = raw.as_deref().is_some_and(|q| q.contains("aangepast=1"));
    render(
        StatusCode::OK,
        &ThanksPage {
            layout: Layout::translated(&ctx, ctx.lang.t("survey-thanks-title"), "knelpuntenmonitor"),
            key,
            changed,
        },
    )
}
