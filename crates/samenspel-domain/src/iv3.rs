//! The Iv3 task fields (taakvelden) of municipalities as versioned reference data
//! (`data/reference/iv3/taakvelden.csv`, issue 15).
//!
//! Municipalities book their costs and revenues per task field in the Iv3 information they send
//! to CBS; the list is fixed in the yearly *Iv3-informatievoorschrift gemeenten en
//! gemeenschappelijke regelingen* of BZK (sources and what is unconfirmed:
//! `data/reference/PROVENANCE.md`, "Iv3 task fields", and `docs/DATA.md`). In 2023
//! four task fields were split and reporting on the old codes is no longer allowed from then
//! (Iv3-informatievoorschrift 2023, blad 4): 6.71 into 6.71a–d, 6.72 into the ten codes
//! 6.72a–d, 6.73a–c and 6.74a–c, 6.81 into 6.81a–b and 6.82 into 6.82a–b. In the same document
//! 6.2 *Wijkteams* became *Toegang en eerstelijnsvoorzieningen* and 6.4 *Begeleide participatie*
//! became *WSW en beschut werk* (blad 5).
//!
//! Every new code has exactly one old parent, so a series stays continuous by adding up the new
//! codes under their parent ([`Catalogue::series_on_parent`]); an old code is never mapped onto
//! one of its successors ([`Catalogue::single_successor`] refuses).
//!
//! [`Catalogue::parse`] checks every cell of the CSV and names each wrong one by its line and
//! column (`12:parent`); the shipped file is parsed once by [`shipped`].

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use crate::money::Cents;
use crate::{ValidationErrors, msg};

pub mod costs;
#[cfg(test)]
mod tests;

/// The catalogue as it ships with Samenspel.
pub const TAAKVELDEN_CSV: &str = include_str!("../../../data/reference/iv3/taakvelden.csv");

/// The years a task field, an amount or a question may be about.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The first year of the 2023 split: the old codes end the year before.
pub const SPLIT_YEAR: i32 = 2023;

/// The columns of the file, in the order it has them.
pub const COLUMNS: &[&str] = &[
    "code",
    "name",
    "valid_from_year",
    "valid_until_year",
    "parent",
    "checked",
    "source",
];

/// A task-field code as Iv3 writes it: a chapter 0–8, a dot, a number, and for the codes of
/// 2023 a lower-case letter (`0.10`, `6.2`, `6.72`, `6.74c`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, example = "6.72a")]
pub struct TaskFieldCode(String);

impl TaskFieldCode {
    /// Parses a code; an error names `field`.
    pub fn parse(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let raw = raw.trim();
        if Self::well_formed(raw) {
            Ok(TaskFieldCode(raw.to_owned()))
        } else {
            Err(ValidationErrors::single(
                field,
                "invalid_task_field",
                msg!(
                    "error-iv3-code",
                    "'{value}' is geen Iv3-taakveld; schrijf bijvoorbeeld 6.72 of 6.72a.",
                    value = raw
                ),
            ))
        }
    }

    fn well_formed(raw: &str) -> bool {
        let Some((chapter, rest)) = raw.split_once('.') else {
            return false;
        };
        let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let letters = rest.len() - digits.len();
        chapter.len() == 1
            && chapter.bytes().all(|b| (b'0'..=b'8').contains(&b))
            && (1..=2).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && letters <= 1
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TaskFieldCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the name of a row was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Checked {
    /// Read in the Iv3-informatievoorschrift 2023 itself (its list of changes, blad 4–5).
    Bron,
    /// Taken from third-party code files that agree with each other; not yet checked against
    /// the Iv3-informatievoorschrift.
    Derden,
}

impl Checked {
    fn from_key(raw: &str) -> Option<Self> {
        match raw {
            "bron" => Some(Checked::Bron),
            "derden" => Some(Checked::Derden),
            _ => None,
        }
    }
}

/// One name version of a task field, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TaskField {
    pub code: TaskFieldCode,
    /// The name in this period, in Dutch as Iv3 writes it.
    pub name: String,
    pub valid_from_year: i32,
    /// The last year of this version; none while it is in force.
    pub valid_until_year: Option<i32>,
    /// For a code of the 2023 split: the old code it adds up under.
    pub parent: Option<TaskFieldCode>,
    pub checked: Checked,
    /// Where the code and name were published.
    pub source: String,
}

impl TaskField {
    /// Whether this version holds in `year`.
    pub fn holds_in(&self, year: i32) -> bool {
        self.valid_from_year <= year && self.valid_until_year.is_none_or(|until| year <= until)
    }
}

/// The whole catalogue, checked: every code's versions do not overlap, every parent is a code
/// that ends the year before its children begin, and no parent has a parent itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Catalogue {
    pub fields: Vec<TaskField>,
}

