//! The table of Wgr terms, `data/rules/wgr_termijnen.csv`: one row per moment, chapter and
//! version, with its article, its term, who acts and who receives, the words it rests on and
//! where they were read. [`WgrTable::parse`] checks every cell and names each wrong one by its
//! line and column; the embedded table is parsed once ([`statutory_table`]).

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Party, TermKind, Verification, WgrChapter, WgrMoment};
use crate::collaboration::{WgrForm, parse_iso_date};
use crate::{Message, ValidationErrors, msg};

/// The table as it ships with Samenspel.
pub const WGR_TERMIJNEN_CSV: &str = include_str!("../../../../data/rules/wgr_termijnen.csv");

/// The columns of the table, in the order the file has them.
pub const COLUMNS: &[&str] = &[
    "id",
    "version",
    "valid_from",
    "valid_until",
    "chapter",
    "forms",
    "law",
    "bwb_id",
    "article",
    "lid",
    "term",
    "month",
    "day",
    "weeks",
    "anchor",
    "year_offset",
    "actor",
    "recipient",
    "verification",
    "law_url",
    "checked_at",
    "excerpt",
    "found",
];

/// A term as the law sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Term {
    /// Before a fixed day of the year (the law's "vóór 15 september").
    BeforeDate { month: u32, day: u32 },
    /// At the latest this many weeks before the last day of another moment.
    WeeksBefore {
        #[schema(value_type = String)]
        anchor: WgrMoment,
        weeks: u32,
    },
    /// At the latest this many weeks after the last day of another moment.
    WeeksAfter {
        #[schema(value_type = String)]
        anchor: WgrMoment,
        weeks: u32,
    },
    /// Within this many weeks after a document arrives (no date in the year).
    WithinWeeksOfReceipt { weeks: u32 },
    /// At a decision, without a term.
    NoTerm,
}

impl Term {
    /// The kind of term, as the table's `term` column names it.
    pub fn kind(self) -> TermKind {
        match self {
            Term::BeforeDate { .. } => TermKind::VoorDatum,
            Term::WeeksBefore { .. } => TermKind::WekenVoor,
            Term::WeeksAfter { .. } => TermKind::WekenNa,
            Term::WithinWeeksOfReceipt { .. } => TermKind::NaOntvangst,
            Term::NoTerm => TermKind::ZonderTermijn,
        }
    }

    /// Whether the term gives a date every year (the planning-and-control calendar).
    pub fn is_yearly(self) -> bool {
        matches!(
            self,
            Term::BeforeDate { .. } | Term::WeeksBefore { .. } | Term::WeeksAfter { .. }
        )
    }
}

impl WgrMoment {
    /// Whether the moment comes every year (else it comes with a decision to change, join or
    /// leave the regeling).
    pub fn is_yearly(self) -> bool {
        !matches!(
            self,
            WgrMoment::ZienswijzeRegeling | WgrMoment::ToestemmingRegeling
        )
    }
}

/// One row of the table, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WgrRule {
    #[schema(value_type = String)]
    pub moment: WgrMoment,
    /// A later version of the same moment and chapter replaces an earlier one from its
    /// `valid_from`.
    pub version: u32,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    #[schema(value_type = String)]
    pub chapter: WgrChapter,
    /// The forms of regeling the rule applies to.
    #[schema(value_type = Vec<String>)]
    pub forms: Vec<WgrForm>,
    pub law: String,
    /// The identifier in the Basiswettenbestand, e.g. `BWBR0003740`.
    pub bwb_id: String,
    pub article: String,
    pub lid: Option<String>,
    pub term: Term,
    /// The year the document concerns, relative to the year of the moment: 1 for next year's
    /// budget, -1 for last year's accounts; none for a moment without a date.
    pub year_offset: Option<i32>,
    #[schema(value_type = String)]
    pub actor: Party,
    #[schema(value_type = String)]
    pub recipient: Party,
    #[schema(value_type = String)]
    pub verification: Verification,
    /// The article on wetten.overheid.nl, as in force from `valid_from`.
    pub law_url: String,
    /// Where the wording or the term was read.
    pub checked_at: Vec<String>,
    /// The words the rule rests on, in Dutch as published.
    pub excerpt: String,
    /// What was found and where (required for [`Verification::OnzeLezing`]).
    pub found: Option<String>,
}

