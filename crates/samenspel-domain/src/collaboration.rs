//! Collaborations (samenwerkingen): what they are, who takes part in which role, and their
//! phases. Parsing a [`CollaborationInput`] is the one place their fields are validated.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationErrors;
use crate::keyed::keyed_enum;
use crate::org::OrgCode;
use crate::text::{parse_line, parse_paragraphs};

keyed_enum!(
    /// The form of collaboration (ROB 2021 table 3.1 and the other forms named in the seeds).
    CollaborationKind, "type", "soort samenwerking" {
        Mirt => "mirt", "MIRT";
        Res => "res", "Regionale Energiestrategie (RES)";
        RegioDeal => "regio-deal", "Regio Deal";
        CityDeal => "city-deal", "City Deal";
        Woondeal => "woondeal", "Woondeal";
        GemeenschappelijkeRegeling => "gemeenschappelijke-regeling", "Gemeenschappelijke regeling (Wgr)";
        Bestuursakkoord => "bestuursakkoord", "Bestuursakkoord";
        Convenant => "convenant", "Convenant";
        Overig => "overig", "Overig";
    }
);

keyed_enum!(
    /// The legal form of a gemeenschappelijke regeling under the Wgr.
    WgrForm, "wgr_form", "Wgr-vorm" {
        OpenbaarLichaam => "openbaar-lichaam", "Openbaar lichaam";
        GemeenschappelijkOrgaan => "gemeenschappelijk-orgaan", "Gemeenschappelijk orgaan";
        Bedrijfsvoeringsorganisatie => "bedrijfsvoeringsorganisatie", "Bedrijfsvoeringsorganisatie";
        Centrumgemeenteconstructie => "centrumgemeenteconstructie", "Centrumgemeenteconstructie";
        RegelingZonderMeer => "regeling-zonder-meer", "Regeling zonder meer";
    }
);

keyed_enum!(
    /// The role a partner plays in a collaboration.
    PartnerRole, "role", "rol" {
        Trekker => "trekker", "Trekker";
        Partner => "partner", "Partner";
        Financier => "financier", "Financier";
        Uitvoerder => "uitvoerder", "Uitvoerder";
        Deelnemer => "deelnemer", "Deelnemer";
        Adviseur => "adviseur", "Adviseur";
    }
);

/// A collaboration's fields as they arrive from a form or API body, all still text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CollaborationInput {
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    pub name: String,
    #[serde(default, rename = "type")]
    #[schema(required = true, schema_with = kind_schema)]
    pub kind: String,
    #[serde(default)]
    pub wgr_form: String,
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub public_value: String,
    #[serde(default)]
    pub region: String,
    /// `YYYY-MM-DD`, or empty or left out when not known (an export leaves it out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub start_date: String,
    /// `YYYY-MM-DD`, or empty or left out when not known (an export leaves it out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub end_date: String,
    /// Phase names, one per entry (the form sends them one per line).
    #[serde(default)]
    pub phases: Vec<String>,
    #[serde(default)]
    pub legal_basis: String,
    /// Policy areas, one per entry.
    #[serde(default)]
    pub policy_areas: Vec<String>,
}

/// The schema of [`CollaborationInput::kind`]: one of the keys of [`CollaborationKind`].
fn kind_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::String))
        .enum_values(Some(CollaborationKind::ALL.iter().map(|k| k.key())))
        .into()
}

/// A collaboration's own fields, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CollaborationFields {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CollaborationKind,
    pub wgr_form: Option<WgrForm>,
    /// The task (opgave) the collaboration takes on.
    pub task: Option<String>,
    /// The public value it should create (maatschappelijke meerwaarde).
    pub public_value: Option<String>,
    pub region: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Named phases in order (e.g. uitvraag, uitvoering, evaluatie).
    pub phases: Vec<String>,
    /// The legal basis, e.g. "Wet gemeenschappelijke regelingen".
    pub legal_basis: Option<String>,
    /// Policy areas (beleidsterreinen), e.g. "Veiligheid", "Zorg en gezondheid".
    pub policy_areas: Vec<String>,
}

pub const MAX_PHASES: usize = 20;
pub const MAX_POLICY_AREAS: usize = 100;

