//! The financial paragraph of a UDO as data (issue 14, item 2): per layer per year the
//! quantified consequence in integer cents, split structural and incidental, each row with its
//! reasoning and source; the articles the paragraph answers to; the funding method
//! (bekostigingswijze); and when BZK and Financiën were consulted on the coverage.
//!
//! Sources: Aanwijzing voor de regelgeving 4.46 (the explanatory memorandum has a separate part
//! on the financial consequences for decentral governments covering art. 2 Fvw, art. 108(3)
//! Gemeentewet, art. 105(3) Provinciewet, art. 136(3) WolBES and art. 87 FinBES, stating the
//! funding method; consultation with BZK and Financiën following arts. 2 and 18 Fvw),
//! Aanwijzing 4.46 "Financiële gevolgen decentrale overheden" on kcbr.nl (as cited in
//! research/next-capabilities.md §1); art. 2 Fvw (DOMAIN.md §6).

use chrono::NaiveDate;
use serde::Serialize;

use super::dossier::GovernmentLayer;
use crate::keyed::keyed_enum;
use crate::money::Cents;

mod input;
pub use input::{FinancialInput, FinancialRowInput};

keyed_enum!(
    /// How the consequences are paid for (Ar 4.46 asks the bekostigingswijze; the instruments
    /// of the Financiële-verhoudingswet, DOMAIN.md §7).
    FundingMethod, "funding", "bekostigingswijze" {
        AlgemeneUitkering => "algemene-uitkering", "Algemene uitkering";
        SpecifiekeUitkering => "specifieke-uitkering", "Specifieke uitkering";
        DecentralisatieUitkering => "decentralisatie-uitkering", "Decentralisatie-uitkering";
        BijzondereFondsUitkering => "bijzondere-fonds-uitkering", "Bijzondere Fonds Uitkering";
        EigenMiddelen => "eigen-middelen", "Eigen middelen";
        Geen => "geen", "Geen bekostiging";
    }
);

keyed_enum!(
    /// The articles the financial paragraph answers to (Aanwijzing voor de regelgeving 4.46).
    FinancialArticle, "article", "artikel" {
        Fvw2 => "fvw-2", "Artikel 2 Financiële-verhoudingswet";
        Gemeentewet108Lid3 => "gemeentewet-108-3", "Artikel 108, derde lid, Gemeentewet";
        Provinciewet105Lid3 => "provinciewet-105-3", "Artikel 105, derde lid, Provinciewet";
        Wolbes136Lid3 => "wolbes-136-3", "Artikel 136, derde lid, WolBES";
        Finbes87 => "finbes-87", "Artikel 87 FinBES";
    }
);

impl FundingMethod {
    /// The Rijk pays through the Gemeentefonds or Provinciefonds or a specific grant (our
    /// reading of "door het Rijk vergoed", art. 108(3) Gemeentewet and 105(3) Provinciewet).
    pub fn paid_by_rijk(self) -> bool {
        matches!(
            self,
            FundingMethod::AlgemeneUitkering
                | FundingMethod::SpecifiekeUitkering
                | FundingMethod::DecentralisatieUitkering
                | FundingMethod::BijzondereFondsUitkering
        )
    }
}

impl FinancialArticle {
    /// The articles the paragraph must answer to for the layers it concerns: art. 2 Fvw for
    /// gemeenten and provincies, art. 108(3) Gemeentewet for gemeenten, art. 105(3)
    /// Provinciewet for provincies. WolBES and FinBES concern the public bodies Bonaire, Sint
    /// Eustatius and Saba, which are not a layer of the dossier; water boards have none of the
    /// five (our reading of Ar 4.46).
    pub fn required_for(layers: &[GovernmentLayer]) -> Vec<FinancialArticle> {
        let has = |layer| layers.contains(&layer);
        let municipal_or_provincial = has(GovernmentLayer::Gemeenten) || has(GovernmentLayer::Provincies);
        let mut articles = Vec::new();
        if municipal_or_provincial {
            articles.push(FinancialArticle::Fvw2);
        }
        if has(GovernmentLayer::Gemeenten) {
            articles.push(FinancialArticle::Gemeentewet108Lid3);
        }
        if has(GovernmentLayer::Provincies) {
            articles.push(FinancialArticle::Provinciewet105Lid3);
        }
        articles
    }
}

