//! Search across the site: the store finds the items that contain every word and that the
//! visitor may see; they are ranked here by `samenspel_domain::search::score` (the same on
//! both databases), paged, and their matching words marked.

use samenspel_domain::search::{self, Fragment, MAX_CANDIDATES, SearchKind, SearchQuery};
use samenspel_store::{Page, SearchCandidate};

use crate::{App, AppResult, Principal};

/// One result: what it is, its key, its title with the matching words marked, and the entry
/// of its other text that shows best why it matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    pub kind: SearchKind,
    /// An organisation's code, a collaboration's id, a wave's key.
    pub key: String,
    /// The title as plain text.
    pub title: String,
    /// The title in pieces, the matching words marked.
    pub title_marked: Vec<Fragment>,
    /// Why it matched, when that is not the title alone (shortened, words marked).
    pub context: Option<Vec<Fragment>>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    pub query: SearchQuery,
    pub hits: Vec<SearchHit>,
    /// All results (at most [`MAX_CANDIDATES`]).
    pub total: u64,
    /// More items matched than are ranked: the visitor should add a word.
    pub capped: bool,
}

/// The longest context shown, in characters.
const CONTEXT_CHARS: usize = 160;

impl App {
    /// The page `page` of the results for `raw` (the `q` parameter) that `who` may see, best
    /// first. A query without a word is refused on `q`.
    pub async fn search(&self, raw: &str, who: &Principal, page: Page) -> AppResult<SearchResults> {
        let query = SearchQuery::parse(raw)?;
        let visibility = crate::collaborations::visibility(who);
        let candidates = self.store.search(&query, &visibility, MAX_CANDIDATES).await?;
        let capped = candidates.len() >= MAX_CANDIDATES as usize;
        let ranked = rank(&query, candidates);
        let total = ranked.len() as u64;
        let hits = ranked
            .into_iter()
            .skip(page.offset as usize)
            .take(page.limit as usize)
            .map(|c| hit(&query, c))
            .collect();
        Ok(SearchResults {
            query,
            hits,
            total,
            capped,
        })
    }
}

/// Best first: by score, then organisations before collaborations before waves, then the
/// database's own order.
fn rank(query: &SearchQuery, candidates: Vec<SearchCandidate>) -> Vec<SearchCandidate> {
    let mut scored: Vec<(u32, usize, SearchCandidate)> = candidates
        .into_iter()
        .enumerate()
        .map(|(position, c)| {
            (
                search::score(query, &c.title_key, &c.names_key, &c.body_key),
                position,
                c,
            )
        })
        .collect();
    scored.sort_by_key(|(score, position, c)| {
        let kind_order = SearchKind::ALL.iter().position(|k| *k == c.kind);
        (std::cmp::Reverse(*score), kind_order, *position)
    });
    scored.into_iter().map(|(_, _, c)| c).collect()
}

fn hit(query: &SearchQuery, candidate: SearchCandidate) -> SearchHit {
    let terms = query.terms();
    let title_marked = search::highlight(&candidate.title, terms);
    let title_matches_all = terms
        .iter()
        .all(|t| search::words(&candidate.title).any(|w| w.starts_with(t.as_str())));
    let context = (!title_matches_all)
        .then(|| {
            let entries: Vec<String> = candidate.names.into_iter().chain(candidate.body).collect();
            search::snippet(&entries, terms, CONTEXT_CHARS)
        })
        .flatten()
        .map(|text| search::highlight(&text, terms));
    SearchHit {
        kind: candidate.kind,
        key: candidate.key,
        title: candidate.title,
        title_marked,
        context,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(kind: SearchKind, key: &str, title: &str, names: &[&str], body: &[&str]) -> SearchCandidate {
        let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        let body: Vec<String> = body.iter().map(|s| (*s).to_owned()).collect();
        let doc = search::Document {
            kind,
            key: key.to_owned(),
            collaboration_id: None,
            title: title.to_owned(),
            names: names.clone(),
            body: body.clone(),
        };
        SearchCandidate {
            kind,
            key: key.to_owned(),
            title: title.to_owned(),
            title_key: doc.title_key(),
            names_key: doc.names_key(),
            body_key: doc.body_key(),
            names,
            body,
        }
    }

    #[test]
    fn the_best_match_comes_first_whatever_the_database_order() {
        let query = SearchQuery::parse("Den Haag").unwrap();
        let ranked = rank(
            &query,
            vec![
                candidate(
                    SearchKind::Collaboration,
                    "9",
                    "GR Haaglanden",
                    &[],
                    &["'s-Gravenhage", "GM0518", "Den Helder"],
                ),
                candidate(
                    SearchKind::Organisation,
                    "GM0400",
                    "Den Helder",
                    &["GM0400", "0400"],
                    &["Gemeente"],
                ),
                candidate(
                    SearchKind::Organisation,
                    "GM0518",
                    "'s-Gravenhage",
                    &["GM0518", "0518", "Den Haag"],
                    &["Gemeente"],
                ),
            ],
        );
        let keys: Vec<&str> = ranked.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys[0], "GM0518");
    }

    #[test]
    fn a_hit_shows_why_it_matched_when_the_title_does_not() {
        let query = SearchQuery::parse("den haag").unwrap();
        let hit = hit(
            &query,
            candidate(
                SearchKind::Organisation,
                "GM0518",
                "'s-Gravenhage",
                &["GM0518", "0518", "Den Haag"],
                &[],
            ),
        );
        let context = hit.context.unwrap();
        assert!(
            context.iter().any(|f| f.marked && f.text == "Haag"),
            "{context:?}"
        );
        let query = SearchQuery::parse("gravenhage").unwrap();
        let hit = super::hit(
            &query,
            candidate(
                SearchKind::Organisation,
                "GM0518",
                "'s-Gravenhage",
                &["Den Haag"],
                &[],
            ),
        );
        assert_eq!(hit.context, None);
        assert!(
            hit.title_marked
                .iter()
                .any(|f| f.marked && f.text == "Gravenhage")
        );
    }
}
