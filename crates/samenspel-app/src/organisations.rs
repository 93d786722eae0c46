//! Use cases for organisations.

use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::org::{NewOrganisation, OrgCode, Organisation};
use samenspel_store::{Involvement, OrgFilter, Page, Paged};

use crate::{App, AppError, AppResult, Principal};

impl App {
    pub async fn list_organisations(&self, filter: &OrgFilter, page: Page) -> AppResult<Paged<Organisation>> {
        Ok(self.store.list_organisations(filter, page).await?)
    }

    /// Looks an organisation up by a code as typed by a user (any case).
    pub async fn organisation(&self, raw_code: &str) -> AppResult<Organisation> {
        let code = OrgCode::parse(raw_code).map_err(|_| AppError::NotFound("organisatie"))?;
        self.store
            .get_organisation(&code)
            .await?
            .ok_or(AppError::NotFound("organisatie"))
    }

    /// Every collaboration the organisation takes part in that `who` may see, with its role
    /// ("Mijn gemeente in samenwerking").
    pub async fn involvements(
        &self,
        raw_code: &str,
        who: &Principal,
    ) -> AppResult<(Organisation, Vec<Involvement>)> {
        let organisation = self.organisation(raw_code).await?;
        let visibility = crate::collaborations::visibility(who);
        let involvements = self.store.involvements(&organisation.code, &visibility).await?;
        Ok((organisation, involvements))
    }

    /// Adds a partner organisation (company, knowledge institution, …); any redacteur may.
    pub async fn add_organisation(
        &self,
        name: &str,
        org_type: &str,
        abbreviation: &str,
        who: &Principal,
    ) -> AppResult<Organisation> {
        let actor = who.authorise(Action::AddOrganisation, |_| Relation::None)?;
        let new = NewOrganisation::parse(name, org_type, abbreviation)?;
        Ok(self.store.add_organisation(&new, &actor).await?)
    }
}
