//! The dossier form's fields and [`DossierInput`], both ways. Field names are the names the
//! parse gives its errors (`koepels[1].asked_on`, `financial.rows[0].structural`), so each
//! message lands beside its field. Rows left empty (a koepel not asked, a check moment without
//! advice, a spare row of the financial paragraph) are not sent to the parse; the errors of the
//! rows that are sent are numbered back to the row of the form.

use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::dossier::{
    AspectsInput, BzkAdviceInput, CheckMoment, ConsultationInput, DossierInput, Koepel, KoepelInput,
    KompasPartInput,
};
use samenspel_domain::udo::financial::{FinancialInput, FinancialRowInput};

use crate::ui::form::{FormState, get, get_all};

/// Empty rows of the financial paragraph offered below the recorded ones.
pub const SPARE_MONEY_ROWS: usize = 3;
/// The most rows of the financial paragraph read from a form.
const MAX_MONEY_ROWS: usize = 200;

/// One question the form asks for the Beleidskompas (or an older framework), by its slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KompasSlot {
    pub framework: String,
    pub version: String,
    pub question: String,
}

/// The questions of the form: the latest Beleidskompas, then the answers the dossier has to
/// other sets (the IAK), so nothing recorded is lost by a save.
pub fn kompas_slots(input: &DossierInput) -> Vec<KompasSlot> {
    use samenspel_domain::udo::kompas::{Framework, latest};
    let mut slots: Vec<KompasSlot> = latest(Framework::Beleidskompas)
        .map(|set| {
            set.questions
                .iter()
                .map(|q| KompasSlot {
                    framework: set.framework.key().to_owned(),
                    version: set.version.to_string(),
                    question: q.key.to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    for part in &input.kompas {
        let slot = KompasSlot {
            framework: part.framework.clone(),
            version: part.version.clone(),
            question: part.question.clone(),
        };
        if !slots.contains(&slot) {
            slots.push(slot);
        }
    }
    slots
}

fn kompas_field(i: usize, name: &str) -> String {
    format!("kompas[{i}].{name}")
}

fn koepel_field(i: usize, name: &str) -> String {
    format!("koepels[{i}].{name}")
}

fn advice_field(i: usize, name: &str) -> String {
    format!("bzk_advice[{i}].{name}")
}

fn money_field(i: usize, name: &str) -> String {
    format!("financial.rows[{i}].{name}")
}

const ASPECT_TEXTS: [&str; 9] = [
    "tasks",
    "powers",
    "execution_capacity",
    "information_burden",
    "supervision",
    "compensation",
    "allocation_reason",
    "deviation_from_principles",
    "governments_affected",
];
const ASPECT_FLAGS: [&str; 3] = [
    "medebewind",
    "plan_or_report_obligations",
    "mandatory_cooperation",
];
const CONSULTATION_DATES: [&str; 4] = [
    "co_governments_opens",
    "co_governments_closes",
    "internet_opens",
    "internet_closes",
];
const MONEY_FIELDS: [&str; 6] = ["layer", "year", "structural", "incidental", "reasoning", "source"];

fn aspect_text<'a>(a: &'a AspectsInput, name: &str) -> &'a str {
    match name {
        "tasks" => &a.tasks,
        "powers" => &a.powers,
        "execution_capacity" => &a.execution_capacity,
        "information_burden" => &a.information_burden,
        "supervision" => &a.supervision,
        "compensation" => &a.compensation,
        "allocation_reason" => &a.allocation_reason,
        "deviation_from_principles" => &a.deviation_from_principles,
        _ => &a.governments_affected,
    }
}

fn aspect_flag(a: &AspectsInput, name: &str) -> bool {
    match name {
        "medebewind" => a.medebewind,
        "plan_or_report_obligations" => a.plan_or_report_obligations,
        _ => a.mandatory_cooperation,
    }
}

fn consultation_date<'a>(c: &'a ConsultationInput, name: &str) -> &'a str {
    match name {
        "co_governments_opens" => &c.co_governments_opens,
        "co_governments_closes" => &c.co_governments_closes,
        "internet_opens" => &c.internet_opens,
        _ => &c.internet_closes,
    }
}

fn money_value<'a>(r: &'a FinancialRowInput, name: &str) -> &'a str {
    match name {
        "layer" => &r.layer,
        "year" => &r.year,
        "structural" => &r.structural,
        "incidental" => &r.incidental,
        "reasoning" => &r.reasoning,
        _ => &r.source,
    }
}

