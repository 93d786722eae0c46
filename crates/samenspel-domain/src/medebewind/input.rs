//! A task as forms and JSON send it (strings), and its parse, which names every wrong field:
//! `name`, `basis.bwb_id`, `funding[1]`, `budgets[2].amount`, `task_fields[0]`, ….

use serde::{Deserialize, Serialize};

use super::{
    BudgetLine, FundingMethod, GovernmentLayer, LegalBasis, PolicyFreedom, Recalibration, ResponsibleBody,
    Task,
};
use crate::collaboration::parse_date;
use crate::iv3::{self, TaskFieldCode};
use crate::money::{Cents, parse_year};
use crate::org::OrgCode;
use crate::text::{parse_line, parse_paragraphs};
use crate::{ValidationErrors, msg};

const NAME_MAX: usize = 200;
const LINE_MAX: usize = 300;
const TEXT_MAX: usize = 4_000;

/// One budget line as typed in: the amount in euro as Dutch users write it; the organisation's
/// code empty for the national budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BudgetLineInput {
    pub year: String,
    pub funding: String,
    pub amount: String,
    pub organisation: String,
    pub source: String,
}

/// A task as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TaskInput {
    pub name: String,
    pub law: String,
    pub bwb_id: String,
    pub article: String,
    pub lid: String,
    pub layer: String,
    pub body: String,
    pub ministry: String,
    pub freedom: String,
    pub ambition: String,
    pub norm: String,
    pub powers: String,
    pub funding: Vec<String>,
    pub budgets: Vec<BudgetLineInput>,
    pub task_fields: Vec<String>,
    pub risks: String,
    pub cost_steering: String,
    /// Every how many years the money is looked at again; empty when no cycle is set.
    pub recalibration_years: String,
    /// The next recalibration (required with a cycle).
    pub next_recalibration_on: String,
    /// The UDO dossiers by id (whole numbers).
    pub udo_dossiers: Vec<String>,
    pub source: String,
}

