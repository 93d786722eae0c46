//! A web address that is safe to print as a link: `http` or `https` only (never
//! `javascript:`, `data:` or a relative path), a host name, no credentials, no spaces or
//! control characters, and bounded in length.

use serde::{Deserialize, Serialize};

use crate::{ValidationErrors, msg};

/// The longest address accepted, in characters.
pub const MAX_ADDRESS_CHARS: usize = 500;

/// An absolute `http(s)` address, valid by construction; the scheme and host are lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebAddress(String);

impl WebAddress {
    /// Parses an address typed in for `field`; empty gives `None` unless `required`.
    pub fn parse(field: &str, raw: &str, required: bool) -> Result<Option<Self>, ValidationErrors> {
        let text = raw.trim();
        if text.is_empty() {
            return if required {
                Err(ValidationErrors::single(
                    field,
                    "required",
                    msg!("error-required", "Vul dit veld in."),
                ))
            } else {
                Ok(None)
            };
        }
        let count = text.chars().count();
        if count > MAX_ADDRESS_CHARS {
            return Err(ValidationErrors::single(
                field,
                "too_long",
                msg!(
                    "error-too-long-now",
                    "Gebruik ten hoogste {max} tekens (nu {count}).",
                    max = MAX_ADDRESS_CHARS,
                    count = count
                ),
            ));
        }
        normalise(text).map(|a| Some(WebAddress(a))).ok_or_else(|| {
            ValidationErrors::single(
                field,
                "invalid_address",
                msg!(
                    "error-participation-address",
                    "'{value}' is geen webadres: schrijf een volledig adres dat begint met https:// of http://, zoals https://www.example.nl/project.",
                    value = truncate(text)
                ),
            )
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name (lower case, without port), to show next to a link.
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map(|(_, r)| r).unwrap_or_default();
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        authority.split(':').next().unwrap_or_default()
    }
}

impl TryFrom<String> for WebAddress {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        normalise(&value)
            .filter(|_| value.chars().count() <= MAX_ADDRESS_CHARS)
            .map(WebAddress)
            .ok_or_else(|| format!("'{}' is geen http(s)-adres", truncate(&value)))
    }
}

impl From<WebAddress> for String {
    fn from(value: WebAddress) -> Self {
        value.0
    }
}

fn truncate(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// The address with its scheme and host lower-cased, or `None` when it is not an absolute
/// http(s) address with a plausible host name.
fn normalise(text: &str) -> Option<String> {
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\')
    {
        return None;
    }
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.contains('@') {
        return None;
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(port) = port
        && (!port.chars().all(|c| c.is_ascii_digit()) || port.parse::<u16>().is_err())
    {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return None;
    }
    let top = labels[labels.len() - 1];
    if top.chars().all(|c| c.is_ascii_digit()) && labels.len() != 4 {
        return None;
    }
    Some(format!("{scheme}://{}{path}", authority.to_ascii_lowercase()))
}
