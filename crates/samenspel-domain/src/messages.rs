//! A message for the user that the web layer can show in any language: the id of the message
//! in the catalogues (`locales/<lang>/errors.ftl`), its named arguments, and its Dutch text.
//!
//! The domain knows no catalogues: it writes the Dutch text (its `Display`, its tests, the
//! command line and the JSON form are Dutch) and names the message; the web layer looks the id
//! up in the visitor's language and fills in the arguments (`{ $name }` in the catalogue). A
//! test in the web crate holds the Dutch catalogue text equal to the text written here.

use std::fmt;

use serde::{Serialize, Serializer};

/// The id of [`Message::plain`]: text that came from elsewhere and is shown as it is.
pub const PLAIN: &str = "message-plain";

/// A message with its catalogue id, arguments and Dutch text; made with [`msg!`](crate::msg).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, String)>,
    dutch: String,
    /// Arguments that are messages themselves (a label, a list of labels, a finding): shown
    /// in the page's language rather than as their Dutch text in `args`.
    parts: Vec<(&'static str, Parts)>,
}

/// An argument made of messages, e.g. a list of labels: each shown in the page's language,
/// joined by a separator. Made with [`Parts::list`] or from one [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    items: Vec<Message>,
    separator: &'static str,
    lowercase: bool,
}

impl Parts {
    /// `items` joined by `separator` (", " or "; ").
    pub fn list(items: Vec<Message>, separator: &'static str) -> Self {
        Self {
            items,
            separator,
            lowercase: false,
        }
    }

    /// The same, written in lower case (a label inside a sentence: "als trekker").
    pub fn lowercase(mut self) -> Self {
        self.lowercase = true;
        self
    }

    pub fn items(&self) -> &[Message] {
        &self.items
    }

    /// The items as text in some language (`text` gives one item's), joined.
    pub fn join(&self, text: impl Fn(&Message) -> String) -> String {
        let joined = self
            .items
            .iter()
            .map(text)
            .collect::<Vec<_>>()
            .join(self.separator);
        if self.lowercase {
            joined.to_lowercase()
        } else {
            joined
        }
    }

    /// The text in Dutch.
    pub fn dutch(&self) -> String {
        self.join(|m| m.dutch.clone())
    }
}

impl From<Message> for Parts {
    fn from(message: Message) -> Self {
        Self::list(vec![message], "")
    }
}

impl Message {
    /// Prefer [`msg!`](crate::msg), which writes the Dutch text from the same arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, String)>, dutch: String) -> Self {
        Self {
            id,
            args,
            dutch,
            parts: Vec::new(),
        }
    }

    /// A message without arguments: a label from the catalogue, with its Dutch text.
    pub fn label(id: &'static str, dutch: &str) -> Self {
        Self::new(id, Vec::new(), dutch.to_owned())
    }

    /// Marks arguments as made of messages (`msg!(parts; …)` does this); their Dutch text
    /// must already be in the arguments.
    pub fn with_parts(mut self, parts: Vec<(&'static str, Parts)>) -> Self {
        self.parts = parts;
        self
    }

    /// The arguments made of messages.
    pub fn parts(&self) -> &[(&'static str, Parts)] {
        &self.parts
    }

    /// Whether this is the empty text (nothing to say).
    pub fn is_empty(&self) -> bool {
        self.dutch.is_empty()
    }

    /// Text that is no message of ours (a library's error, a reason read from a file): shown
    /// as it is in every language.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Self::new(PLAIN, vec![("text", text.clone())], text)
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The named arguments, in the order the message was written with.
    pub fn args(&self) -> &[(&'static str, String)] {
        &self.args
    }

    /// The text in Dutch.
    pub fn dutch(&self) -> &str {
        &self.dutch
    }

    /// Whether the Dutch text contains `part` (for tests and checks of the wording).
    pub fn contains(&self, part: &str) -> bool {
        self.dutch.contains(part)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dutch)
    }
}

/// The JSON form is the Dutch text (the API translates before it answers).
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.dutch)
    }
}

