//! Addresses that moved: a collaboration merged into another by an import (a version of a
//! regeling that was once imported as a collaboration of its own) answers every page and API
//! address under it with a permanent redirect to the same address of the collaboration it
//! became part of.

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_app::App;

/// The prefixes under which a collaboration's id is the next path segment.
const PREFIXES: [&str; 2] = ["/samenwerkingen/", "/api/v1/collaborations/"];

/// The prefix, the id and the rest of a collaboration's address (`/samenwerkingen/12/geld`
/// → `("/samenwerkingen/", 12, "/geld")`).
fn collaboration_address(path: &str) -> Option<(&'static str, i64, &str)> {
    PREFIXES.into_iter().find_map(|prefix| {
        let rest = path.strip_prefix(prefix)?;
        let end = rest.find('/').unwrap_or(rest.len());
        let (id, tail) = rest.split_at(end);
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((prefix, id.parse().ok()?, tail))
    })
}

/// Answers a page or API address of a merged collaboration that is not found with 301 to
/// the collaboration it became part of.
pub async fn merged_collaborations(State(app): State<App>, request: Request, next: Next) -> Response {
    let reads = matches!(*request.method(), Method::GET | Method::HEAD);
    let address = reads
        .then(|| collaboration_address(request.uri().path()))
        .flatten()
        .map(|(prefix, id, tail)| (prefix, id, tail.to_owned()));
    let query = request.uri().query().map(str::to_owned);
    let response = next.run(request).await;
    let Some((prefix, id, tail)) = address else {
        return response;
    };
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    match app.merged_into(id).await {
        Ok(Some(target)) => {
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            let location = format!("{prefix}{target}{tail}{query}");
            (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, location)]).into_response()
        }
        _ => response,
    }
}

#[cfg(test)]
mod tests {
    use super::collaboration_address;

    #[test]
    fn a_collaborations_address_is_split_into_prefix_id_and_rest() {
        assert_eq!(
            collaboration_address("/samenwerkingen/12/geld"),
            Some(("/samenwerkingen/", 12, "/geld"))
        );
        assert_eq!(
            collaboration_address("/samenwerkingen/7"),
            Some(("/samenwerkingen/", 7, ""))
        );
        assert_eq!(
            collaboration_address("/api/v1/collaborations/3/analysis"),
            Some(("/api/v1/collaborations/", 3, "/analysis"))
        );
        for other in [
            "/samenwerkingen/nieuw",
            "/samenwerkingen/",
            "/samenwerkingen/12a",
            "/organisaties/GM0363",
            "/samenwerkingen/99999999999999999999999",
        ] {
            assert_eq!(collaboration_address(other), None, "{other}");
        }
    }
}
