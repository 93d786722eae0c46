//! The consultation clock of a UDO dossier and the reactions it gathers.
//!
//! Two kinds of consultation, each with its term:
//! - the **formal consultation of the co-governments** after a proposal is finished: "Na
//!   afronding van de voorstellen, waaronder (concept)wet en regelgeving volgt een formele
//!   consultatietermijn van twee maanden" (the Code Interbestuurlijke Verhoudingen as the ROB
//!   describes it, seed 001, bijlage II §5; DOMAIN.md §6). The 2023 text of the Code itself was
//!   not available; the two months are confirmed by the seed only.
//! - the **internet consultation**: open "gedurende een periode van vier tot twaalf weken"
//!   (parlement.com, Internetconsultatie, <https://www.parlement.com/id/vl1lcy62bpvw>).
//!
//! A term runs from its first day (`start`) to its last day for reactions (`end`, inclusive).
//! Two months end at the earliest on the same day of the month two months later (1 March →
//! 1 May; 31 December → 28/29 February); four weeks on the 28th day after the start, twelve
//! weeks on the 84th at the latest (our reading of the length of a term).
//!
//! Reactions ([`reaction`]), their moderation ([`moderation`]) and the report of what was done
//! with them ([`report`]) are in submodules.

pub mod moderation;
pub mod reaction;
pub mod report;
#[cfg(test)]
mod tests;

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::collaboration::parse_date;
use crate::keyed::keyed_enum;
use crate::{Message, ValidationErrors, msg};

keyed_enum!(
    /// The kind of consultation, which decides its term.
    ConsultationKind, "kind", "soort consultatie" {
        Medeoverheden => "medeoverheden", "Formele consultatie van de medeoverheden";
        Internet => "internetconsultatie", "Internetconsultatie";
    }
);

/// How long a kind of consultation must (and may) run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermRule {
    AtLeastMonths(u32),
    Weeks { min: u32, max: u32 },
}

impl TermRule {
    /// The shortest term in words: `2 maanden`, `4 weken`.
    pub fn minimum_text(self) -> String {
        match self {
            TermRule::AtLeastMonths(months) => format!("{months} maanden"),
            TermRule::Weeks { min, .. } => format!("{min} weken"),
        }
    }

    /// The longest term in words, if there is one.
    pub fn maximum_text(self) -> Option<String> {
        match self {
            TermRule::AtLeastMonths(_) => None,
            TermRule::Weeks { max, .. } => Some(format!("{max} weken")),
        }
    }
}

impl ConsultationKind {
    pub fn rule(self) -> TermRule {
        match self {
            ConsultationKind::Medeoverheden => TermRule::AtLeastMonths(2),
            ConsultationKind::Internet => TermRule::Weeks { min: 4, max: 12 },
        }
    }

    /// Where the term comes from.
    pub fn source(self) -> Message {
        match self {
            ConsultationKind::Medeoverheden => msg!(
                "consultation-source-code",
                "Code Interbestuurlijke Verhoudingen, zoals beschreven in ROB (2021), Rol nemen, ruimte geven, bijlage II §5: {passage}",
                passage = "\"Na afronding van de voorstellen, waaronder (concept)wet en regelgeving volgt een formele consultatietermijn van twee maanden.\""
            ),
            ConsultationKind::Internet => msg!(
                "consultation-source-internet",
                "Parlement.com, Internetconsultatie: {passage} (https://www.parlement.com/id/vl1lcy62bpvw)",
                passage = "\"gedurende een periode van vier tot twaalf weken open voor reactie\""
            ),
        }
    }

    /// The earliest last day for a term starting on `start`.
    pub fn earliest_end(self, start: NaiveDate) -> Option<NaiveDate> {
        match self.rule() {
            TermRule::AtLeastMonths(months) => start.checked_add_months(Months::new(months)),
            TermRule::Weeks { min, .. } => start.checked_add_signed(Duration::weeks(i64::from(min))),
        }
    }

