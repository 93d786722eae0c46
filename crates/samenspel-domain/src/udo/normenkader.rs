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
//! the sources available; the koepel rule therefore cites the Code Interbestuurlijke
//! Verhoudingen (as ROB 2021 annex II quotes it) and Draaiboek nr. 10a, whose trigger ("van
//! decentrale overheden regeling of bestuur wordt gevorderd") is also its condition here.

use chrono::{Days, Months, NaiveDate};

use super::dossier::{CheckMoment, Dossier, Period, RegulationForm};
use super::financial::FundingMethod;
use super::workflow::UdoState;
use crate::money::Cents;
use crate::rules::{Condition, Outcome, Rule, RuleCheck, Source, Verdict, date, evaluate_all};
use crate::{Message, messages::Parts, msg};

pub mod sources;

/// The version of this set of rules.
pub const NORMENKADER_VERSION: &str = "samenspel-2026-1 (onze lezing)";

/// The date our reading holds from: the start of the UDO (seed 002's letter, end of 2022).
const FROM: NaiveDate = date(2023, 1, 1);

/// The co-governments' formal consultation lasts at least two months (Code IBV).
pub const CO_GOVERNMENT_TERM_MONTHS: u32 = 2;
/// An internet consultation lasts four to twelve weeks.
pub const INTERNET_TERM_WEEKS: std::ops::RangeInclusive<u64> = 4..=12;

const LAYERS_AFFECTED: Condition<Dossier> = Condition {
    holds: |d| !d.layers.is_empty(),
    otherwise: || {
        msg!(
            "udo-rule-no-layers",
            "Het voorstel raakt geen decentrale bestuurslaag."
        )
    },
};

const PARAGRAPH_REQUIRED: Condition<Dossier> = Condition {
    holds: |d| d.form == RegulationForm::Wet || d.has_financial_consequences(),
    otherwise: || {
        msg!(
            "udo-rule-no-paragraph-needed",
            "Geen wet en geen financiële gevolgen verwacht: de paragraaf is niet nodig (\"zo nodig\", aanwijzing 4.46)."
        )
    },
};

const MEDEBEWIND: Condition<Dossier> = Condition {
    holds: |d| d.aspects.medebewind,
    otherwise: || {
        msg!(
            "udo-rule-no-medebewind",
            "Het voorstel vordert geen regeling of bestuur (geen medebewind)."
        )
    },
};

const MUNICIPALITIES: Condition<Dossier> = Condition {
    holds: |d| d.affects(super::dossier::GovernmentLayer::Gemeenten),
    otherwise: || msg!("udo-rule-no-municipalities", "Het voorstel raakt geen gemeenten."),
};

const PROVINCES: Condition<Dossier> = Condition {
    holds: |d| d.affects(super::dossier::GovernmentLayer::Provincies),
    otherwise: || msg!("udo-rule-no-provinces", "Het voorstel raakt geen provincies."),
};

const PLAN_OBLIGATIONS: Condition<Dossier> = Condition {
    holds: |d| d.aspects.plan_or_report_obligations,
    otherwise: || {
        msg!(
            "udo-rule-no-plan-obligations",
            "Het voorstel legt geen plan- of verslagverplichtingen op."
        )
    },
};

const CONSULTATION_PLANNED: Condition<Dossier> = Condition {
    holds: |d| d.consultation.is_some(),
    otherwise: || msg!("udo-rule-no-consultation", "Er is nog geen consultatie gepland."),
};

const INTERNET_CHOSEN: Condition<Dossier> = Condition {
    holds: |d| d.consultation.is_some_and(|c| c.internet.is_some()),
    otherwise: || {
        msg!(
            "udo-rule-no-internet-consultation",
            "Er is geen internetconsultatie gekozen."
        )
    },
};

fn paragraph_present(d: &Dossier) -> Verdict {
    match &d.financial {
        Some(_) => Verdict::voldoet(msg!(
            "udo-rule-paragraph-present",
            "De financiële paragraaf is er."
        )),
        None => Verdict::voldoet_niet(msg!(
            "udo-rule-paragraph-missing",
            "Er is geen financiële paragraaf."
        )),
    }
}