/// The form filled with `input`; returns it with the number of rows of the financial paragraph
/// to show.
pub fn filled(input: &DossierInput) -> (FormState, usize) {
    let mut form = FormState::default();
    form.set("ministry", input.ministry.clone());
    form.set("title", input.title.clone());
    form.set("summary", input.summary.clone());
    form.set("form", input.form.clone());
    form.set("scope", input.scope.clone());
    form.set("scope_reason", input.scope_reason.clone());
    form.set("phase", input.phase.clone());
    form.set("collaborations", input.collaborations.join(", "));
    for layer in &input.layers {
        form.check("layers", layer.clone());
    }
    if input.financial_consequences_expected {
        form.check("financial_consequences_expected", "ja");
    }
    for (i, slot) in kompas_slots(input).iter().enumerate() {
        let answer = input
            .kompas
            .iter()
            .find(|p| {
                p.framework == slot.framework && p.version == slot.version && p.question == slot.question
            })
            .map(|p| p.answer.clone())
            .unwrap_or_default();
        form.set(&kompas_field(i, "answer"), answer);
    }
    for name in ASPECT_TEXTS {
        form.set(&format!("aspects.{name}"), aspect_text(&input.aspects, name));
    }
    form.set("aspects.policy_freedom", input.aspects.policy_freedom.clone());
    for name in ASPECT_FLAGS {
        if aspect_flag(&input.aspects, name) {
            form.check(&format!("aspects.{name}"), "ja");
        }
    }
    for k in &input.koepels {
        if let Some(i) = Koepel::ALL.iter().position(|x| x.key() == k.koepel) {
            form.set(&koepel_field(i, "asked_on"), k.asked_on.clone());
            form.set(&koepel_field(i, "judgement"), k.judgement.clone());
        }
    }
    for a in &input.bzk_advice {
        if let Some(i) = CheckMoment::ALL.iter().position(|x| x.key() == a.moment) {
            form.set(&advice_field(i, "given_on"), a.given_on.clone());
            form.set(&advice_field(i, "advice"), a.advice.clone());
        }
    }
    let mut money_rows = SPARE_MONEY_ROWS;
    if let Some(f) = &input.financial {
        for (i, row) in f.rows.iter().enumerate() {
            for name in MONEY_FIELDS {
                form.set(&money_field(i, name), money_value(row, name));
            }
        }
        for article in &f.articles {
            form.check("financial.articles", article.clone());
        }
        form.set("financial.funding", f.funding.clone());
        form.set("financial.consulted_bzk_on", f.consulted_bzk_on.clone());
        form.set(
            "financial.consulted_financien_on",
            f.consulted_financien_on.clone(),
        );
        money_rows += f.rows.len();
    }
    if let Some(c) = &input.consultation {
        for name in CONSULTATION_DATES {
            form.set(&format!("consultation.{name}"), consultation_date(c, name));
        }
    }
    super::allocation::fill(&mut form, input.allocation.as_ref());
    (form, money_rows)
}

/// What the form sent, as the input the use cases take, with the form row of each koepel,
/// advice and money row that was sent (to number its errors back).
pub struct Submitted {
    pub input: DossierInput,
    koepel_rows: Vec<usize>,
    advice_rows: Vec<usize>,
    money_rows: Vec<usize>,
}

fn blank(pairs: &[(String, String)], names: &[String]) -> bool {
    names.iter().all(|n| get(pairs, n).trim().is_empty())
}

fn ticked(pairs: &[(String, String)], name: &str) -> bool {
    !get(pairs, name).is_empty()
}

