//! The OpenAPI document: what is said once for the whole API (title, version, tags, the
//! problem schema, the `API-Version` header on every response), completed with the paths the
//! router registered (see [`super::endpoints`]). The server URL `/api/v1` carries the major
//! version (ADR `/core/uri-version`), so the paths are relative to it; the links between
//! operations say which response's field identifies what another operation reads.

use std::collections::BTreeMap;
use utoipa::OpenApi;

use axum::http::StatusCode;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{OpenApi as Document, PathItem, RefOr};

use super::API_VERSION;
use crate::error::{InvalidParam, Problem};

#[derive(OpenApi)]
#[openapi(
    info(title = "Samenspel API", version = API_VERSION,
         description = "Interbestuurlijke samenwerking: organisaties, samenwerkingen en het Model voor gelijkwaardig partnerschap (ROB 2021).",
         license(name = "EUPL-1.2")),
    servers((url = "/api/v1", description = "Deze server, versie 1 van de API")),
    components(schemas(Problem, InvalidParam)),
    tags((name = "organisations", description = "Overheden en andere partners"),
         (name = "collaborations", description = "Samenwerkingen en hun partners"),
         (name = "partnership-model", description = "Model voor gelijkwaardig partnerschap: standpunten en analyse"),
         (name = "money", description = "Geld per partner per jaar: wie betaalt?"),
         (name = "regions", description = "Regionale indelingen van gemeenten en hun congruentie"),
         (name = "survey", description = "Knelpuntenmonitor: golven, antwoorden en rapportage"),
         (name = "search", description = "Zoeken in organisaties, samenwerkingen en golven"),
         (name = "udo", description = "Uitvoerbaarheidstoets decentrale overheden: dossiers, stappen en gebruik per ministerie"),
         (name = "medebewind", description = "Register van medebewindstaken: grondslag, ambitie, bevoegdheden, budget en taakvelden"),
         (name = "iv3", description = "Iv3-taakvelden: kosten per gemeente per taakveld per jaar"),
         (name = "staat", description = "Staat van het samenspel: periodiek rapport over alle onderdelen"))
)]
struct ApiDoc;

/// The prefix of every registered path (relative to `/api`): the server URL's part after
/// `/api`.
const VERSION_PREFIX: &str = "/v1";

/// The whole document: the shared parts with `endpoints` (the paths as registered on the
/// router mounted at `/api`, all under `/v1`) relative to the server URL `/api/v1`; the
/// `API-Version` header, which the server adds to every API response, on every documented
/// response; a description on every response (OpenAPI requires one; where the handler gives
/// none, the status's reason phrase); and the [`LINKS`].
pub fn document(mut endpoints: Document) -> Document {
    let registered = std::mem::take(&mut endpoints.paths.paths);
    endpoints.paths.paths = registered
        .into_iter()
        .map(|(path, item)| (relative_to_server(&path), item))
        .collect();
    let mut document = ApiDoc::openapi().merge_from(endpoints);
    let targets: BTreeMap<String, String> = operation_ids(&document);
    for item in document.paths.paths.values_mut() {
        for operation in operations(item) {
            let id = operation.operation_id.clone().unwrap_or_default();
            for (status, response) in operation.responses.responses.iter_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                let header = RefOr::T(api_version_header());
                response.headers.insert("API-Version".to_owned(), header);
                if response.description.is_empty() {
                    response.description = reason_phrase(status);
                }
                for link in LINKS.iter().filter(|l| l.from == id && l.status == status) {
                    if !targets.contains_key(link.to) {
                        continue;
                    }
                    let built = LinkBuilder::new()
                        .operation_id(link.to)
                        .parameter(link.parameter, link.value)
                        .description(link.description)
                        .build();
                    response.links.insert(link.name.to_owned(), RefOr::T(built));
                }
            }
        }
    }
    document
}

/// A registered path relative to the server URL `/api/v1`.
fn relative_to_server(path: &str) -> String {
    match path.strip_prefix(VERSION_PREFIX) {
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        _ => path.to_owned(),
    }
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.patch,
        &mut item.delete,
    ]
    .into_iter()
    .flatten()
}

/// Every operation id of the document, with its path.
fn operation_ids(document: &Document) -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    for (path, item) in &document.paths.paths {
        let mut item = item.clone();
        for operation in operations(&mut item) {
            if let Some(id) = &operation.operation_id {
                ids.insert(id.clone(), path.clone());
            }
        }
    }
    ids
}

fn reason_phrase(status: &str) -> String {
    status
        .parse::<u16>()
        .ok()
        .and_then(|code| StatusCode::from_u16(code).ok())
        .and_then(|code| code.canonical_reason())
        .unwrap_or("Response")
        .to_owned()
}

/// An OpenAPI link: the `from` operation's `status` response gives, at `value` (a runtime
/// expression), the `parameter` of the `to` operation. Clients (and schemathesis's stateful
/// phase) follow them from a created resource to reading and changing it.
struct Link {
    from: &'static str,
    status: &'static str,
    name: &'static str,
    to: &'static str,
    parameter: &'static str,
    value: &'static str,
    description: &'static str,
}

const fn link(
    from: &'static str,
    status: &'static str,
    name: &'static str,
    to: &'static str,
    parameter: &'static str,
    value: &'static str,
    description: &'static str,
) -> Link {
    Link {
        from,
        status,
        name,
        to,
        parameter,
        value,
        description,
    }
}

