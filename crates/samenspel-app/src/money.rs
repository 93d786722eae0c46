//! Money per partner per year: recorded by the paying partner's redacteuren or the trekker's,
//! analysed by [`samenspel_domain::money::summarise`] together with the partners' stated
//! scores on dimension 3.

use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::PartnerRole;
use samenspel_domain::money::{ContributionInput, MoneySummary, Payer, summarise};
use samenspel_domain::org::OrgCode;
use samenspel_domain::partnership::Dimension;
use samenspel_store::{Collaboration, ContributionRecord};
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

/// The money of a collaboration: every recorded figure and what they add up to.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MoneyView {
    pub items: Vec<ContributionRecord>,
    pub summary: MoneySummary,
}

/// Itself for the paying partner, Trekker for the lead's members, else no relation.
pub(crate) fn money_relation<'a>(
    collaboration: &'a Collaboration,
    payer: &'a OrgCode,
) -> impl Fn(&OrgCode) -> Relation + 'a {
    move |org| {
        if org == payer {
            Relation::Itself
        } else if collaboration
            .partners
            .iter()
            .any(|p| &p.code == org && p.role == PartnerRole::Trekker)
        {
            Relation::Trekker
        } else {
            Relation::None
        }
    }
}

impl App {
    /// The recorded money and its analysis, for whoever may read the collaboration.
    pub async fn money(&self, id: i64, who: &Principal) -> AppResult<MoneyView> {
        let collaboration = self.collaboration(id, who).await?;
        let mut items = self.store.list_contributions(id).await?;
        let accounts: Vec<&str> = items.iter().map(|r| r.recorded_by.dutch()).collect();
        let people = self.people(&collaboration, who, &accounts, &[]).await?;
        let trekker = collaboration
            .partners
            .iter()
            .find(|p| p.role == PartnerRole::Trekker)
            .map(|p| p.code.as_str());
        for item in &mut items {
            let payer = item.contribution.partner.as_str();
            let closest: Vec<&str> = [Some(payer), trekker].into_iter().flatten().collect();
            item.recorded_by = people.show_among(item.recorded_by.dutch(), &closest);
        }
        let stances = self.store.list_stances(id).await?;
        let payers: Vec<Payer> = collaboration
            .partners
            .iter()
            .map(|p| Payer {
                code: p.code.clone(),
                name: p.name.clone(),
                layer: p.org_type.layer(),
            })
            .collect();
        let stated: Vec<(String, u8)> = collaboration
            .partners
            .iter()
            .filter_map(|p| {
                stances
                    .iter()
                    .filter(|s| s.code == p.code && s.phase.is_none())
                    .max_by_key(|s| (s.stated_at, s.id))
                    .map(|s| {
                        (
                            p.name.clone(),
                            s.stance.profile.get(Dimension::DecentraleMiddelen).value(),
                        )
                    })
            })
            .collect();
        let contributions: Vec<_> = items.iter().map(|r| r.contribution.clone()).collect();
        let summary = summarise(collaboration.fields.kind, &payers, &contributions, &stated);
        Ok(MoneyView { items, summary })
    }

    /// Records (or replaces) one partner's money for one year, instrument and status.
    pub async fn record_money(
        &self,
        id: i64,
        input: &ContributionInput<'_>,
        who: &Principal,
    ) -> AppResult<ContributionRecord> {
        let collaboration = self.collaboration(id, who).await?;
        // Anonymous callers and lezers are refused before their input is judged.
        who.authorise(Action::RecordMoney, |_| Relation::Itself)?;
        let contribution = input.parse()?;
        let actor = who.authorise(
            Action::RecordMoney,
            money_relation(&collaboration, &contribution.partner),
        )?;
        Ok(self.store.set_contribution(id, &contribution, &actor).await?)
    }

    /// Removes one recorded figure.
    pub async fn delete_money(&self, id: i64, contribution_id: i64, who: &Principal) -> AppResult<()> {
        let collaboration = self.collaboration(id, who).await?;
        let records = self.store.list_contributions(id).await?;
        let record = records
            .iter()
            .find(|r| r.id == contribution_id)
            .ok_or(AppError::NotFound("bedrag"))?;
        let actor = who.authorise(
            Action::RecordMoney,
            money_relation(&collaboration, &record.contribution.partner),
        )?;
        Ok(self
            .store
            .delete_contribution(id, contribution_id, &actor)
            .await?)
    }
}
