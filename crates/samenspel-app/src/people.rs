//! The people behind a collaboration's records, as the caller may see them
//! ([`samenspel_domain::people`]): every read use case that returns who stated, recorded or
//! changed something passes its records through [`People`] first, so no page, API response or
//! export can show more of a person than the rule allows.

use std::collections::HashMap;

use samenspel_domain::Message;
use samenspel_domain::auth::Role;
use samenspel_domain::people::{Audience, Author, redact_people, shown};
use samenspel_store::{AuditRecord, Collaboration, UserRecord};

use crate::{App, AppResult, Principal};

/// The people known to one collaboration's records, and who is looking.
pub struct People {
    audience: Audience,
    /// Account (e-mail address) → the user, for the accounts in the records.
    users: HashMap<String, UserRecord>,
    /// Organisation code → name: the partners, and the organisations of audit events.
    organisations: HashMap<String, String>,
}

/// How `who` relates to the collaboration, for what it may see of people.
pub fn audience(collaboration: &Collaboration, who: &Principal) -> Audience {
    if who.is_platform_admin() {
        return Audience::Beheerder;
    }
    let member = who.user().is_some_and(|user| {
        user.memberships
            .iter()
            .any(|m| collaboration.partners.iter().any(|p| p.code == m.organisation))
    });
    if member {
        Audience::Member
    } else {
        Audience::Public
    }
}

impl App {
    /// The people of `accounts` and the organisations of `organisations` (codes), for showing
    /// records of `collaboration` to `who`.
    pub(crate) async fn people(
        &self,
        collaboration: &Collaboration,
        who: &Principal,
        accounts: &[&str],
        organisations: &[&str],
    ) -> AppResult<People> {
        let partners = collaboration
            .partners
            .iter()
            .map(|p| (p.code.as_str().to_owned(), p.name.clone()));
        self.people_for(
            audience(collaboration, who),
            partners.collect(),
            accounts,
            organisations,
        )
        .await
    }

    /// The same outside a collaboration (a survey wave): beheerders see the people, everybody
    /// else the organisations.
    pub(crate) async fn people_outside(&self, who: &Principal, accounts: &[&str]) -> AppResult<People> {
        let audience = if who.is_platform_admin() {
            Audience::Beheerder
        } else {
            Audience::Public
        };
        self.people_for(audience, HashMap::new(), accounts, &[]).await
    }

    async fn people_for(
        &self,
        audience: Audience,
        mut names: HashMap<String, String>,
        accounts: &[&str],
        organisations: &[&str],
    ) -> AppResult<People> {
        let mut users = HashMap::new();
        for &account in accounts {
            if users.contains_key(account) {
                continue;
            }
            if let Some(user) = self.store.find_user_by_email(account).await? {
                users.insert(account.to_owned(), user);
            }
        }
        let memberships: Vec<String> = users
            .values()
            .flat_map(|u: &UserRecord| u.memberships.iter().map(|m| m.organisation.as_str().to_owned()))
            .collect();
        let wanted: Vec<String> = organisations
            .iter()
            .map(|code| (*code).to_owned())
            .chain(memberships)
            .collect();
        for code in wanted {
            if names.contains_key(&code) {
                continue;
            }
            // An unknown code (an organisation that is gone) is asked once and shown as itself.
            let name = match self.organisation(&code).await {
                Ok(organisation) => organisation.display_name(),
                Err(_) => code.clone(),
            };
            names.insert(code, name);
        }
        Ok(People {
            audience,
            users,
            organisations: names,
        })
    }
}

impl People {
    /// An organisation's name, or its code when it is not known.
    pub fn organisation_name(&self, code: &str) -> String {
        self.organisations
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_owned())
    }

    /// The person behind `account`, on behalf of the organisation `organisation` (a code).
    pub fn show(&self, account: &str, organisation: Option<&str>) -> Message {
        let organisation = organisation.map(|code| self.organisation_name(code));
        shown(
            self.audience,
            &Author {
                account,
                name: self.users.get(account).map(|u| u.name.as_str()),
                organisation: organisation.as_deref(),
            },
        )
    }

    /// The person behind `account`, on behalf of the first of `candidates` (codes, closest
    /// first) the person is a member of, else of their first membership. For records that do
    /// not store the organisation (money): the same preference the permission check has.
    pub fn show_among(&self, account: &str, candidates: &[&str]) -> Message {
        let memberships = self
            .users
            .get(account)
            .map(|u| u.memberships.as_slice())
            .unwrap_or_default();
        let organisation = candidates
            .iter()
            .copied()
            .find(|code| memberships.iter().any(|m| m.organisation.as_str() == *code))
            .or_else(|| {
                let mut own: Vec<_> = memberships.iter().collect();
                own.sort_by_key(|m| m.role == Role::Beheerder);
                own.first().map(|m| m.organisation.as_str())
            });
        self.show(account, organisation)
    }

    /// An audit record as the caller may see it: the actor shown by the rule, every person
    /// field in its payloads likewise, and its summary naming organisations by their names.
    pub fn audit_record(&self, mut record: AuditRecord) -> AuditRecord {
        let organisation = record.actor_organisation.clone();
        let show = |account: &str| self.show(account, organisation.as_deref()).dutch().to_owned();
        record.actor = self.show(record.actor.dutch(), organisation.as_deref());
        record.summary = AuditRecord::describe(
            &record.action,
            record.before.as_ref(),
            record.after.as_ref(),
            &|code| self.organisation_name(code),
        )
        .1;
        for payload in [&mut record.before, &mut record.after].into_iter().flatten() {
            redact_people(payload, &show);
        }
        record
    }
}
