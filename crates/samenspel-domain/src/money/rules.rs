//! The money rules of a collaboration as a table (see [`crate::rules`]): Regio Deal (the Rijk
//! pays at most half) and RES (the region brings in its own money). Both come from the ROB's
//! advice of 2021; they hold from the start of that year, as no more precise date is recorded.

use super::Cents;
use crate::collaboration::CollaborationKind;
use crate::rules::{Condition, Rule, Source, Verdict, date};

pub const REGIO_DEAL_SOURCE: &str = "ROB (2021), Rol nemen, ruimte geven, tabel 3.1: financiering Regio Deal \"Rijk 50%, Regio 50%\"; §3.1: \"Het Rijk investeert in totaal € 950 miljoen voor de maatregelen. De regio's verdubbelen dat bedrag.\"";
pub const RES_SOURCE: &str = "ROB (2021), Rol nemen, ruimte geven, tabel 3.1: financiering RES \"Rijk, waarbij regio eigen uren en financiële middelen inbrengt\".";

/// What the money rules look at, summed from the best-known figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyFacts {
    pub kind: CollaborationKind,
    /// Paid by partners of the Rijk.
    pub rijk: Cents,
    /// Eigen middelen of decentral governments.
    pub decentral_own: Cents,
    pub total: Cents,
}

const A_REGIO_DEAL: Condition<MoneyFacts> = Condition {
    holds: |f| f.kind == CollaborationKind::RegioDeal,
    otherwise: "Geen Regio Deal.",
};

const A_RES: Condition<MoneyFacts> = Condition {
    holds: |f| f.kind == CollaborationKind::Res,
    otherwise: "Geen RES.",
};

const MONEY_RECORDED: Condition<MoneyFacts> = Condition {
    holds: |f| f.total > Cents::ZERO,
    otherwise: "Er zijn nog geen bedragen vastgelegd.",
};

fn rijk_at_most_half(f: &MoneyFacts) -> Verdict {
    let paid = format!(
        "Het Rijk betaalt {} van {}",
        f.rijk.format_nl(),
        f.total.format_nl()
    );
    if f.rijk.get().saturating_mul(2) > f.total.get() {
        Verdict::voldoet_niet(format!("{paid}: meer dan de helft."))
    } else {
        Verdict::voldoet(format!("{paid}."))
    }
}

fn region_brings_own_money(f: &MoneyFacts) -> Verdict {
    if f.decentral_own == Cents::ZERO {
        Verdict::voldoet_niet("De decentrale overheden brengen geen eigen middelen in.")
    } else {
        Verdict::voldoet(format!(
            "De decentrale overheden brengen {} eigen middelen in.",
            f.decentral_own.format_nl()
        ))
    }
}

/// The money rules, checked for every collaboration in this order.
pub const MONEY_RULES: &[Rule<MoneyFacts>] = &[
    Rule {
        key: "regio-deal-rijk-hoogstens-helft",
        text: "In een Regio Deal betaalt het Rijk hoogstens de helft; de regio legt minstens evenveel in.",
        source: Source::Passage(REGIO_DEAL_SOURCE),
        version: 1,
        valid_from: date(2021, 1, 1),
        applies_when: &[A_REGIO_DEAL, MONEY_RECORDED],
        check: rijk_at_most_half,
    },
    Rule {
        key: "res-regio-brengt-eigen-middelen-in",
        text: "In een RES brengt de regio eigen uren en financiële middelen in.",
        source: Source::Passage(RES_SOURCE),
        version: 1,
        valid_from: date(2021, 1, 1),
        applies_when: &[A_RES, MONEY_RECORDED],
        check: region_brings_own_money,
    },
];
