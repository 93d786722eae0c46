//! The dossier as forms and JSON send it (strings), and its parse, which names every wrong
//! field: `title`, `layers[1]`, `koepels[0].asked_on`, `financial.rows[2].structural`, ….

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    AdministrativeAspects, BzkAdvice, CheckMoment, ConsultationPlan, Dossier, GovernmentLayer,
    KoepelJudgement, KompasPartInput, LegislativePhase, Period, PolicyFreedom, RegulationForm, UdoScope,
};
use crate::collaboration::parse_date;
use crate::org::OrgCode;
use crate::text::{parse_line, parse_paragraphs};
use crate::udo::allocation::AllocationInput;
use crate::udo::financial::FinancialInput;
use crate::{ValidationErrors, msg};

const TITLE_MAX: usize = 300;
const TEXT_MAX: usize = 10_000;

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KoepelInput {
    pub koepel: String,
    pub asked_on: String,
    pub judgement: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AspectsInput {
    pub tasks: String,
    /// Empty when not yet judged.
    pub policy_freedom: String,
    pub powers: String,
    pub execution_capacity: String,
    pub information_burden: String,
    pub supervision: String,
    pub medebewind: bool,
    pub plan_or_report_obligations: bool,
    pub compensation: String,
    pub mandatory_cooperation: bool,
    pub allocation_reason: String,
    pub deviation_from_principles: String,
    /// A whole number, or empty when not estimated.
    pub governments_affected: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BzkAdviceInput {
    pub moment: String,
    pub given_on: String,
    pub advice: String,
}

/// The planned consultation; the internet consultation's dates are empty when none is held.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ConsultationInput {
    pub co_governments_opens: String,
    pub co_governments_closes: String,
    pub internet_opens: String,
    pub internet_closes: String,
}

/// A dossier as typed in.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DossierInput {
    pub ministry: String,
    pub title: String,
    pub summary: String,
    pub form: String,
    pub layers: Vec<String>,
    pub scope: String,
    pub scope_reason: String,
    pub phase: String,
    pub koepels: Vec<KoepelInput>,
    pub aspects: AspectsInput,
    pub bzk_advice: Vec<BzkAdviceInput>,
    /// Collaboration ids as text.
    pub collaborations: Vec<String>,
    /// The Beleidskompas (or IAK) answers.
    pub kompas: Vec<KompasPartInput>,
    pub financial_consequences_expected: bool,
    pub financial: Option<FinancialInput>,
    pub consultation: Option<ConsultationInput>,
    /// The task-allocation advice's part; absent in dossiers stored before it existed.
    pub allocation: Option<AllocationInput>,
}

impl DossierInput {
    /// The dossier, or every wrong field named.
    pub fn parse(&self) -> Result<Dossier, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let ministry = e.collect(OrgCode::parse_field("ministry", &self.ministry));
        let title = e.collect(required_line("title", &self.title, TITLE_MAX));
        let summary = e.collect(required_text("summary", &self.summary));
        let form = e.collect(RegulationForm::parse_field("form", &self.form));
        let layers = e.collect(parse_layers(&self.layers));
        let scope = e.collect(UdoScope::parse_field("scope", &self.scope));
        let scope_reason = e.collect(required_text("scope_reason", &self.scope_reason));
        let phase = e.collect(LegislativePhase::parse_field("phase", &self.phase));
        let koepels = e.collect(parse_koepels(&self.koepels));
        let aspects = e.collect(self.aspects.parse());
        let bzk_advice = e.collect(parse_advice(&self.bzk_advice));
        let collaborations = e.collect(parse_collaborations(&self.collaborations));
        let kompas = e.collect(super::parse_parts(&self.kompas));
        let financial = match &self.financial {
            Some(input) => e.collect(prefixed("financial", input.parse())).map(Some),
            None => Some(None),
        };
        let consultation = match &self.consultation {
            Some(input) => e.collect(prefixed("consultation", input.parse())).map(Some),
            None => Some(None),
        };
        let allocation = match &self.allocation {
            Some(input) => e.collect(prefixed("allocation", input.parse())).map(Some),
            None => Some(None),
        };
        match (
            ministry,
            title,
            summary,
            form,
            layers,
            scope,
            scope_reason,
            phase,
            koepels,
            aspects,
            bzk_advice,
            collaborations,
            kompas,
            financial,
            consultation,
            allocation,
        ) {
            (
                Some(ministry),
                Some(title),
                Some(summary),
                Some(form),
                Some(layers),
                Some(scope),
                Some(scope_reason),
                Some(phase),
                Some(koepels),
                Some(aspects),
                Some(bzk_advice),
                Some(collaborations),
                Some(kompas),
                Some(financial),
                Some(consultation),
                Some(allocation),
            ) if e.is_empty() => Ok(Dossier {
                ministry,
                title,
                summary,
                form,
                layers,
                scope,
                scope_reason,
                phase,
                koepels,
                aspects,
                bzk_advice,
                collaborations,
                kompas,
                financial_consequences_expected: self.financial_consequences_expected,
                financial,
                consultation,
                allocation,
            }),
            _ => Err(e),
        }
    }
}

