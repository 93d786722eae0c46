//! How residents take part, for the demonstration: one regeling from the register with its
//! real, public participation ordinance, and one demonstration collaboration with an example
//! process address (`example.nl`, reserved for examples: no real process was found for it).
//!
//! Sources: Participatieverordening SamenTwente 2025, CVDR741103
//! (<https://lokaleregelgeving.overheid.nl/CVDR741103/1>), "gelet op artikel 10, lid 7 en 8,
//! Wet gemeenschappelijke regelingen juncto artikel 3.2.7 van de Gemeenschappelijke regeling
//! SamenTwente"; the regeling itself as published, CVDR720725
//! (<https://lokaleregelgeving.overheid.nl/CVDR720725/1>, the register's `instellingsbesluiten`).

use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::participation::{ParticipationInput, ProcessInput};
use samenspel_store::{CollaborationFilter, Page, Visibility};

use crate::{App, AppResult, Principal};

/// The source key of SamenTwente in the register (keyed by its first version).
pub const SAMENTWENTE_KEY: &str = "gr:23807752";

/// SamenTwente's participation, from its published ordinance and regeling.
pub fn samentwente() -> ParticipationInput {
    ParticipationInput {
        processes: Vec::new(),
        ordinance_url: "https://lokaleregelgeving.overheid.nl/CVDR741103/1".into(),
        ordinance_cvdr: "CVDR741103".into(),
        right_to_challenge: String::new(),
        agreements: "Artikel 3.2.7 van de Gemeenschappelijke regeling SamenTwente; uitgewerkt in de Participatieverordening SamenTwente 2025 (inspraak en inwonersparticipatie bij de voorbereiding, uitvoering en evaluatie van beleid van het algemeen bestuur).".into(),
        agreements_url: "https://lokaleregelgeving.overheid.nl/CVDR720725/1".into(),
    }
}

/// The demonstration RES region's participation: an example address, marked as such.
pub fn res_example() -> ParticipationInput {
    ParticipationInput {
        processes: vec![ProcessInput {
            platform: "openstad".into(),
            address: "https://openstad.example.nl/res-noord-holland-zuid".into(),
            title: "Zoekgebieden voor wind en zon (voorbeeldadres)".into(),
        }],
        right_to_challenge: "nee".into(),
        ..Default::default()
    }
}

impl App {
    /// Records the demonstration's participation where none is recorded yet (idempotent).
    pub(crate) async fn load_demo_participation(&self) -> AppResult<()> {
        let who = Principal::System("demo");
        let mut targets = Vec::new();
        if let Some(id) = self.store().find_demo_collaboration("rob-res").await? {
            targets.push((id, res_example()));
        }
        let filter = CollaborationFilter {
            kinds: vec![CollaborationKind::GemeenschappelijkeRegeling],
            query: Some("SamenTwente".into()),
            visibility: Visibility::All,
            ..Default::default()
        };
        for summary in self
            .store()
            .list_collaborations(&filter, Page::all())
            .await?
            .items
        {
            if let Some(c) = self.store().get_collaboration(summary.id).await?
                && c.source_key.as_deref() == Some(SAMENTWENTE_KEY)
            {
                targets.push((c.id, samentwente()));
            }
        }
        for (id, input) in targets {
            if self.store().get_participation(id).await?.is_none() {
                self.set_participation(id, &input, &who).await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_participation_is_valid() {
        let real = samentwente().parse().unwrap();
        assert_eq!(real.ordinance_cvdr.as_deref(), Some("CVDR741103"));
        let example = res_example().parse().unwrap();
        assert!(
            example
                .processes
                .iter()
                .all(|p| p.address.host().ends_with("example.nl"))
        );
    }
}
