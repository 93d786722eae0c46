//! Dutch and English from message catalogues (Project Fluent, `locales/<lang>/*.ftl`, built
//! into the binary). A page asks its [`Lang`] for a message by id; the language comes from
//! the visitor's explicit choice (a cookie set by the switch in the header), else from
//! `Accept-Language`, else Dutch. A test fails when a message exists in one language only.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;

/// The cookie that remembers the visitor's choice of language.
pub const LANGUAGE_COOKIE: &str = "samenspel_taal";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch ("Nederlands", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    /// The other language (the one the switch offers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The visitor's language: the remembered choice, else the first of `Accept-Language`
    /// (by quality) that is offered, else Dutch.
    pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = choice.and_then(Lang::parse) {
            return lang;
        }
        let mut ranked: Vec<(u16, usize, Lang)> = accept_language
            .unwrap_or_default()
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split('-').next()?;
                let lang = Lang::parse(primary)?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), |q| {
                        q.trim().parse::<f32>().ok().map(|q| (q * 1000.0) as u16)
                    })?;
                (quality > 0).then_some((quality, position, lang))
            })
            .collect();
        ranked.sort_by_key(|(quality, position, _)| (std::cmp::Reverse(*quality), *position));
        ranked.first().map_or(Lang::Nl, |(_, _, lang)| *lang)
    }

    /// The message `id` in this language.
    pub fn t(self, id: &str) -> String {
        catalogue(self).format(id, None)
    }

    /// The message `id` with its variables (`{ $name }` in the catalogue).
    pub fn t_with(self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        catalogue(self).format(id, Some(&fluent_args))
    }
}

// The catalogue files of each language (`NL_SOURCES`, `EN_SOURCES`): every
// `locales/<lang>/*.ftl`, sorted by name, listed by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    ids: BTreeSet<String>,
    /// Syntax errors and duplicate ids found while loading (logged then); a test requires none.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the catalogue test"))]
    problems: Vec<String>,
}

impl Catalogue {
    fn load(lang: Lang, sources: &[(&str, &str)]) -> Self {
        let langid = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        let mut ids = BTreeSet::new();
        let mut problems = Vec::new();
        for (file, text) in sources {
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(partial, errors)| {
                problems.extend(errors.iter().map(|e| format!("{}/{file}: {e:?}", lang.code())));
                partial
            });
            for entry in resource.entries() {
                if let Entry::Message(message) = entry {
                    ids.insert(message.id.name.to_owned());
                }
            }
            if let Err(errors) = bundle.add_resource(resource) {
                problems.extend(errors.iter().map(|e| format!("{}/{file}: {e:?}", lang.code())));
            }
        }
        for problem in &problems {
            tracing::error!(problem, "message catalogue");
        }
        Self {
            bundle,
            ids,
            problems,
        }
    }

    /// A missing message shows its id (and is logged), so a gap is visible, never a crash.
    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(message_id = id, "message missing from the catalogue");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(message_id = id, ?errors, "message could not be formatted");
        }
        text.into_owned()
    }
}

static DUTCH: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Lang::Nl, NL_SOURCES));
static ENGLISH: LazyLock<Catalogue> = LazyLock::new(|| Catalogue::load(Lang::En, EN_SOURCES));

fn catalogue(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::Nl => &DUTCH,
        Lang::En => &ENGLISH,
    }
}

/// The ids of one language's messages (for the completeness test and the template check).
pub fn message_ids(lang: Lang) -> &'static BTreeSet<String> {
    &catalogue(lang).ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogues_load_without_problems() {
        for lang in Lang::ALL {
            assert_eq!(catalogue(lang).problems, Vec::<String>::new(), "{lang:?}");
            assert!(!message_ids(lang).is_empty());
        }
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let dutch = message_ids(Lang::Nl);
        let english = message_ids(Lang::En);
        let only_dutch: Vec<_> = dutch.difference(english).collect();
        let only_english: Vec<_> = english.difference(dutch).collect();
        assert!(only_dutch.is_empty(), "only in Dutch: {only_dutch:?}");
        assert!(only_english.is_empty(), "only in English: {only_english:?}");
    }

    #[test]
    fn every_message_a_template_or_handler_asks_for_exists() {
        let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut asked = BTreeSet::new();
        // The templates and the web crate's own code (a handler asking `lang.t(id)`).
        let mut stack = vec![crate_dir.join("../../templates"), crate_dir.join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text
                        .split(".t(\"")
                        .skip(1)
                        .chain(text.split(".t_with(\"").skip(1))
                    {
                        asked.insert(part.split('"').next().unwrap().to_owned());
                    }
                }
            }
        }
        assert!(asked.len() > 10, "the templates ask for messages: {asked:?}");
        let missing: Vec<_> = asked
            .iter()
            .filter(|id| !message_ids(Lang::Nl).contains(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "asked for but not in the catalogue: {missing:?}"
        );
    }

    #[test]
    fn every_label_of_a_closed_list_is_in_both_catalogues_and_agrees_with_the_domain() {
        for (id, dutch) in samenspel_domain::keyed::all_labels() {
            assert_eq!(Lang::Nl.t(id), dutch, "{id}");
            assert!(message_ids(Lang::En).contains(id), "{id} has no English label");
        }
    }

    #[test]
    fn the_language_follows_the_choice_then_the_browser_then_dutch() {
        let cases = [
            (Some("en"), Some("nl"), Lang::En),
            (Some("nl"), Some("en"), Lang::Nl),
            (Some("fr"), Some("en-GB,en;q=0.9"), Lang::En),
            (None, Some("de-DE,de;q=0.9,en;q=0.8,nl;q=0.7"), Lang::En),
            (None, Some("nl-NL,en;q=0.5"), Lang::Nl),
            (None, Some("en;q=0.4,nl;q=0.6"), Lang::Nl),
            (None, Some("en;q=0"), Lang::Nl),
            (None, Some("fr, de"), Lang::Nl),
            (None, Some(";;;q=,,"), Lang::Nl),
            (None, None, Lang::Nl),
        ];
        for (choice, accept, expected) in cases {
            assert_eq!(Lang::negotiate(choice, accept), expected, "{choice:?} {accept:?}");
        }
    }

    #[test]
    fn variables_are_filled_in() {
        let text = Lang::En.t_with("language-switch-label", &[("language", "Nederlands")]);
        assert!(text.contains("Nederlands"), "{text}");
    }
}
