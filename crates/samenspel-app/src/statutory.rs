//! The statutory moments of gemeenschappelijke regelingen, derived from the Wet
//! gemeenschappelijke regelingen ([`samenspel_domain::wgr`]): for one regeling (its page) and
//! for every regeling one organisation takes part in (its overview), marked "volgens de wet".

use chrono::NaiveDate;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgType;
use samenspel_domain::wgr::{
    CouncilPosition, CouncilStep, NoCalendar, Regeling, StatutoryMoment, WgrTable, coming_moments,
    statutory_table, whose_step,
};
use samenspel_store::Collaboration;
use serde::Serialize;

use crate::{App, AppError, AppResult};

/// The coming statutory moments of one regeling, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StatutoryCalendar {
    pub moments: Vec<StatutoryMoment>,
    /// Why no moments are derived (`None` when they are).
    pub none_because: Option<NoCalendar>,
}

/// A statutory moment of one of an organisation's regelingen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RegelingMoment {
    pub collaboration_id: i64,
    pub collaboration: String,
    /// Whose step the moment is, seen from the organisation's council: the council's own
    /// decision (`raad`), the college's (`college`) or the regeling's bestuur's (`bestuur`).
    pub step: CouncilStep,
    #[serde(flatten)]
    pub moment: StatutoryMoment,
}

/// `collaboration` as the Wgr's rules see it, handed with the table of terms to `f`; `None`
/// for a collaboration that is not a gemeenschappelijke regeling.
pub(crate) fn with_regeling<T>(
    collaboration: &Collaboration,
    f: impl FnOnce(&WgrTable, &Regeling<'_>) -> T,
) -> AppResult<Option<T>> {
    if collaboration.fields.kind != CollaborationKind::GemeenschappelijkeRegeling {
        return Ok(None);
    }
    let table = statutory_table().map_err(|e| AppError::internal(e.to_string()))?;
    let participants: Vec<OrgType> = collaboration.partners.iter().map(|p| p.org_type).collect();
    let regeling = Regeling {
        form: collaboration.fields.wgr_form,
        start: collaboration.fields.start_date,
        end: collaboration.fields.end_date,
        participants: &participants,
    };
    Ok(Some(f(table, &regeling)))
}

/// The calendar of `collaboration` on `today`; `None` for a collaboration that is not a
/// gemeenschappelijke regeling.
pub fn calendar_of(collaboration: &Collaboration, today: NaiveDate) -> AppResult<Option<StatutoryCalendar>> {
    with_regeling(collaboration, |table, regeling| {
        match coming_moments(table, regeling, today) {
            Ok(moments) => StatutoryCalendar {
                moments,
                none_because: None,
            },
            Err(reason) => StatutoryCalendar {
                moments: Vec::new(),
                none_because: Some(reason),
            },
        }
    })
}

impl App {
    /// The coming statutory moments of the regelingen with these ids that `who` may see (the
    /// ones an organisation takes part in, with its council's position in each when it is a
    /// municipality), by their last day.
    pub(crate) async fn statutory_moments(
        &self,
        regelingen: &[(i64, String, Option<CouncilPosition>)],
        who: &crate::Principal,
        today: NaiveDate,
    ) -> AppResult<Vec<RegelingMoment>> {
        let mut out = Vec::new();
        for (id, name, position) in regelingen {
            let collaboration = self.collaboration(*id, who).await?;
            if let Some(calendar) = calendar_of(&collaboration, today)? {
                let position = position.unwrap_or(CouncilPosition::NietVastgelegd);
                out.extend(calendar.moments.into_iter().map(|moment| RegelingMoment {
                    collaboration_id: *id,
                    collaboration: name.clone(),
                    step: whose_step(moment.moment, position),
                    moment,
                }));
            }
        }
        out.sort_by(|a, b| {
            a.moment
                .timing
                .last_day()
                .cmp(&b.moment.timing.last_day())
                .then_with(|| a.collaboration.cmp(&b.collaboration))
        });
        Ok(out)
    }
}
