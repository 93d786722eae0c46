//! The starter set of the register (issue 15, item 5): eight well-known medebewind tasks of
//! municipalities with their legal bases, shipped as `data/reference/medebewind/` and loaded
//! once into a register (`samenspel medebewind starter`, and with `serve --demo`).
//!
//! Every fact carries its source in the file (`source_law`, `source_ministry`,
//! `source_funding`, `source_task_fields`; budgets each with their own), and `checked` says how
//! far it was checked: `bron` (read in the official text), `derden` (read in a copy or a
//! third-party text), `onze-lezing` (inferred). The degree of policy freedom is our reading in
//! every row. Cells without a source are left empty rather than filled in: no amount is
//! invented. Provenance: `data/reference/PROVENANCE.md`, "Medebewind starter set".

use serde::{Deserialize, Serialize};

use super::{BudgetLineInput, TaskInput};
use crate::iv3::Catalogue;
use crate::{ValidationErrors, msg};

/// The tasks as they ship.
pub const TASKS_CSV: &str = include_str!("../../../../data/reference/medebewind/starter_tasks.csv");

/// The national budgets found for them.
pub const BUDGETS_CSV: &str = include_str!("../../../../data/reference/medebewind/starter_budgets.csv");

/// How far a row's facts were checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Checked {
    /// Read in the official text.
    Bron,
    /// Read in a copy of the law or a third-party text.
    Derden,
    /// Inferred; no text states it.
    OnzeLezing,
}

/// One task of the starter set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StarterTask {
    pub key: String,
    pub checked: Checked,
    pub input: TaskInput,
}

#[derive(Deserialize)]
struct TaskRow {
    key: String,
    name: String,
    law: String,
    bwb_id: String,
    article: String,
    lid: String,
    layer: String,
    body: String,
    ministry_code: String,
    policy_freedom: String,
    ambition: String,
    norm: String,
    powers: String,
    funding: String,
    task_fields: String,
    risks: String,
    cost_steering: String,
    recalibration_years: String,
    source_law: String,
    source_ministry: String,
    source_funding: String,
    source_task_fields: String,
    checked: Checked,
}

#[derive(Deserialize)]
struct BudgetRow {
    task_key: String,
    year: String,
    funding: String,
    amount_euro: String,
    scope: String,
    source: String,
}

/// The starter set, every task checked as a form would check it (named `file:line:field`).
pub fn parse(
    tasks_csv: &str,
    budgets_csv: &str,
    catalogue: &Catalogue,
) -> Result<Vec<StarterTask>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut tasks: Vec<(u64, StarterTask)> = Vec::new();
    let mut reader = csv::Reader::from_reader(tasks_csv.as_bytes());
    for (i, row) in reader.deserialize::<TaskRow>().enumerate() {
        let line = i as u64 + 2;
        match row {
            Ok(row) => tasks.push((line, row.into_task())),
            Err(e) => errors.add(format!("starter_tasks.csv:{line}"), "unreadable", unreadable(&e)),
        }
    }
    let mut reader = csv::Reader::from_reader(budgets_csv.as_bytes());
    for (i, row) in reader.deserialize::<BudgetRow>().enumerate() {
        let line = i + 2;
        let field = |name: &str| format!("starter_budgets.csv:{line}:{name}");
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                errors.add(
                    format!("starter_budgets.csv:{line}"),
                    "unreadable",
                    unreadable(&e),
                );
                continue;
            }
        };
        if row.scope != "landelijk" {
            errors.add(
                field("scope"),
                "unknown_scope",
                msg!(
                    "error-medebewind-starter-scope",
                    "Alleen landelijke bedragen (landelijk)."
                ),
            );
            continue;
        }
        match tasks.iter_mut().find(|(_, t)| t.key == row.task_key) {
            Some((_, task)) => task.input.budgets.push(BudgetLineInput {
                year: row.year,
                funding: row.funding,
                amount: row.amount_euro,
                organisation: String::new(),
                source: row.source,
            }),
            None => errors.add(
                field("task_key"),
                "unknown_task",
                msg!(
                    "error-medebewind-starter-task",
                    "Taak {key} staat niet in de startset.",
                    key = row.task_key
                ),
            ),
        }
    }
    for (line, task) in &tasks {
        if let Err(wrong) = task.input.parse(catalogue) {
            for e in wrong.errors {
                errors.add(format!("starter_tasks.csv:{line}:{}", e.field), e.code, e.message);
            }
        }
        if tasks.iter().filter(|(_, t)| t.key == task.key).count() > 1 {
            errors.add(
                format!("starter_tasks.csv:{line}:key"),
                "duplicate",
                msg!(
                    "error-medebewind-starter-duplicate",
                    "De sleutel {key} komt twee keer voor.",
                    key = task.key
                ),
            );
        }
    }
    errors.finish(|| tasks.into_iter().map(|(_, t)| t).collect())
}

