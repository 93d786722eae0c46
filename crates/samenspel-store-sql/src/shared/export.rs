//! An export's batches: the collaborations the reader may see after an id, in id order, each
//! whole (phases, partners, money, participation), read in five queries a batch whatever its
//! size — the rows of the batch's id range, sorted by collaboration, then matched up in one
//! pass — instead of four queries per collaboration.

use std::collections::HashMap;
use std::iter::Peekable;

use samenspel_domain::participation::Participation;
use samenspel_store::{ContributionRecord, ExportedRecord, PartnerInfo, StoreResult, Visibility};

use super::SqlStore;
use super::collaborations::{CollaborationRow, PartnerRow, collaboration_columns};
use super::money::{ContributionRow, contribution_columns};
use crate::error::{Result, boundary, stored_json};
use crate::text::visibility_flags;

/// Visible: every collaboration for a reader who may see all (`$1`), published ones, and drafts
/// of the organisations the user `$2` is a member of.
const VISIBLE_AFTER: &str = concat!(
    collaboration_columns!(),
    "c WHERE c.id > $3 AND ($1 OR c.published OR ($2 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $2))) \
     ORDER BY c.id LIMIT $4"
);

const PHASES_BETWEEN: &str = "SELECT collaboration_id, name FROM collaboration_phases \
     WHERE collaboration_id BETWEEN $1 AND $2 ORDER BY collaboration_id, position";

const PARTNERS_BETWEEN: &str = "SELECT p.collaboration_id, p.org_code, o.name, o.org_type, o.ended, p.role, p.joined_on, p.notes, p.organs \
     FROM collaboration_partners p JOIN organisations o ON o.code = p.org_code \
     WHERE p.collaboration_id BETWEEN $1 AND $2 ORDER BY p.collaboration_id, p.added_at, p.org_code";

const MONEY_BETWEEN: &str = concat!(
    contribution_columns!(),
    "WHERE collaboration_id BETWEEN $1 AND $2 ORDER BY collaboration_id, year, org_code, instrument, status"
);

const PARTICIPATION_BETWEEN: &str = "SELECT collaboration_id, participation_json FROM participation \
     WHERE collaboration_id BETWEEN $1 AND $2";

#[derive(sqlx::FromRow)]
struct PhaseRow {
    collaboration_id: i64,
    name: String,
}

#[derive(sqlx::FromRow)]
struct BatchPartnerRow {
    collaboration_id: i64,
    #[sqlx(flatten)]
    partner: PartnerRow,
}

/// The items of `rows` (sorted by collaboration) that belong to `id`, taken off the front.
fn take_of<R, T>(
    rows: &mut Peekable<impl Iterator<Item = R>>,
    id: i64,
    of: impl Fn(&R) -> i64,
    into: impl Fn(R) -> Result<T>,
) -> Result<Vec<T>> {
    while rows.next_if(|row| of(row) < id).is_some() {}
    let mut items = Vec::new();
    while let Some(row) = rows.next_if(|row| of(row) == id) {
        items.push(into(row)?);
    }
    Ok(items)
}

impl SqlStore {
    pub(super) async fn batch(
        &self,
        visibility: &Visibility,
        after: i64,
        limit: u32,
    ) -> Result<Vec<ExportedRecord>> {
        let (see_all, user_id) = visibility_flags(visibility);
        let rows: Vec<CollaborationRow> = sqlx::query_as(VISIBLE_AFTER)
            .bind(see_all)
            .bind(user_id)
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        let (Some(first), Some(last)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
            return Ok(Vec::new());
        };
        let phases: Vec<PhaseRow> = sqlx::query_as(PHASES_BETWEEN)
            .bind(first)
            .bind(last)
            .fetch_all(&self.pool)
            .await?;
        let partners: Vec<BatchPartnerRow> = sqlx::query_as(PARTNERS_BETWEEN)
            .bind(first)
            .bind(last)
            .fetch_all(&self.pool)
            .await?;
        let money: Vec<ContributionRow> = sqlx::query_as(MONEY_BETWEEN)
            .bind(first)
            .bind(last)
            .fetch_all(&self.pool)
            .await?;
        let participation: Vec<(i64, String)> = sqlx::query_as(PARTICIPATION_BETWEEN)
            .bind(first)
            .bind(last)
            .fetch_all(&self.pool)
            .await?;
        let mut participation: HashMap<i64, String> = participation.into_iter().collect();
        let (mut phases, mut partners, mut money) = (
            phases.into_iter().peekable(),
            partners.into_iter().peekable(),
            money.into_iter().peekable(),
        );
        let mut records = Vec::with_capacity(rows.len());
        for row in rows {
            let id = row.id;
            let phases = take_of(&mut phases, id, |r| r.collaboration_id, |r| Ok(r.name))?;
            let partners = take_of(
                &mut partners,
                id,
                |r| r.collaboration_id,
                |r| PartnerInfo::try_from(r.partner),
            )?;
            let money = take_of(
                &mut money,
                id,
                |r| r.collaboration_id,
                |r| ContributionRecord::try_from(r).map(|r| r.contribution),
            )?;
            let participation = participation
                .remove(&id)
                .map(|text| stored_json::<Participation>("participation", &text))
                .transpose()?;
            records.push(ExportedRecord {
                collaboration: row.into_collaboration(phases, partners)?,
                money,
                participation,
            });
        }
        Ok(records)
    }
}

/// [`samenspel_store::CollaborationStore::export_batch`].
pub(super) async fn export_batch(
    store: &SqlStore,
    visibility: &Visibility,
    after: i64,
    limit: u32,
) -> StoreResult<Vec<ExportedRecord>> {
    boundary(store.batch(visibility, after, limit)).await
}
