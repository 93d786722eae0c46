//! The problem responses of the API, documented once. Each set below names the statuses one
//! kind of operation can answer with besides success; a handler lists its set in
//! `responses(...)` and the OpenAPI document gets one entry per status, each an RFC 9457
//! problem (`application/problem+json`, schema [`Problem`]) described as
//! [`crate::error::ApiError`] renders it.

use std::collections::BTreeMap;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, RefOr};
use utoipa::{IntoResponses, ToSchema};

use crate::error::Problem;

/// What a status means in this API, as the document says it.
fn meaning(status: u16) -> &'static str {
    match status {
        400 => {
            "The request could not be read: a malformed path or query value or body; `invalidParams` names it"
        }
        401 => "Sign-in needed: send `Authorization: Bearer <token>`",
        403 => "The caller's role does not allow this",
        404 => "The resource does not exist, or the caller may not see it",
        409 => "The resource changed in the meantime, or its state does not allow this",
        413 => "The body is larger than this operation takes",
        422 => "One or more fields are wrong; `invalidParams` names each with its reason",
        429 => {
            "Too many requests of this kind from this address without signing in; `Retry-After` says how many seconds to wait at most"
        }
        _ => "A problem",
    }
}

/// The documented problem responses for `statuses`.
fn problem_responses(statuses: &[u16]) -> BTreeMap<String, RefOr<Response>> {
    statuses
        .iter()
        .map(|&status| {
            let content = ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    Problem::name(),
                ))))
                .build();
            let mut response = ResponseBuilder::new()
                .description(meaning(status))
                .content("application/problem+json", content);
            if status == 429 {
                response = response.header(
                    "Retry-After",
                    HeaderBuilder::new()
                        .schema(Some(
                            ObjectBuilder::new()
                                .schema_type(SchemaType::new(Type::Integer))
                                .minimum(Some(1)),
                        ))
                        .description(Some("Seconds to wait before asking again"))
                        .build(),
                );
            }
            let response = response.build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

macro_rules! problem_set {
    ($($(#[doc = $doc:literal])* $name:ident = [$($status:literal),+];)+) => {$(
        $(#[doc = $doc])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                problem_responses(&[$($status),+])
            }
        }
    )+};
}

problem_set! {
    /// Reading one resource named in the path.
    Lookup = [400, 404];
    /// Reading with a query value that can be malformed.
    Malformed = [400];
    /// Reading a list or report whose query can be malformed (400) or name unknown values (422).
    Search = [400, 422];
    /// Reading one resource whose query can also be wrong.
    LookupSearch = [400, 404, 422];
    /// Reading a result that exists only once its resource reaches a state (a closed wave).
    LookupInState = [400, 404, 409];
    /// Creating a resource (signed in).
    Create = [400, 401, 403, 409, 413, 422];
    /// Changing or removing a resource named in the path (signed in).
    Change = [400, 401, 403, 404, 409, 413, 422];
    /// Limited per address for anonymous visitors (with `Retry-After`).
    Limited = [429];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_status_has_its_own_meaning() {
        let sets = [
            Malformed::responses(),
            Lookup::responses(),
            Search::responses(),
            LookupSearch::responses(),
            LookupInState::responses(),
            Create::responses(),
            Change::responses(),
            Limited::responses(),
        ];
        for set in sets {
            for status in set.keys() {
                let status: u16 = status.parse().unwrap();
                assert_ne!(meaning(status), meaning(0), "{status} has no meaning");
            }
        }
    }
}
