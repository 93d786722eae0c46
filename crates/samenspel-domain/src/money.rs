//! Money in a collaboration ("Wie betaalt?"): contributions per partner per year, in integer
//! cents, with the instrument and how firm the figure is; totals and shares per partner and
//! per layer; rule checks with their source; and the link to dimension 3 of the partnership
//! model (decentrale middelen).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ValidationErrors;
use crate::collaboration::CollaborationKind;
use crate::keyed::keyed_enum;
use crate::org::{Layer, OrgCode};
pub use crate::rules::{Outcome, RuleCheck};
pub use rules::{MONEY_RULES, MoneyFacts, regio_deal_source, res_source};

keyed_enum!(
    /// How the money reaches the collaboration (DOMAIN §7; the Fvw instruments and the
    /// programme funds).
    Instrument, "instrument", "financieringsinstrument" {
        EigenMiddelen => "eigen-middelen", "Eigen middelen";
        AlgemeneUitkering => "algemene-uitkering", "Algemene uitkering";
        SpecifiekeUitkering => "specifieke-uitkering", "Specifieke uitkering";
        DecentralisatieUitkering => "decentralisatie-uitkering", "Decentralisatie-uitkering";
        BijzondereFondsUitkering => "bijzondere-fonds-uitkering", "Bijzondere Fonds Uitkering";
        RegioDealBijdrage => "regio-deal-bijdrage", "Regio Deal-bijdrage";
        Mobiliteitsfonds => "mobiliteitsfonds", "Mobiliteitsfonds / MIRT";
        Overig => "overig", "Overig";
    }
);

keyed_enum!(
    /// How firm a figure is; a later stage supersedes an earlier one for the same partner,
    /// year and instrument.
    MoneyStatus, "status", "status van een bedrag" {
        Toegezegd => "toegezegd", "Toegezegd";
        Begroot => "begroot", "Begroot";
        Gerealiseerd => "gerealiseerd", "Gerealiseerd";
    }
);

/// The years a contribution may be for.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// An amount of money in euro cents, never negative.
// Made only by `Cents::new`, the parsers, or adding amounts (which stops at the largest amount
// instead of wrapping), so the promise holds everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Cents(i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// The amount of `cents`; `None` when it is negative.
    pub const fn new(cents: i64) -> Option<Self> {
        if cents < 0 { None } else { Some(Cents(cents)) }
    }

    /// The amount in cents (never negative).
    pub const fn get(self) -> i64 {
        self.0
    }

    /// Parses euro as people write them: `1234`, `1234,56`, `1.234,56`, `€ 1.234.567`,
    /// `1234.56`. A comma is the decimal sign when present (dots are then thousands
    /// separators); without a comma, dots are thousands separators when every group after the
    /// first has three digits, else a single dot is the decimal point.
    pub fn parse_euro(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let invalid = |message| Err(ValidationErrors::single(field, "invalid_amount", message));
        let text: String = raw
            .trim()
            .trim_start_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if text.is_empty() {
            return invalid(crate::msg!("error-amount-required", "Vul een bedrag in euro in."));
        }
        if text.starts_with('-') {
            return invalid(crate::msg!(
                "error-amount-negative",
                "Een bedrag kan niet negatief zijn."
            ));
        }
        let (whole, fraction) = match text.split_once(',') {
            Some((whole, fraction)) => (whole.replace('.', "").to_owned(), fraction.to_owned()),
            None => match text.split('.').collect::<Vec<_>>().as_slice() {
                [whole] => ((*whole).to_owned(), String::new()),
                [first, rest @ ..] if rest.iter().all(|g| g.len() == 3) && !first.is_empty() => {
                    (text.replace('.', ""), String::new())
                }
                [whole, fraction] => ((*whole).to_owned(), (*fraction).to_owned()),
                _ => return invalid(not_an_amount()),
            },
        };
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(&whole) || !(fraction.is_empty() || digits(&fraction)) {
            return invalid(not_an_amount());
        }
        if fraction.len() > 2 {
            return invalid(crate::msg!(
                "error-amount-decimals",
                "Een bedrag heeft hoogstens twee cijfers achter de komma."
            ));
        }
        let Some(euros) = whole.parse::<i64>().ok().filter(|e| *e < i64::MAX / 100) else {
            return invalid(crate::msg!("error-amount-too-large", "Dit bedrag is te groot."));
        };
        let cents: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
        Ok(Cents(euros * 100 + cents))
    }

    /// Checks an amount given in cents (the API's form).
    pub fn from_cents(field: &str, cents: i64) -> Result<Self, ValidationErrors> {
        Cents::new(cents).ok_or_else(|| {
            ValidationErrors::single(
                field,
                "invalid_amount",
                crate::msg!("error-amount-negative", "Een bedrag kan niet negatief zijn."),
            )
        })
    }

    /// Dutch notation: `€ 1.234.567,89`.
    pub fn format_nl(self) -> String {
        format!("€ {}", self.format_number_nl())
    }

    /// Dutch notation without the euro sign, as Dutch spreadsheets read it: `1.234.567,89`.
    pub fn format_number_nl(self) -> String {
        let euros = (self.0 / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        format!("{grouped},{:02}", self.0 % 100)
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;

    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for Cents {
    fn add_assign(&mut self, other: Cents) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(amounts: I) -> Cents {
        amounts.fold(Cents::ZERO, std::ops::Add::add)
    }
}

/// Parses a year for a contribution.
fn not_an_amount() -> crate::Message {
    crate::msg!(
        "error-not-an-amount",
        "Dit is geen bedrag; schrijf bijvoorbeeld 1.234,56."
    )
}

pub fn parse_year(field: &str, raw: &str) -> Result<i32, ValidationErrors> {
    match raw.trim().parse::<i32>() {
        Ok(year) if YEARS.contains(&year) => Ok(year),
        _ => Err(ValidationErrors::single(
            field,
            "invalid_year",
            crate::msg!(
                "error-invalid-year",
                "Vul een jaar in van {first} tot en met {last}.",
                first = YEARS.start(),
                last = YEARS.end()
            ),
        )),
    }
}

/// One partner's money for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Contribution {
    pub partner: OrgCode,
    pub year: i32,
    pub amount: Cents,
    pub instrument: Instrument,
    pub status: MoneyStatus,
}

/// The amount as it arrives: euro text from a form or a file, or cents from the API.
#[derive(Debug, Clone, Copy)]
pub enum AmountInput<'a> {
    Euro(&'a str),
    Cents(i64),
}

/// A contribution as typed in; [`ContributionInput::parse`] checks every field and names each
/// that is wrong (`partner`, `year`, `amount` or `amount_cents`, `instrument`, `status`).
#[derive(Debug, Clone, Copy)]
pub struct ContributionInput<'a> {
    pub partner: &'a str,
    pub year: &'a str,
    pub amount: AmountInput<'a>,
    pub instrument: &'a str,
    pub status: &'a str,
}

