//! Whether the minister of BZK co-signs the proposal, with the reasons (issue 14, item 5).
//!
//! Source, seed 002 (letter of the minister of BZK on a strong administration and the UDO,
//! "Medeondertekening van wetten die gemeenten en provincies raken"): "De minister van
//! Binnenlandse Zaken en Koninkrijksrelaties medeondertekent wetgeving die medeoverheden raakt
//! als sprake is van afwijking van de uitgangspunten die we hanteren bij decentralisaties
//! (zoals verplichte bovengemeentelijke samenwerking) of als sprake is van taken met grote
//! impact op de decentrale overheden." See [`super::normenkader::sources::cosign`].
//!
//! Our reading: "wetgeving" is a wet or an AMvB (a ministeriële regeling is signed by one
//! minister, beleid is no legislation); "grote impact" is measured by two thresholds that are
//! configuration, not law ([`CosignThresholds`]): the largest yearly financial consequence for
//! all decentral layers together, and the number of governments affected.

use serde::Serialize;

use super::dossier::{Dossier, RegulationForm};
use crate::money::Cents;
use crate::{Message, msg};

/// When the impact counts as large (configurable; the defaults are our choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CosignThresholds {
    /// A yearly consequence at or above this amount (structural and incidental, all layers).
    pub yearly_consequence: Cents,
    /// At least this many governments affected.
    pub governments_affected: u32,
}

impl Default for CosignThresholds {
    /// € 10 million a year, or 100 governments (our choice, to be set by the beheerder).
    fn default() -> Self {
        Self {
            yearly_consequence: Cents::new(1_000_000_000).unwrap_or(Cents::ZERO),
            governments_affected: 100,
        }
    }
}

/// Why BZK co-signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case", tag = "reden")]
pub enum CosignReason {
    /// The proposal makes cooperation between governments mandatory.
    MandatoryCooperation,
    /// The proposal deviates from the principles for decentralisation, as described.
    DeviatesFromPrinciples { how: String },
    /// The largest yearly consequence reaches the threshold.
    FinancialImpact {
        year: i32,
        amount: Cents,
        threshold: Cents,
    },
    /// The number of governments affected reaches the threshold.
    GovernmentsAffected { count: u32, threshold: u32 },
}

impl CosignReason {
    pub fn message(&self) -> Message {
        match self {
            CosignReason::MandatoryCooperation => msg!(
                "udo-cosign-mandatory-cooperation",
                "Het voorstel verplicht overheden tot samenwerking."
            ),
            CosignReason::DeviatesFromPrinciples { how } => msg!(
                "udo-cosign-deviation",
                "Het voorstel wijkt af van de uitgangspunten voor decentralisatie: {how}",
                how = how
            ),
            CosignReason::FinancialImpact {
                year,
                amount,
                threshold,
            } => msg!(
                "udo-cosign-financial-impact",
                "De financiële gevolgen in {year} zijn {amount}: niet minder dan de drempel van {threshold}.",
                year = year,
                amount = amount.format_nl(),
                threshold = threshold.format_nl()
            ),
            CosignReason::GovernmentsAffected { count, threshold } => msg!(
                "udo-cosign-governments-affected",
                "Het voorstel raakt {count} overheden: niet minder dan de drempel van {threshold}.",
                count = count,
                threshold = threshold
            ),
        }
    }
}

/// The co-signing flag: raised when there is at least one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CosignFlag {
    pub reasons: Vec<CosignReason>,
}

impl CosignFlag {
    pub fn raised(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// Where the rule comes from (seed 002), for the page.
    pub fn source() -> Message {
        super::normenkader::sources::cosign()
    }
}

/// Whether the form is legislation in the sense of seed 002 (our reading: a wet or an AMvB).
pub fn is_legislation(form: RegulationForm) -> bool {
    matches!(form, RegulationForm::Wet | RegulationForm::Amvb)
}

/// The co-signing flag of `dossier` with every reason that applies.
pub fn cosign(dossier: &Dossier, thresholds: CosignThresholds) -> CosignFlag {
    if !is_legislation(dossier.form) || dossier.layers.is_empty() {
        return CosignFlag { reasons: Vec::new() };
    }
    let aspects = &dossier.aspects;
    let mut reasons = Vec::new();
    if aspects.mandatory_cooperation {
        reasons.push(CosignReason::MandatoryCooperation);
    }
    if let Some(how) = &aspects.deviation_from_principles {
        reasons.push(CosignReason::DeviatesFromPrinciples { how: how.clone() });
    }
    if let Some((year, amount)) = dossier.financial.as_ref().and_then(|f| f.largest_year())
        && amount >= thresholds.yearly_consequence
        && amount > Cents::ZERO
    {
        reasons.push(CosignReason::FinancialImpact {
            year,
            amount,
            threshold: thresholds.yearly_consequence,
        });
    }
    if let Some(count) = aspects.governments_affected
        && count >= thresholds.governments_affected
        && count > 0
    {
        reasons.push(CosignReason::GovernmentsAffected {
            count,
            threshold: thresholds.governments_affected,
        });
    }
    CosignFlag { reasons }
}

#[cfg(test)]
mod tests;
