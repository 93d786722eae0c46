//! The HTML pages: Dutch, NL Design System components, no JavaScript needed. Every handler
//! builds a view model in Rust (numbers formatted, flags decided by the domain) and a
//! template only lays it out.

mod account;
mod api_docs;
mod collaborations;
mod congruence;
mod control;
mod council;
mod exchange;
pub mod flash;
mod form;
mod home;
mod info;
mod iv3_costs;
mod language;
mod layout;
mod medebewind;
mod money;
mod moore;
mod org_history;
mod organisations;
mod outcome;
mod page_path;
mod participation;
mod radar;
pub mod region_page;
mod regions;
mod request;
pub mod search;
mod signals;
mod staat;
mod stances;
mod statutory;
mod survey;
mod survey_form;
mod survey_import;
mod udo;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::error::PageError;
use crate::i18n::Lang;
use crate::session::PageContext;
use samenspel_app::{App, AppError};

pub use exchange::IMPORT_PATH;
pub use layout::Layout;

/// Every page, each module registering its own; a confirmation after a save is shown once.
pub fn routes() -> Router<App> {
    Router::new()
        .merge(home::routes())
        .merge(organisations::routes())
        .merge(collaborations::routes())
        .merge(exchange::routes())
        .merge(iv3_costs::routes())
        .merge(stances::routes())
        .merge(money::routes())
        .merge(control::routes())
        .merge(moore::routes())
        .merge(survey::routes())
        .merge(survey_import::routes())
        .merge(survey_form::routes())
        .merge(regions::routes())
        .merge(congruence::routes())
        .merge(account::routes())
        .merge(info::routes())
        .merge(api_docs::routes())
        .merge(language::routes())
        .merge(search::routes())
        .merge(signals::routes())
        .merge(participation::routes())
        .merge(region_page::routes())
        .merge(udo::routes())
        .merge(medebewind::routes())
        .merge(staat::routes())
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            crate::error::page_panicked,
        ))
        .layer(axum::middleware::from_fn(crate::error::in_visitor_language))
        .layer(axum::middleware::from_fn(flash::show_once))
}

/// Whether a form at this path uploads a file (and may be as large as an import): the two
/// import pages, whose routes take the larger body limit.
pub fn takes_files(path: &str) -> bool {
    path == IMPORT_PATH || survey_import::is_import_path(path) || udo::publication::takes_files(path)
}

/// A collaboration and one of its views, both as the visitor may see them.
async fn with_collaboration<V>(
    app: &App,
    ctx: &PageContext,
    id: i64,
    view: impl Future<Output = Result<V, AppError>>,
) -> Result<(samenspel_store::Collaboration, V), AppError> {
    Ok((app.collaboration(id, &ctx.who).await?, view.await?))
}

/// An organisation's name for a confirmation, or its code when it cannot be found.
async fn organisation_name(app: &App, code: &str) -> String {
    app.organisation(code)
        .await
        .map_or_else(|_| code.to_owned(), |o| o.display_name())
}

/// The status of a page that shows a problem with its own address (a filter it could not
/// apply, a choice it could not read) when there is one, and 200 when there is none.
fn status_unless(problem: Option<&String>, refused: StatusCode) -> StatusCode {
    if problem.is_some() {
        refused
    } else {
        StatusCode::OK
    }
}

/// Renders a template with a status; a template error is logged and becomes a plain 500.
pub fn render<T: Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                crate::i18n::Lang::Nl.t("errors-page-render-failed"),
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub heading: String,
    pub message: String,
    /// The sign-in page's address (bringing the visitor back here), when signing in helps.
    pub sign_in: Option<String>,
    /// A way on from here other than the home page: (address, text).
    pub link: Option<(String, String)>,
}

/// An error as a whole page in `lang`, with the right status. A visitor who must sign in
/// gets a link to the sign-in page.
pub fn error_page(error: &AppError, lang: Lang) -> Response {
    let (status, heading, message) = crate::error::describe_in(lang, error);
    let message = match error {
        AppError::Invalid(errors) => errors
            .errors
            .iter()
            .map(|e| lang.msg(&e.message))
            .collect::<Vec<_>>()
            .join(" "),
        _ => message,
    };
    let sign_in = matches!(error, AppError::Unauthenticated).then(|| "/inloggen".to_owned());
    crate::error::with_retry_after(render(
        status,
        &ErrorPage {
            layout: Layout::bare(lang, heading.clone()),
            heading,
            message,
            sign_in,
            link: None,
        },
    ))
}