impl WgrRule {
    /// Whether the rule holds on `day`.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_until.is_none_or(|until| day < until)
    }

    /// Where the rule comes from, as one line: `Wet …, artikel 35, lid 1 (BWBR0003740)`.
    pub fn citation(&self) -> Message {
        crate::rules::law_citation(&self.law, &self.article, self.lid.as_deref(), &self.bwb_id)
    }
}

/// The whole table, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WgrTable {
    pub rules: Vec<WgrRule>,
}

static EMBEDDED: LazyLock<Result<WgrTable, ValidationErrors>> =
    LazyLock::new(|| WgrTable::parse(WGR_TERMIJNEN_CSV));

/// The table that ships with Samenspel, parsed once. An error names the line and column of
/// every wrong cell (a test keeps the shipped table free of them).
pub fn statutory_table() -> Result<&'static WgrTable, &'static ValidationErrors> {
    EMBEDDED.as_ref()
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

fn required(errors: &mut ValidationErrors, line: &Line<'_>, column: &str) -> Option<String> {
    let value = line.get(column);
    if value.is_empty() {
        errors.add(
            line.field(column),
            "required",
            msg!("error-wgr-table-required", "Vul {column} in.", column = column),
        );
        return None;
    }
    Some(value.to_owned())
}

fn must_be_empty(errors: &mut ValidationErrors, line: &Line<'_>, column: &str, kind: TermKind) {
    if !line.get(column).is_empty() {
        errors.add(
            line.field(column),
            "not_applicable",
            msg!(
                "error-wgr-table-not-empty",
                "Laat {column} leeg bij een termijn van de soort {term}.",
                column = column,
                term = kind.key()
            ),
        );
    }
}

fn number(errors: &mut ValidationErrors, line: &Line<'_>, column: &str, min: u32, max: u32) -> Option<u32> {
    let raw = required(errors, line, column)?;
    match raw.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.add(
                line.field(column),
                "invalid_number",
                msg!(
                    "error-wgr-table-number",
                    "'{value}' is geen geheel getal van {min} tot en met {max}.",
                    value = raw,
                    min = min,
                    max = max
                ),
            );
            None
        }
    }
}

fn https(errors: &mut ValidationErrors, line: &Line<'_>, column: &str, raw: &str) -> Option<String> {
    if raw.starts_with("https://") && !raw.contains(char::is_whitespace) {
        Some(raw.to_owned())
    } else {
        errors.add(
            line.field(column),
            "invalid_url",
            msg!(
                "error-wgr-table-url",
                "'{value}' is geen https-adres.",
                value = raw
            ),
        );
        None
    }
}

/// The earlier rows' (moment, chapter), for anchors.
type Seen = Vec<(WgrMoment, WgrChapter)>;

fn term(
    errors: &mut ValidationErrors,
    line: &Line<'_>,
    chapter: Option<WgrChapter>,
    seen: &Seen,
) -> Option<Term> {
    let kind = errors.collect(TermKind::parse_field(&line.field("term"), line.get("term")))?;
    let unused: &[&str] = match kind {
        TermKind::VoorDatum => &["weeks", "anchor"],
        TermKind::WekenVoor | TermKind::WekenNa => &["month", "day"],
        TermKind::NaOntvangst => &["month", "day", "anchor"],
        TermKind::ZonderTermijn => &["month", "day", "weeks", "anchor"],
    };
    for column in unused {
        must_be_empty(errors, line, column, kind);
    }
    match kind {
        TermKind::VoorDatum => {
            let month = number(errors, line, "month", 1, 12)?;
            let day = number(errors, line, "day", 1, 31)?;
            // Every year has the day only if a year without 29 February has it.
            if NaiveDate::from_ymd_opt(2023, month, day).is_none() {
                errors.add(
                    line.field("day"),
                    "invalid_day",
                    msg!(
                        "error-wgr-table-day",
                        "{day}-{month} is niet elk jaar een datum.",
                        day = day,
                        month = month
                    ),
                );
                return None;
            }
            Some(Term::BeforeDate { month, day })
        }
        TermKind::WekenVoor | TermKind::WekenNa => {
            let weeks = number(errors, line, "weeks", 1, 52);
            let raw = line.get("anchor");
            let anchor =
                WgrMoment::from_key(raw).filter(|a| chapter.is_some_and(|c| seen.contains(&(*a, c))));
            if anchor.is_none() {
                errors.add(
                    line.field("anchor"),
                    "invalid_anchor",
                    msg!(
                        "error-wgr-table-anchor",
                        "'{value}' is geen eerdere regel van hetzelfde hoofdstuk.",
                        value = raw
                    ),
                );
            }
            let (weeks, anchor) = (weeks?, anchor?);
            Some(if kind == TermKind::WekenVoor {
                Term::WeeksBefore { anchor, weeks }
            } else {
                Term::WeeksAfter { anchor, weeks }
            })
        }
        TermKind::NaOntvangst => Some(Term::WithinWeeksOfReceipt {
            weeks: number(errors, line, "weeks", 1, 52)?,
        }),
        TermKind::ZonderTermijn => Some(Term::NoTerm),
    }
}

