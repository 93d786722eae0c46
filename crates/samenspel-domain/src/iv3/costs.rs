//! Costs per municipality per Iv3 task field per year (issue 15, item 3): the rows of the two
//! file shapes Samenspel reads, checked one at a time, and summed into one figure of lasten
//! and baten per organisation, task field, year and kind of report.
//!
//! The two shapes (column names and units are our reading; `docs/DATA.md`, "Iv3 costs"):
//!
//! - **CBS** ([`CostShape::Cbs`], after open-data table 45071NED): `Gemeenten` (the CBS code,
//!   `GM0363`), `TaakveldBalanspost` (the task field as Iv3 writes it, `6.72a`), `Categorie`
//!   (an Iv3 category; lasten start with `L`, baten with `B`), `Verslagsoort` (`begroting`,
//!   `kwartaal` or `jaarrekening`), `Perioden` (`2023JJ00` for a year, `2023KW02` for a
//!   quarter, or just `2023`) and `Bedrag` in thousands of euros. Several categories of one
//!   task field add up to its lasten and baten.
//! - **Openspending** ([`CostShape::Openspending`]): `overheid` (CBS code), `taakveld`,
//!   `jaar`, `soort` (`begroting`, `realisatie`, or `q1`–`q4`), `kant` (`baten` or
//!   `lasten`) and `bedrag` in thousands of euros, as openspending.nl gives its figures.
//!
//! A row is refused, naming its column, for an unknown organisation, an unknown task field, a
//! year outside 2000–2100, a task field not valid in that year (6.72 after 2022, 6.72a before
//! 2023), an amount that is not a number, and a negative amount ([`Cents`] are never negative;
//! Iv3 books lasten and baten as separate positive amounts).

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::{Catalogue, TaskFieldCode, YEARS};
use crate::keyed::keyed_enum;
use crate::money::Cents;
use crate::org::OrgCode;
use crate::{ValidationErrors, msg};

mod runs;
mod sums;
#[cfg(test)]
mod tests;

pub use runs::{OrganisationRuns, RunEnds, parts_fit, summed};
pub use sums::{CheckedRow, Totals, merged};

keyed_enum!(
    /// The kind of report a figure comes from (CBS: *verslagsoort*).
    ReportKind, "verslagsoort", "soort verslag" {
        Begroting => "begroting", "Begroting";
        Kwartaal1 => "kwartaal-1", "Eerste kwartaal";
        Kwartaal2 => "kwartaal-2", "Tweede kwartaal";
        Kwartaal3 => "kwartaal-3", "Derde kwartaal";
        Kwartaal4 => "kwartaal-4", "Vierde kwartaal";
        Jaarrekening => "jaarrekening", "Jaarrekening";
    }
);

keyed_enum!(
    /// The shape of a cost file.
    CostShape, "vorm", "bestandsvorm" {
        Cbs => "cbs", "CBS (tabel 45071NED)";
        Openspending => "openspending", "Openspending";
    }
);

/// The columns of the CBS shape (the toolkit reads headers in lower case).
pub const CBS_COLUMNS: &[&str] = &[
    "gemeenten",
    "taakveldbalanspost",
    "categorie",
    "verslagsoort",
    "perioden",
    "bedrag",
];

/// The columns of the openspending shape.
pub const OPENSPENDING_COLUMNS: &[&str] = &["overheid", "taakveld", "jaar", "soort", "kant", "bedrag"];

impl CostShape {
    /// The columns a file of this shape must have.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            CostShape::Cbs => CBS_COLUMNS,
            CostShape::Openspending => OPENSPENDING_COLUMNS,
        }
    }
}

/// What one figure is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
pub struct CostKey {
    pub organisation: OrgCode,
    pub task_field: TaskFieldCode,
    pub year: i32,
    pub report: ReportKind,
}

impl PartialOrd for ReportKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ReportKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let place = |k: &ReportKind| ReportKind::ALL.iter().position(|v| v == k);
        place(self).cmp(&place(other))
    }
}