/// One layer's consequence in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FinancialRow {
    pub layer: GovernmentLayer,
    pub year: i32,
    pub structural: Cents,
    pub incidental: Cents,
    /// How the figure was reached.
    pub reasoning: String,
    /// Where the figure comes from (a study, a cost model, …).
    pub source: String,
}

impl FinancialRow {
    pub fn total(&self) -> Cents {
        self.structural + self.incidental
    }
}

/// The financial paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FinancialParagraph {
    /// At most one row per layer and year.
    pub rows: Vec<FinancialRow>,
    pub articles: Vec<FinancialArticle>,
    pub funding: Option<FundingMethod>,
    pub consulted_bzk_on: Option<NaiveDate>,
    pub consulted_financien_on: Option<NaiveDate>,
}

/// The consequences of one layer in one year, summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct LayerYearTotal {
    pub layer: GovernmentLayer,
    pub year: i32,
    pub structural: Cents,
    pub incidental: Cents,
    pub total: Cents,
}

impl FinancialParagraph {
    /// Per layer (in the order of [`GovernmentLayer::ALL`]) per year (ascending) the sums.
    pub fn totals(&self) -> Vec<LayerYearTotal> {
        let mut totals: Vec<LayerYearTotal> = Vec::new();
        for row in &self.rows {
            match totals
                .iter_mut()
                .find(|t| t.layer == row.layer && t.year == row.year)
            {
                Some(t) => {
                    t.structural += row.structural;
                    t.incidental += row.incidental;
                    t.total += row.total();
                }
                None => totals.push(LayerYearTotal {
                    layer: row.layer,
                    year: row.year,
                    structural: row.structural,
                    incidental: row.incidental,
                    total: row.total(),
                }),
            }
        }
        totals.sort_by_key(|t| (layer_rank(t.layer), t.year));
        totals
    }

    /// The sum over all layers per year (ascending).
    pub fn totals_per_year(&self) -> Vec<(i32, Cents)> {
        let mut years: Vec<(i32, Cents)> = Vec::new();
        for row in &self.rows {
            match years.iter_mut().find(|(year, _)| *year == row.year) {
                Some((_, sum)) => *sum += row.total(),
                None => years.push((row.year, row.total())),
            }
        }
        years.sort_by_key(|(year, _)| *year);
        years
    }

    /// The year with the largest consequence over all layers, with its amount.
    pub fn largest_year(&self) -> Option<(i32, Cents)> {
        self.totals_per_year()
            .into_iter()
            .max_by_key(|(year, amount)| (*amount, std::cmp::Reverse(*year)))
    }

    /// Whether `layer` has at least one row (zero is a quantification too).
    pub fn quantifies(&self, layer: GovernmentLayer) -> bool {
        self.rows.iter().any(|r| r.layer == layer)
    }

    /// The affected layers without a row.
    pub fn unquantified(&self, affected: &[GovernmentLayer]) -> Vec<GovernmentLayer> {
        affected
            .iter()
            .copied()
            .filter(|l| !self.quantifies(*l))
            .collect()
    }

    /// Whether every affected layer is quantified.
    pub fn quantifies_every(&self, affected: &[GovernmentLayer]) -> bool {
        self.unquantified(affected).is_empty()
    }

    /// Whether some amount is above zero.
    pub fn has_consequences(&self) -> bool {
        self.rows.iter().any(|r| r.total() > Cents::ZERO)
    }

    /// The sum of all rows of `layer`.
    pub fn layer_total(&self, layer: GovernmentLayer) -> Cents {
        self.rows
            .iter()
            .filter(|r| r.layer == layer)
            .map(FinancialRow::total)
            .sum()
    }

    /// The articles the layers require that the paragraph does not name.
    pub fn articles_missing(&self, affected: &[GovernmentLayer]) -> Vec<FinancialArticle> {
        FinancialArticle::required_for(affected)
            .into_iter()
            .filter(|a| !self.articles.contains(a))
            .collect()
    }
}

fn layer_rank(layer: GovernmentLayer) -> usize {
    GovernmentLayer::ALL
        .iter()
        .position(|l| *l == layer)
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests;
