//! The task-allocation advice on the dossier page and its fields in the dossier form
//! (issue 14, item 6). The page shows each option with its verdict, reason and source, the
//! advice, the division's congruence figure and the smallest province as the app computes them,
//! and the ROB's six principles as a checklist. The form's field names are the names the parse
//! gives its errors (`allocation.need_inhabitants`, `allocation.principles.<key>.note`).

use std::collections::BTreeMap;

use samenspel_app::udo::{UdoAllocationView, allocation_divisions};
use samenspel_domain::rules::Outcome;
use samenspel_domain::udo::allocation::principles::{PrincipleAnswerInput, ROB_PRINCIPLES};
use samenspel_domain::udo::allocation::{AllocationInput, AllocationLayer, PolicyFreedom, ScaleNeed};

use crate::i18n::Lang;
use crate::ui::collaborations::{Labelled, labelled};
use crate::ui::form::{FormState, get};
use crate::ui::money::outcome_label;

/// One option of the advice as the page shows it.
pub struct OptionRow {
    pub layer: String,
    pub outcome: String,
    pub failed: bool,
    pub explanation: String,
    pub source: String,
    pub advised: bool,
    pub chosen: bool,
}

/// One principle of the checklist.
pub struct PrincipleLine {
    /// The letter's words (Dutch).
    pub text: String,
    pub answer: String,
    pub open: bool,
    pub note: String,
    pub suggestion: String,
}

/// The allocation section of the dossier page; `None` inside when the dossier has no part.
#[derive(Default)]
pub struct AllocationSection {
    pub present: bool,
    pub options: Vec<OptionRow>,
    pub advice: String,
    pub choice: String,
    pub justification: String,
    pub facts: Vec<(String, String)>,
    pub principles: Vec<PrincipleLine>,
    pub principles_open: String,
    pub principles_source: String,
}

/// `1234567` as `1.234.567` (Dutch) or `1,234,567` (English).
fn grouped(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = if lang == Lang::En { ',' } else { '.' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The section for the dossier's advice.
pub fn section(lang: Lang, view: Option<&UdoAllocationView>) -> AllocationSection {
    let Some(v) = view else {
        return AllocationSection::default();
    };
    let layer = |l: AllocationLayer| lang.t(l.message_id());
    let mut facts = vec![
        (
            lang.t("udo-allocation-need"),
            match v.need_scale {
                ScaleNeed::Inhabitants(n) => lang.t_with(
                    "udo-allocation-need-inhabitants-value",
                    &[("count", &grouped(lang, n))],
                ),
                ScaleNeed::Municipalities(n) => lang.t_with(
                    "udo-allocation-need-municipalities-value",
                    &[("count", &n.to_string())],
                ),
            },
        ),
        (
            lang.t("udo-allocation-province"),
            lang.t_with(
                "udo-allocation-province-value",
                &[
                    (
                        "inhabitants",
                        &grouped(lang, v.province_scale.smallest_inhabitants),
                    ),
                    (
                        "municipalities",
                        &v.province_scale.smallest_municipalities.to_string(),
                    ),
                ],
            ),
        ),
    ];
    facts.push((
        lang.t("udo-allocation-division-fact"),
        match &v.division {
            Some(d) => {
                let coinciding = (d.coinciding_share * f64::from(d.regions)).round().to_string();
                let mut text = lang.t_with(
                    "udo-allocation-division-value",
                    &[
                        ("name", &d.name),
                        ("regions", &d.regions.to_string()),
                        ("coinciding", &coinciding),
                        ("percent", &d.percent().to_string()),
                    ],
                );
                if !v.coinciding_with.is_empty() {
                    text.push_str(&lang.t_with(
                        "udo-allocation-division-with",
                        &[("divisions", &v.coinciding_with.join(", "))],
                    ));
                }
                text
            }
            None => lang.t("udo-allocation-division-none"),
        },
    ));
    AllocationSection {
        present: true,
        options: v
            .options
            .iter()
            .map(|o| OptionRow {
                layer: layer(o.layer),
                outcome: outcome_label(lang, o.check.outcome),
                failed: o.check.outcome == Outcome::VoldoetNiet,
                explanation: lang.msg(&o.check.explanation),
                source: lang.msg(&o.check.source),
                advised: v.advice == Some(o.layer),
                chosen: v.choice == Some(o.layer),
            })
            .collect(),
        advice: v.advice.map_or_else(
            || lang.t("udo-allocation-advice-none"),
            |l| lang.t_with("udo-allocation-advice", &[("layer", &layer(l))]),
        ),
        choice: v.choice.map(layer).unwrap_or_default(),
        justification: v.justification.clone().unwrap_or_default(),
        facts,
        principles: v
            .principles
            .iter()
            .map(|p| PrincipleLine {
                text: p.text.to_owned(),
                answer: lang.t(match p.met {
                    Some(true) => "udo-allocation-principle-met",
                    Some(false) => "udo-allocation-principle-not-met",
                    None => "udo-allocation-principle-open",
                }),
                open: p.met.is_none(),
                note: p.note.clone().unwrap_or_default(),
                suggestion: p.suggestion.as_ref().map(|m| lang.msg(m)).unwrap_or_default(),
            })
            .collect(),
        principles_open: lang.t_with(
            "udo-allocation-principles-open",
            &[
                ("open", &v.principles_open.to_string()),
                ("total", &v.principles.len().to_string()),
            ],
        ),
        principles_source: lang.msg(&v.principles_source),
    }
}

/// The principle's fields on the form.
pub struct PrincipleField {
    pub text: &'static str,
    pub met: String,
    pub note: String,
}

/// The choices the allocation fields of the form offer.
pub struct AllocationFields {
    pub freedoms: Vec<Labelled>,
    pub yes_no: Vec<Labelled>,
    pub divisions: Vec<Labelled>,
    pub layers: Vec<Labelled>,
    pub principles: Vec<PrincipleField>,
}

fn met_field(key: &str) -> String {
    format!("allocation.principles.{key}.met")
}

fn note_field(key: &str) -> String {
    format!("allocation.principles.{key}.note")
}

pub fn fields(lang: Lang) -> AllocationFields {
    let none = |_: &str| false;
    AllocationFields {
        freedoms: labelled(
            lang,
            PolicyFreedom::ALL,
            PolicyFreedom::key,
            PolicyFreedom::message_id,
            none,
        ),
        yes_no: vec![
            Labelled {
                key: "ja",
                label: lang.t("udo-allocation-yes"),
                selected: false,
            },
            Labelled {
                key: "nee",
                label: lang.t("udo-allocation-no"),
                selected: false,
            },
        ],
        divisions: allocation_divisions()
            .unwrap_or_default()
            .into_iter()
            .map(|(key, name)| Labelled {
                key,
                label: name.to_owned(),
                selected: false,
            })
            .collect(),
        layers: labelled(
            lang,
            AllocationLayer::ALL,
            AllocationLayer::key,
            AllocationLayer::message_id,
            none,
        ),
        principles: ROB_PRINCIPLES
            .iter()
            .map(|p| PrincipleField {
                text: p.text,
                met: met_field(p.key),
                note: note_field(p.key),
            })
            .collect(),
    }
}

const TEXTS: [&str; 7] = [
    "policy_freedom",
    "municipalities_alone",
    "need_inhabitants",
    "need_municipalities",
    "division",
    "choice",
    "justification",
];

fn text_of<'a>(a: &'a AllocationInput, name: &str) -> &'a str {
    match name {
        "policy_freedom" => &a.policy_freedom,
        "municipalities_alone" => &a.municipalities_alone,
        "need_inhabitants" => &a.need_inhabitants,
        "need_municipalities" => &a.need_municipalities,
        "division" => &a.division,
        "choice" => &a.choice,
        _ => &a.justification,
    }
}

