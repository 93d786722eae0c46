//! Answering a wave: anonymously by the wave's link (a new respondent each time) or by a
//! personal invitation token (one response per token, which can be resumed and changed while
//! the wave is open). Invitations are made by beheerders; only the token's hash is kept.

use samenspel_domain::ValidationErrors;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::survey::period::{NotAnswerable, answerable};
use samenspel_domain::survey::response::Response;
use samenspel_domain::survey::{Answer, RespondentLayer, Statement};
use samenspel_domain::text::parse_line;
use samenspel_store::Wave;

use crate::secret::{new_token, token_hash};
use crate::{App, AppError, AppResult, Principal};

/// What the answer form needs.
#[derive(Debug, Clone)]
pub struct RespondentView {
    pub wave: Wave,
    pub statements: &'static [Statement],
    /// The earlier response of this invitation, when there is one.
    pub earlier: Option<Response>,
}

/// A response as typed in: the layer, an optional domain, and per statement `1`–`5`, `n` or
/// empty.
#[derive(Debug, Clone, Default)]
pub struct ResponseInput {
    pub layer: String,
    pub domain: String,
    pub answers: Vec<String>,
}

fn parse_response(
    input: &ResponseInput,
    statements: &[Statement],
    respondent: String,
) -> Result<Response, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let layer = match input.layer.trim() {
        "" => {
            errors.add(
                "layer",
                "required",
                samenspel_domain::msg!(
                    "error-survey-layer-required",
                    "Kies bij welke overheid of organisatie u werkt."
                ),
            );
            None
        }
        raw => errors.collect(RespondentLayer::parse_field("layer", raw)),
    };
    let domain = errors
        .collect(parse_line("domain", &input.domain, 100, false))
        .flatten();
    let mut answers = Vec::with_capacity(statements.len());
    for (i, s) in statements.iter().enumerate() {
        let raw = input.answers.get(i).map_or("", String::as_str);
        if let Some(a) = errors.collect(Answer::parse_cell(s.id, raw)) {
            answers.push(a);
        }
    }
    errors.finish(|| Response {
        respondent,
        layer: layer.unwrap_or(RespondentLayer::Overig),
        domain,
        answers,
    })
}

fn invitation_respondent(token: &str) -> String {
    format!("uitnodiging:{}", token_hash(token))
}

/// A respondent's refusal: the page says only why (closed, not yet open, past its date).
fn unavailable(why: NotAnswerable) -> AppError {
    AppError::unavailable(why.title(), why.message())
}

/// Whether the wave takes answers on `today` (the app's date: [`App::today`]).
pub fn answering_on(wave: &Wave, today: chrono::NaiveDate) -> Result<(), NotAnswerable> {
    answerable(wave.opens_on, wave.closes_on, wave.closed_at.is_some(), today)
}

impl App {
    /// Personal invitations for a wave: the tokens, shown once.
    pub async fn invite(&self, key: &str, count: usize, who: &Principal) -> AppResult<Vec<String>> {
        who.authorise(Action::ManageSurveys, |_| Relation::None)?;
        if !(1..=100_000).contains(&count) {
            return Err(AppError::Invalid(ValidationErrors::single(
                "count",
                "invalid_count",
                samenspel_domain::msg!(
                    "error-invalid-invitation-count",
                    "Maak 1 tot en met 100.000 uitnodigingen tegelijk."
                ),
            )));
        }
        let wave = self.wave(key).await?;
        answering_on(&wave, self.today())
            .map_err(|why| AppError::unavailable(why.title(), crate::refusals::no_invitations(why)))?;
        let (tokens, hashes): (Vec<String>, Vec<String>) = (0..count).map(|_| new_token()).unzip();
        self.store.add_invitations(wave.id, &hashes).await?;
        Ok(tokens)
    }

    /// The wave to answer, refused when it is closed or the invitation is unknown.
    pub async fn respondent_view(&self, key: &str, token: Option<&str>) -> AppResult<RespondentView> {
        let wave = self.wave(key).await?;
        answering_on(&wave, self.today()).map_err(unavailable)?;
        let statements = Self::statements_of(&wave)?;
        let earlier = match token {
            None => None,
            Some(token) => {
                if self.store.invitation_wave(&token_hash(token)).await? != Some(wave.id) {
                    return Err(AppError::NotFound("uitnodiging"));
                }
                self.store
                    .get_response(wave.id, &invitation_respondent(token))
                    .await?
            }
        };
        Ok(RespondentView {
            wave,
            statements,
            earlier,
        })
    }

    /// Stores a response; with an invitation token it replaces that invitation's earlier
    /// response (returns true then).
    /// Answers by the wave's link are limited per `address` (see [`super::LINK_ANSWERS`]).
    pub async fn respond(
        &self,
        key: &str,
        token: Option<&str>,
        input: &ResponseInput,
        address: &str,
    ) -> AppResult<bool> {
        let view = self.respondent_view(key, token).await?;
        let respondent = match token {
            Some(token) => invitation_respondent(token),
            None => format!("link:{}", new_token().1),
        };
        let response = parse_response(input, view.statements, respondent)?;
        if token.is_none() && !self.admit_link_answer(view.wave.id, address).await? {
            return Err(AppError::TooManyAttempts(crate::refusals::too_many_link_answers(
                super::LINK_ANSWERS,
                super::LINK_WINDOW.as_secs() / 60,
            )));
        }
        Ok(self
            .store
            .put_response(view.wave.id, &response, view.statements)
            .await?)
    }
}