/// One row of a file, checked: an amount on one side of one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostLine {
    pub key: CostKey,
    pub lasten: bool,
    pub amount: Cents,
}

/// The total lasten and baten of one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostFigure {
    #[serde(flatten)]
    pub key: CostKey,
    /// Lasten (costs) in cents.
    pub lasten: Cents,
    /// Baten (revenue) in cents.
    pub baten: Cents,
}

/// Reads an amount in thousands of euros (`1234`, `12.5`, `12,5`; at most five decimals, so
/// whole cents) into cents; errors name `field`.
pub fn parse_thousands(field: &str, raw: &str) -> Result<Cents, ValidationErrors> {
    let text = raw.trim();
    let invalid = |message| Err(ValidationErrors::single(field, "invalid_amount", message));
    if text.is_empty() {
        return invalid(msg!(
            "error-cost-amount-required",
            "Vul een bedrag in (× € 1.000)."
        ));
    }
    if text.starts_with('-') {
        return invalid(msg!(
            "error-amount-negative",
            "Een bedrag kan niet negatief zijn."
        ));
    }
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 5 {
        return invalid(msg!(
            "error-cost-amount",
            "'{value}' is geen bedrag in duizenden euro's; schrijf bijvoorbeeld 1234 of 12,5.",
            value = text
        ));
    }
    let too_large = || msg!("error-amount-too-large", "Dit bedrag is te groot.");
    let Some(thousands) = whole.parse::<i64>().ok() else {
        return invalid(too_large());
    };
    // Five decimals of a thousand are cents: `12,5` is 12 thousand and 50,000 cents.
    let scale = 10_i64.pow(5 - fraction.len() as u32);
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse::<i64>().unwrap_or(0) * scale
    };
    match thousands
        .checked_mul(100_000)
        .and_then(|c| c.checked_add(fraction))
    {
        Some(cents) => Cents::new(cents).map_or_else(|| invalid(too_large()), Ok),
        None => invalid(too_large()),
    }
}

/// A year in [`YEARS`]; errors name `field`.
fn year(field: &str, raw: &str) -> Result<i32, ValidationErrors> {
    let invalid = || {
        ValidationErrors::single(
            field,
            "invalid_year",
            msg!(
                "error-invalid-year",
                "Vul een jaar in van {first} tot en met {last}.",
                first = YEARS.start(),
                last = YEARS.end()
            ),
        )
    };
    let value: i32 = raw.trim().parse().map_err(|_| invalid())?;
    if YEARS.contains(&value) {
        Ok(value)
    } else {
        Err(invalid())
    }
}

/// The period of the CBS shape: `2023`, `2023JJ00` (a year) or `2023KW01`–`2023KW04` (a
/// quarter, given as 1–4).
pub fn parse_period(field: &str, raw: &str) -> Result<(i32, Option<u8>), ValidationErrors> {
    let text = raw.trim();
    let at = text.len().min(4);
    let (head, tail) = if text.is_char_boundary(at) {
        text.split_at(at)
    } else {
        (text, "?")
    };
    let is = |period: &str| tail.eq_ignore_ascii_case(period);
    let quarter = match tail {
        "" => None,
        _ if is("JJ00") => None,
        _ if is("KW01") => Some(1),
        _ if is("KW02") => Some(2),
        _ if is("KW03") => Some(3),
        _ if is("KW04") => Some(4),
        _ => {
            return Err(ValidationErrors::single(
                field,
                "invalid_period",
                msg!(
                    "error-cost-period",
                    "'{value}' is geen periode; schrijf bijvoorbeeld 2023JJ00 of 2023KW02.",
                    value = raw.trim()
                ),
            ));
        }
    };
    Ok((year(field, head)?, quarter))
}

fn quarter_kind(quarter: u8) -> ReportKind {
    match quarter {
        1 => ReportKind::Kwartaal1,
        2 => ReportKind::Kwartaal2,
        3 => ReportKind::Kwartaal3,
        _ => ReportKind::Kwartaal4,
    }
}

