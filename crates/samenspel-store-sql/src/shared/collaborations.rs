//! Collaborations: one read back whole (fields, phases, partners), created, edited against
//! the version it was based on, partners added, published or withdrawn.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::collaboration::{
    CollaborationFields, CollaborationKind, Partner, PartnerRole, WgrForm,
};
use samenspel_domain::signals::{Signal, SignalKind};
use samenspel_domain::text::search_key;
use samenspel_domain::wgr::Bestuursorgaan;
use samenspel_store::{
    AuditEvent, Collaboration, CollaborationFilter, CollaborationStore, CollaborationSummary, ExportedRecord,
    Involvement, MunicipalGroup, Page, Paged, PartnerInfo, RegisteredPartner, StoreError, StoreResult,
    Visibility, conflict,
};

use super::bulk::{ArgumentsOf, Binds};
use super::organisations::{org_code, org_type};
use super::read::fetch_all_into;
use super::search::refresh_collaboration;
use super::signals::refresh_signals;
use super::{Arguments, Conn, SqlStore, push};
use crate::error::{Constraint, Error, Result, boundary, corrupt, stored_json};
use crate::text::{check_phases_kept, duplicate_partner, policy_areas_text, unknown_partner};

/// The columns of a [`CollaborationRow`].
macro_rules! collaboration_columns {
    () => {
        "SELECT id, name, kind, wgr_form, task, public_value, region, start_date, end_date, demo_key, published, version, \
         created_at, updated_at, legal_basis, policy_areas, source_key, source_url FROM collaborations "
    };
}
pub(super) use collaboration_columns;

const SELECT_COLLABORATION: &str = concat!(collaboration_columns!(), "WHERE id = $1");

const SELECT_PHASES: &str =
    "SELECT name FROM collaboration_phases WHERE collaboration_id = $1 ORDER BY position";

const SELECT_PARTNERS: &str = "SELECT p.org_code, o.name, o.org_type, o.ended, p.role, p.joined_on, p.notes, p.organs FROM collaboration_partners p \
     JOIN organisations o ON o.code = p.org_code WHERE p.collaboration_id = $1 ORDER BY p.added_at, p.org_code";

/// The columns of a collaboration's fields, in the order [`push_fields`] binds them.
pub(super) const FIELD_COLUMNS: &str = "name, name_search, kind, wgr_form, task, public_value, region, start_date, end_date, legal_basis, policy_areas";

/// `$1` to `$11` are the fields, as [`field_arguments`] gives them.
const INSERT_COLLABORATION: &str = "INSERT INTO collaborations (name, name_search, kind, wgr_form, task, public_value, region, start_date, end_date, \
     legal_basis, policy_areas, demo_key, version, created_at, updated_at, source_key, source_hash, published) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13, $14, $15, $16) RETURNING id";

/// `$1` to `$11` are the fields, as [`field_arguments`] gives them.
const UPDATE_COLLABORATION: &str = "UPDATE collaborations SET name = $1, name_search = $2, kind = $3, wgr_form = $4, task = $5, public_value = $6, \
     region = $7, start_date = $8, end_date = $9, legal_basis = $10, policy_areas = $11, updated_at = $12, version = version + 1 \
     WHERE id = $13 AND version = $14";

const BUMP_VERSION: &str = "UPDATE collaborations SET version = version + 1, updated_at = $1 WHERE id = $2";

const SET_PUBLISHED: &str =
    "UPDATE collaborations SET published = $1, version = version + 1, updated_at = $2 WHERE id = $3";

const INSERT_PHASE: &str =
    "INSERT INTO collaboration_phases (collaboration_id, position, name) VALUES ($1, $2, $3)";

const DELETE_PHASES: &str = "DELETE FROM collaboration_phases WHERE collaboration_id = $1";

const INSERT_PARTNER: &str = "INSERT INTO collaboration_partners (collaboration_id, org_code, role, added_at, joined_on, notes, organs) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

const FIND_DEMO_COLLABORATION: &str = "SELECT id FROM collaborations WHERE demo_key = $1";

const SELECT_STANCE_PHASES: &str =
    "SELECT DISTINCT phase FROM stances WHERE collaboration_id = $1 AND phase IS NOT NULL";

