//! What makes checking and summing a large cost file cheap: each distinct cell is checked once
//! and its value given a small number ([`Memos`]), and the rows are summed by those numbers
//! ([`Totals`]), not by the code strings; the codes come back only for the figures.

use std::collections::HashMap;
use std::hash::Hash;

use super::{CostFigure, CostKey, ReportKind, RowContext};
use crate::ValidationErrors;
use crate::money::Cents;

/// One row of a file, checked: an amount on one side of one key, with the organisation and the
/// task field by their number in the [`RowContext`] that checked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedRow {
    pub organisation: u32,
    pub task_field: u32,
    pub year: i32,
    pub report: ReportKind,
    pub lasten: bool,
    pub amount: Cents,
}

/// Distinct values, each with a small number (its place in `values`).
#[derive(Debug)]
pub(super) struct Interned<T> {
    pub(super) values: Vec<T>,
    ids: HashMap<T, u32>,
}

impl<T> Default for Interned<T> {
    fn default() -> Self {
        Self {
            values: Vec::new(),
            ids: HashMap::new(),
        }
    }
}

impl<T: Clone + Eq + Hash> Interned<T> {
    pub(super) fn id(&mut self, value: T) -> u32 {
        if let Some(id) = self.ids.get(&value) {
            return *id;
        }
        let id = self.values.len() as u32;
        self.values.push(value.clone());
        self.ids.insert(value, id);
        id
    }
}

/// The outcomes of one column's cells (of one year, for a task field): an error names `field`.
#[derive(Debug)]
struct Memo {
    field: String,
    year: Option<i32>,
    outcomes: HashMap<String, Result<u32, ValidationErrors>>,
    /// The last cell found good, as a file repeats a cell on the rows that follow.
    last: String,
    last_id: Option<u32>,
}

/// What a [`RowContext`] remembers: the distinct organisations and task fields, and the
/// outcome of each cell checked.
#[derive(Debug, Default)]
pub(super) struct Memos {
    pub(super) organisations: Interned<crate::org::OrgCode>,
    pub(super) task_fields: Interned<super::TaskFieldCode>,
    cells: Vec<Memo>,
}

impl Memos {
    /// The remembered outcome of `raw` in `field` (and `year`), else `check`'s, its value given
    /// a number by `intern`, remembered.
    pub(super) fn remembered<T>(
        &mut self,
        field: &str,
        year: Option<i32>,
        raw: &str,
        check: impl FnOnce() -> Result<T, ValidationErrors>,
        intern: impl FnOnce(&mut Self, T) -> u32,
    ) -> Result<u32, ValidationErrors> {
        let at = match self.cells.iter().position(|m| m.year == year && m.field == field) {
            Some(at) => at,
            None => {
                self.cells.push(Memo {
                    field: field.to_owned(),
                    year,
                    outcomes: HashMap::new(),
                    last: String::new(),
                    last_id: None,
                });
                self.cells.len() - 1
            }
        };
        let memo = &mut self.cells[at];
        if let Some(id) = memo.last_id
            && memo.last == raw
        {
            return Ok(id);
        }
        let outcome = match memo.outcomes.get(raw) {
            Some(hit) => hit.clone(),
            None => {
                let outcome = check().map(|value| intern(self, value));
                self.cells[at].outcomes.insert(raw.to_owned(), outcome.clone());
                outcome
            }
        };
        let memo = &mut self.cells[at];
        if let Ok(id) = outcome {
            memo.last.clear();
            memo.last.push_str(raw);
            memo.last_id = Some(id);
        }
        outcome
    }
}

type SmallKey = (u32, u32, i32, ReportKind);

/// Sums checked rows into one figure per key (categories of one task field add up).
#[derive(Debug, Default)]
pub struct Totals {
    places: HashMap<SmallKey, usize>,
    sums: Vec<(SmallKey, Cents, Cents)>,
    /// The place of the last key, as a file gives the categories of one key on rows that
    /// follow each other.
    last: Option<(SmallKey, usize)>,
}

