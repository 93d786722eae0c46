//! Summing a cost file one organisation at a time, so that an import can store the figures of
//! one municipality while it reads the next. A file lists the rows of each municipality
//! together (as CBS writes its tables); a *run* is such a stretch of rows of one organisation.
//! When the next organisation begins, the run before it is whole — unless the organisation
//! comes back later in the file, which [`OrganisationRuns`] notices, or the run began before
//! the part of the file being read, which is why the first run of a part is held back, as is
//! the last.

use std::collections::HashSet;

use super::{CheckedRow, CostFigure, RowContext, Totals};
use crate::org::OrgCode;

/// Sums the checked rows of (a part of) a file run by run.
#[derive(Debug, Default)]
pub struct OrganisationRuns {
    /// The organisation of the run being read, by its number, and its sums.
    run: Option<(u32, Totals)>,
    /// Whether the organisation with this number had a run that ended.
    ended: Vec<bool>,
    /// The first run of the part, held back.
    first: Option<Vec<CostFigure>>,
    /// An organisation came back after its run ended.
    disorder: bool,
}

/// What is left when a part is read: the runs held back and what the part saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunEnds {
    /// The figures of the part's first and last run (one run when the part has one), in
    /// key order within each run.
    pub held: Vec<CostFigure>,
    /// The organisation of the part's first run and of its last.
    pub first: Option<OrgCode>,
    pub last: Option<OrgCode>,
    /// Every organisation the part has rows of.
    pub organisations: Vec<OrgCode>,
    /// An organisation's rows stood in two runs, so a run given as whole was not.
    pub disorder: bool,
}

impl OrganisationRuns {
    /// Adds a checked row; when it begins another organisation's run, the figures of the run
    /// that ended (in key order), unless that was the part's first run, which is held back.
    pub fn add(&mut self, row: CheckedRow, context: &RowContext<'_>) -> Option<Vec<CostFigure>> {
        let mut ended = None;
        match &mut self.run {
            Some((organisation, totals)) if *organisation == row.organisation => {
                totals.add(row);
                return None;
            }
            Some(_) => ended = self.run.take(),
            None => {}
        }
        if self.was_ended(row.organisation) {
            self.disorder = true;
        }
        let mut totals = Totals::default();
        totals.add(row);
        self.run = Some((row.organisation, totals));
        let (organisation, totals) = ended?;
        self.mark_ended(organisation);
        let figures = totals.figures_of_one(context);
        if self.first.is_none() {
            self.first = Some(figures);
            None
        } else {
            Some(figures)
        }
    }

    /// Whether an organisation came back after its run ended (so the runs given were not
    /// all whole).
    pub fn disordered(&self) -> bool {
        self.disorder
    }

    fn was_ended(&self, organisation: u32) -> bool {
        self.ended.get(organisation as usize).copied().unwrap_or(false)
    }

    fn mark_ended(&mut self, organisation: u32) {
        let at = organisation as usize;
        if self.ended.len() <= at {
            self.ended.resize(at + 1, false);
        }
        self.ended[at] = true;
    }

    /// The runs held back (the first and the last) and what the part saw.
    pub fn finish(self, context: &RowContext<'_>) -> RunEnds {
        let last = self.run.map(|(_, totals)| totals.figures_of_one(context));
        let organisation_of = |figures: &Option<Vec<CostFigure>>| {
            figures
                .as_ref()
                .and_then(|f| f.first())
                .map(|f| f.key.organisation.clone())
        };
        let (first_org, last_org) = (organisation_of(&self.first), organisation_of(&last));
        let memos = context.memos.borrow();
        RunEnds {
            held: self.first.into_iter().chain(last).flatten().collect(),
            first: first_org.clone().or_else(|| last_org.clone()),
            last: last_org.or(first_org),
            organisations: memos.organisations.values.clone(),
            disorder: self.disorder,
        }
    }
}

