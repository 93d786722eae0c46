//! The OpenAPI document: what is said once for the whole API (title, version, tags, the
//! problem schema, the `API-Version` header on every response), completed with the paths the
//! router registered (see [`super::endpoints`]), nested under `/api`.

use utoipa::OpenApi;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{OpenApi as Document, RefOr};

use super::API_VERSION;
use crate::error::{InvalidParam, Problem};

#[derive(OpenApi)]
#[openapi(
    info(title = "Samenspel API", version = API_VERSION,
         description = "Interbestuurlijke samenwerking: organisaties, samenwerkingen en het Model voor gelijkwaardig partnerschap (ROB 2021).",
         license(name = "EUPL-1.2")),
    servers((url = "/", description = "Deze server")),
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

/// The whole document: the shared parts with `endpoints` (the paths as registered on the
/// router mounted at `/api`) nested under `/api`, and the `API-Version` header, which the
/// server adds to every API response, on every documented response.
pub fn document(endpoints: Document) -> Document {
    let mut document = ApiDoc::openapi().nest("/api", endpoints);
    for item in document.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            for response in operation.responses.responses.values_mut() {
                if let RefOr::T(response) = response {
                    let header = RefOr::T(api_version_header());
                    response.headers.insert("API-Version".to_owned(), header);
                }
            }
        }
    }
    document
}

fn api_version_header() -> utoipa::openapi::header::Header {
    HeaderBuilder::new()
        .schema(Some(
            ObjectBuilder::new().schema_type(SchemaType::new(Type::String)),
        ))
        .description(Some("Full version of the API"))
        .build()
}
