//! Reactions for the demonstration dossier that went through its consultation (issue 14,
//! item 7): a few published reactions of each kind, each author marked "(demonstratie)", filed
//! under themes, with the ministry's response per theme, so its consultation report has
//! content. Its term has passed, so they go straight to the store (no period check, no limit
//! per address), as the demonstration loader alone may.

use chrono::{Duration, TimeZone, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::udo::consultation::moderation::ModerationStatus;
use samenspel_domain::udo::consultation::reaction::ReactionInput;
use samenspel_domain::udo::consultation::report::ThemeResponseInput;
use samenspel_store::NewUdoReaction;

use crate::{App, AppError, AppResult};

/// The dossier these reactions belong to.
pub const DEMO_DOSSIER: &str = "udo-wet-regionale-zorgtoegang";

/// (kind, author, place, objects, text, theme)
const REACTIONS: [(&str, &str, &str, bool, &str, &str); 5] = [
    (
        "koepel",
        "VNG (demonstratie)",
        "Den Haag",
        false,
        "Gemeenten kunnen de regionale toegang inrichten als de structurele kosten volledig worden vergoed.",
        "Financiën",
    ),
    (
        "medeoverheid",
        "Gemeente Voorbeeldstad (demonstratie)",
        "Voorbeeldstad",
        false,
        "De invoeringstermijn van een jaar is te kort voor de aanbesteding van de toegang.",
        "Invoeringstermijn",
    ),
    (
        "publiek",
        "J. de Vries (demonstratie)",
        "Utrecht",
        false,
        "Eén loket per regio maakt het voor ouders eenvoudiger; let op de bereikbaarheid in landelijke gebieden.",
        "Toegankelijkheid",
    ),
    (
        "publiek",
        "Anoniem (demonstratie)",
        "Zwolle",
        true,
        "Ik maak mij zorgen over de reistijd naar de regionale toegang.",
        "Toegankelijkheid",
    ),
    (
        "medeoverheid",
        "Provincie Voorbeeldland (demonstratie)",
        "Voorbeeldland",
        false,
        "Het interbestuurlijk toezicht vraagt extra capaciteit; die staat niet in de raming.",
        "Financiën",
    ),
];

/// (theme, nature, action, explanation)
const RESPONSES: [(&str, &str, &str, &str); 3] = [
    (
        "Financiën",
        "Koepel en provincie vragen volledige vergoeding van de structurele kosten en het toezicht.",
        "deels-overgenomen",
        "De structurele kosten gaan via de algemene uitkering mee; het toezicht is aan de raming toegevoegd.",
    ),
    (
        "Invoeringstermijn",
        "Een gemeente acht een jaar te kort.",
        "overgenomen",
        "De inwerkingtreding is een kwartaal later gezet.",
    ),
    (
        "Toegankelijkheid",
        "Inwoners vragen aandacht voor bereikbaarheid en reistijd.",
        "verduidelijkt",
        "De toelichting beschrijft dat de toegang ook op afstand en met spreekuren in de kernen werkt.",
    ),
];

impl App {
    /// Adds the demonstration reactions and responses to the dossier `id` (just opened).
    pub(crate) async fn load_demo_udo_reactions(&self, key: &str, id: i64) -> AppResult<()> {
        if key != DEMO_DOSSIER {
            return Ok(());
        }
        let actor = Actor::system("demo");
        // Received during the consultation (1 April – 31 May 2026), a few days apart.
        let first = Utc
            .with_ymd_and_hms(2026, 4, 8, 10, 0, 0)
            .single()
            .ok_or_else(|| AppError::internal("demonstration date"))?;
        for (day, (kind, name, place, objects, text, theme)) in (0..).zip(REACTIONS) {
            let mut reaction = ReactionInput {
                kind: kind.to_owned(),
                author_name: name.to_owned(),
                place: place.to_owned(),
                objects_to_publication: objects,
                text: text.to_owned(),
                theme: theme.to_owned(),
                website: String::new(),
            }
            .parse()
            .map_err(AppError::internal)?;
            reaction.theme = Some(theme.to_owned());
            let new = NewUdoReaction {
                dossier_id: id,
                reaction: &reaction,
                status: ModerationStatus::Gepubliceerd,
                address_hash: "demonstratie",
                at: first + Duration::days(3 * day),
                limit_since: None,
            };
            self.store.add_udo_reaction(&new, &actor).await?;
        }
        for (theme, nature, action, explanation) in RESPONSES {
            let response = ThemeResponseInput {
                theme: theme.to_owned(),
                nature: nature.to_owned(),
                action: action.to_owned(),
                explanation: explanation.to_owned(),
            }
            .parse()
            .map_err(AppError::internal)?;
            self.store
                .record_udo_theme_response(id, &response, &actor)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use samenspel_domain::udo::consultation::report::report;

    use super::*;

    #[test]
    fn every_demonstration_reaction_is_valid_labelled_and_its_theme_answered() {
        let reactions: Vec<_> = REACTIONS
            .iter()
            .map(|(kind, name, place, objects, text, theme)| {
                assert!(name.ends_with("(demonstratie)"), "{name}");
                ReactionInput {
                    kind: (*kind).to_owned(),
                    author_name: (*name).to_owned(),
                    place: (*place).to_owned(),
                    objects_to_publication: *objects,
                    text: (*text).to_owned(),
                    theme: (*theme).to_owned(),
                    website: String::new(),
                }
                .parse()
                .unwrap()
            })
            .collect();
        let responses: Vec<_> = RESPONSES
            .iter()
            .map(|(theme, nature, action, explanation)| {
                ThemeResponseInput {
                    theme: (*theme).to_owned(),
                    nature: (*nature).to_owned(),
                    action: (*action).to_owned(),
                    explanation: (*explanation).to_owned(),
                }
                .parse()
                .unwrap()
            })
            .collect();
        let report = report(&reactions, &responses);
        assert_eq!(report.total, 5);
        assert!(report.is_complete(), "{report:?}");
    }
}
