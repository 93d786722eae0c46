//! Form values and errors for re-showing a form after a refusal.

use std::collections::HashMap;

use samenspel_domain::{Message, ValidationErrors};

/// The submitted values (as strings, as they were typed) and the errors per field.
#[derive(Default)]
pub struct FormState {
    values: HashMap<String, String>,
    /// Every submitted pair, for fields sent more than once (a group of checkboxes).
    chosen: Vec<(String, String)>,
    pub errors: ValidationErrors,
}

impl FormState {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut values = HashMap::new();
        for (k, v) in pairs {
            values.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Self {
            values,
            chosen: pairs.to_vec(),
            errors: ValidationErrors::new(),
        }
    }

    /// The form as submitted, with the messages of its refusal.
    pub fn refused(pairs: &[(String, String)], errors: ValidationErrors) -> Self {
        Self::from_pairs(pairs).with_errors(errors)
    }

    pub fn with_errors(mut self, errors: ValidationErrors) -> Self {
        self.errors = errors;
        self
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_owned(), value.into());
    }

    /// Ticks the checkbox `value` of the group `name`.
    pub fn check(&mut self, name: &str, value: impl Into<String>) {
        self.chosen.push((name.to_owned(), value.into()));
    }

    /// The pairs a browser would send for this form as filled (tests).
    #[cfg(test)]
    pub fn as_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> =
            self.values.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        pairs.sort();
        pairs.extend(self.chosen.iter().cloned());
        pairs
    }

    /// Whether the checkbox `value` of the group `name` is ticked.
    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.chosen.iter().any(|(k, v)| k == name && v == value)
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn error(&self, name: &str) -> Option<&Message> {
        self.errors.for_field(name)
    }

    /// The first error for `name` or for one of its items (`phases` covers `phases[2]`).
    pub fn error_any(&self, name: &str) -> Option<&Message> {
        let prefix = format!("{name}[");
        self.errors
            .errors
            .iter()
            .find(|e| e.field == name || e.field.starts_with(&prefix))
            .map(|e| &e.message)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The id of the input for a field name (`partners[0].code` → `f-partners-0-code`).
    pub fn id(&self, name: &str) -> String {
        field_id(name)
    }

    pub fn selected(&self, name: &str, option: &str) -> bool {
        self.value(name) == option
    }
}

pub fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// Every value of `name` from form pairs (a group of checkboxes), in the order sent.
pub fn get_all(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The version a posted change says it was based on (`version`); missing or not a number:
/// -1, a version no record is at, so the change is refused as stale.
pub fn posted_version(pairs: &[(String, String)]) -> i64 {
    get(pairs, "version").parse::<i64>().unwrap_or(-1)
}

/// Takes the value of `name` from form pairs.
pub fn get<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Where the form that records a new item, or changes one, belongs: the page's title, the
/// address it posts to, where Cancel leads, and the version a change is based on.
pub struct FormTarget {
    pub title: String,
    pub action: String,
    pub cancel: String,
    pub version: Option<i64>,
}

impl FormTarget {
    /// The form for a new item of the list at `list`: it posts to `{list}/nieuw`, Cancel
    /// leads back to the list.
    pub fn new_item(title: String, list: &str) -> Self {
        Self {
            title,
            action: format!("{list}/nieuw"),
            cancel: list.to_owned(),
            version: None,
        }
    }

    /// The form that changes the item shown at `page`, at `version`: it posts to
    /// `{page}/bewerken`, Cancel leads back to the item.
    pub fn edit(title: String, page: String, version: i64) -> Self {
        Self {
            title,
            action: format!("{page}/bewerken"),
            cancel: page,
            version: Some(version),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_for_html() {
        assert_eq!(field_id("partners[0].code"), "f-partners-0-code");
        assert_eq!(
            field_id("scores.verplicht-karakter"),
            "f-scores-verplicht-karakter"
        );
    }
}
