//! Why a request could not be read (the `reason` of a 400's `invalidParams`), in Dutch with
//! its catalogue id (`locales/*/problems.ftl`), so the API can answer in the language asked
//! for. The library's own text (serde's, axum's) is passed in as `error` and kept as it is.

use samenspel_domain::{Message, msg};

/// The body was not sent as JSON.
pub fn not_json() -> Message {
    msg!(
        "reason-not-json",
        "Stuur de gegevens als JSON, met Content-Type: application/json."
    )
}

/// The body is not well-formed JSON.
pub fn json_syntax(error: &str) -> Message {
    msg!(
        "reason-json-syntax",
        "De JSON is niet goed gevormd: {error}",
        error = error
    )
}

/// The body is JSON, but not of the expected shape.
pub fn json_data(error: &str) -> Message {
    msg!(
        "reason-json-data",
        "De JSON past niet bij het verwachte schema: {error}",
        error = error
    )
}

/// The query string could not be read into the operation's parameters.
pub fn query(error: &str) -> Message {
    msg!(
        "reason-query",
        "De zoekvraag kon niet worden gelezen: {error}",
        error = error
    )
}

/// A value in the path could not be read (a number that is none).
pub fn path(error: &str) -> Message {
    msg!(
        "reason-path",
        "Het pad kon niet worden gelezen: {error}",
        error = error
    )
}

/// A `format` that the operation does not offer.
pub fn unknown_format(value: &str) -> Message {
    msg!(
        "reason-unknown-format",
        "'{value}' is geen formaat; kies json of csv.",
        value = value
    )
}

/// An import sent as something else than CSV or JSON.
pub fn import_content_type() -> Message {
    msg!(
        "reason-import-content-type",
        "Stuur het bestand als text/csv of application/json."
    )
}

/// A multipart field the operation does not take.
pub fn unknown_field(fields: &str) -> Message {
    msg!(
        "reason-unknown-field",
        "Dit veld hoort niet bij het verzoek; stuur alleen {fields}.",
        fields = fields
    )
}
