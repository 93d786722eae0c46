//! Organisations: the shipped reference data (upserted, only rewritten when it differs) and
//! the ones users add (codes `OR000001`, …, assigned here).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::org::{NewOrganisation, OrgCode, OrgHistory, OrgType, Organisation};
use samenspel_domain::text::search_key;
use samenspel_store::{
    AuditEvent, OrgFilter, OrganisationStore, Page, Paged, StoreError, StoreResult, conflict,
};

use super::read::{fetch_all_into, fetch_optional_into};
use super::search::refresh_organisation;
use super::{Conn, SqlStore};
use crate::error::{Constraint, Error, Result, boundary, corrupt};
use crate::text::{count, like_patterns, next_added_code};

macro_rules! org_columns {
    () => {
        "SELECT code, name, org_type, abbreviation, province_code, is_reference, ended, other_names, \
         valid_from, valid_until, predecessor_codes, successor_code FROM organisations"
    };
}

macro_rules! org_where {
    () => {
        " WHERE ($1 IS NULL OR org_type = $1) AND ($2 IS NULL OR name_search LIKE $2 ESCAPE '\\' OR code LIKE $3 ESCAPE '\\') AND ($4 OR ended = FALSE)"
    };
}

const COUNT_ORGANISATIONS: &str = concat!("SELECT COUNT(*) FROM organisations", org_where!());

const GET_ORGANISATION: &str = concat!(org_columns!(), " WHERE code = $1");

/// One organisation (`$1` its code) or all (`$1` NULL), for the search index.
const SELECT_ORGANISATIONS: &str = concat!(org_columns!(), " WHERE ($1 IS NULL OR code = $1) ORDER BY code");

const LIST_ORGANISATIONS: &str = concat!(
    org_columns!(),
    org_where!(),
    " ORDER BY name_search, code LIMIT $5 OFFSET $6"
);

/// Only rewrites a row when something differs, so loading the same reference data twice
/// changes nothing.
const UPSERT_REFERENCE_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at, ended, other_names, \
     valid_from, valid_until, predecessor_codes, successor_code) \
     VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7, $8, $9, $10, $11, $12, $13) \
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_search = excluded.name_search, org_type = excluded.org_type, \
     abbreviation = excluded.abbreviation, province_code = excluded.province_code, ended = excluded.ended, other_names = excluded.other_names, \
     valid_from = excluded.valid_from, valid_until = excluded.valid_until, predecessor_codes = excluded.predecessor_codes, \
     successor_code = excluded.successor_code \
     WHERE organisations.name <> excluded.name OR organisations.org_type <> excluded.org_type OR organisations.ended <> excluded.ended \
     OR organisations.other_names <> excluded.other_names \
     OR organisations.abbreviation IS DISTINCT FROM excluded.abbreviation \
     OR organisations.province_code IS DISTINCT FROM excluded.province_code \
     OR organisations.valid_from IS DISTINCT FROM excluded.valid_from \
     OR organisations.valid_until IS DISTINCT FROM excluded.valid_until \
     OR organisations.predecessor_codes <> excluded.predecessor_codes \
     OR organisations.successor_code IS DISTINCT FROM excluded.successor_code";

/// Every organisation on a line of successors: the ended ones that name a successor and the
/// ones named as a successor.
const SUCCESSION_GRAPH: &str = concat!(
    org_columns!(),
    " WHERE (ended = TRUE AND successor_code IS NOT NULL) \
     OR code IN (SELECT successor_code FROM organisations WHERE successor_code IS NOT NULL) ORDER BY code"
);

const LAST_ADDED_ORGANISATION_CODE: &str = "SELECT code FROM organisations WHERE is_reference = FALSE AND code LIKE 'OR%' ORDER BY code DESC LIMIT 1";

const INSERT_ADDED_ORGANISATION: &str = "INSERT INTO organisations (code, name, name_search, org_type, abbreviation, province_code, is_reference, created_at) \
     VALUES ($1, $2, $3, $4, $5, NULL, FALSE, $6)";

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    code: String,
    name: String,
    org_type: String,
    abbreviation: Option<String>,
    province_code: Option<String>,
    is_reference: bool,
    ended: bool,
    /// One per line.
    other_names: String,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    /// One per line.
    predecessor_codes: String,
    successor_code: Option<String>,
}

/// An organisation code read back from any table.
pub(super) fn org_code(value: &str) -> Result<OrgCode> {
    OrgCode::parse(value).map_err(|_| corrupt("organisation code", value))
}

pub(super) fn org_type(value: &str) -> Result<OrgType> {
    OrgType::from_key(value).ok_or_else(|| corrupt("organisation type", value))
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = Error;

    fn try_from(row: OrganisationRow) -> Result<Self> {
        Ok(Organisation {
            code: org_code(&row.code)?,
            name: row.name,
            org_type: org_type(&row.org_type)?,
            abbreviation: row.abbreviation,
            province: row.province_code.as_deref().map(org_code).transpose()?,
            reference: row.is_reference,
            ended: row.ended,
            other_names: row.other_names.lines().map(str::to_owned).collect(),
            history: OrgHistory {
                valid_from: row.valid_from,
                valid_until: row.valid_until,
                predecessors: row
                    .predecessor_codes
                    .lines()
                    .map(org_code)
                    .collect::<Result<_>>()?,
                successor: row.successor_code.as_deref().map(org_code).transpose()?,
            },
        })
    }
}

