//! The UDO dossier as parsed types (issue 14, item 1; DOMAIN.md §6): who holds the pen, what
//! the proposal is, which decentral layers it touches, how far the UDO goes and why, where the
//! proposal stands in the legislative process, the koepels' judgements, the administrative
//! aspects, BZK's advice per check moment, the collaborations it concerns, and the
//! Beleidskompas answers. [`DossierInput`] carries what forms and JSON send (strings) and
//! [`DossierInput::parse`] names every wrong field.
//!
//! Sources of the value sets: the legislative phases are those of the Wetgevingskalender
//! (wetgevingskalender.overheid.nl); the check moments of BZK are those of the kcbr page "BZK
//! interbestuurlijk" (ambtelijk voorportaal, onderraad, ministerraad); the degrees of policy
//! freedom are ROB (2021) annex II (DOMAIN.md §7); the scope (beperkte or uitgebreide UDO) is
//! seed 002 ("een beperkte UDO bijvoorbeeld als onderdeel van de Memorie van Toelichting").

use chrono::NaiveDate;
use serde::Serialize;

use crate::keyed::keyed_enum;
use crate::org::OrgCode;

mod input;
mod kompas_parts;
pub use input::{AspectsInput, BzkAdviceInput, ConsultationInput, DossierInput, KoepelInput, parse_period};
pub use kompas_parts::{KompasPart, KompasPartInput, KompasParts, parse_parts};

use super::allocation::AllocationPart;
pub use super::allocation::PolicyFreedom;
use super::financial::FinancialParagraph;

keyed_enum!(
    /// The form the proposal takes (Ar 4.46: a wet always needs the financial paragraph, an
    /// AMvB or ministeriële regeling "zo nodig"); `beleid` is policy without regulation.
    RegulationForm, "form", "vorm van het voorstel" {
        Wet => "wet", "Wet";
        Amvb => "amvb", "Algemene maatregel van bestuur";
        MinisterieleRegeling => "ministeriele-regeling", "Ministeriële regeling";
        Beleid => "beleid", "Beleid";
    }
);

keyed_enum!(
    /// A decentral layer of government a proposal can affect.
    GovernmentLayer, "layer", "bestuurslaag" {
        Gemeenten => "gemeenten", "Gemeenten";
        Provincies => "provincies", "Provincies";
        Waterschappen => "waterschappen", "Waterschappen";
    }
);

keyed_enum!(
    /// How far the UDO goes, agreed case by case by the size and importance of the task
    /// (seed 002).
    UdoScope, "scope", "omvang van de UDO" {
        Beperkt => "beperkt", "Beperkte UDO";
        Uitgebreid => "uitgebreid", "Uitgebreide UDO";
    }
);

keyed_enum!(
    /// Where the proposal stands, as the Wetgevingskalender names the phases.
    LegislativePhase, "phase", "wetgevingsfase" {
        InVoorbereiding => "in-voorbereiding", "In voorbereiding";
        RaadVanState => "raad-van-state", "Raad van State";
        TweedeKamer => "tweede-kamer", "Tweede Kamer";
        EersteKamer => "eerste-kamer", "Eerste Kamer";
        Aangenomen => "aangenomen", "Aangenomen";
    }
);

keyed_enum!(
    /// The association of a decentral layer that gives its judgement on the proposal.
    Koepel, "koepel", "koepel" {
        Vng => "vng", "VNG";
        Ipo => "ipo", "IPO";
        Uvw => "uvw", "Unie van Waterschappen";
    }
);

keyed_enum!(
    /// Where BZK checks a proposal (kcbr.nl, "BZK interbestuurlijk").
    CheckMoment, "moment", "toetsmoment" {
        AmbtelijkVoorportaal => "ambtelijk-voorportaal", "Ambtelijk voorportaal";
        Onderraad => "onderraad", "Onderraad";
        Ministerraad => "ministerraad", "Ministerraad";
    }
);

impl GovernmentLayer {
    /// The koepel that speaks for this layer.
    pub fn koepel(self) -> Koepel {
        match self {
            GovernmentLayer::Gemeenten => Koepel::Vng,
            GovernmentLayer::Provincies => Koepel::Ipo,
            GovernmentLayer::Waterschappen => Koepel::Uvw,
        }
    }
}

