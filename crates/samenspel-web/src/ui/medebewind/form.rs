//! The task form: record a task (`/medebewind/nieuw`) and change one
//! (`/medebewind/{id}/bewerken`), for the responsible ministry's redacteuren. A save leads to
//! the task with a confirmation; refused input shows the form again with 422 and every
//! message beside its field.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::medebewind::{MedebewindTaskView, may_keep};
use samenspel_domain::auth::Action;
use samenspel_domain::medebewind::{
    FundingMethod, GovernmentLayer, PolicyFreedom, ResponsibleBody, TaskInput,
};

use super::form_input::{budget_field, filled, from_form, rows_sent};
use crate::error::{PageError, PageResult};
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::collaborations::{Labelled, labelled};
use crate::ui::form::{FormState, FormTarget, posted_version};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{Posted, PostedTo, Visit};
use crate::ui::udo::ministry_choices;
use crate::ui::{Layout, offered, render};

/// A budget row on the form: its number and the names of its fields.
pub struct BudgetFields {
    pub number: usize,
    pub year: String,
    pub funding: String,
    pub amount: String,
    pub organisation: String,
    pub source: String,
}

#[derive(Template)]
#[template(path = "medebewind/form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub action: String,
    pub cancel: String,
    pub version: Option<i64>,
    pub form: FormState,
    pub ministries: Vec<(String, String)>,
    pub layers: Vec<Labelled>,
    pub bodies: Vec<Labelled>,
    pub freedoms: Vec<Labelled>,
    pub fundings: Vec<Labelled>,
    pub budget_rows: Vec<BudgetFields>,
}

fn none(_: &str) -> bool {
    false
}

async fn form_page(
    app: &samenspel_app::App,
    ctx: &PageContext,
    target: FormTarget,
    form: FormState,
    rows: usize,
) -> Result<FormPage, PageError> {
    let lang: Lang = ctx.lang;
    Ok(FormPage {
        layout: Layout::translated(ctx, target.title, "medebewind"),
        action: target.action,
        cancel: target.cancel,
        version: target.version,
        form,
        ministries: ministry_choices(app, ctx).await?,
        layers: labelled(
            lang,
            GovernmentLayer::ALL,
            GovernmentLayer::key,
            GovernmentLayer::message_id,
            none,
        ),
        bodies: labelled(
            lang,
            ResponsibleBody::ALL,
            ResponsibleBody::key,
            ResponsibleBody::message_id,
            none,
        ),
        freedoms: labelled(
            lang,
            PolicyFreedom::ALL,
            PolicyFreedom::key,
            PolicyFreedom::message_id,
            none,
        ),
        fundings: labelled(
            lang,
            FundingMethod::ALL,
            FundingMethod::key,
            FundingMethod::message_id,
            none,
        ),
        budget_rows: (0..rows)
            .map(|i| BudgetFields {
                number: i + 1,
                year: budget_field(i, "year"),
                funding: budget_field(i, "funding"),
                amount: budget_field(i, "amount"),
                organisation: budget_field(i, "organisation"),
                source: budget_field(i, "source"),
            })
            .collect(),
    })
}

fn new_target(lang: Lang) -> FormTarget {
    FormTarget::new_item(lang.t("medebewind-form-new-title"), "/medebewind")
}

fn edit_target(lang: Lang, view: &MedebewindTaskView) -> FormTarget {
    FormTarget::edit(
        lang.t_with("medebewind-form-edit-title", &[("name", view.task.name.as_str())]),
        format!("/medebewind/{}", view.id),
        view.version,
    )
}

pub async fn new_form(State(app): State<samenspel_app::App>, ctx: PageContext) -> PageResult {
    let ministries = app.udo_ministries_for(&ctx.who).await?;
    offered(&ctx, !ministries.is_empty(), Action::KeepMedebewindTask)?;
    let mut input = TaskInput {
        layer: GovernmentLayer::Gemeenten.key().to_owned(),
        ..TaskInput::default()
    };
    if let [only] = ministries.as_slice() {
        input.ministry = only.code.as_str().to_owned();
    }
    let (form, rows) = filled(&input);
    let page = form_page(&app, &ctx, new_target(ctx.lang), form, rows).await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let input = from_form(&pairs);
    let result = app.create_medebewind_task(&input, &ctx.who).await;
    let saved = ctx.lang.t("medebewind-form-created");
    form_outcome(
        &ctx,
        result,
        |id| Saved::new(format!("/medebewind/{id}"), saved),
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            form_page(&app, &ctx, new_target(ctx.lang), form, rows_sent(&input)).await
        },
    )
    .await
}

pub async fn edit_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let view = app.medebewind_task(id, &ctx.who).await?;
    offered(
        &ctx,
        may_keep(&ctx.who, &view.task.ministry),
        Action::KeepMedebewindTask,
    )?;
    let (form, rows) = filled(&view.content);
    let page = form_page(&app, &ctx, edit_target(ctx.lang, &view), form, rows).await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn update(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = from_form(&pairs);
    let version = posted_version(&pairs);
    let result = app.update_medebewind_task(id, version, &input, &ctx.who).await;
    let saved = ctx.lang.t("medebewind-form-saved");
    form_outcome(
        &ctx,
        result,
        |_| Saved::new(format!("/medebewind/{id}"), saved),
        async |errors| {
            let view = app.medebewind_task(id, &ctx.who).await?;
            let form = FormState::refused(&pairs, errors);
            form_page(&app, &ctx, edit_target(ctx.lang, &view), form, rows_sent(&input)).await
        },
    )
    .await
}
