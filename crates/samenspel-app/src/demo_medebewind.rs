//! A demonstration task for the disbalance monitor (issue 15, item 5): **generated, not real
//! figures**. Jeugdhulp of municipalities on task field 6.72 (its ten new codes from 2023),
//! with a national budget per year of € 232 per inhabitant, kept flat from 2019 to 2025, while
//! the generated demonstration costs (`demo_costs`, € 230 per inhabitant growing about 4.5 % a
//! year) overtake it: from 2022 the costs lie more than 10 % above the budget, so the monitor
//! flags the task. Its name and every budget line's source say it is a demonstration.

use samenspel_domain::medebewind::{BudgetLineInput, TaskInput};

use crate::reference::municipal_inhabitants;
use crate::{App, AppError, AppResult, Principal};

/// The key that makes the demonstration task load once.
pub const DEMO_KEY: &str = "demo-jeugdhulp-gegenereerd";

/// The generated budget per inhabitant in euros.
const PER_INHABITANT: u64 = 232;

impl App {
    /// Adds the demonstration task once.
    pub async fn load_demo_medebewind(&self) -> AppResult<()> {
        if self
            .store
            .medebewind_starter_keys()
            .await?
            .iter()
            .any(|k| k == DEMO_KEY)
        {
            return Ok(());
        }
        let inhabitants: u64 = municipal_inhabitants()?.values().map(|n| u64::from(*n)).sum();
        let euros = inhabitants * PER_INHABITANT;
        let input = TaskInput {
            name: "Jeugdhulp (demonstratie, gegenereerd budget)".into(),
            law: "Jeugdwet".into(),
            bwb_id: "BWBR0034925".into(),
            article: "2.3".into(),
            lid: "1".into(),
            layer: "gemeenten".into(),
            body: "college".into(),
            ministry: "MNRE1025".into(),
            freedom: "dwingend".into(),
            powers: "Demonstratie: het college treft voorzieningen op het gebied van jeugdhulp.".into(),
            funding: vec!["algemene-uitkering".into()],
            budgets: (2019..=2025)
                .map(|year| BudgetLineInput {
                    year: year.to_string(),
                    funding: "algemene-uitkering".into(),
                    amount: euros.to_string(),
                    organisation: String::new(),
                    source: format!(
                        "Gegenereerde demonstratiecijfers: € {PER_INHABITANT} per inwoner, geen echt budget"
                    ),
                })
                .collect(),
            task_fields: vec!["6.72".into()],
            source: "Demonstratie van Samenspel; alle bedragen zijn gegenereerd.".into(),
            ..TaskInput::default()
        };
        match self
            .add_medebewind_task_as(&input, Some(DEMO_KEY), &Principal::System("demo"))
            .await
        {
            Ok(_) | Err(AppError::Conflict(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }
}
