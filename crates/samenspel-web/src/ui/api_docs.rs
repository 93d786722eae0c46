//! The API's documentation as a page (issue 12): every operation of the OpenAPI document with
//! its parameters, request body fields, responses and an example call, rendered on the server
//! from the same document `/api/openapi.json` serves; no scripts, no external fonts.

use std::sync::LazyLock;

use askama::Template;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use samenspel_app::App;
use serde_json::Value;

use crate::session::PageContext;
use crate::ui::{Layout, render};

/// The design rules of the API, served as written in `docs/API-DESIGN.md`.
const API_DESIGN: &str = include_str!("../../../../docs/API-DESIGN.md");

pub fn routes() -> Router<App> {
    Router::new().route("/api-documentatie", get(page)).route(
        "/api-documentatie/API-DESIGN.md",
        get(async || {
            (
                [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
                API_DESIGN,
            )
                .into_response()
        }),
    )
}

pub struct Parameter {
    pub name: String,
    pub location: String,
    pub required: bool,
    pub description: String,
    /// The type, or the values it takes.
    pub values: String,
}

pub struct Operation {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub parameters: Vec<Parameter>,
    /// The request body's fields: (name, type, required).
    pub body: Vec<(String, String, bool)>,
    /// (status, meaning, body schema).
    pub responses: Vec<(String, String, String)>,
    pub example: String,
}

pub struct Group {
    pub name: String,
    pub description: String,
    pub operations: Vec<Operation>,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
pub struct ApiDocsPage {
    pub layout: Layout,
    pub version: String,
    pub groups: &'static [Group],
}

static GROUPS: LazyLock<(String, Vec<Group>)> = LazyLock::new(|| {
    let document: Value = serde_json::from_str(&crate::api::openapi_document()).unwrap_or_default();
    (text(&document["info"]["version"]), groups(&document))
});

async fn page(ctx: PageContext) -> Response {
    let (version, groups) = &*GROUPS;
    render(
        StatusCode::OK,
        &ApiDocsPage {
            layout: Layout::translated(&ctx, ctx.lang.t("api-docs-title"), "api"),
            version: version.clone(),
            groups,
        },
    )
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The name of a `$ref`'d schema, or the schema's type with its values.
fn describe_schema(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return reference.rsplit('/').next().unwrap_or(reference).to_owned();
    }
    if let Some(values) = schema["enum"].as_array() {
        let keys: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .filter(|v| !v.is_empty())
            .map(|v| format!("`{v}`"))
            .collect();
        return format!("one of {}", keys.join(", "));
    }
    if let Some(items) = schema.get("items") {
        return format!("list of {}", describe_schema(items));
    }
    if let Some(alternatives) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        let names: Vec<String> = alternatives
            .iter()
            .map(describe_schema)
            .filter(|n| !n.is_empty())
            .collect();
        return names.join(" or ");
    }
    match &schema["type"] {
        Value::String(t) => t.clone(),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => String::new(),
    }
}

/// The fields of a request body's schema: (name, type, required).
fn body_fields(document: &Value, operation: &Value) -> Vec<(String, String, bool)> {
    let content = &operation["requestBody"]["content"];
    let Some(schema) = content
        .as_object()
        .and_then(|c| c.values().next())
        .map(|c| &c["schema"])
    else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    collect_fields(document, schema, &mut fields, 0);
    if fields.is_empty() {
        let kind = describe_schema(schema);
        if !kind.is_empty() {
            fields.push(("(body)".into(), kind, true));
        }
    }
    fields
}

/// The properties of `schema`, following `$ref` and `allOf` (a flattened body) a few levels.
fn collect_fields(document: &Value, schema: &Value, fields: &mut Vec<(String, String, bool)>, depth: u8) {
    if depth > 4 {
        return;
    }
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        collect_fields(
            document,
            &document["components"]["schemas"][name],
            fields,
            depth + 1,
        );
        return;
    }
    for part in schema["allOf"].as_array().into_iter().flatten() {
        collect_fields(document, part, fields, depth + 1);
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        fields.push((
            name.clone(),
            describe_schema(property),
            required.contains(&name.as_str()),
        ));
    }
}