fn every_layer_quantified(d: &Dossier) -> Verdict {
    let Some(paragraph) = &d.financial else {
        return Verdict::voldoet_niet(msg!(
            "udo-rule-paragraph-missing",
            "Er is geen financiële paragraaf."
        ));
    };
    let missing = paragraph.unquantified(&d.layers);
    if missing.is_empty() {
        Verdict::voldoet(msg!(
            "udo-rule-every-layer-quantified",
            "Elke geraakte bestuurslaag heeft bedragen per jaar."
        ))
    } else {
        Verdict::voldoet_niet(msg!(parts;
            "udo-rule-layers-unquantified",
            "Zonder bedragen: {layers}.";
            layers = Parts::list(missing.iter().map(|l| l.label()).collect(), ", ")
        ))
    }
}

fn funding_stated(d: &Dossier) -> Verdict {
    let paragraph = d.financial.as_ref();
    let total: Cents = paragraph
        .map(|p| p.rows.iter().map(|r| r.total()).sum())
        .unwrap_or_default();
    match paragraph.and_then(|p| p.funding) {
        None => Verdict::voldoet_niet(msg!(
            "udo-rule-funding-missing",
            "De bekostigingswijze is niet vermeld."
        )),
        Some(FundingMethod::Geen) if total > Cents::ZERO => Verdict::voldoet_niet(msg!(
            "udo-rule-funding-none-with-costs",
            "Er zijn gevolgen van {total}, maar er is geen bekostiging vermeld.",
            total = total.format_nl()
        )),
        Some(method) => Verdict::voldoet(msg!(parts;
            "udo-rule-funding-stated",
            "Bekostigingswijze: {method}.";
            method = Parts::from(method.label()).lowercase()
        )),
    }
}

fn medebewind_covered(d: &Dossier, layer: super::dossier::GovernmentLayer) -> Verdict {
    let Some(paragraph) = d.financial.as_ref().filter(|p| p.quantifies(layer)) else {
        return Verdict::voldoet_niet(msg!(parts;
            "udo-rule-medebewind-unquantified",
            "De kosten van het medebewind voor {layer} zijn niet becijferd.";
            layer = Parts::from(layer.label()).lowercase()
        ));
    };
    let total = paragraph.layer_total(layer);
    match paragraph.funding {
        _ if total == Cents::ZERO => Verdict::voldoet(msg!(parts;
            "udo-rule-medebewind-no-costs",
            "Het medebewind kost {layer} volgens de paragraaf niets.";
            layer = Parts::from(layer.label()).lowercase()
        )),
        Some(method) if method.paid_by_rijk() => Verdict::voldoet(msg!(parts;
            "udo-rule-medebewind-covered",
            "De kosten voor {layer} ({total}) worden door het Rijk vergoed via: {method}.",
            total = total.format_nl();
            layer = Parts::from(layer.label()).lowercase(),
            method = Parts::from(method.label()).lowercase()
        )),
        _ => Verdict::voldoet_niet(msg!(parts;
            "udo-rule-medebewind-not-covered",
            "De kosten voor {layer} ({total}) worden niet door het Rijk vergoed.",
            total = total.format_nl();
            layer = Parts::from(layer.label()).lowercase()
        )),
    }
}

fn compensation_stated(d: &Dossier) -> Verdict {
    match &d.aspects.compensation {
        Some(_) => Verdict::voldoet(msg!(
            "udo-rule-compensation-stated",
            "De compensatie voor de plan- en verslagverplichtingen is vermeld."
        )),
        None => Verdict::voldoet_niet(msg!(
            "udo-rule-compensation-missing",
            "De plan- of verslagverplichtingen staan er zonder compensatie."
        )),
    }
}

fn koepels_asked(d: &Dossier) -> Verdict {
    let missing: Vec<_> = d
        .koepels_concerned()
        .into_iter()
        .filter(|k| d.koepel(*k).is_none())
        .collect();
    if missing.is_empty() {
        Verdict::voldoet(msg!(
            "udo-rule-koepels-asked",
            "Het oordeel van de koepels van alle geraakte bestuurslagen is gevraagd."
        ))
    } else {
        Verdict::voldoet_niet(msg!(parts;
            "udo-rule-koepels-not-asked",
            "Nog niet gevraagd: het oordeel van {koepels}.";
            koepels = Parts::list(missing.iter().map(|k| k.label()).collect(), ", ")
        ))
    }
}