/// The kind of report of the CBS shape, from its `Verslagsoort` and the quarter of its
/// period: a quarter goes with `kwartaal` only.
fn cbs_report(field: &str, raw: &str, quarter: Option<u8>) -> Result<ReportKind, ValidationErrors> {
    // The common spellings without building a lower-case copy.
    let kind = ["begroting", "jaarrekening", "kwartaal"]
        .into_iter()
        .find(|k| raw.trim().eq_ignore_ascii_case(k))
        .map_or_else(|| raw.trim().to_lowercase().into(), std::borrow::Cow::Borrowed);
    match (kind.as_ref(), quarter) {
        ("begroting", None) => Ok(ReportKind::Begroting),
        ("jaarrekening", None) => Ok(ReportKind::Jaarrekening),
        ("kwartaal", Some(q)) => Ok(quarter_kind(q)),
        ("begroting" | "jaarrekening" | "kwartaal", _) => Err(ValidationErrors::single(
            field,
            "period_mismatch",
            msg!(
                "error-cost-period-kind",
                "Een kwartaal hoort bij verslagsoort kwartaal, een jaar (JJ00) bij begroting of jaarrekening."
            ),
        )),
        _ => Err(ValidationErrors::single(
            field,
            "unknown_value",
            msg!(
                "error-cost-report-kind",
                "'{value}' is geen verslagsoort; kies begroting, kwartaal of jaarrekening.",
                value = raw.trim()
            ),
        )),
    }
}

/// The kind of report of the openspending shape.
fn openspending_report(field: &str, raw: &str) -> Result<ReportKind, ValidationErrors> {
    match raw.trim().to_lowercase().as_str() {
        "begroting" => Ok(ReportKind::Begroting),
        "realisatie" => Ok(ReportKind::Jaarrekening),
        "q1" => Ok(ReportKind::Kwartaal1),
        "q2" => Ok(ReportKind::Kwartaal2),
        "q3" => Ok(ReportKind::Kwartaal3),
        "q4" => Ok(ReportKind::Kwartaal4),
        _ => Err(ValidationErrors::single(
            field,
            "unknown_value",
            msg!(
                "error-cost-soort",
                "'{value}' is geen soort; kies begroting, realisatie of q1 tot en met q4.",
                value = raw.trim()
            ),
        )),
    }
}

/// Whether a CBS category is lasten (`L…`) or baten (`B…`).
fn category_side(field: &str, raw: &str) -> Result<bool, ValidationErrors> {
    match raw.trim().chars().next().map(|c| c.to_ascii_uppercase()) {
        Some('L') => Ok(true),
        Some('B') => Ok(false),
        _ => Err(ValidationErrors::single(
            field,
            "unknown_value",
            msg!(
                "error-cost-category",
                "'{value}' is geen categorie; lasten beginnen met L, baten met B.",
                value = raw.trim()
            ),
        )),
    }
}

/// Whether the openspending side is lasten or baten.
fn named_side(field: &str, raw: &str) -> Result<bool, ValidationErrors> {
    match raw.trim().to_lowercase().as_str() {
        "lasten" => Ok(true),
        "baten" => Ok(false),
        _ => Err(ValidationErrors::single(
            field,
            "unknown_value",
            msg!(
                "error-cost-side",
                "'{value}' is geen kant; kies lasten of baten.",
                value = raw.trim()
            ),
        )),
    }
}

/// A known municipality's code; errors name `field`.
fn organisation(
    field: &str,
    raw: &str,
    known: &dyn Fn(&OrgCode) -> bool,
) -> Result<OrgCode, ValidationErrors> {
    let code = OrgCode::parse_field(field, raw)?;
    if known(&code) {
        Ok(code)
    } else {
        Err(ValidationErrors::single(
            field,
            "unknown_organisation",
            msg!(
                "error-cost-organisation",
                "'{value}' is geen bekende gemeente (CBS-code, bijvoorbeeld GM0363).",
                value = raw.trim()
            ),
        ))
    }
}

