//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Samenspel API", version = "1.0.0",
         description = "Interbestuurlijke samenwerking: organisaties, samenwerkingen en het Model voor gelijkwaardig partnerschap (ROB 2021).",
         license(name = "EUPL-1.2")),
    servers((url = "/", description = "Deze server")),
    paths(
        super::organisations::list, super::organisations::show, super::organisations::add,
        super::organisations::overview,
        super::collaborations::list, super::collaborations::create, super::collaborations::show,
        super::collaborations::update, super::collaborations::add_partner, super::collaborations::publication, super::collaborations::stances,
        super::collaborations::put_stance, super::collaborations::analysis, super::collaborations::audit_events,
        super::reference::profiles, super::reference::dimensions,
        super::control::show, super::control::update,
        super::moore::show, super::moore::update,
        super::survey::list, super::survey::create, super::survey::show, super::survey::close,
        super::survey::import, super::survey::report, super::survey::trend,
        super::exchange::export, super::exchange::import,
        super::money::show, super::money::record, super::money::delete,
        super::regions::list, super::regions::show, super::regions::congruence, super::regions::partner_sets,
    ),
    tags((name = "organisations", description = "Overheden en andere partners"),
         (name = "collaborations", description = "Samenwerkingen en hun partners"),
         (name = "partnership-model", description = "Model voor gelijkwaardig partnerschap: standpunten en analyse"),
         (name = "money", description = "Geld per partner per jaar: wie betaalt?"),
         (name = "regions", description = "Regionale indelingen van gemeenten en hun congruentie"),
         (name = "survey", description = "Knelpuntenmonitor: golven, antwoorden en rapportage"))
)]
struct ApiDoc;

/// The OpenAPI document as pretty JSON (also snapshot-tested).
pub fn openapi_document() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