impl TaskInput {
    /// The input as it is kept: every text trimmed, and blank budget rows, task fields and
    /// dossier numbers left out (a form sends its spare rows empty), so that saving a task
    /// unchanged stores the same input and its history records no change.
    pub fn normalised(&self) -> TaskInput {
        let trim = |s: &String| s.trim().to_owned();
        let list = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .map(|i| i.trim().to_owned())
                .filter(|i| !i.is_empty())
                .collect()
        };
        TaskInput {
            name: trim(&self.name),
            law: trim(&self.law),
            bwb_id: trim(&self.bwb_id),
            article: trim(&self.article),
            lid: trim(&self.lid),
            layer: trim(&self.layer),
            body: trim(&self.body),
            ministry: trim(&self.ministry),
            freedom: trim(&self.freedom),
            ambition: trim(&self.ambition),
            norm: trim(&self.norm),
            powers: trim(&self.powers),
            funding: list(&self.funding),
            budgets: self
                .budgets
                .iter()
                .filter(|b| !b.is_blank())
                .map(|b| BudgetLineInput {
                    year: trim(&b.year),
                    funding: trim(&b.funding),
                    amount: trim(&b.amount),
                    organisation: trim(&b.organisation),
                    source: trim(&b.source),
                })
                .collect(),
            task_fields: list(&self.task_fields),
            risks: trim(&self.risks),
            cost_steering: trim(&self.cost_steering),
            recalibration_years: trim(&self.recalibration_years),
            next_recalibration_on: trim(&self.next_recalibration_on),
            udo_dossiers: list(&self.udo_dossiers),
            source: trim(&self.source),
        }
    }

    /// The task, or every wrong field named. Task fields are checked against `catalogue`
    /// (known codes); ministries, organisations and dossiers are checked against stored data by
    /// the use case.
    pub fn parse(&self, catalogue: &iv3::Catalogue) -> Result<Task, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let name = e
            .collect(parse_line("name", &self.name, NAME_MAX, true))
            .flatten();
        let basis = self.basis(&mut e);
        let layer = e.collect(GovernmentLayer::parse_field("layer", &self.layer));
        let body = e.collect(ResponsibleBody::parse_field("body", &self.body));
        let ministry = e.collect(OrgCode::parse_field("ministry", &self.ministry));
        let freedom = e.collect(PolicyFreedom::parse_field("freedom", &self.freedom));
        let ambition = e
            .collect(parse_paragraphs("ambition", &self.ambition, TEXT_MAX, false))
            .flatten();
        let norm = e
            .collect(parse_paragraphs("norm", &self.norm, TEXT_MAX, false))
            .flatten();
        let powers = e
            .collect(parse_paragraphs("powers", &self.powers, TEXT_MAX, true))
            .flatten();
        let funding = self.funding(&mut e);
        let budgets = self.budgets(&mut e, &funding);
        let task_fields = self.task_fields(&mut e, catalogue);
        let risks = e
            .collect(parse_paragraphs("risks", &self.risks, TEXT_MAX, false))
            .flatten();
        let cost_steering = e
            .collect(parse_paragraphs(
                "cost_steering",
                &self.cost_steering,
                TEXT_MAX,
                false,
            ))
            .flatten();
        let recalibration = self.recalibration(&mut e);
        let udo_dossiers = self.udo_dossiers(&mut e);
        let source = e
            .collect(parse_paragraphs("source", &self.source, TEXT_MAX, true))
            .flatten();
        match (
            name,
            basis,
            layer,
            body,
            ministry,
            freedom,
            powers,
            source,
            recalibration,
        ) {
            (
                Some(name),
                Some(basis),
                Some(layer),
                Some(body),
                Some(ministry),
                Some(freedom),
                Some(powers),
                Some(source),
                Some(recalibration),
            ) if e.is_empty() => Ok(Task {
                name,
                basis,
                layer,
                body,
                ministry,
                freedom,
                ambition,
                norm,
                powers,
                funding,
                budgets,
                task_fields,
                risks,
                cost_steering,
                recalibration,
                udo_dossiers,
                source,
            }),
            _ => Err(e),
        }
    }

    fn basis(&self, e: &mut ValidationErrors) -> Option<LegalBasis> {
        let law = e.collect(parse_line("law", &self.law, LINE_MAX, true)).flatten();
        let bwb_id = e.collect(crate::rules::parse_bwb_id("bwb_id", &self.bwb_id));
        let article = e
            .collect(parse_line("article", &self.article, 40, true))
            .flatten()
            .filter(|a| article_ok(e, "article", a));
        let lid = e
            .collect(parse_line("lid", &self.lid, 20, false))
            .flatten()
            .filter(|l| article_ok(e, "lid", l));
        Some(LegalBasis {
            law: law?,
            bwb_id: bwb_id?,
            article: article?,
            lid,
        })
    }

    fn funding(&self, e: &mut ValidationErrors) -> Vec<FundingMethod> {
        let mut chosen = Vec::new();
        for (i, key) in self.funding.iter().enumerate() {
            if key.trim().is_empty() {
                continue;
            }
            if let Some(method) = e.collect(FundingMethod::parse_field(&format!("funding[{i}]"), key))
                && !chosen.contains(&method)
            {
                chosen.push(method);
            }
        }
        chosen.sort_by_key(|m| FundingMethod::ALL.iter().position(|a| a == m));
        if chosen.len() > 1 && chosen.contains(&FundingMethod::Geen) {
            e.add(
                "funding",
                "none_with_others",
                msg!(
                    "error-medebewind-funding-none",
                    "'Geen bekostiging' gaat niet samen met een andere bekostigingswijze."
                ),
            );
        }
        chosen
    }

    fn budgets(&self, e: &mut ValidationErrors, funding: &[FundingMethod]) -> Vec<BudgetLine> {
        let mut lines: Vec<BudgetLine> = Vec::new();
        for (i, input) in self.budgets.iter().enumerate() {
            if input.is_blank() {
                continue;
            }
            let Some(line) = e.collect(input.parse(&format!("budgets[{i}]"))) else {
                continue;
            };
            if !funding.contains(&line.funding) {
                e.add(
                    format!("budgets[{i}].funding"),
                    "funding_not_chosen",
                    msg!(
                        "error-medebewind-budget-funding",
                        "Deze bekostigingswijze staat niet bij de taak; kies haar ook onder bekostiging."
                    ),
                );
            }
            let same = |l: &BudgetLine| {
                l.year == line.year && l.funding == line.funding && l.organisation == line.organisation
            };
            if lines.iter().any(same) {
                e.add(
                    format!("budgets[{i}].year"),
                    "duplicate",
                    msg!(
                        "error-medebewind-budget-duplicate",
                        "Voor dit jaar, deze bekostigingswijze en deze organisatie staat al een bedrag."
                    ),
                );
            }
            lines.push(line);
        }
        lines.sort_by(|a, b| {
            (a.year, a.organisation.as_ref().map(OrgCode::as_str))
                .cmp(&(b.year, b.organisation.as_ref().map(OrgCode::as_str)))
        });
        lines
    }

    fn task_fields(&self, e: &mut ValidationErrors, catalogue: &iv3::Catalogue) -> Vec<TaskFieldCode> {
        let mut codes: Vec<TaskFieldCode> = Vec::new();
        for (i, raw) in self.task_fields.iter().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let field = format!("task_fields[{i}]");
            let Some(code) = e.collect(TaskFieldCode::parse(&field, raw)) else {
                continue;
            };
            if e.collect(catalogue.check_known(&field, &code)).is_some() && !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes
    }

    /// `Some(None)` without a cycle, `Some(Some(_))` with a valid one, `None` when wrong.
    fn recalibration(&self, e: &mut ValidationErrors) -> Option<Option<Recalibration>> {
        let next_on = e.collect(parse_date("next_recalibration_on", &self.next_recalibration_on));
        let years = self.recalibration_years.trim();
        let Some(next_on) = next_on else {
            if !years.is_empty() && !years.parse::<u8>().is_ok_and(|n| (1..=10).contains(&n)) {
                e.add(
                    "recalibration_years",
                    "out_of_range",
                    msg!(
                        "error-medebewind-recalibration-range",
                        "Vul een heel getal van 1 tot en met 10 in."
                    ),
                );
            }
            return None;
        };
        if years.is_empty() {
            if next_on.is_some() {
                e.add(
                    "recalibration_years",
                    "required",
                    msg!(
                        "error-medebewind-recalibration-years",
                        "Vul in om de hoeveel jaar de bekostiging opnieuw wordt bekeken."
                    ),
                );
                return None;
            }
            return Some(None);
        }
        let every_years = match years.parse::<u8>() {
            Ok(n) if (1..=10).contains(&n) => n,
            _ => {
                e.add(
                    "recalibration_years",
                    "out_of_range",
                    msg!(
                        "error-medebewind-recalibration-range",
                        "Vul een heel getal van 1 tot en met 10 in."
                    ),
                );
                return None;
            }
        };
        let Some(next_on) = next_on else {
            e.add(
                "next_recalibration_on",
                "required",
                msg!(
                    "error-medebewind-recalibration-next",
                    "Vul de datum van de volgende herijking in."
                ),
            );
            return None;
        };
        Some(Some(Recalibration { every_years, next_on }))
    }

    fn udo_dossiers(&self, e: &mut ValidationErrors) -> Vec<i64> {
        let mut ids = Vec::new();
        for (i, raw) in self.udo_dossiers.iter().enumerate() {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<i64>() {
                Ok(id) if id > 0 => {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                _ => e.add(
                    format!("udo_dossiers[{i}]"),
                    "invalid_id",
                    msg!(
                        "error-medebewind-dossier-id",
                        "'{value}' is geen nummer van een UDO-dossier.",
                        value = raw
                    ),
                ),
            }
        }
        ids
    }
}

