//! What a page handler receives, in one extractor: the app, the visitor, the address's
//! parameters and, for a form, its fields. Every handler used to list the same three or four
//! extractors; now it names one.

use axum::Form;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use samenspel_app::App;
use serde::de::DeserializeOwned;

use crate::session::PageContext;
use crate::ui::page_path::PagePath;

/// A form posted to an address without parameters: the app, the visitor and the fields in the
/// order sent (read them with [`crate::ui::form::get`]).
pub struct Posted(pub App, pub PageContext, pub Vec<(String, String)>);

/// A form posted to an address with parameters `P` (an id, or an id and a code): the app, the
/// visitor, the parameters and the fields.
pub struct PostedTo<P>(pub App, pub PageContext, pub P, pub Vec<(String, String)>);

/// A page at an address with parameters `P`: the app, the visitor and the parameters. An
/// address whose parameters cannot be read gets the "not found" page.
pub struct Visit<P>(pub App, pub PageContext, pub P);

impl<P: DeserializeOwned + Send> FromRequestParts<App> for Visit<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let ctx = PageContext::from_request_parts(parts, app).await?;
        let PagePath(path) = PagePath::<P>::from_request_parts(parts, app).await?;
        Ok(Self(app.clone(), ctx, path))
    }
}

impl FromRequest<App> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, app: &App) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let ctx = PageContext::from_request_parts(&mut parts, app).await?;
        let pairs = fields(Request::from_parts(parts, body), app).await?;
        Ok(Self(app.clone(), ctx, pairs))
    }
}

impl<P: DeserializeOwned + Send> FromRequest<App> for PostedTo<P> {
    type Rejection = Response;

    async fn from_request(request: Request, app: &App) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let Visit(_, ctx, path) = Visit::<P>::from_request_parts(&mut parts, app).await?;
        let pairs = fields(Request::from_parts(parts, body), app).await?;
        Ok(Self(app.clone(), ctx, path, pairs))
    }
}

/// The form's fields; a body that is not a form gets the framework's own refusal, as before.
async fn fields(request: Request, app: &App) -> Result<Vec<(String, String)>, Response> {
    Form::<Vec<(String, String)>>::from_request(request, app)
        .await
        .map(|Form(pairs)| pairs)
        .map_err(IntoResponse::into_response)
}
