//! What a caller may do with one collaboration, asked of the same permission checks the use
//! cases make, so a page offers a form, button or link only when submitting it would be
//! allowed (issue 12). Nothing here decides anything itself.

use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::org::OrgCode;
use samenspel_store::Collaboration;

use crate::Principal;
use crate::collaborations::{relation_to, stance_relation};
use crate::money::money_relation;

/// The actions on one collaboration that `who` may take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offers {
    /// Edit its details and its democratic control (the trekker's redacteuren).
    pub edit: bool,
    pub add_partner: bool,
    /// Publish it, or withdraw it to draft.
    pub publish: bool,
    /// The partners whose stance `who` may state (its own organisation's).
    pub stance_for: Vec<OrgCode>,
    /// The partners whose money `who` may record or remove.
    pub money_for: Vec<OrgCode>,
    /// The partners whose side of Moore's triangle `who` may state.
    pub moore_for: Vec<OrgCode>,
    /// Record how residents take part (the trekker's redacteuren).
    pub participation: bool,
}

impl Offers {
    /// Asks the permission table, action by action, as the use cases would.
    pub fn of(collaboration: &Collaboration, who: &Principal) -> Self {
        let may = |action: Action| who.authorise(action, relation_to(collaboration)).is_ok();
        Self {
            edit: may(Action::EditCollaboration),
            add_partner: may(Action::AddPartner),
            publish: may(Action::Publish),
            stance_for: partners_where(collaboration, who, Action::RecordStance, |code| {
                stance_relation(code.clone())
            }),
            money_for: partners_where(collaboration, who, Action::RecordMoney, |code| {
                money_relation(collaboration, code)
            }),
            moore_for: partners_where(collaboration, who, Action::StateMoore, |code| {
                stance_relation(code.clone())
            }),
            participation: may(Action::RecordParticipation),
        }
    }
}

/// The partners on whose behalf `who` may take `action`, each judged by `relation_for(partner)`
/// as the use case judges it.
fn partners_where<'a, R: Fn(&OrgCode) -> Relation>(
    collaboration: &'a Collaboration,
    who: &Principal,
    action: Action,
    relation_for: impl Fn(&'a OrgCode) -> R,
) -> Vec<OrgCode> {
    collaboration
        .partners
        .iter()
        .filter(|p| who.authorise(action, relation_for(&p.code)).is_ok())
        .map(|p| p.code.clone())
        .collect()
}

/// What `who` may do outside any one collaboration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GeneralOffers {
    pub create_collaboration: bool,
    pub add_organisation: bool,
    /// Import a register or a file of collaborations.
    pub import: bool,
}

impl GeneralOffers {
    pub fn of(who: &Principal) -> Self {
        let may = |action: Action| who.authorise(action, |_| Relation::None).is_ok();
        Self {
            create_collaboration: may(Action::CreateCollaboration),
            add_organisation: may(Action::AddOrganisation),
            import: may(Action::ImportData),
        }
    }
}
