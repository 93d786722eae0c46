//! The search index: one row of `search_items` per organisation, collaboration and survey wave,
//! written from the item's search document (`samenspel_domain::search`) by the write that
//! changed it, in its transaction. The backend finds the candidates (its `SEARCH_*` constants:
//! FTS5 on SQLite, the Dutch text-search configuration on PostgreSQL); the app ranks them.

use std::collections::HashSet;
use std::sync::LazyLock;

use async_trait::async_trait;
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind};
use samenspel_domain::search::{self, Document, PartnerName, SearchKind, SearchQuery};
use samenspel_store::{SearchCandidate, SearchStore, StoreResult, Visibility};

use super::bulk::{Binds, delete_in, insert_rows};
use super::collaborations::kind;
use super::id_runs::{IdRange, id_ranges};
use super::organisations::organisations;
use super::read::fetch_all_into;
use super::{Conn, SEARCH_FROM, SEARCH_ORDER, SqlStore, search_expression};
use crate::error::{Error, Result, boundary, corrupt, stored_json};
use crate::text::visibility_flags;

/// The version of the rules that write the rows; the store rebuilds every row when the
/// database holds an older one (raise it when a document gains or loses text).
const SEARCH_VERSION: i64 = 1;

const STORED_VERSION: &str = "SELECT version FROM search_state WHERE id = 1";
const SET_VERSION: &str = "UPDATE search_state SET version = $1 WHERE id = 1";

const DELETE_ITEM: &str = "DELETE FROM search_items WHERE kind = $1 AND item_key = $2";
const DELETE_ALL: &str = "DELETE FROM search_items";
const INSERT_ITEMS: &str = "INSERT INTO search_items (kind, item_key, collaboration_id, title, names, body, title_key, names_key, body_key) ";

/// Removes the rows of the collaborations whose ids (as text) follow as a list.
static DELETE_COLLABORATIONS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "DELETE FROM search_items WHERE kind = '{}' AND item_key IN ",
        SearchKind::Collaboration.key()
    )
});

/// The searchable fields of the collaborations with ids `$1` to `$2` (see `id_runs`).
const COLLABORATION_TEXT: &str = "SELECT id, name, kind, task, public_value, region, policy_areas FROM collaborations \
     WHERE id BETWEEN $1 AND $2 ORDER BY id";

const PARTNER_NAMES: &str = "SELECT p.collaboration_id, o.code, o.name, o.abbreviation FROM collaboration_partners p \
     JOIN organisations o ON o.code = p.org_code WHERE p.collaboration_id BETWEEN $1 AND $2 ORDER BY p.collaboration_id, o.code";

const WAVE_TEXT: &str = "SELECT w.wave_key, w.title, w.collaboration_id, c.name AS collaboration_name FROM survey_waves w \
     LEFT JOIN collaborations c ON c.id = w.collaboration_id WHERE w.id BETWEEN $1 AND $2 ORDER BY w.id";

/// The candidates: the backend's match (`$1`), then what the reader may see (`$2` all, `$3`
/// the user whose organisations' drafts are visible), the backend's rank, at most `$4`.
static SEARCH: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT s.kind, s.item_key, s.title, s.names, s.body, s.title_key, s.names_key, s.body_key FROM {SEARCH_FROM} \
         AND (s.collaboration_id IS NULL OR EXISTS (SELECT 1 FROM collaborations c WHERE c.id = s.collaboration_id \
         AND ($2 OR c.published OR ($3 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners p \
         JOIN memberships m ON m.org_code = p.org_code WHERE p.collaboration_id = c.id AND m.user_id = $3))))) \
         ORDER BY {SEARCH_ORDER}, s.id LIMIT $4"
    )
});

#[derive(sqlx::FromRow)]
struct CandidateRow {
    kind: String,
    item_key: String,
    title: String,
    names: String,
    body: String,
    title_key: String,
    names_key: String,
    body_key: String,
}

impl TryFrom<CandidateRow> for SearchCandidate {
    type Error = Error;

    fn try_from(row: CandidateRow) -> Result<Self> {
        Ok(SearchCandidate {
            kind: SearchKind::from_key(&row.kind).ok_or_else(|| corrupt("search kind", &row.kind))?,
            key: row.item_key,
            title: row.title,
            names: entries(&row.names),
            body: entries(&row.body),
            title_key: row.title_key,
            names_key: row.names_key,
            body_key: row.body_key,
        })
    }
}