static SHIPPED: LazyLock<Result<Catalogue, ValidationErrors>> =
    LazyLock::new(|| Catalogue::parse(TAAKVELDEN_CSV));

/// The catalogue that ships with Samenspel, parsed once. An error names the line and column of
/// every wrong cell (a test keeps the shipped file free of them).
pub fn shipped() -> Result<&'static Catalogue, &'static ValidationErrors> {
    SHIPPED.as_ref()
}

/// One amount booked on a task field in a year.
pub type Amount = (i32, TaskFieldCode, Cents);

/// Checks that `year` lies in [`YEARS`]; an error names `field`.
pub fn check_year(field: &str, year: i32) -> Result<i32, ValidationErrors> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(ValidationErrors::single(
            field,
            "invalid_year",
            msg!(
                "error-invalid-year",
                "Vul een jaar in van {first} tot en met {last}.",
                first = YEARS.start(),
                last = YEARS.end()
            ),
        ))
    }
}

impl Catalogue {
    /// Parses the CSV text (columns [`COLUMNS`], a header line first). Every wrong cell is
    /// reported, named `line:column`.
    pub fn parse(text: &str) -> Result<Catalogue, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(_) => return Err(unreadable("1")),
        };
        let mut index = Vec::new();
        for column in COLUMNS {
            match headers.iter().position(|h| h.trim() == *column) {
                Some(i) => index.push(i),
                None => errors.add(
                    format!("1:{column}"),
                    "missing_column",
                    msg!(
                        "error-iv3-column-missing",
                        "De kolom {column} ontbreekt.",
                        column = column
                    ),
                ),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut fields: Vec<(u64, TaskField)> = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    errors.errors.extend(unreadable(&line.to_string()).errors);
                    continue;
                }
            };
            let line = Line {
                number: record.position().map_or(0, csv::Position::line),
                record: &record,
                index: &index,
            };
            if let Some(field) = row(&mut errors, &line) {
                if fields
                    .iter()
                    .any(|(_, earlier)| earlier.code == field.code && overlap(earlier, &field))
                {
                    errors.add(
                        line.field("valid_from_year"),
                        "overlapping_version",
                        msg!(
                            "error-iv3-overlap",
                            "Taakveld {code} heeft al een naam in deze jaren.",
                            code = field.code
                        ),
                    );
                }
                fields.push((line.number, field));
            }
        }
        check_parents(&mut errors, &fields);
        errors.finish(|| Catalogue {
            fields: fields.into_iter().map(|(_, f)| f).collect(),
        })
    }

    /// The versions of `code`, oldest first (empty for an unknown code).
    pub fn versions<'a, 'c>(
        &'a self,
        code: &'c TaskFieldCode,
    ) -> impl Iterator<Item = &'a TaskField> + use<'a, 'c> {
        self.fields.iter().filter(move |f| &f.code == code)
    }

    /// Whether the catalogue knows `code` in any year.
    pub fn knows(&self, code: &TaskFieldCode) -> bool {
        self.versions(code).next().is_some()
    }

    /// The version of `code` in force in `year`.
    pub fn version_in(&self, code: &TaskFieldCode, year: i32) -> Option<&TaskField> {
        self.versions(code).find(|f| f.holds_in(year))
    }

    /// Whether amounts may be booked on `code` in `year`: an old code of the split is not valid
    /// after 2022, a new code not before 2023.
    pub fn valid_in(&self, code: &TaskFieldCode, year: i32) -> bool {
        self.version_in(code, year).is_some()
    }

    /// The name of `code` in `year` (6.2 is *Wijkteams* in 2022 and *Toegang en
    /// eerstelijnsvoorzieningen* in 2023).
    pub fn name_in(&self, code: &TaskFieldCode, year: i32) -> Option<&str> {
        self.version_in(code, year).map(|f| f.name.as_str())
    }

    /// The old code a code of the 2023 split adds up under; none for any other code.
    pub fn parent_of(&self, code: &TaskFieldCode) -> Option<&TaskFieldCode> {
        self.versions(code).find_map(|f| f.parent.as_ref())
    }

    /// The codes that add up under `code`, in the catalogue's order (empty for a code that was
    /// not split).
    pub fn children_of(&self, code: &TaskFieldCode) -> Vec<&TaskFieldCode> {
        let mut children: Vec<&TaskFieldCode> = Vec::new();
        for field in &self.fields {
            if field.parent.as_ref() == Some(code) && !children.contains(&&field.code) {
                children.push(&field.code);
            }
        }
        children
    }

    /// Refuses to map an old code onto one successor when it was split into several (every code
    /// of the 2023 split was): series go through the parent instead. Gives the successor only
    /// for a code with exactly one.
    pub fn single_successor(
        &self,
        field: &str,
        code: &TaskFieldCode,
    ) -> Result<&TaskFieldCode, ValidationErrors> {
        self.check_known(field, code)?;
        match self.children_of(code).as_slice() {
            [only] => Ok(only),
            [] => Err(ValidationErrors::single(
                field,
                "no_successor",
                msg!(
                    "error-iv3-no-successor",
                    "Taakveld {code} is niet opgesplitst en heeft geen opvolger.",
                    code = code
                ),
            )),
            many => Err(ValidationErrors::single(
                field,
                "ambiguous_successor",
                msg!(
                    "error-iv3-ambiguous-successor",
                    "Taakveld {code} is opgesplitst in {count} taakvelden; tel die op onder {code} in plaats van er één te kiezen.",
                    code = code,
                    count = many.len()
                ),
            )),
        }
    }

    /// Checks that `code` is known; an error names `field`.
    pub fn check_known(&self, field: &str, code: &TaskFieldCode) -> Result<(), ValidationErrors> {
        if self.knows(code) {
            Ok(())
        } else {
            Err(ValidationErrors::single(
                field,
                "unknown_task_field",
                msg!(
                    "error-iv3-unknown",
                    "Taakveld {code} bestaat niet in Iv3.",
                    code = code
                ),
            ))
        }
    }

    /// Checks that amounts may be booked on `code` in `year`: the year lies in [`YEARS`], the
    /// code is known and has a version in that year. Errors name `field`.
    pub fn check_booking(
        &self,
        field: &str,
        code: &TaskFieldCode,
        year: i32,
    ) -> Result<(), ValidationErrors> {
        check_year(field, year)?;
        self.check_known(field, code)?;
        if self.valid_in(code, year) {
            return Ok(());
        }
        let first_year = self
            .versions(code)
            .map(|f| f.valid_from_year)
            .min()
            .unwrap_or(year);
        let message = match self.parent_of(code) {
            Some(parent) if year < first_year => msg!(
                "error-iv3-not-yet-split",
                "Taakveld {code} bestaat pas vanaf {from}; in {year} boekt u op {parent}.",
                code = code,
                from = first_year,
                year = year,
                parent = parent
            ),
            None if year < first_year => msg!(
                "error-iv3-not-yet",
                "Taakveld {code} bestaat pas vanaf {from}.",
                code = code,
                from = first_year
            ),
            _ => msg!(
                "error-iv3-ended",
                "Taakveld {code} bestaat in {year} niet meer; boek op de taakvelden die het vervangen.",
                code = code,
                year = year
            ),
        };
        Err(ValidationErrors::single(field, "task_field_not_in_year", message))
    }

    /// The series of `code` per year, from `amounts` (year, code, amount): for an old code of
    /// the split its own amounts up to 2022 and the sum of its new codes from 2023, so the
    /// series runs on across the split; for any other code its own amounts. Amounts on
    /// unrelated codes are left out. Years without an amount are left out, the rest ascend.
    ///
    /// Refused whole, naming `code` or `amounts[i]`: an unknown code, a year outside
    /// [`YEARS`], or an amount on a code in a year its version does not have (6.72 in 2023).
    pub fn series_on_parent(
        &self,
        code: &TaskFieldCode,
        amounts: &[Amount],
    ) -> Result<Vec<(i32, Cents)>, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        errors.collect(self.check_known("code", code));
        for (i, (year, booked, _)) in amounts.iter().enumerate() {
            errors.collect(self.check_booking(&format!("amounts[{i}]"), booked, *year));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut per_year: BTreeMap<i32, Cents> = BTreeMap::new();
        for (year, booked, amount) in amounts {
            if booked == code || self.parent_of(booked) == Some(code) {
                *per_year.entry(*year).or_insert(Cents::ZERO) += *amount;
            }
        }
        Ok(per_year.into_iter().collect())
    }
}

