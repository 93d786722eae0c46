//! "Mijn gemeente in samenwerking": everything one organisation takes part in, with its role,
//! its own money per year, the control instruments and the moments coming up.

use chrono::NaiveDate;
use samenspel_domain::collaboration::{CollaborationKind, is_active};
use samenspel_domain::org::Organisation;
use samenspel_domain::overview::{Moment, YearAmount, add_years, coming_moments, money_per_year};
use samenspel_domain::wgr::{CouncilPosition, has_body};
use samenspel_store::Involvement;
use serde::Serialize;

use crate::statutory::RegelingMoment;
use crate::{App, AppResult, Principal};

/// One collaboration in the overview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewItem {
    #[serde(flatten)]
    pub involvement: Involvement,
    /// Started (or no start date), not yet ended and not left on the day of the overview.
    pub active: bool,
    /// This organisation's own best-known money in the collaboration per year.
    pub money_per_year: Vec<YearAmount>,
    /// For a municipality in a gemeenschappelijke regeling it takes part in: its council's
    /// position, by which of its bodies take part (`organs`); absent otherwise.
    pub council_position: Option<CouncilPosition>,
}

impl OverviewItem {
    pub fn next_evaluation(&self) -> Option<NaiveDate> {
        self.involvement.control.as_ref().and_then(|c| c.next_evaluation)
    }
}

/// A moment coming up, with the collaboration it belongs to.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OverviewMoment {
    pub collaboration_id: i64,
    pub collaboration: String,
    #[serde(flatten)]
    pub moment: Moment,
}

/// The overview of one organisation on one day.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overview {
    pub organisation: Organisation,
    pub date: NaiveDate,
    pub collaborations: Vec<OverviewItem>,
    /// The organisation's own money over all collaborations in the overview, per year.
    pub money_per_year: Vec<YearAmount>,
    /// Decision and evaluation moments from the day of the overview on (and overdue
    /// evaluations), by date.
    pub moments: Vec<OverviewMoment>,
    /// The coming moments the Wet gemeenschappelijke regelingen sets for the running
    /// regelingen with a body of their own that the organisation takes part in, by date.
    pub statutory: Vec<RegelingMoment>,
}

impl Overview {
    pub fn active_count(&self) -> usize {
        self.collaborations.iter().filter(|c| c.active).count()
    }
}

impl App {
    /// Every collaboration the organisation takes part in that `who` may see, on `today`.
    pub async fn overview(&self, raw_code: &str, who: &Principal, today: NaiveDate) -> AppResult<Overview> {
        let (organisation, involvements) = self.involvements(raw_code, who).await?;
        let collaborations: Vec<OverviewItem> = involvements
            .into_iter()
            .map(|involvement| OverviewItem {
                council_position: crate::council::position_in(organisation.org_type, &involvement),
                active: involvement.left_on.is_none_or(|left| left > today)
                    && is_active(involvement.start_date, involvement.end_date, today),
                money_per_year: money_per_year(&involvement.money),
                involvement,
            })
            .collect();
        let money = add_years(
            &collaborations
                .iter()
                .map(|c| c.money_per_year.clone())
                .collect::<Vec<_>>(),
        );
        let mut moments: Vec<OverviewMoment> = collaborations
            .iter()
            .filter(|c| c.involvement.left_on.is_none())
            .flat_map(|c| {
                let i = &c.involvement;
                coming_moments(i.control.as_ref(), i.end_date, today)
                    .into_iter()
                    .map(|moment| OverviewMoment {
                        collaboration_id: i.id,
                        collaboration: i.name.clone(),
                        moment,
                    })
            })
            .collect();
        moments.sort_by(|a, b| {
            a.moment
                .date
                .cmp(&b.moment.date)
                .then(a.collaboration.cmp(&b.collaboration))
        });
        let regelingen: Vec<(i64, String, Option<CouncilPosition>)> = collaborations
            .iter()
            .filter(|c| c.active && c.involvement.kind == CollaborationKind::GemeenschappelijkeRegeling)
            .filter(|c| c.involvement.wgr_form.is_some_and(has_body))
            .map(|c| (c.involvement.id, c.involvement.name.clone(), c.council_position))
            .collect();
        let statutory = self.statutory_moments(&regelingen, who, today).await?;
        Ok(Overview {
            organisation,
            date: today,
            collaborations,
            money_per_year: money,
            moments,
            statutory,
        })
    }
}
