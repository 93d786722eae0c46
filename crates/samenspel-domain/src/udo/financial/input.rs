//! The financial paragraph as typed in: amounts in euro as Dutch users write them (`1.234,56`,
//! `1234.56`, `€ 2.000.000`), refused when negative or not a number, naming the row and field
//! (`rows[2].structural`).

use serde::{Deserialize, Serialize};

use super::{FinancialArticle, FinancialParagraph, FinancialRow, FundingMethod};
use crate::collaboration::parse_date;
use crate::money::{Cents, parse_year};
use crate::text::{parse_line, parse_paragraphs};
use crate::udo::dossier::GovernmentLayer;
use crate::{ValidationErrors, msg};

const TEXT_MAX: usize = 4_000;
const SOURCE_MAX: usize = 500;

/// One row as typed in; an empty amount counts as zero (a layer with only an incidental
/// consequence leaves the structural one empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FinancialRowInput {
    pub layer: String,
    pub year: String,
    pub structural: String,
    pub incidental: String,
    pub reasoning: String,
    pub source: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FinancialInput {
    pub rows: Vec<FinancialRowInput>,
    pub articles: Vec<String>,
    /// Empty while not chosen.
    pub funding: String,
    pub consulted_bzk_on: String,
    pub consulted_financien_on: String,
}

impl FinancialInput {
    /// The paragraph, or every wrong field named.
    pub fn parse(&self) -> Result<FinancialParagraph, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let mut rows: Vec<FinancialRow> = Vec::new();
        for (i, input) in self.rows.iter().enumerate() {
            if let Some(row) = e.collect(input.parse(&format!("rows[{i}]"))) {
                if rows.iter().any(|r| r.layer == row.layer && r.year == row.year) {
                    e.add(
                        format!("rows[{i}].year"),
                        "duplicate",
                        msg!(
                            "error-udo-duplicate-row",
                            "Voor deze bestuurslaag en dit jaar staat al een regel."
                        ),
                    );
                }
                rows.push(row);
            }
        }
        let mut articles = Vec::new();
        for (i, key) in self.articles.iter().enumerate() {
            if let Some(article) = e.collect(FinancialArticle::parse_field(&format!("articles[{i}]"), key))
                && !articles.contains(&article)
            {
                articles.push(article);
            }
        }
        let funding = match self.funding.trim() {
            "" => Some(None),
            raw => e.collect(FundingMethod::parse_field("funding", raw)).map(Some),
        };
        let consulted_bzk_on = e.collect(parse_date("consulted_bzk_on", &self.consulted_bzk_on));
        let consulted_financien_on =
            e.collect(parse_date("consulted_financien_on", &self.consulted_financien_on));
        match (funding, consulted_bzk_on, consulted_financien_on) {
            (Some(funding), Some(consulted_bzk_on), Some(consulted_financien_on)) if e.is_empty() => {
                Ok(FinancialParagraph {
                    rows,
                    articles,
                    funding,
                    consulted_bzk_on,
                    consulted_financien_on,
                })
            }
            _ => Err(e),
        }
    }
}

impl FinancialRowInput {
    fn parse(&self, row: &str) -> Result<FinancialRow, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let field = |name: &str| format!("{row}.{name}");
        let layer = e.collect(GovernmentLayer::parse_field(&field("layer"), &self.layer));
        let year = e.collect(parse_year(&field("year"), &self.year));
        let structural = e.collect(amount(&field("structural"), &self.structural));
        let incidental = e.collect(amount(&field("incidental"), &self.incidental));
        let reasoning = e.collect(parse_paragraphs(
            &field("reasoning"),
            &self.reasoning,
            TEXT_MAX,
            true,
        ));
        let source = e.collect(parse_line(&field("source"), &self.source, SOURCE_MAX, true));
        match (layer, year, structural, incidental, reasoning, source) {
            (
                Some(layer),
                Some(year),
                Some(structural),
                Some(incidental),
                Some(Some(reasoning)),
                Some(Some(source)),
            ) if e.is_empty() => Ok(FinancialRow {
                layer,
                year,
                structural,
                incidental,
                reasoning,
                source,
            }),
            _ => Err(e),
        }
    }
}

/// An amount in euro; empty is zero.
fn amount(field: &str, raw: &str) -> Result<Cents, ValidationErrors> {
    if raw.trim().is_empty() {
        Ok(Cents::ZERO)
    } else {
        Cents::parse_euro(field, raw)
    }
}
