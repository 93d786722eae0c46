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

impl ApiError {
    fn problem(&self) -> Problem {
        let (status, title, detail, invalid_params) = match self {
            ApiError::BadRequest { name, reason } => (
                StatusCode::BAD_REQUEST,
                "Ongeldig verzoek",
                "Het verzoek kon niet worden gelezen.".to_owned(),
                vec![InvalidParam {
                    name: name.clone(),
                    code: "malformed".into(),
                    reason: reason.clone(),
                }],
            ),
            ApiError::App(AppError::Invalid(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ongeldige invoer",
                "Een of meer velden zijn niet goed ingevuld; er is niets opgeslagen.".to_owned(),
                errors
                    .errors
                    .iter()
                    .map(|e| InvalidParam {
                        name: e.field.clone(),
                        code: e.code.into(),
                        reason: e.message.clone(),
                    })
                    .collect(),
            ),
            ApiError::App(AppError::NotFound(what)) => (
                StatusCode::NOT_FOUND,
                "Niet gevonden",
                format!("De gevraagde {what} bestaat niet."),
                vec![],
            ),
            ApiError::App(AppError::Conflict(message)) => {
                (StatusCode::CONFLICT, "Conflict", message.clone(), vec![])
            }
            ApiError::App(AppError::Internal(message)) => {
                tracing::error!(error = %message, "internal error in API request");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Interne fout",
                    "Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw.".to_owned(),
                    vec![],
                )
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

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

/// The status and the Dutch message for an error shown as a page.
pub fn page_status(error: &AppError) -> (StatusCode, &'static str, String) {
    match error {
        AppError::NotFound(what) => (
            StatusCode::NOT_FOUND,
            "Niet gevonden",
            format!("De gevraagde {what} bestaat niet (meer)."),
        ),
        AppError::Invalid(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Ongeldige invoer",
            errors.to_string(),
        ),
        AppError::Conflict(message) => (
            StatusCode::CONFLICT,
            "Gelijktijdige wijziging",
            message.clone(),
        ),
        AppError::Internal(message) => {
            tracing::error!(error = %message, "internal error in page request");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis",
                "Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw.".to_owned(),
            )
        }
    }
}
