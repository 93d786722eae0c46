//! The account part of the shared SQL: users, memberships, sessions, tokens and sign-in
//! attempts. Expanded inside the module that `impl_sql_store!` creates, so it uses the helpers
//! defined there (`db_err`, `write_audit`, `audit`, `Conn`).

use samenspel_domain::auth::{Membership, Role};
use samenspel_domain::org::OrgCode;
use samenspel_store::{StoreError, StoreResult};

pub fn membership_from_parts(org_code: String, role: String) -> StoreResult<Membership> {
    Ok(Membership {
        organisation: OrgCode::parse(&org_code)
            .map_err(|_| StoreError::Database(format!("bad organisation code {org_code:?}")))?,
        role: Role::from_key(&role).ok_or_else(|| StoreError::Database(format!("bad role {role:?}")))?,
    })
}

pub fn email_taken(email: &str) -> samenspel_domain::ValidationErrors {
    samenspel_domain::ValidationErrors::single(
        "email",
        "email_taken",
        format!("Er is al een account met e-mailadres {email}."),
    )
}

#[doc(hidden)]
#[macro_export]
macro_rules! impl_account_store {
    ($store:ty, $db:ty) => {
        async fn user_by_id(conn: &mut Conn, id: i64) -> StoreResult<Option<UserRecord>> {
            let row = ::sqlx::query($crate::GET_USER).bind(id).fetch_optional(&mut *conn).await.map_err(db_err)?;
            match row {
                Some(row) => user_from_row(conn, &row).await.map(Some),
                None => Ok(None),
            }
        }

        async fn user_from_row(conn: &mut Conn, row: &<$db as ::sqlx::Database>::Row) -> StoreResult<UserRecord> {
            let id: i64 = row.try_get("id").map_err(db_err)?;
            let rows = ::sqlx::query($crate::USER_MEMBERSHIPS).bind(id).fetch_all(&mut *conn).await.map_err(db_err)?;
            let mut memberships = Vec::with_capacity(rows.len());
            for r in &rows {
                memberships.push($crate::membership_from_parts(
                    r.try_get("org_code").map_err(db_err)?,
                    r.try_get("role").map_err(db_err)?,
                )?);
            }
            Ok(UserRecord {
                id,
                email: row.try_get("email").map_err(db_err)?,
                name: row.try_get("name").map_err(db_err)?,
                password_hash: row.try_get("password_hash").map_err(db_err)?,
                memberships,
            })
        }

        fn membership_error(e: ::sqlx::Error, membership: &$crate::domain::auth::Membership) -> StoreError {
            if is_foreign_key_violation(&e) {
                StoreError::Invalid($crate::unknown_partner(&membership.organisation))
            } else {
                db_err(e)
            }
        }

        #[$crate::async_trait]
        impl AccountStore for $store {
            async fn create_user(&self, new: &NewUser, actor: &Actor) -> StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let id: i64 = ::sqlx::query($crate::INSERT_USER)
                    .bind(&new.email)
                    .bind(&new.name)
                    .bind(new.password_hash.as_deref())
                    .bind(Utc::now())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| if is_unique_violation(&e) { StoreError::Invalid($crate::email_taken(&new.email)) } else { db_err(e) })?
                    .try_get("id")
                    .map_err(db_err)?;
                for m in &new.memberships {
                    ::sqlx::query($crate::UPSERT_MEMBERSHIP)
                        .bind(id)
                        .bind(m.organisation.as_str())
                        .bind(m.role.key())
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| membership_error(e, m))?;
                }
                let after = $crate::serde_json::json!({"email": new.email, "name": new.name, "memberships": new.memberships});
                write_audit(&mut tx, &audit(actor, "user.create", "user", id.to_string(), None, Some(after))).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(id)
            }

            async fn find_user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                let row = ::sqlx::query($crate::FIND_USER_BY_EMAIL).bind(email).fetch_optional(&mut *conn).await.map_err(db_err)?;
                match row {
                    Some(row) => user_from_row(&mut conn, &row).await.map(Some),
                    None => Ok(None),
                }
            }

            async fn get_user(&self, id: i64) -> StoreResult<Option<UserRecord>> {
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                user_by_id(&mut conn, id).await
            }

            async fn grant(&self, user_id: i64, membership: &$crate::domain::auth::Membership, actor: &Actor) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let before = user_by_id(&mut tx, user_id).await?.ok_or(StoreError::NotFound)?;
                ::sqlx::query($crate::UPSERT_MEMBERSHIP)
                    .bind(user_id)
                    .bind(membership.organisation.as_str())
                    .bind(membership.role.key())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| membership_error(e, membership))?;
                write_audit(
                    &mut tx,
                    &audit(actor, "user.grant", "user", user_id.to_string(), to_json(&before.memberships), to_json(membership)),
                )
                .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn revoke(&self, user_id: i64, organisation: &OrgCode, actor: &Actor) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let removed = ::sqlx::query($crate::DELETE_MEMBERSHIP)
                    .bind(user_id)
                    .bind(organisation.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if removed == 0 {
                    return Err(StoreError::NotFound);
                }
                write_audit(&mut tx, &audit(actor, "user.revoke", "user", user_id.to_string(), to_json(organisation), None)).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn set_password_hash(&self, user_id: i64, hash: &str, keep_session: Option<&str>, actor: &Actor) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let updated = ::sqlx::query($crate::SET_PASSWORD_HASH).bind(hash).bind(user_id).execute(&mut *tx).await.map_err(db_err)?.rows_affected();
                if updated == 0 {
                    return Err(StoreError::NotFound);
                }
                ::sqlx::query($crate::DELETE_OTHER_SESSIONS).bind(user_id).bind(keep_session.unwrap_or_default()).execute(&mut *tx).await.map_err(db_err)?;
                write_audit(&mut tx, &audit(actor, "user.password", "user", user_id.to_string(), None, None)).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn create_session(&self, token_hash: &str, user_id: i64, expires_at: DateTime<Utc>) -> StoreResult<()> {
                ::sqlx::query($crate::INSERT_SESSION)
                    .bind(token_hash)
                    .bind(user_id)
                    .bind(Utc::now())
                    .bind(expires_at)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<UserRecord>> {
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                let row = ::sqlx::query($crate::SESSION_USER_ID).bind(token_hash).bind(now).fetch_optional(&mut *conn).await.map_err(db_err)?;
                match row {
                    Some(row) => user_by_id(&mut conn, row.try_get("user_id").map_err(db_err)?).await,
                    None => Ok(None),
                }
            }

            async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
                ::sqlx::query($crate::DELETE_SESSION).bind(token_hash).execute(&self.pool).await.map_err(db_err)?;
                Ok(())
            }

            async fn create_token(&self, new: &NewToken<'_>, actor: &Actor) -> StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let id: i64 = ::sqlx::query($crate::INSERT_TOKEN)
                    .bind(new.user_id)
                    .bind(new.token_hash)
                    .bind(new.purpose.key())
                    .bind(Utc::now())
                    .bind(new.expires_at)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .try_get("id")
                    .map_err(db_err)?;
                let after = $crate::serde_json::json!({"token_id": id, "purpose": new.purpose.key(), "expires_at": new.expires_at});
                write_audit(&mut tx, &audit(actor, "token.create", "user", new.user_id.to_string(), None, Some(after))).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(id)
            }

            async fn token_user(&self, token_hash: &str, purpose: TokenPurpose, now: DateTime<Utc>) -> StoreResult<Option<UserRecord>> {
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                let row = ::sqlx::query($crate::TOKEN_USER_ID)
                    .bind(token_hash)
                    .bind(purpose.key())
                    .bind(now)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db_err)?;
                match row {
                    Some(row) => user_by_id(&mut conn, row.try_get("user_id").map_err(db_err)?).await,
                    None => Ok(None),
                }
            }

            async fn revoke_tokens(&self, user_id: i64, purpose: TokenPurpose, actor: &Actor) -> StoreResult<u64> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let revoked = ::sqlx::query($crate::REVOKE_TOKENS)
                    .bind(Utc::now())
                    .bind(user_id)
                    .bind(purpose.key())
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                let after = $crate::serde_json::json!({"purpose": purpose.key(), "revoked": revoked});
                write_audit(&mut tx, &audit(actor, "token.revoke", "user", user_id.to_string(), None, Some(after))).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(revoked)
            }

            async fn record_login_attempt(&self, attempt: &LoginAttempt<'_>) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                ::sqlx::query($crate::INSERT_LOGIN_ATTEMPT)
                    .bind(attempt.email)
                    .bind(attempt.address)
                    .bind(attempt.succeeded)
                    .bind(attempt.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                if !attempt.succeeded {
                    let actor = Actor::system("anoniem");
                    let after = $crate::serde_json::json!({"address": attempt.address, "reason": attempt.reason});
                    write_audit(&mut tx, &audit(&actor, "auth.login_refused", "login", attempt.email.to_owned(), None, Some(after))).await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn recent_login_failures(&self, email: &str, address: &str, since: DateTime<Utc>) -> StoreResult<(u64, u64)> {
                let by_email: i64 = ::sqlx::query($crate::COUNT_FAILURES_BY_EMAIL)
                    .bind(email)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?
                    .try_get(0)
                    .map_err(db_err)?;
                let by_address: i64 = ::sqlx::query($crate::COUNT_FAILURES_BY_ADDRESS)
                    .bind(address)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?
                    .try_get(0)
                    .map_err(db_err)?;
                Ok((u64::try_from(by_email).unwrap_or(0), u64::try_from(by_address).unwrap_or(0)))
            }
        }
    };
}
