//! Accounts: users and their memberships, sessions, API and invitation tokens, and sign-in
//! attempts (a refused one is also written to the audit trail).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Membership, Role};
use samenspel_domain::org::OrgCode;
use samenspel_store::{
    AccountStore, AuditEvent, LoginAttempt, NewToken, NewUser, StoreError, StoreResult, TokenPurpose,
    UserRecord,
};

use super::organisations::org_code;
use super::read::fetch_all_into;
use super::{Conn, SqlStore};
use crate::error::{Constraint, Error, Result, boundary, corrupt};
use crate::text::{count, email_taken, unknown_partner};

const INSERT_USER: &str =
    "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id";

const FIND_USER_BY_EMAIL: &str = "SELECT id, email, name, password_hash FROM users WHERE email = $1";

const GET_USER: &str = "SELECT id, email, name, password_hash FROM users WHERE id = $1";

const USER_MEMBERSHIPS: &str = "SELECT org_code, role FROM memberships WHERE user_id = $1 ORDER BY org_code";

const UPSERT_MEMBERSHIP: &str = "INSERT INTO memberships (user_id, org_code, role) VALUES ($1, $2, $3) \
     ON CONFLICT (user_id, org_code) DO UPDATE SET role = excluded.role";

const DELETE_MEMBERSHIP: &str = "DELETE FROM memberships WHERE user_id = $1 AND org_code = $2";

const SET_PASSWORD_HASH: &str = "UPDATE users SET password_hash = $1 WHERE id = $2";

const INSERT_SESSION: &str =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";

const SESSION_USER_ID: &str = "SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2";

const DELETE_SESSION: &str = "DELETE FROM sessions WHERE token_hash = $1";

/// Every session of a user but one (a token hash is never empty, so `''` keeps none).
const DELETE_OTHER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";

const INSERT_TOKEN: &str = "INSERT INTO api_tokens (user_id, token_hash, purpose, created_at, expires_at, revoked_at) \
     VALUES ($1, $2, $3, $4, $5, NULL) RETURNING id";

const TOKEN_USER_ID: &str = "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND purpose = $2 \
     AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)";

const REVOKE_TOKENS: &str =
    "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND purpose = $3 AND revoked_at IS NULL";

const INSERT_LOGIN_ATTEMPT: &str = "INSERT INTO login_attempts (email, address, succeeded, attempted_at) \
     VALUES ($1, $2, FALSE, $3) RETURNING id";

const LOGIN_SUCCEEDED: &str = "UPDATE login_attempts SET succeeded = TRUE WHERE id = $1";

const COUNT_FAILURES_BY_EMAIL: &str =
    "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND succeeded = FALSE AND attempted_at > $2";

const COUNT_FAILURES_BY_ADDRESS: &str =
    "SELECT COUNT(*) FROM login_attempts WHERE address = $1 AND succeeded = FALSE AND attempted_at > $2";

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    password_hash: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    org_code: String,
    role: String,
}

impl TryFrom<MembershipRow> for Membership {
    type Error = Error;

    fn try_from(row: MembershipRow) -> Result<Self> {
        Ok(Membership {
            organisation: org_code(&row.org_code)?,
            role: Role::from_key(&row.role).ok_or_else(|| corrupt("role", &row.role))?,
        })
    }
}

/// The user with their memberships.
async fn with_memberships(conn: &mut Conn, row: UserRow) -> Result<UserRecord> {
    let query = sqlx::query_as::<_, MembershipRow>(USER_MEMBERSHIPS).bind(row.id);
    Ok(UserRecord {
        id: row.id,
        email: row.email,
        name: row.name,
        password_hash: row.password_hash,
        memberships: fetch_all_into(query, &mut *conn).await?,
    })
}

async fn user_by_id(conn: &mut Conn, id: i64) -> Result<Option<UserRecord>> {
    let row: Option<UserRow> = sqlx::query_as(GET_USER)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => with_memberships(conn, row).await.map(Some),
        None => Ok(None),
    }
}

async fn upsert_membership(conn: &mut Conn, user_id: i64, membership: &Membership) -> Result<()> {
    sqlx::query(UPSERT_MEMBERSHIP)
        .bind(user_id)
        .bind(membership.organisation.as_str())
        .bind(membership.role.key())
        .execute(&mut *conn)
        .await
        .map_err(Constraint::ForeignKey.refuses(|| unknown_partner(&membership.organisation)))?;
    Ok(())
}

fn not_found() -> Error {
    Error::Store(StoreError::NotFound)
}

