//! How residents take part, as a use case: recorded by the trekker's redacteuren (or a
//! beheerder), shown to everyone who may see the collaboration, with what the law asks of it
//! ([`samenspel_domain::participation::duty`]).

use std::collections::HashSet;

use samenspel_domain::auth::Action;
use samenspel_domain::participation::{Duty, Participation, ParticipationInput, check_kind, duty, has_any};
use serde::Serialize;

use crate::{App, AppResult, Principal};

/// The recorded participation (empty when nothing is recorded) and what the law asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ParticipationView {
    pub participation: Participation,
    /// Whether anything is recorded.
    pub recorded: bool,
    pub duty: Duty,
}

impl App {
    pub async fn participation(&self, id: i64, who: &Principal) -> AppResult<ParticipationView> {
        let collaboration = self.collaboration(id, who).await?;
        let participation = self.store.get_participation(id).await?.unwrap_or_default();
        Ok(ParticipationView {
            recorded: has_any(&participation),
            duty: duty(collaboration.fields.kind, collaboration.fields.wgr_form),
            participation,
        })
    }

    /// Replaces the record; the trekker's redacteuren (or a beheerder) may.
    pub async fn set_participation(
        &self,
        id: i64,
        input: &ParticipationInput,
        who: &Principal,
    ) -> AppResult<ParticipationView> {
        let collaboration = self.collaboration(id, who).await?;
        let actor = who.authorise(
            Action::RecordParticipation,
            crate::collaborations::relation_to(&collaboration),
        )?;
        let record = input.parse()?;
        check_kind(&record, collaboration.fields.kind)?;
        self.store.set_participation(id, &record, &actor).await?;
        self.participation(id, who).await
    }

    /// The ids of the collaborations with anything recorded about participation.
    pub async fn participation_recorded(&self) -> AppResult<HashSet<i64>> {
        Ok(self.store.participation_recorded().await?)
    }
}
