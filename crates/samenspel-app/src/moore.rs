//! Moore's triangle as a use case: each partner states its own public value, mandate, support
//! and capacity; [`samenspel_domain::moore::assess`] judges them together with the joint
//! public value, the democratic control and the money.

use std::collections::BTreeMap;

use samenspel_domain::auth::Action;
use samenspel_domain::money::{Cents, best_known};
use samenspel_domain::moore::{MooreAssessment, MooreInput, PartnerFacts, assess};
use samenspel_domain::org::OrgCode;
use samenspel_store::MooreRecord;
use serde::Serialize;

use crate::{App, AppResult, Principal};

/// The statements and what they add up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MooreView {
    /// The collaboration's joint definition of the public value it aims at.
    pub joint_public_value: Option<String>,
    pub statements: Vec<MooreRecord>,
    pub assessment: MooreAssessment,
}

impl App {
    pub async fn moore(&self, id: i64, who: &Principal) -> AppResult<MooreView> {
        let collaboration = self.collaboration(id, who).await?;
        let mut statements = self.store.list_moore(id).await?;
        let accounts: Vec<&str> = statements.iter().map(|s| s.updated_by.dutch()).collect();
        let people = self.people(&collaboration, who, &accounts, &[]).await?;
        for statement in &mut statements {
            statement.updated_by = people.show(statement.updated_by.dutch(), Some(statement.code.as_str()));
        }
        let control = self.store.get_control(id).await?;
        let contributions: Vec<_> = self
            .store
            .list_contributions(id)
            .await?
            .into_iter()
            .map(|r| r.contribution)
            .collect();
        let mut money: BTreeMap<&OrgCode, Cents> = BTreeMap::new();
        for c in best_known(&contributions) {
            *money.entry(&c.partner).or_default() += c.amount;
        }
        let facts: Vec<PartnerFacts> = collaboration
            .partners
            .iter()
            .map(|p| PartnerFacts {
                code: p.code.clone(),
                name: p.name.clone(),
                statement: statements
                    .iter()
                    .find(|s| s.code == p.code)
                    .map(|s| s.statement.clone()),
                money: money.get(&p.code).copied().unwrap_or_default(),
            })
            .collect();
        let joint = collaboration.fields.public_value.clone();
        let elected_bodies = control.is_some_and(|c| !c.bodies.is_empty());
        let assessment = assess(joint.as_deref(), elected_bodies, &facts);
        Ok(MooreView {
            joint_public_value: joint,
            statements,
            assessment,
        })
    }

    /// Replaces `raw_code`'s statement; only that organisation's redacteuren (or a beheerder).
    pub async fn state_moore(
        &self,
        id: i64,
        raw_code: &str,
        input: &MooreInput,
        who: &Principal,
    ) -> AppResult<MooreView> {
        let collaboration = self.collaboration(id, who).await?;
        let (code, actor) = crate::collaborations::on_behalf_of_partner(
            &collaboration,
            raw_code,
            Action::StateMoore,
            who,
            |code| {
                samenspel_domain::msg!(
                    "error-not-a-partner-moore",
                    "{code} is geen partner in deze samenwerking; alleen partners vullen hun driehoek in.",
                    code = code
                )
            },
        )?;
        let statement = input.parse()?;
        self.store.set_moore(id, &code, &statement, &actor).await?;
        self.moore(id, who).await
    }
}
