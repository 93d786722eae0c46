//! A reaction to a consultation: from a koepel, a co-government or the public. The public's
//! reactions are published with name and place unless the author objects ("Uw reactie wordt
//! met uw naam en woonplaats, indien u daar geen bezwaar tegen heeft, openbaar gemaakt",
//! internetconsultatie.nl, Veelgestelde vragen). On internetconsultatie.nl a reaction whose
//! author objects is not published at all; Samenspel publishes its text without name and
//! place (our choice, per issue 14), so the count and the themes stay visible.
//!
//! Text that looks like markup is refused: a `<` that opens a tag (`<a`, `</`, `<!`, `<?`) or a
//! script address (`javascript:`, `vbscript:`, `data:text/html`, also with spaces or control
//! characters inside the scheme). Pages escape all text anyway; the refusal keeps stored
//! reactions plain. A honeypot field (`website`), invisible to people, must stay empty, and one
//! address gives at most [`MAX_REACTIONS_PER_ADDRESS`] reactions a day.

use serde::{Deserialize, Serialize};

use crate::keyed::keyed_enum;
use crate::text::{parse_line, parse_paragraphs};
use crate::{ValidationErrors, msg};

keyed_enum!(
    /// Who reacts.
    ReactionKind, "kind", "soort reactie" {
        Koepel => "koepel", "Koepel (VNG, IPO, UvW)";
        Medeoverheid => "medeoverheid", "Medeoverheid";
        Publiek => "publiek", "Publiek";
    }
);

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_PLACE_CHARS: usize = 100;
pub const MAX_TEXT_CHARS: usize = 10_000;
pub const MAX_THEME_CHARS: usize = 100;
/// The name of the honeypot field in forms and JSON.
pub const HONEYPOT_FIELD: &str = "website";

/// Reactions from one address are counted over this window …
pub const ADDRESS_WINDOW_HOURS: i64 = 24;
/// … and refused beyond this many (our choice; the app counts, the store keeps the addresses).
pub const MAX_REACTIONS_PER_ADDRESS: u64 = 5;

/// Whether one more reaction may come from an address that gave `earlier` reactions within the
/// last [`ADDRESS_WINDOW_HOURS`]; refused on the field `address` otherwise.
pub fn within_address_limit(earlier: u64) -> Result<(), ValidationErrors> {
    if earlier < MAX_REACTIONS_PER_ADDRESS {
        Ok(())
    } else {
        Err(ValidationErrors::single(
            "address",
            "rate_limited",
            msg!(
                "error-reaction-rate-limited",
                "Vanaf dit adres zijn de afgelopen {hours} uur al {max} reacties gegeven; probeer het later opnieuw.",
                hours = ADDRESS_WINDOW_HOURS,
                max = MAX_REACTIONS_PER_ADDRESS
            ),
        ))
    }
}

/// One reaction, valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Reaction {
    pub kind: ReactionKind,
    pub author_name: String,
    pub place: String,
    /// The author objects to publication of name and place.
    pub objects_to_publication: bool,
    pub text: String,
    /// The theme the ministry filed it under, if any.
    pub theme: Option<String>,
}

/// The name and place of a reaction's author, as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Author {
    pub name: String,
    pub place: String,
}

/// A reaction as it is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PublishedReaction {
    pub kind: ReactionKind,
    /// Name and place, or `None` when the author objected.
    pub author: Option<Author>,
    pub text: String,
    pub theme: Option<String>,
}

impl Reaction {
    pub fn published(&self) -> PublishedReaction {
        PublishedReaction {
            kind: self.kind,
            author: (!self.objects_to_publication).then(|| Author {
                name: self.author_name.clone(),
                place: self.place.clone(),
            }),
            text: self.text.clone(),
            theme: self.theme.clone(),
        }
    }
}

/// A reaction as typed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReactionInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub author_name: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub objects_to_publication: bool,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub theme: String,
    /// The honeypot: people leave it empty.
    #[serde(default)]
    pub website: String,
}

impl ReactionInput {
    /// The reaction, or every wrong field named; a filled honeypot is refused on its own.
    pub fn parse(&self) -> Result<Reaction, ValidationErrors> {
        if !self.website.is_empty() {
            return Err(ValidationErrors::single(
                HONEYPOT_FIELD,
                "honeypot",
                msg!("error-reaction-honeypot", "Deze reactie is niet aangenomen."),
            ));
        }
        let mut errors = ValidationErrors::new();
        let kind = errors.collect(ReactionKind::parse_field("kind", &self.kind));
        let author_name = plain_line(
            "author_name",
            &self.author_name,
            MAX_NAME_CHARS,
            true,
            &mut errors,
        );
        let place = plain_line("place", &self.place, MAX_PLACE_CHARS, true, &mut errors);
        let text = plain_text("text", &self.text, MAX_TEXT_CHARS, true, &mut errors);
        let theme = plain_line("theme", &self.theme, MAX_THEME_CHARS, false, &mut errors);
        match (kind, author_name, place, text, theme) {
            (Some(kind), Some(Some(author_name)), Some(Some(place)), Some(Some(text)), Some(theme))
                if errors.is_empty() =>
            {
                Ok(Reaction {
                    kind,
                    author_name,
                    place,
                    objects_to_publication: self.objects_to_publication,
                    text,
                    theme,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A line of text without markup (see the module documentation); `None` inside when empty.
pub fn plain_line(
    field: &str,
    raw: &str,
    max_chars: usize,
    required: bool,
    errors: &mut ValidationErrors,
) -> Option<Option<String>> {
    without_markup(
        field,
        errors.collect(parse_line(field, raw, max_chars, required)),
        errors,
    )
}

/// Paragraphs of text without markup.
pub fn plain_text(
    field: &str,
    raw: &str,
    max_chars: usize,
    required: bool,
    errors: &mut ValidationErrors,
) -> Option<Option<String>> {
    without_markup(
        field,
        errors.collect(parse_paragraphs(field, raw, max_chars, required)),
        errors,
    )
}

fn without_markup(
    field: &str,
    parsed: Option<Option<String>>,
    errors: &mut ValidationErrors,
) -> Option<Option<String>> {
    match parsed {
        Some(Some(text)) if contains_markup(&text) => {
            errors.add(
                field,
                "markup",
                msg!(
                    "error-reaction-markup",
                    "Gebruik gewone tekst: opmaakcodes zoals <…> en adressen die met javascript: beginnen worden niet aangenomen."
                ),
            );
            None
        }
        other => other,
    }
}

/// Whether `text` holds a tag-like `<…` or a script address.
pub fn contains_markup(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            return true;
        }
    }
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|scheme| squeezed.contains(scheme))
}
