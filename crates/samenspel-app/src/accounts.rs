//! Accounts: users with roles per organisation, sign-in with rate limiting, sessions kept in
//! the database (so several servers share them), API and invitation tokens stored hashed.

use std::sync::LazyLock;

use chrono::Duration;
use tokio::sync::Semaphore;

use samenspel_domain::ValidationErrors;
use samenspel_domain::account::{Email, NewPassword, parse_user_name};
use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Membership, Relation, Role};
use samenspel_domain::org::OrgCode;
use samenspel_store::{AuditVerification, LoginAttempt, NewToken, NewUser, TokenPurpose, UserRecord};

use crate::secret::{dummy_hash, hash_password, new_token, token_hash, verify_password};
use crate::{App, AppError, AppResult, Principal, SignedIn};

/// How long a sign-in lasts.
pub const SESSION_HOURS: i64 = 12;
const INVITATION_DAYS: i64 = 7;
/// Failed sign-ins are counted over this window …
const FAILURE_WINDOW_MINUTES: i64 = 15;
/// … and refused beyond this many for one account …
const MAX_FAILURES_PER_ACCOUNT: u64 = 5;
/// … or this many from one address.
const MAX_FAILURES_PER_ADDRESS: u64 = 30;

/// A created account: its id, and the invitation token when no password was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub user_id: i64,
    pub invitation: Option<String>,
}

/// Why a sign-in was refused, as recorded in the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInFailure {
    UnknownUser,
    WrongPassword,
    NoPasswordYet,
    RateLimited,
}

impl SignInFailure {
    fn reason(self) -> &'static str {
        match self {
            SignInFailure::UnknownUser => "unknown_user",
            SignInFailure::WrongPassword => "wrong_password",
            SignInFailure::NoPasswordYet => "no_password",
            SignInFailure::RateLimited => "rate_limited",
        }
    }
}

fn signed_in(user: UserRecord) -> SignedIn {
    SignedIn {
        id: user.id,
        email: user.email,
        name: user.name,
        memberships: user.memberships,
    }
}

/// Password hashes running at once in this process. Argon2id takes ~17 MB and a core's worth
/// of time per hash, so a burst of sign-ins queues here instead of taking the server's memory.
static HASHING: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from)));

/// Runs `work` on the blocking pool once a hashing permit is free.
async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(AppError::internal)
}

async fn hash_off_thread(password: String) -> AppResult<String> {
    hashing(move || hash_password(&password))
        .await?
        .map_err(AppError::internal)
}

