//! Reading a cost file while the store stores it. A file lists each municipality's rows
//! together (as CBS writes its tables), so the figures of a municipality are whole once the
//! next one begins ([`OrganisationRuns`]); they go to the store in batches while the rest of
//! the file is read, on two threads for a large file (a half each). The store keeps them in
//! its one transaction and commits only when told the file was read whole; any problem, a
//! municipality the caller may not import for, or a file whose municipalities come back
//! later tells it to store nothing. The last case is read again whole ([`super::parse`]).

use std::collections::HashSet;

use async_trait::async_trait;
use tokio::sync::mpsc;

use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::iv3::costs::{self, CostFigure, CostShape, OrganisationRuns, RunEnds};
use samenspel_domain::iv3::{self};
use samenspel_domain::org::OrgCode;
use samenspel_store::{CostRead, CostSource};

use super::{READ_IN_HALVES_FROM, municipality_itself};
use crate::import::{self, Problems};
use crate::{AppError, Principal};

/// How many figures go to the store at a time.
const BATCH: usize = 500;

/// How the reading of a file ended (the store was told the same).
#[derive(Debug)]
pub(super) enum Reading {
    /// Read whole: every figure given, then the end.
    Given,
    /// Refused for its problems or for the caller's permissions: nothing to store.
    Refused(AppError),
    /// A municipality's rows did not all follow each other: nothing stored; to be read whole.
    NotInRuns,
}

/// The store's end of the reading.
pub(super) struct Received(pub(super) mpsc::Receiver<CostRead>);

#[async_trait]
impl CostSource for Received {
    async fn next(&mut self) -> CostRead {
        self.0.recv().await.unwrap_or(CostRead::Refused)
    }
}

/// The channel to the store, for the reading threads: `None` once nothing more should go
/// (the store is gone, or the file will be refused anyway).
struct ToStore<'a> {
    sender: Option<mpsc::Sender<CostRead>>,
    batch: Vec<CostFigure>,
    who: &'a Principal,
    refused: Option<AppError>,
}

impl<'a> ToStore<'a> {
    fn new(sender: mpsc::Sender<CostRead>, who: &'a Principal) -> Self {
        Self {
            sender: Some(sender),
            batch: Vec::with_capacity(BATCH * 2),
            who,
            refused: None,
        }
    }

    /// Gives the figures of one municipality, once the caller may import them.
    fn give(&mut self, figures: Vec<CostFigure>) {
        if self.sender.is_none() {
            return;
        }
        if let Some(organisation) = figures.first().map(|f| &f.key.organisation)
            && let Err(refused) = allowed(self.who, organisation)
        {
            self.refused = Some(refused);
            self.sender = None;
            return;
        }
        self.batch.extend(figures);
        if self.batch.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH * 2));
        self.send(CostRead::Figures(batch));
    }

    fn send(&mut self, read: CostRead) {
        if let Some(sender) = &self.sender
            && sender.blocking_send(read).is_err()
        {
            self.sender = None;
        }
    }

    /// Stops giving: what is read from here on only finds problems.
    fn stop(&mut self) {
        self.sender = None;
    }
}

/// Whether `who` may import the figures of `organisation`: the actor if so.
pub(super) fn allowed(who: &Principal, organisation: &OrgCode) -> Result<Actor, AppError> {
    who.authorise(Action::ImportCosts, |own| {
        if own == organisation {
            Relation::Itself
        } else {
            Relation::None
        }
    })
}

/// One part of a file read: its runs given, its problems, its ends.
struct Part {
    problems: Problems,
    rows: usize,
    ends: RunEnds,
    refused: Option<AppError>,
}

fn read_part<'w>(
    shape: CostShape,
    text: &str,
    catalogue: &iv3::Catalogue,
    known: &HashSet<OrgCode>,
    mut to_store: ToStore<'w>,
) -> (Part, ToStore<'w>) {
    let (ends, problems, rows) = super::read_checked(
        shape,
        text,
        catalogue,
        known,
        OrganisationRuns::default(),
        |runs, checked, context, problems| {
            if let Some(figures) = runs.add(checked, context) {
                if problems.is_empty() && !runs.disordered() {
                    to_store.give(figures);
                } else {
                    to_store.stop();
                }
            }
        },
        |runs, context| runs.finish(context),
    );
    let refused = to_store.refused.take();
    (
        Part {
            problems,
            rows,
            ends,
            refused,
        },
        to_store,
    )
}