/// `msg!("field-too-long", "Gebruik ten hoogste {max} tekens.", max = 200)`: a [`Message`]
/// with the catalogue id, its Dutch text (a format string that uses exactly the named
/// arguments) and the arguments, each evaluated once and kept as text. Arguments after a `;`
/// are for other languages only (e.g. a key to choose a word by), not in the Dutch text.
/// `msg!(parts; "id", "… {kind} …", name = value; kind = kind.label())`: the same, where the
/// arguments after the `;` are [`Parts`] (or one [`Message`]), messages in their own right that
/// are shown in the page's language rather than in Dutch.
#[macro_export]
macro_rules! msg {
    (parts; $id:expr, $dutch:expr $(, $name:ident = $value:expr)* ; $($part:ident = $part_value:expr),+ $(,)?) => {{
        $(let $name = ::std::string::ToString::to_string(&$value);)*
        $(let $part: $crate::messages::Parts = ::std::convert::Into::into($part_value);)+
        $crate::messages::Message::new(
            $id,
            vec![
                $((stringify!($name), $name.clone()),)*
                $((stringify!($part), $part.dutch()),)+
            ],
            format!($dutch $(, $name = $name)* $(, $part = $part.dutch())+),
        )
        .with_parts(vec![$((stringify!($part), $part),)+])
    }};
    ($id:expr, $dutch:expr $(, $name:ident = $value:expr)* $(; $extra:ident = $extra_value:expr)* $(,)?) => {{
        $(let $name = ::std::string::ToString::to_string(&$value);)*
        $crate::messages::Message::new(
            $id,
            vec![
                $((stringify!($name), $name.clone()),)*
                $((stringify!($extra), ::std::string::ToString::to_string(&$extra_value)),)*
            ],
            format!($dutch $(, $name = $name)*),
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_its_id_arguments_and_dutch_text() {
        let limit = 200;
        let m = crate::msg!(
            "field-too-long",
            "Gebruik ten hoogste {max} tekens (nu {count}).",
            max = limit,
            count = 201
        );
        assert_eq!(m.id(), "field-too-long");
        assert_eq!(m.args(), [("max", "200".to_owned()), ("count", "201".to_owned())]);
        assert_eq!(m.dutch(), "Gebruik ten hoogste 200 tekens (nu 201).");
        assert_eq!(m.to_string(), m.dutch());
        assert!(m.contains("200 tekens"));
    }

    #[test]
    fn arguments_after_a_semicolon_are_not_in_the_dutch_text() {
        let m = crate::msg!("org-not-addable", "{label} kan niet.", label = "Gemeente"; kind = "gemeente");
        assert_eq!(m.dutch(), "Gemeente kan niet.");
        assert_eq!(
            m.args(),
            [("label", "Gemeente".to_owned()), ("kind", "gemeente".to_owned())]
        );
    }

    #[test]
    fn parts_are_messages_in_their_own_right() {
        let labels = Parts::list(
            vec![Message::label("a-naam", "Naam"), Message::label("a-taak", "Taak")],
            ", ",
        )
        .lowercase();
        let m = crate::msg!(parts; "changed", "gewijzigd: {fields}"; fields = labels.clone());
        assert_eq!(m.dutch(), "gewijzigd: naam, taak");
        assert_eq!(m.args(), [("fields", "naam, taak".to_owned())]);
        assert_eq!(m.parts(), [("fields", labels.clone())]);
        assert_eq!(labels.join(|l| l.id().to_uppercase()), "a-naam, a-taak");
        let one = crate::msg!(parts; "as", "als {role}"; role = Message::label("r-trekker", "Trekker"));
        assert_eq!(one.dutch(), "als Trekker");
    }

    #[test]
    fn a_message_without_arguments_is_its_text() {
        let m = crate::msg!("field-required", "Vul dit veld in.");
        assert!(m.args().is_empty());
        assert_eq!(m.dutch(), "Vul dit veld in.");
    }

    #[test]
    fn the_json_form_is_the_dutch_text() {
        let m = crate::msg!("field-quoted", "'{value}' is geen datum.", value = "31-13");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"'31-13' is geen datum.\"");
    }

    #[test]
    fn plain_text_is_shown_as_it_is() {
        let m = Message::plain("Regel 3: onverwacht einde.");
        assert_eq!((m.id(), m.dutch()), (PLAIN, "Regel 3: onverwacht einde."));
        assert_eq!(m.args(), [("text", "Regel 3: onverwacht einde.".to_owned())]);
    }
}