impl Totals {
    pub fn add(&mut self, row: CheckedRow) {
        let key = (row.organisation, row.task_field, row.year, row.report);
        let place = match self.last {
            Some((last, place)) if last == key => place,
            _ => {
                let next = self.sums.len();
                let place = *self.places.entry(key).or_insert(next);
                if place == next {
                    self.sums.push((key, Cents::ZERO, Cents::ZERO));
                }
                self.last = Some((key, place));
                place
            }
        };
        let sum = &mut self.sums[place];
        if row.lasten {
            sum.1 += row.amount;
        } else {
            sum.2 += row.amount;
        }
    }

    /// The figures, in key order, with the codes `context` gave the numbers to.
    pub fn figures(mut self, context: &RowContext<'_>) -> Vec<CostFigure> {
        let memos = context.memos.borrow();
        let ranks = |count: usize, order: &dyn Fn(usize, usize) -> std::cmp::Ordering| {
            let mut ids: Vec<usize> = (0..count).collect();
            ids.sort_unstable_by(|a, b| order(*a, *b));
            let mut rank = vec![0usize; count];
            for (place, id) in ids.into_iter().enumerate() {
                rank[id] = place;
            }
            rank
        };
        let organisations = &memos.organisations.values;
        let task_fields = &memos.task_fields.values;
        let org_rank = ranks(organisations.len(), &|a, b| {
            organisations[a].cmp(&organisations[b])
        });
        let field_rank = ranks(task_fields.len(), &|a, b| task_fields[a].cmp(&task_fields[b]));
        self.sums.sort_unstable_by(|(a, ..), (b, ..)| {
            (org_rank[a.0 as usize], field_rank[a.1 as usize], a.2)
                .cmp(&(org_rank[b.0 as usize], field_rank[b.1 as usize], b.2))
                .then_with(|| a.3.cmp(&b.3))
        });
        self.coded(&memos)
    }

    /// The figures of rows that all name one organisation, in key order: as
    /// [`Totals::figures`] gives them, without ranking every organisation the context knows.
    pub fn figures_of_one(mut self, context: &RowContext<'_>) -> Vec<CostFigure> {
        let memos = context.memos.borrow();
        let task_fields = &memos.task_fields.values;
        self.sums.sort_unstable_by(|(a, ..), (b, ..)| {
            (a.0, &task_fields[a.1 as usize], a.2)
                .cmp(&(b.0, &task_fields[b.1 as usize], b.2))
                .then_with(|| a.3.cmp(&b.3))
        });
        self.coded(&memos)
    }

    /// The sums as figures, in their order, with the codes of their numbers.
    fn coded(self, memos: &Memos) -> Vec<CostFigure> {
        let organisations = &memos.organisations.values;
        let task_fields = &memos.task_fields.values;
        self.sums
            .into_iter()
            .map(
                |((organisation, task_field, year, report), lasten, baten)| CostFigure {
                    key: CostKey {
                        organisation: organisations[organisation as usize].clone(),
                        task_field: task_fields[task_field as usize].clone(),
                        year,
                        report,
                    },
                    lasten,
                    baten,
                },
            )
            .collect()
    }
}

/// The figures of two parts of one file, each in key order (as [`Totals::figures`] gives
/// them), as the figures of the whole: in key order, a key found in both parts summed (a file
/// cut between the categories of one key has that key in both).
pub fn merged(first: Vec<CostFigure>, second: Vec<CostFigure>) -> Vec<CostFigure> {
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut second = second.into_iter().peekable();
    for figure in first {
        while let Some(next) = second.next_if(|next| next.key < figure.key) {
            out.push(next);
        }
        match second.next_if(|next| next.key == figure.key) {
            Some(same) => out.push(CostFigure {
                lasten: figure.lasten + same.lasten,
                baten: figure.baten + same.baten,
                ..figure
            }),
            None => out.push(figure),
        }
    }
    out.extend(second);
    out
}
