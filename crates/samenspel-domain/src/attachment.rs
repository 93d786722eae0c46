//! Attachments: files kept in the database next to what they belong to. A file is accepted
//! only as a checked [`Attachment`]: not empty, at most [`MAX_BYTES`], and of an allowed type
//! recognised by its first bytes (its "magic"), never by its name, so a program renamed to
//! `x.pdf` is refused. The SHA-256 of the bytes is computed here once, so whoever reads the
//! file back can prove it is the one that was stored.

use serde::Serialize;

use crate::ValidationErrors;
use crate::audit::hex;

/// The largest file accepted: 10 MB (10 × 1024 × 1024 bytes).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// The field a refused file is reported on.
pub const FIELD: &str = "bestand";

/// The longest file name kept, in characters; a longer name is cut.
const MAX_NAME_CHARS: usize = 200;

/// The name kept when nothing of the given name is left after cleaning.
const FALLBACK_NAME: &str = "bestand";

/// What the refusal of a type lists as allowed.
const ALLOWED: &str =
    "PDF, PNG, JPEG, kantoordocumenten (ODF of Office Open XML) en platte tekst of CSV in UTF-8";

/// The start of every OpenDocument media type.
pub const ODF_PREFIX: &str = "application/vnd.oasis.opendocument.";

/// The start of every Office Open XML media type (docx, xlsx, pptx).
pub const OOXML_PREFIX: &str = "application/vnd.openxmlformats-officedocument.";

/// What kind of record an attachment belongs to; the key is what the database stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnerKind {
    Collaboration,
    /// A UDO dossier (issue 14, item 9: its documents, published under the Woo).
    UdoDossier,
}

impl OwnerKind {
    pub const ALL: &'static [OwnerKind] = &[OwnerKind::Collaboration, OwnerKind::UdoDossier];

    /// The stored key, which is also the audit subject type of the owner.
    pub fn key(self) -> &'static str {
        match self {
            OwnerKind::Collaboration => "collaboration",
            OwnerKind::UdoDossier => "udo_dossier",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.key() == key)
    }
}

/// The record an attachment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct AttachmentOwner {
    pub kind: OwnerKind,
    pub id: i64,
}

/// A file that passed every check, with what was learned from its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    name: String,
    media_type: String,
    sha256: String,
    bytes: Vec<u8>,
}

impl Attachment {
    /// Checks a file as uploaded: `name` as the sender gave it, `bytes` its content.
    pub fn check(name: &str, bytes: Vec<u8>) -> Result<Self, ValidationErrors> {
        if bytes.is_empty() {
            return Err(refusal(
                "empty",
                crate::msg!("error-file-empty", "Het bestand is leeg."),
            ));
        }
        if bytes.len() > MAX_BYTES {
            return Err(refusal(
                "too_large",
                crate::msg!(
                    "error-file-too-large",
                    "Het bestand is groter dan {megabytes} MB.",
                    megabytes = MAX_BYTES / (1024 * 1024)
                ),
            ));
        }
        let media_type = detect(&bytes).ok_or_else(|| {
            refusal(
                "type_not_allowed",
                crate::msg!(
                    "error-file-type-not-allowed",
                    "Dit soort bestand is niet toegestaan. Toegestaan zijn: {allowed}.",
                    allowed = ALLOWED
                ),
            )
        })?;
        Ok(Self {
            name: clean_name(name),
            media_type,
            sha256: sha256_hex(&bytes),
            bytes,
        })
    }

    /// The file name without folders or control characters.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The media type found in the content, e.g. `application/pdf`.
    pub fn media_type(&self) -> &str {
        &self.media_type
    }

    /// The SHA-256 of the content, lower-case hexadecimal.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The size in bytes (at most [`MAX_BYTES`], so it always fits).
    pub fn size(&self) -> i64 {
        i64::try_from(self.bytes.len()).unwrap_or(i64::MAX)
    }
}

/// The SHA-256 of `bytes`, lower-case hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

