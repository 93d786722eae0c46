//! The bodies of a participant that take part in a regeling, as the register of
//! gemeenschappelijke regelingen records them (`gr_deelnemers.csv`, column `bestuursorganen`,
//! `|`-separated), and what that means for a municipal council's own position.

use super::WgrMoment;
use crate::keyed::keyed_enum;
use crate::{ValidationErrors, msg};

keyed_enum!(
    /// A body of a participant that takes part in a regeling (the register's `bestuursorganen`).
    Bestuursorgaan, "bestuursorganen", "bestuursorgaan" {
        Gemeenteraad => "gemeenteraad", "Gemeenteraad";
        College => "college", "College van burgemeester en wethouders";
        Burgemeester => "burgemeester", "Burgemeester";
        ProvincialeStaten => "provinciale-staten", "Provinciale staten";
        GedeputeerdeStaten => "gedeputeerde-staten", "Gedeputeerde staten";
        CommissarisVanDeKoning => "commissaris-van-de-koning", "Commissaris van de Koning";
        AlgemeenBestuur => "algemeen-bestuur", "Algemeen bestuur";
        DagelijksBestuur => "dagelijks-bestuur", "Dagelijks bestuur";
        Dijkgraaf => "dijkgraaf", "Dijkgraaf";
        Minister => "minister", "Minister";
        Staatssecretaris => "staatssecretaris", "Staatssecretaris";
    }
);

/// The register's spellings (compared without regard to case) and the body each stands for.
/// "Commissaris van de koningin" is the title before 2013; the register still has it.
const REGISTER_SPELLINGS: &[(&str, Bestuursorgaan)] = &[
    ("gemeenteraad", Bestuursorgaan::Gemeenteraad),
    ("college van burgemeester en wethouders", Bestuursorgaan::College),
    ("burgemeester", Bestuursorgaan::Burgemeester),
    ("provinciale staten", Bestuursorgaan::ProvincialeStaten),
    ("gedeputeerde staten", Bestuursorgaan::GedeputeerdeStaten),
    (
        "commissaris van de koning",
        Bestuursorgaan::CommissarisVanDeKoning,
    ),
    (
        "commissaris van de koningin",
        Bestuursorgaan::CommissarisVanDeKoning,
    ),
    ("algemeen bestuur", Bestuursorgaan::AlgemeenBestuur),
    ("dagelijks bestuur", Bestuursorgaan::DagelijksBestuur),
    ("dijkgraaf", Bestuursorgaan::Dijkgraaf),
    ("minister", Bestuursorgaan::Minister),
    ("staatssecretaris", Bestuursorgaan::Staatssecretaris),
];

impl Bestuursorgaan {
    /// The body for one value as the register writes it (`College van burgemeester en
    /// wethouders`, `Gemeenteraad`, …), regardless of case.
    pub fn from_register(raw: &str) -> Option<Self> {
        let raw = raw.trim().to_lowercase();
        REGISTER_SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == raw)
            .map(|(_, organ)| *organ)
    }

    /// The bodies of one register cell (`College van burgemeester en wethouders|Burgemeester`),
    /// each once, in the order given; an empty cell is no body. An unknown value is refused
    /// with a message naming `field`.
    pub fn parse_register(field: &str, raw: &str) -> Result<Vec<Self>, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut out = Vec::new();
        for value in raw.split('|').map(str::trim).filter(|v| !v.is_empty()) {
            match Self::from_register(value) {
                Some(organ) if !out.contains(&organ) => out.push(organ),
                Some(_) => {}
                None => errors.add(
                    field,
                    "unknown_value",
                    msg!(
                        "error-unknown-register-organ",
                        "'{value}' is geen bestuursorgaan uit het register; bekend zijn: {choices}.",
                        value = value,
                        choices = REGISTER_SPELLINGS
                            .iter()
                            .map(|(s, _)| *s)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            }
        }
        errors.finish(|| out)
    }

    /// Whether this is a body of a municipality (raad, college, burgemeester).
    pub fn is_municipal(self) -> bool {
        matches!(
            self,
            Bestuursorgaan::Gemeenteraad | Bestuursorgaan::College | Bestuursorgaan::Burgemeester
        )
    }
}