fn year_offset(errors: &mut ValidationErrors, line: &Line<'_>, term: Option<Term>) -> Option<i32> {
    let raw = line.get("year_offset");
    match term {
        Some(t) if !t.is_yearly() => {
            must_be_empty(errors, line, "year_offset", t.kind());
            None
        }
        _ => match raw {
            "1" => Some(1),
            "-1" => Some(-1),
            _ => {
                errors.add(
                    line.field("year_offset"),
                    "invalid_year_offset",
                    msg!(
                        "error-wgr-table-year-offset",
                        "'{value}' is geen jaar ten opzichte van het moment; gebruik 1 (het volgende jaar) of -1 (het vorige jaar).",
                        value = raw
                    ),
                );
                None
            }
        },
    }
}

fn forms(errors: &mut ValidationErrors, line: &Line<'_>) -> Vec<WgrForm> {
    let mut out = Vec::new();
    for raw in line
        .get("forms")
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        if let Some(form) = errors.collect(WgrForm::parse_field(&line.field("forms"), raw))
            && !out.contains(&form)
        {
            out.push(form);
        }
    }
    if out.is_empty() && line.get("forms").is_empty() {
        required(errors, line, "forms");
    }
    out
}

fn dates(errors: &mut ValidationErrors, line: &Line<'_>) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let from = match errors.collect(parse_iso_date(&line.field("valid_from"), line.get("valid_from"))) {
        Some(Some(d)) => Some(d),
        Some(None) => {
            required(errors, line, "valid_from");
            None
        }
        None => None,
    };
    let until = errors.collect(parse_iso_date(
        &line.field("valid_until"),
        line.get("valid_until"),
    ))?;
    let from = from?;
    if until.is_some_and(|u| u <= from) {
        errors.add(
            line.field("valid_until"),
            "until_before_from",
            msg!(
                "error-wgr-table-until",
                "De einddatum ligt niet na de begindatum."
            ),
        );
        return None;
    }
    Some((from, until))
}

fn bwb(errors: &mut ValidationErrors, line: &Line<'_>) -> Option<String> {
    let raw = required(errors, line, "bwb_id")?;
    errors.collect(crate::rules::parse_bwb_id(&line.field("bwb_id"), &raw))
}

fn rule(errors: &mut ValidationErrors, line: &Line<'_>, seen: &Seen) -> Option<WgrRule> {
    let moment = errors.collect(WgrMoment::parse_field(&line.field("id"), line.get("id")));
    let version = number(errors, line, "version", 1, 1000);
    let dates = dates(errors, line);
    let chapter = errors.collect(WgrChapter::parse_field(
        &line.field("chapter"),
        line.get("chapter"),
    ));
    let forms = forms(errors, line);
    let law = required(errors, line, "law");
    let bwb_id = bwb(errors, line);
    let article = required(errors, line, "article");
    let lid = Some(line.get("lid").to_owned()).filter(|l| !l.is_empty());
    let term = term(errors, line, chapter, seen);
    let year_offset = year_offset(errors, line, term);
    if let (Some(m), Some(t)) = (moment, term)
        && m.is_yearly() != t.is_yearly()
    {
        errors.add(
            line.field("term"),
            "term_does_not_fit",
            msg!(
                "error-wgr-table-term-kind",
                "{moment} past niet bij een termijn van de soort {term}.",
                moment = m.key(),
                term = t.kind().key()
            ),
        );
    }
    let actor = errors.collect(Party::parse_field(&line.field("actor"), line.get("actor")));
    let recipient = errors.collect(Party::parse_field(
        &line.field("recipient"),
        line.get("recipient"),
    ));
    let verification = errors.collect(Verification::parse_field(
        &line.field("verification"),
        line.get("verification"),
    ));
    let law_url = required(errors, line, "law_url").and_then(|u| https(errors, line, "law_url", &u));
    let checked_at: Vec<String> = line
        .get("checked_at")
        .split(" | ")
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .filter_map(|u| https(errors, line, "checked_at", u))
        .collect();
    if line.get("checked_at").is_empty() {
        required(errors, line, "checked_at");
    }
    let excerpt = required(errors, line, "excerpt");
    let found = Some(line.get("found").to_owned()).filter(|f| !f.is_empty());
    if verification == Some(Verification::OnzeLezing) && found.is_none() {
        errors.add(
            line.field("found"),
            "required",
            msg!(
                "error-wgr-table-found",
                "Vermeld bij onze lezing wat er gevonden is en waar."
            ),
        );
    }
    let (valid_from, valid_until) = dates?;
    let year_offset = match term {
        Some(t) if t.is_yearly() => Some(year_offset?),
        _ => None,
    };
    Some(WgrRule {
        moment: moment?,
        version: version?,
        valid_from,
        valid_until,
        chapter: chapter?,
        forms: Some(forms).filter(|f| !f.is_empty())?,
        law: law?,
        bwb_id: bwb_id?,
        article: article?,
        lid,
        term: term?,
        year_offset,
        actor: actor?,
        recipient: recipient?,
        verification: verification?,
        law_url: law_url?,
        checked_at: Some(checked_at).filter(|c| !c.is_empty())?,
        excerpt: excerpt?,
        found: if verification == Some(Verification::OnzeLezing) {
            Some(found?)
        } else {
            found
        },
    })
}

