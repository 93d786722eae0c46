//! Costs per municipality per Iv3 task field: one import per file (its hash and shape), the
//! current figures, and the figures later imports replaced. An import runs in one write
//! transaction that first takes the audit head's row lock, so concurrent imports queue (on
//! SQLite the write lock does the same) and each sees the figures the one before stored.

use std::collections::{BTreeSet, HashMap};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::iv3::TaskFieldCode;
use samenspel_domain::iv3::costs::{CostFigure, CostKey, CostShape, ReportKind};
use samenspel_domain::money::Cents;
use samenspel_domain::org::OrgCode;
use samenspel_store::{
    AuditEvent, CostFile, CostImportRecord, CostImportReport, CostRead, CostSource, CostStore, CostSum,
    ReplacedCost, StoreResult, StoredCost,
};

use super::organisations::org_code;
use super::read::fetch_all_into;
use super::{BACKEND, Conn, SqlStore};
use crate::error::{Error, Result, boundary, corrupt};

/// Takes the audit head's row lock at the start (PostgreSQL), so imports run one at a time.
const LOCK: &str = "UPDATE audit_head SET last_id = last_id WHERE id = 1";

const FIND_IMPORT: &str = "SELECT id FROM iv3_cost_imports WHERE sha256 = $1 AND shape = $2";

const INSERT_IMPORT: &str = "INSERT INTO iv3_cost_imports (sha256, shape, file_name, demo, figures, imported_by, imported_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

const FIGURE_COLUMNS: &str = "organisation, task_field, year, report, lasten_cents, baten_cents, import_id";

const FINISH_IMPORT: &str = "UPDATE iv3_cost_imports SET figures = $1, imported_by = $2 WHERE id = $3";

const CURRENT_OF_YEAR: &str = "SELECT organisation, task_field, year, report, lasten_cents, baten_cents, import_id \
     FROM iv3_costs WHERE year = $1";

const COSTS_OF: &str = "SELECT c.organisation, c.task_field, c.year, c.report, c.lasten_cents, c.baten_cents, c.import_id, i.demo \
     FROM iv3_costs c JOIN iv3_cost_imports i ON i.id = c.import_id WHERE c.organisation = $1 \
     ORDER BY c.task_field, c.year, c.report";

const HISTORY_OF: &str = "SELECT organisation, task_field, year, report, lasten_cents, baten_cents, import_id, replaced_by \
     FROM iv3_cost_history WHERE organisation = $1 ORDER BY id";

const ORGANISATIONS: &str = "SELECT c.organisation, CAST(MIN(CASE WHEN i.demo THEN 1 ELSE 0 END) AS BIGINT) AS all_demo \
     FROM iv3_costs c JOIN iv3_cost_imports i ON i.id = c.import_id GROUP BY c.organisation ORDER BY c.organisation";

const IMPORTS: &str = "SELECT id, sha256, shape, file_name, demo, figures, imported_by, imported_at \
     FROM iv3_cost_imports ORDER BY id DESC";

const SUMS: &str = "SELECT task_field, CAST(SUM(lasten_cents) AS BIGINT) AS lasten, CAST(SUM(baten_cents) AS BIGINT) AS baten FROM iv3_costs \
     WHERE year = $1 AND report = $2 GROUP BY task_field ORDER BY task_field";

/// Rows per multi-row statement (7 bind values each, well under either backend's limit).
/// (4,000 rows a statement showed no clear gain and held more memory.)
const CHUNK: usize = 500;

#[derive(sqlx::FromRow)]
struct FigureRow {
    organisation: String,
    task_field: String,
    year: i32,
    report: String,
    lasten_cents: i64,
    baten_cents: i64,
    import_id: i64,
}

fn cents(what: &str, value: i64) -> Result<Cents> {
    Cents::new(value).ok_or_else(|| corrupt(what, &value.to_string()))
}