keyed_enum!(
    /// A municipal council's own position in a regeling, by which of its municipality's bodies
    /// take part (art. 1, first, second and fourth paragraph, Wgr).
    CouncilPosition, "position", "positie van de raad" {
        RaadNeemtDeel => "raad-neemt-deel", "De raad neemt zelf deel";
        RaadEnCollege => "raad-en-college", "De raad neemt deel, naast het college of de burgemeester";
        CollegeOfBurgemeester => "college-of-burgemeester", "Het college of de burgemeester neemt deel, de raad niet";
        NietVastgelegd => "niet-vastgelegd", "Niet vastgelegd welk bestuursorgaan van de gemeente deelneemt";
    }
);

/// The council's position for a municipality whose bodies `organs` take part; bodies of other
/// participants (staten, dagelijks bestuur, …) say nothing about the council and are ignored.
pub fn council_position(organs: &[Bestuursorgaan]) -> CouncilPosition {
    let raad = organs.contains(&Bestuursorgaan::Gemeenteraad);
    let college = organs
        .iter()
        .any(|o| matches!(o, Bestuursorgaan::College | Bestuursorgaan::Burgemeester));
    match (raad, college) {
        (true, false) => CouncilPosition::RaadNeemtDeel,
        (true, true) => CouncilPosition::RaadEnCollege,
        (false, true) => CouncilPosition::CollegeOfBurgemeester,
        (false, false) => CouncilPosition::NietVastgelegd,
    }
}

impl CouncilPosition {
    /// Whether the council is itself a party (and so decides on changes itself).
    pub fn raad_is_party(self) -> bool {
        matches!(
            self,
            CouncilPosition::RaadNeemtDeel | CouncilPosition::RaadEnCollege
        )
    }

    /// Whether the college or the burgemeester takes part (or may: not recorded), so that a
    /// change needs the council's consent.
    pub fn college_may_take_part(self) -> bool {
        !matches!(self, CouncilPosition::RaadNeemtDeel)
    }
}

keyed_enum!(
    /// Whose step a statutory moment of a regeling is, seen from a municipality's council: the
    /// council's own decision, a decision of the college or the burgemeester (after the
    /// council's consent), or a step of the regeling's bestuur of which the council receives
    /// the outcome.
    CouncilStep, "step", "stap bij een Wgr-moment" {
        Raad => "raad", "Besluit van de raad zelf";
        College => "college", "Besluit van het college of de burgemeester";
        Bestuur => "bestuur", "Stap van het bestuur van de regeling";
    }
);

/// Whose step `moment` is for a municipality whose council is in `position`. The budget
/// cycle is the bestuur's (it sends the kaders, the draft budget and the accounts, art. 34b,
/// 35 and 34), except the zienswijze on the draft budget, which is the council's own (art. 35,
/// third paragraph). The zienswijze on changing, joining or leaving is the council's (art. 1,
/// third paragraph), and so is the change itself when the council takes part; when only the
/// college or the burgemeester takes part, the change is theirs after the council's consent
/// (art. 1, fourth paragraph).
pub fn whose_step(moment: WgrMoment, position: CouncilPosition) -> CouncilStep {
    match moment {
        WgrMoment::ZienswijzeBegroting | WgrMoment::ZienswijzeRegeling => CouncilStep::Raad,
        WgrMoment::ToestemmingRegeling if position == CouncilPosition::RaadNeemtDeel => CouncilStep::Raad,
        WgrMoment::ToestemmingRegeling => CouncilStep::College,
        WgrMoment::Kaders
        | WgrMoment::VoorlopigeJaarrekening
        | WgrMoment::Ontwerpbegroting
        | WgrMoment::BegrotingToezicht
        | WgrMoment::JaarrekeningToezicht => CouncilStep::Bestuur,
    }
}