async fn verify_off_thread(password: String, hash: String) -> bool {
    hashing(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

impl App {
    async fn user_by_email(&self, field: &str, raw: &str) -> AppResult<UserRecord> {
        let email = Email::parse(field, raw)?;
        self.store
            .find_user_by_email(email.as_str())
            .await?
            .ok_or_else(|| {
                AppError::Invalid(ValidationErrors::single(
                    field,
                    "unknown_user",
                    samenspel_domain::msg!(
                        "error-unknown-user",
                        "Er is geen account met e-mailadres {email}.",
                        email = email
                    ),
                ))
            })
    }

    async fn membership(&self, org: &str, role: &str) -> AppResult<Membership> {
        let mut errors = ValidationErrors::new();
        let code = errors.collect(OrgCode::parse_field("org", org));
        let role = errors.collect(Role::parse_field("role", role));
        if let Some(code) = &code
            && self.store.get_organisation(code).await?.is_none()
        {
            errors.add(
                "org",
                "unknown_organisation",
                samenspel_domain::msg!(
                    "error-unknown-organisation",
                    "Er is geen organisatie met code {code}.",
                    code = code
                ),
            );
        }
        match (code, role) {
            (Some(organisation), Some(role)) if errors.is_empty() => Ok(Membership { organisation, role }),
            _ => Err(AppError::Invalid(errors)),
        }
    }

    /// Creates an account with one membership. Without a password an invitation token is
    /// returned (valid for seven days) with which the user sets one.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        org: &str,
        role: &str,
        password: Option<&str>,
        who: &Principal,
    ) -> AppResult<NewAccount> {
        let actor = who.authorise(Action::ManageUsers, |_| Relation::None)?;
        let mut errors = ValidationErrors::new();
        let email = errors.collect(Email::parse("email", email));
        let name = errors.collect(parse_user_name("name", name));
        let password = match password {
            Some(p) => errors.collect(NewPassword::parse("password", p)),
            None => None,
        };
        let membership = errors.collect(self.membership(org, role).await.map_err(|e| match e {
            AppError::Invalid(v) => v,
            other => ValidationErrors::single(
                "org",
                "lookup_failed",
                samenspel_domain::Message::plain(other.to_string()),
            ),
        }));
        let (Some(email), Some(name), Some(membership)) = (email, name, membership) else {
            return Err(AppError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let password_hash = match password {
            Some(p) => Some(hash_off_thread(p.expose().to_owned()).await?),
            None => None,
        };
        let invite = password_hash.is_none();
        let new = NewUser {
            email: email.to_string(),
            name,
            password_hash,
            memberships: vec![membership],
        };
        let user_id = self.store.create_user(&new, &actor).await?;
        let invitation = if invite {
            let (token, hash) = new_token();
            let expires_at = Some(self.clock.now() + Duration::days(INVITATION_DAYS));
            self.store
                .create_token(
                    &NewToken {
                        user_id,
                        token_hash: &hash,
                        purpose: TokenPurpose::Invitation,
                        expires_at,
                    },
                    &actor,
                )
                .await?;
            Some(token)
        } else {
            None
        };
        Ok(NewAccount { user_id, invitation })
    }

    pub async fn grant_role(&self, email: &str, org: &str, role: &str, who: &Principal) -> AppResult<()> {
        let actor = who.authorise(Action::ManageUsers, |_| Relation::None)?;
        let user = self.user_by_email("email", email).await?;
        let membership = self.membership(org, role).await?;
        Ok(self.store.grant(user.id, &membership, &actor).await?)
    }

    pub async fn revoke_role(&self, email: &str, org: &str, who: &Principal) -> AppResult<()> {
        let actor = who.authorise(Action::ManageUsers, |_| Relation::None)?;
        let user = self.user_by_email("email", email).await?;
        let code = OrgCode::parse_field("org", org)?;
        self.store
            .revoke(user.id, &code, &actor)
            .await
            .map_err(|e| match e {
                samenspel_store::StoreError::NotFound => AppError::Invalid(ValidationErrors::single(
                    "org",
                    "no_membership",
                    samenspel_domain::msg!(
                        "error-no-membership",
                        "{email} heeft geen rol bij {code}.",
                        email = user.email,
                        code = code
                    ),
                )),
                other => other.into(),
            })
    }

    /// A new API token for the user, shown once; only its hash is stored.
    pub async fn create_api_token(&self, email: &str, who: &Principal) -> AppResult<String> {
        let actor = who.authorise(Action::ManageUsers, |_| Relation::None)?;
        let user = self.user_by_email("email", email).await?;
        let (token, hash) = new_token();
        self.store
            .create_token(
                &NewToken {
                    user_id: user.id,
                    token_hash: &hash,
                    purpose: TokenPurpose::Api,
                    expires_at: None,
                },
                &actor,
            )
            .await?;
        Ok(token)
    }

    pub async fn revoke_api_tokens(&self, email: &str, who: &Principal) -> AppResult<u64> {
        let actor = who.authorise(Action::ManageUsers, |_| Relation::None)?;
        let user = self.user_by_email("email", email).await?;
        Ok(self
            .store
            .revoke_tokens(user.id, TokenPurpose::Api, &actor)
            .await?)
    }

    /// Signs in with e-mail and password from `address`. Returns a new session token (to be
    /// sent as a cookie) and the user. Refused attempts are recorded and audited; after too
    /// many failures the account or address must wait.
    pub async fn sign_in(&self, email: &str, password: &str, address: &str) -> AppResult<(String, SignedIn)> {
        let email = email.trim().to_lowercase();
        let now = self.clock.now();
        let since = now - Duration::minutes(FAILURE_WINDOW_MINUTES);
        // Counted before the password is checked, so parallel attempts cannot pass the limit.
        let (attempt, by_account, by_address) = self
            .store
            .begin_login_attempt(&email, address, now, since)
            .await?;
        let settle = |failure: Option<SignInFailure>| LoginAttempt {
            email: &email,
            address,
            succeeded: failure.is_none(),
            at: now,
            reason: failure.map(SignInFailure::reason),
        };
        if by_account > MAX_FAILURES_PER_ACCOUNT || by_address > MAX_FAILURES_PER_ADDRESS {
            self.store
                .settle_login_attempt(attempt, &settle(Some(SignInFailure::RateLimited)))
                .await?;
            return Err(AppError::TooManyAttempts(crate::refusals::too_many_sign_ins(
                FAILURE_WINDOW_MINUTES,
            )));
        }
        let user = self.store.find_user_by_email(&email).await?;
        let failure = match &user {
            None => {
                // Take as long as a wrong password, so the answer does not reveal who has an account.
                verify_off_thread(password.to_owned(), dummy_hash().to_owned()).await;
                Some(SignInFailure::UnknownUser)
            }
            Some(u) => match &u.password_hash {
                None => Some(SignInFailure::NoPasswordYet),
                Some(hash) if verify_off_thread(password.to_owned(), hash.clone()).await => None,
                Some(_) => Some(SignInFailure::WrongPassword),
            },
        };
        self.store.settle_login_attempt(attempt, &settle(failure)).await?;
        match (failure, user) {
            (None, Some(user)) => {
                let (token, hash) = new_token();
                self.store
                    .create_session(&hash, user.id, now + Duration::hours(SESSION_HOURS))
                    .await?;
                Ok((token, signed_in(user)))
            }
            _ => Err(AppError::Unauthenticated),
        }
    }

    /// The user of a session cookie; anonymous when it is unknown or expired.
    pub async fn principal_for_session(&self, token: &str) -> AppResult<Principal> {
        Ok(
            match self
                .store
                .session_user(&token_hash(token), self.clock.now())
                .await?
            {
                Some(user) => Principal::User(signed_in(user)),
                None => Principal::Anonymous,
            },
        )
    }

    /// The user of an API bearer token; an unknown, expired or revoked token is refused.
    pub async fn principal_for_bearer(&self, token: &str) -> AppResult<Principal> {
        match self
            .store
            .token_user(&token_hash(token), TokenPurpose::Api, self.clock.now())
            .await?
        {
            Some(user) => Ok(Principal::User(signed_in(user))),
            None => Err(AppError::Unauthenticated),
        }
    }

    pub async fn sign_out(&self, token: &str) -> AppResult<()> {
        Ok(self.store.delete_session(&token_hash(token)).await?)
    }

    /// Changes the signed-in user's password after checking the current one; every other
    /// session of the user ends (someone who knew the old password is signed out), the
    /// session `session` that made the change stays.
    pub async fn change_password(
        &self,
        who: &Principal,
        session: Option<&str>,
        current: &str,
        new: &str,
    ) -> AppResult<()> {
        let Some(user) = who.user() else {
            return Err(AppError::Unauthenticated);
        };
        let new = NewPassword::parse("new_password", new)?;
        let record = self
            .store
            .get_user(user.id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let matches = match record.password_hash {
            Some(hash) => verify_off_thread(current.to_owned(), hash).await,
            None => false,
        };
        if !matches {
            return Err(AppError::Invalid(ValidationErrors::single(
                "current_password",
                "wrong_password",
                samenspel_domain::msg!("error-wrong-password", "Het huidige wachtwoord klopt niet."),
            )));
        }
        let hash = hash_off_thread(new.expose().to_owned()).await?;
        let actor = Actor {
            name: user.email.clone(),
            organisation: None,
        };
        let keep = session.map(token_hash);
        Ok(self
            .store
            .set_password_hash(user.id, &hash, keep.as_deref(), &actor)
            .await?)
    }

    /// The account an invitation token is for, if the token is still valid.
    pub async fn invitation(&self, token: &str) -> AppResult<SignedIn> {
        self.store
            .token_user(&token_hash(token), TokenPurpose::Invitation, self.clock.now())
            .await?
            .map(signed_in)
            .ok_or(AppError::NotFound("uitnodiging"))
    }

    /// Sets the first password with an invitation token, which is then used up.
    pub async fn accept_invitation(&self, token: &str, password: &str) -> AppResult<()> {
        let user = self.invitation(token).await?;
        let password = NewPassword::parse("password", password)?;
        let hash = hash_off_thread(password.expose().to_owned()).await?;
        let actor = Actor {
            name: user.email.clone(),
            organisation: None,
        };
        self.store.set_password_hash(user.id, &hash, None, &actor).await?;
        self.store
            .revoke_tokens(user.id, TokenPurpose::Invitation, &actor)
            .await?;
        Ok(())
    }

    pub async fn verify_audit_chain(&self) -> AppResult<AuditVerification> {
        Ok(self.store.verify_audit_chain().await?)
    }
}