/// Reads the form.
pub fn from_form(pairs: &[(String, String)]) -> Submitted {
    let text = |name: &str| get(pairs, name).to_owned();
    let mut submitted = Submitted {
        input: DossierInput::default(),
        koepel_rows: Vec::new(),
        advice_rows: Vec::new(),
        money_rows: Vec::new(),
    };
    let mut input = DossierInput {
        ministry: text("ministry"),
        title: text("title"),
        summary: text("summary"),
        form: text("form"),
        layers: get_all(pairs, "layers"),
        scope: text("scope"),
        scope_reason: text("scope_reason"),
        phase: text("phase"),
        collaborations: get(pairs, "collaborations")
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        financial_consequences_expected: ticked(pairs, "financial_consequences_expected"),
        ..DossierInput::default()
    };
    for i in 0.. {
        if !pairs.iter().any(|(k, _)| k == &kompas_field(i, "question")) {
            break;
        }
        input.kompas.push(KompasPartInput {
            framework: text(&kompas_field(i, "framework")),
            version: text(&kompas_field(i, "version")),
            question: text(&kompas_field(i, "question")),
            answer: text(&kompas_field(i, "answer")),
        });
    }
    let a = |name: &str| text(&format!("aspects.{name}"));
    input.aspects = AspectsInput {
        tasks: a("tasks"),
        policy_freedom: a("policy_freedom"),
        powers: a("powers"),
        execution_capacity: a("execution_capacity"),
        information_burden: a("information_burden"),
        supervision: a("supervision"),
        medebewind: ticked(pairs, "aspects.medebewind"),
        plan_or_report_obligations: ticked(pairs, "aspects.plan_or_report_obligations"),
        compensation: a("compensation"),
        mandatory_cooperation: ticked(pairs, "aspects.mandatory_cooperation"),
        allocation_reason: a("allocation_reason"),
        deviation_from_principles: a("deviation_from_principles"),
        governments_affected: a("governments_affected"),
    };
    for (i, koepel) in Koepel::ALL.iter().enumerate() {
        let names = [koepel_field(i, "asked_on"), koepel_field(i, "judgement")];
        if blank(pairs, &names) {
            continue;
        }
        submitted.koepel_rows.push(i);
        input.koepels.push(KoepelInput {
            koepel: koepel.key().to_owned(),
            asked_on: text(&names[0]),
            judgement: text(&names[1]),
        });
    }
    for (i, moment) in CheckMoment::ALL.iter().enumerate() {
        let names = [advice_field(i, "given_on"), advice_field(i, "advice")];
        if blank(pairs, &names) {
            continue;
        }
        submitted.advice_rows.push(i);
        input.bzk_advice.push(BzkAdviceInput {
            moment: moment.key().to_owned(),
            given_on: text(&names[0]),
            advice: text(&names[1]),
        });
    }
    let mut financial = FinancialInput {
        articles: get_all(pairs, "financial.articles"),
        funding: text("financial.funding"),
        consulted_bzk_on: text("financial.consulted_bzk_on"),
        consulted_financien_on: text("financial.consulted_financien_on"),
        ..FinancialInput::default()
    };
    for i in 0..MAX_MONEY_ROWS {
        let names: Vec<String> = MONEY_FIELDS.iter().map(|n| money_field(i, n)).collect();
        if blank(pairs, &names) {
            continue;
        }
        submitted.money_rows.push(i);
        financial.rows.push(FinancialRowInput {
            layer: text(&names[0]),
            year: text(&names[1]),
            structural: text(&names[2]),
            incidental: text(&names[3]),
            reasoning: text(&names[4]),
            source: text(&names[5]),
        });
    }
    let financial_given = !financial.rows.is_empty()
        || !financial.articles.is_empty()
        || !financial.funding.is_empty()
        || !financial.consulted_bzk_on.trim().is_empty()
        || !financial.consulted_financien_on.trim().is_empty();
    input.financial = financial_given.then_some(financial);
    let dates: Vec<String> = CONSULTATION_DATES
        .iter()
        .map(|n| format!("consultation.{n}"))
        .collect();
    if !blank(pairs, &dates) {
        input.consultation = Some(ConsultationInput {
            co_governments_opens: text(&dates[0]),
            co_governments_closes: text(&dates[1]),
            internet_opens: text(&dates[2]),
            internet_closes: text(&dates[3]),
        });
    }
    input.allocation = super::allocation::read(pairs);
    submitted.input = input;
    submitted
}

impl Submitted {
    /// The errors of a refusal with each row numbered as on the form.
    pub fn renumber(&self, mut errors: ValidationErrors) -> ValidationErrors {
        for e in &mut errors.errors {
            e.field = renumbered(&e.field, "koepels[", &self.koepel_rows)
                .or_else(|| renumbered(&e.field, "bzk_advice[", &self.advice_rows))
                .or_else(|| renumbered(&e.field, "financial.rows[", &self.money_rows))
                .unwrap_or_else(|| e.field.clone());
        }
        errors
    }

    /// The rows of the financial paragraph to show again: every row sent, and spare ones.
    pub fn money_rows(&self) -> usize {
        self.money_rows.last().map_or(0, |last| last + 1) + SPARE_MONEY_ROWS
    }
}

/// `prefix[j]…` as `prefix[rows[j]]…`, when `field` starts with `prefix`.
fn renumbered(field: &str, prefix: &str, rows: &[usize]) -> Option<String> {
    let rest = field.strip_prefix(prefix)?;
    let (index, tail) = rest.split_once(']')?;
    let row = rows.get(index.parse::<usize>().ok()?)?;
    Some(format!("{prefix}{row}]{tail}"))
}

#[cfg(test)]
#[path = "form_input_tests.rs"]
mod tests;
