//! The knelpuntenmonitor as use cases: waves opened and closed by beheerders, responses
//! imported from a file (all or nothing, with row and column of every problem) or given one at
//! a time, the report of a closed wave from the kept counts, and the check of those counts
//! against the responses.

use samenspel_domain::ValidationErrors;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::parse_date;
use samenspel_domain::survey::Statement;
use samenspel_domain::survey::instrument::CORE;
use samenspel_domain::survey::report::{Report, report};
use samenspel_domain::survey::response::group_counts;
use samenspel_domain::survey::wave::{self, WaveEvent, WaveState};
use samenspel_store::{KeptCounts, NewWave, Wave};
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

/// The current version of the instrument.
pub const CURRENT_VERSION: i32 = 1;

/// The statements of an instrument version; every version keeps the core 24 and their ids.
pub fn instrument(version: i32) -> Option<&'static [Statement]> {
    match version {
        1 => Some(&CORE),
        _ => None,
    }
}

/// The default minimum group size: smaller groups are suppressed everywhere.
pub const DEFAULT_K: i64 = 10;

/// A wave as typed in (CLI flags, form fields).
#[derive(Debug, Clone, Default)]
pub struct WaveInput {
    pub key: String,
    pub title: String,
    pub k: String,
    pub opens_on: String,
    pub closes_on: String,
    /// The collaboration the wave is about: its number or words of its name; empty for a
    /// national wave.
    pub collaboration: String,
}

/// What the collaboration field of a wave holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollaborationField<'a> {
    /// A wave for the whole country.
    Empty,
    /// Something written as a number (digits, signs, separators): it must be a collaboration's.
    Number(&'a str),
    /// Words of a collaboration's name, looked up by the site's search.
    Words(&'a str),
}

pub fn collaboration_field(raw: &str) -> CollaborationField<'_> {
    let raw = raw.trim();
    if raw.is_empty() {
        CollaborationField::Empty
    } else if raw
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ',' | '.' | ' '))
    {
        CollaborationField::Number(raw)
    } else {
        CollaborationField::Words(raw)
    }
}

/// How many collaborations a wave form offers to choose from when words match several.
pub const NAMED_CHOICES: usize = 20;

fn parse_wave(input: &WaveInput) -> Result<NewWave, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let key = input.key.trim().to_owned();
    let key_ok = !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        errors.add(
            "key",
            "invalid_key",
            samenspel_domain::msg!(
                "error-wave-invalid-key",
                "Geef de golf een korte naam van kleine letters, cijfers en streepjes (hoogstens 60), bijvoorbeeld 2026-najaar."
            ),
        );
    }
    let title = match input.title.trim() {
        "" => format!("Knelpuntenmonitor {key}"),
        t => t.to_owned(),
    };
    if title.chars().count() > 200 || title.chars().any(char::is_control) {
        errors.add(
            "title",
            "invalid_title",
            samenspel_domain::msg!(
                "error-wave-invalid-title",
                "De titel is te lang (hoogstens 200 tekens) of bevat stuurtekens."
            ),
        );
    }
    let k = match input.k.trim() {
        "" => Some(DEFAULT_K),
        raw => match raw.parse::<i64>() {
            Ok(k) if (2..=1000).contains(&k) => Some(k),
            _ => {
                errors.add(
                    "k",
                    "invalid_k",
                    samenspel_domain::msg!(
                        "error-wave-invalid-k",
                        "'{value}' is geen geldige k: een geheel getal van 2 tot en met 1000 (standaard {default}).",
                        value = raw,
                        default = DEFAULT_K
                    ),
                );
                None
            }
        },
    };
    let opens_on = errors.collect(parse_date("opens_on", &input.opens_on)).flatten();
    let closes_on = errors
        .collect(parse_date("closes_on", &input.closes_on))
        .flatten();
    if let (Some(o), Some(c)) = (opens_on, closes_on)
        && c < o
    {
        errors.add(
            "closes_on",
            "before_open",
            samenspel_domain::msg!(
                "error-wave-closes-before-open",
                "De sluitdatum ligt voor de openingsdatum."
            ),
        );
    }
    let collaboration_id = match collaboration_field(&input.collaboration) {
        CollaborationField::Number(raw) => match raw.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add(
                    "collaboration_id",
                    "invalid_collaboration",
                    samenspel_domain::msg!(
                        "error-wave-invalid-collaboration",
                        "'{value}' is geen nummer van een samenwerking; laat het veld leeg voor een landelijke golf.",
                        value = raw
                    ),
                );
                None
            }
        },
        // Words of a name are looked up by the use case (see `App::create_wave`).
        CollaborationField::Empty | CollaborationField::Words(_) => None,
    };
    errors.finish(|| NewWave {
        key,
        title,
        instrument_version: CURRENT_VERSION,
        opens_on,
        closes_on,
        collaboration_id,
        k: k.unwrap_or(DEFAULT_K),
    })
}

