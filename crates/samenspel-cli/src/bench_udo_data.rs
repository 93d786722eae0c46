//! The dossiers of `samenspel bench udo-dashboard`: seeded, shaped like the demonstration's law
//! (koepels, aspects, BZK's advice, a financial paragraph per affected layer, a consultation
//! plan of two months), varied in layers, amounts, co-signing and how far each got: from a
//! concept to an evaluated law, with every outcome of the toets, and some held in the toets
//! because their financial paragraph is missing.

use chrono::{Datelike, Days, Months, NaiveDate};
use samenspel_domain::org::OrgCode;
use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::StepInput;
use serde_json::{Value, json};

/// A small seeded generator (xorshift64*): the same seed gives the same dossiers everywhere.
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Self {
        Seeded(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// How far a dossier gets: the number of steps (0 = concept … 7 = evaluated), the outcome of
/// the toets and the consultation's first day.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    steps: usize,
    outcome: &'static str,
    consultation_opens: NaiveDate,
}

/// Steps reached, per 100 dossiers: concept 8, verkenning 12, toets 15, uitkomst 15,
/// consultatie 15, vastgesteld 10, in werking 20, evaluatie 5.
const REACHED: [(usize, u64); 8] = [
    (0, 8),
    (1, 12),
    (2, 15),
    (3, 15),
    (4, 15),
    (5, 10),
    (6, 20),
    (7, 5),
];

const LAYERS: [(&[&str], &[&str], &[&str]); 3] = [
    (&["gemeenten"], &["vng"], &["fvw-2", "gemeentewet-108-3"]),
    (
        &["gemeenten", "provincies"],
        &["vng", "ipo"],
        &["fvw-2", "gemeentewet-108-3", "provinciewet-105-3"],
    ),
    (&["provincies"], &["ipo"], &["fvw-2", "provinciewet-105-3"]),
];

fn day(from: NaiveDate, days: u64) -> NaiveDate {
    from.checked_add_days(Days::new(days)).unwrap_or(from)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Euros as the form takes them: `42.000.000`.
fn euros(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Dossier `n` of `ministry`, opened on `opened`, and how far it is to get.
pub fn dossier(
    rng: &mut Seeded,
    n: u32,
    ministry: &OrgCode,
    opened: NaiveDate,
) -> serde_json::Result<(DossierInput, Plan)> {
    let mut pick = rng.below(100);
    let steps = REACHED
        .iter()
        .find(|(_, share)| {
            if pick < *share {
                true
            } else {
                pick -= share;
                false
            }
        })
        .map_or(0, |(s, _)| *s);
    let outcome = match (steps, rng.below(100)) {
        (3, 0..=24) => "niet-uitvoerbaar",
        (_, 0..=54) => "uitvoerbaar",
        _ => "uitvoerbaar-onder-voorwaarden",
    };
    let plan = Plan {
        steps,
        outcome,
        consultation_opens: day(opened, 86),
    };
    let (layers, koepels, articles) = LAYERS[rng.below(3) as usize];
    // Held in the toets: half of those that stop there have no financial paragraph yet.
    let financial = !(steps == 2 && rng.below(2) == 0);
    let structural = 500_000 + rng.below(60) * 1_000_000;
    let year = opened.year() + 1;
    let rows: Vec<Value> = layers
        .iter()
        .flat_map(|layer| {
            [year, year + 1].map(|y| {
                json!({"layer": layer, "year": y.to_string(), "structural": euros(structural),
                    "incidental": euros(if y == year { structural / 5 } else { 0 }),
                    "reasoning": "Raming per uitvoerende overheid.", "source": "Kostenraming (benchmark)"})
            })
        })
        .collect();
    let closes = plan
        .consultation_opens
        .checked_add_months(Months::new(2))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .unwrap_or(plan.consultation_opens);
    let form = ["wet", "amvb", "beleid"][rng.below(3) as usize];
    let scope = ["uitgebreid", "beperkt"][rng.below(2) as usize];
    let phase = if steps >= 5 {
        "aangenomen"
    } else {
        "in-voorbereiding"
    };
    let asked: Vec<Value> = koepels
        .iter()
        .map(|k| json!({"koepel": k, "asked_on": iso(day(opened, 7)), "judgement": "Uitvoerbaar als de middelen meegaan."}))
        .collect();
    let plan_obligations = rng.below(2) == 0;
    let mandatory_cooperation = rng.below(10) < 3;
    let affected = ["12", "40", "120", "354"][rng.below(4) as usize];
    let mut content = json!({
        "ministry": ministry.as_str(),
        "title": format!("Voorstel {n} (benchmark)"),
        "summary": "Een gegenereerd beleidsvoornemen voor de benchmark van het dashboard.",
        "form": form,
        "layers": layers,
        "scope": scope,
        "scope_reason": "Een nieuwe taak voor de uitvoerende overheden.",
        "phase": phase,
        "koepels": asked,
        "aspects": {
            "tasks": "Een nieuwe taak uitvoeren en verantwoorden.",
            "policy_freedom": "dwingend", "powers": "Besluiten in de eigen regio.",
            "execution_capacity": "Enkele fte per overheid.",
            "information_burden": "Jaarlijkse verantwoording via de jaarrekening.",
            "supervision": "Interbestuurlijk toezicht.",
            "medebewind": true, "plan_or_report_obligations": plan_obligations,
            "compensation": "Via de algemene uitkering.",
            "mandatory_cooperation": mandatory_cooperation,
            "allocation_reason": "De taak vraagt kennis van de eigen regio.",
            "governments_affected": affected
        },
        "bzk_advice": [
            {"moment": "ambtelijk-voorportaal", "given_on": iso(day(opened, 28)), "advice": "Kosten per laag kwantificeren."},
            {"moment": "onderraad", "given_on": iso(day(opened, 63)), "advice": "Akkoord."}
        ],
        "financial_consequences_expected": true,
        "consultation": {
            "co_governments_opens": iso(plan.consultation_opens), "co_governments_closes": iso(closes),
            "internet_opens": iso(plan.consultation_opens), "internet_closes": iso(day(plan.consultation_opens, 42))
        }
    });
    if financial {
        content["financial"] = json!({
            "rows": rows, "articles": articles, "funding": "algemene-uitkering",
            "consulted_bzk_on": iso(day(opened, 42)), "consulted_financien_on": iso(day(opened, 44))
        });
    }
    Ok((serde_json::from_value(content)?, plan))
}

/// The steps of `plan`, each with the day it is taken.
pub fn steps(rng: &mut Seeded, opened: NaiveDate, plan: Plan) -> Vec<(NaiveDate, StepInput)> {
    let closes = plan
        .consultation_opens
        .checked_add_months(Months::new(2))
        .unwrap_or(plan.consultation_opens);
    let adopted = day(closes, 30 + rng.below(60));
    let in_force = day(adopted, 60 + rng.below(120));
    let evaluated = day(in_force, 365 + rng.below(60));
    let conditions: Vec<&str> = if plan.outcome == "uitvoerbaar-onder-voorwaarden" {
        vec!["De middelen gaan structureel mee."]
    } else {
        Vec::new()
    };
    let all = [
        (day(opened, 3), json!({"event": "start-verkenning"})),
        (day(opened, 20), json!({"event": "start-toets"})),
        (
            day(opened, 50),
            json!({"event": "record-outcome", "outcome": {"outcome": plan.outcome, "conditions": conditions}}),
        ),
        (plan.consultation_opens, json!({"event": "open-consultation"})),
        (adopted, json!({"event": "adopt", "on": iso(adopted)})),
        (
            in_force,
            json!({"event": "enter-into-force", "on": iso(in_force)}),
        ),
        (evaluated, json!({"event": "evaluate", "on": iso(evaluated)})),
    ];
    all.into_iter()
        .take(plan.steps)
        .filter_map(|(on, step)| Some((on, serde_json::from_value(step).ok()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(euros(500_000), "500.000");
        assert_eq!(euros(42_000_000), "42.000.000");
        assert_eq!(euros(0), "0");
    }

    #[test]
    fn every_generated_dossier_parses_and_its_steps_follow_each_other() {
        let mut rng = Seeded::new(7);
        let ministry = OrgCode::parse("MNRE1034").unwrap();
        let opened = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        for n in 0..200 {
            let (input, plan) = dossier(&mut rng, n, &ministry, opened).unwrap();
            input.parse().unwrap();
            let steps = steps(&mut rng, opened, plan);
            assert_eq!(steps.len(), plan.steps);
            assert!(steps.windows(2).all(|w| w[0].0 < w[1].0));
            for (_, step) in &steps {
                step.parse().unwrap();
            }
        }
    }
}
