//! Adding a partner organisation to a collaboration.

use askama::Template;
use axum::http::StatusCode;
use samenspel_app::{App, AppError, PartnerInput};
use samenspel_domain::org::Organisation;
use samenspel_store::Collaboration;

use super::Labelled;
use super::{all_organisations, roles};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::form::{FormState, get};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::request::{PostedTo, Visit};
use crate::ui::{Layout, organisation_name, render};

#[derive(Template)]
#[template(path = "collaborations/partner.html")]
pub struct PartnerPage {
    pub layout: Layout,
    pub c: Collaboration,
    pub form: FormState,
    pub roles: Vec<Labelled>,
    pub organisations: Vec<Organisation>,
}

/// The form, empty or with the messages of refused input.
async fn page(app: &App, ctx: &PageContext, id: i64, form: FormState) -> Result<PartnerPage, AppError> {
    Ok(PartnerPage {
        layout: Layout::translated(ctx, ctx.lang.t("collab-show-add-partner"), "samenwerkingen"),
        c: app.collaboration(id, &ctx.who).await?,
        form,
        roles: roles(ctx.lang),
        organisations: all_organisations(app).await,
    })
}

pub async fn partner_form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let c = app.collaboration(id, &ctx.who).await?;
    let may = samenspel_app::offers::Offers::of(&c, &ctx.who).add_partner;
    crate::ui::offered(&ctx, may, samenspel_domain::auth::Action::AddPartner)?;
    let mut form = FormState::default();
    form.set("role", "partner");
    Ok(render(StatusCode::OK, &page(&app, &ctx, id, form).await?))
}

pub async fn add_partner(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = PartnerInput {
        code: get(&pairs, "code").into(),
        role: get(&pairs, "role").into(),
    };
    let result = app.add_partner(id, &input, &ctx.who).await;
    let partner = organisation_name(&app, &input.code).await;
    form_outcome(
        &ctx,
        result,
        |()| {
            let saved = ctx
                .lang
                .t_with("collab-partner-added", &[("partner", partner.as_str())]);
            Saved::at_collaboration(id, "", saved)
        },
        async |errors| {
            let form = FormState::refused(&pairs, errors);
            Ok(page(&app, &ctx, id, form).await?)
        },
    )
    .await
}