/// The report of a closed wave, with the wave and its instrument.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SurveyReport {
    pub wave: Wave,
    pub statements: Vec<Statement>,
    #[serde(flatten)]
    pub report: Report,
}

/// The computed reports of closed waves, by wave id and the moment it closed: a closed wave
/// takes no answers, so its kept counts — and its report — stay as they are.
#[derive(Clone, Default)]
pub struct ReportCache(
    std::sync::Arc<std::sync::Mutex<std::collections::HashMap<ClosedWave, std::sync::Arc<SurveyReport>>>>,
);

/// A closed wave: its id and when it closed.
type ClosedWave = (i64, chrono::DateTime<chrono::Utc>);

impl ReportCache {
    fn get(&self, key: &ClosedWave) -> Option<std::sync::Arc<SurveyReport>> {
        self.0.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: ClosedWave, report: std::sync::Arc<SurveyReport>) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, report);
        }
    }
}

/// What `survey verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub kept: KeptCounts,
    pub recounted: KeptCounts,
}

impl Verification {
    pub fn agrees(&self) -> bool {
        self.kept == self.recounted
    }

    /// The respondents counted: each is in exactly one of Rijk, decentraal and overig.
    pub fn respondents(&self) -> u64 {
        use samenspel_domain::survey::Group;
        self.recounted
            .respondents
            .iter()
            .filter(|(g, _)| matches!(g, Group::Rijk | Group::Decentraal | Group::Overig))
            .map(|(_, n)| n)
            .sum()
    }

    /// The first differences, as lines for a person.
    pub fn differences(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (g, n) in &self.kept.respondents {
            let other = self
                .recounted
                .respondents
                .iter()
                .find(|r| r.0 == *g)
                .map_or(0, |r| r.1);
            if other != *n {
                out.push(format!(
                    "{}: {n} respondenten bijgehouden, {other} geteld",
                    g.key()
                ));
            }
        }
        for (g, n) in &self.recounted.respondents {
            if !self.kept.respondents.iter().any(|r| r.0 == *g) {
                out.push(format!("{}: 0 respondenten bijgehouden, {n} geteld", g.key()));
            }
        }
        let find = |list: &KeptCounts, c: &(samenspel_domain::survey::Group, String, usize, u64)| {
            list.counts
                .iter()
                .find(|x| x.0 == c.0 && x.1 == c.1 && x.2 == c.2)
                .map_or(0, |x| x.3)
        };
        for c in self.kept.counts.iter().chain(&self.recounted.counts) {
            let (kept, counted) = (find(&self.kept, c), find(&self.recounted, c));
            let line = format!(
                "{} {} antwoord {}: {kept} bijgehouden, {counted} geteld",
                c.0.key(),
                c.1,
                answer_label(c.2)
            );
            if kept != counted && !out.contains(&line) {
                out.push(line);
            }
        }
        out
    }
}

fn answer_label(index: usize) -> String {
    if index < 5 {
        (index + 1).to_string()
    } else {
        "n".to_owned()
    }
}

/// The columns a response file must have, in order.
pub fn header(statements: &[Statement]) -> Vec<String> {
    let mut h = vec!["respondent".to_owned(), "layer".to_owned()];
    h.extend(statements.iter().map(|s| s.id.to_owned()));
    h
}

