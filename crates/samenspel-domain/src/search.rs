//! Search across the site: what a query is, what each kind of item offers to be found by, how
//! results are ranked and how the matching words are marked.
//!
//! The database finds the candidates (SQLite FTS5, PostgreSQL text search with the Dutch
//! configuration) over the folded text this module writes; the ranking that decides which
//! item comes first is here, so it is the same on both databases and tested on its own.
//! Text is folded the same way on both sides ([`fold`]): lower case, accents dropped, split
//! into words of letters and digits, so "Den Haag", "den  haag" and "DEN-HAAG" are one query.

use crate::collaboration::CollaborationFields;
use crate::error::ValidationErrors;
use crate::keyed::keyed_enum;
use crate::org::Organisation;
use crate::text::search_key;

keyed_enum!(
    /// What a search result is.
    SearchKind, "kind", "soort resultaat" {
        Organisation => "organisatie", "Organisatie";
        Collaboration => "samenwerking", "Samenwerking";
        Wave => "golf", "Golf van de knelpuntenmonitor";
    }
);

/// The longest query taken, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words beyond this many are left out of the query.
pub const MAX_TERMS: usize = 8;
/// How many candidates the database hands over for ranking; a query that matches more is
/// told to be more specific.
pub const MAX_CANDIDATES: u32 = 500;

/// A parsed query: its words, folded, each at most once, in the order typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    text: String,
    terms: Vec<String>,
}

impl SearchQuery {
    /// Reads the `q` parameter: at least one word of letters or digits, at most
    /// [`MAX_QUERY_CHARS`] characters; words after the [`MAX_TERMS`]th are left out.
    pub fn parse(raw: &str) -> Result<Self, ValidationErrors> {
        let text = raw.trim();
        let count = text.chars().count();
        if count > MAX_QUERY_CHARS {
            return Err(ValidationErrors::single(
                "q",
                "too_long",
                crate::msg!(
                    "error-too-long-now",
                    "Gebruik ten hoogste {max} tekens (nu {count}).",
                    max = MAX_QUERY_CHARS,
                    count = count
                ),
            ));
        }
        let mut terms: Vec<String> = Vec::new();
        for word in words(text) {
            if !terms.contains(&word) && terms.len() < MAX_TERMS {
                terms.push(word);
            }
        }
        if terms.is_empty() {
            return Err(ValidationErrors::single(
                "q",
                "required",
                crate::msg!(
                    "error-search-required",
                    "Vul een of meer woorden in om te zoeken (letters of cijfers)."
                ),
            ));
        }
        Ok(Self {
            text: text.to_owned(),
            terms,
        })
    }

    /// The query as typed (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The folded words.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The folded query as one string, for comparing with a whole name.
    pub fn folded(&self) -> String {
        self.terms.join(" ")
    }
}

/// The words of a text, folded: lower case, accents dropped, split at everything that is not a
/// letter or a digit ("'s-Gravenhage" → `s`, `gravenhage`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    search_key(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Which of the titles found for `words` they name, when a form asks for one item by name:
/// the only one found, else the one whose whole title the words are (case and accents
/// ignored); `None` when there is no title or no way to choose.
pub fn the_one_named(words: &str, titles: &[&str]) -> Option<usize> {
    if let [_] = titles {
        return Some(0);
    }
    let wanted = fold(words);
    let mut exact = titles
        .iter()
        .enumerate()
        .filter(|(_, title)| fold(title) == wanted);
    match (exact.next(), exact.next()) {
        (Some((index, _)), None) => Some(index),
        _ => None,
    }
}

/// A text as the index stores it: its folded words separated by single spaces.
pub fn fold(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

/// Separates the names of an item in its folded `names` (see [`Document::names_key`]).
pub const NAME_SEPARATOR: &str = " | ";

/// What an item offers to be found by. `title` is what a result shows; `names` are other
/// names it is known by (codes with and without their prefix, abbreviations, former and
/// official names, policy areas), one per entry; `body` is the rest (task, partners).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub kind: SearchKind,
    /// The item's key in its own kind: an organisation code, a collaboration id, a wave key.
    pub key: String,
    /// The collaboration whose visibility the item follows (its own for a collaboration, its
    /// collaboration's for a wave); none for an item everyone may see.
    pub collaboration_id: Option<i64>,
    pub title: String,
    pub names: Vec<String>,
    pub body: Vec<String>,
}

impl Document {
    /// The title folded.
    pub fn title_key(&self) -> String {
        fold(&self.title)
    }

    /// Each name folded, joined by [`NAME_SEPARATOR`].
    pub fn names_key(&self) -> String {
        join_folded(&self.names)
    }

    /// The body folded.
    pub fn body_key(&self) -> String {
        join_folded(&self.body)
    }
}

fn join_folded(entries: &[String]) -> String {
    entries
        .iter()
        .map(|e| fold(e))
        .filter(|e| !e.is_empty())
        .collect::<Vec<_>>()
        .join(NAME_SEPARATOR)
}

/// An organisation is found by its name, its other names, its abbreviation, its type and its
/// code with and without the letters (`GM0344` and `0344`).
pub fn organisation_document(org: &Organisation) -> Document {
    let code = org.code.as_str();
    let mut names = vec![code.to_owned()];
    let digits = code.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits != code {
        names.push(digits.to_owned());
    }
    names.extend(org.abbreviation.iter().cloned());
    names.extend(org.other_names.iter().cloned());
    Document {
        kind: SearchKind::Organisation,
        key: code.to_owned(),
        collaboration_id: None,
        title: org.display_name(),
        names,
        body: vec![org.org_type.label_nl().to_owned()],
    }
}