/// A `curl` call of the operation; `$SAMENSPEL` is the site's address, `$TOKEN` an API token.
fn example(method: &str, path: &str, parameters: &[Parameter], has_body: bool) -> String {
    let query: Vec<String> = parameters
        .iter()
        .filter(|p| p.location == "query" && p.required)
        .map(|p| format!("{}=…", p.name))
        .collect();
    let address = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    };
    let mut call = String::from("curl");
    if method != "GET" {
        call.push_str(&format!(" -X {method} -H \"Authorization: Bearer $TOKEN\""));
    }
    if has_body {
        call.push_str(" -H \"Content-Type: application/json\" -d @body.json");
    }
    call.push_str(&format!(" \"$SAMENSPEL{address}\""));
    call
}

fn groups(document: &Value) -> Vec<Group> {
    let mut groups: Vec<Group> = document["tags"]
        .as_array()
        .map(|tags| {
            tags.iter()
                .map(|t| Group {
                    name: text(&t["name"]),
                    description: text(&t["description"]),
                    operations: Vec::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    let Some(paths) = document["paths"].as_object() else {
        return groups;
    };
    // The paths are relative to the server URL (`/api/v1`); the page shows them whole.
    let server = text(&document["servers"][0]["url"]);
    let server = server.trim_end_matches('/');
    for (relative, methods) in paths {
        let path = &format!("{server}{relative}");
        let Some(methods) = methods.as_object() else {
            continue;
        };
        for (method, operation) in methods {
            let method = method.to_uppercase();
            let parameters: Vec<Parameter> = operation["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .map(|p| Parameter {
                            name: text(&p["name"]),
                            location: text(&p["in"]),
                            required: p["required"].as_bool().unwrap_or(false),
                            description: p["description"]
                                .as_str()
                                .or(p["schema"]["description"].as_str())
                                .unwrap_or_default()
                                .to_owned(),
                            values: describe_schema(&p["schema"]),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let body = body_fields(document, operation);
            let responses = operation["responses"]
                .as_object()
                .map(|rs| {
                    rs.iter()
                        .map(|(status, r)| {
                            let schema = r["content"]
                                .as_object()
                                .and_then(|c| c.values().next())
                                .map(|c| describe_schema(&c["schema"]))
                                .unwrap_or_default();
                            let meaning = match text(&r["description"]) {
                                m if m.is_empty() && status.starts_with('2') => "OK".to_owned(),
                                m => m,
                            };
                            (status.clone(), meaning, schema)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let id = text(&operation["operationId"]);
            let op = Operation {
                example: example(&method, path, &parameters, !body.is_empty()),
                anchor: if id.is_empty() {
                    format!("{method}-{path}")
                } else {
                    id
                },
                method,
                path: path.clone(),
                summary: text(&operation["summary"]),
                parameters,
                body,
                responses,
            };
            let tag = text(&operation["tags"][0]);
            match groups.iter_mut().find(|g| g.name == tag) {
                Some(group) => group.operations.push(op),
                None => groups.push(Group {
                    name: tag,
                    description: String::new(),
                    operations: vec![op],
                }),
            }
        }
    }
    groups.retain(|g| !g.operations.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_of_the_document_is_on_the_page() {
        let document: Value = serde_json::from_str(&crate::api::openapi_document()).unwrap();
        let expected: usize = document["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|m| m.as_object().unwrap().len())
            .sum();
        let (_, groups) = &*GROUPS;
        let shown: usize = groups.iter().map(|g| g.operations.len()).sum();
        assert_eq!(shown, expected);
        let update = groups
            .iter()
            .flat_map(|g| &g.operations)
            .find(|o| o.anchor == "updateCollaboration")
            .unwrap();
        assert!(
            update
                .body
                .iter()
                .any(|(name, _, required)| name == "version" && *required),
            "{:?}",
            update.body
        );
        assert!(update.example.contains("-X PUT") && update.example.contains("Bearer"));
        assert!(update.responses.iter().any(|(status, _, _)| status == "409"));
    }
}
