//! Publishing a UDO dossier under the Wet open overheid (issue 14, item 9): when the dossier
//! goes into consultation it is public, with its documents (the UDO report, the studies, the
//! draft regulation, the advice), each with a title and its Woo information category
//! ([`super::woo`], art. 3.3 Woo, BWBR0045754, named as in the DiWoo waardelijst).
//!
//! A document is accepted only as a PDF, an OpenDocument file or an Office Open XML file,
//! recognised by its content ([`crate::attachment`]), never by its name: these are the formats
//! a publication on the Woo index takes as documents. Images and plain text, which the
//! attachments port also takes, are refused here.

use serde::{Deserialize, Serialize};

use super::woo::{AttachmentKind, InformationCategory, suggest_category};
use super::workflow::UdoState;
use crate::attachment::{self, Attachment};
use crate::{ValidationErrors, msg};

/// The field names of an upload (form and API alike).
pub const TITLE_FIELD: &str = "title";
pub const KIND_FIELD: &str = "kind";
pub const CATEGORY_FIELD: &str = "category";
pub const FILE_FIELD: &str = attachment::FIELD;

/// The longest title, in characters (the column's check agrees).
pub const MAX_TITLE_CHARS: usize = 200;

/// What the refusal of a type lists as allowed.
const PUBLISHABLE: &str = "PDF, OpenDocument (ODF) of Office Open XML (docx, xlsx, pptx)";

/// A dossier is public, with its documents, once it has gone into consultation: the UDO and
/// its studies are published when the proposal goes into consultation (issue 14, "After";
/// Wet open overheid). Every later state stays public.
pub fn published(state: UdoState) -> bool {
    state.rank() >= UdoState::Consultatie.rank()
}

/// A document's description as typed in: `kind` (a [`AttachmentKind`] key) and `category`
/// (an [`InformationCategory`] key) may be empty, but not both: an empty category is the one
/// [`suggest_category`] gives for the kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub category: String,
}

/// A document's description, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub title: String,
    pub kind: Option<AttachmentKind>,
    pub category: InformationCategory,
}

impl DocumentInput {
    pub fn parse(&self) -> Result<DocumentMeta, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add(
                TITLE_FIELD,
                "required",
                msg!("udo-document-title-required", "Geef het document een titel."),
            );
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.add(
                TITLE_FIELD,
                "too_long",
                msg!(
                    "udo-document-title-too-long",
                    "De titel is langer dan {max} tekens.",
                    max = MAX_TITLE_CHARS
                ),
            );
        } else if title.chars().any(char::is_control) {
            errors.add(
                TITLE_FIELD,
                "control_character",
                msg!(
                    "udo-document-title-one-line",
                    "De titel is één regel tekst, zonder tabs of regeleinden."
                ),
            );
        }
        let kind = if self.kind.trim().is_empty() {
            None
        } else {
            errors.collect(AttachmentKind::parse_field(KIND_FIELD, &self.kind))
        };
        let category = if !self.category.trim().is_empty() {
            errors.collect(InformationCategory::parse_field(CATEGORY_FIELD, &self.category))
        } else if let Some(kind) = kind {
            Some(suggest_category(kind))
        } else {
            if self.kind.trim().is_empty() {
                errors.add(
                    CATEGORY_FIELD,
                    "required",
                    msg!(
                        "udo-document-category-required",
                        "Kies de Woo-informatiecategorie van het document (of de soort document, dan volgt de categorie daaruit)."
                    ),
                );
            }
            None
        };
        let title = title.to_owned();
        errors.finish(|| DocumentMeta {
            title,
            kind,
            category: category.unwrap_or(InformationCategory::Onderzoeksrapporten),
        })
    }
}

/// Whether a media type found in a file's content is one a dossier publishes.
pub fn publishable(media_type: &str) -> bool {
    media_type == "application/pdf"
        || media_type.starts_with(attachment::ODF_PREFIX)
        || media_type.starts_with(attachment::OOXML_PREFIX)
}

/// Checks an uploaded file (`name` as sent, `bytes` its content) as a document of a dossier:
/// the attachments port's checks (not empty, at most [`attachment::MAX_BYTES`], a known type)
/// and then a publishable type.
pub fn check_file(name: &str, bytes: Vec<u8>) -> Result<Attachment, ValidationErrors> {
    let file = Attachment::check(name, bytes).map_err(only_publishable)?;
    if publishable(file.media_type()) {
        Ok(file)
    } else {
        Err(type_refused())
    }
}

/// The port refuses an unknown type listing everything it takes; a dossier takes less.
fn only_publishable(errors: ValidationErrors) -> ValidationErrors {
    if errors.errors.iter().any(|e| e.code == "type_not_allowed") {
        type_refused()
    } else {
        errors
    }
}

fn type_refused() -> ValidationErrors {
    ValidationErrors::single(
        FILE_FIELD,
        "type_not_allowed",
        msg!(
            "udo-document-type-not-allowed",
            "Dit soort bestand wordt niet gepubliceerd. Toegestaan zijn: {allowed}; het soort wordt herkend aan de inhoud, niet aan de naam.",
            allowed = PUBLISHABLE
        ),
    )
}

/// A file name safe to send in `Content-Disposition: attachment; filename="…"`: ASCII
/// letters, digits, `.`, `-` and `_` kept, every other character (quotes, slashes, spaces,
/// accents, control characters) a `_`, no leading dot, at most 100 characters; `document`
/// when nothing is left.
pub fn download_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let safe = safe.trim_start_matches('.');
    if safe.chars().all(|c| c == '_' || c == '.') {
        "document".to_owned()
    } else {
        safe.to_owned()
    }
}

#[cfg(test)]
#[path = "publication/tests.rs"]
mod tests;
