//! Democratic control of a collaboration (2019 letter; Wgr 2022): which elected bodies are
//! involved, the moments of kaderstelling beforehand and verantwoording afterwards, the Wgr
//! instruments, the responsible minister when the Rijk takes part, and the next periodic
//! evaluation. [`assess`] names what is missing or overdue.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::collaboration::{CollaborationKind, parse_date};
use crate::keyed::keyed_enum;
use crate::org::{Layer, OrgCode, OrgType};
use crate::text::parse_line;
use crate::{Message, ValidationErrors, msg};

keyed_enum!(
    /// An elected body that controls (part of) the collaboration.
    ElectedBody, "bodies", "gekozen orgaan" {
        Gemeenteraden => "gemeenteraden", "Gemeenteraden";
        ProvincialeStaten => "provinciale-staten", "Provinciale Staten";
        AlgemeenBestuur => "algemeen-bestuur", "Algemeen bestuur";
        TweedeKamer => "tweede-kamer", "Tweede Kamer (via de verantwoordelijke minister)";
    }
);

keyed_enum!(
    /// The instruments of the Wet gemeenschappelijke regelingen (2022) for the councils.
    WgrInstrument, "instruments", "Wgr-instrument" {
        ZienswijzeBegroting => "zienswijze-begroting", "Zienswijze op de begroting";
        Adviescommissie => "gemeenschappelijke-adviescommissie", "Gemeenschappelijke adviescommissie";
        Rekenkamer => "rekenkamer", "Rekenkamer";
        AfsprakenEvaluatie => "afspraken-evaluatie", "Afspraken over evaluatie";
        AfsprakenUittreding => "afspraken-uittreding", "Afspraken over uittreding";
    }
);

keyed_enum!(
    /// Beforehand (setting the frame) or afterwards (rendering account).
    MomentKind, "moments", "soort moment" {
        Kaderstelling => "kaderstelling", "Kaderstelling vooraf";
        Verantwoording => "verantwoording", "Verantwoording achteraf";
    }
);

/// One decision or accountability moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ControlMoment {
    pub kind: MomentKind,
    pub date: NaiveDate,
    pub body: ElectedBody,
    pub description: Option<String>,
}

/// The democratic control of one collaboration, valid by construction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DemocraticControl {
    pub bodies: Vec<ElectedBody>,
    pub instruments: Vec<WgrInstrument>,
    /// The ministry whose minister answers to the Tweede Kamer for the Rijk's part.
    pub responsible_minister: Option<OrgCode>,
    pub next_evaluation: Option<NaiveDate>,
    pub moments: Vec<ControlMoment>,
}

impl DemocraticControl {
    /// The next periodic evaluation was due before `today` and has not been moved on.
    pub fn evaluation_overdue(&self, today: NaiveDate) -> bool {
        self.next_evaluation.is_some_and(|d| d < today)
    }
}

/// A moment as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MomentInput {
    #[serde(default)]
    pub kind: String,
    /// `YYYY-MM-DD` (a moment with every field empty is left out).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub date: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub description: String,
}

/// The democratic control as typed in; [`ControlInput::parse`] names every wrong field
/// (`bodies`, `instruments`, `responsible_minister`, `next_evaluation`, `moments[i].date`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ControlInput {
    #[serde(default)]
    pub bodies: Vec<String>,
    #[serde(default)]
    pub instruments: Vec<String>,
    #[serde(default)]
    pub responsible_minister: String,
    #[serde(default)]
    pub next_evaluation: String,
    #[serde(default)]
    pub moments: Vec<MomentInput>,
}

fn parse_keys<T: PartialEq>(
    errors: &mut ValidationErrors,
    raw: &[String],
    parse: impl Fn(&str, &str) -> Result<T, ValidationErrors>,
    field: &str,
) -> Vec<T> {
    let mut out = Vec::new();
    for key in raw.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        if let Some(value) = errors.collect(parse(field, key))
            && !out.contains(&value)
        {
            out.push(value);
        }
    }
    out
}

impl ControlInput {
    pub fn parse(&self) -> Result<DemocraticControl, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let bodies = parse_keys(&mut errors, &self.bodies, ElectedBody::parse_field, "bodies");
        let instruments = parse_keys(
            &mut errors,
            &self.instruments,
            WgrInstrument::parse_field,
            "instruments",
        );
        let minister = self.responsible_minister.trim();
        let responsible_minister = if minister.is_empty() {
            None
        } else {
            errors.collect(OrgCode::parse_field("responsible_minister", minister))
        };
        let next_evaluation = errors
            .collect(parse_date("next_evaluation", &self.next_evaluation))
            .flatten();
        let mut moments = Vec::new();
        for (i, m) in self.moments.iter().enumerate() {
            if m.kind.trim().is_empty() && m.date.trim().is_empty() && m.description.trim().is_empty() {
                continue;
            }
            let field = |name: &str| format!("moments[{i}].{name}");
            let kind = errors.collect(MomentKind::parse_field(&field("kind"), &m.kind));
            let date = match errors.collect(parse_date(&field("date"), &m.date)) {
                Some(None) => {
                    errors.add(
                        field("date"),
                        "required",
                        crate::msg!("error-date-required", "Vul de datum in (jjjj-mm-dd)."),
                    );
                    None
                }
                other => other.flatten(),
            };
            let body = errors.collect(ElectedBody::parse_field(&field("body"), &m.body));
            let description = errors
                .collect(parse_line(&field("description"), &m.description, 300, false))
                .flatten();
            if let (Some(kind), Some(date), Some(body)) = (kind, date, body) {
                moments.push(ControlMoment {
                    kind,
                    date,
                    body,
                    description,
                });
            }
        }
        moments.sort_by_key(|m| m.date);
        errors.finish(|| DemocraticControl {
            bodies,
            instruments,
            responsible_minister,
            next_evaluation,
            moments,
        })
    }
}

