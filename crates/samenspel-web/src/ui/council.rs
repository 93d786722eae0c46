//! Which bodies of each participant take part in a gemeenschappelijke regeling, and what the
//! council of each municipal participant can do there, in the reader's language: for the
//! partners table and the section "Wat de raad zelf kan doen" of a regeling's page, and the
//! overview per organisation.

use samenspel_app::council::CouncilGroup;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgType;
use samenspel_domain::wgr::{Bestuursorgaan, CouncilPosition, Verification};
use samenspel_store::{Collaboration, PartnerInfo};

use crate::i18n::Lang;

/// The bodies in the reader's language, joined by commas; `None` when none are recorded.
pub fn organs_label(lang: Lang, organs: &[Bestuursorgaan]) -> Option<String> {
    (!organs.is_empty()).then(|| {
        organs
            .iter()
            .map(|o| lang.t(o.message_id()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// The anchor of a position's group on the regeling's page.
pub fn anchor(position: CouncilPosition) -> String {
    format!("raad-{}", position.key())
}

/// A municipal partner's council position as a link to its group: (anchor, label).
pub fn partner_position(lang: Lang, c: &Collaboration, partner: &PartnerInfo) -> Option<(String, String)> {
    (c.fields.kind == CollaborationKind::GemeenschappelijkeRegeling && partner.org_type == OrgType::Gemeente)
        .then(|| {
            let position = samenspel_domain::wgr::council_position(&partner.organs);
            (anchor(position), lang.t(position.message_id()))
        })
}

pub struct PowerRow {
    pub text: String,
    pub source: String,
    pub law_url: String,
    pub our_reading: bool,
}

pub struct CouncilGroupView {
    pub anchor: String,
    pub position: String,
    /// "Gemeenten: A, B, C".
    pub municipalities: String,
    pub powers: Vec<PowerRow>,
    pub caption: String,
}

/// The groups of municipal partners by their council's position, with what such a council can do.
pub fn groups(lang: Lang, c: &Collaboration, groups: &[CouncilGroup]) -> Vec<CouncilGroupView> {
    groups
        .iter()
        .map(|g| {
            let position = lang.t(g.view.position.message_id());
            let names: Vec<&str> = g
                .municipalities
                .iter()
                .filter_map(|code| c.partners.iter().find(|p| &p.code == code))
                .map(|p| p.name.as_str())
                .collect();
            CouncilGroupView {
                anchor: anchor(g.view.position),
                municipalities: lang.t_with(
                    "council-municipalities",
                    &[("count", &names.len().to_string()), ("names", &names.join(", "))],
                ),
                caption: lang.t_with("council-caption", &[("position", position.as_str())]),
                position,
                powers: g
                    .view
                    .powers
                    .iter()
                    .map(|p| PowerRow {
                        text: lang.msg(&p.text),
                        source: lang.msg(&p.source),
                        law_url: p.law_url.clone(),
                        our_reading: p.verification == Verification::OnzeLezing,
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_show_in_the_reader_s_language_without_pipes() {
        let organs = [Bestuursorgaan::College, Bestuursorgaan::Burgemeester];
        assert_eq!(
            organs_label(Lang::Nl, &organs).as_deref(),
            Some("College van burgemeester en wethouders, Burgemeester")
        );
        let en = organs_label(Lang::En, &organs).unwrap();
        assert!(!en.contains('|') && en.starts_with("Municipal executive"), "{en}");
        assert_eq!(organs_label(Lang::En, &[]), None);
    }
}
