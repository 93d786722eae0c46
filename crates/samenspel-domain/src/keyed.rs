//! `keyed_enum!`: one declaration of a closed set of values that travel as kebab-case keys
//! (`"regio-deal"`, `"gemeenschappelijke-regeling"`) and show as Dutch labels.
//!
//! Each value is written once, with its key and its label; the macro derives everything that
//! must agree with that key: serde (the key is the JSON form), the OpenAPI schema (a string
//! listing exactly the keys, so the document says what the API sends), `ALL`, `key`,
//! `label_nl`, `from_key`, and `parse_field`, which refuses an unknown key with a Dutch
//! message naming the field. The schema is written here rather than derived, because the
//! derive would see only the Rust variant names.

macro_rules! keyed_enum {
    ($(#[doc = $doc:literal])* $name:ident, $field:literal, $what:literal { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            pub fn label_nl(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }

            pub fn parse_field(field: &str, raw: &str) -> Result<Self, $crate::ValidationErrors> {
                Self::from_key(raw.trim()).ok_or_else(|| {
                    $crate::ValidationErrors::single(
                        field,
                        "unknown_value",
                        format!(
                            concat!("'{}' is geen bekend ", $what, "; kies uit: {}."),
                            raw.trim(),
                            [$($key),+].join(", ")
                        ),
                    )
                })
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::keyed::key_schema(&[$($doc),*], &[$($key),+])
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

pub(crate) use keyed_enum;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

/// The schema of a keyed enum: a string that is one of `keys`, described by the doc comment
/// (its lines trimmed and joined as the derive would).
pub(crate) fn key_schema(doc: &[&str], keys: &[&'static str]) -> RefOr<Schema> {
    let description = doc.iter().map(|line| line.trim()).collect::<Vec<_>>().join("\n");
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .description((!description.is_empty()).then_some(description))
        .enum_values(Some(keys.iter().copied()))
        .into()
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use crate::collaboration::CollaborationKind;

    #[test]
    fn the_schema_lists_the_keys_the_json_carries() {
        let schema = serde_json::to_value(CollaborationKind::schema()).unwrap();
        let listed: Vec<&str> = schema["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let sent: Vec<String> = CollaborationKind::ALL
            .iter()
            .map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().to_owned())
            .collect();
        assert_eq!(listed, sent);
        assert!(listed.contains(&"gemeenschappelijke-regeling"), "{listed:?}");
        assert_eq!(schema["type"], "string");
        assert_eq!(
            schema["description"],
            "The form of collaboration (ROB 2021 table 3.1 and the other forms named in the seeds)."
        );
    }
}
