//! Demonstration cost series (issue 15, item 5): **generated, not real figures**, for five
//! municipalities of different size across 2019–2025, crossing the 2023 split. Each amount is
//! the municipality's number of inhabitants (2025 reference data) times a fixed amount per
//! inhabitant per task field, growing 4.5% a year with a small fixed wobble; from 2023 the
//! amount of a split task field is divided over its new codes in fixed shares, so their sum
//! continues the old code's series. Jaarrekening 2019–2024, begroting 2025. Imported as an
//! openspending-shaped file marked as demonstration data, which every page showing them says.

use std::fmt::Write as _;

use samenspel_domain::iv3::SPLIT_YEAR;
use samenspel_domain::iv3::costs::CostShape;
use samenspel_store::CostImportReport;

use crate::{App, AppResult, Principal};

/// The file name the import records.
pub const FILE_NAME: &str = "demonstratie-kosten-gegenereerd.csv";

/// The municipalities: code and inhabitants (data/reference/gemeenten_2025.csv).
pub const MUNICIPALITIES: [(&str, i64); 5] = [
    ("GM0363", 941_927), // Amsterdam
    ("GM0344", 378_121), // Utrecht
    ("GM0014", 244_427), // Groningen
    ("GM0200", 169_212), // Apeldoorn
    ("GM0088", 972),     // Schiermonnikoog
];

/// Task field, lasten and baten per inhabitant in euros (2019), and for a field of the split
/// its new codes with their shares.
struct Field {
    code: &'static str,
    lasten: i64,
    baten: i64,
    children: &'static [(&'static str, i64)],
}

const FIELDS: [Field; 7] = [
    Field {
        code: "6.1",
        lasten: 60,
        baten: 5,
        children: &[],
    },
    Field {
        code: "6.2",
        lasten: 80,
        baten: 2,
        children: &[],
    },
    Field {
        code: "6.3",
        lasten: 250,
        baten: 180,
        children: &[],
    },
    Field {
        code: "6.71",
        lasten: 120,
        baten: 10,
        children: &[("6.71a", 35), ("6.71b", 30), ("6.71c", 20), ("6.71d", 15)],
    },
    Field {
        code: "6.72",
        lasten: 230,
        baten: 4,
        children: &[
            ("6.72a", 12),
            ("6.72b", 18),
            ("6.72c", 6),
            ("6.72d", 8),
            ("6.73a", 14),
            ("6.73b", 10),
            ("6.73c", 12),
            ("6.74a", 9),
            ("6.74b", 7),
            ("6.74c", 4),
        ],
    },
    Field {
        code: "6.81",
        lasten: 70,
        baten: 6,
        children: &[("6.81a", 80), ("6.81b", 20)],
    },
    Field {
        code: "6.82",
        lasten: 25,
        baten: 0,
        children: &[("6.82a", 75), ("6.82b", 25)],
    },
];

/// Per mille of the 2019 amount in `year`: 4.5% growth a year and a fixed wobble of 0–2%.
fn factor(org: usize, field: usize, year: i32) -> i64 {
    let step = i64::from(year - 2019);
    1000 + 45 * step + ((org as i64 * 7 + i64::from(year) * 3 + field as i64 * 5) % 11) * 2
}

/// `total` divided in `shares`, the remainder to the last, so the parts add up to it exactly.
fn divide(total: i64, shares: &[(&'static str, i64)]) -> Vec<(&'static str, i64)> {
    let weight: i64 = shares.iter().map(|(_, w)| w).sum();
    let mut parts: Vec<(&'static str, i64)> = shares
        .iter()
        .map(|(c, w)| (*c, total * w / weight.max(1)))
        .collect();
    let given: i64 = parts.iter().map(|(_, a)| a).sum();
    if let Some(last) = parts.last_mut() {
        last.1 += total - given;
    }
    parts
}

fn thousands(euros: i64) -> String {
    format!("{}.{:03}", euros / 1000, euros % 1000)
}

/// The generated file, openspending-shaped (amounts in thousands of euros, whole euros).
pub fn csv() -> String {
    let mut out = String::from("overheid,taakveld,jaar,soort,kant,bedrag\n");
    for (o, (org, inhabitants)) in MUNICIPALITIES.iter().enumerate() {
        for year in 2019..=2025 {
            let soort = if year == 2025 { "begroting" } else { "realisatie" };
            for (f, field) in FIELDS.iter().enumerate() {
                for (kant, per_inhabitant) in [("lasten", field.lasten), ("baten", field.baten)] {
                    let euros = inhabitants * per_inhabitant * factor(o, f, year) / 1000;
                    let parts = if year >= SPLIT_YEAR && !field.children.is_empty() {
                        divide(euros, field.children)
                    } else {
                        vec![(field.code, euros)]
                    };
                    for (code, amount) in parts {
                        let _ = writeln!(out, "{org},{code},{year},{soort},{kant},{}", thousands(amount));
                    }
                }
            }
        }
    }
    out
}

impl App {
    /// Loads the generated demonstration cost series (idempotent: the same file again
    /// changes nothing).
    pub async fn load_demo_costs(&self) -> AppResult<CostImportReport> {
        self.import_cost_file(
            CostShape::Openspending,
            FILE_NAME,
            csv().as_bytes(),
            true,
            &Principal::System("demo"),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_domain::iv3::TaskFieldCode;
    use samenspel_domain::iv3::costs::{ReportKind, SeriesOn, series};
    use samenspel_domain::org::OrgCode;

    #[test]
    fn the_generated_file_reads_and_6_72_runs_on_across_the_split() {
        let figures = crate::iv3_costs::parse(CostShape::Openspending, csv().as_bytes()).unwrap();
        let catalogue = samenspel_domain::iv3::shipped().unwrap();
        let amsterdam = OrgCode::parse("GM0363").unwrap();
        let code = TaskFieldCode::parse("c", "6.72").unwrap();
        let points = series(
            catalogue,
            &figures,
            &amsterdam,
            &code,
            ReportKind::Jaarrekening,
            SeriesOn::Parent,
        )
        .unwrap();
        assert_eq!(
            points.iter().map(|p| p.year).collect::<Vec<_>>(),
            (2019..=2024).collect::<Vec<_>>()
        );
        // The sum of the ten new codes in 2023 is what the formula gives the parent.
        let expected = 941_927 * 230 * factor(0, 4, 2023) / 1000;
        assert_eq!(points[4].lasten.get(), expected * 100);
        // Growth without a jump at the split.
        for pair in points.windows(2) {
            assert!(pair[1].lasten > pair[0].lasten, "{pair:?}");
        }
    }

    #[test]
    fn shares_add_up_exactly() {
        let parts = divide(1_000_003, FIELDS[4].children);
        assert_eq!(parts.len(), 10);
        assert_eq!(parts.iter().map(|(_, a)| a).sum::<i64>(), 1_000_003);
    }
}
