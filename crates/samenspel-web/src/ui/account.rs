//! Signing in and out, changing the password, accepting an invitation; in the visitor's
//! language (`locales/*/account.ftl`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use samenspel_app::{App, AppError, SESSION_HOURS};
use samenspel_domain::ValidationErrors;

use super::form::{self, FormState};
use super::outcome::{Saved, form_outcome};
use super::{Layout, render};
use crate::error::{PageError, PageResult};
use crate::session::{ClientAddress, PageContext, SESSION_COOKIE, set_cookie};
use crate::ui::request::{Posted, PostedTo, Visit};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/inloggen", get(login_form).post(login))
        .route("/uitloggen", post(logout))
        .route("/account/wachtwoord", get(password_form).post(change_password))
        .route(
            "/uitnodiging/{token}",
            get(invitation_form).post(accept_invitation),
        )
}

#[derive(Template)]
#[template(path = "account/login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub form: FormState,
    pub message: Option<String>,
}

fn login_page(ctx: &PageContext, form: FormState, message: Option<String>) -> LoginPage {
    LoginPage {
        layout: Layout::translated(ctx, ctx.lang.t("account-sign-in-title"), "account"),
        form,
        message,
    }
}

#[derive(Debug, Default, serde::Deserialize)]
struct Back {
    terug: Option<String>,
}

/// The sign-in form; `?terug=` names the page to come back to afterwards (this site only).
pub async fn login_form(ctx: PageContext, axum::extract::RawQuery(raw): axum::extract::RawQuery) -> Response {
    let back = super::parse_query_in::<Back>(ctx.lang, raw.as_deref())
        .0
        .terug
        .unwrap_or_default();
    let mut form = FormState::default();
    form.set("terug", super::local_path(Some(&back)));
    render(StatusCode::OK, &login_page(&ctx, form, None))
}

pub async fn login(
    State(app): State<App>,
    ctx: PageContext,
    ClientAddress(address): ClientAddress,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let email = form::get(&pairs, "email");
    match app.sign_in(email, form::get(&pairs, "password"), &address).await {
        Ok((token, user)) => {
            if let Some(old) = &ctx.session {
                let _ = app.sign_out(old).await;
            }
            let back = match form::get(&pairs, "terug") {
                "" | "/" => "/samenwerkingen",
                back => super::local_path(Some(back)),
            };
            let signed_in = ctx.lang.t_with("account-signed-in", &[("name", &user.name)]);
            let mut response = Saved::new(back, signed_in).answer(&ctx)?;
            response.headers_mut().append(
                SET_COOKIE,
                set_cookie(ctx.config, SESSION_COOKIE, &token, Some(SESSION_HOURS * 3600)),
            );
            Ok(response)
        }
        Err(error @ (AppError::Unauthenticated | AppError::TooManyAttempts(_))) => {
            let (status, message) = match error {
                AppError::TooManyAttempts(message) => (StatusCode::TOO_MANY_REQUESTS, ctx.lang.msg(&message)),
                _ => (StatusCode::UNAUTHORIZED, ctx.lang.t("account-wrong")),
            };
            let mut form = FormState::default();
            form.set("email", email);
            form.set("terug", form::get(&pairs, "terug"));
            Ok(render(status, &login_page(&ctx, form, Some(message))))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(State(app): State<App>, ctx: PageContext) -> PageResult {
    if let Some(token) = &ctx.session {
        let _ = app.sign_out(token).await;
    }
    let mut response = Saved::new("/", ctx.lang.t("account-signed-out")).answer(&ctx)?;
    response
        .headers_mut()
        .append(SET_COOKIE, set_cookie(ctx.config, SESSION_COOKIE, "", Some(0)));
    Ok(response)
}

#[derive(Template)]
#[template(path = "account/password.html")]
pub struct PasswordPage {
    pub layout: Layout,
    pub form: FormState,
    pub done: bool,
}

pub async fn password_form(ctx: PageContext) -> PageResult {
    if ctx.who.user().is_none() {
        return Err(AppError::Unauthenticated.into());
    }
    Ok(render(
        StatusCode::OK,
        &password_page(&ctx, FormState::default(), false),
    ))
}

fn password_page(ctx: &PageContext, form: FormState, done: bool) -> PasswordPage {
    PasswordPage {
        layout: Layout::translated(ctx, ctx.lang.t("account-password-title"), "account"),
        form,
        done,
    }
}

pub async fn change_password(Posted(app, ctx, pairs): Posted) -> PageResult {
    match app
        .change_password(
            &ctx.who,
            ctx.session.as_deref(),
            form::get(&pairs, "current_password"),
            form::get(&pairs, "new_password"),
        )
        .await
    {
        Ok(()) => Ok(render(
            StatusCode::OK,
            &password_page(&ctx, FormState::default(), true),
        )),
        Err(AppError::Invalid(errors)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &password_page(&ctx, FormState::default().with_errors(errors), false),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "account/invitation.html")]
pub struct InvitationPage {
    pub layout: Layout,
    pub form: FormState,
    pub name: String,
    pub action: String,
}

pub async fn invitation_form(Visit(app, ctx, token): Visit<String>) -> PageResult {
    let page = invitation_page(&app, &ctx, &token, ValidationErrors::new()).await?;
    Ok(render(StatusCode::OK, &page))
}

pub async fn accept_invitation(PostedTo(app, ctx, token, pairs): PostedTo<String>) -> PageResult {
    let password = form::get(&pairs, "password");
    let result = if password == form::get(&pairs, "password_again") {
        app.accept_invitation(&token, password).await
    } else {
        Err(AppError::Invalid(ValidationErrors::single(
            "password_again",
            "mismatch",
            samenspel_domain::msg!("error-passwords-differ", "De twee wachtwoorden zijn niet gelijk."),
        )))
    };
    form_outcome(
        &ctx,
        result,
        |()| Saved::new("/inloggen", ctx.lang.t("account-password-set")),
        async |errors| invitation_page(&app, &ctx, &token, errors).await,
    )
    .await
}

/// The invitation's form, with the messages of a refused password.
async fn invitation_page(
    app: &App,
    ctx: &PageContext,
    token: &str,
    errors: ValidationErrors,
) -> Result<InvitationPage, PageError> {
    let user = app.invitation(token).await?;
    Ok(InvitationPage {
        layout: Layout::translated(ctx, ctx.lang.t("account-invitation-title"), "account"),
        form: FormState::default().with_errors(errors),
        name: user.name,
        action: format!("/uitnodiging/{token}"),
    })
}
