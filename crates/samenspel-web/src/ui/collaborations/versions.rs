//! A regeling's versions and the participants that left, as shown on its page.

use samenspel_app::regeling::{RegelingHistory, VersionView};

use super::show::period_between;
use crate::i18n::Lang;

/// A link to a published text of a version: its address and the site it is on.
pub struct DocumentLink {
    pub href: String,
    pub site: String,
}

pub struct VersionRow {
    pub number: usize,
    /// The version's id in the Register van Overheidsorganisaties.
    pub roo_id: String,
    pub name: String,
    pub form: String,
    pub period: String,
    pub participants: usize,
    /// What changed since the version before, one sentence each.
    pub changes: Vec<String>,
    pub documents: Vec<DocumentLink>,
}

pub struct FormerRow {
    pub code: String,
    pub name: String,
    pub joined: String,
    pub left: String,
}

pub struct RegelingView {
    pub versions: Vec<VersionRow>,
    pub former: Vec<FormerRow>,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

fn names(history: &RegelingHistory, codes: &[samenspel_domain::org::OrgCode]) -> String {
    codes
        .iter()
        .map(|c| history.name(c))
        .collect::<Vec<_>>()
        .join(", ")
}

fn change_lines(lang: Lang, history: &RegelingHistory, view: &VersionView) -> Vec<String> {
    let Some(change) = &view.change else {
        return vec![lang.t("collab-versions-first")];
    };
    let mut lines = Vec::new();
    if let Some(old) = &change.renamed_from {
        lines.push(lang.t_with("collab-versions-renamed", &[("name", old.as_str())]));
    }
    if let Some(old) = change.form_changed_from {
        let form = old.map_or_else(|| lang.t("collab-versions-no-form"), |f| lang.t(f.message_id()));
        lines.push(lang.t_with("collab-versions-form-was", &[("form", form.as_str())]));
    }
    if !change.joined.is_empty() {
        let who = names(history, &change.joined);
        lines.push(lang.t_with("collab-versions-joined", &[("names", who.as_str())]));
    }
    if !change.left.is_empty() {
        let who = names(history, &change.left);
        lines.push(lang.t_with("collab-versions-left", &[("names", who.as_str())]));
    }
    if lines.is_empty() {
        lines.push(lang.t("collab-versions-unchanged"));
    }
    lines
}

fn site(href: &str) -> String {
    href.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or(href)
        .to_owned()
}

/// The versions and former participants of a regeling; `None` for a collaboration without
/// versions (one not from the register).
pub fn regeling_view(lang: Lang, history: &RegelingHistory) -> Option<RegelingView> {
    if history.versions.is_empty() {
        return None;
    }
    let versions = history
        .versions
        .iter()
        .enumerate()
        .map(|(i, view)| {
            let v = &view.version;
            VersionRow {
                number: i + 1,
                roo_id: v.id.clone(),
                name: v.name.clone(),
                form: v.wgr_form.map(|f| lang.t(f.message_id())).unwrap_or_default(),
                period: period_between(lang, v.start_date, v.end_date),
                participants: v.participants.len(),
                changes: change_lines(lang, history, view),
                documents: v
                    .documents
                    .iter()
                    .map(|href| DocumentLink {
                        site: site(href),
                        href: href.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    let former = history
        .former_participants
        .iter()
        .map(|f| FormerRow {
            code: f.code.to_string(),
            name: history.name(&f.code),
            joined: date(f.joined_on),
            left: date(f.left_on),
        })
        .collect();
    Some(RegelingView { versions, former })
}

#[cfg(test)]
mod tests {
    use super::site;

    #[test]
    fn a_document_is_named_by_its_site() {
        assert_eq!(
            site("https://lokaleregelgeving.overheid.nl/CVDR617323/1"),
            "lokaleregelgeving.overheid.nl"
        );
        assert_eq!(site("not a link"), "not a link");
    }
}