    /// The latest last day, if the term has a maximum.
    pub fn latest_end(self, start: NaiveDate) -> Option<NaiveDate> {
        match self.rule() {
            TermRule::AtLeastMonths(_) => None,
            TermRule::Weeks { max, .. } => start.checked_add_signed(Duration::weeks(i64::from(max))),
        }
    }
}

/// A consultation term, valid by construction: its length fits its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Term {
    pub kind: ConsultationKind,
    pub start: NaiveDate,
    /// The last day on which reactions are taken.
    pub end: NaiveDate,
}

/// A term as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TermInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
}

fn required_date(field: &str, raw: &str, errors: &mut ValidationErrors) -> Option<NaiveDate> {
    match errors.collect(parse_date(field, raw)) {
        Some(Some(day)) => Some(day),
        Some(None) => {
            errors.add(field, "required", msg!("error-required", "Vul dit veld in."));
            None
        }
        None => None,
    }
}

impl TermInput {
    pub fn parse(&self) -> Result<Term, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let kind = errors.collect(ConsultationKind::parse_field("kind", &self.kind));
        let start = required_date("start", &self.start, &mut errors);
        let end = required_date("end", &self.end, &mut errors);
        match (kind, start, end) {
            (Some(kind), Some(start), Some(end)) if errors.is_empty() => Term::new(kind, start, end),
            _ => Err(errors),
        }
    }
}

impl Term {
    /// The term, or a refusal naming `end` when it is before the start, shorter than the kind
    /// requires or longer than it allows.
    pub fn new(kind: ConsultationKind, start: NaiveDate, end: NaiveDate) -> Result<Self, ValidationErrors> {
        let date = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
        if end < start {
            return Err(ValidationErrors::single(
                "end",
                "before_start",
                msg!(
                    "error-consultation-end-before-start",
                    "De laatste dag ({end}) ligt voor de eerste dag ({start}).",
                    end = date(end),
                    start = date(start)
                ),
            ));
        }
        match kind.earliest_end(start) {
            Some(earliest) if end >= earliest => {}
            earliest => {
                return Err(ValidationErrors::single(
                    "end",
                    "term_too_short",
                    msg!(parts;
                        "error-consultation-too-short",
                        "{kind} duurt ten minste {minimum}: de laatste dag is op zijn vroegst {earliest}.",
                        minimum = kind.rule().minimum_text(),
                        earliest = earliest.map(date).unwrap_or_default();
                        kind = kind.label()
                    ),
                ));
            }
        }
        if let Some(latest) = kind.latest_end(start).filter(|latest| end > *latest) {
            return Err(ValidationErrors::single(
                "end",
                "term_too_long",
                msg!(parts;
                    "error-consultation-too-long",
                    "{kind} duurt ten hoogste {maximum}: de laatste dag is op zijn laatst {latest}.",
                    maximum = kind.rule().maximum_text().unwrap_or_default(),
                    latest = date(latest);
                    kind = kind.label()
                ),
            ));
        }
        Ok(Self { kind, start, end })
    }

    /// Days from `today` to the last day: 0 on the last day, negative once it has passed.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.end - today).num_days()
    }

    /// The clock on `today`; `still_open` says whether the dossier is still in consultation
    /// (the reactions not yet processed), which makes a passed term overdue.
    pub fn clock(&self, today: NaiveDate, still_open: bool) -> Clock {
        let phase = if today < self.start {
            Phase::NogNiet
        } else if today <= self.end {
            Phase::Loopt
        } else {
            Phase::Verstreken
        };
        Clock {
            phase,
            days_left: self.days_left(today).max(0),
            overdue: still_open && phase == Phase::Verstreken,
        }
    }
}

/// Where a term stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    NogNiet,
    Loopt,
    Verstreken,
}

/// The consultation clock on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Clock {
    pub phase: Phase,
    /// Days until the last day (0 once it has passed).
    pub days_left: i64,
    /// The term has passed while the dossier is still in consultation.
    pub overdue: bool,
}
