//! The conditions and predicates of the normenkader's rules: each judges a [`Dossier`] and
//! says why.

use chrono::{Days, Months};

use super::{CO_GOVERNMENT_TERM_MONTHS, INTERNET_TERM_WEEKS};
use crate::money::Cents;
use crate::rules::{Condition, Verdict};
use crate::udo::dossier::{CheckMoment, Dossier, GovernmentLayer, Period, RegulationForm};
use crate::udo::financial::FundingMethod;
use crate::{messages::Parts, msg};

pub(super) const LAYERS_AFFECTED: Condition<Dossier> = Condition {
    holds: |d| !d.layers.is_empty(),
    otherwise: || {
        msg!(
            "udo-rule-no-layers",
            "Het voorstel raakt geen decentrale bestuurslaag."
        )
    },
};

pub(super) const PARAGRAPH_REQUIRED: Condition<Dossier> = Condition {
    holds: |d| d.form == RegulationForm::Wet || d.has_financial_consequences(),
    otherwise: || {
        msg!(
            "udo-rule-no-paragraph-needed",
            "Geen wet en geen financiële gevolgen verwacht: de paragraaf is niet nodig (\"zo nodig\", aanwijzing 4.46)."
        )
    },
};

pub(super) const MEDEBEWIND: Condition<Dossier> = Condition {
    holds: |d| d.aspects.medebewind,
    otherwise: || {
        msg!(
            "udo-rule-no-medebewind",
            "Het voorstel vordert geen regeling of bestuur (geen medebewind)."
        )
    },
};

pub(super) const MUNICIPALITIES: Condition<Dossier> = Condition {
    holds: |d| d.affects(GovernmentLayer::Gemeenten),
    otherwise: || msg!("udo-rule-no-municipalities", "Het voorstel raakt geen gemeenten."),
};

pub(super) const PROVINCES: Condition<Dossier> = Condition {
    holds: |d| d.affects(GovernmentLayer::Provincies),
    otherwise: || msg!("udo-rule-no-provinces", "Het voorstel raakt geen provincies."),
};

pub(super) const PLAN_OBLIGATIONS: Condition<Dossier> = Condition {
    holds: |d| d.aspects.plan_or_report_obligations,
    otherwise: || {
        msg!(
            "udo-rule-no-plan-obligations",
            "Het voorstel legt geen plan- of verslagverplichtingen op."
        )
    },
};

pub(super) const CONSULTATION_PLANNED: Condition<Dossier> = Condition {
    holds: |d| d.consultation.is_some(),
    otherwise: || msg!("udo-rule-no-consultation", "Er is nog geen consultatie gepland."),
};

pub(super) const INTERNET_CHOSEN: Condition<Dossier> = Condition {
    holds: |d| d.consultation.is_some_and(|c| c.internet.is_some()),
    otherwise: || {
        msg!(
            "udo-rule-no-internet-consultation",
            "Er is geen internetconsultatie gekozen."
        )
    },
};

pub(super) fn paragraph_present(d: &Dossier) -> Verdict {
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

pub(super) fn every_layer_quantified(d: &Dossier) -> Verdict {
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

pub(super) fn funding_stated(d: &Dossier) -> Verdict {
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

pub(super) fn medebewind_covered(d: &Dossier, layer: GovernmentLayer) -> Verdict {
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

pub(super) fn compensation_stated(d: &Dossier) -> Verdict {
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

pub(super) fn koepels_asked(d: &Dossier) -> Verdict {
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

pub(super) fn bzk_before_ministerraad(d: &Dossier) -> Verdict {
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

pub(super) fn allocation_explained(d: &Dossier) -> Verdict {
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

pub(super) fn co_government_term(d: &Dossier) -> Verdict {
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

pub(super) fn internet_term(d: &Dossier) -> Verdict {
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
