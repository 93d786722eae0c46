//! Text newtypes and the search key used to find names regardless of case and accents.

use crate::ValidationErrors;

/// Checks a user-supplied line of text: trimmed, not empty (when required), bounded, and free
/// of control characters (which have no place in names and break exports).
pub fn parse_line(
    field: &str,
    raw: &str,
    max_chars: usize,
    required: bool,
) -> Result<Option<String>, ValidationErrors> {
    parse_text(field, raw, max_chars, required, false)
}

/// Like [`parse_line`] but allows line breaks and tabs (for motivations and descriptions).
pub fn parse_paragraphs(
    field: &str,
    raw: &str,
    max_chars: usize,
    required: bool,
) -> Result<Option<String>, ValidationErrors> {
    parse_text(field, raw, max_chars, required, true)
}

fn parse_text(
    field: &str,
    raw: &str,
    max_chars: usize,
    required: bool,
    multiline: bool,
) -> Result<Option<String>, ValidationErrors> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return if required {
            Err(ValidationErrors::single(
                field,
                "required",
                crate::msg!("error-required", "Vul dit veld in."),
            ))
        } else {
            Ok(None)
        };
    }
    let allowed_control = |c: char| multiline && (c == '\n' || c == '\r' || c == '\t');
    if trimmed.chars().any(|c| c.is_control() && !allowed_control(c)) {
        return Err(ValidationErrors::single(
            field,
            "control_character",
            crate::msg!(
                "error-control-character",
                "Dit veld bevat onzichtbare stuurtekens; verwijder die."
            ),
        ));
    }
    let count = trimmed.chars().count();
    if count > max_chars {
        return Err(ValidationErrors::single(
            field,
            "too_long",
            crate::msg!(
                "error-too-long-now",
                "Gebruik ten hoogste {max} tekens (nu {count}).",
                max = max_chars,
                count = count
            ),
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

/// Lower-cases and strips common Latin diacritics so that "fryslan" finds "Súdwest-Fryslân"
/// and "gravenhage" finds "'s-Gravenhage".
pub fn search_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_diacritic)
        .collect()
}

fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        '’' | '‘' => '\'',
        other => other,
    }
}

/// The Dutch name of a month (1–12), for "vóór 30 april"; empty for any other number (the
/// English catalogue chooses its own name by it).
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    NAMES
        .get(usize::try_from(month).unwrap_or(0).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// A date as Dutch prose writes it: `1 april 2026`.
pub fn long_date_nl(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", date.day(), month_name(date.month()), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_key_folds_case_and_accents() {
        assert_eq!(search_key("Súdwest-Fryslân"), "sudwest-fryslan");
        assert_eq!(search_key("'s-Gravenhage"), "'s-gravenhage");
    }

    #[test]
    fn empty_required_line_is_refused_with_field_name() {
        let err = parse_line("name", "   ", 10, true).unwrap_err();
        assert_eq!(err.errors[0].field, "name");
        assert_eq!(err.errors[0].code, "required");
    }

    #[test]
    fn empty_optional_line_is_none() {
        assert_eq!(parse_line("x", " ", 10, false).unwrap(), None);
    }

    #[test]
    fn control_characters_are_refused_but_newlines_allowed_in_paragraphs() {
        assert!(parse_line("x", "a\u{7}b", 10, true).is_err());
        assert!(parse_line("x", "a\nb", 10, true).is_err());
        assert_eq!(
            parse_paragraphs("x", "a\nb", 10, true).unwrap().as_deref(),
            Some("a\nb")
        );
    }

    #[test]
    fn too_long_counts_characters_not_bytes() {
        assert!(parse_line("x", "ééé", 3, true).is_ok());
        assert_eq!(
            parse_line("x", "éééé", 3, true).unwrap_err().errors[0].code,
            "too_long"
        );
    }
}