/// The shipped starter set.
pub fn shipped(catalogue: &Catalogue) -> Result<Vec<StarterTask>, ValidationErrors> {
    parse(TASKS_CSV, BUDGETS_CSV, catalogue)
}

fn unreadable(error: &csv::Error) -> crate::Message {
    msg!(
        "error-medebewind-starter-unreadable",
        "Deze regel kon niet worden gelezen: {error}",
        error = error.to_string()
    )
}

fn split(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

impl TaskRow {
    fn into_task(self) -> StarterTask {
        let checked_nl = match self.checked {
            Checked::Bron => "gelezen in de officiële tekst",
            Checked::Derden => "gelezen in een kopie van de wet of een tekst van derden",
            Checked::OnzeLezing => "afgeleid (onze lezing)",
        };
        let sources = [
            ("Wettekst", &self.source_law),
            ("Ministerie", &self.source_ministry),
            ("Bekostiging", &self.source_funding),
            ("Taakvelden", &self.source_task_fields),
        ];
        let mut source: Vec<String> = sources
            .iter()
            .filter(|(_, urls)| !urls.trim().is_empty())
            .map(|(what, urls)| format!("{what}: {}", urls.trim()))
            .collect();
        source.push(format!(
            "Startset van Samenspel; nagegaan: {checked_nl}; de mate van beleidsvrijheid is onze lezing."
        ));
        StarterTask {
            checked: self.checked,
            input: TaskInput {
                name: self.name,
                law: self.law,
                bwb_id: self.bwb_id,
                article: self.article,
                lid: self.lid,
                layer: self.layer,
                body: self.body,
                ministry: self.ministry_code.to_uppercase(),
                freedom: self.policy_freedom,
                ambition: self.ambition,
                norm: self.norm,
                powers: self.powers,
                funding: split(&self.funding),
                budgets: Vec::new(),
                task_fields: split(&self.task_fields),
                risks: self.risks,
                cost_steering: self.cost_steering,
                recalibration_years: self.recalibration_years,
                next_recalibration_on: String::new(),
                udo_dossiers: Vec::new(),
                source: source.join("\n"),
            },
            key: self.key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iv3::shipped as catalogue;

    #[test]
    fn the_shipped_starter_set_parses_with_a_source_for_every_task() {
        let tasks = shipped(catalogue().unwrap()).unwrap();
        let keys: Vec<&str> = tasks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys.len(), 8, "{keys:?}");
        for law in ["Participatiewet", "Jeugdwet", "Omgevingswet", "Kieswet"] {
            assert!(tasks.iter().any(|t| t.input.law.contains(law)), "{law}");
        }
        for task in &tasks {
            let parsed = task.input.parse(catalogue().unwrap()).unwrap();
            assert!(
                parsed.source.contains("Wettekst: http"),
                "{}: {}",
                task.key,
                parsed.source
            );
            assert!(parsed.basis.bwb_id.starts_with("BWBR"));
            for line in &parsed.budgets {
                assert!(
                    line.source.starts_with("http"),
                    "{}: a budget without its source",
                    task.key
                );
            }
        }
        let bijstand = tasks
            .iter()
            .find(|t| t.key == "participatiewet-bijstand")
            .unwrap();
        let parsed = bijstand.input.parse(catalogue().unwrap()).unwrap();
        assert_eq!(
            parsed.national_budget(2024).map(|c| c.get()),
            Some(686_767_200_000)
        );
    }

    #[test]
    fn a_wrong_row_is_named_by_file_line_and_field() {
        let header = TASKS_CSV.lines().next().unwrap();
        let first = TASKS_CSV.lines().nth(1).unwrap();
        let wrong = first.replacen("BWBR0015703", "BWBR15703", 1);
        let tasks = format!("{header}\n{first}\n{wrong}\n");
        let budgets = "task_key,year,funding,amount_euro,scope,source\nonbekend,2024,algemene-uitkering,5,landelijk,http://x\nparticipatiewet-bijstand,2024,geld,5,landelijk,http://x\nparticipatiewet-bijstand,2024,specifieke-uitkering,5,provinciaal,http://x\n";
        let errors = parse(&tasks, budgets, catalogue().unwrap()).unwrap_err();
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "starter_budgets.csv:2:task_key",
                "starter_budgets.csv:4:scope",
                "starter_tasks.csv:2:budgets[0].funding",
                "starter_tasks.csv:2:key",
                "starter_tasks.csv:3:bwb_id",
                "starter_tasks.csv:3:key",
            ]
        );
    }
}
