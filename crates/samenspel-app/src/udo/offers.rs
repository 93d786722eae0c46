//! What a person may do with UDO dossiers, so pages offer only that: open a dossier (for which
//! ministries), change one, and which steps of the workflow to take from where it stands. The
//! answers come from the same permission table the use cases check.

use samenspel_domain::auth::Role;
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_domain::udo::workflow::permissions::DossierAction;
use samenspel_domain::udo::workflow::{UdoEvent, events_from};
use samenspel_store::{OrgFilter, Page};

use super::{UdoDossierView, authorise};
use crate::{App, AppResult, Principal};

/// The actions on one dossier that `who` may take now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UdoOffers {
    pub edit: bool,
    /// The steps the table has from the dossier's state that `who` may take (the guards and
    /// the normenkader are judged when a step is taken).
    pub steps: Vec<UdoEvent>,
    /// May give BZK's advice (a redacteur of BZK).
    pub advise: bool,
    /// The koepels for which `who` may give the judgement.
    pub judge: Vec<samenspel_domain::udo::dossier::Koepel>,
}

impl App {
    /// What `who` may do with the dossier `view`.
    pub fn udo_offers(&self, view: &UdoDossierView, who: &Principal) -> UdoOffers {
        let Ok(dossier) = view.content.parse() else {
            return UdoOffers::default();
        };
        let allowed = |action| matches!(who, Principal::User(_)) && authorise(who, action, &dossier).is_ok();
        UdoOffers {
            edit: allowed(DossierAction::Edit),
            steps: events_from(view.progress.state)
                .into_iter()
                .filter(|e| allowed(DossierAction::Move(*e)))
                .collect(),
            advise: allowed(DossierAction::GiveBzkAdvice),
            judge: if allowed(DossierAction::GiveKoepelJudgement) {
                super::advice::koepels_for(who, &dossier)
            } else {
                Vec::new()
            },
        }
    }

    /// The current ministries for which `who` may open a dossier: those where they are a
    /// redacteur, every one for a beheerder; empty for anyone else.
    pub async fn udo_ministries_for(&self, who: &Principal) -> AppResult<Vec<Organisation>> {
        let Principal::User(user) = who else {
            return Ok(Vec::new());
        };
        let beheerder = user.memberships.iter().any(|m| m.role == Role::Beheerder);
        let redacteur_of = |o: &Organisation| {
            user.memberships
                .iter()
                .any(|m| m.role == Role::Redacteur && m.organisation == o.code)
        };
        if !beheerder && !user.memberships.iter().any(|m| m.role == Role::Redacteur) {
            return Ok(Vec::new());
        }
        let filter = OrgFilter {
            org_type: Some(OrgType::Ministerie),
            query: None,
            include_ended: false,
        };
        let ministries = self.list_organisations(&filter, Page::all()).await?.items;
        Ok(ministries
            .into_iter()
            .filter(|o| beheerder || redacteur_of(o))
            .collect())
    }
}