/// A form the visitor may not use (for `refusal`), refused before anything is typed: an anonymous visitor is
/// asked to sign in and brought back here afterwards; anyone else reads why not.
pub fn not_offered_because(ctx: &PageContext, refusal: &samenspel_domain::Message) -> Response {
    let anonymous = matches!(ctx.who, samenspel_app::Principal::Anonymous);
    let lang = ctx.lang;
    let (status, heading, message) = if anonymous {
        (
            StatusCode::UNAUTHORIZED,
            lang.t("errors-page-unauthenticated-title"),
            lang.t_with("errors-page-sign-in-to", &[("reason", &lang.msg(refusal))]),
        )
    } else {
        (
            StatusCode::FORBIDDEN,
            lang.t("errors-page-not-allowed-title"),
            lang.msg(refusal),
        )
    };
    let back = serde_urlencoded::to_string([("terug", ctx.path.as_str())]).unwrap_or_default();
    render(
        status,
        &ErrorPage {
            layout: Layout::translated(ctx, heading.clone(), ""),
            heading,
            message,
            sign_in: anonymous.then(|| format!("/inloggen?{back}")),
            link: None,
        },
    )
}

/// Refuses a form page unless `offered` (asked of [`samenspel_app::offers::Offers`]).
pub fn offered(
    ctx: &PageContext,
    offered: bool,
    action: samenspel_domain::auth::Action,
) -> Result<(), PageError> {
    offered_because(ctx, offered, &action.refusal())
}

/// [`offered`] with the reason for a refusal given as a message.
pub fn offered_because(
    ctx: &PageContext,
    offered: bool,
    refusal: &samenspel_domain::Message,
) -> Result<(), PageError> {
    if offered {
        Ok(())
    } else {
        Err(PageError::NotOffered(Box::new(not_offered_because(ctx, refusal))))
    }
}

/// Only a path on this site (never `//host`, a scheme or a backslash), so a return address
/// in a link cannot send a visitor elsewhere; anything else is the home page.
pub fn local_path(back: Option<&str>) -> &str {
    match back {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path,
        _ => "/",
    }
}

/// A page number past the last page of a list, in `lang`.
pub fn past_the_end(lang: Lang, last: u32, href: String) -> Response {
    let last = last.to_string();
    let heading = lang.t("errors-page-past-end-title");
    render(
        StatusCode::NOT_FOUND,
        &ErrorPage {
            layout: Layout::bare(lang, heading.clone()),
            heading,
            message: lang.t_with("errors-page-past-end-message", &[("last", &last)]),
            sign_in: None,
            link: Some((href, lang.t_with("errors-page-past-end-link", &[("last", &last)]))),
        },
    )
}

/// A form whose CSRF token is missing or wrong, in `lang`.
pub fn csrf_refused(lang: Lang) -> Response {
    let heading = lang.t("errors-page-csrf-title");
    render(
        StatusCode::FORBIDDEN,
        &ErrorPage {
            layout: Layout::bare(lang, heading.clone()),
            heading,
            message: lang.t("errors-page-csrf-message"),
            sign_in: None,
            link: None,
        },
    )
}

pub async fn not_found(ctx: PageContext) -> Response {
    let heading = ctx.lang.t("errors-page-missing-title");
    render(
        StatusCode::NOT_FOUND,
        &ErrorPage {
            layout: Layout::translated(&ctx, heading.clone(), ""),
            heading,
            message: ctx.lang.t("errors-page-missing-message"),
            sign_in: None,
            link: None,
        },
    )
}

/// A CSV download, UTF-8 with a byte-order mark so that Excel reads the accents right.
pub fn csv_response(filename: &str, body: String) -> Response {
    download(
        filename,
        "text/csv; charset=utf-8",
        format!("\u{feff}{body}").into_bytes(),
    )
}

/// A file to save: its media type and `Content-Disposition: attachment` with `filename`
/// (which the caller writes from ASCII letters, digits, `-` and `.`).
pub fn download(filename: &str, media_type: &str, body: impl Into<axum::body::Body>) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    (
        [
            (axum::http::header::CONTENT_TYPE, media_type.to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body.into(),
    )
        .into_response()
}

/// One line of a CSV download: the cells separated by semicolons (as Dutch spreadsheets
/// expect), each guarded against formulas, ended by CRLF.
pub fn csv_line(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|c| samenspel_domain::spreadsheet::cell(c))
        .collect::<Vec<_>>()
        .join(";");
    line.push_str("\r\n");
    line
}

