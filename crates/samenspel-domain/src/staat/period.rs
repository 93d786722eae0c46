//! The period a report covers: from its first to its last day, both included.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::collaboration::parse_date;
use crate::{ValidationErrors, msg};

/// The first and the last year a period may touch.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A report's period; `from` ≤ `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Reads the period as typed (`2025-01-01` or `1-1-2025`); every problem is named by
    /// its field (`from`, `to`): missing, not a date, outside [`YEARS`], or the end before
    /// the start.
    pub fn parse(from: &str, to: &str) -> Result<Period, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut day = |field: &str, raw: &str| match parse_date(field, raw) {
            Ok(Some(date)) if YEARS.contains(&date.year()) => Some(date),
            Ok(Some(_)) => {
                errors.add(
                    field,
                    "out_of_range",
                    msg!(
                        "error-staat-period-years",
                        "Kies een datum tussen {first} en {last}.",
                        first = YEARS.start(),
                        last = YEARS.end()
                    ),
                );
                None
            }
            Ok(None) => {
                errors.add(
                    field,
                    "required",
                    msg!("error-staat-period-missing", "Vul een datum in."),
                );
                None
            }
            Err(e) => {
                errors.errors.extend(e.errors);
                None
            }
        };
        let (from, to) = (day("from", from), day("to", to));
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Ok(Period { from, to }),
            (Some(_), Some(_)) => Err(ValidationErrors::single(
                "to",
                "before_start",
                msg!(
                    "error-staat-period-order",
                    "De einddatum ligt vóór de begindatum."
                ),
            )),
            _ => Err(errors),
        }
    }

    /// The calendar year as a period.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether something that runs from `start` to `end` (either open) runs on some day of
    /// the period.
    pub fn overlaps(&self, start: Option<NaiveDate>, end: Option<NaiveDate>) -> bool {
        start.is_none_or(|s| s <= self.to) && end.is_none_or(|e| e >= self.from)
    }

    /// The calendar years the period touches.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from.year()..=self.to.year()
    }

    /// The day on which figures that depend on the day are judged: the period's last day,
    /// or `compiled_on` for a period that has not ended yet.
    pub fn judged_on(&self, compiled_on: NaiveDate) -> NaiveDate {
        self.to.min(compiled_on)
    }
}
