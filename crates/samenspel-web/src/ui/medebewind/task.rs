//! One task of the register (`/medebewind/{id}`): its legal basis with a link to the law, who
//! carries it out, the ministry, policy freedom, ambition and norm, powers, risks, the money
//! (funding and budgets with their sources), the Iv3 task fields by name, the UDO dossiers,
//! the recalibration, the sources, and every change. Its forms: take a linked dossier's
//! financial paragraph as the budget; load the starter set (beheerders, from the register).

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::medebewind::{LinkedDossier, MedebewindTaskView, may_keep};
use samenspel_domain::iv3;

use crate::error::PageResult;
use crate::i18n::Lang;
use crate::ui::collaborations::changes::{ChangeRow, change_rows};
use crate::ui::form::{get, posted_version};
use crate::ui::outcome::Saved;
use crate::ui::request::{Posted, PostedTo, Visit};
use crate::ui::{Layout, render};

/// A budget line as the page shows it.
pub struct BudgetRow {
    pub year: i32,
    pub funding: String,
    pub scope: String,
    pub amount: String,
    /// The source as written, or the host of its address.
    pub source: String,
    /// The source's address, when it is one.
    pub source_url: Option<String>,
}

/// A source that is a web address shows as a link named by its host (a long address would
/// make the table as tall as a page on a phone); any other source as written.
fn source_cell(source: &str) -> (String, Option<String>) {
    let host = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"))
        .and_then(|rest| rest.split('/').next())
        .filter(|host| !host.is_empty() && !source.contains(char::is_whitespace));
    match host {
        Some(host) => (
            host.trim_start_matches("www.").to_owned(),
            Some(source.to_owned()),
        ),
        None => (source.to_owned(), None),
    }
}

/// A task field with its name, and the years it holds.
pub struct FieldRow {
    pub code: String,
    pub name: String,
    pub years: String,
}

#[derive(Template)]
#[template(path = "medebewind/task.html")]
pub struct TaskPage {
    pub layout: Layout,
    pub view: MedebewindTaskView,
    pub basis: String,
    pub carrier: String,
    pub freedom: String,
    pub funding: Vec<String>,
    pub budgets: Vec<BudgetRow>,
    pub fields: Vec<FieldRow>,
    pub dossiers: Vec<LinkedDossier>,
    pub recalibration: Option<String>,
    pub changes: Vec<ChangeRow>,
    pub may_edit: bool,
    /// A task field of the task was split in 2023 or is one of the split's new codes.
    pub split: bool,
}

fn field_rows(lang: Lang, view: &MedebewindTaskView) -> Vec<FieldRow> {
    let Ok(catalogue) = iv3::shipped() else {
        return Vec::new();
    };
    view.task
        .task_fields
        .iter()
        .map(|code| {
            let versions: Vec<&iv3::TaskField> = catalogue.versions(code).collect();
            let from = versions.iter().map(|f| f.valid_from_year).min();
            let until = versions.iter().filter_map(|f| f.valid_until_year).max();
            let all_open = versions.iter().any(|f| f.valid_until_year.is_none());
            let years = match (from, all_open, until) {
                (Some(from), true, _) => lang.t_with("medebewind-field-from", &[("from", &from.to_string())]),
                (Some(from), false, Some(until)) => lang.t_with(
                    "medebewind-field-between",
                    &[("from", &from.to_string()), ("until", &until.to_string())],
                ),
                _ => String::new(),
            };
            FieldRow {
                code: code.as_str().to_owned(),
                name: versions.last().map(|f| f.name.clone()).unwrap_or_default(),
                years,
            }
        })
        .collect()
}

pub async fn page(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let lang = ctx.lang;
    let view = app.medebewind_task(id, &ctx.who).await?;
    let history = app.medebewind_history(id, &ctx.who).await?;
    let task = &view.task;
    let mut budgets = Vec::new();
    for line in &task.budgets {
        let scope = match &line.organisation {
            Some(code) => app
                .organisation(code.as_str())
                .await
                .map_or_else(|_| code.as_str().to_owned(), |o| o.name),
            None => lang.t("medebewind-national"),
        };
        let (source, source_url) = source_cell(&line.source);
        budgets.push(BudgetRow {
            year: line.year,
            funding: lang.t(line.funding.message_id()),
            scope,
            amount: line.amount.format_nl(),
            source,
            source_url,
        });
    }
    let page = TaskPage {
        layout: Layout::translated(&ctx, task.name.clone(), "medebewind"),
        basis: lang.msg(&task.basis.citation()),
        carrier: format!(
            "{} ({})",
            lang.t(task.layer.message_id()),
            lang.t(task.body.message_id())
        ),
        freedom: lang.t(task.freedom.message_id()),
        funding: task.funding.iter().map(|f| lang.t(f.message_id())).collect(),
        budgets,
        fields: field_rows(lang, &view),
        dossiers: view.udo_dossiers.clone(),
        recalibration: task.recalibration.map(|r| {
            lang.t_with(
                "medebewind-recalibration-every",
                &[
                    ("years", &r.every_years.to_string()),
                    ("next", &r.next_on.format("%d-%m-%Y").to_string()),
                ],
            )
        }),
        changes: change_rows(lang, &history),
        split: iv3::shipped().is_ok_and(|c| {
            task.task_fields
                .iter()
                .any(|code| c.parent_of(code).is_some() || !c.children_of(code).is_empty())
        }),
        may_edit: may_keep(&ctx.who, &task.ministry),
        view,
    };
    Ok(render(StatusCode::OK, &page))
}

/// Takes a linked dossier's financial paragraph as the budget.
pub async fn adopt_udo_budget(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let version = posted_version(&pairs);
    let Ok(dossier) = get(&pairs, "dossier").parse::<i64>() else {
        return Err(samenspel_app::AppError::NotFound("udo-dossier").into());
    };
    app.adopt_udo_budget(id, version, dossier, &ctx.who).await?;
    Saved::new(
        format!("/medebewind/{id}#geld"),
        ctx.lang.t("medebewind-budget-adopted"),
    )
    .answer(&ctx)
}

/// Loads the starter set (beheerders).
pub async fn load_starter(Posted(app, ctx, _): Posted) -> PageResult {
    let report = app.load_medebewind_starter(&ctx.who).await?;
    let message = ctx.lang.t_with(
        "medebewind-starter-loaded",
        &[("added", &report.added.len().to_string())],
    );
    Saved::new("/medebewind", message).answer(&ctx)
}

#[cfg(test)]
mod tests {
    use super::source_cell;

    #[test]
    fn an_address_shows_as_its_host_and_other_sources_as_written() {
        assert_eq!(
            source_cell("https://www.rijksfinancien.nl/memorie-van-toelichting/2024/1SUPP/XV"),
            (
                "rijksfinancien.nl".to_owned(),
                Some("https://www.rijksfinancien.nl/memorie-van-toelichting/2024/1SUPP/XV".to_owned())
            )
        );
        assert_eq!(
            source_cell("UDO-dossier 1 (Wet X), financiële paragraaf"),
            ("UDO-dossier 1 (Wet X), financiële paragraaf".to_owned(), None)
        );
        assert_eq!(source_cell("https:// kapot"), ("https:// kapot".to_owned(), None));
    }
}
