//! Reactions to a UDO dossier's consultation and the ministry's response per theme. Every
//! write first locks the dossier's row (a no-op update: a row lock in PostgreSQL, and SQLite
//! has one writer), so two reactions from one address at the same moment are counted one
//! after the other and the limit per address holds under any number of parallel requests.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::udo::consultation::moderation::ModerationStatus;
use samenspel_domain::udo::consultation::reaction::{Reaction, ReactionKind, within_address_limit};
use samenspel_domain::udo::consultation::report::{ThemeAction, ThemeResponse};
use samenspel_store::{
    AuditEvent, NewUdoReaction, StoreError, StoreResult, UdoReactionRecord, UdoReactionState,
    UdoReactionStore,
};

use super::read::fetch_all_into;
use super::{Conn, SqlStore};
use crate::error::{Error, Result, boundary, corrupt};

/// Locks the dossier for the rest of the transaction; no row: no such dossier.
const LOCK_DOSSIER: &str = "UPDATE udo_dossiers SET version = version WHERE id = $1";

const COUNT_FROM_ADDRESS: &str =
    "SELECT COUNT(*) FROM udo_reactions WHERE dossier_id = $1 AND address_hash = $2 AND created_at >= $3";

const INSERT_REACTION: &str = "INSERT INTO udo_reactions (dossier_id, kind, author_name, place, objects_to_publication, text, theme, \
     status, address_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

/// The columns of [`ReactionRow`].
macro_rules! columns {
    () => {
        "id, dossier_id, kind, author_name, place, objects_to_publication, text, theme, status, created_at"
    };
}

const SELECT_REACTIONS: &str = concat!(
    "SELECT ",
    columns!(),
    " FROM udo_reactions WHERE dossier_id = $1 ORDER BY id"
);

const SELECT_STATE: &str = "SELECT status, theme FROM udo_reactions WHERE dossier_id = $1 AND id = $2";

const UPDATE_STATE: &str =
    "UPDATE udo_reactions SET status = $1, theme = $2 WHERE dossier_id = $3 AND id = $4";

const SELECT_RESPONSES: &str =
    "SELECT theme, nature, action, explanation FROM udo_theme_responses WHERE dossier_id = $1 ORDER BY theme";

const SELECT_RESPONSE: &str =
    "SELECT theme, nature, action, explanation FROM udo_theme_responses WHERE dossier_id = $1 AND theme = $2";

const UPSERT_RESPONSE: &str = "INSERT INTO udo_theme_responses (dossier_id, theme, nature, action, explanation, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_id, theme) DO UPDATE SET nature = excluded.nature, \
     action = excluded.action, explanation = excluded.explanation, updated_at = excluded.updated_at";

#[derive(sqlx::FromRow)]
struct ReactionRow {
    id: i64,
    dossier_id: i64,
    kind: String,
    author_name: String,
    place: String,
    objects_to_publication: bool,
    text: String,
    theme: Option<String>,
    status: String,
    created_at: DateTime<Utc>,
}

fn status(value: &str) -> Result<ModerationStatus> {
    ModerationStatus::from_key(value).ok_or_else(|| corrupt("moderation status", value))
}

impl TryFrom<ReactionRow> for UdoReactionRecord {
    type Error = Error;