impl CollaborationInput {
    pub fn parse(&self) -> Result<CollaborationFields, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = errors
            .collect(parse_line("name", &self.name, 200, true))
            .flatten();
        let kind = errors.collect(CollaborationKind::parse_field("type", &self.kind));
        let wgr_form = if self.wgr_form.trim().is_empty() {
            None
        } else {
            errors.collect(WgrForm::parse_field("wgr_form", &self.wgr_form))
        };
        if wgr_form.is_some() && kind.is_some_and(|k| k != CollaborationKind::GemeenschappelijkeRegeling) {
            errors.add(
                "wgr_form",
                "wgr_form_not_applicable",
                crate::msg!(
                    "error-wgr-form-not-applicable",
                    "Een Wgr-vorm hoort alleen bij een gemeenschappelijke regeling."
                ),
            );
        }
        let task = errors
            .collect(parse_paragraphs("task", &self.task, 4000, false))
            .flatten();
        let public_value = errors
            .collect(parse_paragraphs("public_value", &self.public_value, 4000, false))
            .flatten();
        let region = errors
            .collect(parse_line("region", &self.region, 200, false))
            .flatten();
        let start_date = errors
            .collect(parse_date("start_date", &self.start_date))
            .flatten();
        let end_date = errors.collect(parse_date("end_date", &self.end_date)).flatten();
        if let (Some(start), Some(end)) = (start_date, end_date)
            && end < start
        {
            errors.add(
                "end_date",
                "end_before_start",
                crate::msg!("error-end-before-start", "De einddatum ligt vóór de startdatum."),
            );
        }
        let phases = errors.collect(parse_phases(&self.phases)).unwrap_or_default();
        let legal_basis = errors
            .collect(parse_line("legal_basis", &self.legal_basis, 500, false))
            .flatten();
        let policy_areas = errors
            .collect(parse_policy_areas(&self.policy_areas))
            .unwrap_or_default();
        errors.finish(|| CollaborationFields {
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(CollaborationKind::Overig),
            wgr_form,
            task,
            public_value,
            region,
            start_date,
            end_date,
            phases,
            legal_basis,
            policy_areas,
        })
    }
}

/// Parses an ISO date only (`2026-01-31`), for files whose format says so (the register);
/// empty means "not set".
pub fn parse_iso_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, ValidationErrors> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some).map_err(|_| {
        ValidationErrors::single(
            field,
            "invalid_date",
            crate::msg!(
                "error-invalid-iso-date",
                "'{value}' is geen geldige datum; gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-01.",
                value = raw
            ),
        )
    })
}

/// Parses a date as a date field sends it (`2026-01-31`) or as people write it in Dutch
/// (`31-1-2026`, `31-01-2026`); empty means "not set".
pub fn parse_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, ValidationErrors> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let four_digit_year = |year_first: bool| {
        let parts: Vec<&str> = raw.split('-').collect();
        let year = if year_first { parts.first() } else { parts.last() };
        parts.len() == 3 && year.is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
    };
    let iso = four_digit_year(true)
        .then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
        .flatten();
    let dutch = || {
        four_digit_year(false)
            .then(|| NaiveDate::parse_from_str(raw, "%d-%m-%Y").ok())
            .flatten()
    };
    iso.or_else(dutch).map(Some).ok_or_else(|| {
        ValidationErrors::single(
            field,
            "invalid_date",
            crate::msg!(
                "error-invalid-date",
                "'{value}' is geen geldige datum; schrijf bijvoorbeeld 1-3-2026 of 2026-03-01.",
                value = raw
            ),
        )
    })
}

fn parse_policy_areas(raw: &[String]) -> Result<Vec<String>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut areas: Vec<String> = Vec::new();
    for (index, area) in raw.iter().enumerate() {
        let field = format!("policy_areas[{index}]");
        if let Some(area) = errors.collect(parse_line(&field, area, 200, false)).flatten()
            && !areas.iter().any(|a| a.eq_ignore_ascii_case(&area))
        {
            areas.push(area);
        }
    }
    if areas.len() > MAX_POLICY_AREAS {
        errors.add(
            "policy_areas",
            "too_many",
            crate::msg!(
                "error-too-many-policy-areas",
                "Gebruik ten hoogste {max} beleidsterreinen.",
                max = MAX_POLICY_AREAS
            ),
        );
    }
    errors.finish(|| areas)
}

fn parse_phases(raw: &[String]) -> Result<Vec<String>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut phases: Vec<String> = Vec::new();
    for (index, phase) in raw.iter().enumerate() {
        let field = format!("phases[{index}]");
        let Some(name) = errors.collect(parse_line(&field, phase, 100, false)).flatten() else {
            continue;
        };
        if phases.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
            errors.add(
                field,
                "duplicate_phase",
                crate::msg!(
                    "error-duplicate-phase",
                    "De fase '{name}' staat er al.",
                    name = name
                ),
            );
        } else {
            phases.push(name);
        }
    }
    if phases.len() > MAX_PHASES {
        errors.add(
            "phases",
            "too_many_phases",
            crate::msg!(
                "error-too-many-phases",
                "Gebruik ten hoogste {max} fasen.",
                max = MAX_PHASES
            ),
        );
    }
    errors.finish(|| phases)
}

/// Whether a collaboration with these dates runs on `today`: it has started (or has no start
/// date) and has not ended (no end date, or one today or later).
pub fn is_active(start: Option<NaiveDate>, end: Option<NaiveDate>, today: NaiveDate) -> bool {
    term_status(start, end, today) == TermStatus::Lopend
}

keyed_enum!(
    /// Where a collaboration is in its term on a given day.
    TermStatus, "status", "status" {
        NogNietGestart => "nog-niet-gestart", "Nog niet gestart";
        Lopend => "lopend", "Lopend";
        Beeindigd => "beeindigd", "Beëindigd";
    }
);

