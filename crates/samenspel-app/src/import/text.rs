//! Text as Dutch spreadsheets save it: UTF-8 with or without a byte-order mark, or
//! Windows-1252 (what Excel writes as "CSV (gescheiden door lijstscheidingsteken)").

use std::borrow::Cow;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// A whole file as text: UTF-8 (a byte-order mark is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    decoded(bytes).into_owned()
}

/// [`decode`] without a copy of a file that is UTF-8.
pub fn decoded(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// One field as text: UTF-8, or else Windows-1252; borrowed when it is UTF-8 (the common case
/// of a file read as it streams in).
pub fn field(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// The character of one Windows-1252 byte (0x80–0x9F differ from Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The delimiter of a file from its first line: `;` when it has one (Dutch Excel), else `,`.
pub fn delimiter(first_line: &[u8]) -> u8 {
    if first_line.contains(&b';') { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_a_bom_are_decoded() {
        assert_eq!(decode(b"\xef\xbb\xbfFrysl\xc3\xa2n"), "Fryslân");
        assert_eq!(decode(b"Frysl\xe2n \x80 5"), "Fryslân € 5");
        assert!(matches!(decoded(b"\xef\xbb\xbfabc"), Cow::Borrowed("abc")));
        assert_eq!(field(b"Frysl\xc3\xa2n"), "Fryslân");
        assert!(matches!(field(b"abc"), Cow::Borrowed("abc")));
        assert_eq!(field(b"Frysl\xe2n \x93x\x94"), "Fryslân “x”");
    }

    #[test]
    fn a_semicolon_in_the_first_line_makes_it_the_delimiter() {
        assert_eq!(delimiter(b"regel;sleutel"), b';');
        assert_eq!(delimiter(b"respondent,layer,S01"), b',');
        assert_eq!(delimiter(b""), b',');
    }
}
