//! `keyed_enum!`: one declaration of a closed set of values that travel as kebab-case keys
//! (`"regio-deal"`, `"gemeenschappelijke-regeling"`) and show as Dutch labels.
//!
//! Each value is written once, with its key and its label; the macro derives everything that
//! must agree with that key: serde (the key is the JSON form), the OpenAPI schema (a string
//! listing exactly the keys, so the document says what the API sends), `ALL`, `key`,
//! `label_nl`, `message_id` (the label's id in the message catalogues), `from_key`, and `parse_field`, which refuses an unknown key with a Dutch
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

            /// The id of the value's label in the message catalogues, e.g.
            /// `CollaborationKind-regio-deal` (the web layer shows it in the page's language).
            pub fn message_id(self) -> &'static str {
                match self { $($name::$variant => concat!(stringify!($name), "-", $key),)+ }
            }

            /// The label as a message (its id and Dutch text), for use inside other messages.
            pub fn label(self) -> $crate::Message {
                $crate::Message::label(self.message_id(), self.label_nl())
            }

            /// Every value's message id with its Dutch label (the catalogue must agree).
            pub const LABELS: &'static [(&'static str, &'static str)] =
                &[$((concat!(stringify!($name), "-", $key), $label)),+];

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }

            pub fn parse_field(field: &str, raw: &str) -> Result<Self, $crate::ValidationErrors> {
                Self::from_key(raw.trim()).ok_or_else(|| {
                    $crate::ValidationErrors::single(
                        field,
                        "unknown_value",
                        $crate::msg!(
                            concat!("error-unknown-", stringify!($name)),
                            concat!("'{value}' is geen bekend ", $what, "; kies uit: {choices}."),
                            value = raw.trim(),
                            choices = [$($key),+].join(", ")
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

/// The message id and Dutch label of every value of every keyed enum, for the test that the
/// catalogues hold each label in both languages (and agree with the Dutch one here).
pub fn all_labels() -> Vec<(&'static str, &'static str)> {
    use crate::{collaboration, control, money, moore, overview, search, signals, survey::instrument, wgr};
    [
        moore::Element::LABELS,
        moore::Support::LABELS,
        moore::Strength::LABELS,
        control::ElectedBody::LABELS,
        control::WgrInstrument::LABELS,
        control::MomentKind::LABELS,
        instrument::Theme::LABELS,
        instrument::RespondentLayer::LABELS,
        instrument::Group::LABELS,
        collaboration::CollaborationKind::LABELS,
        collaboration::WgrForm::LABELS,
        collaboration::PartnerRole::LABELS,
        collaboration::TermStatus::LABELS,
        crate::iv3::costs::ReportKind::LABELS,
        crate::iv3::costs::CostShape::LABELS,
        crate::iv3::costs::SeriesOn::LABELS,
        money::Instrument::LABELS,
        money::MoneyStatus::LABELS,
        overview::MomentType::LABELS,
        search::SearchKind::LABELS,
        wgr::WgrChapter::LABELS,
        wgr::WgrMoment::LABELS,
        wgr::Party::LABELS,
        wgr::TermKind::LABELS,
        wgr::Verification::LABELS,
        wgr::Origin::LABELS,
        wgr::NoCalendar::LABELS,
        wgr::Bestuursorgaan::LABELS,
        wgr::CouncilPosition::LABELS,
        signals::SignalKind::LABELS,
        wgr::CouncilStep::LABELS,
        crate::participation::Platform::LABELS,
        crate::udo::kompas::Framework::LABELS,
        crate::udo::allocation::PolicyFreedom::LABELS,
        crate::udo::allocation::AllocationLayer::LABELS,
        crate::udo::consultation::ConsultationKind::LABELS,
        crate::udo::consultation::reaction::ReactionKind::LABELS,
        crate::udo::consultation::moderation::ModerationStatus::LABELS,
        crate::udo::consultation::report::ThemeAction::LABELS,
        crate::udo::woo::InformationCategory::LABELS,
        crate::udo::woo::AttachmentKind::LABELS,
        crate::udo::dossier::RegulationForm::LABELS,
        crate::udo::dossier::GovernmentLayer::LABELS,
        crate::udo::dossier::UdoScope::LABELS,
        crate::udo::dossier::LegislativePhase::LABELS,
        crate::udo::dossier::Koepel::LABELS,
        crate::udo::dossier::CheckMoment::LABELS,
        crate::udo::financial::FundingMethod::LABELS,
        crate::udo::financial::FinancialArticle::LABELS,
        crate::medebewind::ResponsibleBody::LABELS,
        crate::medebewind::peers::SizeClass::LABELS,
    ]
    .concat()
}

/// Each keyed enum's refusal of an unknown key, for the test that the catalogues hold every
/// message (`error-unknown-<EnumName>`) with the same Dutch text.
pub fn unknown_key_refusals() -> Vec<crate::ValidationErrors> {
    use crate::{collaboration, control, money, moore, overview, search, signals, survey::instrument, wgr};
    type Parse = fn(&str, &str) -> Result<(), crate::ValidationErrors>;
    let parsers: [Parse; 48] = [
        |f, r| moore::Element::parse_field(f, r).map(drop),
        |f, r| moore::Support::parse_field(f, r).map(drop),
        |f, r| moore::Strength::parse_field(f, r).map(drop),
        |f, r| control::ElectedBody::parse_field(f, r).map(drop),
        |f, r| control::WgrInstrument::parse_field(f, r).map(drop),
        |f, r| control::MomentKind::parse_field(f, r).map(drop),
        |f, r| instrument::Theme::parse_field(f, r).map(drop),
        |f, r| instrument::RespondentLayer::parse_field(f, r).map(drop),
        |f, r| instrument::Group::parse_field(f, r).map(drop),
        |f, r| collaboration::CollaborationKind::parse_field(f, r).map(drop),
        |f, r| collaboration::WgrForm::parse_field(f, r).map(drop),
        |f, r| collaboration::PartnerRole::parse_field(f, r).map(drop),
        |f, r| collaboration::TermStatus::parse_field(f, r).map(drop),
        |f, r| money::Instrument::parse_field(f, r).map(drop),
        |f, r| money::MoneyStatus::parse_field(f, r).map(drop),
        |f, r| overview::MomentType::parse_field(f, r).map(drop),
        |f, r| search::SearchKind::parse_field(f, r).map(drop),
        |f, r| wgr::WgrChapter::parse_field(f, r).map(drop),
        |f, r| wgr::WgrMoment::parse_field(f, r).map(drop),
        |f, r| wgr::Party::parse_field(f, r).map(drop),
        |f, r| wgr::TermKind::parse_field(f, r).map(drop),
        |f, r| wgr::Verification::parse_field(f, r).map(drop),
        |f, r| wgr::Origin::parse_field(f, r).map(drop),
        |f, r| wgr::NoCalendar::parse_field(f, r).map(drop),
        |f, r| wgr::Bestuursorgaan::parse_field(f, r).map(drop),
        |f, r| wgr::CouncilPosition::parse_field(f, r).map(drop),
        |f, r| signals::SignalKind::parse_field(f, r).map(drop),
        |f, r| wgr::CouncilStep::parse_field(f, r).map(drop),
        |f, r| crate::participation::Platform::parse_field(f, r).map(drop),
        |f, r| crate::udo::kompas::Framework::parse_field(f, r).map(drop),
        |f, r| crate::udo::allocation::PolicyFreedom::parse_field(f, r).map(drop),
        |f, r| crate::udo::allocation::AllocationLayer::parse_field(f, r).map(drop),
        |f, r| crate::udo::consultation::ConsultationKind::parse_field(f, r).map(drop),
        |f, r| crate::udo::consultation::reaction::ReactionKind::parse_field(f, r).map(drop),
        |f, r| crate::udo::consultation::moderation::ModerationStatus::parse_field(f, r).map(drop),
        |f, r| crate::udo::consultation::report::ThemeAction::parse_field(f, r).map(drop),
        |f, r| crate::udo::woo::InformationCategory::parse_field(f, r).map(drop),
        |f, r| crate::udo::woo::AttachmentKind::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::RegulationForm::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::GovernmentLayer::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::UdoScope::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::LegislativePhase::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::Koepel::parse_field(f, r).map(drop),
        |f, r| crate::udo::dossier::CheckMoment::parse_field(f, r).map(drop),
        |f, r| crate::udo::financial::FundingMethod::parse_field(f, r).map(drop),
        |f, r| crate::udo::financial::FinancialArticle::parse_field(f, r).map(drop),
        |f, r| crate::medebewind::ResponsibleBody::parse_field(f, r).map(drop),
        |f, r| crate::medebewind::peers::SizeClass::parse_field(f, r).map(drop),
    ];
    parsers
        .iter()
        .filter_map(|parse| parse("f", "onbekend").err())
        .collect()
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use crate::collaboration::CollaborationKind;

    #[test]
    fn every_keyed_enum_is_in_the_list_of_labels() {
        let mut declared = 0;
        let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.file_name().is_some_and(|n| n != "keyed.rs") {
                    declared += std::fs::read_to_string(&path)
                        .unwrap()
                        .matches("keyed_enum!(")
                        .count();
                }
            }
        }
        let listed: std::collections::BTreeSet<&str> = super::all_labels()
            .iter()
            .map(|(id, _)| id.split('-').next().unwrap())
            .collect();
        assert_eq!(listed.len(), declared, "listed: {listed:?}");
        assert_eq!(
            CollaborationKind::RegioDeal.message_id(),
            "CollaborationKind-regio-deal"
        );
    }

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