#[derive(sqlx::FromRow)]
pub(super) struct CollaborationRow {
    pub(super) id: i64,
    name: String,
    kind: String,
    wgr_form: Option<String>,
    task: Option<String>,
    public_value: Option<String>,
    region: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    demo_key: Option<String>,
    source_key: Option<String>,
    source_url: Option<String>,
    published: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    legal_basis: Option<String>,
    /// A JSON array of strings.
    policy_areas: Option<String>,
}

pub(super) fn kind(value: &str) -> Result<CollaborationKind> {
    CollaborationKind::from_key(value).ok_or_else(|| corrupt("collaboration type", value))
}

pub(super) fn wgr_form(value: Option<&str>) -> Result<Option<WgrForm>> {
    value
        .map(|w| WgrForm::from_key(w).ok_or_else(|| corrupt("Wgr form", w)))
        .transpose()
}

pub(super) fn partner_role(value: &str) -> Result<PartnerRole> {
    PartnerRole::from_key(value).ok_or_else(|| corrupt("partner role", value))
}

impl CollaborationRow {
    pub(super) fn into_collaboration(
        self,
        phases: Vec<String>,
        partners: Vec<PartnerInfo>,
    ) -> Result<Collaboration> {
        let policy_areas = match self.policy_areas {
            Some(text) => stored_json("policy areas", &text)?,
            None => Vec::new(),
        };
        Ok(Collaboration {
            id: self.id,
            fields: CollaborationFields {
                kind: kind(&self.kind)?,
                wgr_form: wgr_form(self.wgr_form.as_deref())?,
                name: self.name,
                task: self.task,
                public_value: self.public_value,
                region: self.region,
                start_date: self.start_date,
                end_date: self.end_date,
                phases,
                legal_basis: self.legal_basis,
                policy_areas,
            },
            partners,
            version: self.version,
            demo: self.demo_key.is_some(),
            source_key: self.source_key,
            source_url: self.source_url,
            published: self.published,
            created_at: self.created_at,
            updated_at: self.updated_at,
            history: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct PartnerRow {
    org_code: String,
    name: String,
    org_type: String,
    ended: bool,
    role: String,
    joined_on: Option<NaiveDate>,
    notes: Option<String>,
    /// A JSON array of body keys.
    organs: String,
}

/// The bodies of a partner as stored: a JSON array of [`Bestuursorgaan`] keys.
pub(super) fn organs(text: &str) -> Result<Vec<Bestuursorgaan>> {
    stored_json("partner's bodies", text)
}

/// The bodies of a partner as they are stored.
pub(super) fn organs_text(organs: &[Bestuursorgaan]) -> Result<String> {
    Ok(serde_json::to_string(organs)?)
}

impl TryFrom<PartnerRow> for PartnerInfo {
    type Error = Error;

    fn try_from(row: PartnerRow) -> Result<Self> {
        Ok(PartnerInfo {
            code: org_code(&row.org_code)?,
            org_type: org_type(&row.org_type)?,
            role: partner_role(&row.role)?,
            name: row.name,
            ended: row.ended,
            joined_on: row.joined_on,
            notes: row.notes,
            organs: organs(&row.organs)?,
        })
    }
}

/// The collaboration with its phases and partners, if it exists.
pub(super) async fn load_collaboration(conn: &mut Conn, id: i64) -> Result<Option<Collaboration>> {
    let Some(row) = sqlx::query_as::<_, CollaborationRow>(SELECT_COLLABORATION)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let phases: Vec<String> = sqlx::query_scalar(SELECT_PHASES)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let query = sqlx::query_as::<_, PartnerRow>(SELECT_PARTNERS).bind(id);
    let partners = fetch_all_into(query, &mut *conn).await?;
    let mut collaboration = row.into_collaboration(phases, partners)?;
    collaboration.history = super::versions::load_versions(conn, id).await?;
    Ok(Some(collaboration))
}

async fn existing(conn: &mut Conn, id: i64) -> Result<Collaboration> {
    load_collaboration(conn, id)
        .await?
        .ok_or(Error::Store(StoreError::NotFound))
}

/// Replaces the phases of collaboration `id` by `phases`, in order.
pub(super) async fn replace_phases(conn: &mut Conn, id: i64, phases: &[String]) -> Result<()> {
    sqlx::query(DELETE_PHASES).bind(id).execute(&mut *conn).await?;
    for (position, name) in (0i64..).zip(phases) {
        sqlx::query(INSERT_PHASE)
            .bind(id)
            .bind(position)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Adds a partner; a partner twice or an unknown organisation is refused on `code`.
pub(super) async fn insert_partner(conn: &mut Conn, id: i64, partner: &RegisteredPartner) -> Result<()> {
    sqlx::query(INSERT_PARTNER)
        .bind(id)
        .bind(partner.code.as_str())
        .bind(partner.role.key())
        .bind(Utc::now())
        .bind(partner.joined_on)
        .bind(partner.notes.as_deref())
        .bind(organs_text(&partner.organs)?)
        .execute(&mut *conn)
        .await
        .map_err(|e| match Constraint::broken_by(&e) {
            Some(Constraint::Unique) => duplicate_partner(&partner.code).into(),
            Some(Constraint::ForeignKey) => unknown_partner(&partner.code).into(),
            None => Error::from(e),
        })?;
    Ok(())
}

fn registered(partner: &Partner) -> RegisteredPartner {
    RegisteredPartner {
        code: partner.code.clone(),
        role: partner.role,
        joined_on: None,
        notes: None,
        organs: Vec::new(),
    }
}

/// Where a collaboration comes from and whether it starts published.
pub(super) struct Origin<'a> {
    pub demo_key: Option<&'a str>,
    /// The source key and hash of an imported collaboration.
    pub source: Option<(&'a str, &'a str)>,
    pub published: bool,
}

/// The fields of a collaboration as eleven bind values, in the order of [`FIELD_COLUMNS`].
pub(super) fn push_fields(to: &mut impl Binds, fields: &CollaborationFields) -> Result<()> {
    to.value(&fields.name)?;
    to.value(search_key(&fields.name))?;
    to.value(fields.kind.key())?;
    to.value(fields.wgr_form.map(|w| w.key()))?;
    to.value(fields.task.as_deref())?;
    to.value(fields.public_value.as_deref())?;
    to.value(fields.region.as_deref())?;
    to.value(fields.start_date)?;
    to.value(fields.end_date)?;
    to.value(fields.legal_basis.as_deref())?;
    to.value(policy_areas_text(&fields.policy_areas)?)
}

/// The fields of a collaboration as the first eleven bind values of the insert and the update.
fn field_arguments(fields: &CollaborationFields) -> Result<Arguments> {
    let mut args = Arguments::default();
    push_fields(&mut ArgumentsOf(&mut args), fields)?;
    Ok(args)
}

/// Inserts the collaboration's row and its phases; returns its id.
pub(super) async fn insert_collaboration(
    conn: &mut Conn,
    fields: &CollaborationFields,
    origin: Origin<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut args = field_arguments(fields)?;
    push(&mut args, origin.demo_key)?;
    push(&mut args, now)?;
    push(&mut args, origin.source.map(|(key, _)| key))?;
    push(&mut args, origin.source.map(|(_, hash)| hash))?;
    push(&mut args, origin.published)?;
    let id: i64 = sqlx::query_scalar_with(INSERT_COLLABORATION, args)
        .fetch_one(&mut *conn)
        .await
        .map_err(Constraint::Unique.refuses(|| StoreError::Conflict(conflict::collaboration_key_taken())))?;
    super::versions::claim_address(conn, id).await?;
    replace_phases(conn, id, &fields.phases).await?;
    Ok(id)
}

/// Writes the fields and phases if the version is still `expected_version`; returns whether
/// it was.
pub(super) async fn update_fields(
    conn: &mut Conn,
    id: i64,
    expected_version: i64,
    fields: &CollaborationFields,
) -> Result<bool> {
    let mut args = field_arguments(fields)?;
    push(&mut args, Utc::now())?;
    push(&mut args, id)?;
    push(&mut args, expected_version)?;
    let updated = sqlx::query_with(UPDATE_COLLABORATION, args)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if updated == 1 {
        replace_phases(conn, id, &fields.phases).await?;
    }
    Ok(updated == 1)
}

#[async_trait]
impl CollaborationStore for SqlStore {
    async fn list_collaborations(
        &self,
        filter: &CollaborationFilter,
        page: Page,
    ) -> StoreResult<Paged<CollaborationSummary>> {
        boundary(self.summaries(filter, page)).await
    }

    async fn signal_counts(&self, filter: &CollaborationFilter) -> StoreResult<Vec<(SignalKind, u64)>> {
        boundary(self.signals_found(filter)).await
    }

    async fn signals_of(&self, ids: &[i64], today: NaiveDate) -> StoreResult<Vec<(i64, Vec<Signal>)>> {
        boundary(self.stored_signals(ids, today)).await
    }

    async fn get_collaboration(&self, id: i64) -> StoreResult<Option<Collaboration>> {
        boundary(async { load_collaboration(&mut *self.pool.acquire().await?, id).await }).await
    }

    async fn involvements(
        &self,
        code: &samenspel_domain::org::OrgCode,
        visibility: &Visibility,
    ) -> StoreResult<Vec<Involvement>> {
        boundary(self.involvements_of(code, visibility)).await
    }

    async fn municipal_groups(&self, visibility: &Visibility) -> StoreResult<Vec<MunicipalGroup>> {
        boundary(self.groups(visibility)).await
    }

    async fn municipal_partners(&self, visibility: &Visibility) -> StoreResult<Vec<(i64, Vec<String>)>> {
        boundary(self.partner_codes(visibility)).await
    }

    async fn create_collaboration(
        &self,
        fields: &CollaborationFields,
        partners: &[Partner],
        demo_key: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let origin = Origin {
                demo_key,
                source: None,
                published: false,
            };
            let id = insert_collaboration(&mut tx, fields, origin, Utc::now()).await?;
            for partner in partners {
                insert_partner(&mut tx, id, &registered(partner)).await?;
            }
            refresh_collaboration(&mut tx, id).await?;
            refresh_signals(&mut tx, id).await?;
            let after = existing(&mut tx, id).await?;
            tx.commit(actor, AuditEvent::CollaborationCreate { after: &after })
                .await?;
            Ok(id)
        })
        .await
    }

    async fn update_collaboration(
        &self,
        id: i64,
        expected_version: i64,
        fields: &CollaborationFields,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = existing(&mut tx, id).await?;
            let stale = || {
                Error::Store(StoreError::Conflict(conflict::stale_version(
                    before.version,
                    before.updated_at,
                )))
            };
            if before.version != expected_version {
                return Err(stale());
            }
            let stance_phases: Vec<String> = sqlx::query_scalar(SELECT_STANCE_PHASES)
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            check_phases_kept(&stance_phases, &fields.phases)?;
            if !update_fields(&mut tx, id, expected_version, fields).await? {
                return Err(stale());
            }
            refresh_collaboration(&mut tx, id).await?;
            refresh_signals(&mut tx, id).await?;
            let after = existing(&mut tx, id).await?;
            tx.commit(
                actor,
                AuditEvent::CollaborationUpdate {
                    before: &before,
                    after: &after,
                },
            )
            .await
        })
        .await
    }

    async fn add_partner(&self, id: i64, partner: &Partner, actor: &Actor) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            existing(&mut tx, id).await?;
            insert_partner(&mut tx, id, &registered(partner)).await?;
            refresh_collaboration(&mut tx, id).await?;
            refresh_signals(&mut tx, id).await?;
            sqlx::query(BUMP_VERSION)
                .bind(Utc::now())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit(actor, AuditEvent::PartnerAdd { id, partner }).await
        })
        .await
    }

    async fn export_batch(
        &self,
        visibility: &Visibility,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<ExportedRecord>> {
        super::export::export_batch(self, visibility, after, limit).await
    }

    async fn find_demo_collaboration(&self, demo_key: &str) -> StoreResult<Option<i64>> {
        boundary(async {
            Ok(sqlx::query_scalar(FIND_DEMO_COLLABORATION)
                .bind(demo_key)
                .fetch_optional(&self.pool)
                .await?)
        })
        .await
    }

    async fn set_published(&self, id: i64, published: bool, actor: &Actor) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = existing(&mut tx, id).await?;
            sqlx::query(SET_PUBLISHED)
                .bind(published)
                .bind(Utc::now())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit(
                actor,
                AuditEvent::Publication {
                    id,
                    before: before.published,
                    published,
                },
            )
            .await
        })
        .await
    }
}
