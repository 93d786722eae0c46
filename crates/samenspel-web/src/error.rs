//! The one place where errors become HTTP responses: RFC 9457 problem+json for the API, and
//! an HTML error page for the pages, in the visitor's language; internal details go only
//! to the log.

use std::sync::Arc;

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_app::AppError;
use samenspel_domain::{Message, ValidationErrors};
use serde::Serialize;

use crate::i18n::Lang;

tokio::task_local! {
    /// The language the API answers a request's problems in (see [`api_language`]).
    static API_LANG: Lang;
}

/// Middleware of the API: its problems are in the language of `Accept-Language` (Dutch when
/// it names neither Dutch nor English); the interface's cookie does not count here.
pub async fn api_language(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let accept = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let lang = Lang::negotiate(None, accept.as_deref());
    API_LANG.scope(lang, next.run(request)).await
}

/// The language of the API request being answered (Dutch outside one).
pub fn api_lang() -> Lang {
    API_LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// An API error, rendered as `application/problem+json`.
#[derive(Debug)]
pub enum ApiError {
    App(AppError),
    /// The request itself could not be read (malformed JSON, a bad query parameter); the
    /// reason is in the language asked for (see `api::reasons`).
    BadRequest {
        name: String,
        reason: Message,
    },
    /// A value in the query that names nothing (an unknown type or status): 400 naming the
    /// parameter and the values it takes.
    BadQuery(ValidationErrors),
    /// The body is larger than the endpoint takes; it was not read.
    TooLarge {
        limit_bytes: usize,
    },
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError::App(error)
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> Self {
        ApiError::App(AppError::Invalid(errors))
    }
}

/// Problem details (RFC 9457) with the NL API Design Rules' `invalidParams` extension.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(rename = "invalidParams", skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvalidParam {
    /// The field, e.g. `scores.verplicht-karakter` or `partners[1].code`.
    pub name: String,
    pub code: String,
    pub reason: String,
}

/// Status, title and message of an application error in `lang` (the error page). A message
/// the domain, the store or a use case wrote (a conflict, a refusal) is shown in `lang`.
/// Internal errors are logged here and never shown.
pub fn describe_in(lang: Lang, error: &AppError) -> (StatusCode, String, String) {
    match error {
        AppError::NotFound(what) => {
            let id = format!("errors-page-thing-{what}");
            let thing = if crate::i18n::message_ids(lang).contains(&id) {
                lang.t(&id)
            } else {
                (*what).to_owned()
            };
            (
                StatusCode::NOT_FOUND,
                lang.t("errors-page-not-found-title"),
                lang.t_with("errors-page-not-found-message", &[("thing", &thing)]),
            )
        }
        AppError::Invalid(_) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.t("errors-page-invalid-title"),
            lang.t("errors-page-invalid-message"),
        ),
        AppError::Conflict(message) => (
            StatusCode::CONFLICT,
            lang.t("errors-page-conflict-title"),
            lang.msg(message),
        ),
        AppError::Unavailable { title, message } => {
            (StatusCode::CONFLICT, lang.msg(title), lang.msg(message))
        }
        AppError::Unauthenticated => (
            StatusCode::UNAUTHORIZED,
            lang.t("errors-page-unauthenticated-title"),
            lang.t("errors-page-unauthenticated-message"),
        ),
        AppError::Forbidden(message) => (
            StatusCode::FORBIDDEN,
            lang.t("errors-page-forbidden-title"),
            lang.msg(message),
        ),
        AppError::TooManyAttempts(message) => (
            StatusCode::TOO_MANY_REQUESTS,
            lang.t("errors-page-too-many-title"),
            lang.msg(message),
        ),
        AppError::DatabaseUnavailable(_) => {
            tracing::warn!(error = %error, sources = ?sources(error), "database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                lang.t("errors-page-unavailable-title"),
                lang.t("errors-page-unavailable-message"),
            )
        }
        AppError::Internal(_) => {
            tracing::error!(error = %error, sources = ?sources(error), "internal error");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                lang.t("errors-page-internal-title"),
                lang.t("errors-page-internal-message"),
            )
        }
    }
}

