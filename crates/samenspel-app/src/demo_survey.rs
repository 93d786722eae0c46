//! Demonstration waves of the knelpuntenmonitor: a closed wave whose answers reproduce the
//! ROB's published means of 2020 exactly (100 Rijk and 100 decentral respondents, made up to
//! fit those means — not real answers), and an open wave to try the form.

use samenspel_domain::survey::instrument::ROB_2020_MEANS;
use samenspel_domain::survey::packed::SliceSource;
use samenspel_domain::survey::response::Response;
use samenspel_domain::survey::{Answer, RespondentLayer};

use crate::survey::{WaveInput, instrument};
use crate::{App, AppResult, Principal};

pub const CLOSED_WAVE: &str = "demo-rob-2020";
pub const OPEN_WAVE: &str = "demo-open";

/// 100 scores with exactly this mean (two decimals): threes, with fours or twos.
fn scores_with_mean(mean: f64) -> Vec<u8> {
    let sum = (mean * 100.0).round() as i64;
    let (fours, twos) = if sum >= 300 {
        (sum - 300, 0)
    } else {
        (0, 300 - sum)
    };
    let mut v = vec![2u8; twos.clamp(0, 100) as usize];
    v.extend(std::iter::repeat_n(4u8, fours.clamp(0, 100) as usize));
    v.resize(100, 3);
    v
}

fn responses() -> Vec<Response> {
    let mut out = Vec::new();
    for (column, prefix) in [(0, "rijk"), (1, "decentraal")] {
        let per_statement: Vec<Vec<u8>> = ROB_2020_MEANS
            .iter()
            .map(|m| scores_with_mean(if column == 0 { m.1 } else { m.2 }))
            .collect();
        for i in 0..100 {
            let layer = match (column, i % 4) {
                (0, _) => RespondentLayer::Rijk,
                (_, 0 | 1) => RespondentLayer::Gemeente,
                (_, 2) => RespondentLayer::Provincie,
                _ => RespondentLayer::Waterschap,
            };
            out.push(Response {
                respondent: format!("demo-{prefix}-{i}"),
                layer,
                domain: None,
                answers: per_statement.iter().map(|s| Some(Answer::Score(s[i]))).collect(),
            });
        }
    }
    out
}

/// Adds the demonstration waves that are not there yet.
pub async fn load(app: &App) -> AppResult<()> {
    let who = Principal::System("demo");
    if app.store().get_wave(CLOSED_WAVE).await?.is_none() {
        let wave = app
            .create_wave(
                &WaveInput {
                    key: CLOSED_WAVE.into(),
                    title: "Demonstratie: de gemiddelden van de ROB (2020) nagebootst".into(),
                    opens_on: "2020-07-01".into(),
                    closes_on: "2020-07-31".into(),
                    ..WaveInput::default()
                },
                &who,
            )
            .await?;
        let statements = instrument(wave.instrument_version).unwrap_or_default();
        let responses = responses();
        let mut source = SliceSource::new(&responses, statements);
        app.store()
            .import_responses(wave.id, &mut source, statements, None)
            .await?;
        app.close_wave(CLOSED_WAVE, &who).await?;
    }
    if app.store().get_wave(OPEN_WAVE).await?.is_none() {
        app.create_wave(
            &WaveInput {
                key: OPEN_WAVE.into(),
                title: "Demonstratie: een open golf om de vragenlijst te proberen".into(),
                ..WaveInput::default()
            },
            &who,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_made_up_answers_have_exactly_the_rob_means() {
        for m in ROB_2020_MEANS {
            for mean in [m.1, m.2] {
                let s = scores_with_mean(mean);
                assert_eq!(s.len(), 100);
                let sum: u32 = s.iter().map(|x| u32::from(*x)).sum();
                assert_eq!(f64::from(sum) / 100.0, (mean * 100.0).round() / 100.0);
            }
        }
        assert_eq!(responses().len(), 200);
    }
}
