//! Democratic control as a use case: kept by the trekker's redacteuren, assessed by
//! [`samenspel_domain::control::assess`].

use samenspel_domain::ValidationErrors;
use samenspel_domain::auth::Action;
use samenspel_domain::control::{ControlFinding, ControlInput, DemocraticControl, PartnerLayers, assess};
use samenspel_domain::org::OrgType;
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

/// The recorded control (empty when nothing was recorded) and what is missing or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ControlView {
    pub control: DemocraticControl,
    pub findings: Vec<ControlFinding>,
}

impl App {
    pub async fn democratic_control(&self, id: i64, who: &Principal) -> AppResult<ControlView> {
        let collaboration = self.collaboration(id, who).await?;
        let control = self.store.get_control(id).await?.unwrap_or_default();
        let layers = PartnerLayers::of(collaboration.partners.iter().map(|p| p.org_type));
        let today = self.today();
        let findings = assess(&control, collaboration.fields.kind, layers, today);
        Ok(ControlView { control, findings })
    }

    /// Replaces the democratic control; the trekker's redacteuren (or a beheerder) may.
    pub async fn set_democratic_control(
        &self,
        id: i64,
        input: &ControlInput,
        who: &Principal,
    ) -> AppResult<ControlView> {
        let collaboration = self.collaboration(id, who).await?;
        let actor = who.authorise(
            Action::EditCollaboration,
            crate::collaborations::relation_to(&collaboration),
        )?;
        let control = input.parse()?;
        if let Some(code) = &control.responsible_minister {
            let is_ministry = self
                .store
                .get_organisation(code)
                .await?
                .is_some_and(|o| o.org_type == OrgType::Ministerie);
            if !is_ministry {
                return Err(AppError::Invalid(ValidationErrors::single(
                    "responsible_minister",
                    "not_a_ministry",
                    samenspel_domain::msg!(
                        "error-not-a-ministry",
                        "{code} is geen ministerie; kies het ministerie van de verantwoordelijke minister.",
                        code = code
                    ),
                )));
            }
        }
        self.store.set_control(id, &control, &actor).await?;
        self.democratic_control(id, who).await
    }
}
