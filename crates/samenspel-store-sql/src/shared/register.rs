//! Importing a register (the gemeenschappelijke regelingen): all or nothing, idempotent by
//! source key and content hash.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::org::Organisation;
use samenspel_store::{
    AuditEvent, ImportReport, RegisterStore, RegisteredCollaboration, StoreError, StoreResult, conflict,
};

use super::bulk::CHUNK;
use super::collaborations::{insert_partner, update_fields};
use super::money::replace_money;
use super::organisations::upsert_reference;
use super::register_add::add_many;
use super::search::{index_new_collaborations, refresh_collaborations};
use super::signals::{refresh_signals_of, signals_of_new};
use super::versions::{merge, redirect, replace_versions};
use super::{Conn, SqlStore};
use crate::error::{Constraint, Result, boundary};

const REGISTER_KEYS: &str =
    "SELECT id, source_key, source_hash, version FROM collaborations WHERE source_key LIKE $1";

const SET_SOURCE: &str = "UPDATE collaborations SET source_hash = $1, source_url = $2 WHERE id = $3";

const PARTNER_CODES: &str = "SELECT org_code FROM collaboration_partners WHERE collaboration_id = $1";

const DELETE_PARTNER: &str =
    "DELETE FROM collaboration_partners WHERE collaboration_id = $1 AND org_code = $2";

const UPDATE_PARTNER: &str = "UPDATE collaboration_partners SET role = $1, joined_on = $2, notes = $3, organs = $4 WHERE collaboration_id = $5 AND org_code = $6";

/// A collaboration imported earlier from the register.
#[derive(sqlx::FromRow)]
struct KnownRow {
    id: i64,
    source_key: String,
    source_hash: Option<String>,
    version: i64,
}

/// Records the source hash and address of an imported collaboration.
async fn set_source(conn: &mut Conn, id: i64, item: &RegisteredCollaboration) -> Result<()> {
    sqlx::query(SET_SOURCE)
        .bind(&item.source_hash)
        .bind(item.source_url.as_deref())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn update(
    conn: &mut Conn,
    known: &KnownRow,
    item: &RegisteredCollaboration,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    let id = known.id;
    if !update_fields(conn, id, known.version, &item.fields).await? {
        return Err(StoreError::Conflict(conflict::changed_during_import(&item.source_key)).into());
    }
    set_source(conn, id, item).await?;
    let current: Vec<String> = sqlx::query_scalar(PARTNER_CODES)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    for code in current
        .iter()
        .filter(|c| !item.partners.iter().any(|p| p.code.as_str() == c.as_str()))
    {
        sqlx::query(DELETE_PARTNER)
            .bind(id)
            .bind(code)
            .execute(&mut *conn)
            .await
            .map_err(
                Constraint::ForeignKey
                    .refuses(|| StoreError::Conflict(conflict::partner_has_stances(&item.source_key, code))),
            )?;
    }
    for partner in &item.partners {
        if current.iter().any(|c| c.as_str() == partner.code.as_str()) {
            sqlx::query(UPDATE_PARTNER)
                .bind(partner.role.key())
                .bind(partner.joined_on)
                .bind(partner.notes.as_deref())
                .bind(super::collaborations::organs_text(&partner.organs)?)
                .bind(id)
                .bind(partner.code.as_str())
                .execute(&mut *conn)
                .await?;
        } else {
            insert_partner(conn, id, partner).await?;
        }
    }
    if let Some(money) = &item.money {
        replace_money(conn, id, money, actor, now).await?;
    }
    if let Some(history) = &item.history {
        replace_versions(conn, id, history).await?;
    }
    if let Some(participation) = &item.participation {
        super::participation::store(conn, id, participation, actor).await?;
    }
    Ok(())
}

#[async_trait]
impl RegisterStore for SqlStore {
    async fn import_register(
        &self,
        prefix: &str,
        organisations: &[Organisation],
        collaborations: &[RegisteredCollaboration],
        actor: &Actor,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> StoreResult<ImportReport> {
        boundary(async {
            let mut tx = self.write().await?;
            let now = Utc::now();
            let mut report = ImportReport::default();
            for org in organisations {
                report.organisations += upsert_reference(&mut tx, org, now).await?;
            }
            let known: Vec<KnownRow> = sqlx::query_as(REGISTER_KEYS)
                .bind(format!("{prefix}%"))
                .fetch_all(&mut *tx)
                .await?;
            let known: HashMap<&str, &KnownRow> = known.iter().map(|k| (k.source_key.as_str(), k)).collect();
            let total = collaborations.len();
            // The collaborations added and changed, whose search rows and signals are worked
            // out together at the end (each was written here, so its row is ours).
            let mut added: Vec<i64> = Vec::new();
            let mut changed: Vec<i64> = Vec::new();
            // New collaborations waiting to be added together (see `register_add`).
            let mut pending: Vec<&RegisteredCollaboration> = Vec::new();
            for (done, item) in collaborations.iter().enumerate() {
                let merges: Vec<&String> = item
                    .merges
                    .iter()
                    .filter(|key| known.contains_key(key.as_str()))
                    .collect();
                if !merges.is_empty() {
                    // A merge removes a collaboration: what comes before it is written first.
                    added.extend(add_many(&mut tx, &pending, actor, now).await?);
                    pending.clear();
                }
                let id = match known.get(item.source_key.as_str()) {
                    None => {
                        report.added.push(item.source_key.clone());
                        pending.push(item);
                        if pending.len() < CHUNK && merges.is_empty() {
                            None
                        } else {
                            let ids = add_many(&mut tx, &pending, actor, now).await?;
                            pending.clear();
                            added.extend(&ids);
                            ids.last().copied()
                        }
                    }
                    Some(k) if k.source_hash.as_deref() == Some(item.source_hash.as_str()) => {
                        report.unchanged += 1;
                        Some(k.id)
                    }
                    Some(k) => {
                        update(&mut tx, k, item, actor, now).await?;
                        report.changed.push(item.source_key.clone());
                        changed.push(k.id);
                        Some(k.id)
                    }
                };
                if let Some(id) = id {
                    for key in merges {
                        if merge(&mut tx, key, id).await? {
                            report.merged.push(key.clone());
                        }
                    }
                }
                if (done + 1) % 100 == 0 || done + 1 == total {
                    progress(done + 1, total);
                }
            }
            added.extend(add_many(&mut tx, &pending, actor, now).await?);
            index_new_collaborations(&mut tx, &added).await?;
            signals_of_new(&mut tx, &added).await?;
            refresh_collaborations(&mut tx, &changed).await?;
            refresh_signals_of(&mut tx, &changed).await?;
            if report.added.is_empty()
                && report.changed.is_empty()
                && report.merged.is_empty()
                && report.organisations == 0
            {
                tx.commit_unaudited().await?;
            } else {
                let event = AuditEvent::RegisterImport {
                    register: prefix.trim_end_matches(':'),
                    report: &report,
                };
                tx.commit(actor, event).await?;
            }
            Ok(report)
        })
        .await
    }

    async fn merged_into(&self, id: i64) -> StoreResult<Option<i64>> {
        boundary(async { redirect(&mut *self.pool.acquire().await?, id).await }).await
    }
}