/// Something missing, thin or overdue in the democratic control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ControlFinding {
    pub key: &'static str,
    /// The finding in a sentence, in Dutch.
    #[schema(value_type = String)]
    pub message: Message,
}

/// What the collaboration's partners are, as the assessment needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerLayers {
    pub rijk: bool,
    pub municipalities: bool,
    pub provinces: bool,
    /// How many ministries take part.
    pub ministries: usize,
}

impl PartnerLayers {
    /// No partner at all.
    pub const NONE: Self = Self {
        rijk: false,
        municipalities: false,
        provinces: false,
        ministries: 0,
    };

    /// The layers of partners of these types.
    pub fn of(partners: impl IntoIterator<Item = OrgType>) -> Self {
        let mut out = Self::NONE;
        for org_type in partners {
            out.rijk |= org_type.layer() == Layer::Rijk;
            out.municipalities |= org_type == OrgType::Gemeente;
            out.provinces |= org_type == OrgType::Provincie;
            out.ministries += usize::from(org_type == OrgType::Ministerie);
        }
        out
    }
}

/// Names what is missing or overdue, in a fixed order. Our reading of the 2019 letter and the
/// Wgr 2022: every collaboration has a periodic evaluation that is not overdue and moments of
/// kaderstelling and verantwoording; the councils of the partners are involved; the Rijk's part
/// has a responsible minister; a gemeenschappelijke regeling gives the councils a zienswijze on
/// the budget.
pub fn assess(
    control: &DemocraticControl,
    kind: CollaborationKind,
    partners: PartnerLayers,
    today: NaiveDate,
) -> Vec<ControlFinding> {
    let mut findings = Vec::new();
    let mut add = |key: &'static str, message: Message| findings.push(ControlFinding { key, message });
    match control.next_evaluation {
        None => add(
            "geen-evaluatie",
            msg!(
                "control-finding-no-evaluation",
                "Er is geen volgende evaluatie gepland; evalueer periodiek of de samenwerking nog meerwaarde heeft."
            ),
        ),
        Some(date) if control.evaluation_overdue(today) => add(
            "evaluatie-achterstallig",
            msg!(
                "control-finding-evaluation-overdue",
                "De evaluatie van {date} is achterstallig.",
                date = date.format("%d-%m-%Y")
            ),
        ),
        Some(_) => {}
    }
    let has = |k: MomentKind| control.moments.iter().any(|m| m.kind == k);
    if !has(MomentKind::Kaderstelling) {
        add(
            "geen-kaderstelling",
            msg!(
                "control-finding-no-kaderstelling",
                "Er is geen moment van kaderstelling vooraf door een gekozen orgaan."
            ),
        );
    }
    if !has(MomentKind::Verantwoording) {
        add(
            "geen-verantwoording",
            msg!(
                "control-finding-no-verantwoording",
                "Er is geen moment van verantwoording achteraf aan een gekozen orgaan."
            ),
        );
    }
    if partners.municipalities && !control.bodies.contains(&ElectedBody::Gemeenteraden) {
        add(
            "gemeenteraden-niet-betrokken",
            msg!(
                "control-finding-councils-not-involved",
                "Gemeenten doen mee, maar de gemeenteraden zijn niet als betrokken orgaan genoemd."
            ),
        );
    }
    if partners.provinces && !control.bodies.contains(&ElectedBody::ProvincialeStaten) {
        add(
            "staten-niet-betrokken",
            msg!(
                "control-finding-states-not-involved",
                "Provincies doen mee, maar Provinciale Staten zijn niet als betrokken orgaan genoemd."
            ),
        );
    }
    if partners.ministries >= 2 && control.responsible_minister.is_none() {
        // ROB (2021), Rol nemen, ruimte geven, §5.4.1: one minister for every major task.
        add(
            "geen-minister-meerdere",
            msg!(
                "control-finding-no-minister-several",
                "{count} ministeries doen mee, maar er is niet één verantwoordelijke minister genoemd; de ROB vraagt één minister per grote opgave (Rol nemen, ruimte geven, 2021, §5.4.1).",
                count = partners.ministries
            ),
        );
    } else if partners.rijk && control.responsible_minister.is_none() {
        add(
            "geen-minister",
            msg!(
                "control-finding-no-minister",
                "Het Rijk doet mee, maar er is geen verantwoordelijke minister genoemd."
            ),
        );
    }
    if kind == CollaborationKind::GemeenschappelijkeRegeling
        && !control.instruments.contains(&WgrInstrument::ZienswijzeBegroting)
    {
        add(
            "geen-zienswijze",
            msg!(
                "control-finding-no-zienswijze",
                "Bij een gemeenschappelijke regeling geven de raden een zienswijze op de begroting (Wgr); die is niet vastgelegd."
            ),
        );
    }
    findings
}

#[cfg(test)]
mod tests;