impl App {
    pub async fn create_wave(&self, input: &WaveInput, who: &Principal) -> AppResult<Wave> {
        let actor = who.authorise(Action::ManageSurveys, |_| Relation::None)?;
        let mut errors = ValidationErrors::new();
        let parsed = errors.collect(parse_wave(input));
        let named = match collaboration_field(&input.collaboration) {
            CollaborationField::Words(words) => errors.collect(self.collaboration_named(words, who).await?),
            _ => None,
        };
        let Some(mut wave) = parsed.filter(|_| errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        if named.is_some() {
            wave.collaboration_id = named;
        }
        if let Some(id) = wave.collaboration_id {
            match self.collaboration(id, who).await {
                Ok(_) => {}
                Err(AppError::NotFound(_)) => {
                    return Err(AppError::Invalid(ValidationErrors::single(
                        "collaboration_id",
                        "unknown_collaboration",
                        samenspel_domain::msg!(
                            "error-unknown-collaboration",
                            "Er is geen samenwerking met nummer {id}.",
                            id = id
                        ),
                    )));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(self.store.create_wave(&wave, &actor).await?)
    }

    /// The collaborations whose text holds every word of `words`, best first, at most
    /// [`NAMED_CHOICES`]: the choices a wave form offers.
    pub async fn collaborations_named(
        &self,
        words: &str,
        who: &Principal,
    ) -> AppResult<Vec<crate::search::SearchHit>> {
        let all = samenspel_store::Page {
            limit: samenspel_domain::search::MAX_CANDIDATES,
            offset: 0,
        };
        let found = match self.search(words, who, all).await {
            Ok(found) => found.hits,
            Err(AppError::Invalid(_)) => Vec::new(),
            Err(other) => return Err(other),
        };
        Ok(found
            .into_iter()
            .filter(|hit| hit.kind == samenspel_domain::search::SearchKind::Collaboration)
            .take(NAMED_CHOICES)
            .collect())
    }

    /// The one collaboration `words` name: the only one found, or the one whose whole name
    /// they are; otherwise a message on `collaboration_id` (none found, or several to choose
    /// from).
    async fn collaboration_named(
        &self,
        words: &str,
        who: &Principal,
    ) -> AppResult<Result<i64, ValidationErrors>> {
        let found = self.collaborations_named(words, who).await?;
        let titles: Vec<&str> = found.iter().map(|hit| hit.title.as_str()).collect();
        let one = samenspel_domain::search::the_one_named(words, &titles)
            .and_then(|index| found.get(index))
            .and_then(|hit| hit.key.parse::<i64>().ok());
        Ok(match one {
            Some(id) => Ok(id),
            None if found.is_empty() => Err(ValidationErrors::single(
                "collaboration_id",
                "unknown_collaboration",
                samenspel_domain::msg!(
                    "error-wave-no-collaboration-named",
                    "Geen samenwerking gevonden met « {words} »; typ een deel van haar naam of haar nummer.",
                    words = words
                ),
            )),
            None => Err(ValidationErrors::single(
                "collaboration_id",
                "ambiguous_collaboration",
                samenspel_domain::msg!(
                    "error-wave-several-collaborations-named",
                    "« {words} » past bij meer dan één samenwerking; kies er een of typ meer van de naam.",
                    words = words
                ),
            )),
        })
    }

    pub async fn waves(&self) -> AppResult<Vec<Wave>> {
        Ok(self.store.list_waves().await?)
    }

    /// The waves as `who` may see them: who opened each is shown by the people rule
    /// ([`crate::people`]), for everybody but a beheerder as the organisation only.
    pub async fn shown_waves(&self, who: &Principal) -> AppResult<Vec<Wave>> {
        let mut waves = self.waves().await?;
        let accounts: Vec<&str> = waves.iter().map(|w| w.created_by.dutch()).collect();
        let people = self.people_outside(who, &accounts).await?;
        for wave in &mut waves {
            wave.created_by = people.show_among(wave.created_by.dutch(), &[]);
        }
        Ok(waves)
    }

    /// One wave as `who` may see it (see [`App::shown_waves`]).
    pub async fn shown_wave(&self, key: &str, who: &Principal) -> AppResult<Wave> {
        let mut wave = self.wave(key).await?;
        let people = self.people_outside(who, &[wave.created_by.dutch()]).await?;
        wave.created_by = people.show_among(wave.created_by.dutch(), &[]);
        Ok(wave)
    }

    pub async fn wave(&self, key: &str) -> AppResult<Wave> {
        self.store
            .get_wave(key.trim())
            .await?
            .ok_or(AppError::NotFound("golf"))
    }

    pub async fn close_wave(&self, key: &str, who: &Principal) -> AppResult<Wave> {
        let actor = who.authorise(Action::ManageSurveys, |_| Relation::None)?;
        let wave = self.wave(key).await?;
        Self::may(&wave, WaveEvent::Close)?;
        Ok(self.store.close_wave(wave.id, &actor).await?)
    }

    /// Asks the wave's table whether `event` may happen to it now.
    fn may(wave: &Wave, event: WaveEvent) -> AppResult<()> {
        wave::after(WaveState::of(wave.closed_at.is_some()), event)
            .map(|_| ())
            .map_err(|refusal| AppError::Conflict(wave::refusal(&wave.key, refusal)))
    }

    fn statements_of(wave: &Wave) -> AppResult<&'static [Statement]> {
        instrument(wave.instrument_version).ok_or_else(|| {
            AppError::internal(format!(
                "onbekende versie van het instrument: {}",
                wave.instrument_version
            ))
        })
    }

    /// Imports a response file, given whole, into an open wave: all or nothing. The file is
    /// read on threads of its own (a large one in two halves at once) while the store writes
    /// what they give (see [`ResponseUpload`]). Returns the number stored.
    pub async fn import_responses(
        &self,
        key: &str,
        file: impl AsRef<[u8]> + Send + Sync + 'static,
        who: &Principal,
    ) -> AppResult<usize> {
        let (actor, wave) = self.open_for_import(key, who).await?;
        let statements = Self::statements_of(&wave)?;
        let mut source = ResponseUpload::new(file, statements);
        Ok(self
            .store
            .import_responses(wave.id, &mut source, statements, Some(&actor))
            .await?)
    }

    /// The wave a beheerder may import responses into (the upload page asks before it shows
    /// the form): refused for anyone else, and for a closed wave.
    pub async fn wave_for_import(&self, key: &str, who: &Principal) -> AppResult<Wave> {
        Ok(self.open_for_import(key, who).await?.1)
    }

    async fn open_for_import(
        &self,
        key: &str,
        who: &Principal,
    ) -> AppResult<(samenspel_domain::audit::Actor, Wave)> {
        let actor = who.authorise(Action::ManageSurveys, |_| Relation::None)?;
        let wave = self.wave(key).await?;
        Self::may(&wave, WaveEvent::Import)?;
        Ok((actor, wave))
    }

    /// The report of a closed wave; never while it is open.
    pub async fn survey_report(&self, key: &str) -> AppResult<SurveyReport> {
        let wave = self.wave(key).await?;
        Self::may(&wave, WaveEvent::Report)?;
        let cache_key = (wave.id, wave.closed_at.unwrap_or_default());
        if let Some(cached) = self.closed_reports.get(&cache_key) {
            return Ok((*cached).clone());
        }
        let statements = Self::statements_of(&wave)?;
        let kept = self.store.kept_counts(wave.id).await?;
        let groups = group_counts(&kept.respondents, &kept.counts);
        let k = u64::try_from(wave.k).unwrap_or(u64::MAX);
        let computed = SurveyReport {
            report: report(statements, &groups, k),
            statements: statements.to_vec(),
            wave,
        };
        self.closed_reports
            .put(cache_key, std::sync::Arc::new(computed.clone()));
        Ok(computed)
    }

    /// Recounts a wave from its responses and compares with the kept counts.
    pub async fn verify_survey(&self, key: &str, who: &Principal) -> AppResult<Verification> {
        who.authorise(Action::ManageSurveys, |_| Relation::None)?;
        let wave = self.wave(key).await?;
        let statements = Self::statements_of(&wave)?;
        Ok(Verification {
            kept: self.store.kept_counts(wave.id).await?.sorted(),
            recounted: self.store.recount(wave.id, statements).await?.sorted(),
        })
    }
}

mod export;
mod file;
mod limit;
mod respond;
mod trend;
mod upload;
pub use export::{REPORT_CSV_HEADER, report_csv, report_csv_with_header};
pub use file::ResponseFile;
pub use limit::{LINK_ANSWERS, LINK_WINDOW};
pub use respond::{RespondentView, ResponseInput, answering_on};
pub use trend::TrendWave;
pub use upload::{READ_IN_HALVES_FROM, ResponseUpload};

#[cfg(test)]
mod tests;
