//! The one way the store writes: a write transaction that commits together with its audit
//! event. [`SqlStore::write`] begins it with the backend's write statement (`BEGIN IMMEDIATE`
//! on SQLite: the write lock is taken at the start, so concurrent writers queue on the busy
//! timeout instead of failing when one reads before it writes); [`Write::commit`] appends the
//! event to the hash chain and commits. Dropping a `Write` without committing rolls it back,
//! so a method that returns early with an error has changed nothing.

use chrono::Utc;
use samenspel_domain::audit::{Actor, ChainedEvent, chain_hash};
use samenspel_store::AuditEvent;

use super::{BEGIN_WRITE, Conn, Db, SqlStore};
use crate::error::Result;
use crate::text::{audit_time, audit_time_text};

/// Locks the head of the audit chain (a row lock in PostgreSQL; SQLite has one writer) and
/// reads the last hash, so concurrent writers extend the chain one after the other.
const LOCK_AUDIT_HEAD: &str = "UPDATE audit_head SET last_id = last_id WHERE id = 1 RETURNING last_hash";

const INSERT_AUDIT: &str = "INSERT INTO audit_events (occurred_at, actor, actor_org, action, subject_type, subject_id, before_json, after_json) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

const SET_AUDIT_HASH: &str = "UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3";

const MOVE_AUDIT_HEAD: &str = "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1";

/// Raises the number every committed change that a page shows raises (see
/// [`SqlStore::data_version`]).
const RAISE_DATA_VERSION: &str = "UPDATE data_version SET version = version + 1 WHERE id = 1";

const DATA_VERSION: &str = "SELECT version FROM data_version WHERE id = 1";

/// A write transaction in progress.
pub(super) struct Write(sqlx::Transaction<'static, Db>);

impl SqlStore {
    /// Begins a write transaction.
    pub(super) async fn write(&self) -> Result<Write> {
        Ok(Write(self.pool.begin_with(BEGIN_WRITE).await?))
    }
}

impl std::ops::Deref for Write {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        &self.0
    }
}

impl std::ops::DerefMut for Write {
    fn deref_mut(&mut self) -> &mut Conn {
        &mut self.0
    }
}

impl Write {
    /// Writes the audit event of the change and commits both, raising the data version. A
    /// payload that cannot be serialised fails the whole transaction.
    pub(super) async fn commit(mut self, actor: &Actor, event: AuditEvent<'_>) -> Result<()> {
        append_audit(&mut self, actor, &event).await?;
        self.commit_unaudited_shown().await
    }

    /// Commits a change the audit trail does not record that pages show (anonymous survey
    /// answers, the signals and search index worked out again, changed reference data),
    /// raising the data version.
    pub(super) async fn commit_unaudited_shown(mut self) -> Result<()> {
        sqlx::query(RAISE_DATA_VERSION).execute(&mut *self.0).await?;
        Ok(self.0.commit().await?)
    }

    /// Commits what no page shows (a sign-in's bookkeeping, a limit's count) or nothing at all
    /// (an import that found everything as it was): the data version stays.
    pub(super) async fn commit_unaudited(self) -> Result<()> {
        Ok(self.0.commit().await?)
    }
}

impl SqlStore {
    /// The number every committed change that a page shows raises (every audited change, and
    /// the unaudited ones committed with [`Write::commit_unaudited_shown`]): what a page was
    /// made from is unchanged as long as this number is.
    pub(super) async fn data_version(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(DATA_VERSION).fetch_one(&self.pool).await?)
    }
}

/// Appends the event to the hash chain: lock the head, insert, hash, move the head.
async fn append_audit(conn: &mut Conn, actor: &Actor, event: &AuditEvent<'_>) -> Result<()> {
    let (before, after) = event.payloads()?;
    let before = before.map(|v| v.to_string());
    let after = after.map(|v| v.to_string());
    let action = event.action().key();
    let (subject_type, subject_id) = event.subject();
    let actor_org = actor.organisation.as_ref().map(|o| o.as_str());
    let previous: String = sqlx::query_scalar(LOCK_AUDIT_HEAD).fetch_one(&mut *conn).await?;
    let occurred_at = audit_time(Utc::now());
    let id: i64 = sqlx::query_scalar(INSERT_AUDIT)
        .bind(occurred_at)
        .bind(&actor.name)
        .bind(actor_org)
        .bind(action)
        .bind(subject_type)
        .bind(&subject_id)
        .bind(before.as_deref())
        .bind(after.as_deref())
        .fetch_one(&mut *conn)
        .await?;
    let occurred = audit_time_text(occurred_at);
    let hash = chain_hash(
        &previous,
        &ChainedEvent {
            id,
            occurred_at: &occurred,
            actor: &actor.name,
            actor_organisation: actor_org,
            action,
            subject_type,
            subject_id: &subject_id,
            before: before.as_deref(),
            after: after.as_deref(),
        },
    );
    sqlx::query(SET_AUDIT_HASH)
        .bind(&previous)
        .bind(&hash)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(MOVE_AUDIT_HEAD)
        .bind(id)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
