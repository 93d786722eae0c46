//! The change log of a collaboration: who changed what and when, as a page, CSV and JSON.

use askama::Template;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use samenspel_app::{App, AppError};
use samenspel_store::Collaboration;

use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::request::Visit;
use crate::ui::{Layout, csv_line, render};

pub struct ChangeRow {
    pub when: String,
    /// Who, as the visitor may see them: "namens Provincie Utrecht" for the public.
    pub actor: String,
    pub action: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "collaborations/changes.html")]
pub struct ChangesPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub rows: Vec<ChangeRow>,
}

/// The name of an audit action in `lang`.
fn action_label(lang: Lang, action: &str) -> String {
    match samenspel_domain::audit::AuditAction::from_key(action) {
        Some(a) => lang.msg(&a.label()),
        None => lang.t("changes-unknown-action"),
    }
}

async fn audit_of(
    app: &App,
    ctx: &PageContext,
    id: i64,
) -> Result<(Collaboration, Vec<samenspel_store::AuditRecord>), AppError> {
    let c = app.collaboration(id, &ctx.who).await?;
    let events = app.audit_events(id, &ctx.who).await?;
    Ok((c, events))
}

/// The rows of a change log, newest first, in `lang`.
pub(crate) fn change_rows(lang: Lang, events: &[samenspel_store::AuditRecord]) -> Vec<ChangeRow> {
    events
        .iter()
        .rev()
        .map(|e| ChangeRow {
            when: e.occurred_at.format("%d-%m-%Y %H:%M:%S").to_string(),
            actor: lang.msg(&e.actor),
            action: action_label(lang, &e.action),
            summary: lang.msg(&e.summary),
        })
        .collect()
}

pub async fn changes(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (c, events) = audit_of(&app, &ctx, id).await?;
    let rows = change_rows(ctx.lang, &events);
    Ok(render(
        StatusCode::OK,
        &ChangesPage {
            layout: Layout::translated(
                &ctx,
                ctx.lang
                    .t_with("changes-title", &[("name", c.fields.name.as_str())]),
                "samenwerkingen",
            ),
            c,
            rows,
        },
    ))
}

pub async fn changes_json(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (_, events) = audit_of(&app, &ctx, id).await?;
    Ok(axum::Json(events).into_response())
}

pub async fn changes_csv(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (_, events) = audit_of(&app, &ctx, id).await?;
    let mut csv = crate::exports::changes(ctx.lang);
    for e in &events {
        let fields = [
            e.id.to_string(),
            e.occurred_at.to_rfc3339(),
            ctx.lang.msg(&e.actor),
            e.actor_organisation.clone().unwrap_or_default(),
            e.action.clone(),
            action_label(ctx.lang, &e.action),
            ctx.lang.msg(&e.summary),
            e.before.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            e.after.as_ref().map(|v| v.to_string()).unwrap_or_default(),
        ];
        csv.push_str(&csv_line(&fields));
    }
    Ok(crate::ui::csv_response("wijzigingen.csv", csv))
}
