//! A regeling's history as its readers see it: its versions from the register, oldest first,
//! each with what changed since the one before, and the participants that left — every
//! organisation by name.

use std::collections::BTreeMap;

use samenspel_domain::org::OrgCode;
use samenspel_domain::regeling::{FormerParticipant, Version, VersionChange, changes, former_participants};
use samenspel_store::Collaboration;
use serde::Serialize;

use crate::{App, AppResult};

/// One version of a regeling with what changed since the version before (none for the first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VersionView {
    #[serde(flatten)]
    pub version: Version,
    pub change: Option<VersionChange>,
}

/// The versions of a regeling and the participants that left, with the names of every
/// organisation they mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RegelingHistory {
    /// Oldest first.
    pub versions: Vec<VersionView>,
    /// In the order of leaving.
    pub former_participants: Vec<FormerParticipant>,
    /// Organisation code → name, for the codes above.
    pub names: BTreeMap<OrgCode, String>,
}

impl RegelingHistory {
    /// The name of organisation `code`, or its code when it is not known.
    pub fn name(&self, code: &OrgCode) -> String {
        self.names.get(code).cloned().unwrap_or_else(|| code.to_string())
    }
}

impl App {
    /// The history of a collaboration that came from the register (empty for others).
    pub async fn regeling_history(&self, collaboration: &Collaboration) -> AppResult<RegelingHistory> {
        let history = &collaboration.history;
        let versions: Vec<VersionView> = history
            .iter()
            .enumerate()
            .map(|(i, version)| VersionView {
                version: version.clone(),
                change: i.checked_sub(1).map(|before| changes(&history[before], version)),
            })
            .collect();
        let former = former_participants(history);
        let mut names: BTreeMap<OrgCode, String> = collaboration
            .partners
            .iter()
            .map(|p| (p.code.clone(), p.name.clone()))
            .collect();
        let mentioned: Vec<OrgCode> = versions
            .iter()
            .filter_map(|v| v.change.as_ref())
            .flat_map(|c| c.joined.iter().chain(&c.left))
            .chain(former.iter().map(|f| &f.code))
            .filter(|code| !names.contains_key(*code))
            .cloned()
            .collect();
        for code in mentioned {
            if names.contains_key(&code) {
                continue;
            }
            let name = match self.store.get_organisation(&code).await? {
                Some(organisation) => organisation.display_name(),
                None => code.to_string(),
            };
            names.insert(code, name);
        }
        Ok(RegelingHistory {
            versions,
            former_participants: former,
            names,
        })
    }
}