/// What a row check needs besides the row: the catalogue and which codes are municipalities.
/// It remembers the outcome of each organisation cell and each task field in a year, as a
/// file repeats them on many rows, and numbers the organisations and task fields it found.
pub struct RowContext<'a> {
    catalogue: &'a Catalogue,
    known: &'a dyn Fn(&OrgCode) -> bool,
    memos: RefCell<sums::Memos>,
}

/// The cells of one row by their place in [`CostShape::columns`] (empty when not there).
pub type Cells<'a> = &'a dyn Fn(usize) -> &'a str;

/// The cells of a row in the order of the shape's columns.
fn cells<'c>(cell: Cells<'c>) -> [&'c str; 6] {
    [0, 1, 2, 3, 4, 5].map(cell)
}

/// A row's values, each `None` when its cell is not good.
type Values = (
    Option<u32>,
    Option<u32>,
    Option<i32>,
    Option<ReportKind>,
    Option<bool>,
    Option<Cents>,
);

/// A row's values once each of its cells is good.
fn checked(errors: ValidationErrors, values: Values) -> Result<CheckedRow, ValidationErrors> {
    match values {
        (Some(organisation), Some(task_field), Some(year), Some(report), Some(lasten), Some(amount))
            if errors.is_empty() =>
        {
            Ok(CheckedRow {
                organisation,
                task_field,
                year,
                report,
                lasten,
                amount,
            })
        }
        _ => Err(errors),
    }
}

impl<'a> RowContext<'a> {
    pub fn new(catalogue: &'a Catalogue, known: &'a dyn Fn(&OrgCode) -> bool) -> Self {
        Self {
            catalogue,
            known,
            memos: RefCell::default(),
        }
    }

    fn organisation(&self, field: &str, raw: &str) -> Result<u32, ValidationErrors> {
        self.memos.borrow_mut().remembered(
            field,
            None,
            raw,
            || organisation(field, raw, self.known),
            |memos, code| memos.organisations.id(code),
        )
    }

    /// Checks one row of a file of `shape`; every error names its column.
    pub fn line(&self, shape: CostShape, cell: Cells<'_>) -> Result<CostLine, ValidationErrors> {
        let row = self.check(shape, cell)?;
        let memos = self.memos.borrow();
        Ok(CostLine {
            key: CostKey {
                organisation: memos.organisations.values[row.organisation as usize].clone(),
                task_field: memos.task_fields.values[row.task_field as usize].clone(),
                year: row.year,
                report: row.report,
            },
            lasten: row.lasten,
            amount: row.amount,
        })
    }

    /// [`RowContext::line`] with the organisation and the task field by their number here, to
    /// be summed by [`Totals`].
    pub fn check(&self, shape: CostShape, cell: Cells<'_>) -> Result<CheckedRow, ValidationErrors> {
        match shape {
            CostShape::Cbs => self.cbs(cell),
            CostShape::Openspending => self.openspending(cell),
        }
    }

    fn cbs(&self, cell: Cells<'_>) -> Result<CheckedRow, ValidationErrors> {
        let [gemeenten, taakveld, categorie, verslagsoort, perioden, bedrag] = cells(cell);
        let mut errors = ValidationErrors::new();
        let organisation = errors.collect(self.organisation("gemeenten", gemeenten));
        let period = errors.collect(parse_period("perioden", perioden));
        let report =
            period.and_then(|(_, quarter)| errors.collect(cbs_report("verslagsoort", verslagsoort, quarter)));
        let lasten = errors.collect(category_side("categorie", categorie));
        let task_field = self.task_field(&mut errors, "taakveldbalanspost", taakveld, period.map(|p| p.0));
        let amount = errors.collect(parse_thousands("bedrag", bedrag));
        let year = period.map(|(year, _)| year);
        checked(errors, (organisation, task_field, year, report, lasten, amount))
    }

    fn openspending(&self, cell: Cells<'_>) -> Result<CheckedRow, ValidationErrors> {
        let [overheid, taakveld, jaar, soort, kant, bedrag] = cells(cell);
        let mut errors = ValidationErrors::new();
        let organisation = errors.collect(self.organisation("overheid", overheid));
        let year = errors.collect(year("jaar", jaar));
        let report = errors.collect(openspending_report("soort", soort));
        let lasten = errors.collect(named_side("kant", kant));
        let task_field = self.task_field(&mut errors, "taakveld", taakveld, year);
        let amount = errors.collect(parse_thousands("bedrag", bedrag));
        checked(errors, (organisation, task_field, year, report, lasten, amount))
    }

