//! OpenAPI schemas for the types whose JSON form is written by hand (see their `Serialize`).

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::org::OrgCode;
use crate::partnership::{Dimension, Profile, Score, Stance};

fn score_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .minimum(Some(1))
        .maximum(Some(5))
        .description(Some(
            "Score op de schaal 1–5 van het Model voor gelijkwaardig partnerschap",
        ))
}

impl PartialSchema for Score {
    fn schema() -> RefOr<Schema> {
        score_schema().into()
    }
}
impl ToSchema for Score {}

impl PartialSchema for OrgCode {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::String))
            .pattern(Some("^[A-Z][A-Z0-9-]{1,19}$"))
            .description(Some(
                "Organisatiecode, bijvoorbeeld GM0363, PV27, WS0155, MNRE1034 of VNG",
            ))
            .into()
    }
}
impl ToSchema for OrgCode {}

fn per_dimension(value: impl Fn() -> ObjectBuilder, required: bool) -> ObjectBuilder {
    let mut object = ObjectBuilder::new().schema_type(SchemaType::new(Type::Object));
    for d in Dimension::ALL {
        object = object.property(d.key(), value().description(Some(d.question())));
        if required {
            object = object.required(d.key());
        }
    }
    object
}

impl PartialSchema for Profile {
    fn schema() -> RefOr<Schema> {
        per_dimension(score_schema, true).into()
    }
}
impl ToSchema for Profile {}

impl PartialSchema for Stance {
    fn schema() -> RefOr<Schema> {
        let text = || ObjectBuilder::new().schema_type(SchemaType::new(Type::String));
        ObjectBuilder::new()
            .schema_type(SchemaType::new(Type::Object))
            .property("scores", Profile::schema())
            .required("scores")
            .property("motivations", per_dimension(text, false))
            .required("motivations")
            .into()
    }
}
impl ToSchema for Stance {}
