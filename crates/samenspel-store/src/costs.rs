//! Costs per municipality per Iv3 task field (issue 15, item 3): one import per file, the
//! figures it sets, and the figures it replaced kept as history.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::iv3::TaskFieldCode;
use samenspel_domain::iv3::costs::{CostFigure, CostShape, ReportKind};
use samenspel_domain::money::Cents;
use samenspel_domain::org::OrgCode;
use serde::Serialize;

use crate::StoreResult;

/// The file an import comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostFile {
    /// SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    pub shape: CostShape,
    pub file_name: String,
    /// Generated demonstration figures (`serve --demo`), shown as such.
    pub demo: bool,
}

/// What an import did. `import_id` is none when it changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostImportReport {
    pub import_id: Option<i64>,
    /// The same file (hash and shape) was imported before.
    pub already_imported: bool,
    pub added: u64,
    pub replaced: u64,
    pub unchanged: u64,
}

/// A stored figure with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StoredCost {
    #[serde(flatten)]
    pub figure: CostFigure,
    pub import_id: i64,
    /// Generated demonstration figures.
    pub demo: bool,
}

/// A figure a later import replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReplacedCost {
    #[serde(flatten)]
    pub figure: CostFigure,
    pub import_id: i64,
    pub replaced_by: i64,
}

/// One import as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostImportRecord {
    pub id: i64,
    pub sha256: String,
    pub shape: CostShape,
    pub file_name: String,
    pub demo: bool,
    pub figures: i64,
    pub imported_by: String,
    pub imported_at: DateTime<Utc>,
}

/// The sum over all municipalities of one task field in a year and kind of report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostSum {
    pub task_field: TaskFieldCode,
    pub lasten: Cents,
    pub baten: Cents,
}

/// What an import is handed, in turn, as its file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostRead {
    /// Checked figures, each key once in the whole file.
    Figures(Vec<CostFigure>),
    /// The file was read whole and every figure given: store them, in the name of the actor.
    End(Actor),
    /// The file is refused (or was not read in an order that lets it be stored while read):
    /// store nothing.
    Refused,
}

/// Where an import takes its figures from: the reading of a file, while it goes on.
#[async_trait]
pub trait CostSource: Send {
    /// The next figures, the end, or the refusal. A source that ends without saying either
    /// (its reader gone) is a refusal.
    async fn next(&mut self) -> CostRead;
}

/// A source of figures already read, in the name of `actor`.
#[derive(Debug)]
pub struct FiguresRead {
    figures: Option<Vec<CostFigure>>,
    actor: Actor,
}

impl FiguresRead {
    pub fn new(figures: Vec<CostFigure>, actor: Actor) -> Self {
        Self {
            figures: Some(figures),
            actor,
        }
    }
}

#[async_trait]
impl CostSource for FiguresRead {
    async fn next(&mut self) -> CostRead {
        match self.figures.take() {
            Some(figures) => CostRead::Figures(figures),
            None => CostRead::End(self.actor.clone()),
        }
    }
}

#[async_trait]
pub trait CostStore {
    /// Stores the checked figures of one file in one transaction with one audit event, taking
    /// them from `source` as they are read, so storing goes on while the file is read:
    /// nothing when the same file (hash and shape) was imported before or when every figure
    /// is already stored as it is; otherwise new figures are added and changed ones replace
    /// the stored ones, which move to the history. `None` when the source refused the file
    /// (nothing stored). Imports are serialised, so concurrent ones lose nothing.
    async fn import_costs(
        &self,
        file: &CostFile,
        source: &mut dyn CostSource,
    ) -> StoreResult<Option<CostImportReport>>;
    /// The current figures of an organisation, by task field, year and kind of report.
    async fn costs_of(&self, organisation: &OrgCode) -> StoreResult<Vec<StoredCost>>;
    /// The figures of an organisation that later imports replaced, oldest first.
    async fn cost_history_of(&self, organisation: &OrgCode) -> StoreResult<Vec<ReplacedCost>>;
    /// The organisations with figures, each with whether all its figures are demonstration
    /// figures.
    async fn cost_organisations(&self) -> StoreResult<Vec<(OrgCode, bool)>>;
    /// The imports, newest first.
    async fn cost_imports(&self) -> StoreResult<Vec<CostImportRecord>>;
    /// Per task field the sum over all organisations of a year and kind of report.
    async fn cost_sums(&self, year: i32, report: ReportKind) -> StoreResult<Vec<CostSum>>;
}
