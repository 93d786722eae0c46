//! Earlier waves of the same instrument beside a closed wave: the Rijk and decentral means per
//! statement, wave by wave, starting from the ROB's published means of 2020 (means only). A
//! group a wave suppresses stays empty there too.

use std::collections::BTreeMap;

use samenspel_domain::survey::instrument::ROB_2020_MEANS;
use serde::Serialize;

use crate::{App, AppResult};

/// One column pair of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TrendWave {
    /// The wave's key, or `rob-2020` for the ROB's published means.
    pub key: String,
    pub title: String,
    /// Per statement: (Rijk, decentraal) means; absent where a group is suppressed.
    pub means: BTreeMap<String, (Option<f64>, Option<f64>)>,
}

/// How many waves before this one the trend shows (besides the ROB reference).
pub const EARLIER_WAVES: usize = 3;

impl App {
    /// The ROB reference, up to three earlier closed waves of the same instrument, and this
    /// wave, oldest first.
    pub async fn survey_trend(&self, key: &str) -> AppResult<Vec<TrendWave>> {
        let this = self.survey_report(key).await?;
        let mut trend = vec![TrendWave {
            key: "rob-2020".into(),
            title: "ROB 2020 (gepubliceerde gemiddelden)".into(),
            means: ROB_2020_MEANS
                .iter()
                .map(|(id, rijk, decentraal)| ((*id).to_owned(), (Some(*rijk), Some(*decentraal))))
                .collect(),
        }];
        let Some(closed) = this.wave.closed_at else {
            return Ok(trend);
        };
        let mut earlier: Vec<_> = self
            .waves()
            .await?
            .into_iter()
            .filter(|w| {
                w.id != this.wave.id
                    && w.instrument_version == this.wave.instrument_version
                    && w.closed_at.is_some_and(|c| c < closed)
            })
            .collect();
        earlier.sort_by_key(|w| w.closed_at);
        let skip = earlier.len().saturating_sub(EARLIER_WAVES);
        for w in earlier.into_iter().skip(skip) {
            let r = self.survey_report(&w.key).await?;
            trend.push(column(&r));
        }
        trend.push(column(&this));
        Ok(trend)
    }
}

fn column(r: &super::SurveyReport) -> TrendWave {
    let mean = |group: &str, id: &str| {
        r.report
            .groups
            .get(group)
            .and_then(|g| g.statements.get(id))
            .and_then(|s| s.mean)
    };
    TrendWave {
        key: r.wave.key.clone(),
        title: r.wave.title.clone(),
        means: r
            .statements
            .iter()
            .map(|s| (s.id.to_owned(), (mean("rijk", s.id), mean("decentraal", s.id))))
            .collect(),
    }
}
