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
    /// Arguments made of messages of their own (see [`Message::with_sentences`]).
    sentences: Vec<(&'static str, Vec<Message>)>,
}

impl Message {
    /// Prefer [`msg!`](crate::msg), which writes the Dutch text from the same arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, String)>, dutch: String) -> Self {
        Self {
            id,
            args,
            dutch,
            sentences: Vec::new(),
        }
    }

    /// Text that is no message of ours (a library's error, a reason read from a file): shown
    /// as it is in every language.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            id: PLAIN,
            args: vec![("text", text.clone())],
            dutch: text,
            sentences: Vec::new(),
        }
    }

    /// The Dutch texts of `sentences` one after another, a space between: the Dutch value of
    /// an argument that [`Message::with_sentences`] fills.
    pub fn dutch_sentences(sentences: &[Message]) -> String {
        sentences.iter().map(Message::dutch).collect::<Vec<_>>().join(" ")
    }

    /// This message with its argument `name` made of `sentences`, each a message of its own
    /// (`"{name}: {reasons}"` with the reasons as messages). The argument was written with
    /// [`Message::dutch_sentences`], so the Dutch text holds them already; in another language
    /// each sentence is shown in that language, one after another with a space between.
    pub fn with_sentences(mut self, name: &'static str, sentences: Vec<Message>) -> Self {
        debug_assert!(
            self.args
                .iter()
                .any(|(n, v)| *n == name && *v == Self::dutch_sentences(&sentences)),
            "{name} is an argument with the sentences' Dutch text"
        );
        self.sentences.push((name, sentences));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The named arguments, in the order the message was written with.
    pub fn args(&self) -> &[(&'static str, String)] {
        &self.args
    }

    /// The arguments made of messages of their own, each a list of sentences.
    pub fn sentences(&self) -> &[(&'static str, Vec<Message>)] {
        &self.sentences
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
#[macro_export]
macro_rules! msg {
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
    fn an_argument_of_sentences_keeps_each_message() {
        let reasons = vec![
            crate::msg!("moore-reason-no-fte", "Geen mensen (FTE) vastgelegd."),
            crate::msg!("moore-reason-no-money", "Geen geld vastgelegd (zie Geld)."),
        ];
        let m = crate::msg!(
            "moore-reason-of-partner",
            "{name}: {reasons}",
            name = "Utrecht",
            reasons = Message::dutch_sentences(&reasons)
        )
        .with_sentences("reasons", reasons.clone());
        assert_eq!(
            m.dutch(),
            "Utrecht: Geen mensen (FTE) vastgelegd. Geen geld vastgelegd (zie Geld)."
        );
        assert_eq!(m.sentences(), [("reasons", reasons)]);
        assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{}\"", m.dutch()));
    }

    #[test]
    fn plain_text_is_shown_as_it_is() {
        let m = Message::plain("Regel 3: onverwacht einde.");
        assert_eq!((m.id(), m.dutch()), (PLAIN, "Regel 3: onverwacht einde."));
        assert_eq!(m.args(), [("text", "Regel 3: onverwacht einde.".to_owned())]);
    }
}
