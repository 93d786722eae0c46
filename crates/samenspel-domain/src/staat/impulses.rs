//! The Rijk's impulses: per ministry the UDO dossiers opened in the period's years, how many
//! went into consultation, of those how many had their UDO outcome before the consultation
//! and how many kept the consultation's term, and the co-signing flags — summed from the UDO
//! dashboard's yearly counts ([`crate::udo::dashboard`]).

use serde::{Deserialize, Serialize};

use super::Period;
use crate::udo::dashboard::{UdoYearFigures, percent};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImpulseSection {
    /// Most dossiers first.
    pub per_ministry: Vec<MinistryImpulse>,
    /// All ministries together (its code and name are empty).
    pub total: MinistryImpulse,
}

/// The counts of one ministry over the period's years.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MinistryImpulse {
    pub code: String,
    pub name: String,
    pub dossiers: u32,
    pub consulted: u32,
    pub udo_before_consultation: u32,
    pub term_kept: u32,
    pub cosign: u32,
    pub uitvoerbaar: u32,
    pub onder_voorwaarden: u32,
    pub niet_uitvoerbaar: u32,
}

impl MinistryImpulse {
    /// The share of consulted dossiers whose UDO came before the consultation, in whole
    /// percents; `None` when none was consulted.
    pub fn coverage_percent(&self) -> Option<u32> {
        percent(self.udo_before_consultation, self.consulted)
    }

    /// The share of consultations that kept their term.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.term_kept, self.consulted)
    }

    fn add(&mut self, year: &UdoYearFigures) {
        self.dossiers += year.dossiers;
        self.consulted += year.consulted;
        self.udo_before_consultation += year.udo_before_consultation;
        self.term_kept += year.consultation_term_kept;
        self.cosign += year.cosign;
        self.uitvoerbaar += year.uitvoerbaar;
        self.onder_voorwaarden += year.onder_voorwaarden;
        self.niet_uitvoerbaar += year.niet_uitvoerbaar;
    }
}

/// Sums the yearly counts of the period's years per ministry; `name_of` gives a ministry's
/// name by its code.
pub fn impulse_section(
    period: &Period,
    figures: &[UdoYearFigures],
    name_of: impl Fn(&str) -> String,
) -> ImpulseSection {
    let years = period.years();
    let mut section = ImpulseSection::default();
    for year in figures.iter().filter(|f| years.contains(&f.year)) {
        let index = match section.per_ministry.iter().position(|m| m.code == year.ministry) {
            Some(index) => index,
            None => {
                section.per_ministry.push(MinistryImpulse {
                    code: year.ministry.clone(),
                    name: name_of(&year.ministry),
                    ..MinistryImpulse::default()
                });
                section.per_ministry.len() - 1
            }
        };
        section.per_ministry[index].add(year);
        section.total.add(year);
    }
    section
        .per_ministry
        .sort_by(|a, b| b.dossiers.cmp(&a.dossiers).then_with(|| a.name.cmp(&b.name)));
    section
}
