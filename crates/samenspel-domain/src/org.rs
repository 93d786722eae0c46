//! Organisations: the Rijk's ministries, provinces, municipalities, water boards, the koepels,
//! and the other partners users add (companies, knowledge institutions, …).

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ValidationErrors;

pub mod history;
pub use history::OrgHistory;

/// The code that identifies an organisation: `GM0363`, `PV27`, `WS0155`, `MNRE1034`, `VNG`,
/// or a code Samenspel assigned to a partner a user added (`OR000001`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgCode(String);

impl OrgCode {
    /// Accepts 2–20 characters: upper-case letters, digits and `-`, starting with a letter.
    /// Lower-case input is upper-cased (`gm0363` → `GM0363`).
    pub fn parse(raw: &str) -> Result<Self, ValidationErrors> {
        Self::parse_field("code", raw)
    }

    pub fn parse_field(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let code = raw.trim().to_ascii_uppercase();
        let valid_chars = code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        let starts_with_letter = code.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if (2..=20).contains(&code.len()) && valid_chars && starts_with_letter {
            Ok(Self(code))
        } else {
            Err(ValidationErrors::single(
                field,
                "invalid_code",
                crate::msg!(
                    "error-invalid-org-code",
                    "'{value}' is geen geldige organisatiecode (bijvoorbeeld GM0363, PV27, WS0155 of MNRE1034).",
                    value = raw.trim()
                ),
            ))
        }
    }

    /// The code Samenspel gives the n-th organisation a user added.
    pub fn for_added(sequence: u32) -> Self {
        Self(format!("OR{sequence:06}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for OrgCode {
    type Error = ValidationErrors;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<OrgCode> for String {
    fn from(code: OrgCode) -> Self {
        code.0
    }
}

/// What kind of organisation it is; the API key is the serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgType {
    Ministerie,
    Rijksdienst,
    Provincie,
    Gemeente,
    Waterschap,
    GemeenschappelijkeRegeling,
    Koepel,
    Bedrijf,
    Kennisinstelling,
    MaatschappelijkeOrganisatie,
    Overig,
}

/// The layer of government an organisation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layer {
    Rijk,
    Decentraal,
    Koepel,
    NietOverheid,
}

impl OrgType {
    pub const ALL: [OrgType; 11] = [
        OrgType::Ministerie,
        OrgType::Rijksdienst,
        OrgType::Provincie,
        OrgType::Gemeente,
        OrgType::Waterschap,
        OrgType::GemeenschappelijkeRegeling,
        OrgType::Koepel,
        OrgType::Bedrijf,
        OrgType::Kennisinstelling,
        OrgType::MaatschappelijkeOrganisatie,
        OrgType::Overig,
    ];

    /// The types a user may add; the government layers come from the reference data.
    pub const USER_ADDABLE: [OrgType; 6] = [
        OrgType::Rijksdienst,
        OrgType::GemeenschappelijkeRegeling,
        OrgType::Bedrijf,
        OrgType::Kennisinstelling,
        OrgType::MaatschappelijkeOrganisatie,
        OrgType::Overig,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OrgType::Ministerie => "ministerie",
            OrgType::Rijksdienst => "rijksdienst",
            OrgType::Provincie => "provincie",
            OrgType::Gemeente => "gemeente",
            OrgType::Waterschap => "waterschap",
            OrgType::GemeenschappelijkeRegeling => "gemeenschappelijke-regeling",
            OrgType::Koepel => "koepel",
            OrgType::Bedrijf => "bedrijf",
            OrgType::Kennisinstelling => "kennisinstelling",
            OrgType::MaatschappelijkeOrganisatie => "maatschappelijke-organisatie",
            OrgType::Overig => "overig",
        }
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            OrgType::Ministerie => "Ministerie",
            OrgType::Rijksdienst => "Rijksdienst",
            OrgType::Provincie => "Provincie",
            OrgType::Gemeente => "Gemeente",
            OrgType::Waterschap => "Waterschap",
            OrgType::GemeenschappelijkeRegeling => "Gemeenschappelijke regeling",
            OrgType::Koepel => "Koepel",
            OrgType::Bedrijf => "Bedrijf",
            OrgType::Kennisinstelling => "Kennisinstelling",
            OrgType::MaatschappelijkeOrganisatie => "Maatschappelijke organisatie",
            OrgType::Overig => "Overig",
        }
    }