impl ContributionInput<'_> {
    pub fn parse(&self) -> Result<Contribution, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let partner = errors.collect(OrgCode::parse_field("partner", self.partner));
        let year = errors.collect(parse_year("year", self.year));
        let amount = errors.collect(match self.amount {
            AmountInput::Euro(raw) => Cents::parse_euro("amount", raw),
            AmountInput::Cents(cents) => Cents::from_cents("amount_cents", cents),
        });
        let instrument = errors.collect(Instrument::parse_field("instrument", self.instrument));
        let status = errors.collect(MoneyStatus::parse_field("status", self.status));
        match (partner, year, amount, instrument, status) {
            (Some(partner), Some(year), Some(amount), Some(instrument), Some(status))
                if errors.is_empty() =>
            {
                Ok(Contribution {
                    partner,
                    year,
                    amount,
                    instrument,
                    status,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A partner as the money analysis needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payer {
    pub code: OrgCode,
    pub name: String,
    pub layer: Layer,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Share {
    pub key: String,
    pub name: String,
    pub amount: Cents,
    /// Of the total; absent when the total is zero.
    pub share: Option<f64>,
}

/// A stated score on dimension 3 that the actual money contradicts.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StanceMismatch {
    pub partner: String,
    pub stated: u8,
    pub implied: u8,
}

/// Everything the money says about a collaboration.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MoneySummary {
    /// The best-known figures summed (see [`best_known`]).
    pub total: Cents,
    pub per_status: Vec<Share>,
    pub per_partner: Vec<Share>,
    /// `rijk`, `decentraal` and `overig` (koepels and non-government partners).
    pub per_layer: Vec<Share>,
    pub per_year: Vec<Share>,
    /// Decentral money divided by Rijk plus decentral money.
    pub decentral_share: Option<f64>,
    /// Dimension 3 score the money implies: 1 + 4 × decentral share, rounded.
    pub implied_dimension3: Option<u8>,
    pub mismatches: Vec<StanceMismatch>,
    pub checks: Vec<RuleCheck>,
}

/// Per partner, year and instrument only the firmest figure counts: gerealiseerd over begroot
/// over toegezegd (they are the same money at a later stage).
pub fn best_known(contributions: &[Contribution]) -> Vec<&Contribution> {
    let mut best: BTreeMap<(&str, i32, &str), &Contribution> = BTreeMap::new();
    for c in contributions {
        let key = (c.partner.as_str(), c.year, c.instrument.key());
        let rank = |s: MoneyStatus| MoneyStatus::ALL.iter().position(|x| *x == s);
        match best.get(&key) {
            Some(existing) if rank(existing.status) >= rank(c.status) => {}
            _ => {
                best.insert(key, c);
            }
        }
    }
    best.into_values().collect()
}

fn shares(parts: Vec<(String, String, Cents)>, total: Cents) -> Vec<Share> {
    parts
        .into_iter()
        .map(|(key, name, amount)| Share {
            key,
            name,
            amount,
            share: (total.0 > 0).then(|| amount.0 as f64 / total.0 as f64),
        })
        .collect()
}

/// Analyses the money of a collaboration of `kind` with `payers` (its partners) and the
/// partners' stated scores on dimension 3.
pub fn summarise(
    kind: CollaborationKind,
    payers: &[Payer],
    contributions: &[Contribution],
    stated_dimension3: &[(String, u8)],
) -> MoneySummary {
    let counted = best_known(contributions);
    let total = Cents(counted.iter().map(|c| c.amount.0).sum());
    let layer_of = |code: &OrgCode| payers.iter().find(|p| p.code == *code).map(|p| p.layer);
    let per_status = MoneyStatus::ALL
        .iter()
        .map(|s| {
            let sum = contributions
                .iter()
                .filter(|c| c.status == *s)
                .map(|c| c.amount.0)
                .sum();
            (s.key().to_owned(), s.label_nl().to_owned(), Cents(sum))
        })
        .collect();
    let per_partner = payers
        .iter()
        .map(|p| {
            let sum = counted
                .iter()
                .filter(|c| c.partner == p.code)
                .map(|c| c.amount.0)
                .sum();
            (p.code.to_string(), p.name.clone(), Cents(sum))
        })
        .filter(|(_, _, amount)| amount.0 > 0)
        .collect();
    let layer_sum = |wanted: &dyn Fn(Option<Layer>) -> bool| -> i64 {
        counted
            .iter()
            .filter(|c| wanted(layer_of(&c.partner)))
            .map(|c| c.amount.0)
            .sum()
    };
    let rijk = layer_sum(&|l| l == Some(Layer::Rijk));
    let decentraal = layer_sum(&|l| l == Some(Layer::Decentraal));
    let overig = total.0 - rijk - decentraal;
    let per_layer = vec![
        ("rijk".into(), "Rijk".into(), Cents(rijk)),
        (
            "decentraal".into(),
            "Decentrale overheden".into(),
            Cents(decentraal),
        ),
        ("overig".into(), "Koepels en niet-overheden".into(), Cents(overig)),
    ];
    let mut years: BTreeMap<i32, i64> = BTreeMap::new();
    for c in &counted {
        *years.entry(c.year).or_default() += c.amount.0;
    }
    let per_year = years
        .into_iter()
        .map(|(y, sum)| (y.to_string(), y.to_string(), Cents(sum)))
        .collect();
    let government = rijk + decentraal;
    let decentral_share = (government > 0).then(|| decentraal as f64 / government as f64);
    let implied_dimension3 = decentral_share.map(|s| (1.0 + 4.0 * s).round() as u8);
    let mismatches = match implied_dimension3 {
        Some(implied) => stated_dimension3
            .iter()
            .filter(|(_, stated)| stated.abs_diff(implied) >= 2)
            .map(|(partner, stated)| StanceMismatch {
                partner: partner.clone(),
                stated: *stated,
                implied,
            })
            .collect(),
        None => Vec::new(),
    };
    let decentral_own = counted
        .iter()
        .filter(|c| {
            layer_of(&c.partner) == Some(Layer::Decentraal) && c.instrument == Instrument::EigenMiddelen
        })
        .map(|c| c.amount.0)
        .sum::<i64>();
    let facts = MoneyFacts {
        kind,
        rijk: Cents(rijk),
        decentral_own: Cents(decentral_own),
        total,
    };
    let checks = crate::rules::evaluate_all(MONEY_RULES, &facts);
    MoneySummary {
        per_status: shares(per_status, Cents(contributions.iter().map(|c| c.amount.0).sum())),
        per_partner: shares(per_partner, total),
        per_layer: shares(per_layer, total),
        per_year: shares(per_year, total),
        total,
        decentral_share,
        implied_dimension3,
        mismatches,
        checks,
    }
}

mod rules;

#[cfg(test)]
mod tests;