impl AspectsInput {
    fn parse(&self) -> Result<AdministrativeAspects, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let text = |e: &mut ValidationErrors, field: &str, raw: &str| {
            e.collect(parse_paragraphs(
                &format!("aspects.{field}"),
                raw,
                TEXT_MAX,
                false,
            ))
            .flatten()
        };
        let tasks = text(&mut e, "tasks", &self.tasks).unwrap_or_default();
        let powers = text(&mut e, "powers", &self.powers).unwrap_or_default();
        let execution_capacity =
            text(&mut e, "execution_capacity", &self.execution_capacity).unwrap_or_default();
        let information_burden =
            text(&mut e, "information_burden", &self.information_burden).unwrap_or_default();
        let supervision = text(&mut e, "supervision", &self.supervision).unwrap_or_default();
        let compensation = text(&mut e, "compensation", &self.compensation);
        let allocation_reason = text(&mut e, "allocation_reason", &self.allocation_reason);
        let deviation_from_principles = text(
            &mut e,
            "deviation_from_principles",
            &self.deviation_from_principles,
        );
        let policy_freedom = match self.policy_freedom.trim() {
            "" => None,
            raw => e.collect(PolicyFreedom::parse_field("aspects.policy_freedom", raw)),
        };
        let governments_affected = match self.governments_affected.trim() {
            "" => None,
            raw => e.collect(parse_count("aspects.governments_affected", raw)),
        };
        e.finish(|| AdministrativeAspects {
            tasks,
            policy_freedom,
            powers,
            execution_capacity,
            information_burden,
            supervision,
            medebewind: self.medebewind,
            plan_or_report_obligations: self.plan_or_report_obligations,
            compensation,
            mandatory_cooperation: self.mandatory_cooperation,
            allocation_reason,
            deviation_from_principles,
            governments_affected,
        })
    }
}

impl ConsultationInput {
    fn parse(&self) -> Result<ConsultationPlan, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let co_governments = e.collect(parse_period(
            "co_governments",
            &self.co_governments_opens,
            &self.co_governments_closes,
        ));
        let internet = if self.internet_opens.trim().is_empty() && self.internet_closes.trim().is_empty() {
            Some(None)
        } else {
            e.collect(parse_period(
                "internet",
                &self.internet_opens,
                &self.internet_closes,
            ))
            .map(Some)
        };
        match (co_governments, internet) {
            (Some(co_governments), Some(internet)) if e.is_empty() => Ok(ConsultationPlan {
                co_governments,
                internet,
            }),
            _ => Err(e),
        }
    }
}

/// A period from two dates (`<prefix>_opens`, `<prefix>_closes`); the last day may not come
/// before the first.
pub fn parse_period(prefix: &str, opens: &str, closes: &str) -> Result<Period, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let opens_field = format!("{prefix}_opens");
    let closes_field = format!("{prefix}_closes");
    let opens = e.collect(required_date(&opens_field, opens));
    let closes = e.collect(required_date(&closes_field, closes));
    if let (Some(opens), Some(closes)) = (opens, closes) {
        if closes < opens {
            e.add(
                closes_field,
                "before_start",
                msg!(
                    "error-udo-period-ends-before-start",
                    "De einddatum ligt voor de begindatum."
                ),
            );
        }
        return e.finish(|| Period { opens, closes });
    }
    Err(e)
}

/// A date that must be there.
pub(crate) fn required_date(field: &str, raw: &str) -> Result<NaiveDate, ValidationErrors> {
    parse_date(field, raw)?.ok_or_else(|| {
        ValidationErrors::single(
            field,
            "required",
            msg!("error-udo-date-required", "Vul een datum in."),
        )
    })
}

