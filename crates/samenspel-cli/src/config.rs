//! The configuration file (issue 16, item 1): the same settings as the command line and the
//! environment, in TOML, for an installation that is started by a service manager. Which value
//! counts: the command line, then the environment variable, then the file, then the built-in
//! default. The file is named by `--config FILE` or `SAMENSPEL_CONFIG`; a key the program does
//! not know, or a value of the wrong kind, is refused with its name and nothing runs.
//! `samenspel config default` prints a commented example with every key.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};

/// What kind of value a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Switch,
}

/// One setting: its key in the file, the command-line argument it fills (and the subcommand
/// that has it), its environment variable, and what it means.
struct Setting {
    key: &'static str,
    arg: &'static str,
    subcommand: Option<&'static str>,
    env: &'static str,
    kind: Kind,
    example: &'static str,
    help: &'static str,
}

const SETTINGS: &[Setting] = &[
    Setting {
        key: "database",
        arg: "database",
        subcommand: None,
        env: "SAMENSPEL_DATABASE_URL",
        kind: Kind::Text,
        example: "\"sqlite://samenspel.db\"",
        help: "De database: sqlite://bestand.db of postgres://gebruiker@host/database.",
    },
    Setting {
        key: "bind",
        arg: "bind",
        subcommand: Some("serve"),
        env: "SAMENSPEL_BIND",
        kind: Kind::Text,
        example: "\"127.0.0.1:8080\"",
        help: "Het adres en de poort waarop de server luistert.",
    },
    Setting {
        key: "secure_cookies",
        arg: "secure_cookies",
        subcommand: Some("serve"),
        env: "SAMENSPEL_SECURE_COOKIES",
        kind: Kind::Switch,
        example: "false",
        help: "Cookies alleen over https (zet op true zodra de site via https bereikbaar is).",
    },
    Setting {
        key: "behind_proxy",
        arg: "behind_proxy",
        subcommand: Some("serve"),
        env: "SAMENSPEL_BEHIND_PROXY",
        kind: Kind::Switch,
        example: "false",
        help: "De server staat achter een reverse proxy die X-Forwarded-For zet.",
    },
    Setting {
        key: "operator",
        arg: "operator",
        subcommand: Some("serve"),
        env: "SAMENSPEL_OPERATOR",
        kind: Kind::Text,
        example: "\"Gemeente Voorbeeld\"",
        help: "De organisatie die deze installatie beheert (op de privacy-, toegankelijkheids- en contactpagina).",
    },
    Setting {
        key: "contact",
        arg: "contact",
        subcommand: Some("serve"),
        env: "SAMENSPEL_CONTACT",
        kind: Kind::Text,
        example: "\"samenspel@voorbeeld.nl\"",
        help: "Hoe bezoekers die organisatie bereiken (e-mail- of webadres), op /contact.",
    },
    Setting {
        key: "metrics_public",
        arg: "metrics_public",
        subcommand: Some("serve"),
        env: "SAMENSPEL_METRICS_PUBLIC",
        kind: Kind::Switch,
        example: "false",
        help: "Iedereen mag /metrics lezen (voor een scraper op een afgeschermd netwerk); anders alleen beheerders.",
    },
];

/// The values a file sets: (argument, subcommand, value as the command line would give it).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FileValues(Vec<(&'static str, Option<&'static str>, String)>);

/// Reads the configuration file's text; every problem names the file and the key.
pub fn parse(file: &Path, text: &str) -> Result<FileValues, String> {
    let name = file.display();
    let document: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| format!("{name}: geen geldige TOML: {}", e.message()))?;
    let mut values = FileValues::default();
    let mut problems = Vec::new();
    for (key, item) in document.iter() {
        let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else {
            let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
            problems.push(format!(
                "{name}: onbekende sleutel '{key}' (bekend: {})",
                known.join(", ")
            ));
            continue;
        };
        let value = match (setting.kind, item) {
            (Kind::Text, Item::Value(Value::String(s))) => Some(s.value().clone()),
            (Kind::Switch, Item::Value(Value::Boolean(b))) => Some(b.value().to_string()),
            _ => None,
        };
        match value {
            Some(value) => values.0.push((setting.arg, setting.subcommand, value)),
            None => problems.push(format!(
                "{name}: '{key}' moet {} zijn",
                match setting.kind {
                    Kind::Text => "tekst tussen aanhalingstekens",
                    Kind::Switch => "true of false",
                }
            )),
        }
    }
    if problems.is_empty() {
        Ok(values)
    } else {
        Err(problems.join("\n"))
    }
}