/// A koepel's part in the dossier: when its judgement was asked and what it said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct KoepelJudgement {
    pub koepel: Koepel,
    pub asked_on: NaiveDate,
    /// The judgement as the koepel gave it; `None` while it is awaited.
    pub judgement: Option<String>,
}

/// The administrative side of the proposal (DOMAIN.md §6 and §7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, utoipa::ToSchema)]
pub struct AdministrativeAspects {
    pub tasks: String,
    pub policy_freedom: Option<PolicyFreedom>,
    pub powers: String,
    pub execution_capacity: String,
    pub information_burden: String,
    pub supervision: String,
    /// The proposal asks regulation or administration of the decentral governments
    /// (medebewind: "regeling of bestuur wordt gevorderd").
    pub medebewind: bool,
    /// The proposal imposes plan or report obligations on decentral governments.
    pub plan_or_report_obligations: bool,
    /// How the plan or report obligations are compensated.
    pub compensation: Option<String>,
    /// The proposal makes cooperation between governments mandatory.
    pub mandatory_cooperation: bool,
    /// Why the task lies with the chosen layer ("decentraal wat kan, centraal wat moet"),
    /// and, with mandatory cooperation, which aim it serves and which alternatives were weighed.
    pub allocation_reason: Option<String>,
    /// How the proposal deviates from the principles for decentralisation, if it does.
    pub deviation_from_principles: Option<String>,
    /// How many governments the proposal affects, as the ministry estimates it.
    pub governments_affected: Option<u32>,
}

/// BZK's advice at one check moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BzkAdvice {
    pub moment: CheckMoment,
    pub given_on: NaiveDate,
    pub advice: String,
}

/// A period from its first to its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Period {
    pub opens: NaiveDate,
    pub closes: NaiveDate,
}

/// The consultation terms the ministry has planned: the formal consultation of the
/// co-governments (Code Interbestuurlijke Verhoudingen) and, where chosen, the public internet
/// consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ConsultationPlan {
    pub co_governments: Period,
    pub internet: Option<Period>,
}

/// One UDO dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Dossier {
    /// The ministry that holds the pen.
    pub ministry: OrgCode,
    pub title: String,
    pub summary: String,
    pub form: RegulationForm,
    /// The layers affected, each once, in the order of [`GovernmentLayer::ALL`].
    pub layers: Vec<GovernmentLayer>,
    pub scope: UdoScope,
    pub scope_reason: String,
    pub phase: LegislativePhase,
    pub koepels: Vec<KoepelJudgement>,
    pub aspects: AdministrativeAspects,
    pub bzk_advice: Vec<BzkAdvice>,
    /// The collaborations the proposal concerns, by their id.
    pub collaborations: Vec<i64>,
    pub kompas: KompasParts,
    /// The ministry expects financial consequences for decentral governments (asked in the
    /// verkenning; the financial paragraph then quantifies them).
    pub financial_consequences_expected: bool,
    pub financial: Option<FinancialParagraph>,
    pub consultation: Option<ConsultationPlan>,
    /// The task-allocation advice's part (see [`super::allocation`]).
    #[schema(value_type = Option<Object>)]
    pub allocation: Option<AllocationPart>,
}

impl Dossier {
    pub fn affects(&self, layer: GovernmentLayer) -> bool {
        self.layers.contains(&layer)
    }

    /// The koepels that speak for the affected layers.
    pub fn koepels_concerned(&self) -> Vec<Koepel> {
        self.layers.iter().map(|l| l.koepel()).collect()
    }

    /// The koepel's record, if its judgement was asked.
    pub fn koepel(&self, koepel: Koepel) -> Option<&KoepelJudgement> {
        self.koepels.iter().find(|k| k.koepel == koepel)
    }

    /// BZK's advice at `moment`, if given.
    pub fn advice_at(&self, moment: CheckMoment) -> Option<&BzkAdvice> {
        self.bzk_advice.iter().find(|a| a.moment == moment)
    }

    /// The financial consequences are stated or expected: the expectation, or any amount above
    /// zero in the financial paragraph.
    pub fn has_financial_consequences(&self) -> bool {
        self.financial_consequences_expected || self.financial.as_ref().is_some_and(|f| f.has_consequences())
    }
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