/// The cells of one line, looked up by column name.
struct Line<'a> {
    number: u64,
    record: &'a csv::StringRecord,
    index: &'a [usize],
}

impl Line<'_> {
    fn field(&self, column: &str) -> String {
        format!("{}:{column}", self.number)
    }

    fn get(&self, column: &str) -> &str {
        COLUMNS
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.record.get(self.index[i]))
            .map(str::trim)
            .unwrap_or("")
    }
}

fn unreadable(line: &str) -> ValidationErrors {
    ValidationErrors::single(
        format!("{line}:code"),
        "unreadable",
        msg!(
            "error-iv3-unreadable",
            "Regel {line} is geen leesbare CSV-regel.",
            line = line
        ),
    )
}

fn required<'a>(errors: &mut ValidationErrors, line: &'a Line<'_>, column: &str) -> Option<&'a str> {
    let value = line.get(column);
    if value.is_empty() {
        errors.add(
            line.field(column),
            "required",
            msg!("error-iv3-required", "Vul {column} in.", column = column),
        );
        return None;
    }
    Some(value)
}

fn year(errors: &mut ValidationErrors, line: &Line<'_>, column: &str, raw: &str) -> Option<i32> {
    // A cell that is not a number gets the same message as a year out of range.
    errors.collect(check_year(
        &line.field(column),
        raw.parse::<i32>().unwrap_or(i32::MIN),
    ))
}