/// Reads query parameters; unreadable ones (e.g. `pagina=abc`) give the defaults and a message
/// for the page instead of an error response.
pub fn parse_query<T: Default + serde::de::DeserializeOwned>(raw: Option<&str>) -> (T, Option<String>) {
    parse_query_in(Lang::Nl, raw)
}

/// [`parse_query`] with the message in `lang`.
pub fn parse_query_in<T: Default + serde::de::DeserializeOwned>(
    lang: Lang,
    raw: Option<&str>,
) -> (T, Option<String>) {
    match serde_urlencoded::from_str::<T>(raw.unwrap_or_default()) {
        Ok(query) => (query, None),
        Err(_) => (T::default(), Some(lang.t("paging-query-unreadable"))),
    }
}

/// An optional list filter from a query parameter, with the message in `lang`: empty means
/// "all"; an unknown value shows why (the field error as the domain wrote it), and all are
/// listed.
pub fn optional_filter_in<T>(
    lang: Lang,
    raw: &str,
    parse: impl Fn(&str) -> Result<T, samenspel_domain::ValidationErrors>,
) -> (Option<T>, Option<String>) {
    match raw.trim() {
        "" => (None, None),
        key => match parse(key) {
            Ok(value) => (Some(value), None),
            Err(errors) => {
                let Some(error) = errors.errors.first() else {
                    return (None, None);
                };
                let message = lang.t_with(
                    "paging-filter-unknown",
                    &[("field", &error.field), ("message", &lang.msg(&error.message))],
                );
                (None, Some(message))
            }
        },
    }
}

/// The page number (1-based) from a `pagina` parameter.
pub fn page_from(raw: Option<u32>) -> samenspel_store::Page {
    let number = raw.unwrap_or(1).max(1);
    let limit = samenspel_store::Page::DEFAULT_LIMIT;
    samenspel_store::Page {
        limit,
        offset: (number - 1).saturating_mul(limit),
    }
}

/// Links to the previous and next page, keeping the other query parameters.
pub struct Pagination {
    /// The items on this page (`first`–`last`, 1-based) of `total`; see [`Pagination::summary`].
    pub first_item: u64,
    pub last_item: u64,
    pub total: u64,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first and last page, when not on them.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The page numbers offered: (number, address; none for the current page), `None` for a
    /// gap.
    pub numbers: Vec<Option<(u32, Option<String>)>>,
}

impl Pagination {
    /// The navigation of page `page` of a list of `total` items with `shown` on this page;
    /// a page past the last is refused with a link to the last one.
    pub fn new(
        base: &str,
        params: &[(&str, String)],
        page: samenspel_store::Page,
        shown: usize,
        total: u64,
    ) -> Result<Self, crate::error::PageError> {
        use samenspel_domain::paging::{PageLink, exists, last_page, window};
        let number = page.offset / page.limit + 1;
        let link = |n: u32| {
            let mut pairs: Vec<(&str, String)> =
                params.iter().filter(|(_, v)| !v.is_empty()).cloned().collect();
            if n > 1 {
                pairs.push(("pagina", n.to_string()));
            }
            let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
            if query.is_empty() {
                base.to_owned()
            } else {
                format!("{base}?{query}")
            }
        };
        let last_number = last_page(total, page.limit);
        if !exists(number, total, page.limit) {
            return Err(crate::error::PageError::PastTheEnd {
                last: last_number,
                href: link(last_number),
            });
        }
        let first = u64::from(page.offset) + 1;
        let last = u64::from(page.offset) + shown as u64;
        Ok(Self {
            first_item: first,
            last_item: last,
            total,
            previous: (number > 1).then(|| link(number - 1)),
            next: (number < last_number).then(|| link(number + 1)),
            first: (number > 1).then(|| link(1)),
            last: (number < last_number).then(|| link(last_number)),
            numbers: if last_number > 1 {
                window(number, last_number)
                    .into_iter()
                    .map(|l| match l {
                        PageLink::Number(n) => Some((n, (n != number).then(|| link(n)))),
                        PageLink::Gap => None,
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
    }

    /// "1–50 van 1191" (or that there are none) in `lang` (a template passes it by reference).
    pub fn summary(&self, lang: &Lang) -> String {
        if self.total == 0 {
            return lang.t("paging-none");
        }
        let (first, last, total) = (
            self.first_item.to_string(),
            self.last_item.to_string(),
            self.total.to_string(),
        );
        lang.t_with(
            "paging-summary",
            &[("first", &first), ("last", &last), ("total", &total)],
        )
    }
}

/// A Dutch decimal: "9,5", "3", "2,67".
pub fn decimal(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    text.replace('.', ",")
}