impl FigureRow {
    fn figure(&self) -> Result<CostFigure> {
        Ok(CostFigure {
            key: CostKey {
                organisation: org_code(&self.organisation)?,
                task_field: TaskFieldCode::parse("task_field", &self.task_field)
                    .map_err(|_| corrupt("task field", &self.task_field))?,
                year: self.year,
                report: ReportKind::from_key(&self.report)
                    .ok_or_else(|| corrupt("report kind", &self.report))?,
            },
            lasten: cents("lasten", self.lasten_cents)?,
            baten: cents("baten", self.baten_cents)?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    #[sqlx(flatten)]
    figure: FigureRow,
    demo: bool,
}

impl TryFrom<StoredRow> for StoredCost {
    type Error = Error;

    fn try_from(row: StoredRow) -> Result<Self> {
        Ok(StoredCost {
            figure: row.figure.figure()?,
            import_id: row.figure.import_id,
            demo: row.demo,
        })
    }
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    #[sqlx(flatten)]
    figure: FigureRow,
    replaced_by: i64,
}

impl TryFrom<HistoryRow> for ReplacedCost {
    type Error = Error;

    fn try_from(row: HistoryRow) -> Result<Self> {
        Ok(ReplacedCost {
            figure: row.figure.figure()?,
            import_id: row.figure.import_id,
            replaced_by: row.replaced_by,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ImportRow {
    id: i64,
    sha256: String,
    shape: String,
    file_name: String,
    demo: bool,
    figures: i64,
    imported_by: String,
    imported_at: DateTime<Utc>,
}

impl TryFrom<ImportRow> for CostImportRecord {
    type Error = Error;

    fn try_from(row: ImportRow) -> Result<Self> {
        Ok(CostImportRecord {
            id: row.id,
            shape: CostShape::from_key(&row.shape).ok_or_else(|| corrupt("cost file shape", &row.shape))?,
            sha256: row.sha256,
            file_name: row.file_name,
            demo: row.demo,
            figures: row.figures,
            imported_by: row.imported_by,
            imported_at: row.imported_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct SumRow {
    task_field: String,
    lasten: i64,
    baten: i64,
}

impl TryFrom<SumRow> for CostSum {
    type Error = Error;

    fn try_from(row: SumRow) -> Result<Self> {
        Ok(CostSum {
            task_field: TaskFieldCode::parse("task_field", &row.task_field)
                .map_err(|_| corrupt("task field", &row.task_field))?,
            lasten: cents("lasten", row.lasten)?,
            baten: cents("baten", row.baten)?,
        })
    }
}

/// `count` groups of `width` placeholders: numbered (`$1`, …) on PostgreSQL; plain `?` on
/// SQLite, which finds a numbered parameter by its name in a list, so binding thousands of them
/// takes time that grows with the square of their number.
pub(super) fn values(count: usize, width: usize) -> String {
    use std::fmt::Write as _;
    let mut sql = String::with_capacity(count * width * 6);
    for r in 0..count {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 1..=width {
            if c > 1 {
                sql.push_str(", ");
            }
            if BACKEND == "sqlite" {
                sql.push('?');
            } else {
                let _ = write!(sql, "${}", r * width + c);
            }
        }
        sql.push(')');
    }
    sql
}

/// Writes `figures` into the current figures in chunks, replacing a figure with the same key.
async fn upsert_figures(conn: &mut Conn, figures: &[&CostFigure], import_id: i64) -> Result<()> {
    for chunk in figures.chunks(CHUNK) {
        let sql = format!(
            "INSERT INTO iv3_costs ({FIGURE_COLUMNS}) VALUES {} ON CONFLICT (organisation, task_field, year, report) \
             DO UPDATE SET lasten_cents = excluded.lasten_cents, baten_cents = excluded.baten_cents, import_id = excluded.import_id",
            values(chunk.len(), 7)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for figure in chunk {
            query = query
                .bind(figure.key.organisation.as_str())
                .bind(figure.key.task_field.as_str())
                .bind(figure.key.year)
                .bind(figure.key.report.key())
                .bind(figure.lasten.get())
                .bind(figure.baten.get())
                .bind(import_id);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The history rows: the replaced figure, the import that set it and the one that replaced it.
async fn insert_history(conn: &mut Conn, replaced: &[(CostFigure, i64)], replaced_by: i64) -> Result<()> {
    for chunk in replaced.chunks(CHUNK) {
        let placeholders = values(chunk.len(), 8);
        let sql =
            format!("INSERT INTO iv3_cost_history ({FIGURE_COLUMNS}, replaced_by) VALUES {placeholders}");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (figure, import_id) in chunk {
            query = query
                .bind(figure.key.organisation.as_str())
                .bind(figure.key.task_field.as_str())
                .bind(figure.key.year)
                .bind(figure.key.report.key())
                .bind(figure.lasten.get())
                .bind(figure.baten.get())
                .bind(*import_id)
                .bind(replaced_by);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// An import under way in its transaction: the figures stored before it, of the years its
/// figures have named so far, and what it did with each figure.
struct Importing {
    import_id: i64,
    years: BTreeSet<i32>,
    current: HashMap<CostKey, (CostFigure, i64)>,
    report: CostImportReport,
}

impl Importing {
    fn new(import_id: i64) -> Self {
        Self {
            import_id,
            years: BTreeSet::new(),
            current: HashMap::new(),
            report: CostImportReport {
                import_id: None,
                already_imported: false,
                added: 0,
                replaced: 0,
                unchanged: 0,
            },
        }
    }

    /// Adds new figures, replaces changed ones (the stored one to the history) and counts
    /// the unchanged.
    async fn store(&mut self, conn: &mut Conn, figures: &[CostFigure]) -> Result<()> {
        for figure in figures {
            if self.years.insert(figure.key.year) {
                let rows: Vec<FigureRow> = sqlx::query_as(CURRENT_OF_YEAR)
                    .bind(figure.key.year)
                    .fetch_all(&mut *conn)
                    .await?;
                for row in rows {
                    let stored = row.figure()?;
                    self.current.insert(stored.key.clone(), (stored, row.import_id));
                }
            }
        }
        if self.current.is_empty() {
            // Nothing stored in these years yet (a new year's file): every figure is new.
            self.report.added += figures.len() as u64;
            let added: Vec<&CostFigure> = figures.iter().collect();
            return upsert_figures(conn, &added, self.import_id).await;
        }
        let mut changed: Vec<&CostFigure> = Vec::new();
        let mut replaced: Vec<(CostFigure, i64)> = Vec::new();
        for figure in figures {
            match self.current.remove(&figure.key) {
                None => {
                    self.report.added += 1;
                    changed.push(figure);
                }
                Some((old, _)) if old.lasten == figure.lasten && old.baten == figure.baten => {
                    self.report.unchanged += 1
                }
                Some(old) => {
                    replaced.push(old);
                    changed.push(figure);
                }
            }
        }
        self.report.replaced += replaced.len() as u64;
        insert_history(conn, &replaced, self.import_id).await?;
        upsert_figures(conn, &changed, self.import_id).await
    }

    fn figures(&self) -> u64 {
        self.report.added + self.report.replaced + self.report.unchanged
    }
}

/// What an import of a file imported before says, once its source has given every figure
/// (counted as unchanged); `None` when the source refused the file.
async fn already_imported(source: &mut dyn CostSource) -> Option<CostImportReport> {
    let mut unchanged = 0u64;
    loop {
        match source.next().await {
            CostRead::Figures(figures) => unchanged += figures.len() as u64,
            CostRead::End(_) => {
                return Some(CostImportReport {
                    import_id: None,
                    already_imported: true,
                    added: 0,
                    replaced: 0,
                    unchanged,
                });
            }
            CostRead::Refused => return None,
        }
    }
}

#[async_trait]
impl CostStore for SqlStore {
    async fn import_costs(
        &self,
        file: &CostFile,
        source: &mut dyn CostSource,
    ) -> StoreResult<Option<CostImportReport>> {
        boundary(async {
            let mut tx = self.write().await?;
            sqlx::query(LOCK).execute(&mut *tx).await?;
            let before: Option<i64> = sqlx::query_scalar(FIND_IMPORT)
                .bind(&file.sha256)
                .bind(file.shape.key())
                .fetch_optional(&mut *tx)
                .await?;
            if before.is_some() {
                return Ok(already_imported(source).await);
            }
            // The record first, as every figure names it; who imported it and how many
            // figures it had are known at the end. Dropped with the transaction when the
            // import changes nothing or is refused.
            let import_id: i64 = sqlx::query_scalar(INSERT_IMPORT)
                .bind(&file.sha256)
                .bind(file.shape.key())
                .bind(&file.file_name)
                .bind(file.demo)
                .bind(0i64)
                .bind("")
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await?;
            let mut importing = Importing::new(import_id);
            let actor = loop {
                match source.next().await {
                    CostRead::Figures(figures) => importing.store(&mut tx, &figures).await?,
                    CostRead::End(actor) => break actor,
                    CostRead::Refused => return Ok(None),
                }
            };
            let mut report = importing.report.clone();
            if report.added + report.replaced == 0 {
                // Every figure is stored as it is: nothing to record.
                return Ok(Some(report));
            }
            sqlx::query(FINISH_IMPORT)
                .bind(importing.figures() as i64)
                .bind(&actor.name)
                .bind(import_id)
                .execute(&mut *tx)
                .await?;
            report.import_id = Some(import_id);
            tx.commit(
                &actor,
                AuditEvent::Iv3CostImport {
                    import_id,
                    file,
                    report: &report,
                },
            )
            .await?;
            Ok(Some(report))
        })
        .await
    }

    async fn costs_of(&self, organisation: &OrgCode) -> StoreResult<Vec<StoredCost>> {
        let query = sqlx::query_as::<_, StoredRow>(COSTS_OF).bind(organisation.as_str());
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn cost_history_of(&self, organisation: &OrgCode) -> StoreResult<Vec<ReplacedCost>> {
        let query = sqlx::query_as::<_, HistoryRow>(HISTORY_OF).bind(organisation.as_str());
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn cost_organisations(&self) -> StoreResult<Vec<(OrgCode, bool)>> {
        boundary(async {
            let rows: Vec<(String, i64)> = sqlx::query_as(ORGANISATIONS).fetch_all(&self.pool).await?;
            rows.into_iter()
                .map(|(code, demo)| Ok((org_code(&code)?, demo == 1)))
                .collect()
        })
        .await
    }

    async fn cost_imports(&self) -> StoreResult<Vec<CostImportRecord>> {
        let query = sqlx::query_as::<_, ImportRow>(IMPORTS);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn cost_sums(&self, year: i32, report: ReportKind) -> StoreResult<Vec<CostSum>> {
        let query = sqlx::query_as::<_, SumRow>(SUMS).bind(year).bind(report.key());
        boundary(fetch_all_into(query, &self.pool)).await
    }
}