fn row(errors: &mut ValidationErrors, line: &Line<'_>) -> Option<TaskField> {
    let code = required(errors, line, "code")
        .and_then(|raw| errors.collect(TaskFieldCode::parse(&line.field("code"), raw)));
    let name = required(errors, line, "name").map(str::to_owned);
    let from =
        required(errors, line, "valid_from_year").and_then(|raw| year(errors, line, "valid_from_year", raw));
    let until_raw = line.get("valid_until_year");
    let until = if until_raw.is_empty() {
        Some(None)
    } else {
        year(errors, line, "valid_until_year", until_raw).map(Some)
    };
    if let (Some(from), Some(Some(until))) = (from, until)
        && until < from
    {
        errors.add(
            line.field("valid_until_year"),
            "ends_before_start",
            msg!(
                "error-iv3-until-before-from",
                "Het laatste jaar ({until}) ligt vóór het eerste ({from}).",
                until = until,
                from = from
            ),
        );
    }
    let parent_raw = line.get("parent");
    let parent = if parent_raw.is_empty() {
        Some(None)
    } else {
        errors
            .collect(TaskFieldCode::parse(&line.field("parent"), parent_raw))
            .map(Some)
    };
    let checked = required(errors, line, "checked").and_then(|raw| {
        let checked = Checked::from_key(raw);
        if checked.is_none() {
            errors.add(
                line.field("checked"),
                "invalid_value",
                msg!(
                    "error-iv3-checked",
                    "'{value}' is geen bekende controle; kies bron of derden.",
                    value = raw
                ),
            );
        }
        checked
    });
    let source = required(errors, line, "source").and_then(|raw| {
        if raw.starts_with("https://") && !raw.contains(char::is_whitespace) {
            Some(raw.to_owned())
        } else {
            errors.add(
                line.field("source"),
                "invalid_url",
                msg!("error-iv3-url", "'{value}' is geen https-adres.", value = raw),
            );
            None
        }
    });
    let (code, name, from, until, parent, checked, source) =
        (code?, name?, from?, until?, parent?, checked?, source?);
    if until.is_some_and(|u| u < from) {
        return None;
    }
    Some(TaskField {
        code,
        name,
        valid_from_year: from,
        valid_until_year: until,
        parent,
        checked,
        source,
    })
}

fn overlap(a: &TaskField, b: &TaskField) -> bool {
    let a_until = a.valid_until_year.unwrap_or(i32::MAX);
    let b_until = b.valid_until_year.unwrap_or(i32::MAX);
    a.valid_from_year <= b_until && b.valid_from_year <= a_until
}

/// Every parent is a known code without a parent of its own, whose last version ends the year
/// before the child's first begins; all versions of a code name the same parent.
fn check_parents(errors: &mut ValidationErrors, fields: &[(u64, TaskField)]) {
    for (number, field) in fields {
        let column = format!("{number}:parent");
        let same_code = || fields.iter().filter(|(_, f)| f.code == field.code);
        if same_code().any(|(_, f)| f.parent != field.parent) {
            errors.add(
                column,
                "inconsistent_parent",
                msg!(
                    "error-iv3-parent-inconsistent",
                    "Taakveld {code} heeft in verschillende regels een andere ouder.",
                    code = field.code
                ),
            );
            continue;
        }
        let Some(parent) = &field.parent else { continue };
        let parent_versions: Vec<&TaskField> = fields
            .iter()
            .map(|(_, f)| f)
            .filter(|f| &f.code == parent)
            .collect();
        let ends = parent_versions
            .iter()
            .map(|f| f.valid_until_year)
            .max_by_key(|until| until.unwrap_or(i32::MAX));
        let first_child_year = same_code().map(|(_, f)| f.valid_from_year).min();
        let problem = if parent_versions.is_empty() {
            Some(msg!(
                "error-iv3-parent-unknown",
                "Ouder {parent} staat niet in de lijst.",
                parent = parent
            ))
        } else if parent_versions.iter().any(|f| f.parent.is_some()) {
            Some(msg!(
                "error-iv3-parent-has-parent",
                "Ouder {parent} heeft zelf een ouder; één niveau is toegestaan.",
                parent = parent
            ))
        } else if ends.flatten().map(|u| u + 1) != first_child_year {
            Some(msg!(
                "error-iv3-parent-gap",
                "Ouder {parent} moet eindigen in het jaar vóór {code} begint.",
                parent = parent,
                code = field.code
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            errors.add(column, "invalid_parent", message);
        }
    }
}