/// Reads `bytes` of `shape`, giving the store (through `sender`) the figures of each
/// municipality as its rows end, then the end or the refusal.
pub(super) fn read(
    shape: CostShape,
    bytes: &[u8],
    known: &HashSet<OrgCode>,
    who: &Principal,
    sender: mpsc::Sender<CostRead>,
) -> Reading {
    let catalogue = match super::catalogue() {
        Ok(catalogue) => catalogue,
        Err(e) => {
            let _ = sender.blocking_send(CostRead::Refused);
            return Reading::Refused(e);
        }
    };
    let text = import::decoded(bytes);
    let (parts, mut to_store) = match import::halves(&text, READ_IN_HALVES_FROM) {
        None => {
            let (part, to_store) = read_part(shape, &text, catalogue, known, ToStore::new(sender, who));
            (vec![part], to_store)
        }
        Some((first, second)) => {
            let second_sender = sender.clone();
            let (first, second) = std::thread::scope(|scope| {
                let second = scope
                    .spawn(|| read_part(shape, &second, catalogue, known, ToStore::new(second_sender, who)));
                (
                    read_part(shape, first, catalogue, known, ToStore::new(sender, who)),
                    second.join(),
                )
            });
            let Ok((second, mut second_store)) = second else {
                return Reading::Refused(AppError::internal("reading the second half of the file"));
            };
            // The second half's last batch; the end is said once, below, by the first.
            second_store.flush();
            let (first, to_store) = first;
            (vec![first, second], to_store)
        }
    };
    let outcome = ended(parts, &mut to_store);
    match &outcome {
        Ok(actor) => {
            to_store.flush();
            to_store.send(CostRead::End(actor.clone()));
        }
        Err(_) => to_store.send(CostRead::Refused),
    }
    match outcome {
        Ok(_) => Reading::Given,
        Err(reading) => reading,
    }
}

/// What the parts of a file come to: the actor in whose name it is stored, once the
/// held-back figures are given; else why nothing may be stored.
fn ended(parts: Vec<Part>, to_store: &mut ToStore<'_>) -> Result<Actor, Reading> {
    let mut ends = Vec::with_capacity(parts.len());
    let mut problems: Option<Problems> = None;
    let mut refused = None;
    let mut rows_before = 0;
    for part in parts {
        match &mut problems {
            None => problems = Some(part.problems),
            Some(first) => first.add_later(part.problems, rows_before),
        }
        rows_before += part.rows;
        refused = refused.or(part.refused);
        ends.push(part.ends);
    }
    if let Some(problems) = problems {
        problems
            .finish(())
            .map_err(|errors| Reading::Refused(AppError::Invalid(errors)))?;
    }
    if let Some(refused) = refused {
        return Err(Reading::Refused(refused));
    }
    let fit = match ends.as_slice() {
        [one] => !one.disorder,
        [first, second] => costs::parts_fit(first, second),
        _ => false,
    };
    if !fit {
        return Err(Reading::NotInRuns);
    }
    let held = costs::summed(ends.iter().flat_map(|e| e.held.iter().cloned()).collect());
    for figures in held.chunk_by(|a, b| a.key.organisation == b.key.organisation) {
        to_store.give(figures.to_vec());
    }
    if let Some(refused) = to_store.refused.take() {
        return Err(Reading::Refused(refused));
    }
    // As a file read whole names it: the actor for the last municipality in code order.
    let last = ends.iter().flat_map(|e| e.organisations.iter()).max();
    match last {
        Some(organisation) => allowed(to_store.who, organisation),
        None => to_store.who.authorise(Action::ImportCosts, municipality_itself),
    }
    .map_err(Reading::Refused)
}
