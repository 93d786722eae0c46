//! The SQL both backends share. SQLite and PostgreSQL accept the same statements here (`$n`
//! parameters, `RETURNING`, `ON CONFLICT`, `LIKE … ESCAPE`), so the implementation of the
//! module traits is written once, as a macro that each backend crate expands for its own
//! `sqlx` database type. This keeps `sqlx::Any` out and the code in one place; each backend
//! still owns its migrations and connection set-up.
//!
//! The macro expects a struct with a field `pool: sqlx::Pool<DB>` and the caller's crate to
//! depend on `sqlx` with the `chrono` feature.

mod rows;

pub use accounts::{email_taken, membership_from_parts};
pub use rows::*;

#[doc(hidden)]
pub use async_trait::async_trait;
#[doc(hidden)]
pub use chrono;
#[doc(hidden)]
pub use futures_util;
#[doc(hidden)]
pub use samenspel_domain as domain;
#[doc(hidden)]
pub use samenspel_store as store;
#[doc(hidden)]
pub use serde;
#[doc(hidden)]
pub use serde_json;

mod accounts;
mod control;
mod money;
mod moore;
mod register;
mod survey;
pub use survey::*;
mod sql;
pub use sql::*;

/// Implements `OrganisationStore`, `CollaborationStore`, `StanceStore` and `AuditStore` for
/// `$store` (a struct with `pool: sqlx::Pool<$db>`).
#[macro_export]
macro_rules! impl_sql_store {
    ($store:ty, $db:ty) => {
        mod sql_store_impl {
            use super::*;
            use ::sqlx::Row as _;
            use $crate::chrono::{DateTime, NaiveDate, Utc};
            use $crate::domain::audit::{Actor, AuditEntry};
            use $crate::domain::collaboration::{CollaborationFields, Partner};
            use $crate::domain::org::{NewOrganisation, OrgCode, Organisation};
            use $crate::domain::partnership::Stance;
            use $crate::store::*;

            type Conn = <$db as ::sqlx::Database>::Connection;

            fn db_err(e: ::sqlx::Error) -> StoreError {
                StoreError::Database(e.to_string())
            }

            fn is_unique_violation(e: &::sqlx::Error) -> bool {
                e.as_database_error()
                    .is_some_and(|d| d.is_unique_violation())
            }

            fn is_foreign_key_violation(e: &::sqlx::Error) -> bool {
                e.as_database_error()
                    .is_some_and(|d| d.is_foreign_key_violation())
            }

            fn org_from_row(row: &<$db as ::sqlx::Database>::Row) -> StoreResult<Organisation> {
                $crate::organisation_from_parts($crate::OrganisationParts {
                    code: row.try_get("code").map_err(db_err)?,
                    name: row.try_get("name").map_err(db_err)?,
                    org_type: row.try_get("org_type").map_err(db_err)?,
                    abbreviation: row.try_get("abbreviation").map_err(db_err)?,
                    province_code: row.try_get("province_code").map_err(db_err)?,
                    is_reference: row.try_get("is_reference").map_err(db_err)?,
                    ended: row.try_get("ended").map_err(db_err)?,
                })
            }

            /// Appends the event to the hash chain: lock the head, insert, hash, move the head.
            async fn write_audit(conn: &mut Conn, entry: &AuditEntry) -> StoreResult<()> {
                let before = entry.before.as_ref().map(|v| v.to_string());
                let after = entry.after.as_ref().map(|v| v.to_string());
                let actor_org = entry.actor.organisation.as_ref().map(|o| o.as_str().to_owned());
                let previous: String = ::sqlx::query($crate::LOCK_AUDIT_HEAD)
                    .fetch_one(&mut *conn)
                    .await
                    .map_err(db_err)?
                    .try_get("last_hash")
                    .map_err(db_err)?;
                let occurred_at = $crate::audit_time(Utc::now());
                let id: i64 = ::sqlx::query($crate::INSERT_AUDIT)
                    .bind(occurred_at)
                    .bind(&entry.actor.name)
                    .bind(actor_org.as_deref())
                    .bind(entry.action)
                    .bind(entry.subject_type)
                    .bind(&entry.subject_id)
                    .bind(before.as_deref())
                    .bind(after.as_deref())
                    .fetch_one(&mut *conn)
                    .await
                    .map_err(db_err)?
                    .try_get("id")
                    .map_err(db_err)?;
                let occurred = $crate::audit_time_text(occurred_at);
                let hash = $crate::domain::audit::chain_hash(
                    &previous,
                    &$crate::domain::audit::ChainedEvent {
                        id,
                        occurred_at: &occurred,
                        actor: &entry.actor.name,
                        actor_organisation: actor_org.as_deref(),
                        action: entry.action,
                        subject_type: entry.subject_type,
                        subject_id: &entry.subject_id,
                        before: before.as_deref(),
                        after: after.as_deref(),
                    },
                );
                ::sqlx::query($crate::SET_AUDIT_HASH).bind(&previous).bind(&hash).bind(id).execute(&mut *conn).await.map_err(db_err)?;
                ::sqlx::query($crate::MOVE_AUDIT_HEAD).bind(id).bind(&hash).execute(&mut *conn).await.map_err(db_err)?;
                Ok(())
            }

            fn audit(
                actor: &Actor,
                action: &'static str,
                subject_type: &'static str,
                subject_id: String,
                before: Option<$crate::serde_json::Value>,
                after: Option<$crate::serde_json::Value>,
            ) -> AuditEntry {
                AuditEntry {
                    actor: actor.clone(),
                    action,
                    subject_type,
                    subject_id,
                    before,
                    after,
                }
            }

            fn to_json<T: $crate::serde::Serialize>(
                value: &T,
            ) -> Option<$crate::serde_json::Value> {
                $crate::serde_json::to_value(value).ok()
            }

            async fn load_collaboration(
                conn: &mut Conn,
                id: i64,
            ) -> StoreResult<Option<Collaboration>> {
                let Some(row) = ::sqlx::query($crate::SELECT_COLLABORATION)
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let phases: Vec<String> = ::sqlx::query($crate::SELECT_PHASES)
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(|r| r.try_get::<String, _>("name"))
                    .collect::<Result<_, _>>()
                    .map_err(db_err)?;
                let partner_rows = ::sqlx::query($crate::SELECT_PARTNERS)
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(db_err)?;
                let mut partners = Vec::with_capacity(partner_rows.len());
                for r in &partner_rows {
                    partners.push($crate::partner_from_parts(
                        r.try_get("org_code").map_err(db_err)?,
                        r.try_get("name").map_err(db_err)?,
                        r.try_get("org_type").map_err(db_err)?,
                        r.try_get("role").map_err(db_err)?,
                        r.try_get::<Option<NaiveDate>, _>("joined_on").map_err(db_err)?,
                        r.try_get("notes").map_err(db_err)?,
                    )?);
                }
                let parts = $crate::CollaborationParts {
                    id: row.try_get("id").map_err(db_err)?,
                    name: row.try_get("name").map_err(db_err)?,
                    kind: row.try_get("kind").map_err(db_err)?,
                    wgr_form: row.try_get("wgr_form").map_err(db_err)?,
                    task: row.try_get("task").map_err(db_err)?,
                    public_value: row.try_get("public_value").map_err(db_err)?,
                    region: row.try_get("region").map_err(db_err)?,
                    start_date: row
                        .try_get::<Option<NaiveDate>, _>("start_date")
                        .map_err(db_err)?,
                    end_date: row
                        .try_get::<Option<NaiveDate>, _>("end_date")
                        .map_err(db_err)?,
                    demo_key: row.try_get("demo_key").map_err(db_err)?,
                    source_key: row.try_get("source_key").map_err(db_err)?,
                    published: row.try_get("published").map_err(db_err)?,
                    version: row.try_get("version").map_err(db_err)?,
                    created_at: row
                        .try_get::<DateTime<Utc>, _>("created_at")
                        .map_err(db_err)?,
                    updated_at: row
                        .try_get::<DateTime<Utc>, _>("updated_at")
                        .map_err(db_err)?,
                    legal_basis: row.try_get("legal_basis").map_err(db_err)?,
                    policy_areas: row.try_get("policy_areas").map_err(db_err)?,
                };
                $crate::collaboration_from_parts(parts, phases, partners).map(Some)
            }

            async fn insert_phases(conn: &mut Conn, id: i64, phases: &[String]) -> StoreResult<()> {
                for (position, name) in phases.iter().enumerate() {
                    ::sqlx::query($crate::INSERT_PHASE)
                        .bind(id)
                        .bind(i64::try_from(position).unwrap_or(i64::MAX))
                        .bind(name)
                        .execute(&mut *conn)
                        .await
                        .map_err(db_err)?;
                }
                Ok(())
            }

            async fn insert_partner(
                conn: &mut Conn,
                id: i64,
                partner: &Partner,
            ) -> StoreResult<()> {
                insert_registered_partner(conn, id, &RegisteredPartner { code: partner.code.clone(), role: partner.role, joined_on: None, notes: None }).await
            }

            async fn insert_registered_partner(
                conn: &mut Conn,
                id: i64,
                partner: &RegisteredPartner,
            ) -> StoreResult<()> {
                ::sqlx::query($crate::INSERT_PARTNER)
                    .bind(id)
                    .bind(partner.code.as_str())
                    .bind(partner.role.key())
                    .bind(Utc::now())
                    .bind(partner.joined_on)
                    .bind(partner.notes.as_deref())
                    .execute(&mut *conn)
                    .await
                    .map_err(|e| {
                        if is_unique_violation(&e) {
                            StoreError::Invalid($crate::duplicate_partner(&partner.code))
                        } else if is_foreign_key_violation(&e) {
                            StoreError::Invalid($crate::unknown_partner(&partner.code))
                        } else {
                            db_err(e)
                        }
                    })?;
                Ok(())
            }

            async fn insert_collaboration(
                conn: &mut Conn,
                fields: &CollaborationFields,
                demo_key: Option<&str>,
                source: Option<(&str, &str)>,
                published: bool,
                now: DateTime<Utc>,
            ) -> StoreResult<i64> {
                ::sqlx::query($crate::INSERT_COLLABORATION)
                    .bind(&fields.name)
                    .bind($crate::domain::text::search_key(&fields.name))
                    .bind(fields.kind.key())
                    .bind(fields.wgr_form.map(|w| w.key()))
                    .bind(fields.task.as_deref())
                    .bind(fields.public_value.as_deref())
                    .bind(fields.region.as_deref())
                    .bind(fields.start_date)
                    .bind(fields.end_date)
                    .bind(demo_key)
                    .bind(now)
                    .bind(fields.legal_basis.as_deref())
                    .bind($crate::policy_areas_text(&fields.policy_areas))
                    .bind(source.map(|(key, _)| key))
                    .bind(source.map(|(_, hash)| hash))
                    .bind(published)
                    .fetch_one(&mut *conn)
                    .await
                    .map_err(|e| {
                        if is_unique_violation(&e) {
                            StoreError::Conflict("a collaboration with this key exists already".into())
                        } else {
                            db_err(e)
                        }
                    })?
                    .try_get("id")
                    .map_err(db_err)
            }

            /// Writes the fields if the version is still `expected_version`; returns the rows changed.
            async fn update_fields(
                conn: &mut Conn,
                id: i64,
                expected_version: i64,
                fields: &CollaborationFields,
            ) -> StoreResult<u64> {
                Ok(::sqlx::query($crate::UPDATE_COLLABORATION)
                    .bind(&fields.name)
                    .bind($crate::domain::text::search_key(&fields.name))
                    .bind(fields.kind.key())
                    .bind(fields.wgr_form.map(|w| w.key()))
                    .bind(fields.task.as_deref())
                    .bind(fields.public_value.as_deref())
                    .bind(fields.region.as_deref())
                    .bind(fields.start_date)
                    .bind(fields.end_date)
                    .bind(Utc::now())
                    .bind(id)
                    .bind(expected_version)
                    .bind(fields.legal_basis.as_deref())
                    .bind($crate::policy_areas_text(&fields.policy_areas))
                    .execute(&mut *conn)
                    .await
                    .map_err(db_err)?
                    .rows_affected())
            }

            #[$crate::async_trait]
            impl OrganisationStore for $store {
                async fn list_organisations(
                    &self,
                    filter: &OrgFilter,
                    page: Page,
                ) -> StoreResult<Paged<Organisation>> {
                    let org_type = filter.org_type.map(|t| t.key());
                    let (name_like, code_like) = $crate::like_patterns(filter.query.as_deref());
                    let total: i64 = ::sqlx::query($crate::COUNT_ORGANISATIONS)
                        .bind(org_type)
                        .bind(name_like.as_deref())
                        .bind(code_like.as_deref())
                        .bind(filter.include_ended)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?
                        .try_get(0)
                        .map_err(db_err)?;
                    let rows = ::sqlx::query($crate::LIST_ORGANISATIONS)
                        .bind(org_type)
                        .bind(name_like.as_deref())
                        .bind(code_like.as_deref())
                        .bind(filter.include_ended)
                        .bind(i64::from(page.limit))
                        .bind(i64::from(page.offset))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let items = rows
                        .iter()
                        .map(org_from_row)
                        .collect::<StoreResult<Vec<_>>>()?;
                    Ok(Paged {
                        items,
                        total: u64::try_from(total).unwrap_or(0),
                    })
                }

                async fn get_organisation(
                    &self,
                    code: &OrgCode,
                ) -> StoreResult<Option<Organisation>> {
                    ::sqlx::query($crate::GET_ORGANISATION)
                        .bind(code.as_str())
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(db_err)?
                        .as_ref()
                        .map(org_from_row)
                        .transpose()
                }

                async fn upsert_reference_organisations(
                    &self,
                    organisations: &[Organisation],
                ) -> StoreResult<u64> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let now = Utc::now();
                    let mut changed = 0;
                    for org in organisations {
                        changed += ::sqlx::query($crate::UPSERT_REFERENCE_ORGANISATION)
                            .bind(org.code.as_str())
                            .bind(&org.name)
                            .bind($crate::domain::text::search_key(&org.name))
                            .bind(org.org_type.key())
                            .bind(org.abbreviation.as_deref())
                            .bind(org.province.as_ref().map(|p| p.as_str()))
                            .bind(now)
                            .bind(org.ended)
                            .execute(&mut *tx)
                            .await
                            .map_err(db_err)?
                            .rows_affected();
                    }
                    tx.commit().await.map_err(db_err)?;
                    Ok(changed)
                }

                async fn add_organisation(
                    &self,
                    new: &NewOrganisation,
                    actor: &Actor,
                ) -> StoreResult<Organisation> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let last: Option<String> = ::sqlx::query($crate::LAST_ADDED_ORGANISATION_CODE)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .map(|r| r.try_get("code"))
                        .transpose()
                        .map_err(db_err)?;
                    let org = Organisation {
                        code: $crate::next_added_code(last.as_deref()),
                        name: new.name.clone(),
                        org_type: new.org_type,
                        abbreviation: new.abbreviation.clone(),
                        province: None,
                        reference: false,
                        ended: false,
                    };
                    ::sqlx::query($crate::INSERT_ADDED_ORGANISATION)
                        .bind(org.code.as_str())
                        .bind(&org.name)
                        .bind($crate::domain::text::search_key(&org.name))
                        .bind(org.org_type.key())
                        .bind(org.abbreviation.as_deref())
                        .bind(Utc::now())
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| {
                            if is_unique_violation(&e) {
                                StoreError::Conflict(
                                    "organisation code taken concurrently; try again".into(),
                                )
                            } else {
                                db_err(e)
                            }
                        })?;
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "organisation.add",
                            "organisation",
                            org.code.to_string(),
                            None,
                            to_json(&org),
                        ),
                    )
                    .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(org)
                }
            }

            #[$crate::async_trait]
            impl CollaborationStore for $store {
                async fn list_collaborations(
                    &self,
                    filter: &CollaborationFilter,
                    page: Page,
                ) -> StoreResult<Paged<CollaborationSummary>> {
                    let kind = filter.kind.map(|k| k.key());
                    let (name_like, _) = $crate::like_patterns(filter.query.as_deref());
                    let organisation = filter.organisation.as_ref().map(|o| o.as_str());
                    let (see_all, user_id) = $crate::visibility_flags(&filter.visibility);
                    let any_partner = filter
                        .any_partner
                        .as_ref()
                        .map(|codes| codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(","));
                    let policy_like = filter
                        .policy_area
                        .as_deref()
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map($crate::contains_pattern);
                    let activity = filter.activity.map(|(a, _)| a.key());
                    let today = filter.activity.map(|(_, day)| day);
                    let total: i64 = ::sqlx::query($crate::COUNT_COLLABORATIONS)
                        .bind(kind)
                        .bind(name_like.as_deref())
                        .bind(organisation)
                        .bind(see_all)
                        .bind(user_id)
                        .bind(any_partner.as_deref())
                        .bind(policy_like.as_deref())
                        .bind(activity)
                        .bind(today)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?
                        .try_get(0)
                        .map_err(db_err)?;
                    let rows = ::sqlx::query($crate::LIST_COLLABORATIONS)
                        .bind(kind)
                        .bind(name_like.as_deref())
                        .bind(organisation)
                        .bind(see_all)
                        .bind(user_id)
                        .bind(any_partner.as_deref())
                        .bind(policy_like.as_deref())
                        .bind(activity)
                        .bind(today)
                        .bind(i64::from(page.limit))
                        .bind(i64::from(page.offset))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let mut items = Vec::with_capacity(rows.len());
                    for r in &rows {
                        items.push($crate::summary_from_parts(
                            r.try_get("id").map_err(db_err)?,
                            r.try_get("name").map_err(db_err)?,
                            r.try_get("kind").map_err(db_err)?,
                            r.try_get("region").map_err(db_err)?,
                            r.try_get::<Option<NaiveDate>, _>("start_date")
                                .map_err(db_err)?,
                            r.try_get::<Option<NaiveDate>, _>("end_date")
                                .map_err(db_err)?,
                            r.try_get("partner_count").map_err(db_err)?,
                            r.try_get::<Option<String>, _>("demo_key")
                                .map_err(db_err)?
                                .is_some(),
                            r.try_get("published").map_err(db_err)?,
                        )?);
                    }
                    Ok(Paged {
                        items,
                        total: u64::try_from(total).unwrap_or(0),
                    })
                }

                async fn municipal_groups(&self, visibility: &Visibility) -> StoreResult<Vec<MunicipalGroup>> {
                    let (see_all, user_id) = $crate::visibility_flags(visibility);
                    let rows = ::sqlx::query($crate::MUNICIPAL_GROUPS)
                        .bind(see_all)
                        .bind(user_id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let mut groups: Vec<MunicipalGroup> = Vec::new();
                    for r in &rows {
                        let id: i64 = r.try_get("id").map_err(db_err)?;
                        let code: String = r.try_get("org_code").map_err(db_err)?;
                        match groups.last_mut() {
                            Some(g) if g.id == id => g.members.push(code),
                            _ => groups.push(MunicipalGroup {
                                id,
                                name: r.try_get("name").map_err(db_err)?,
                                kind: $crate::kind(&r.try_get::<String, _>("kind").map_err(db_err)?)?,
                                start_date: r.try_get::<Option<NaiveDate>, _>("start_date").map_err(db_err)?,
                                end_date: r.try_get::<Option<NaiveDate>, _>("end_date").map_err(db_err)?,
                                members: vec![code],
                            }),
                        }
                    }
                    Ok(groups)
                }

                async fn involvements(&self, code: &OrgCode, visibility: &Visibility) -> StoreResult<Vec<Involvement>> {
                    let (see_all, user_id) = $crate::visibility_flags(visibility);
                    let rows = ::sqlx::query($crate::INVOLVEMENTS)
                        .bind(code.as_str())
                        .bind(see_all)
                        .bind(user_id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let mut items = Vec::with_capacity(rows.len());
                    for r in &rows {
                        items.push($crate::involvement_from_parts(
                            r.try_get("id").map_err(db_err)?,
                            r.try_get("name").map_err(db_err)?,
                            r.try_get("kind").map_err(db_err)?,
                            r.try_get("wgr_form").map_err(db_err)?,
                            r.try_get::<Option<NaiveDate>, _>("start_date").map_err(db_err)?,
                            r.try_get::<Option<NaiveDate>, _>("end_date").map_err(db_err)?,
                            r.try_get("published").map_err(db_err)?,
                            r.try_get("role").map_err(db_err)?,
                            r.try_get::<Option<NaiveDate>, _>("joined_on").map_err(db_err)?,
                            r.try_get("control_json").map_err(db_err)?,
                        )?);
                    }
                    let money = ::sqlx::query($crate::CONTRIBUTIONS_OF_ORG)
                        .bind(code.as_str())
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    for r in &money {
                        let collaboration: i64 = r.try_get("collaboration_id").map_err(db_err)?;
                        if let Some(item) = items.iter_mut().find(|i| i.id == collaboration) {
                            item.money.push(contribution_row(r)?.contribution);
                        }
                    }
                    Ok(items)
                }

                async fn get_collaboration(&self, id: i64) -> StoreResult<Option<Collaboration>> {
                    let mut conn = self.pool.acquire().await.map_err(db_err)?;
                    load_collaboration(&mut conn, id).await
                }

                async fn create_collaboration(
                    &self,
                    fields: &CollaborationFields,
                    partners: &[Partner],
                    demo_key: Option<&str>,
                    actor: &Actor,
                ) -> StoreResult<i64> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let now = Utc::now();
                    let id = insert_collaboration(&mut tx, fields, demo_key, None, false, now).await?;
                    insert_phases(&mut tx, id, &fields.phases).await?;
                    for partner in partners {
                        insert_partner(&mut tx, id, partner).await?;
                    }
                    let after = load_collaboration(&mut tx, id).await?;
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "collaboration.create",
                            "collaboration",
                            id.to_string(),
                            None,
                            after.as_ref().and_then(to_json),
                        ),
                    )
                    .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(id)
                }

                async fn update_collaboration(
                    &self,
                    id: i64,
                    expected_version: i64,
                    fields: &CollaborationFields,
                    actor: &Actor,
                ) -> StoreResult<()> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let before = load_collaboration(&mut tx, id)
                        .await?
                        .ok_or(StoreError::NotFound)?;
                    if before.version != expected_version {
                        return Err(StoreError::Conflict($crate::stale_version_message(&before)));
                    }
                    let stance_phases: Vec<String> = ::sqlx::query($crate::SELECT_STANCE_PHASES)
                        .bind(id)
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .iter()
                        .map(|r| r.try_get::<String, _>("phase"))
                        .collect::<Result<_, _>>()
                        .map_err(db_err)?;
                    $crate::check_phases_kept(&stance_phases, &fields.phases)?;
                    let updated = update_fields(&mut tx, id, expected_version, fields).await?;
                    if updated != 1 {
                        return Err(StoreError::Conflict($crate::stale_version_message(&before)));
                    }
                    ::sqlx::query($crate::DELETE_PHASES)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    insert_phases(&mut tx, id, &fields.phases).await?;
                    let after = load_collaboration(&mut tx, id).await?;
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "collaboration.update",
                            "collaboration",
                            id.to_string(),
                            to_json(&before),
                            after.as_ref().and_then(to_json),
                        ),
                    )
                    .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(())
                }

                async fn add_partner(
                    &self,
                    id: i64,
                    partner: &Partner,
                    actor: &Actor,
                ) -> StoreResult<()> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    if load_collaboration(&mut tx, id).await?.is_none() {
                        return Err(StoreError::NotFound);
                    }
                    insert_partner(&mut tx, id, partner).await?;
                    ::sqlx::query($crate::BUMP_VERSION)
                        .bind(Utc::now())
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "partner.add",
                            "collaboration",
                            id.to_string(),
                            None,
                            to_json(partner),
                        ),
                    )
                    .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(())
                }

                async fn set_published(&self, id: i64, published: bool, actor: &Actor) -> StoreResult<()> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let before = load_collaboration(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
                    ::sqlx::query($crate::SET_PUBLISHED)
                        .bind(published)
                        .bind(Utc::now())
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    let action = if published { "collaboration.publish" } else { "collaboration.withdraw" };
                    let change = |p: bool| Some($crate::serde_json::json!({ "published": p }));
                    write_audit(&mut tx, &audit(actor, action, "collaboration", id.to_string(), change(before.published), change(published)))
                        .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(())
                }

                async fn find_demo_collaboration(
                    &self,
                    demo_key: &str,
                ) -> StoreResult<Option<i64>> {
                    ::sqlx::query($crate::FIND_DEMO_COLLABORATION)
                        .bind(demo_key)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(db_err)?
                        .map(|r| r.try_get("id"))
                        .transpose()
                        .map_err(db_err)
                }
            }

            #[$crate::async_trait]
            impl StanceStore for $store {
                async fn record_stance(
                    &self,
                    collaboration_id: i64,
                    code: &OrgCode,
                    phase: Option<&str>,
                    stance: &Stance,
                    actor: &Actor,
                ) -> StoreResult<StanceRecord> {
                    let mut tx = self.pool.begin().await.map_err(db_err)?;
                    let is_partner = ::sqlx::query($crate::IS_PARTNER)
                        .bind(collaboration_id)
                        .bind(code.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .is_some();
                    if !is_partner {
                        return Err(StoreError::Invalid($crate::not_a_partner(code)));
                    }
                    let now = Utc::now();
                    let scores = stance.profile.values();
                    let mut query = ::sqlx::query($crate::INSERT_STANCE)
                        .bind(collaboration_id)
                        .bind(code.as_str())
                        .bind(phase)
                        .bind(&actor.name)
                        .bind(now);
                    for score in scores {
                        query = query.bind(i32::from(score));
                    }
                    for motivation in &stance.motivations {
                        query = query.bind(motivation.as_deref());
                    }
                    let id: i64 = query
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .try_get("id")
                        .map_err(db_err)?;
                    let record = StanceRecord {
                        id,
                        collaboration_id,
                        code: code.clone(),
                        phase: phase.map(str::to_owned),
                        stance: stance.clone(),
                        stated_by: actor.name.clone(),
                        stated_at: now,
                    };
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "stance.record",
                            "collaboration",
                            collaboration_id.to_string(),
                            None,
                            to_json(&record),
                        ),
                    )
                    .await?;
                    tx.commit().await.map_err(db_err)?;
                    Ok(record)
                }

                async fn list_stances(
                    &self,
                    collaboration_id: i64,
                ) -> StoreResult<Vec<StanceRecord>> {
                    let rows = ::sqlx::query($crate::LIST_STANCES)
                        .bind(collaboration_id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let mut records = Vec::with_capacity(rows.len());
                    for r in &rows {
                        let mut scores = [0i32; 6];
                        let mut motivations: [Option<String>; 6] = Default::default();
                        for i in 0..6 {
                            scores[i] = r
                                .try_get(format!("score_{}", i + 1).as_str())
                                .map_err(db_err)?;
                            motivations[i] = r
                                .try_get(format!("motivation_{}", i + 1).as_str())
                                .map_err(db_err)?;
                        }
                        records.push($crate::stance_from_parts(
                            r.try_get("id").map_err(db_err)?,
                            collaboration_id,
                            r.try_get("org_code").map_err(db_err)?,
                            r.try_get("phase").map_err(db_err)?,
                            scores,
                            motivations,
                            r.try_get("stated_by").map_err(db_err)?,
                            r.try_get::<DateTime<Utc>, _>("stated_at").map_err(db_err)?,
                        )?);
                    }
                    Ok(records)
                }
            }

            #[$crate::async_trait]
            impl AuditStore for $store {
                async fn list_audit_events(
                    &self,
                    subject_type: &str,
                    subject_id: &str,
                ) -> StoreResult<Vec<AuditRecord>> {
                    let rows = ::sqlx::query($crate::LIST_AUDIT)
                        .bind(subject_type)
                        .bind(subject_id)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    let mut records = Vec::with_capacity(rows.len());
                    for r in &rows {
                        records.push(AuditRecord {
                            id: r.try_get("id").map_err(db_err)?,
                            occurred_at: r
                                .try_get::<DateTime<Utc>, _>("occurred_at")
                                .map_err(db_err)?,
                            actor: r.try_get("actor").map_err(db_err)?,
                            actor_organisation: r.try_get("actor_org").map_err(db_err)?,
                            action: r.try_get("action").map_err(db_err)?,
                            subject_type: r.try_get("subject_type").map_err(db_err)?,
                            subject_id: r.try_get("subject_id").map_err(db_err)?,
                            before: $crate::parse_json(r.try_get("before_json").map_err(db_err)?),
                            after: $crate::parse_json(r.try_get("after_json").map_err(db_err)?),
                        });
                    }
                    Ok(records)
                }

                async fn verify_audit_chain(&self) -> StoreResult<AuditVerification> {
                    let mut previous = $crate::domain::audit::GENESIS.to_owned();
                    let mut after_id = 0i64;
                    let mut events = 0u64;
                    loop {
                        let rows = ::sqlx::query($crate::AUDIT_CHAIN_PAGE).bind(after_id).fetch_all(&self.pool).await.map_err(db_err)?;
                        if rows.is_empty() {
                            // The head remembers the last event written: events removed from the
                            // end of the trail break the chain there.
                            let head = ::sqlx::query($crate::AUDIT_HEAD).fetch_one(&self.pool).await.map_err(db_err)?;
                            let last_id: i64 = head.try_get("last_id").map_err(db_err)?;
                            let last_hash: String = head.try_get("last_hash").map_err(db_err)?;
                            let intact = last_id == after_id && last_hash == previous;
                            return Ok(AuditVerification { events, first_broken: (!intact).then_some(after_id + 1) });
                        }
                        for r in &rows {
                            let id: i64 = r.try_get("id").map_err(db_err)?;
                            let occurred = $crate::audit_time_text(r.try_get::<DateTime<Utc>, _>("occurred_at").map_err(db_err)?);
                            let actor: String = r.try_get("actor").map_err(db_err)?;
                            let actor_org: Option<String> = r.try_get("actor_org").map_err(db_err)?;
                            let action: String = r.try_get("action").map_err(db_err)?;
                            let subject_type: String = r.try_get("subject_type").map_err(db_err)?;
                            let subject_id: String = r.try_get("subject_id").map_err(db_err)?;
                            let before: Option<String> = r.try_get("before_json").map_err(db_err)?;
                            let after: Option<String> = r.try_get("after_json").map_err(db_err)?;
                            let stored_previous: Option<String> = r.try_get("prev_hash").map_err(db_err)?;
                            let stored_hash: Option<String> = r.try_get("hash").map_err(db_err)?;
                            let expected = $crate::domain::audit::chain_hash(
                                &previous,
                                &$crate::domain::audit::ChainedEvent {
                                    id,
                                    occurred_at: &occurred,
                                    actor: &actor,
                                    actor_organisation: actor_org.as_deref(),
                                    action: &action,
                                    subject_type: &subject_type,
                                    subject_id: &subject_id,
                                    before: before.as_deref(),
                                    after: after.as_deref(),
                                },
                            );
                            events += 1;
                            if stored_previous.as_deref() != Some(previous.as_str()) || stored_hash.as_deref() != Some(expected.as_str()) {
                                return Ok(AuditVerification { events, first_broken: Some(id) });
                            }
                            previous = expected;
                            after_id = id;
                        }
                    }
                }
            }

            $crate::impl_account_store!($store, $db);
            $crate::impl_register_store!($store, $db);
            $crate::impl_money_store!($store, $db);
            $crate::impl_control_store!($store, $db);
            $crate::impl_moore_store!($store, $db);
            $crate::impl_survey_store!($store, $db);
        }
    };
}