/// A partner of a collaboration, as its search document names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerName {
    pub code: String,
    pub name: String,
    pub abbreviation: Option<String>,
}

/// A collaboration is found by its name, its policy areas and type, its task, public value
/// and region, and its partners' names, abbreviations and codes.
pub fn collaboration_document(id: i64, fields: &CollaborationFields, partners: &[PartnerName]) -> Document {
    let mut names = fields.policy_areas.clone();
    names.push(fields.kind.label_nl().to_owned());
    let mut body: Vec<String> = [&fields.task, &fields.public_value, &fields.region]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    for partner in partners {
        body.push(partner.name.clone());
        body.extend(partner.abbreviation.iter().cloned());
        body.push(partner.code.clone());
    }
    Document {
        kind: SearchKind::Collaboration,
        key: id.to_string(),
        collaboration_id: Some(id),
        title: fields.name.clone(),
        names,
        body,
    }
}

/// A wave of the knelpuntenmonitor is found by its title, its key and its collaboration.
pub fn wave_document(key: &str, title: &str, collaboration: Option<(i64, &str)>) -> Document {
    Document {
        kind: SearchKind::Wave,
        key: key.to_owned(),
        collaboration_id: collaboration.map(|(id, _)| id),
        title: title.to_owned(),
        names: vec![key.to_owned()],
        body: collaboration
            .map(|(_, name)| name.to_owned())
            .into_iter()
            .collect(),
    }
}

/// How well an item matches, from its folded title, names and body: each word of the query
/// counts for the best place it is found (a whole word beats the start of a word; the title
/// and the names beat the body), and a query that is the whole title or one whole name comes
/// before everything that only contains its words.
pub fn score(query: &SearchQuery, title_key: &str, names_key: &str, body_key: &str) -> u32 {
    const TITLE: u32 = 6;
    const NAMES: u32 = 5;
    const BODY: u32 = 1;
    const WHOLE: u32 = 1_000;
    let fields = [(title_key, TITLE), (names_key, NAMES), (body_key, BODY)];
    let words_score: u32 = query
        .terms()
        .iter()
        .map(|term| {
            fields
                .iter()
                .map(|(text, weight)| weight * strength(term, text))
                .max()
                .unwrap_or(0)
        })
        .sum();
    let folded = query.folded();
    let whole = title_key == folded || names_key.split(NAME_SEPARATOR).any(|name| name == folded);
    words_score + if whole { WHOLE } else { 0 }
}

/// 2 when the term is a whole word of the text, 1 when a word starts with it, else 0.
fn strength(term: &str, text: &str) -> u32 {
    text.split(|c: char| !c.is_alphanumeric())
        .map(|word| {
            if word == term {
                2
            } else if word.starts_with(term) {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// A piece of text, marked when it is a word the query matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Fragment {
    pub text: String,
    pub marked: bool,
}

/// Splits a text into pieces, marking each word that a query word matches (the whole word,
/// also when only its start was typed). The pieces joined give the text back unchanged.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Fragment> {
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut push = |piece: &str, marked: bool| match fragments.last_mut() {
        Some(last) if last.marked == marked => last.text.push_str(piece),
        _ => fragments.push(Fragment {
            text: piece.to_owned(),
            marked,
        }),
    };
    let mut start = 0;
    let mut in_word = false;
    for (index, c) in text.char_indices() {
        if c.is_alphanumeric() != in_word {
            if index > start {
                push(
                    &text[start..index],
                    in_word && word_matches(&text[start..index], terms),
                );
            }
            start = index;
            in_word = !in_word;
        }
    }
    if text.len() > start {
        push(&text[start..], in_word && word_matches(&text[start..], terms));
    }
    fragments
}

fn word_matches(word: &str, terms: &[String]) -> bool {
    let folded = search_key(word);
    terms.iter().any(|term| folded.starts_with(term.as_str()))
}

/// The entry of `entries` that best shows why an item matched (the one matching most query
/// words), shortened to about `max_chars` around its first match; none when no entry matches.
pub fn snippet(entries: &[String], terms: &[String], max_chars: usize) -> Option<String> {
    let matches = |entry: &String| {
        words(entry)
            .filter(|w| terms.iter().any(|t| w.starts_with(t.as_str())))
            .count()
    };
    let best = entries
        .iter()
        .map(|e| (matches(e), e))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)?
        .1;
    let chars: Vec<char> = best.chars().collect();
    if chars.len() <= max_chars {
        return Some(best.clone());
    }
    let first = highlight(best, terms)
        .iter()
        .take_while(|f| !f.marked)
        .map(|f| f.text.chars().count())
        .sum::<usize>();
    let from = first.saturating_sub(max_chars / 3).min(chars.len() - max_chars);
    let to = from + max_chars;
    let mut text: String = chars[from..to].iter().collect();
    if from > 0 {
        text = format!("…{}", text.trim_start());
    }
    if to < chars.len() {
        text = format!("{}…", text.trim_end());
    }
    Some(text)
}

#[cfg(test)]
mod tests;