const COLLABORATION_ID: &str = "$response.body#/id";
const LINKS: &[Link] = &[
    link(
        "createCollaboration",
        "201",
        "GetCollaboration",
        "getCollaboration",
        "id",
        COLLABORATION_ID,
        "The created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "UpdateCollaboration",
        "updateCollaboration",
        "id",
        COLLABORATION_ID,
        "Change the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "AddPartner",
        "addPartner",
        "id",
        COLLABORATION_ID,
        "Add a partner to the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "ListStances",
        "listStances",
        "id",
        COLLABORATION_ID,
        "The stances of the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "GetMoney",
        "getMoney",
        "id",
        COLLABORATION_ID,
        "The money of the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "RecordMoney",
        "recordMoney",
        "id",
        COLLABORATION_ID,
        "Record money for the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "ListAuditEvents",
        "listAuditEvents",
        "id",
        COLLABORATION_ID,
        "What happened to the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "GetAnalysis",
        "getAnalysis",
        "id",
        COLLABORATION_ID,
        "The analysis of the created collaboration",
    ),
    link(
        "createCollaboration",
        "201",
        "SetPublication",
        "setPublication",
        "id",
        COLLABORATION_ID,
        "Publish or withdraw the created collaboration",
    ),
    link(
        "addPartner",
        "201",
        "GetCollaboration",
        "getCollaboration",
        "id",
        COLLABORATION_ID,
        "The collaboration with its new partner",
    ),
    link(
        "addOrganisation",
        "201",
        "GetOrganisation",
        "getOrganisation",
        "code",
        "$response.body#/code",
        "The added organisation",
    ),
    link(
        "addOrganisation",
        "201",
        "GetOrganisationOverview",
        "getOrganisationOverview",
        "code",
        "$response.body#/code",
        "The overview of the added organisation",
    ),
    link(
        "createMedebewindTask",
        "201",
        "GetMedebewindTask",
        "getMedebewindTask",
        "id",
        "$response.body#/id",
        "The created task",
    ),
    link(
        "createMedebewindTask",
        "201",
        "ListMedebewindTaskHistory",
        "listMedebewindTaskHistory",
        "id",
        "$response.body#/id",
        "The history of the created task",
    ),
    link(
        "createMedebewindTask",
        "201",
        "GetMedebewindMonitor",
        "getMedebewindMonitor",
        "id",
        "$response.body#/id",
        "The monitor of the created task",
    ),
    link(
        "createUdoDossier",
        "201",
        "GetUdoDossier",
        "getUdoDossier",
        "id",
        "$response.body#/id",
        "The created dossier",
    ),
    link(
        "createUdoDossier",
        "201",
        "ListUdoAttachments",
        "listUdoAttachments",
        "id",
        "$response.body#/id",
        "The attachments of the created dossier",
    ),
    link(
        "createUdoDossier",
        "201",
        "ListUdoReactions",
        "listUdoReactions",
        "id",
        "$response.body#/id",
        "The reactions to the created dossier",
    ),
    link(
        "createUdoDossier",
        "201",
        "GetUdoMemorandum",
        "getUdoMemorandum",
        "id",
        "$response.body#/id",
        "The memorandum of the created dossier",
    ),
    link(
        "compileStaatReport",
        "201",
        "GetStaatReport",
        "getStaatReport",
        "id",
        "$response.body#/id",
        "The compiled report",
    ),
    link(
        "createWave",
        "201",
        "GetWave",
        "getWave",
        "key",
        "$response.body#/key",
        "The created wave",
    ),
    link(
        "createWave",
        "201",
        "GetSurveyReport",
        "getSurveyReport",
        "key",
        "$response.body#/key",
        "The report of the created wave",
    ),
    link(
        "createWave",
        "201",
        "CloseWave",
        "closeWave",
        "key",
        "$response.body#/key",
        "Close the created wave",
    ),
];

fn api_version_header() -> utoipa::openapi::header::Header {
    HeaderBuilder::new()
        .schema(Some(
            ObjectBuilder::new().schema_type(SchemaType::new(Type::String)),
        ))
        .description(Some("Full version of the API"))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_path_is_under_the_version_of_the_server_url() {
        let document = super::super::endpoints().into_openapi();
        assert!(!document.paths.paths.is_empty());
        for path in document.paths.paths.keys() {
            assert!(
                path.starts_with(&format!("{VERSION_PREFIX}/")),
                "{path} is not under {VERSION_PREFIX}, the version of the server URL /api/v1"
            );
        }
    }

    #[test]
    fn every_link_joins_two_operations_of_the_document_by_a_parameter_of_the_target() {
        let document = document(super::super::endpoints().into_openapi());
        let json = serde_json::to_value(&document).unwrap();
        let ids = operation_ids(&document);
        let mut links = 0;
        for link in LINKS {
            let path = ids
                .get(link.from)
                .unwrap_or_else(|| panic!("no operation {}", link.from));
            let target = ids
                .get(link.to)
                .unwrap_or_else(|| panic!("no operation {}", link.to));
            assert!(
                target.contains(&format!("{{{}}}", link.parameter)),
                "{} has no {}",
                link.to,
                link.parameter
            );
            let responses = json["paths"][path]
                .as_object()
                .unwrap()
                .values()
                .find(|op| op["operationId"] == link.from)
                .unwrap()["responses"]
                .clone();
            assert_eq!(responses[link.status]["links"][link.name]["operationId"], link.to);
            links += 1;
        }
        assert_eq!(links, LINKS.len());
    }
}