impl SqlStore {
    /// The user a session or token (`sql` selects its `user_id`) leads to.
    async fn user_of(
        &self,
        sql: &'static str,
        token_hash: &str,
        purpose: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Option<UserRecord>> {
        let mut conn = self.pool.acquire().await?;
        let query = sqlx::query_scalar(sql).bind(token_hash);
        let query = match purpose {
            Some(purpose) => query.bind(purpose),
            None => query,
        };
        let user_id: Option<i64> = query.bind(now).fetch_optional(&mut *conn).await?;
        match user_id {
            Some(id) => user_by_id(&mut conn, id).await,
            None => Ok(None),
        }
    }

    async fn failures(&self, email: &str, address: &str, since: DateTime<Utc>) -> Result<(u64, u64)> {
        let by_email: i64 = sqlx::query_scalar(COUNT_FAILURES_BY_EMAIL)
            .bind(email)
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
        let by_address: i64 = sqlx::query_scalar(COUNT_FAILURES_BY_ADDRESS)
            .bind(address)
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
        Ok((count(by_email), count(by_address)))
    }
}

#[async_trait]
impl AccountStore for SqlStore {
    async fn create_user(&self, new: &NewUser, actor: &Actor) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let id: i64 = sqlx::query_scalar(INSERT_USER)
                .bind(&new.email)
                .bind(&new.name)
                .bind(new.password_hash.as_deref())
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await
                .map_err(Constraint::Unique.refuses(|| email_taken(&new.email)))?;
            for membership in &new.memberships {
                upsert_membership(&mut tx, id, membership).await?;
            }
            let event = AuditEvent::UserCreate {
                id,
                email: &new.email,
                name: &new.name,
                memberships: &new.memberships,
            };
            tx.commit(actor, event).await?;
            Ok(id)
        })
        .await
    }

    async fn find_user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        boundary(async {
            let mut conn = self.pool.acquire().await?;
            let row: Option<UserRow> = sqlx::query_as(FIND_USER_BY_EMAIL)
                .bind(email)
                .fetch_optional(&mut *conn)
                .await?;
            match row {
                Some(row) => with_memberships(&mut conn, row).await.map(Some),
                None => Ok(None),
            }
        })
        .await
    }

    async fn get_user(&self, id: i64) -> StoreResult<Option<UserRecord>> {
        boundary(async { user_by_id(&mut *self.pool.acquire().await?, id).await }).await
    }

    async fn grant(&self, id: i64, membership: &Membership, actor: &Actor) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let before = user_by_id(&mut tx, id).await?.ok_or_else(not_found)?;
            upsert_membership(&mut tx, id, membership).await?;
            tx.commit(
                actor,
                AuditEvent::UserGrant {
                    id,
                    before: &before.memberships,
                    after: membership,
                },
            )
            .await
        })
        .await
    }

    async fn revoke(&self, id: i64, organisation: &OrgCode, actor: &Actor) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let removed = sqlx::query(DELETE_MEMBERSHIP)
                .bind(id)
                .bind(organisation.as_str())
                .execute(&mut *tx)
                .await?;
            if removed.rows_affected() == 0 {
                return Err(not_found());
            }
            tx.commit(actor, AuditEvent::UserRevoke { id, organisation })
                .await
        })
        .await
    }

    async fn set_password_hash(
        &self,
        id: i64,
        hash: &str,
        keep_session: Option<&str>,
        actor: &Actor,
    ) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let updated = sqlx::query(SET_PASSWORD_HASH)
                .bind(hash)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if updated.rows_affected() == 0 {
                return Err(not_found());
            }
            sqlx::query(DELETE_OTHER_SESSIONS)
                .bind(id)
                .bind(keep_session.unwrap_or_default())
                .execute(&mut *tx)
                .await?;
            tx.commit(actor, AuditEvent::UserPassword { id }).await
        })
        .await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        boundary(async {
            let query = sqlx::query(INSERT_SESSION)
                .bind(token_hash)
                .bind(user_id)
                .bind(Utc::now())
                .bind(expires_at);
            query.execute(&self.pool).await?;
            Ok(())
        })
        .await
    }

    async fn session_user(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<Option<UserRecord>> {
        boundary(self.user_of(SESSION_USER_ID, token_hash, None, now)).await
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        boundary(async {
            sqlx::query(DELETE_SESSION)
                .bind(token_hash)
                .execute(&self.pool)
                .await?;
            Ok(())
        })
        .await
    }

    async fn create_token(&self, new: &NewToken<'_>, actor: &Actor) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let token_id: i64 = sqlx::query_scalar(INSERT_TOKEN)
                .bind(new.user_id)
                .bind(new.token_hash)
                .bind(new.purpose.key())
                .bind(Utc::now())
                .bind(new.expires_at)
                .fetch_one(&mut *tx)
                .await?;
            let event = AuditEvent::TokenCreate {
                user_id: new.user_id,
                token_id,
                purpose: new.purpose,
                expires_at: new.expires_at,
            };
            tx.commit(actor, event).await?;
            Ok(token_id)
        })
        .await
    }

    async fn token_user(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserRecord>> {
        boundary(self.user_of(TOKEN_USER_ID, token_hash, Some(purpose.key()), now)).await
    }

    async fn revoke_tokens(&self, user_id: i64, purpose: TokenPurpose, actor: &Actor) -> StoreResult<u64> {
        boundary(async {
            let mut tx = self.write().await?;
            let revoked = sqlx::query(REVOKE_TOKENS)
                .bind(Utc::now())
                .bind(user_id)
                .bind(purpose.key())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit(
                actor,
                AuditEvent::TokenRevoke {
                    user_id,
                    purpose,
                    revoked,
                },
            )
            .await?;
            Ok(revoked)
        })
        .await
    }

    async fn begin_login_attempt(
        &self,
        email: &str,
        address: &str,
        at: DateTime<Utc>,
        since: DateTime<Utc>,
    ) -> StoreResult<(i64, u64, u64)> {
        boundary(async {
            // Its own statement, committed before the counts below read.
            let id: i64 = sqlx::query_scalar(INSERT_LOGIN_ATTEMPT)
                .bind(email)
                .bind(address)
                .bind(at)
                .fetch_one(&self.pool)
                .await?;
            let (by_email, by_address) = self.failures(email, address, since).await?;
            Ok((id, by_email, by_address))
        })
        .await
    }

    async fn settle_login_attempt(&self, id: i64, attempt: &LoginAttempt<'_>) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            if attempt.succeeded {
                sqlx::query(LOGIN_SUCCEEDED).bind(id).execute(&mut *tx).await?;
                return tx.commit_unaudited().await;
            }
            let event = AuditEvent::LoginRefused {
                email: attempt.email,
                address: attempt.address,
                reason: attempt.reason,
            };
            tx.commit(&Actor::system("anoniem"), event).await
        })
        .await
    }
}