/// Two rows for the same moment and chapter that hold on a common day.
fn overlaps(a: &WgrRule, b: &WgrRule) -> bool {
    a.moment == b.moment
        && a.chapter == b.chapter
        && a.valid_until.is_none_or(|until| b.valid_from < until)
        && b.valid_until.is_none_or(|until| a.valid_from < until)
}

impl WgrTable {
    /// Reads the table from CSV text (a header line with [`COLUMNS`], then one rule a line).
    pub fn parse(text: &str) -> Result<WgrTable, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(unreadable("1", &e)),
        };
        let mut index = Vec::new();
        for column in COLUMNS {
            match headers.iter().position(|h| h.trim() == *column) {
                Some(i) => index.push(i),
                None => errors.add(
                    format!("1:{column}"),
                    "missing_column",
                    msg!(
                        "error-wgr-table-column-missing",
                        "De kolom {column} ontbreekt.",
                        column = column
                    ),
                ),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut rules: Vec<WgrRule> = Vec::new();
        let mut seen: Seen = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    errors.errors.extend(unreadable(&line.to_string(), &e).errors);
                    continue;
                }
            };
            let line = Line {
                number: record.position().map_or(0, csv::Position::line),
                record: &record,
                index: &index,
            };
            if let Some(rule) = rule(&mut errors, &line, &seen) {
                if rules.iter().any(|earlier| overlaps(earlier, &rule)) {
                    errors.add(
                        line.field("valid_from"),
                        "overlapping_rule",
                        msg!(
                            "error-wgr-table-overlap",
                            "Er is al een regel voor {moment} in dit hoofdstuk die in dezelfde periode geldt.",
                            moment = rule.moment.key()
                        ),
                    );
                    continue;
                }
                seen.push((rule.moment, rule.chapter));
                rules.push(rule);
            }
        }
        if rules.is_empty() && errors.is_empty() {
            errors.add(
                "2",
                "empty_table",
                msg!("error-wgr-table-empty", "Het bestand bevat geen regels."),
            );
        }
        errors.finish(|| WgrTable { rules })
    }

    /// The rules of `chapter` that apply to `form` (in table order).
    pub fn rules_for(&self, chapter: WgrChapter, form: WgrForm) -> impl Iterator<Item = &WgrRule> {
        self.rules
            .iter()
            .filter(move |r| r.chapter == chapter && r.forms.contains(&form))
    }

    /// The rule for `moment` in `chapter` that holds on `day`.
    pub fn in_force(&self, moment: WgrMoment, chapter: WgrChapter, day: NaiveDate) -> Option<&WgrRule> {
        self.rules
            .iter()
            .find(|r| r.moment == moment && r.chapter == chapter && r.holds_on(day))
    }
}

fn unreadable(line: &str, error: &csv::Error) -> ValidationErrors {
    ValidationErrors::single(
        line,
        "unreadable",
        msg!(
            "error-wgr-table-unreadable",
            "Deze regel is niet te lezen: {reason}.",
            reason = error
        ),
    )
}

#[cfg(test)]
mod tests;
