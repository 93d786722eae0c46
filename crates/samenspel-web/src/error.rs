//! The one place where errors become HTTP responses: RFC 9457 problem+json for the API, and
//! an HTML error page for the pages. The user sees a Dutch message; internal details go only
//! to the log.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_app::AppError;
use samenspel_domain::ValidationErrors;
use serde::Serialize;

/// An API error, rendered as `application/problem+json`.
#[derive(Debug)]
pub enum ApiError {
    App(AppError),
    /// The request itself could not be read (malformed JSON, a bad query parameter).
    BadRequest {
        name: String,
        reason: String,
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

/// Status, title and message for the user of an application error, shared by the API and
/// the pages. Internal errors are logged here and never shown.
pub fn describe(error: &AppError) -> (StatusCode, &'static str, String) {
    match error {
        AppError::NotFound(what) => (
            StatusCode::NOT_FOUND,
            "Niet gevonden",
            format!("De gevraagde {what} bestaat niet (meer)."),
        ),
        AppError::Invalid(_) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Ongeldige invoer",
            "Een of meer velden zijn niet goed ingevuld; er is niets opgeslagen.".to_owned(),
        ),
        AppError::Conflict(message) => (StatusCode::CONFLICT, "Gelijktijdige wijziging", message.clone()),
        AppError::Unavailable { title, message } => (StatusCode::CONFLICT, *title, message.clone()),
        AppError::Unauthenticated => (
            StatusCode::UNAUTHORIZED,
            "Aanmelden nodig",
            "Meld u aan om dit te doen (in de API met Authorization: Bearer <token>).".to_owned(),
        ),
        AppError::Forbidden(message) => (StatusCode::FORBIDDEN, "Geen toegang", message.clone()),
        AppError::TooManyAttempts(message) => {
            (StatusCode::TOO_MANY_REQUESTS, "Te veel pogingen", message.clone())
        }
        AppError::Internal(_) => {
            tracing::error!(error = %error, sources = ?sources(error), "internal error");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis",
                "Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw."
                    .to_owned(),
            )
        }
    }
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
    fn problem(&self) -> Problem {
        let (status, title, detail, invalid_params) = match self {
            ApiError::BadRequest { name, reason } => (
                StatusCode::BAD_REQUEST,
                "Ongeldig verzoek",
                "Het verzoek kon niet worden gelezen; er is niets opgeslagen.".to_owned(),
                vec![InvalidParam {
                    name: name.clone(),
                    code: "malformed".into(),
                    reason: reason.clone(),
                }],
            ),
            ApiError::TooLarge { limit_bytes } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Verzoek te groot",
                "Het verzoek is groter dan deze functie aanneemt; er is niets opgeslagen.".to_owned(),
                vec![InvalidParam {
                    name: "body".into(),
                    code: "too_large".into(),
                    reason: format!("Stuur hoogstens {} per verzoek.", size(*limit_bytes)),
                }],
            ),
            ApiError::BadQuery(errors) => (
                StatusCode::BAD_REQUEST,
                "Ongeldige zoekvraag",
                "Een of meer parameters van de zoekvraag hebben een waarde die niet bestaat.".to_owned(),
                invalid_params(errors),
            ),
            ApiError::App(error) => {
                let (status, title, detail) = describe(error);
                let params = match error {
                    AppError::Invalid(errors) => invalid_params(errors),
                    _ => vec![],
                };
                (status, title, detail, params)
            }
        };
        Problem {
            problem_type: format!("https://samenspel.example/problemen/{}", status.as_u16()),
            title: title.into(),
            status: status.as_u16(),
            detail,
            invalid_params,
        }
    }
}

fn invalid_params(errors: &ValidationErrors) -> Vec<InvalidParam> {
    errors
        .errors
        .iter()
        .map(|e| InvalidParam {
            name: e.field.clone(),
            code: e.code.into(),
            reason: e.message.to_string(),
        })
        .collect()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
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
        response
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
    fn into_response(self) -> Response {
        match self {
            PageError::App(error) => crate::ui::error_page(&error),
            PageError::PastTheEnd { last, href } => crate::ui::past_the_end(last, href),
            PageError::NotOffered(response) => *response,
        }
    }
}