/// Fills the form's allocation fields.
pub fn fill(form: &mut FormState, input: Option<&AllocationInput>) {
    let Some(a) = input else {
        return;
    };
    for name in TEXTS {
        form.set(&format!("allocation.{name}"), text_of(a, name));
    }
    for (key, answer) in &a.principles {
        form.set(&met_field(key), answer.met.clone());
        form.set(&note_field(key), answer.note.clone());
    }
}

/// The allocation part the form sent; `None` when every field is empty.
pub fn read(pairs: &[(String, String)]) -> Option<AllocationInput> {
    let text = |name: &str| get(pairs, &format!("allocation.{name}")).to_owned();
    let mut principles = BTreeMap::new();
    for p in &ROB_PRINCIPLES {
        let answer = PrincipleAnswerInput {
            met: get(pairs, &met_field(p.key)).to_owned(),
            note: get(pairs, &note_field(p.key)).to_owned(),
        };
        if !answer.met.trim().is_empty() || !answer.note.trim().is_empty() {
            principles.insert(p.key.to_owned(), answer);
        }
    }
    let input = AllocationInput {
        policy_freedom: text("policy_freedom"),
        municipalities_alone: text("municipalities_alone"),
        need_inhabitants: text("need_inhabitants"),
        need_municipalities: text("need_municipalities"),
        division: text("division"),
        choice: text("choice"),
        justification: text("justification"),
        principles,
    };
    let blank = TEXTS.iter().all(|n| text_of(&input, n).trim().is_empty()) && input.principles.is_empty();
    (!blank).then_some(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_go_both_ways() {
        let pairs: Vec<(String, String)> = [
            ("allocation.policy_freedom", "wenselijk"),
            ("allocation.municipalities_alone", "nee"),
            ("allocation.need_municipalities", "4"),
            ("allocation.division", "jeugdzorgregio"),
            ("allocation.principles.inhoud-centraal.met", "ja"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let input = read(&pairs).unwrap();
        assert_eq!(input.division, "jeugdzorgregio");
        assert_eq!(input.principles.len(), 1);
        let mut form = FormState::default();
        fill(&mut form, Some(&input));
        assert_eq!(form.value("allocation.need_municipalities"), "4");
        assert_eq!(form.value("allocation.principles.inhoud-centraal.met"), "ja");
        assert!(read(&[]).is_none());
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(grouped(Lang::Nl, 1_234_567), "1.234.567");
        assert_eq!(grouped(Lang::En, 391_000), "391,000");
        assert_eq!(grouped(Lang::Nl, 12), "12");
    }
}
