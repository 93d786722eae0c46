//! Costs per municipality per Iv3 task field: one import per file (its hash and shape), the
//! current figures, and the figures later imports replaced. An import runs in one write
//! transaction that first takes the audit head's row lock, so concurrent imports queue (on
//! SQLite the write lock does the same) and each sees the figures the one before stored.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::iv3::TaskFieldCode;
use samenspel_domain::iv3::costs::{CostFigure, CostKey, CostShape, ReportKind};
use samenspel_domain::money::Cents;
use samenspel_domain::org::OrgCode;
use samenspel_store::{
    AuditEvent, CostFile, CostImportRecord, CostImportReport, CostStore, CostSum, ReplacedCost, StoreResult,
    StoredCost,
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

const CURRENT_IN_YEARS: &str = "SELECT organisation, task_field, year, report, lasten_cents, baten_cents, import_id \
     FROM iv3_costs WHERE year BETWEEN $1 AND $2";

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

#[async_trait]
impl CostStore for SqlStore {
    async fn import_costs(
        &self,
        file: &CostFile,
        figures: &[CostFigure],
        actor: &Actor,
    ) -> StoreResult<CostImportReport> {
        boundary(async {
            let mut tx = self.write().await?;
            sqlx::query(LOCK).execute(&mut *tx).await?;
            let before: Option<i64> = sqlx::query_scalar(FIND_IMPORT)
                .bind(&file.sha256)
                .bind(file.shape.key())
                .fetch_optional(&mut *tx)
                .await?;
            if before.is_some() {
                return Ok(CostImportReport {
                    import_id: None,
                    already_imported: true,
                    added: 0,
                    replaced: 0,
                    unchanged: figures.len() as u64,
                });
            }
            let (first, last) = figures.iter().fold((i32::MAX, i32::MIN), |(lo, hi), f| {
                (lo.min(f.key.year), hi.max(f.key.year))
            });
            let rows: Vec<FigureRow> = sqlx::query_as(CURRENT_IN_YEARS)
                .bind(first)
                .bind(last)
                .fetch_all(&mut *tx)
                .await?;
            let mut current: HashMap<CostKey, (CostFigure, i64)> = HashMap::with_capacity(rows.len());
            for row in rows {
                let figure = row.figure()?;
                current.insert(figure.key.clone(), (figure, row.import_id));
            }
            let mut changed: Vec<&CostFigure> = Vec::new();
            let mut replaced: Vec<(CostFigure, i64)> = Vec::new();
            let (mut added, mut unchanged) = (0u64, 0u64);
            for figure in figures {
                match current.remove(&figure.key) {
                    None => {
                        added += 1;
                        changed.push(figure);
                    }
                    Some((old, _)) if old.lasten == figure.lasten && old.baten == figure.baten => {
                        unchanged += 1
                    }
                    Some(old) => {
                        replaced.push(old);
                        changed.push(figure);
                    }
                }
            }
            let mut report = CostImportReport {
                import_id: None,
                already_imported: false,
                added,
                replaced: replaced.len() as u64,
                unchanged,
            };
            if changed.is_empty() {
                // Every figure is stored as it is: nothing to record.
                return Ok(report);
            }
            let import_id: i64 = sqlx::query_scalar(INSERT_IMPORT)
                .bind(&file.sha256)
                .bind(file.shape.key())
                .bind(&file.file_name)
                .bind(file.demo)
                .bind(figures.len() as i64)
                .bind(&actor.name)
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await?;
            insert_history(&mut tx, &replaced, import_id).await?;
            upsert_figures(&mut tx, &changed, import_id).await?;
            report.import_id = Some(import_id);
            tx.commit(
                actor,
                AuditEvent::Iv3CostImport {
                    import_id,
                    file,
                    report: &report,
                },
            )
            .await?;
            Ok(report)
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