/// The file named by `--config FILE` (or `--config=FILE`) among `args`, else by
/// `SAMENSPEL_CONFIG`.
pub fn named_file(args: &[String]) -> Option<PathBuf> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--config" {
            return iter.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--config=") {
            return Some(PathBuf::from(path));
        }
    }
    std::env::var_os("SAMENSPEL_CONFIG").map(PathBuf::from)
}

/// Reads the named file, if any.
pub fn load(args: &[String]) -> Result<FileValues, String> {
    let Some(path) = named_file(args) else {
        return Ok(FileValues::default());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&path, &text)
}

/// The command line with the file's values as the defaults of their arguments, so the command
/// line and the environment still win.
pub fn apply(mut command: clap::Command, values: &FileValues) -> clap::Command {
    for (arg, subcommand, value) in &values.0 {
        // Read once at start-up for the life of the process; clap keeps defaults as `&'static`.
        let value: &'static str = Box::leak(value.clone().into_boxed_str());
        command = match subcommand {
            None => command.mut_arg(*arg, |a| a.default_value(value)),
            Some(sub) => command.mut_subcommand(*sub, |s| s.mut_arg(*arg, |a| a.default_value(value))),
        };
    }
    command
}

/// A commented example with every key, its meaning and its environment variable.
pub fn default_file() -> String {
    let mut out = String::from(
        "# Samenspel-configuratie (TOML). Gebruik: samenspel --config samenspel.toml serve\n\
         # of SAMENSPEL_CONFIG=samenspel.toml. De opdrachtregel en de omgevingsvariabelen gaan\n\
         # voor; een onbekende sleutel wordt geweigerd. Haal het # weg om een waarde te zetten.\n",
    );
    for s in SETTINGS {
        out.push_str(&format!(
            "\n# {} (omgevingsvariabele {})\n# {} = {}\n",
            s.help, s.env, s.key, s.example
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Result<FileValues, String> {
        parse(Path::new("samenspel.toml"), text)
    }

    #[test]
    fn the_default_file_sets_nothing_and_each_example_is_accepted() {
        assert_eq!(values(&default_file()), Ok(FileValues::default()));
        let uncommented: String = default_file()
            .lines()
            .filter_map(|l| l.strip_prefix("# ").filter(|l| l.contains(" = ")))
            .map(|l| format!("{l}\n"))
            .collect();
        let set = values(&uncommented).unwrap();
        assert_eq!(set.0.len(), SETTINGS.len(), "{uncommented}");
    }

    #[test]
    fn an_unknown_key_and_a_wrong_kind_are_named() {
        let refused = values("databse = \"sqlite://x.db\"\nsecure_cookies = \"ja\"\n").unwrap_err();
        assert!(refused.contains("onbekende sleutel 'databse'"), "{refused}");
        assert!(
            refused.contains("'secure_cookies' moet true of false zijn"),
            "{refused}"
        );
        assert!(values("bind = 8080").unwrap_err().contains("'bind' moet tekst"));
        assert!(
            values("[serve]\nbind = \"x\"")
                .unwrap_err()
                .contains("onbekende sleutel 'serve'")
        );
        assert!(values("bind = ").unwrap_err().contains("geen geldige TOML"));
    }

    #[test]
    fn the_file_is_named_by_the_flag() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            named_file(&args(&["samenspel", "--config", "a.toml", "serve"])),
            Some("a.toml".into())
        );
        assert_eq!(
            named_file(&args(&["samenspel", "--config=b.toml"])),
            Some("b.toml".into())
        );
    }
}
