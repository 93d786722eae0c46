//! Who is asking, and the one place that turns "may they?" into an answer.

use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Membership, Relation, Role, permits};
use samenspel_domain::org::OrgCode;

use crate::AppError;

/// The caller of a use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Not signed in: reads what is published.
    Anonymous,
    User(SignedIn),
    /// The CLI and the demo loader, run by whoever controls the server: allowed everything.
    System(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub memberships: Vec<Membership>,
}

impl Principal {
    pub fn is_platform_admin(&self) -> bool {
        match self {
            Principal::System(_) => true,
            Principal::User(u) => u.memberships.iter().any(|m| m.role == Role::Beheerder),
            Principal::Anonymous => false,
        }
    }

    pub fn user(&self) -> Option<&SignedIn> {
        match self {
            Principal::User(u) => Some(u),
            _ => None,
        }
    }

    /// Checks `action` against the permission table and returns the actor to record: the user
    /// on behalf of the organisation whose membership grants it.
    pub fn authorise(
        &self,
        action: Action,
        relation_of: impl Fn(&OrgCode) -> Relation,
    ) -> Result<Actor, AppError> {
        match self {
            Principal::System(name) => Ok(Actor::system(name)),
            Principal::Anonymous => Err(AppError::Unauthenticated),
            Principal::User(user) => {
                // Prefer the membership with the closest relation, so the audit trail names
                // the organisation on whose behalf the change was made.
                let mut granted: Vec<(&Membership, Relation)> = user
                    .memberships
                    .iter()
                    .map(|m| (m, relation_of(&m.organisation)))
                    .filter(|(m, relation)| permits(action, m.role, *relation))
                    .collect();
                granted
                    .sort_by_key(|(m, relation)| (std::cmp::Reverse(*relation), m.role == Role::Beheerder));
                match granted.first() {
                    Some((m, _)) => Ok(Actor {
                        name: user.email.clone(),
                        organisation: Some(m.organisation.clone()),
                    }),
                    None => Err(AppError::Forbidden(action.refusal())),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(memberships: &[(&str, Role)]) -> Principal {
        Principal::User(SignedIn {
            id: 1,
            email: "ana@example.nl".into(),
            name: "Ana".into(),
            memberships: memberships
                .iter()
                .map(|(c, r)| Membership {
                    organisation: OrgCode::parse(c).unwrap(),
                    role: *r,
                })
                .collect(),
        })
    }

    #[test]
    fn anonymous_is_unauthenticated_and_others_forbidden() {
        assert!(matches!(
            Principal::Anonymous.authorise(Action::AddPartner, |_| Relation::Trekker),
            Err(AppError::Unauthenticated)
        ));
        let lezer = user(&[("GM0363", Role::Lezer)]);
        assert!(matches!(
            lezer.authorise(Action::AddPartner, |_| Relation::Trekker),
            Err(AppError::Forbidden(_))
        ));
    }

    #[test]
    fn the_actor_names_the_organisation_that_grants_it() {
        let u = user(&[("GM0363", Role::Redacteur), ("PV27", Role::Redacteur)]);
        let pv27 = OrgCode::parse("PV27").unwrap();
        let actor = u
            .authorise(Action::RecordStance, |o| {
                if *o == pv27 {
                    Relation::Itself
                } else {
                    Relation::Partner
                }
            })
            .unwrap();
        assert_eq!(actor.organisation, Some(pv27));
        assert_eq!(actor.name, "ana@example.nl");
    }
}