fn bzk_before_ministerraad(d: &Dossier) -> Verdict {
    let earlier = [CheckMoment::AmbtelijkVoorportaal, CheckMoment::Onderraad]
        .into_iter()
        .filter_map(|m| d.advice_at(m))
        .min_by_key(|a| a.given_on);
    let council = d.advice_at(CheckMoment::Ministerraad);
    match (earlier, council) {
        (Some(advice), Some(council)) if council.given_on < advice.given_on => Verdict::voldoet_niet(msg!(
            "udo-rule-bzk-after-ministerraad",
            "BZK adviseerde pas na de ministerraad."
        )),
        (Some(advice), _) => Verdict::voldoet(msg!(parts;
            "udo-rule-bzk-consulted",
            "BZK adviseerde op {date} ({moment}).",
            date = advice.given_on.format("%d-%m-%Y");
            moment = Parts::from(advice.moment.label()).lowercase()
        )),
        (None, _) => Verdict::voldoet_niet(msg!(
            "udo-rule-bzk-not-consulted",
            "BZK heeft nog niet geadviseerd in het ambtelijk voorportaal of de onderraad."
        )),
    }
}

fn allocation_explained(d: &Dossier) -> Verdict {
    match &d.aspects.allocation_reason {
        Some(_) => Verdict::voldoet(msg!(
            "udo-rule-allocation-explained",
            "Het dossier legt uit waarom de taak bij deze bestuurslaag ligt."
        )),
        None if d.aspects.mandatory_cooperation => Verdict::voldoet_niet(msg!(
            "udo-rule-mandatory-cooperation-unexplained",
            "Het voorstel verplicht tot samenwerking zonder uit te leggen welk doel dat dient en welke alternatieven er zijn."
        )),
        None => Verdict::voldoet_niet(msg!(
            "udo-rule-allocation-unexplained",
            "Het dossier legt niet uit waarom de taak bij deze bestuurslaag ligt en niet centraal."
        )),
    }
}

/// Whether `period` lasts at least the co-governments' term: its last day is at least two
/// months after its first, less one day (1 March to 30 April is two months).
pub fn meets_co_government_term(period: Period) -> bool {
    period
        .opens
        .checked_add_months(Months::new(CO_GOVERNMENT_TERM_MONTHS))
        .and_then(|d| d.checked_sub_days(Days::new(1)))
        .is_some_and(|last| period.closes >= last)
}

/// The length of `period` in days, both ends counted.
pub fn days(period: Period) -> u64 {
    u64::try_from((period.closes - period.opens).num_days() + 1).unwrap_or(0)
}

fn co_government_term(d: &Dossier) -> Verdict {
    let Some(plan) = d.consultation else {
        return Verdict::niet_van_toepassing(msg!(
            "udo-rule-no-consultation",
            "Er is nog geen consultatie gepland."
        ));
    };
    let period = plan.co_governments;
    let (opens, closes) = (period.opens.format("%d-%m-%Y"), period.closes.format("%d-%m-%Y"));
    if meets_co_government_term(period) {
        Verdict::voldoet(msg!(
            "udo-rule-term-met",
            "De consultatie loopt van {opens} tot en met {closes}: minstens twee maanden.",
            opens = opens,
            closes = closes
        ))
    } else {
        Verdict::voldoet_niet(msg!(
            "udo-rule-term-too-short",
            "De consultatie loopt van {opens} tot en met {closes}: korter dan twee maanden.",
            opens = opens,
            closes = closes
        ))
    }
}

fn internet_term(d: &Dossier) -> Verdict {
    let Some(period) = d.consultation.and_then(|c| c.internet) else {
        return Verdict::niet_van_toepassing(msg!(
            "udo-rule-no-internet-consultation",
            "Er is geen internetconsultatie gekozen."
        ));
    };
    let length = days(period);
    let (min, max) = (INTERNET_TERM_WEEKS.start() * 7, INTERNET_TERM_WEEKS.end() * 7);
    if (min..=max).contains(&length) {
        Verdict::voldoet(msg!(
            "udo-rule-internet-term-met",
            "De internetconsultatie duurt {days} dagen (4 tot 12 weken).",
            days = length
        ))
    } else {
        Verdict::voldoet_niet(msg!(
            "udo-rule-internet-term-wrong",
            "De internetconsultatie duurt {days} dagen; dat moet 4 tot 12 weken zijn ({min} tot {max} dagen).",
            days = length,
            min = min,
            max = max
        ))
    }
}

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
        check: |d| medebewind_covered(d, super::dossier::GovernmentLayer::Gemeenten),
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
        check: |d| medebewind_covered(d, super::dossier::GovernmentLayer::Provincies),
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