    fn try_from(row: ReactionRow) -> Result<Self> {
        Ok(UdoReactionRecord {
            id: row.id,
            dossier_id: row.dossier_id,
            reaction: Reaction {
                kind: ReactionKind::from_key(&row.kind).ok_or_else(|| corrupt("reaction kind", &row.kind))?,
                author_name: row.author_name,
                place: row.place,
                objects_to_publication: row.objects_to_publication,
                text: row.text,
                theme: row.theme,
            },
            status: status(&row.status)?,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    theme: String,
    nature: String,
    action: String,
    explanation: String,
}

impl TryFrom<ResponseRow> for ThemeResponse {
    type Error = Error;

    fn try_from(row: ResponseRow) -> Result<Self> {
        Ok(ThemeResponse {
            action: ThemeAction::from_key(&row.action).ok_or_else(|| corrupt("theme action", &row.action))?,
            theme: row.theme,
            nature: row.nature,
            explanation: row.explanation,
        })
    }
}

async fn lock_dossier(conn: &mut Conn, dossier_id: i64) -> Result<()> {
    let locked = sqlx::query(LOCK_DOSSIER)
        .bind(dossier_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if locked == 0 {
        return Err(Error::Store(StoreError::NotFound));
    }
    Ok(())
}

#[async_trait]
impl UdoReactionStore for SqlStore {
    async fn add_udo_reaction(&self, new: &NewUdoReaction<'_>, actor: &Actor) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            lock_dossier(&mut tx, new.dossier_id).await?;
            if let Some(since) = new.limit_since {
                let earlier: i64 = sqlx::query_scalar(COUNT_FROM_ADDRESS)
                    .bind(new.dossier_id)
                    .bind(new.address_hash)
                    .bind(since)
                    .fetch_one(&mut *tx)
                    .await?;
                within_address_limit(u64::try_from(earlier).unwrap_or(0))?;
            }
            let r = new.reaction;
            let id: i64 = sqlx::query_scalar(INSERT_REACTION)
                .bind(new.dossier_id)
                .bind(r.kind.key())
                .bind(&r.author_name)
                .bind(&r.place)
                .bind(r.objects_to_publication)
                .bind(&r.text)
                .bind(r.theme.as_deref())
                .bind(new.status.key())
                .bind(new.address_hash)
                .bind(new.at)
                .fetch_one(&mut *tx)
                .await?;
            let event = AuditEvent::UdoReaction {
                dossier_id: new.dossier_id,
                reaction_id: id,
                kind: r.kind,
                status: new.status,
            };
            tx.commit(actor, event).await?;
            Ok(id)
        })
        .await
    }

    async fn moderate_udo_reaction(
        &self,
        dossier_id: i64,
        reaction_id: i64,
        after: UdoReactionState<'_>,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            lock_dossier(&mut tx, dossier_id).await?;
            let (before_status, before_theme): (String, Option<String>) = sqlx::query_as(SELECT_STATE)
                .bind(dossier_id)
                .bind(reaction_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(Error::Store(StoreError::NotFound))?;
            sqlx::query(UPDATE_STATE)
                .bind(after.status.key())
                .bind(after.theme)
                .bind(dossier_id)
                .bind(reaction_id)
                .execute(&mut *tx)
                .await?;
            let before = UdoReactionState {
                status: status(&before_status)?,
                theme: before_theme.as_deref(),
            };
            let event = AuditEvent::UdoModerate {
                dossier_id,
                reaction_id,
                before,
                after,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn record_udo_theme_response(
        &self,
        dossier_id: i64,
        response: &ThemeResponse,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            lock_dossier(&mut tx, dossier_id).await?;
            let query = sqlx::query_as::<_, ResponseRow>(SELECT_RESPONSE)
                .bind(dossier_id)
                .bind(&response.theme);
            let before: Option<ThemeResponse> = super::read::fetch_optional_into(query, &mut *tx).await?;
            sqlx::query(UPSERT_RESPONSE)
                .bind(dossier_id)
                .bind(&response.theme)
                .bind(&response.nature)
                .bind(response.action.key())
                .bind(&response.explanation)
                .bind(Utc::now())
                .execute(&mut *tx)
                .await?;
            let event = AuditEvent::UdoThemeResponse {
                dossier_id,
                before: before.as_ref(),
                after: response,
            };
            tx.commit(actor, event).await
        })
        .await
    }

    async fn list_udo_reactions(&self, dossier_id: i64) -> StoreResult<Vec<UdoReactionRecord>> {
        boundary(async {
            let query = sqlx::query_as::<_, ReactionRow>(SELECT_REACTIONS).bind(dossier_id);
            fetch_all_into(query, &self.pool).await
        })
        .await
    }

    async fn list_udo_theme_responses(&self, dossier_id: i64) -> StoreResult<Vec<ThemeResponse>> {
        boundary(async {
            let query = sqlx::query_as::<_, ResponseRow>(SELECT_RESPONSES).bind(dossier_id);
            fetch_all_into(query, &self.pool).await
        })
        .await
    }
}