/// The entries of a document's names or body, stored one per line.
fn entries(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[derive(sqlx::FromRow)]
struct CollaborationTextRow {
    id: i64,
    name: String,
    kind: String,
    task: Option<String>,
    public_value: Option<String>,
    region: Option<String>,
    policy_areas: Option<String>,
}

impl CollaborationTextRow {
    fn fields(self) -> Result<(i64, CollaborationFields)> {
        let kind: CollaborationKind = kind(&self.kind)?;
        let policy_areas = match self.policy_areas {
            Some(text) => stored_json("policy areas", &text)?,
            None => Vec::new(),
        };
        Ok((
            self.id,
            CollaborationFields {
                name: self.name,
                kind,
                wgr_form: None,
                task: self.task,
                public_value: self.public_value,
                region: self.region,
                start_date: None,
                end_date: None,
                phases: Vec::new(),
                legal_basis: None,
                policy_areas,
            },
        ))
    }
}

#[derive(sqlx::FromRow)]
struct PartnerNameRow {
    collaboration_id: i64,
    code: String,
    name: String,
    abbreviation: Option<String>,
}

#[derive(sqlx::FromRow)]
struct WaveTextRow {
    wave_key: String,
    title: String,
    collaboration_id: Option<i64>,
    collaboration_name: Option<String>,
}

impl From<WaveTextRow> for Document {
    fn from(row: WaveTextRow) -> Self {
        let collaboration = row.collaboration_id.zip(row.collaboration_name.as_deref());
        search::wave_document(&row.wave_key, &row.title, collaboration)
    }
}

/// Replaces the item's row by its document.
async fn put(conn: &mut Conn, doc: &Document) -> Result<()> {
    sqlx::query(DELETE_ITEM)
        .bind(doc.kind.key())
        .bind(&doc.key)
        .execute(&mut *conn)
        .await?;
    insert(conn, std::slice::from_ref(doc)).await
}

/// Adds the rows of `docs` (whose rows are gone).
async fn insert(conn: &mut Conn, docs: &[Document]) -> Result<()> {
    insert_rows(conn, INSERT_ITEMS, docs, |row, doc| {
        row.value(doc.kind.key())?;
        row.value(&doc.key)?;
        row.value(doc.collaboration_id)?;
        row.value(&doc.title)?;
        row.value(lines(&doc.names))?;
        row.value(lines(&doc.body))?;
        row.value(doc.title_key())?;
        row.value(doc.names_key())?;
        row.value(doc.body_key())
    })
    .await
}

/// Entries one per line (a line break inside an entry becomes a space).
fn lines(entries: &[String]) -> String {
    entries
        .iter()
        .map(|e| e.replace(['\r', '\n'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The documents of the collaborations in `ids`.
async fn collaboration_documents(conn: &mut Conn, ids: IdRange) -> Result<Vec<Document>> {
    let rows: Vec<CollaborationTextRow> = sqlx::query_as(COLLABORATION_TEXT)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    let partners: Vec<PartnerNameRow> = sqlx::query_as(PARTNER_NAMES)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    let mut partners = partners.into_iter().peekable();
    let mut documents = Vec::with_capacity(rows.len());
    for row in rows {
        let (id, fields) = row.fields()?;
        let mut names = Vec::new();
        while let Some(partner) = partners.next_if(|p| p.collaboration_id <= id) {
            if partner.collaboration_id == id {
                names.push(PartnerName {
                    code: partner.code,
                    name: partner.name,
                    abbreviation: partner.abbreviation,
                });
            }
        }
        documents.push(search::collaboration_document(id, &fields, &names));
    }
    Ok(documents)
}

async fn wave_documents(conn: &mut Conn, ids: IdRange) -> Result<Vec<Document>> {
    let query = sqlx::query_as::<_, WaveTextRow>(WAVE_TEXT)
        .bind(ids.first)
        .bind(ids.last);
    fetch_all_into(query, &mut *conn).await
}

async fn organisation_documents(conn: &mut Conn, code: Option<&str>) -> Result<Vec<Document>> {
    Ok(organisations(conn, code)
        .await?
        .iter()
        .map(search::organisation_document)
        .collect())
}

/// Writes the row of collaboration `id` again (after a change to it or its partners).
pub(super) async fn refresh_collaboration(conn: &mut Conn, id: i64) -> Result<()> {
    refresh_collaborations(conn, &[id]).await
}

/// Writes the rows of the collaborations `ids` again, reading them one range of ids at a
/// time (an import's many collaborations in a few queries).
pub(super) async fn refresh_collaborations(conn: &mut Conn, ids: &[i64]) -> Result<()> {
    write_collaborations(conn, ids, true).await
}

/// Writes the rows of the collaborations `ids`, which this transaction created: they have
/// none yet (a collaboration is removed only by a merge, which removes its row with it), so
/// nothing is removed first — on PostgreSQL a removal per chunk in a table that grew inside
/// the transaction was planned as a scan of it, 1.7 s of an import of 10,000.
pub(super) async fn index_new_collaborations(conn: &mut Conn, ids: &[i64]) -> Result<()> {
    write_collaborations(conn, ids, false).await
}

async fn write_collaborations(conn: &mut Conn, ids: &[i64], replace: bool) -> Result<()> {
    let wanted: HashSet<i64> = ids.iter().copied().collect();
    for range in id_ranges(ids) {
        let mut docs = collaboration_documents(conn, range).await?;
        docs.retain(|doc| doc.collaboration_id.is_some_and(|id| wanted.contains(&id)));
        if replace {
            let keys: Vec<&str> = docs.iter().map(|doc| doc.key.as_str()).collect();
            delete_in(conn, &DELETE_COLLABORATIONS, &keys).await?;
        }
        insert(conn, &docs).await?;
    }
    Ok(())
}

/// Removes the row of collaboration `id`, which no longer exists.
pub(super) async fn forget_collaboration(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query(DELETE_ITEM)
        .bind(SearchKind::Collaboration.key())
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes the row of organisation `code` again.
pub(super) async fn refresh_organisation(conn: &mut Conn, code: &str) -> Result<()> {
    for doc in organisation_documents(conn, Some(code)).await? {
        put(conn, &doc).await?;
    }
    Ok(())
}

/// Writes the row of wave `id` again.
pub(super) async fn refresh_wave(conn: &mut Conn, id: i64) -> Result<()> {
    for doc in wave_documents(conn, IdRange::one(id)).await? {
        put(conn, &doc).await?;
    }
    Ok(())
}

/// Writes every row again; returns how many there are.
async fn rebuild(conn: &mut Conn) -> Result<u64> {
    sqlx::query(DELETE_ALL).execute(&mut *conn).await?;
    let mut documents = organisation_documents(conn, None).await?;
    documents.extend(collaboration_documents(conn, IdRange::ALL).await?);
    documents.extend(wave_documents(conn, IdRange::ALL).await?);
    insert(conn, &documents).await?;
    sqlx::query(SET_VERSION)
        .bind(SEARCH_VERSION)
        .execute(&mut *conn)
        .await?;
    Ok(documents.len() as u64)
}

impl SqlStore {
    /// Rebuilds the index when the database's rows were written by older rules (after the
    /// migration that adds it, or a change of [`SEARCH_VERSION`]).
    pub(super) async fn bring_search_up_to_date(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        let stored: i64 = sqlx::query_scalar(STORED_VERSION).fetch_one(&mut *conn).await?;
        drop(conn);
        if stored < SEARCH_VERSION {
            let mut tx = self.write().await?;
            rebuild(&mut tx).await?;
            tx.commit_unaudited_shown().await?;
        }
        Ok(())
    }
}

#[async_trait]
impl SearchStore for SqlStore {
    async fn search(
        &self,
        query: &SearchQuery,
        visibility: &Visibility,
        limit: u32,
    ) -> StoreResult<Vec<SearchCandidate>> {
        boundary(async {
            let (all, user) = visibility_flags(visibility);
            let statement = sqlx::query_as::<_, CandidateRow>(SEARCH.as_str())
                .bind(search_expression(query.terms()))
                .bind(all)
                .bind(user)
                .bind(i64::from(limit));
            fetch_all_into(statement, &self.pool).await
        })
        .await
    }

    async fn rebuild_search(&self) -> StoreResult<u64> {
        boundary(async {
            let mut tx = self.write().await?;
            let count = rebuild(&mut tx).await?;
            tx.commit_unaudited_shown().await?;
            Ok(count)
        })
        .await
    }
}