    /// A known task field that holds in `year` (checked only when the year could be read).
    fn task_field(
        &self,
        errors: &mut ValidationErrors,
        field: &str,
        raw: &str,
        year: Option<i32>,
    ) -> Option<u32> {
        let mut memos = self.memos.borrow_mut();
        let Some(year) = year else {
            let code = errors.collect(TaskFieldCode::parse(field, raw))?;
            errors.collect(self.catalogue.check_known(field, &code))?;
            return Some(memos.task_fields.id(code));
        };
        errors.collect(memos.remembered(
            field,
            Some(year),
            raw,
            || {
                let code = TaskFieldCode::parse(field, raw)?;
                self.catalogue.check_booking(field, &code, year)?;
                Ok(code)
            },
            |memos, code| memos.task_fields.id(code),
        ))
    }
}

/// Sums lines into one figure per key (categories of one task field add up), in key order.
pub fn totals(lines: impl IntoIterator<Item = CostLine>) -> Vec<CostFigure> {
    let mut sums: BTreeMap<CostKey, (Cents, Cents)> = BTreeMap::new();
    for line in lines {
        let sum = sums.entry(line.key).or_insert((Cents::ZERO, Cents::ZERO));
        if line.lasten {
            sum.0 += line.amount;
        } else {
            sum.1 += line.amount;
        }
    }
    sums.into_iter()
        .map(|(key, (lasten, baten))| CostFigure { key, lasten, baten })
        .collect()
}

keyed_enum!(
    /// How a series treats the 2023 split: on the parent code (the new codes added up under
    /// it from 2023) or on the codes as booked.
    SeriesOn, "on", "reeks" {
        Parent => "parent", "Op het oude taakveld (nieuwe codes opgeteld)";
        New => "new", "Op de taakvelden zoals geboekt";
    }
);

/// One year of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SeriesPoint {
    pub year: i32,
    pub lasten: Cents,
    pub baten: Cents,
}

/// The series of one organisation's task field for one kind of report, from `figures` (of
/// any organisations and codes; the others are left out). On [`SeriesOn::Parent`] an old code
/// of the split runs on from 2023 with the sum of its new codes
/// ([`Catalogue::series_on_parent`]); on [`SeriesOn::New`] each code stands alone, so 6.72
/// ends in 2022 and 6.81a starts in 2023.
pub fn series(
    catalogue: &Catalogue,
    figures: &[CostFigure],
    organisation: &OrgCode,
    code: &TaskFieldCode,
    report: ReportKind,
    on: SeriesOn,
) -> Result<Vec<SeriesPoint>, ValidationErrors> {
    catalogue.check_known("code", code)?;
    let mine: Vec<&CostFigure> = figures
        .iter()
        .filter(|f| &f.key.organisation == organisation && f.key.report == report)
        .filter(|f| match on {
            SeriesOn::Parent => {
                &f.key.task_field == code || catalogue.parent_of(&f.key.task_field) == Some(code)
            }
            SeriesOn::New => &f.key.task_field == code,
        })
        .collect();
    let side = |pick: fn(&CostFigure) -> Cents| -> Vec<super::Amount> {
        mine.iter()
            .map(|f| (f.key.year, f.key.task_field.clone(), pick(f)))
            .collect()
    };
    let lasten = catalogue.series_on_parent(code, &side(|f| f.lasten))?;
    let baten: BTreeMap<i32, Cents> = catalogue
        .series_on_parent(code, &side(|f| f.baten))?
        .into_iter()
        .collect();
    Ok(lasten
        .into_iter()
        .map(|(year, lasten)| SeriesPoint {
            year,
            lasten,
            baten: baten.get(&year).copied().unwrap_or(Cents::ZERO),
        })
        .collect())
}
