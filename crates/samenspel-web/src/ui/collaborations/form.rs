//! The form to create a collaboration (with its first partners) or edit its data; an edit
//! based on an old version is refused with the form kept.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::offers::Offers;
use samenspel_app::{App, AppError, PartnerInput};
use samenspel_domain::auth::Action;
use samenspel_domain::collaboration::CollaborationInput;
use samenspel_domain::org::Organisation;
use samenspel_store::Collaboration;

use super::Labelled;
use super::{all_organisations, kinds, roles, wgr_forms};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::form::{FormState, get};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{Posted, PostedTo, Visit};
use crate::ui::{Layout, render};

pub struct PartnerSlot {
    pub code_name: String,
    pub role_name: String,
}

#[derive(Template)]
#[template(path = "collaborations/form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub heading: String,
    pub action: String,
    pub form: FormState,
    pub kinds: Vec<Labelled>,
    pub wgr_forms: Vec<Labelled>,
    pub roles: Vec<Labelled>,
    /// Empty when editing (partners are added on their own page).
    pub partner_slots: Vec<PartnerSlot>,
    pub organisations: Vec<Organisation>,
    pub cancel: String,
}

const PARTNER_SLOTS: usize = 6;

async fn new_page(app: &App, ctx: &PageContext, form: FormState) -> FormPage {
    FormPage {
        layout: Layout::translated(ctx, ctx.lang.t("collab-form-new"), "samenwerkingen"),
        heading: ctx.lang.t("collab-form-new"),
        action: "/samenwerkingen".into(),
        form,
        kinds: kinds(ctx.lang),
        wgr_forms: wgr_forms(ctx.lang),
        roles: roles(ctx.lang),
        partner_slots: (0..PARTNER_SLOTS)
            .map(|i| PartnerSlot {
                code_name: format!("partners[{i}].code"),
                role_name: format!("partners[{i}].role"),
            })
            .collect(),
        organisations: all_organisations(app).await,
        cancel: "/samenwerkingen".into(),
    }
}

pub async fn new_form(State(app): State<App>, ctx: PageContext) -> PageResult {
    let may = samenspel_app::offers::GeneralOffers::of(&ctx.who).create_collaboration;
    crate::ui::offered(&ctx, may, Action::CreateCollaboration)?;
    let mut form = FormState::default();
    form.set("partners[0].role", "trekker");
    Ok(render(StatusCode::OK, &new_page(&app, &ctx, form).await))
}

fn collaboration_input(pairs: &[(String, String)]) -> CollaborationInput {
    CollaborationInput {
        name: get(pairs, "name").into(),
        kind: get(pairs, "type").into(),
        wgr_form: get(pairs, "wgr_form").into(),
        task: get(pairs, "task").into(),
        public_value: get(pairs, "public_value").into(),
        region: get(pairs, "region").into(),
        start_date: get(pairs, "start_date").into(),
        end_date: get(pairs, "end_date").into(),
        phases: get(pairs, "phases").lines().map(str::to_owned).collect(),
        legal_basis: get(pairs, "legal_basis").into(),
        policy_areas: get(pairs, "policy_areas").lines().map(str::to_owned).collect(),
    }
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let input = collaboration_input(&pairs);
    let partners: Vec<PartnerInput> = (0..PARTNER_SLOTS)
        .map(|i| PartnerInput {
            code: get(&pairs, &format!("partners[{i}].code")).into(),
            role: get(&pairs, &format!("partners[{i}].role")).into(),
        })
        .filter(|p| !p.code.trim().is_empty())
        .collect();
    // Errors name the partner by its position among the filled-in rows; map them back to the
    // form rows so each message appears next to its own field.
    let filled_rows: Vec<usize> = (0..PARTNER_SLOTS)
        .filter(|i| !get(&pairs, &format!("partners[{i}].code")).trim().is_empty())
        .collect();
    let result = app.create_collaboration(&input, &partners, &ctx.who).await;
    form_outcome(
        &ctx,
        result,
        |id| {
            let saved = ctx
                .lang
                .t_with("collab-form-created", &[("name", input.name.trim())]);
            Saved::at_collaboration(id, "", saved)
        },
        async |mut errors| {
            for error in &mut errors.errors {
                if let Some(rest) = error.field.strip_prefix("partners[")
                    && let Some((index, tail)) = rest.split_once(']')
                    && let Some(row) = index.parse::<usize>().ok().and_then(|i| filled_rows.get(i))
                {
                    error.field = format!("partners[{row}]{tail}");
                }
            }
            let form = FormState::refused(&pairs, errors);
            Ok(new_page(&app, &ctx, form).await)
        },
    )
    .await
}

