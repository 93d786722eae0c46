//! Cells of the semicolon-separated files Samenspel writes for spreadsheets.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, so a name
//! typed by one user could run as a formula on another user's machine ("CSV injection").
//! Such a cell is written with a `'` before it, which spreadsheets show as text. Reading a
//! file back takes exactly that `'` off again, so every value survives a round trip —
//! including Dutch names that really start with an apostrophe, such as 's-Hertogenbosch.

const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// Whether a value would start a formula once any leading apostrophes are set aside. A value
/// like `'=1` must be guarded too, or reading it back would take its own `'` off.
fn needs_guard(value: &str) -> bool {
    value.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A value as a cell: guarded against formulas, and quoted when it holds the separator `;`,
/// a quote or a line break.
pub fn cell(value: &str) -> String {
    let guarded = if needs_guard(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A cell's value as written by [`cell`] (after the CSV reader has removed the quoting):
/// the guarding `'` comes off; any other value is left as it is.
pub fn read_cell(raw: &str) -> &str {
    match raw.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => raw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Undoes the quoting of [`cell`], as a CSV reader would.
    fn unquote(cell: &str) -> String {
        match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
            Some(inner) => inner.replace("\"\"", "\""),
            None => cell.to_owned(),
        }
    }

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+31 6"), "'+31 6");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("'=1"), "''=1");
    }

    #[test]
    fn ordinary_values_and_dutch_apostrophes_are_left_alone() {
        assert_eq!(cell("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(read_cell("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(cell("Regio Deal; Eemsdelta"), "\"Regio Deal; Eemsdelta\"");
        assert_eq!(cell("a-b"), "a-b");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn reading_takes_only_the_guard_off() {
        assert_eq!(read_cell("'=1"), "=1");
        assert_eq!(read_cell("''=1"), "'=1");
        assert_eq!(read_cell("'"), "'");
        assert_eq!(read_cell("=1"), "=1");
    }

    proptest! {
        #[test]
        fn every_value_survives_a_round_trip(value in "['=+@a;\" -]{0,8}|\\PC{0,12}") {
            let written = cell(&value);
            let unquoted = unquote(&written);
            prop_assert!(!unquoted.starts_with(FORMULA_STARTS));
            prop_assert_eq!(read_cell(&unquoted), value.as_str());
        }
    }
}