fn refusal(code: &'static str, message: crate::Message) -> ValidationErrors {
    ValidationErrors::single(FIELD, code, message)
}

/// The last part of the name (after any `/` or `\`), without control characters, trimmed
/// and cut to [`MAX_NAME_CHARS`].
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let kept = kept.trim();
    if kept.is_empty() || kept == "." || kept == ".." {
        FALLBACK_NAME.to_owned()
    } else {
        kept.to_owned()
    }
}

/// The media type of an allowed file, from its first bytes; `None` for anything else.
fn detect(bytes: &[u8]) -> Option<String> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    const JPEG: &[u8] = b"\xff\xd8\xff";
    const ZIP: &[u8] = b"PK\x03\x04";
    // Programs are refused even when their header happens to be readable text.
    const PROGRAMS: [&[u8]; 2] = [b"MZ", b"\x7fELF"];
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf".to_owned())
    } else if bytes.starts_with(PNG) {
        Some("image/png".to_owned())
    } else if bytes.starts_with(JPEG) {
        Some("image/jpeg".to_owned())
    } else if bytes.starts_with(ZIP) {
        Some(
            open_document_type(bytes)
                .or_else(|| office_open_xml_type(bytes))
                .unwrap_or_else(|| "application/zip".to_owned()),
        )
    } else if PROGRAMS.iter().any(|p| bytes.starts_with(p)) {
        None
    } else if !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() {
        Some("text/plain; charset=utf-8".to_owned())
    } else {
        None
    }
}

/// An OpenDocument file starts with an uncompressed zip entry `mimetype` holding its type;
/// that type, when the first entry is exactly that.
fn open_document_type(bytes: &[u8]) -> Option<String> {
    let u16_at = |at: usize| Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
    let u32_at = |at: usize| {
        let b = bytes.get(at..at + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let stored = u16_at(8)? == 0;
    let size = usize::try_from(u32_at(18)?).ok()?;
    let name_len = usize::from(u16_at(26)?);
    let extra_len = usize::from(u16_at(28)?);
    if !stored || bytes.get(30..30 + name_len)? != b"mimetype" {
        return None;
    }
    let start = 30 + name_len + extra_len;
    let value = std::str::from_utf8(bytes.get(start..start.checked_add(size)?)?).ok()?;
    let known = value.starts_with(ODF_PREFIX)
        && value.len() > ODF_PREFIX.len()
        && value.bytes().all(|b| b.is_ascii_graphic());
    known.then(|| value.to_owned())
}

/// An Office Open XML file is a zip holding `[Content_Types].xml` and its main part under
/// `word/`, `xl/` or `ppt/` (ECMA-376 part 2); its type from the names of the zip's local
/// entries (at most the first 1,000 looked at).
fn office_open_xml_type(bytes: &[u8]) -> Option<String> {
    const LOCAL_ENTRY: &[u8] = b"PK\x03\x04";
    let names = bytes
        .windows(LOCAL_ENTRY.len())
        .enumerate()
        .filter(|(_, w)| *w == LOCAL_ENTRY)
        .take(1000)
        .filter_map(|(at, _)| {
            let len = usize::from(u16::from_le_bytes([*bytes.get(at + 26)?, *bytes.get(at + 27)?]));
            bytes.get(at + 30..at + 30 + len)
        });
    let mut content_types = false;
    let mut main = None;
    for name in names {
        if name == b"[Content_Types].xml" {
            content_types = true;
        } else if main.is_none() {
            main = match name {
                b"word/document.xml" => Some("wordprocessingml.document"),
                b"xl/workbook.xml" => Some("spreadsheetml.sheet"),
                b"ppt/presentation.xml" => Some("presentationml.presentation"),
                _ => None,
            };
        }
    }
    let main = main.filter(|_| content_types)?;
    Some(format!("{OOXML_PREFIX}{main}"))
}

#[cfg(test)]
#[path = "attachment/tests.rs"]
pub(crate) mod tests;