/// Status, title and message of an application error in `lang`, for the API.
pub fn describe_problem(error: &AppError, lang: Lang) -> (StatusCode, String, String) {
    let (status, page_title, detail) = describe_in(lang, error);
    let (title, detail) = match error {
        AppError::NotFound(what) => (
            "problem-not-found-title",
            lang.t_with("problem-not-found-detail", &[("what", what)]),
        ),
        AppError::Invalid(_) => ("problem-invalid-title", lang.t("problem-invalid-detail")),
        AppError::Conflict(_) => ("problem-conflict-title", detail),
        AppError::Unavailable { .. } => return (status, page_title, detail),
        AppError::Unauthenticated => (
            "problem-unauthenticated-title",
            lang.t("problem-unauthenticated-detail"),
        ),
        AppError::Forbidden(refusal) => ("problem-forbidden-title", lang.msg(refusal)),
        AppError::TooManyAttempts(_) => ("problem-too-many-attempts-title", detail),
        AppError::DatabaseUnavailable(_) => {
            ("problem-unavailable-title", lang.t("problem-unavailable-detail"))
        }
        AppError::Internal(_) => ("problem-internal-title", lang.t("problem-internal-detail")),
    };
    (status, lang.t(title), detail)
}

/// What a 503 (the database unreachable) asks the client to wait before trying again, in
/// seconds: about as long as a PostgreSQL restart takes.
pub const RETRY_AFTER_SECONDS: &str = "5";

/// Adds `Retry-After` to a 503 answer (see [`RETRY_AFTER_SECONDS`]).
pub fn with_retry_after(mut response: Response) -> Response {
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    }
    response
}

/// The chain of causes below an error, outermost first, for the log.
fn sources(error: &dyn std::error::Error) -> Vec<String> {
    std::iter::successors(error.source(), |e| e.source())
        .map(ToString::to_string)
        .collect()
}

/// A size as people write it: "256 kB", "32 MB" (binary units, as the limits are set).
fn size(bytes: usize) -> String {
    const KIB: usize = 1024;
    if bytes >= KIB * KIB {
        format!("{} MB", bytes.div_ceil(KIB * KIB))
    } else {
        format!("{} kB", bytes.div_ceil(KIB))
    }
}

impl ApiError {
    fn problem(&self, lang: Lang) -> Problem {
        let (status, title, detail, invalid_params) = match self {
            ApiError::BadRequest { name, reason } => (
                StatusCode::BAD_REQUEST,
                lang.t("problem-bad-request-title"),
                lang.t("problem-bad-request-detail"),
                vec![InvalidParam {
                    name: name.clone(),
                    code: "malformed".into(),
                    reason: lang.msg(reason),
                }],
            ),
            ApiError::TooLarge { limit_bytes } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                lang.t("problem-too-large-title"),
                lang.t("problem-too-large-detail"),
                vec![InvalidParam {
                    name: "body".into(),
                    code: "too_large".into(),
                    reason: lang.t_with("problem-too-large-reason", &[("size", &size(*limit_bytes))]),
                }],
            ),
            ApiError::BadQuery(errors) => (
                StatusCode::BAD_REQUEST,
                lang.t("problem-bad-query-title"),
                lang.t("problem-bad-query-detail"),
                invalid_params(errors, lang),
            ),
            ApiError::App(error) => {
                let (status, title, detail) = describe_problem(error, lang);
                let params = match error {
                    AppError::Invalid(errors) => invalid_params(errors, lang),
                    _ => vec![],
                };
                (status, title, detail, params)
            }
        };
        Problem {
            problem_type: format!("https://samenspel.example/problemen/{}", status.as_u16()),
            title,
            status: status.as_u16(),
            detail,
            invalid_params,
        }
    }
}

fn invalid_params(errors: &ValidationErrors, lang: Lang) -> Vec<InvalidParam> {
    errors
        .errors
        .iter()
        .map(|e| InvalidParam {
            name: e.field.clone(),
            code: e.code.into(),
            reason: lang.msg(&e.message),
        })
        .collect()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem(api_lang());
        let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        with_retry_after(response)
    }
}

/// A page handler's error: shown as the HTML error page with the right status, so handlers
/// return `Result<_, PageError>` and use `?` instead of matching every failure by hand.
#[derive(Debug)]
pub enum PageError {
    App(AppError),
    /// A page number past the last page of a list: 404 with a link to the last page.
    PastTheEnd {
        last: u32,
        href: String,
    },
    /// A form the visitor may not use, already answered (see `ui::not_offered`).
    NotOffered(Box<Response>),
}

/// What a page handler answers.
pub type PageResult = Result<Response, PageError>;

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        PageError::App(error)
    }
}

