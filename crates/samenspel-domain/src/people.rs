//! Who may see the person behind a change (issue 12). Anonymous visitors and signed-in users
//! outside the collaboration see the organisation on whose behalf a change was made, never the
//! person; members of the collaboration's partner organisations see the person's name; only a
//! beheerder sees the account (the e-mail address) as well. The rules are rows of [`SHOWN`],
//! tested row by row.

use serde_json::Value;

use crate::messages::Message;
use crate::msg;

/// Who is looking, relative to the collaboration whose records are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Anonymous, or signed in without a membership of any partner organisation.
    Public,
    /// A member (any role) of one of the collaboration's partner organisations.
    Member,
    /// A platform administrator (or the system itself).
    Beheerder,
}

/// What of a person an audience sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// "namens Provincie Utrecht".
    Organisation,
    /// "Ana de Vries, namens Provincie Utrecht".
    Name,
    /// "Ana de Vries (ana@utrecht.nl), namens Provincie Utrecht".
    NameAndAccount,
}

/// The rule: audience → what it sees of a person.
pub const SHOWN: [(Audience, Shown); 3] = [
    (Audience::Public, Shown::Organisation),
    (Audience::Member, Shown::Name),
    (Audience::Beheerder, Shown::NameAndAccount),
];

impl Audience {
    pub fn sees(self) -> Shown {
        SHOWN
            .iter()
            .find(|(audience, _)| *audience == self)
            .map_or(Shown::Organisation, |(_, shown)| *shown)
    }
}

/// A person as recorded with a change: the stored account (an e-mail address, or the name of a
/// system actor such as "import"), the person's name when the account is known, and the
/// organisation's name on whose behalf the change was made when it is known.
#[derive(Debug, Clone, Copy)]
pub struct Author<'a> {
    pub account: &'a str,
    pub name: Option<&'a str>,
    pub organisation: Option<&'a str>,
}

/// The author as `audience` may see it. A change without a known organisation is shown to the
/// public as made "namens Samenspel" (the platform's own processes: imports, demonstrations).
pub fn shown(audience: Audience, author: &Author) -> Message {
    let organisation = author.organisation.unwrap_or("Samenspel");
    let on_behalf = || {
        msg!(
            "person-organisation",
            "namens {organisation}",
            organisation = organisation
        )
    };
    match audience.sees() {
        Shown::Organisation => on_behalf(),
        Shown::Name => match author.name {
            Some(name) => msg!(
                "person-name",
                "{name}, namens {organisation}",
                name = name,
                organisation = organisation
            ),
            None => on_behalf(),
        },
        Shown::NameAndAccount => msg!(
            "person-name-account",
            "{name} ({account}), namens {organisation}",
            name = author.name.unwrap_or(author.account),
            account = author.account,
            organisation = organisation
        ),
    }
}

/// The fields of stored records and audit payloads that hold a person's account.
pub const PERSON_FIELDS: [&str; 3] = ["stated_by", "recorded_by", "updated_by"];

/// Replaces every person field in `value` (at any depth) by what `shown` makes of it, so an
/// audit payload says no more about people than the page it is shown on.
pub fn redact_people(value: &mut Value, shown: &impl Fn(&str) -> String) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                match field {
                    Value::String(account) if PERSON_FIELDS.contains(&key.as_str()) => {
                        *account = shown(account);
                    }
                    other => redact_people(other, shown),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact_people(item, shown)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ANA: Author = Author {
        account: "ana@utrecht.nl",
        name: Some("Ana de Vries"),
        organisation: Some("Provincie Utrecht"),
    };

    #[test]
    fn each_audience_sees_its_row() {
        let expected = [
            (Audience::Public, "namens Provincie Utrecht"),
            (Audience::Member, "Ana de Vries, namens Provincie Utrecht"),
            (
                Audience::Beheerder,
                "Ana de Vries (ana@utrecht.nl), namens Provincie Utrecht",
            ),
        ];
        for (audience, text) in expected {
            assert_eq!(shown(audience, &ANA).dutch(), text, "{audience:?}");
        }
        assert_eq!(SHOWN.len(), expected.len(), "every audience has a row");
    }

    #[test]
    fn the_public_never_sees_an_account_or_a_name() {
        for author in [
            ANA,
            Author {
                account: "bob@example.nl",
                name: None,
                organisation: None,
            },
        ] {
            let text = shown(Audience::Public, &author).to_string();
            assert!(!text.contains('@') && !text.contains("Ana"), "{text}");
        }
    }

    #[test]
    fn unknown_people_and_system_actors() {
        let import = Author {
            account: "import",
            name: None,
            organisation: None,
        };
        assert_eq!(shown(Audience::Public, &import).dutch(), "namens Samenspel");
        assert_eq!(shown(Audience::Member, &import).dutch(), "namens Samenspel");
        assert_eq!(
            shown(Audience::Beheerder, &import).dutch(),
            "import (import), namens Samenspel"
        );
    }

    #[test]
    fn payloads_lose_their_accounts_at_every_depth() {
        let mut payload = json!({
            "recorded_by": "ana@utrecht.nl",
            "partner": "GM0344",
            "history": [{"stated_by": "bob@example.nl", "score": 3}],
            "statement": {"updated_by": "cas@example.nl", "fte": 2}
        });
        redact_people(&mut payload, &|_| "namens Provincie Utrecht".to_owned());
        let text = payload.to_string();
        assert!(!text.contains('@'), "{text}");
        assert_eq!(payload["partner"], "GM0344");
        assert_eq!(payload["history"][0]["score"], 3);
    }
}