fn required_line(field: &str, raw: &str, max: usize) -> Result<String, ValidationErrors> {
    parse_line(field, raw, max, true).map(Option::unwrap_or_default)
}

fn required_text(field: &str, raw: &str) -> Result<String, ValidationErrors> {
    parse_paragraphs(field, raw, TEXT_MAX, true).map(Option::unwrap_or_default)
}

fn parse_count(field: &str, raw: &str) -> Result<u32, ValidationErrors> {
    raw.trim().parse::<u32>().map_err(|_| {
        ValidationErrors::single(
            field,
            "invalid_number",
            msg!(
                "error-udo-not-a-count",
                "'{value}' is geen aantal; vul een heel getal in (0 of meer).",
                value = raw.trim()
            ),
        )
    })
}

fn parse_layers(raw: &[String]) -> Result<Vec<GovernmentLayer>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let chosen: Vec<GovernmentLayer> = raw
        .iter()
        .enumerate()
        .filter_map(|(i, key)| e.collect(GovernmentLayer::parse_field(&format!("layers[{i}]"), key)))
        .collect();
    e.finish(|| {
        GovernmentLayer::ALL
            .iter()
            .copied()
            .filter(|layer| chosen.contains(layer))
            .collect()
    })
}

fn parse_koepels(raw: &[KoepelInput]) -> Result<Vec<KoepelJudgement>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut parsed: Vec<KoepelJudgement> = Vec::new();
    for (i, input) in raw.iter().enumerate() {
        let field = |name: &str| format!("koepels[{i}].{name}");
        let koepel = e.collect(super::Koepel::parse_field(&field("koepel"), &input.koepel));
        let asked_on = e.collect(required_date(&field("asked_on"), &input.asked_on));
        let judgement = e
            .collect(parse_paragraphs(
                &field("judgement"),
                &input.judgement,
                TEXT_MAX,
                false,
            ))
            .flatten();
        if let (Some(koepel), Some(asked_on)) = (koepel, asked_on) {
            if parsed.iter().any(|k| k.koepel == koepel) {
                e.add(
                    field("koepel"),
                    "duplicate",
                    msg!(
                        "error-udo-duplicate-koepel",
                        "Deze koepel staat al in het dossier."
                    ),
                );
            }
            parsed.push(KoepelJudgement {
                koepel,
                asked_on,
                judgement,
            });
        }
    }
    e.finish(|| parsed)
}

fn parse_advice(raw: &[BzkAdviceInput]) -> Result<Vec<BzkAdvice>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut parsed: Vec<BzkAdvice> = Vec::new();
    for (i, input) in raw.iter().enumerate() {
        let field = |name: &str| format!("bzk_advice[{i}].{name}");
        let moment = e.collect(CheckMoment::parse_field(&field("moment"), &input.moment));
        let given_on = e.collect(required_date(&field("given_on"), &input.given_on));
        let advice = e.collect(required_text(&field("advice"), &input.advice));
        if let (Some(moment), Some(given_on), Some(advice)) = (moment, given_on, advice) {
            if parsed.iter().any(|a| a.moment == moment) {
                e.add(
                    field("moment"),
                    "duplicate",
                    msg!(
                        "error-udo-duplicate-advice",
                        "Voor dit toetsmoment is al een advies van BZK vastgelegd."
                    ),
                );
            }
            parsed.push(BzkAdvice {
                moment,
                given_on,
                advice,
            });
        }
    }
    e.finish(|| parsed)
}

fn parse_collaborations(raw: &[String]) -> Result<Vec<i64>, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let mut ids = Vec::new();
    for (i, text) in raw.iter().enumerate() {
        match text.trim().parse::<i64>() {
            Ok(id) if id > 0 => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => e.add(
                format!("collaborations[{i}]"),
                "invalid_id",
                msg!(
                    "error-udo-not-a-collaboration",
                    "'{value}' is geen nummer van een samenwerking.",
                    value = text.trim()
                ),
            ),
        }
    }
    e.finish(|| ids)
}

/// The errors of a part, with the part's name before each field (`financial.rows[0].year`).
pub(crate) fn prefixed<T>(prefix: &str, result: Result<T, ValidationErrors>) -> Result<T, ValidationErrors> {
    result.map_err(|mut errors| {
        for error in &mut errors.errors {
            error.field = format!("{prefix}.{}", error.field);
        }
        errors
    })
}