impl From<ValidationErrors> for PageError {
    fn from(errors: ValidationErrors) -> Self {
        PageError::App(AppError::Invalid(errors))
    }
}

impl IntoResponse for PageError {
    /// The error page is written in the visitor's language, which the handler's `?` does not
    /// know: the response carries the error, and [`in_visitor_language`] renders it.
    fn into_response(self) -> Response {
        let unrendered = match self {
            PageError::NotOffered(response) => return *response,
            PageError::App(error) => Unrendered::App(Arc::new(error)),
            PageError::PastTheEnd { last, href } => Unrendered::PastTheEnd { last, href },
        };
        let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        response.extensions_mut().insert(unrendered);
        response
    }
}

/// A page handler that panicked: answered with the internal-error page (and the panic in the
/// log) instead of a connection closed without a response.
pub fn page_panicked(panic: Box<dyn std::any::Any + Send>) -> Response {
    PageError::App(AppError::internal(panic_text(panic))).into_response()
}

/// An API handler that panicked: answered with a 500 problem (and the panic in the log).
pub fn api_panicked(panic: Box<dyn std::any::Any + Send>) -> Response {
    ApiError::App(AppError::internal(panic_text(panic))).into_response()
}

fn panic_text(panic: Box<dyn std::any::Any + Send>) -> String {
    let text = match panic.downcast::<String>() {
        Ok(text) => *text,
        Err(panic) => panic
            .downcast_ref::<&str>()
            .map_or_else(|| "a handler panicked".to_owned(), |t| (*t).to_owned()),
    };
    format!("panic: {text}")
}

/// A page handler's error on its way to [`in_visitor_language`].
#[derive(Debug, Clone)]
enum Unrendered {
    App(Arc<AppError>),
    PastTheEnd { last: u32, href: String },
}