    pub fn layer(self) -> Layer {
        match self {
            OrgType::Ministerie | OrgType::Rijksdienst => Layer::Rijk,
            OrgType::Provincie
            | OrgType::Gemeente
            | OrgType::Waterschap
            | OrgType::GemeenschappelijkeRegeling => Layer::Decentraal,
            OrgType::Koepel => Layer::Koepel,
            OrgType::Bedrijf
            | OrgType::Kennisinstelling
            | OrgType::MaatschappelijkeOrganisatie
            | OrgType::Overig => Layer::NietOverheid,
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn parse_field(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        Self::from_key(raw.trim()).ok_or_else(|| {
            ValidationErrors::single(
                field,
                "unknown_type",
                crate::msg!(
                    "error-unknown-OrgType",
                    "'{value}' is geen bekend soort organisatie; kies uit: {choices}.",
                    value = raw.trim(),
                    choices = Self::ALL.map(Self::key).join(", ")
                ),
            )
        })
    }
}

impl Layer {
    pub fn label_nl(self) -> &'static str {
        match self {
            Layer::Rijk => "Rijk",
            Layer::Decentraal => "Decentrale overheid",
            Layer::Koepel => "Koepel",
            Layer::NietOverheid => "Niet-overheid",
        }
    }
}

/// An organisation as Samenspel knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema, Deserialize)]
pub struct Organisation {
    pub code: OrgCode,
    pub name: String,
    #[serde(rename = "type")]
    pub org_type: OrgType,
    /// Abbreviation, e.g. `BZK` for a ministry or `NH` for a province.
    pub abbreviation: Option<String>,
    /// The province a municipality lies in (`PV27`).
    pub province: Option<OrgCode>,
    /// True for the organisations shipped as reference data; false for ones users added.
    pub reference: bool,
    /// True for organisations that no longer exist (e.g. municipalities merged away, ministries
    /// of an earlier cabinet) but still appear in the history of collaborations; left out of
    /// lists and pick lists unless asked for.
    #[serde(default)]
    pub ended: bool,
    /// Other names it is known by, e.g. "Den Haag" for the municipality 's-Gravenhage (from
    /// the Register van Overheidsorganisaties); search finds the organisation by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    /// When it existed, where it came from and who took over from it (the ministries of the
    /// reference data); empty, and left out of the JSON, where nothing is known.
    #[serde(flatten)]
    pub history: OrgHistory,
}

impl Organisation {
    /// The name with the abbreviation, as shown in lists: "Binnenlandse Zaken en
    /// Koninkrijksrelaties (BZK)".
    pub fn display_name(&self) -> String {
        match &self.abbreviation {
            Some(abbr) if self.org_type == OrgType::Ministerie => format!("{} ({abbr})", self.name),
            _ => self.name.clone(),
        }
    }
}

/// A partner a user wants to add, parsed from a form or an API body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub org_type: OrgType,
    pub abbreviation: Option<String>,
}

impl NewOrganisation {
    pub fn parse(name: &str, org_type: &str, abbreviation: &str) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = errors.collect(crate::text::parse_line("name", name, 200, true));
        let abbreviation = errors.collect(crate::text::parse_line("abbreviation", abbreviation, 20, false));
        let org_type = errors.collect(OrgType::parse_field("type", org_type));
        if let Some(t) = org_type
            && !OrgType::USER_ADDABLE.contains(&t)
        {
            errors.add(
                "type",
                "not_addable",
                crate::msg!(
                    "error-org-type-not-addable",
                    "{label} komen uit de referentiegegevens en kunnen niet worden toegevoegd.",
                    label = t.label_nl();
                    kind = t.key()
                ),
            );
        }
        errors.finish(|| NewOrganisation {
            name: name.flatten().unwrap_or_default(),
            org_type: org_type.unwrap_or(OrgType::Overig),
            abbreviation: abbreviation.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_to_upper_case() {
        assert_eq!(OrgCode::parse(" gm0363 ").unwrap().as_str(), "GM0363");
    }

    #[test]
    fn bad_codes_are_refused() {
        for bad in ["", "G", "0363", "GM 0363", "GM0363<script>", &"A".repeat(21)] {
            assert!(OrgCode::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn added_codes_have_a_fixed_shape() {
        assert_eq!(OrgCode::for_added(7).as_str(), "OR000007");
    }

    #[test]
    fn every_type_key_round_trips() {
        for t in OrgType::ALL {
            assert_eq!(OrgType::from_key(t.key()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.key()));
        }
    }

    #[test]
    fn layers_follow_the_type() {
        assert_eq!(OrgType::Ministerie.layer(), Layer::Rijk);
        assert_eq!(OrgType::Gemeente.layer(), Layer::Decentraal);
        assert_eq!(OrgType::Koepel.layer(), Layer::Koepel);
        assert_eq!(OrgType::Bedrijf.layer(), Layer::NietOverheid);
    }

    #[test]
    fn users_cannot_add_municipalities() {
        let err = NewOrganisation::parse("Nieuwegein-Zuid", "gemeente", "").unwrap_err();
        assert_eq!(err.errors[0].field, "type");
    }

    #[test]
    fn users_can_add_a_company() {
        let org = NewOrganisation::parse("Energie BV", "bedrijf", "").unwrap();
        assert_eq!(org.org_type, OrgType::Bedrijf);
        assert_eq!(org.abbreviation, None);
    }

    #[test]
    fn new_organisation_reports_all_fields_at_once() {
        let err = NewOrganisation::parse("", "onbekend", "").unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "type"]);
    }
}
