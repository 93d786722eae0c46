//! Moderation of reactions by the ministry that holds the pen: a reaction arrives as
//! `ontvangen`, is published or rejected, and may be filed under a theme (the themes the
//! report counts). Nothing is published before the ministry has looked at it (our choice: the
//! public form is open to anyone, so text is read before it shows).

use serde::{Deserialize, Serialize};

use super::reaction::{MAX_THEME_CHARS, plain_line};
use crate::keyed::keyed_enum;
use crate::{ValidationErrors, msg};

keyed_enum!(
    /// Where a reaction stands in moderation.
    ModerationStatus, "status", "beoordeling" {
        Ontvangen => "ontvangen", "Ontvangen, nog niet beoordeeld";
        Gepubliceerd => "gepubliceerd", "Gepubliceerd";
        Afgewezen => "afgewezen", "Afgewezen";
    }
);

/// A moderation decision, valid by construction: a new status (or none, to file the reaction
/// under a theme only) and the theme (none: not filed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Moderation {
    pub status: Option<ModerationStatus>,
    pub theme: Option<String>,
}

/// A moderation decision as typed in: `status` `gepubliceerd`, `afgewezen` or empty (keep the
/// status); `theme` empty when the reaction is not filed under one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ModerationInput {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub theme: String,
}

impl ModerationInput {
    pub fn parse(&self) -> Result<Moderation, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let status = if self.status.trim().is_empty() {
            Some(None)
        } else {
            match errors.collect(ModerationStatus::parse_field("status", &self.status)) {
                Some(ModerationStatus::Ontvangen) => {
                    errors.add(
                        "status",
                        "not_a_decision",
                        msg!(
                            "error-moderation-not-a-decision",
                            "Kies publiceren of afwijzen; een beoordeelde reactie gaat niet terug naar ontvangen."
                        ),
                    );
                    None
                }
                other => other.map(Some),
            }
        };
        let theme = plain_line("theme", &self.theme, MAX_THEME_CHARS, false, &mut errors);
        match (status, theme) {
            (Some(status), Some(theme)) if errors.is_empty() => Ok(Moderation { status, theme }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(status: &str, theme: &str) -> Result<Moderation, Vec<String>> {
        ModerationInput {
            status: status.to_owned(),
            theme: theme.to_owned(),
        }
        .parse()
        .map_err(|e| e.errors.iter().map(|e| e.field.clone()).collect())
    }

    #[test]
    fn a_decision_publishes_or_rejects_and_files_under_a_theme() {
        assert_eq!(
            parse("gepubliceerd", " Financiën "),
            Ok(Moderation {
                status: Some(ModerationStatus::Gepubliceerd),
                theme: Some("Financiën".to_owned())
            })
        );
        assert_eq!(
            parse("afgewezen", ""),
            Ok(Moderation {
                status: Some(ModerationStatus::Afgewezen),
                theme: None
            })
        );
        assert_eq!(
            parse("", "Toezicht"),
            Ok(Moderation {
                status: None,
                theme: Some("Toezicht".to_owned())
            }),
            "filing only keeps the status"
        );
    }

    #[test]
    fn back_to_received_an_unknown_status_and_markup_in_the_theme_are_refused() {
        assert_eq!(parse("ontvangen", ""), Err(vec!["status".to_owned()]));
        assert_eq!(parse("weg", ""), Err(vec!["status".to_owned()]));
        assert_eq!(parse("gepubliceerd", "<script>"), Err(vec!["theme".to_owned()]));
        assert_eq!(
            parse("ontvangen", "<b>"),
            Err(vec!["status".to_owned(), "theme".to_owned()])
        );
    }
}
