//! The owning ministry's page for the reactions of a dossier (`/udo/{id}/reacties`): every
//! reaction with buttons to publish or reject it and a field to file it under a theme; the
//! report as the explanatory memorandum gives it; the form to record per theme what was done.

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::AppError;
use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::consultation::moderation::ModerationInput;
use samenspel_domain::udo::consultation::report::{ConsultationReport, ThemeAction, ThemeResponseInput};

use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::form::{FormState, get};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::{Layout, render};

/// One reaction in the moderation list.
pub struct ModerationItem {
    pub id: i64,
    pub kind: String,
    pub author: String,
    pub objects: bool,
    pub text: Vec<String>,
    pub theme: String,
    pub status: String,
    pub received_on: String,
    /// The messages of a refused decision on this reaction.
    pub errors: Vec<String>,
}

pub struct ThemeRow {
    pub theme: String,
    pub count: usize,
    pub response: Option<String>,
}

/// The report as the explanatory memorandum gives it, ready to print.
pub struct ReportView {
    pub total: usize,
    pub by_kind: Vec<(String, usize)>,
    pub themes: Vec<ThemeRow>,
    pub without_theme: usize,
    pub source: String,
}

#[derive(Template)]
#[template(path = "udo/moderation.html")]
pub struct ModerationPage {
    pub layout: Layout,
    pub id: i64,
    pub dossier_title: String,
    pub items: Vec<ModerationItem>,
    /// Themes in use, offered in the theme fields.
    pub themes: Vec<String>,
    pub report: ReportView,
    /// The messages of a refused decision on a reaction, for the summary at the top.
    pub moderation_errors: Vec<String>,
    pub form: FormState,
    pub actions: Vec<(&'static str, String)>,
}

/// A refused moderation: which reaction, the values sent and the messages.
struct Refused {
    reaction: i64,
    theme: String,
    errors: ValidationErrors,
}

async fn page(
    app: &App,
    ctx: &PageContext,
    id: i64,
    refused: Option<Refused>,
    form: FormState,
) -> Result<ModerationPage, AppError> {
    let lang = ctx.lang;
    let view = app.udo_dossier(id, &ctx.who).await?;
    let reactions = app.udo_reactions_to_moderate(id, &ctx.who).await?;
    let report = app.udo_consultation_report(id, &ctx.who).await?;
    let mut themes: Vec<String> = reactions.iter().filter_map(|r| r.theme.clone()).collect();
    themes.sort();
    themes.dedup();
    let messages = |errors: &ValidationErrors| -> Vec<String> {
        errors.errors.iter().map(|e| lang.msg(&e.message)).collect()
    };
    let moderation_errors = refused.as_ref().map(|r| messages(&r.errors)).unwrap_or_default();
    let items = reactions
        .iter()
        .map(|r| {
            let mine = refused.as_ref().filter(|f| f.reaction == r.id);
            ModerationItem {
                id: r.id,
                kind: lang.t(r.kind.message_id()),
                author: r
                    .author
                    .as_ref()
                    .map(|a| format!("{}, {}", a.name, a.place))
                    .unwrap_or_default(),
                objects: r.objects_to_publication,
                text: super::paragraphs(&r.text),
                theme: mine
                    .map(|f| f.theme.clone())
                    .or_else(|| r.theme.clone())
                    .unwrap_or_default(),
                status: lang.t(r.status.message_id()),
                received_on: r.received_on.format("%d-%m-%Y").to_string(),
                errors: mine.map(|f| messages(&f.errors)).unwrap_or_default(),
            }
        })
        .collect();
    Ok(ModerationPage {
        layout: Layout::translated(ctx, lang.t("udo-moderation-title"), "udo"),
        id,
        dossier_title: view.content.title.clone(),
        items,
        themes,
        report: report_view(lang, &report),
        form,
        actions: ThemeAction::ALL
            .iter()
            .map(|a| (a.key(), lang.t(a.message_id())))
            .collect(),
        moderation_errors,
    })
}

fn report_view(lang: Lang, report: &ConsultationReport) -> ReportView {
    ReportView {
        total: report.total,
        by_kind: report
            .by_kind
            .iter()
            .map(|k| (lang.t(k.kind.message_id()), k.count))
            .collect(),
        themes: report
            .themes
            .iter()
            .map(|t| ThemeRow {
                theme: t.theme.clone(),
                count: t.count,
                response: t.response.as_ref().map(|r| {
                    format!(
                        "{} — {} {}",
                        lang.t(r.action.message_id()),
                        r.nature,
                        r.explanation
                    )
                }),
            })
            .collect(),
        without_theme: report.without_theme,
        source: lang.msg(&samenspel_domain::udo::consultation::report::source()),
    }
}

pub async fn show(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let page = page(&app, &ctx, id, None, FormState::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn moderate(PostedTo(app, ctx, (id, reaction), pairs): PostedTo<(i64, i64)>) -> PageResult {
    let input = ModerationInput {
        status: get(&pairs, "status").to_owned(),
        theme: get(&pairs, "theme").to_owned(),
    };
    let result = app.moderate_udo_reaction(id, reaction, &input, &ctx.who).await;
    let saved = ctx.lang.t("udo-moderation-saved");
    form_outcome(
        &ctx,
        result,
        |()| Saved::new(format!("/udo/{id}/reacties#reactie-{reaction}"), saved),
        async |errors| {
            let refused = Refused {
                reaction,
                theme: input.theme.clone(),
                errors,
            };
            Ok(page(&app, &ctx, id, Some(refused), FormState::default()).await?)
        },
    )
    .await
}

pub async fn theme_response(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = ThemeResponseInput {
        theme: get(&pairs, "theme").to_owned(),
        nature: get(&pairs, "nature").to_owned(),
        action: get(&pairs, "action").to_owned(),
        explanation: get(&pairs, "explanation").to_owned(),
    };
    let result = app.record_udo_theme_response(id, &input, &ctx.who).await;
    let saved = ctx.lang.t("udo-theme-response-saved");
    form_outcome(
        &ctx,
        result,
        |()| Saved::new(format!("/udo/{id}/reacties"), saved),
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            Ok(page(&app, &ctx, id, None, form).await?)
        },
    )
    .await
}
