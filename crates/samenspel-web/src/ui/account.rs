//! Signing in and out, changing the password, accepting an invitation.

use super::page_path::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use samenspel_app::{App, AppError, SESSION_HOURS};
use samenspel_domain::ValidationErrors;

use super::form::{FormState, get};
use super::{Layout, error_page, render, see_other};
use crate::session::{ClientAddress, PageContext, SESSION_COOKIE, set_cookie};

#[derive(Template)]
#[template(path = "account/login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub form: FormState,
    pub message: Option<String>,
}

pub async fn login_form(ctx: PageContext) -> Response {
    render(
        StatusCode::OK,
        &LoginPage {
            layout: Layout::new(&ctx, "Aanmelden", "account"),
            form: FormState::default(),
            message: None,
        },
    )
}

pub async fn login(
    State(app): State<App>,
    ctx: PageContext,
    ClientAddress(address): ClientAddress,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let email = get(&pairs, "email");
    match app.sign_in(email, get(&pairs, "password"), &address).await {
        Ok((token, _user)) => {
            if let Some(old) = &ctx.session {
                let _ = app.sign_out(old).await;
            }
            let mut response = see_other("/samenwerkingen");
            response.headers_mut().append(
                SET_COOKIE,
                set_cookie(ctx.config, SESSION_COOKIE, &token, Some(SESSION_HOURS * 3600)),
            );
            response
        }
        Err(error @ (AppError::Unauthenticated | AppError::TooManyAttempts(_))) => {
            let (status, message) = match error {
                AppError::TooManyAttempts(message) => (StatusCode::TOO_MANY_REQUESTS, message),
                _ => (
                    StatusCode::UNAUTHORIZED,
                    "Het e-mailadres of het wachtwoord klopt niet.".to_owned(),
                ),
            };
            let mut form = FormState::default();
            form.set("email", email);
            render(
                status,
                &LoginPage {
                    layout: Layout::new(&ctx, "Aanmelden", "account"),
                    form,
                    message: Some(message),
                },
            )
        }
        Err(e) => error_page(&e),
    }
}

pub async fn logout(State(app): State<App>, ctx: PageContext) -> Response {
    if let Some(token) = &ctx.session {
        let _ = app.sign_out(token).await;
    }
    let mut response = see_other("/");
    response
        .headers_mut()
        .append(SET_COOKIE, set_cookie(ctx.config, SESSION_COOKIE, "", Some(0)));
    response
}

#[derive(Template)]
#[template(path = "account/password.html")]
pub struct PasswordPage {
    pub layout: Layout,
    pub form: FormState,
    pub done: bool,
}

pub async fn password_form(ctx: PageContext) -> Response {
    if ctx.who.user().is_none() {
        return error_page(&AppError::Unauthenticated);
    }
    render(
        StatusCode::OK,
        &PasswordPage {
            layout: Layout::new(&ctx, "Wachtwoord wijzigen", "account"),
            form: FormState::default(),
            done: false,
        },
    )
}

pub async fn change_password(
    State(app): State<App>,
    ctx: PageContext,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let layout = Layout::new(&ctx, "Wachtwoord wijzigen", "account");
    match app
        .change_password(
            &ctx.who,
            ctx.session.as_deref(),
            get(&pairs, "current_password"),
            get(&pairs, "new_password"),
        )
        .await
    {
        Ok(()) => render(
            StatusCode::OK,
            &PasswordPage {
                layout,
                form: FormState::default(),
                done: true,
            },
        ),
        Err(AppError::Invalid(errors)) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PasswordPage {
                layout,
                form: FormState::default().with_errors(errors),
                done: false,
            },
        ),
        Err(e) => error_page(&e),
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

pub async fn invitation_form(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(token): PagePath<String>,
) -> Response {
    match app.invitation(&token).await {
        Ok(user) => render(
            StatusCode::OK,
            &InvitationPage {
                layout: Layout::new(&ctx, "Uitnodiging aannemen", "account"),
                form: FormState::default(),
                name: user.name,
                action: format!("/uitnodiging/{token}"),
            },
        ),
        Err(e) => error_page(&e),
    }
}

pub async fn accept_invitation(
    State(app): State<App>,
    ctx: PageContext,
    PagePath(token): PagePath<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let password = get(&pairs, "password");
    if password != get(&pairs, "password_again") {
        let errors = ValidationErrors::single(
            "password_again",
            "mismatch",
            "De twee wachtwoorden zijn niet gelijk.",
        );
        return invitation_again(&app, &ctx, &token, errors).await;
    }
    match app.accept_invitation(&token, password).await {
        Ok(()) => see_other("/inloggen"),
        Err(AppError::Invalid(errors)) => invitation_again(&app, &ctx, &token, errors).await,
        Err(e) => error_page(&e),
    }
}

async fn invitation_again(app: &App, ctx: &PageContext, token: &str, errors: ValidationErrors) -> Response {
    match app.invitation(token).await {
        Ok(user) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &InvitationPage {
                layout: Layout::new(ctx, "Uitnodiging aannemen", "account"),
                form: FormState::default().with_errors(errors),
                name: user.name,
                action: format!("/uitnodiging/{token}"),
            },
        ),
        Err(e) => error_page(&e).into_response(),
    }
}