impl BudgetLineInput {
    fn is_blank(&self) -> bool {
        [
            &self.year,
            &self.funding,
            &self.amount,
            &self.organisation,
            &self.source,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    fn parse(&self, row: &str) -> Result<BudgetLine, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let field = |name: &str| format!("{row}.{name}");
        let year = e.collect(parse_year(&field("year"), &self.year));
        let funding = e.collect(FundingMethod::parse_field(&field("funding"), &self.funding));
        let amount = e.collect(Cents::parse_euro(&field("amount"), &self.amount));
        let organisation = match self.organisation.trim() {
            "" => Some(None),
            raw => e
                .collect(OrgCode::parse_field(&field("organisation"), raw))
                .map(Some),
        };
        let source = e
            .collect(parse_line(&field("source"), &self.source, LINE_MAX, true))
            .flatten();
        match (year, funding, amount, organisation, source) {
            (Some(year), Some(funding), Some(amount), Some(organisation), Some(source)) if e.is_empty() => {
                Ok(BudgetLine {
                    year,
                    funding,
                    amount,
                    organisation,
                    source,
                })
            }
            _ => Err(e),
        }
    }
}

/// An article or lid as laws number them: letters, digits, dots, colons and spaces (`7`,
/// `2.1.1`, `J 4`, `4a`); anything else is refused, naming `field`.
fn article_ok(e: &mut ValidationErrors, field: &str, value: &str) -> bool {
    let ok = value
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | ':' | ' '));
    if !ok {
        e.add(
            field,
            "invalid_article",
            msg!(
                "error-medebewind-article",
                "Schrijf het nummer zoals de wet het noemt, bijvoorbeeld 7, 2.1.1 of J 4."
            ),
        );
    }
    ok
}
