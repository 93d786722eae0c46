//! What the explanatory memorandum reports about a consultation: the number of reactions, their
//! nature and what was done with them, per theme. The Schrijfwijzer memorie van toelichting,
//! §11 "Advies en consultatie", asks to "vermeld\[en\] ook wat er met de reacties is gedaan" and,
//! for the internet consultation, to "\[b\]eschrijf\[en\] wat de consultatie heeft opgeleverd,
//! bijvoorbeeld een vermelding van de respondenten en hun zienswijze en wat hiermee is gedaan"
//! (<https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/schrijfwijzer-memorie-van-toelichting/11-advies-en-consultatie>;
//! the stored copy consulted was on kcwj.nl). That the number of reactions is stated comes from
//! the earlier research notes (next-capabilities §1), not from the passage we could read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::reaction::{Reaction, ReactionKind, plain_line, plain_text};
use crate::keyed::keyed_enum;
use crate::{Message, ValidationErrors, msg};

keyed_enum!(
    /// What the ministry did with the reactions on one theme.
    ThemeAction, "action", "verwerking" {
        Overgenomen => "overgenomen", "Overgenomen: het voorstel is aangepast";
        DeelsOvergenomen => "deels-overgenomen", "Deels overgenomen";
        NietOvergenomen => "niet-overgenomen", "Niet overgenomen, met motivering";
        Verduidelijkt => "verduidelijkt", "Verduidelijkt in de toelichting";
    }
);

/// Where the report's contents come from.
pub fn source() -> Message {
    msg!(
        "consultation-source-schrijfwijzer",
        "Schrijfwijzer memorie van toelichting, §11 Advies en consultatie: {passage}",
        passage = "\"Hierbij vermeld je ook wat er met de reacties is gedaan.\""
    )
}

const MAX_NATURE_CHARS: usize = 2_000;
const MAX_EXPLANATION_CHARS: usize = 5_000;

/// What the ministry recorded for one theme, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ThemeResponse {
    pub theme: String,
    /// The nature of the reactions on this theme (aard).
    pub nature: String,
    pub action: ThemeAction,
    /// What was done, or why not.
    pub explanation: String,
}

/// A theme response as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ThemeResponseInput {
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub nature: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub explanation: String,
}

impl ThemeResponseInput {
    pub fn parse(&self) -> Result<ThemeResponse, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let theme = plain_line(
            "theme",
            &self.theme,
            super::reaction::MAX_THEME_CHARS,
            true,
            &mut errors,
        );
        let nature = plain_text("nature", &self.nature, MAX_NATURE_CHARS, true, &mut errors);
        let action = errors.collect(ThemeAction::parse_field("action", &self.action));
        let explanation = plain_text(
            "explanation",
            &self.explanation,
            MAX_EXPLANATION_CHARS,
            true,
            &mut errors,
        );
        match (theme, nature, action, explanation) {
            (Some(Some(theme)), Some(Some(nature)), Some(action), Some(Some(explanation)))
                if errors.is_empty() =>
            {
                Ok(ThemeResponse {
                    theme,
                    nature,
                    action,
                    explanation,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The number of reactions of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct KindCount {
    pub kind: ReactionKind,
    pub count: usize,
}

/// The number of reactions of each kind, every kind listed (also with 0).
pub fn count_by_kind(reactions: &[Reaction]) -> Vec<KindCount> {
    ReactionKind::ALL
        .iter()
        .map(|kind| KindCount {
            kind: *kind,
            count: reactions.iter().filter(|r| r.kind == *kind).count(),
        })
        .collect()
}

/// The number of reactions per theme, by theme name; reactions without a theme last (`None`).
pub fn count_by_theme(reactions: &[Reaction]) -> Vec<(Option<String>, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut without = 0;
    for reaction in reactions {
        match &reaction.theme {
            Some(theme) => *counts.entry(theme.as_str()).or_default() += 1,
            None => without += 1,
        }
    }
    let mut rows: Vec<(Option<String>, usize)> = counts
        .into_iter()
        .map(|(theme, n)| (Some(theme.to_owned()), n))
        .collect();
    if without > 0 {
        rows.push((None, without));
    }
    rows
}

/// One theme in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ThemeReport {
    pub theme: String,
    pub count: usize,
    pub response: Option<ThemeResponse>,
}

/// The consultation as the explanatory memorandum reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ConsultationReport {
    pub total: usize,
    pub by_kind: Vec<KindCount>,
    /// Every theme with reactions, by name, with what was done.
    pub themes: Vec<ThemeReport>,
    /// Reactions not yet filed under a theme.
    pub without_theme: usize,
    /// Themes with reactions but no recorded response.
    pub unanswered_themes: Vec<String>,
}

impl ConsultationReport {
    /// Every theme has its response and every reaction a theme.
    pub fn is_complete(&self) -> bool {
        self.unanswered_themes.is_empty() && self.without_theme == 0
    }
}

/// The report of `reactions` with the ministry's `responses` (one per theme; a later response
/// for the same theme replaces an earlier one; responses for themes without reactions are left
/// out).
pub fn report(reactions: &[Reaction], responses: &[ThemeResponse]) -> ConsultationReport {
    let mut by_theme: BTreeMap<&str, &ThemeResponse> = BTreeMap::new();
    for response in responses {
        by_theme.insert(response.theme.as_str(), response);
    }
    let mut themes = Vec::new();
    let mut without_theme = 0;
    for (theme, count) in count_by_theme(reactions) {
        match theme {
            Some(theme) => {
                let response = by_theme.get(theme.as_str()).map(|r| (*r).clone());
                themes.push(ThemeReport {
                    theme,
                    count,
                    response,
                });
            }
            None => without_theme = count,
        }
    }
    let unanswered_themes = themes
        .iter()
        .filter(|t| t.response.is_none())
        .map(|t| t.theme.clone())
        .collect();
    ConsultationReport {
        total: reactions.len(),
        by_kind: count_by_kind(reactions),
        themes,
        without_theme,
        unanswered_themes,
    }
}