fn edit_page(ctx: &PageContext, c: &Collaboration, form: FormState) -> FormPage {
    let heading = ctx
        .lang
        .t_with("collab-form-edit", &[("name", c.fields.name.as_str())]);
    FormPage {
        layout: Layout::translated(ctx, heading.clone(), "samenwerkingen"),
        heading,
        action: format!("/samenwerkingen/{}", c.id),
        form,
        kinds: kinds(ctx.lang),
        wgr_forms: wgr_forms(ctx.lang),
        roles: roles(ctx.lang),
        partner_slots: Vec::new(),
        organisations: Vec::new(),
        cancel: format!("/samenwerkingen/{}", c.id),
    }
}

pub async fn edit_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let c = app.collaboration(id, &ctx.who).await?;
    crate::ui::offered(&ctx, Offers::of(&c, &ctx.who).edit, Action::EditCollaboration)?;
    let mut form = FormState::default();
    let f = &c.fields;
    form.set("version", c.version.to_string());
    form.set("name", f.name.clone());
    form.set("type", f.kind.key());
    form.set("wgr_form", f.wgr_form.map(|w| w.key()).unwrap_or_default());
    form.set("task", f.task.clone().unwrap_or_default());
    form.set("public_value", f.public_value.clone().unwrap_or_default());
    form.set("region", f.region.clone().unwrap_or_default());
    form.set(
        "start_date",
        f.start_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    form.set("end_date", f.end_date.map(|d| d.to_string()).unwrap_or_default());
    form.set("phases", f.phases.join("\n"));
    form.set("legal_basis", f.legal_basis.clone().unwrap_or_default());
    form.set("policy_areas", f.policy_areas.join("\n"));
    Ok(render(StatusCode::OK, &edit_page(&ctx, &c, form)))
}

pub async fn update(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let c = app.collaboration(id, &ctx.who).await?;
    let input = collaboration_input(&pairs);
    let result = match get(&pairs, "version").parse::<i64>() {
        Ok(version) => app.update_collaboration(id, version, &input, &ctx.who).await,
        Err(_) => Err(AppError::Invalid(samenspel_domain::ValidationErrors::single(
            "version",
            "required",
            samenspel_domain::msg!(
                "error-version-missing-form",
                "De versie ontbreekt; laad het formulier opnieuw."
            ),
        ))),
    };
    if let Err(AppError::Conflict(message)) = result {
        // Show the form again with the user's input, based on the current version, and say
        // what happened.
        let mut form = FormState::from_pairs(&pairs);
        form.set("version", c.version.to_string());
        let errors = samenspel_domain::ValidationErrors::single("version", "stale", message);
        return Ok(render(
            StatusCode::CONFLICT,
            &edit_page(&ctx, &c, form.with_errors(errors)),
        ));
    }
    form_outcome(
        &ctx,
        result,
        |()| {
            let saved = ctx
                .lang
                .t_with("collab-form-updated", &[("name", input.name.trim())]);
            Saved::at_collaboration(id, "", saved)
        },
        async |errors| Ok(edit_page(&ctx, &c, FormState::refused(&pairs, errors))),
    )
    .await
}