/// One organisation (`Some(code)`) or all, for the search index.
pub(super) async fn organisations(conn: &mut Conn, code: Option<&str>) -> Result<Vec<Organisation>> {
    let query = sqlx::query_as::<_, OrganisationRow>(SELECT_ORGANISATIONS).bind(code);
    fetch_all_into(query, &mut *conn).await
}

/// Inserts or updates one reference organisation and, when it changed, its search row;
/// returns the rows changed (0 or 1).
pub(super) async fn upsert_reference(conn: &mut Conn, org: &Organisation, now: DateTime<Utc>) -> Result<u64> {
    let changed = sqlx::query(UPSERT_REFERENCE_ORGANISATION)
        .bind(org.code.as_str())
        .bind(&org.name)
        .bind(search_key(&org.name))
        .bind(org.org_type.key())
        .bind(org.abbreviation.as_deref())
        .bind(org.province.as_ref().map(|p| p.as_str()))
        .bind(now)
        .bind(org.ended)
        .bind(org.other_names.join("\n"))
        .bind(org.history.valid_from)
        .bind(org.history.valid_until)
        .bind(
            org.history
                .predecessors
                .iter()
                .map(OrgCode::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .bind(org.history.successor.as_ref().map(OrgCode::as_str))
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if changed > 0 {
        refresh_organisation(conn, org.code.as_str()).await?;
    }
    Ok(changed)
}

#[async_trait]
impl OrganisationStore for SqlStore {
    async fn list_organisations(&self, filter: &OrgFilter, page: Page) -> StoreResult<Paged<Organisation>> {
        boundary(async {
            let org_type = filter.org_type.map(|t| t.key());
            let (name_like, code_like) = like_patterns(filter.query.as_deref());
            let total: i64 = sqlx::query_scalar(COUNT_ORGANISATIONS)
                .bind(org_type)
                .bind(name_like.as_deref())
                .bind(code_like.as_deref())
                .bind(filter.include_ended)
                .fetch_one(&self.pool)
                .await?;
            let query = sqlx::query_as::<_, OrganisationRow>(LIST_ORGANISATIONS)
                .bind(org_type)
                .bind(name_like.as_deref())
                .bind(code_like.as_deref())
                .bind(filter.include_ended)
                .bind(i64::from(page.limit))
                .bind(i64::from(page.offset));
            let items = fetch_all_into(query, &self.pool).await?;
            Ok(Paged {
                items,
                total: count(total),
            })
        })
        .await
    }

    async fn get_organisation(&self, code: &OrgCode) -> StoreResult<Option<Organisation>> {
        let query = sqlx::query_as::<_, OrganisationRow>(GET_ORGANISATION).bind(code.as_str());
        boundary(fetch_optional_into(query, &self.pool)).await
    }

    async fn succession_graph(&self) -> StoreResult<Vec<Organisation>> {
        let query = sqlx::query_as::<_, OrganisationRow>(SUCCESSION_GRAPH);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn upsert_reference_organisations(&self, organisations: &[Organisation]) -> StoreResult<u64> {
        boundary(async {
            let mut tx = self.write().await?;
            let now = Utc::now();
            let mut changed = 0;
            for org in organisations {
                changed += upsert_reference(&mut tx, org, now).await?;
            }
            if changed > 0 {
                tx.commit_unaudited_shown().await?;
            } else {
                tx.commit_unaudited().await?;
            }
            Ok(changed)
        })
        .await
    }

    async fn add_organisation(&self, new: &NewOrganisation, actor: &Actor) -> StoreResult<Organisation> {
        boundary(async {
            let mut tx = self.write().await?;
            let last: Option<String> = sqlx::query_scalar(LAST_ADDED_ORGANISATION_CODE)
                .fetch_optional(&mut *tx)
                .await?;
            let org = Organisation {
                code: next_added_code(last.as_deref()),
                name: new.name.clone(),
                org_type: new.org_type,
                abbreviation: new.abbreviation.clone(),
                province: None,
                reference: false,
                ended: false,
                other_names: Vec::new(),
                history: OrgHistory::default(),
            };
            sqlx::query(INSERT_ADDED_ORGANISATION)
                .bind(org.code.as_str())
                .bind(&org.name)
                .bind(search_key(&org.name))
                .bind(org.org_type.key())
                .bind(org.abbreviation.as_deref())
                .bind(Utc::now())
                .execute(&mut *tx)
                .await
                .map_err(
                    Constraint::Unique.refuses(|| StoreError::Conflict(conflict::organisation_code_taken())),
                )?;
            refresh_organisation(&mut tx, org.code.as_str()).await?;
            tx.commit(actor, AuditEvent::OrganisationAdd { organisation: &org })
                .await?;
            Ok(org)
        })
        .await
    }
}
