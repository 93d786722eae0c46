//! The money rules of a collaboration as a table (see [`crate::rules`]): Regio Deal (the Rijk
//! pays at most half) and RES (the region brings in its own money). Both come from the ROB's
//! advice of 2021; they hold from the start of that year, as no more precise date is recorded.

use super::Cents;
use crate::collaboration::CollaborationKind;
use crate::rules::{Condition, Rule, Source, Verdict, date};
use crate::{Message, msg};

/// The ROB's advice the money rules come from, by its published title.
const ROB_2021: &str = "ROB (2021), Rol nemen, ruimte geven";

/// Where the Regio Deal rule comes from: the row of table 3.1 and §3.1, quoted as published.
pub fn regio_deal_source() -> Message {
    msg!(
        "money-source-regio-deal",
        "{report}, tabel 3.1: financiering Regio Deal {table}; §3.1: {passage}",
        report = ROB_2021,
        table = "\"Rijk 50%, Regio 50%\"",
        passage = "\"Het Rijk investeert in totaal € 950 miljoen voor de maatregelen. De regio's verdubbelen dat bedrag.\""
    )
}

/// Where the RES rule comes from: the row of table 3.1, quoted as published.
pub fn res_source() -> Message {
    msg!(
        "money-source-res",
        "{report}, tabel 3.1: financiering RES {table}.",
        report = ROB_2021,
        table = "\"Rijk, waarbij regio eigen uren en financiële middelen inbrengt\""
    )
}

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
    otherwise: || msg!("money-rule-not-a-regio-deal", "Geen Regio Deal."),
};

const A_RES: Condition<MoneyFacts> = Condition {
    holds: |f| f.kind == CollaborationKind::Res,
    otherwise: || msg!("money-rule-not-a-res", "Geen RES."),
};

const MONEY_RECORDED: Condition<MoneyFacts> = Condition {
    holds: |f| f.total > Cents::ZERO,
    otherwise: || msg!("money-rule-no-money", "Er zijn nog geen bedragen vastgelegd."),
};

fn rijk_at_most_half(f: &MoneyFacts) -> Verdict {
    let (rijk, total) = (f.rijk.format_nl(), f.total.format_nl());
    if f.rijk.get().saturating_mul(2) > f.total.get() {
        Verdict::voldoet_niet(msg!(
            "money-rule-rijk-pays-more-than-half",
            "Het Rijk betaalt {rijk} van {total}: meer dan de helft.",
            rijk = rijk,
            total = total
        ))
    } else {
        Verdict::voldoet(msg!(
            "money-rule-rijk-pays",
            "Het Rijk betaalt {rijk} van {total}.",
            rijk = rijk,
            total = total
        ))
    }
}

fn region_brings_own_money(f: &MoneyFacts) -> Verdict {
    if f.decentral_own == Cents::ZERO {
        Verdict::voldoet_niet(msg!(
            "money-rule-no-own-money",
            "De decentrale overheden brengen geen eigen middelen in."
        ))
    } else {
        Verdict::voldoet(msg!(
            "money-rule-own-money",
            "De decentrale overheden brengen {amount} eigen middelen in.",
            amount = f.decentral_own.format_nl()
        ))
    }
}

/// The money rules, checked for every collaboration in this order.
pub const MONEY_RULES: &[Rule<MoneyFacts>] = &[
    Rule {
        key: "regio-deal-rijk-hoogstens-helft",
        text: || {
            msg!(
                "money-rule-regio-deal",
                "In een Regio Deal betaalt het Rijk hoogstens de helft; de regio legt minstens evenveel in."
            )
        },
        source: Source::Passage(regio_deal_source),
        version: 1,
        valid_from: date(2021, 1, 1),
        applies_when: &[A_REGIO_DEAL, MONEY_RECORDED],
        check: rijk_at_most_half,
    },
    Rule {
        key: "res-regio-brengt-eigen-middelen-in",
        text: || {
            msg!(
                "money-rule-res",
                "In een RES brengt de regio eigen uren en financiële middelen in."
            )
        },
        source: Source::Passage(res_source),
        version: 1,
        valid_from: date(2021, 1, 1),
        applies_when: &[A_RES, MONEY_RECORDED],
        check: region_brings_own_money,
    },
];
