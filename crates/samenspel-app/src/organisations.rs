//! Use cases for organisations.

use std::collections::HashMap;

use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::org::history::line_of;
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

    /// For each of the ended organisations `ended`: the organisation that carries on now,
    /// following its successors, or `None` when no successor is known. Asks the store only
    /// when there is one.
    pub async fn current_successors<'a>(
        &self,
        ended: impl IntoIterator<Item = &'a OrgCode>,
    ) -> AppResult<HashMap<OrgCode, Option<Organisation>>> {
        let ended: Vec<&OrgCode> = ended.into_iter().collect();
        if ended.is_empty() {
            return Ok(HashMap::new());
        }
        let graph = self.store.succession_graph().await?;
        let find = |code: &OrgCode| graph.iter().find(|o| &o.code == code);
        Ok(ended
            .into_iter()
            .map(|code| {
                let current = find(code)
                    .and_then(|org| line_of(org, find).current_successor().cloned())
                    .and_then(|c| find(&c).cloned());
                (code.clone(), current)
            })
            .collect())
    }

    /// An organisation's history with the organisations it names: its predecessors, its
    /// successor and, when that ended too, the one that carries on now.
    pub async fn history(&self, org: &Organisation) -> AppResult<History> {
        let mut predecessors = Vec::new();
        for code in &org.history.predecessors {
            if let Some(p) = self.store.get_organisation(code).await? {
                predecessors.push(p);
            }
        }
        let successor = match &org.history.successor {
            Some(code) => self.store.get_organisation(code).await?,
            None => None,
        };
        let current = if org.ended {
            self.current_successors([&org.code])
                .await?
                .remove(&org.code)
                .flatten()
                .filter(|c| successor.as_ref().is_none_or(|s| s.code != c.code))
        } else {
            None
        };
        Ok(History {
            predecessors,
            successor,
            current,
        })
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

/// The organisations an organisation's history names.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The organisations it came from.
    pub predecessors: Vec<Organisation>,
    /// The one that took over from it.
    pub successor: Option<Organisation>,
    /// When the successor ended too: the one that carries on now.
    pub current: Option<Organisation>,
}