/// Whether the runs given as whole by two parts of one file, read each on its own, were
/// whole: no organisation stands in both parts, except the one the first part ends with
/// when the second begins with it (a file cut inside that organisation's rows; its figures
/// are held back by both and summed).
pub fn parts_fit(first: &RunEnds, second: &RunEnds) -> bool {
    if first.disorder || second.disorder {
        return false;
    }
    let shared_may_be = match (&first.last, &second.first) {
        (Some(a), Some(b)) if a == b => Some(a),
        _ => None,
    };
    let in_first: HashSet<&OrgCode> = first.organisations.iter().collect();
    second
        .organisations
        .iter()
        .filter(|o| in_first.contains(o))
        .all(|o| Some(o) == shared_may_be)
}

/// Figures of the same keys summed, in key order (for the held-back runs of the parts).
pub fn summed(mut figures: Vec<CostFigure>) -> Vec<CostFigure> {
    figures.sort_by(|a, b| a.key.cmp(&b.key));
    let mut out: Vec<CostFigure> = Vec::with_capacity(figures.len());
    for figure in figures {
        match out.last_mut() {
            Some(last) if last.key == figure.key => {
                last.lasten += figure.lasten;
                last.baten += figure.baten;
            }
            _ => out.push(figure),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iv3::costs::{CostKey, CostShape, ReportKind, totals};
    use crate::iv3::{Catalogue, shipped};
    use crate::money::Cents;

    const ORGS: [&str; 4] = ["GM0014", "GM0344", "GM0363", "GM0599"];
    const FIELDS: [&str; 3] = ["0.1", "6.1", "7.1"];

    fn catalogue() -> &'static Catalogue {
        shipped().unwrap_or_else(|e| panic!("the shipped catalogue does not parse: {e}"))
    }

    fn known(code: &OrgCode) -> bool {
        ORGS.contains(&code.as_str())
    }

    /// A row: organisation, task field (by their place above), year, begroting, lasten, amount.
    type Row = (usize, usize, i32, bool, bool, i64);

    fn cells(row: &Row) -> [String; 6] {
        let (o, f, year, begroting, lasten, amount) = *row;
        [
            ORGS[o].to_owned(),
            FIELDS[f].to_owned(),
            year.to_string(),
            if begroting { "begroting" } else { "realisatie" }.to_owned(),
            if lasten { "lasten" } else { "baten" }.to_owned(),
            // Thousands of euros with three decimals: whole euros.
            format!("{}.{:03}", amount / 1000, amount % 1000),
        ]
    }

    /// Reads `rows` as one part of a file: the runs given as whole, and the ends.
    fn read(rows: &[Row]) -> (Vec<Vec<CostFigure>>, RunEnds) {
        let context = RowContext::new(catalogue(), &known);
        let mut runs = OrganisationRuns::default();
        let mut given = Vec::new();
        for row in rows {
            let cells = cells(row);
            let cell = |i: usize| -> &str { cells[i].as_str() };
            let checked = context
                .check(CostShape::Openspending, &cell)
                .unwrap_or_else(|e| panic!("{row:?}: {e:?}"));
            given.extend(runs.add(checked, &context));
        }
        (given, runs.finish(&context))
    }

    fn whole(rows: &[Row]) -> Vec<CostFigure> {
        let context = RowContext::new(catalogue(), &known);
        totals(rows.iter().map(|row| {
            let cells = cells(row);
            let cell = |i: usize| -> &str { cells[i].as_str() };
            context
                .line(CostShape::Openspending, &cell)
                .unwrap_or_else(|e| panic!("{row:?}: {e:?}"))
        }))
    }

    /// Whether each organisation's rows follow each other in `rows`.
    fn grouped(rows: &[Row]) -> bool {
        let mut runs: Vec<usize> = rows.iter().map(|r| r.0).collect();
        runs.dedup();
        let mut sorted = runs.clone();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.len() == runs.len()
    }

    /// What two parts give in all: the runs given as whole, then the held ones summed.
    fn given_in_all(first: &[Row], second: &[Row]) -> (Vec<CostFigure>, bool) {
        let (mut given, a) = read(first);
        let (more, b) = read(second);
        given.extend(more);
        let fit = parts_fit(&a, &b);
        let mut all: Vec<CostFigure> = given.into_iter().flatten().collect();
        all.extend(summed(a.held.into_iter().chain(b.held).collect()));
        all.sort_by(|x, y| x.key.cmp(&y.key));
        (all, fit)
    }

    /// A figure of 2024's jaarrekening with `euros` of lasten.
    fn figure(o: usize, f: usize, euros: i64) -> CostFigure {
        CostFigure {
            key: CostKey {
                organisation: OrgCode::parse(ORGS[o]).unwrap(),
                task_field: crate::iv3::TaskFieldCode::parse("c", FIELDS[f]).unwrap(),
                year: 2024,
                report: ReportKind::Jaarrekening,
            },
            lasten: Cents::new(euros * 100).unwrap(),
            baten: Cents::ZERO,
        }
    }

    #[test]
    fn a_run_is_given_when_the_next_organisation_begins_and_the_first_and_last_are_held() {
        let row = |o, f, euros: i64| (o, f, 2024, false, true, euros);
        let (given, ends) = read(&[
            row(0, 1, 1),
            row(0, 0, 2),
            row(1, 0, 3),
            row(2, 2, 4),
            row(2, 2, 5),
            row(3, 0, 6),
        ]);
        // GM0014 is the first run (held); GM0344 and GM0363 are given, each in key order.
        assert_eq!(given, [vec![figure(1, 0, 3)], vec![figure(2, 2, 9)]]);
        assert_eq!(ends.held, [figure(0, 0, 2), figure(0, 1, 1), figure(3, 0, 6)]);
        assert_eq!(
            (ends.first.unwrap().as_str(), ends.last.unwrap().as_str()),
            ("GM0014", "GM0599")
        );
        assert!(!ends.disorder);
    }

    #[test]
    fn an_organisation_that_comes_back_is_disorder() {
        let row = |o| (o, 0, 2024, false, true, 1);
        assert!(read(&[row(0), row(1), row(0)]).1.disorder);
        assert!(read(&[row(0), row(1), row(2), row(1)]).1.disorder);
        assert!(!read(&[row(0), row(0), row(1), row(1)]).1.disorder);
        // One run only: held once, first and last the same organisation.
        let (given, ends) = read(&[row(2), row(2)]);
        assert!(given.is_empty());
        assert_eq!(ends.held, [figure(2, 0, 2)]);
        assert_eq!(ends.first, ends.last);
    }

    #[test]
    fn parts_fit_only_where_they_share_the_organisation_they_were_cut_in() {
        let row = |o| (o, 0, 2024, false, true, 100);
        let fit = |a: &[Row], b: &[Row]| parts_fit(&read(a).1, &read(b).1);
        assert!(fit(&[row(0), row(1)], &[row(1), row(2)]));
        assert!(fit(&[row(0), row(1)], &[row(2), row(3)]));
        assert!(fit(&[], &[row(2), row(3)]));
        assert!(!fit(&[row(0), row(1)], &[row(0), row(2)]));
        assert!(!fit(&[row(0), row(1)], &[row(2), row(1)]));
        assert!(!fit(&[row(1), row(0)], &[row(1), row(2)]));
    }

    proptest::proptest! {
        /// Cut anywhere, a file whose organisations' rows follow each other gives, through
        /// the runs of its two parts and their held runs summed, every figure of the whole
        /// once; a file where an organisation comes back is told apart, so never stored so.
        #[test]
        fn runs_of_two_parts_give_the_figures_of_the_whole_when_and_only_when_they_fit(
            rows in proptest::collection::vec((0usize..4, 0usize..3, 2022i32..2025, proptest::bool::ANY, proptest::bool::ANY, 0i64..1_000_000), 0..50),
            sort in proptest::bool::ANY,
            cut in 0usize..51,
        ) {
            let mut rows = rows;
            if sort {
                rows.sort_by_key(|r| r.0);
            }
            let cut = cut.min(rows.len());
            let (all, fit) = given_in_all(&rows[..cut], &rows[cut..]);
            proptest::prop_assert_eq!(fit, grouped(&rows));
            if fit {
                proptest::prop_assert_eq!(all, whole(&rows));
            }
        }
    }
}
