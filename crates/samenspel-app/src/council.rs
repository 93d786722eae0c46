//! What the council of each municipality taking part in a gemeenschappelijke regeling can do
//! itself, from which of its bodies take part (the register's `bestuursorganen`) and the Wet
//! gemeenschappelijke regelingen ([`samenspel_domain::wgr::what_the_council_can_do`]).

use chrono::NaiveDate;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::wgr::{
    CouncilPosition, CouncilView, Regeling, WgrTable, council_position, what_the_council_can_do,
};
use samenspel_store::{Collaboration, Involvement};
use serde::Serialize;

use crate::AppResult;

/// The municipalities of a regeling whose councils are in the same position, and what such a
/// council can do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CouncilGroup {
    #[serde(flatten)]
    pub view: CouncilView,
    /// The municipal partners in this position, in the order of the partners.
    pub municipalities: Vec<OrgCode>,
}

/// The council's position of the municipality taking part in this collaboration, when it is
/// a municipality in a gemeenschappelijke regeling.
pub fn position_in(org_type: OrgType, involvement: &Involvement) -> Option<CouncilPosition> {
    (org_type == OrgType::Gemeente
        && involvement.kind == CollaborationKind::GemeenschappelijkeRegeling
        && involvement.left_on.is_none())
    .then(|| council_position(&involvement.organs))
}

/// What the councils of the municipal partners of `collaboration` can do on `today`, one
/// group per position (in the order of [`CouncilPosition::ALL`]); empty for a collaboration
/// that is not a gemeenschappelijke regeling or has no municipal partner.
pub fn councils_of(collaboration: &Collaboration, today: NaiveDate) -> AppResult<Vec<CouncilGroup>> {
    let groups = crate::statutory::with_regeling(collaboration, |table, regeling| {
        groups_of(collaboration, table, regeling, today)
    })?;
    Ok(groups.unwrap_or_default())
}

fn groups_of(
    collaboration: &Collaboration,
    table: &WgrTable,
    regeling: &Regeling<'_>,
    today: NaiveDate,
) -> Vec<CouncilGroup> {
    let municipal = || {
        collaboration
            .partners
            .iter()
            .filter(|p| p.org_type == OrgType::Gemeente)
    };
    CouncilPosition::ALL
        .iter()
        .filter_map(|position| {
            let members: Vec<&samenspel_store::PartnerInfo> = municipal()
                .filter(|p| council_position(&p.organs) == *position)
                .collect();
            let first = members.first()?;
            Some(CouncilGroup {
                view: what_the_council_can_do(table, regeling, &first.organs, today),
                municipalities: members.iter().map(|p| p.code.clone()).collect(),
            })
        })
        .collect()
}
