//! The task form's fields and the task input, both ways: a task as form values (to edit it)
//! and the values a browser sends as a task (to save it). The task fields and the UDO
//! dossiers are typed on one line each (`6.3, 6.5`); the budget lines are numbered rows.

use samenspel_domain::medebewind::{BudgetLineInput, TaskInput};

use crate::ui::form::{FormState, get, get_all};

/// How many empty budget rows the form offers beyond the filled ones.
pub const SPARE_BUDGET_ROWS: usize = 3;

/// The one-line fields and what separates their items.
fn items(line: &str) -> Vec<String> {
    line.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The field name of budget row `i`'s `part`.
pub fn budget_field(i: usize, part: &str) -> String {
    format!("budgets[{i}].{part}")
}

const PARTS: [&str; 5] = ["year", "funding", "amount", "organisation", "source"];

/// The task the form's values describe.
pub fn from_form(pairs: &[(String, String)]) -> TaskInput {
    let text = |name: &str| get(pairs, name).to_owned();
    let mut budgets = Vec::new();
    let mut i = 0;
    while PARTS
        .iter()
        .any(|p| pairs.iter().any(|(k, _)| *k == budget_field(i, p)))
    {
        let part = |p: &str| get(pairs, &budget_field(i, p)).to_owned();
        budgets.push(BudgetLineInput {
            year: part("year"),
            funding: part("funding"),
            amount: part("amount"),
            organisation: part("organisation"),
            source: part("source"),
        });
        i += 1;
    }
    TaskInput {
        name: text("name"),
        law: text("law"),
        bwb_id: text("bwb_id"),
        article: text("article"),
        lid: text("lid"),
        layer: text("layer"),
        body: text("body"),
        ministry: text("ministry"),
        freedom: text("freedom"),
        ambition: text("ambition"),
        norm: text("norm"),
        powers: text("powers"),
        funding: get_all(pairs, "funding"),
        budgets,
        task_fields: items(get(pairs, "task_fields")),
        risks: text("risks"),
        cost_steering: text("cost_steering"),
        recalibration_years: text("recalibration_years"),
        next_recalibration_on: text("next_recalibration_on"),
        udo_dossiers: items(get(pairs, "udo_dossiers")),
        source: text("source"),
    }
}

/// The form filled with `input`, and the number of budget rows to show.
pub fn filled(input: &TaskInput) -> (FormState, usize) {
    let mut form = FormState::default();
    let scalars = [
        ("name", &input.name),
        ("law", &input.law),
        ("bwb_id", &input.bwb_id),
        ("article", &input.article),
        ("lid", &input.lid),
        ("layer", &input.layer),
        ("body", &input.body),
        ("ministry", &input.ministry),
        ("freedom", &input.freedom),
        ("ambition", &input.ambition),
        ("norm", &input.norm),
        ("powers", &input.powers),
        ("risks", &input.risks),
        ("cost_steering", &input.cost_steering),
        ("recalibration_years", &input.recalibration_years),
        ("next_recalibration_on", &input.next_recalibration_on),
        ("source", &input.source),
    ];
    for (name, value) in scalars {
        form.set(name, value.as_str());
    }
    for funding in &input.funding {
        form.check("funding", funding.as_str());
    }
    form.set("task_fields", input.task_fields.join(", "));
    form.set("udo_dossiers", input.udo_dossiers.join(", "));
    for (i, line) in input.budgets.iter().enumerate() {
        let values = [
            &line.year,
            &line.funding,
            &line.amount,
            &line.organisation,
            &line.source,
        ];
        for (part, value) in PARTS.iter().zip(values) {
            form.set(&budget_field(i, part), value.as_str());
        }
    }
    (form, input.budgets.len() + SPARE_BUDGET_ROWS)
}

/// The rows to show for a submitted form: those sent, at least one spare.
pub fn rows_sent(input: &TaskInput) -> usize {
    input.budgets.len().max(1) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_filled_form_sends_back_the_same_task() {
        let input = TaskInput {
            name: "Jeugdhulp".into(),
            funding: vec!["algemene-uitkering".into(), "specifieke-uitkering".into()],
            budgets: vec![BudgetLineInput {
                year: "2024".into(),
                funding: "algemene-uitkering".into(),
                amount: "1.000,00".into(),
                organisation: String::new(),
                source: "Begroting".into(),
            }],
            task_fields: vec!["6.72a".into(), "6.72b".into()],
            udo_dossiers: vec!["3".into()],
            ..TaskInput::default()
        };
        let (form, rows) = filled(&input);
        assert_eq!(rows, 1 + SPARE_BUDGET_ROWS);
        assert_eq!(from_form(&form.as_pairs()), input);
    }

    #[test]
    fn one_line_lists_split_on_commas_and_spaces_and_empty_rows_are_sent_as_empty() {
        let sent = pairs(&[
            ("task_fields", "6.3, 6.5;6.1  0.2"),
            ("udo_dossiers", " 4 ,5"),
            ("budgets[0].year", "2024"),
            ("budgets[1].year", ""),
        ]);
        let input = from_form(&sent);
        assert_eq!(input.task_fields, ["6.3", "6.5", "6.1", "0.2"]);
        assert_eq!(input.udo_dossiers, ["4", "5"]);
        assert_eq!(input.budgets.len(), 2);
        assert_eq!(rows_sent(&input), 3);
    }
}
