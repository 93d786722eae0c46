//! The normenkader interbestuurlijke verhoudingen as a versioned table of rules on
//! [`crate::rules`] (issue 14, item 3). Each rule has its key, its text, its source, its
//! version and the date it holds from, the conditions under which it applies, and a predicate
//! that judges a [`Dossier`] *voldoet*, *voldoet niet* or *niet van toepassing*, with a reason.
//!
//! **The official items of the normenkader are not public.** BZK's normenkader (2023, an
//! update of the Beoordelingskader interbestuurlijke verhoudingen of 2007; seed 002, footnote
//! 32) was not found in the public sources consulted (research/next-capabilities.md, "Open
//! verification list"). This set encodes the articles and procedure texts the issue names, and
//! is marked [`NORMENKADER_VERSION`] "samenspel-2026-1 (onze lezing)" so the official items
//! can replace it row by row: a later version of a key replaces the earlier one (see
//! [`crate::rules::current`]).
//!
//! Each rule also says from which state of the workflow on it must hold ([`GATES`]); the
//! workflow refuses a step into or past that state while the rule *voldoet niet*. Adding a
//! rule is adding a row here and its gate; the workflow code does not change.
//!
//! Art. 114 Gemeentewet, which the issue names for the koepels' judgement, could not be read in
//! the sources available, so it is not cited; the koepel rule cites the Code
//! Interbestuurlijke Verhoudingen (as ROB 2021 annex II quotes it) and Draaiboek nr. 10a, and
//! applies to every proposal that affects a decentral layer (our reading).

use chrono::NaiveDate;

use super::dossier::{Dossier, GovernmentLayer};
use super::workflow::UdoState;
use crate::rules::{Outcome, Rule, RuleCheck, Source, date, evaluate_all};
use crate::{Message, messages::Parts, msg};

mod checks;
pub mod sources;

use checks::*;
pub use checks::{days, meets_co_government_term};

/// The version of this set of rules.
pub const NORMENKADER_VERSION: &str = "samenspel-2026-1 (onze lezing)";

/// The date our reading holds from: the start of the UDO (seed 002's letter, end of 2022).
const FROM: NaiveDate = date(2023, 1, 1);

/// The co-governments' formal consultation lasts at least two months (Code IBV).
pub const CO_GOVERNMENT_TERM_MONTHS: u32 = 2;
/// An internet consultation lasts four to twelve weeks.
pub const INTERNET_TERM_WEEKS: std::ops::RangeInclusive<u64> = 4..=12;

/// The rules, in the order the page shows them.
pub const NORMENKADER: &[Rule<Dossier>] = &[
    Rule {
        key: "financiele-paragraaf-aanwezig",
        text: || {
            msg!(
                "udo-rule-text-paragraph",
                "De toelichting heeft een financiële paragraaf voor de decentrale overheden."
            )
        },
        source: Source::Passage(sources::ar_4_46),
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED, PARAGRAPH_REQUIRED],
        check: paragraph_present,
    },
    Rule {
        key: "financiele-gevolgen-per-laag",
        text: || {
            msg!(
                "udo-rule-text-quantified",
                "De financiële gevolgen zijn per geraakte bestuurslaag becijferd."
            )
        },
        source: sources::FVW_2,
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED, PARAGRAPH_REQUIRED],
        check: every_layer_quantified,
    },
    Rule {
        key: "bekostigingswijze-vermeld",
        text: || {
            msg!(
                "udo-rule-text-funding",
                "De paragraaf noemt de bekostigingswijze."
            )
        },
        source: sources::FVW_2,
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED, PARAGRAPH_REQUIRED],
        check: funding_stated,
    },
    Rule {
        key: "medebewind-kosten-gemeenten",
        text: || {
            msg!(
                "udo-rule-text-medebewind-municipalities",
                "De kosten van medebewind voor gemeenten worden door het Rijk vergoed."
            )
        },
        source: sources::GEMEENTEWET_108_3,
        version: 1,
        valid_from: FROM,
        applies_when: &[MEDEBEWIND, MUNICIPALITIES],
        check: |d| medebewind_covered(d, GovernmentLayer::Gemeenten),
    },
    Rule {
        key: "medebewind-kosten-provincies",
        text: || {
            msg!(
                "udo-rule-text-medebewind-provinces",
                "De kosten van medebewind voor provincies worden door het Rijk vergoed."
            )
        },
        source: sources::PROVINCIEWET_105_3,
        version: 1,
        valid_from: FROM,
        applies_when: &[MEDEBEWIND, PROVINCES],
        check: |d| medebewind_covered(d, GovernmentLayer::Provincies),
    },
    Rule {
        key: "plan-en-verslagverplichtingen-gecompenseerd",
        text: || {
            msg!(
                "udo-rule-text-plan-obligations",
                "Plan- en verslagverplichtingen staan er alleen met de compensatie erbij."
            )
        },
        source: Source::Passage(sources::plan_obligations),
        version: 1,
        valid_from: FROM,
        applies_when: &[PLAN_OBLIGATIONS],
        check: compensation_stated,
    },
    Rule {
        key: "oordeel-koepels-gevraagd",
        text: || {
            msg!(
                "udo-rule-text-koepels",
                "Het oordeel van de koepels van de geraakte bestuurslagen is gevraagd."
            )
        },
        source: Source::Passage(sources::koepels),
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED],
        check: koepels_asked,
    },
    Rule {
        key: "bzk-geraadpleegd-voor-ministerraad",
        text: || msg!("udo-rule-text-bzk", "BZK is vóór de ministerraad geraadpleegd."),
        source: Source::Passage(sources::bzk),
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED],
        check: bzk_before_ministerraad,
    },
    Rule {
        key: "decentraal-wat-kan",
        text: || {
            msg!(
                "udo-rule-text-decentral",
                "Decentraal wat kan, centraal wat moet: het dossier legt de keuze van de bestuurslaag uit."
            )
        },
        source: Source::Passage(sources::decentral),
        version: 1,
        valid_from: FROM,
        applies_when: &[LAYERS_AFFECTED],
        check: allocation_explained,
    },
    Rule {
        key: "consultatietermijn-medeoverheden",
        text: || {
            msg!(
                "udo-rule-text-term",
                "De medeoverheden krijgen een consultatietermijn van twee maanden."
            )
        },
        source: Source::Passage(sources::consultation_term),
        version: 1,
        valid_from: FROM,
        applies_when: &[CONSULTATION_PLANNED],
        check: co_government_term,
    },
    Rule {
        key: "termijn-internetconsultatie",
        text: || {
            msg!(
                "udo-rule-text-internet-term",
                "Een internetconsultatie duurt 4 tot 12 weken."
            )
        },
        source: Source::Passage(sources::internet_consultation),
        version: 1,
        valid_from: FROM,
        applies_when: &[INTERNET_CHOSEN],
        check: internet_term,
    },
];