/// The status on `today`: not started before the start date, ended after the end date,
/// running otherwise.
pub fn term_status(start: Option<NaiveDate>, end: Option<NaiveDate>, today: NaiveDate) -> TermStatus {
    if start.is_some_and(|s| s > today) {
        TermStatus::NogNietGestart
    } else if end.is_some_and(|e| e < today) {
        TermStatus::Beeindigd
    } else {
        TermStatus::Lopend
    }
}

/// A partner in a collaboration with its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Partner {
    pub code: OrgCode,
    pub role: PartnerRole,
}

/// Checks that adding `candidate` keeps the partner list free of duplicates.
pub fn check_new_partner(existing: &[Partner], candidate: &OrgCode) -> Result<(), ValidationErrors> {
    if existing.iter().any(|p| &p.code == candidate) {
        Err(ValidationErrors::single(
            "code",
            "duplicate_partner",
            crate::msg!(
                "error-duplicate-partner",
                "{code} is al partner in deze samenwerking.",
                code = candidate
            ),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_a_date_field_sends_them_and_as_people_write_them() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1);
        for (raw, expected) in [
            ("2026-03-01", day),
            ("1-3-2026", day),
            ("01-03-2026", day),
            (" 2026-3-1 ", day),
            ("", None),
        ] {
            assert_eq!(parse_date("d", raw).unwrap(), expected, "{raw:?}");
        }
        for raw in [
            "1-3-26",
            "2026/03/01",
            "31-02-2026",
            "3-1",
            "01-03-2026-1",
            "morgen",
            "20260301",
        ] {
            let refused = parse_date("d", raw).unwrap_err();
            assert_eq!(refused.errors[0].field, "d", "{raw:?}");
        }
    }

    fn input() -> CollaborationInput {
        CollaborationInput {
            name: "Regio Deal Zuid-Limburg".into(),
            kind: "regio-deal".into(),
            start_date: "2020-01-01".into(),
            end_date: "2023-12-31".into(),
            phases: vec![
                "uitvraag".into(),
                "uitvoering".into(),
                " ".into(),
                "evaluatie".into(),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_input_parses() {
        let fields = input().parse().unwrap();
        assert_eq!(fields.kind, CollaborationKind::RegioDeal);
        assert_eq!(fields.phases, ["uitvraag", "uitvoering", "evaluatie"]);
        assert_eq!(fields.task, None);
    }

    #[test]
    fn all_kind_keys_are_the_api_keys() {
        let keys: Vec<_> = CollaborationKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(
            keys,
            [
                "mirt",
                "res",
                "regio-deal",
                "city-deal",
                "woondeal",
                "gemeenschappelijke-regeling",
                "bestuursakkoord",
                "convenant",
                "overig"
            ]
        );
    }

    #[test]
    fn end_before_start_is_refused_on_the_end_date() {
        let mut bad = input();
        bad.end_date = "2019-12-31".into();
        let err = bad.parse().unwrap_err();
        assert_eq!(err.errors[0].field, "end_date");
    }

    #[test]
    fn bad_dates_and_kinds_name_their_fields() {
        let mut bad = input();
        bad.start_date = "31-13-2020".into();
        bad.kind = "samenwerking".into();
        bad.name = String::new();
        let err = bad.parse().unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "type", "start_date"]);
    }

    #[test]
    fn wgr_form_only_for_a_gemeenschappelijke_regeling() {
        let mut bad = input();
        bad.wgr_form = "openbaar-lichaam".into();
        assert_eq!(bad.parse().unwrap_err().errors[0].field, "wgr_form");
        bad.kind = "gemeenschappelijke-regeling".into();
        assert_eq!(bad.parse().unwrap().wgr_form, Some(WgrForm::OpenbaarLichaam));
    }

    #[test]
    fn duplicate_phases_are_refused() {
        let mut bad = input();
        bad.phases = vec!["Uitvoering".into(), "uitvoering".into()];
        assert_eq!(bad.parse().unwrap_err().errors[0].field, "phases[1]");
    }

    #[test]
    fn activity_follows_the_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let today = d("2026-11-23").unwrap();
        assert!(is_active(None, None, today));
        assert!(is_active(d("2020-01-01"), d("2026-11-23"), today));
        assert!(!is_active(d("2020-01-01"), d("2026-11-22"), today));
        assert!(!is_active(d("2027-01-01"), None, today));
        assert_eq!(
            term_status(d("2027-01-01"), None, today),
            TermStatus::NogNietGestart
        );
        assert_eq!(
            term_status(d("2020-01-01"), d("2026-11-22"), today),
            TermStatus::Beeindigd
        );
        assert_eq!(term_status(None, d("2026-11-23"), today), TermStatus::Lopend);
        assert_eq!(TermStatus::Beeindigd.label_nl(), "Beëindigd");
    }

    #[test]
    fn a_partner_cannot_be_added_twice() {
        let gm = OrgCode::parse("GM0363").unwrap();
        let existing = vec![Partner {
            code: gm.clone(),
            role: PartnerRole::Trekker,
        }];
        assert!(check_new_partner(&existing, &gm).is_err());
        assert!(check_new_partner(&existing, &OrgCode::parse("PV27").unwrap()).is_ok());
    }
}