/// Renders the error page of a handler that failed in the language of the request (see
/// [`crate::session::request_lang`]); other responses pass unchanged.
pub async fn in_visitor_language(request: Request, next: Next) -> Response {
    let lang = crate::session::request_lang(request.headers());
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<Unrendered>() {
        Some(Unrendered::App(error)) => crate::ui::error_page(&error, lang),
        Some(Unrendered::PastTheEnd { last, href }) => crate::ui::past_the_end(lang, last, href),
        None => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use samenspel_domain::survey::period::NotAnswerable;

    fn errors() -> Vec<AppError> {
        vec![
            AppError::NotFound("samenwerking"),
            AppError::Invalid(ValidationErrors::new()),
            AppError::Conflict(samenspel_store::conflict::wave_exists("najaar")),
            AppError::unavailable(NotAnswerable::Closed.title(), NotAnswerable::Closed.message()),
            AppError::Unauthenticated,
            AppError::Forbidden(samenspel_domain::auth::Action::ManageUsers.refusal()),
            AppError::TooManyAttempts(samenspel_app::refusals::too_many_sign_ins(15)),
            AppError::DatabaseUnavailable("verbinding geweigerd".into()),
            AppError::internal("kapot"),
        ]
    }

    #[test]
    fn the_dutch_problems_from_the_catalogue_are_those_of_the_pages() {
        for error in errors() {
            assert_eq!(
                describe_problem(&error, Lang::Nl),
                describe_in(Lang::Nl, &error),
                "{error:?}"
            );
        }
        let (_, title, detail) = describe_problem(&errors()[3], Lang::Nl);
        assert_eq!(
            (title.as_str(), detail.as_str()),
            ("Deze golf is gesloten", NotAnswerable::Closed.message().dutch())
        );
        // The details that come from the error's own message, written out: comparing with
        // `describe_in` alone could not fail for them.
        let detail = |i: usize, lang| describe_problem(&errors()[i], lang).2;
        assert_eq!(detail(2, Lang::Nl), "Er is al een golf 'najaar'.");
        assert_eq!(
            detail(2, Lang::En),
            Lang::En.t_with("conflict-wave-exists", &[("key", "najaar")])
        );
        assert_ne!(
            detail(2, Lang::En),
            detail(2, Lang::Nl),
            "the conflict in English"
        );
        assert!(
            detail(6, Lang::Nl).contains("15 minuten"),
            "{}",
            detail(6, Lang::Nl)
        );
        assert!(detail(6, Lang::En).contains("15"), "{}", detail(6, Lang::En));
        assert_ne!(detail(6, Lang::En), detail(6, Lang::Nl), "the wait in English");
    }

    #[test]
    fn the_english_problems_have_english_titles_and_details() {
        let english: Vec<(String, String)> = errors()
            .iter()
            .map(|e| {
                let (_, title, detail) = describe_problem(e, Lang::En);
                (title, detail)
            })
            .collect();
        let titles: Vec<&str> = english.iter().map(|(title, _)| title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Not found",
                "Invalid input",
                "Simultaneous change",
                "This wave is closed",
                "Sign-in required",
                "No access",
                "Too many attempts",
                "Service unavailable",
                "Something went wrong"
            ]
        );
        let details: Vec<&str> = english.iter().map(|(_, detail)| detail.as_str()).collect();
        assert_eq!(details[2], "There is already a wave 'najaar'.");
        assert_eq!(
            details[6],
            "Too many failed attempts to sign in. Please try again in 15 minutes."
        );
        assert_eq!(
            (details[3], describe_in(Lang::En, &errors()[3]).2.as_str()),
            (
                "This wave of the bottleneck monitor is closed; you can no longer answer. Thank you for your interest.",
                "This wave of the bottleneck monitor is closed; you can no longer answer. Thank you for your interest."
            ),
            "the error page says the same"
        );
        let (_, _, detail) = describe_problem(&AppError::NotFound("golf"), Lang::En);
        assert_eq!(detail, "The requested wave does not exist (any more).");
        let problem = ApiError::TooLarge {
            limit_bytes: 256 * 1024,
        }
        .problem(Lang::En);
        assert_eq!(
            problem.invalid_params[0].reason,
            "Send at most 256 kB per request."
        );
        assert_eq!(
            ApiError::TooLarge { limit_bytes: 1024 }.problem(Lang::Nl).title,
            "Verzoek te groot"
        );
    }

    #[tokio::test]
    async fn an_unreachable_database_is_a_503_with_retry_after_on_pages_and_in_the_api() {
        use axum::routing::get;
        use tower::ServiceExt;

        async fn page() -> PageResult {
            Err(PageError::App(AppError::DatabaseUnavailable(
                "connection refused".into(),
            )))
        }
        async fn api() -> Result<String, ApiError> {
            Err(ApiError::App(AppError::DatabaseUnavailable(
                "connection refused".into(),
            )))
        }
        let page = axum::Router::new()
            .route("/p", get(page))
            .layer(axum::middleware::from_fn(in_visitor_language));
        let api = axum::Router::new()
            .route("/a", get(api))
            .layer(axum::middleware::from_fn(api_language));
        let request = |path: &str, lang: &str| {
            Request::get(path)
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        for (lang, heading) in [
            ("nl", "Tijdelijk niet beschikbaar"),
            ("en", "Service unavailable"),
        ] {
            let response = page.clone().oneshot(request("/p", lang)).await.unwrap();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS);
            let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
            let body = String::from_utf8_lossy(&body);
            assert!(body.contains(heading), "{lang}: {body}");
            assert!(!body.contains("connection refused"), "the cause stays in the log");

            let response = api.clone().oneshot(request("/a", lang)).await.unwrap();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS);
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
            let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
            let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(problem["status"], 503);
            assert_eq!(problem["title"], heading);
            assert!(!problem.to_string().contains("connection refused"));
        }
    }

    #[tokio::test]
    async fn a_handler_that_panics_is_answered_with_an_internal_error_not_a_closed_connection() {
        use axum::routing::get;
        use tower::ServiceExt;
        use tower_http::catch_panic::CatchPanicLayer;

        async fn boom() -> &'static str {
            panic!("boom")
        }
        let page = axum::Router::new()
            .route("/p", get(boom))
            .layer(CatchPanicLayer::custom(page_panicked))
            .layer(axum::middleware::from_fn(in_visitor_language));
        let api = axum::Router::new()
            .route("/a", get(boom))
            .layer(CatchPanicLayer::custom(api_panicked))
            .layer(axum::middleware::from_fn(api_language));
        let request = |path: &str| Request::get(path).body(axum::body::Body::empty()).unwrap();
        let response = page.oneshot(request("/p")).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let response = api.oneshot(request("/a")).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
        assert!(
            !String::from_utf8_lossy(&body).contains("boom"),
            "the panic stays in the log"
        );
    }
}