/// From which state on each rule must hold: a step into that state or a later one is refused
/// while the rule *voldoet niet*.
pub const GATES: &[(&str, UdoState)] = &[
    ("financiele-paragraaf-aanwezig", UdoState::Uitkomst),
    ("financiele-gevolgen-per-laag", UdoState::Uitkomst),
    ("bekostigingswijze-vermeld", UdoState::Uitkomst),
    ("medebewind-kosten-gemeenten", UdoState::Uitkomst),
    ("medebewind-kosten-provincies", UdoState::Uitkomst),
    ("plan-en-verslagverplichtingen-gecompenseerd", UdoState::Uitkomst),
    ("oordeel-koepels-gevraagd", UdoState::Uitkomst),
    ("decentraal-wat-kan", UdoState::Uitkomst),
    ("consultatietermijn-medeoverheden", UdoState::Consultatie),
    ("termijn-internetconsultatie", UdoState::Consultatie),
    ("bzk-geraadpleegd-voor-ministerraad", UdoState::Vastgesteld),
];

/// The state from which the rule `key` must hold, if it gates any.
pub fn gate(key: &str) -> Option<UdoState> {
    GATES.iter().find(|(k, _)| *k == key).map(|(_, state)| *state)
}

/// Every current rule checked against the dossier.
pub fn evaluate(dossier: &Dossier) -> Vec<RuleCheck> {
    evaluate_all(NORMENKADER, dossier)
}

/// A table of rules with the state from which each must hold: this normenkader
/// ([`Normenkader::CURRENT`]) or another (the official items, once public).
#[derive(Clone, Copy)]
pub struct Normenkader {
    pub rules: &'static [Rule<Dossier>],
    pub gates: &'static [(&'static str, UdoState)],
}

impl Normenkader {
    /// [`NORMENKADER`] with its [`GATES`].
    pub const CURRENT: Normenkader = Normenkader {
        rules: NORMENKADER,
        gates: GATES,
    };

    /// The rules that must hold to enter `to` and do not.
    pub fn failing_for(&self, to: UdoState, dossier: &Dossier) -> Vec<RuleCheck> {
        let gate = |key: &str| {
            self.gates
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, state)| *state)
        };
        evaluate_all(self.rules, dossier)
            .into_iter()
            .filter(|check| check.outcome == Outcome::VoldoetNiet)
            .filter(|check| gate(check.key).is_some_and(|g| g.rank() <= to.rank()))
            .collect()
    }
}

/// The rules of [`NORMENKADER`] that must hold to enter `to` and do not.
pub fn failing_for(to: UdoState, dossier: &Dossier) -> Vec<RuleCheck> {
    Normenkader::CURRENT.failing_for(to, dossier)
}

/// The names of rules as one list for a refusal ("…; …").
pub fn names(checks: &[RuleCheck]) -> Parts {
    Parts::list(
        checks.iter().map(|c| c.rule.clone()).collect::<Vec<Message>>(),
        "; ",
    )
}

#[cfg(test)]
mod tests;
