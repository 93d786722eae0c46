//! A regeling's versions as its history, and the collaborations that were merged into it
//! (a version imported before as a collaboration of its own) with the address they lead to.

use chrono::NaiveDate;
use samenspel_domain::collaboration::WgrForm;
use samenspel_domain::regeling::{Version, VersionParticipant, former_participants};
use samenspel_store::{StoreError, conflict};

use super::Conn;
use super::search::forget_collaboration;
use crate::error::{Constraint, Error, Result, corrupt, stored_json};

const DELETE_VERSIONS: &str = "DELETE FROM collaboration_versions WHERE collaboration_id = $1";

const INSERT_VERSION: &str = "INSERT INTO collaboration_versions \
     (collaboration_id, position, source_id, name, wgr_form, start_date, end_date, participants, documents) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

const DELETE_FORMER_PARTNERS: &str = "DELETE FROM collaboration_former_partners WHERE collaboration_id = $1";

const INSERT_FORMER_PARTNER: &str = "INSERT INTO collaboration_former_partners \
     (collaboration_id, org_code, joined_on, left_on) VALUES ($1, $2, $3, $4)";

const SELECT_VERSIONS: &str = "SELECT source_id, name, wgr_form, start_date, end_date, participants, documents \
     FROM collaboration_versions WHERE collaboration_id = $1 ORDER BY position";

const FIND_BY_SOURCE_KEY: &str = "SELECT id FROM collaborations WHERE source_key = $1";

const POINT_REDIRECTS: &str =
    "UPDATE collaboration_redirects SET collaboration_id = $1 WHERE collaboration_id = $2";

const INSERT_REDIRECT: &str =
    "INSERT INTO collaboration_redirects (old_id, collaboration_id, old_source_key) VALUES ($1, $2, $3)";

const DELETE_COLLABORATION: &str = "DELETE FROM collaborations WHERE id = $1";

const DELETE_REDIRECT: &str = "DELETE FROM collaboration_redirects WHERE old_id = $1";

const SELECT_REDIRECT: &str = "SELECT collaboration_id FROM collaboration_redirects WHERE old_id = $1";

#[derive(sqlx::FromRow)]
struct VersionRow {
    source_id: String,
    name: String,
    wgr_form: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    participants: String,
    documents: String,
}

impl TryFrom<VersionRow> for Version {
    type Error = Error;

    fn try_from(row: VersionRow) -> Result<Self> {
        let wgr_form = row
            .wgr_form
            .as_deref()
            .map(|key| WgrForm::from_key(key).ok_or_else(|| corrupt("version's wgr form", key)))
            .transpose()?;
        let participants: Vec<VersionParticipant> = stored_json("version's participants", &row.participants)?;
        let documents: Vec<String> = stored_json("version's documents", &row.documents)?;
        Ok(Version {
            id: row.source_id,
            name: row.name,
            wgr_form,
            start_date: row.start_date,
            end_date: row.end_date,
            participants,
            documents,
        })
    }
}

/// Replaces the history of collaboration `id` by `versions`, oldest first, and with it the
/// partners that left.
pub(super) async fn replace_versions(conn: &mut Conn, id: i64, versions: &[Version]) -> Result<()> {
    sqlx::query(DELETE_VERSIONS).bind(id).execute(&mut *conn).await?;
    sqlx::query(DELETE_FORMER_PARTNERS)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for former in former_participants(versions) {
        sqlx::query(INSERT_FORMER_PARTNER)
            .bind(id)
            .bind(former.code.as_str())
            .bind(former.joined_on)
            .bind(former.left_on)
            .execute(&mut *conn)
            .await?;
    }
    for (position, version) in (0i64..).zip(versions) {
        let participants = serde_json::to_string(&version.participants)?;
        let documents = serde_json::to_string(&version.documents)?;
        sqlx::query(INSERT_VERSION)
            .bind(id)
            .bind(position)
            .bind(&version.id)
            .bind(&version.name)
            .bind(version.wgr_form.map(|f| f.key()))
            .bind(version.start_date)
            .bind(version.end_date)
            .bind(participants)
            .bind(documents)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The history of collaboration `id`, oldest first (empty when it has none).
pub(super) async fn load_versions(conn: &mut Conn, id: i64) -> Result<Vec<Version>> {
    let rows: Vec<VersionRow> = sqlx::query_as(SELECT_VERSIONS)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(Version::try_from).collect()
}

/// Merges the collaboration imported before under `source_key`, if there is one other than
/// `into`, into collaboration `into`: its address leads there from now on (and so do the
/// addresses that led to it), and it is removed. Refused when people recorded something on
/// it that would be lost (a stance, a survey wave). Returns whether there was one.
pub(super) async fn merge(conn: &mut Conn, source_key: &str, into: i64) -> Result<bool> {
    let Some(old) = sqlx::query_scalar::<_, i64>(FIND_BY_SOURCE_KEY)
        .bind(source_key)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(false);
    };
    if old == into {
        return Ok(false);
    }
    sqlx::query(POINT_REDIRECTS)
        .bind(into)
        .bind(old)
        .execute(&mut *conn)
        .await?;
    sqlx::query(DELETE_COLLABORATION)
        .bind(old)
        .execute(&mut *conn)
        .await
        .map_err(
            Constraint::ForeignKey.refuses(|| StoreError::Conflict(conflict::merge_has_records(source_key))),
        )?;
    sqlx::query(INSERT_REDIRECT)
        .bind(old)
        .bind(into)
        .bind(source_key)
        .execute(&mut *conn)
        .await?;
    forget_collaboration(conn, old).await?;
    Ok(true)
}

/// Forgets the address a new collaboration `id` takes over (SQLite may give a removed
/// collaboration's id to a new one).
pub(super) async fn claim_address(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query(DELETE_REDIRECT).bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// Where the address of merged collaboration `id` leads.
pub(super) async fn redirect(conn: &mut Conn, id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(SELECT_REDIRECT)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}
