//! Publication of UDO dossiers (issue 14, item 9): each dossier's documents with their Woo
//! information category (module `documents`, the upload form at `/udo/{id}/documenten`).

pub mod documents;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use samenspel_app::App;

use crate::api::udo_documents::UPLOAD_LIMIT;

pub fn routes() -> Router<App> {
    Router::new().route(
        "/udo/{id}/documenten",
        get(documents::form)
            .post(documents::submit)
            .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
    )
}

/// Whether a form at this path uploads a file (the CSRF check reads a larger body there).
pub fn takes_files(path: &str) -> bool {
    path.strip_prefix("/udo/")
        .and_then(|rest| rest.strip_suffix("/documenten"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_dossiers_documents_path_takes_files() {
        assert!(takes_files("/udo/12/documenten"));
        assert!(!takes_files("/udo//documenten"));
        assert!(!takes_files("/udo/12/bewerken"));
        assert!(!takes_files("/udo/x/documenten"));
    }
}
