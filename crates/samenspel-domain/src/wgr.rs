//! What a council can do in a gemeenschappelijke regeling, from the Wet gemeenschappelijke
//! regelingen (BWBR0003740) as in force since 1 July 2022: the yearly planning-and-control
//! calendar of a regeling with a body of its own, and the council's say in changing, joining
//! or leaving it.
//!
//! The terms are rows of `data/rules/wgr_termijnen.csv` ([`table`]), each with its article,
//! the words it rests on, where they were read and whether the law text itself was read
//! ([`Verification`]). [`calendar::coming_moments`] turns them into dated moments for one
//! regeling, marked [`Origin::VolgensDeWet`]; [`council::what_the_council_can_do`] says what
//! a municipal council itself can do, given which of its bodies takes part (the register's
//! `bestuursorganen`, [`Bestuursorgaan`]).

use crate::collaboration::WgrForm;
use crate::keyed::keyed_enum;
use crate::org::OrgType;
use crate::{Message, msg};

pub mod calendar;
pub mod council;
pub mod organs;
pub mod table;

pub use calendar::{NoCalendar, Regeling, StatutoryMoment, Timing, coming_moments};
pub use council::{CouncilPower, CouncilView, what_the_council_can_do};
pub use organs::{Bestuursorgaan, CouncilPosition, CouncilStep, council_position, whose_step};
pub use table::{Term, WgrRule, WgrTable, statutory_table};

keyed_enum!(
    /// The chapter of the Wgr whose articles govern a regeling, by who takes part.
    WgrChapter, "chapter", "hoofdstuk van de Wgr" {
        Gemeenten => "gemeenten", "Hoofdstuk I: regelingen tussen gemeenten";
        GemeentenProvincies => "gemeenten-provincies", "Hoofdstuk IV: regelingen tussen gemeenten en provincies";
    }
);

keyed_enum!(
    /// A statutory moment of a regeling: one row (per chapter) of the table of terms.
    WgrMoment, "id", "Wgr-moment" {
        Kaders => "kaders", "Algemene financiële en beleidsmatige kaders naar de raden";
        VoorlopigeJaarrekening => "voorlopige-jaarrekening", "Voorlopige jaarrekening naar de raden";
        Ontwerpbegroting => "ontwerpbegroting", "Ontwerpbegroting naar de raden";
        ZienswijzeBegroting => "zienswijze-begroting", "Zienswijze van de raden op de ontwerpbegroting";
        BegrotingToezicht => "begroting-toezicht", "Vastgestelde begroting naar de toezichthouder";
        JaarrekeningToezicht => "jaarrekening-toezicht", "Vastgestelde jaarrekening naar de toezichthouder";
        ZienswijzeRegeling => "zienswijze-regeling", "Zienswijze op wijziging, toetreding of uittreding";
        ToestemmingRegeling => "toestemming-regeling", "Toestemming voor wijziging, toetreding of uittreding";
    }
);

keyed_enum!(
    /// Who acts or receives at a moment.
    Party, "party", "partij bij een Wgr-moment" {
        Bestuur => "bestuur", "Het bestuur van de regeling";
        Raden => "raden", "De raden van de deelnemende gemeenten";
        Colleges => "colleges", "De colleges van burgemeester en wethouders en de burgemeesters";
        GedeputeerdeStaten => "gedeputeerde-staten", "Gedeputeerde staten";
        MinisterBzk => "minister-bzk", "De minister van Binnenlandse Zaken en Koninkrijksrelaties";
    }
);

keyed_enum!(
    /// How a term is set.
    TermKind, "term", "soort termijn" {
        VoorDatum => "voor-datum", "Vóór een vaste datum in het jaar";
        WekenVoor => "weken-voor", "Een aantal weken vóór een ander moment";
        WekenNa => "weken-na", "Een aantal weken na een ander moment";
        NaOntvangst => "na-ontvangst", "Binnen een aantal weken na ontvangst van een stuk";
        ZonderTermijn => "zonder-termijn", "Bij een besluit, zonder termijn";
    }
);

keyed_enum!(
    /// Whether the law text itself was read for a rule.
    Verification, "verification", "soort bevestiging" {
        Wettekst => "wettekst", "Wettekst gelezen";
        OnzeLezing => "onze-lezing", "Onze lezing: wettekst niet gelezen, zie de vermelde bronnen";
    }
);

keyed_enum!(
    /// Where a moment comes from: derived from the law, or recorded for the collaboration.
    Origin, "origin", "herkomst van een moment" {
        VolgensDeWet => "volgens-de-wet", "Volgens de wet";
        Vastgelegd => "vastgelegd", "Vastgelegd";
    }
);

/// The Wgr chapter for a regeling whose participants are of these types: only municipalities
/// (chapter I), or municipalities and provinces (chapter IV). Any other mix (water boards, the
/// Rijk, other bodies, provinces alone) or no participants at all gives `None`: for those no
/// articles were read, so no terms are derived.
pub fn chapter(participants: impl IntoIterator<Item = OrgType>) -> Option<WgrChapter> {
    let (mut municipalities, mut provinces) = (false, false);
    for participant in participants {
        match participant {
            OrgType::Gemeente => municipalities = true,
            OrgType::Provincie => provinces = true,
            _ => return None,
        }
    }
    match (municipalities, provinces) {
        (true, false) => Some(WgrChapter::Gemeenten),
        (true, true) => Some(WgrChapter::GemeentenProvincies),
        _ => None,
    }
}

/// Whether the form has a body of its own (openbaar lichaam, gemeenschappelijk orgaan,
/// bedrijfsvoeringsorganisatie), the bodies the budget articles address (art. 58 reads "het
/// algemeen bestuur van het openbaar lichaam, het bestuur van de bedrijfsvoeringsorganisatie
/// of het gemeenschappelijk orgaan").
pub fn has_body(form: WgrForm) -> bool {
    matches!(
        form,
        WgrForm::OpenbaarLichaam | WgrForm::GemeenschappelijkOrgaan | WgrForm::Bedrijfsvoeringsorganisatie
    )
}

impl Party {
    /// The party by name for a regeling of this form: [`Party::Bestuur`] is the dagelijks
    /// bestuur of an openbaar lichaam, the bestuur of a bedrijfsvoeringsorganisatie or the
    /// gemeenschappelijk orgaan (the words of art. 58, second and fourth paragraph).
    pub fn named(self, form: WgrForm) -> Message {
        match (self, form) {
            (Party::Bestuur, WgrForm::Bedrijfsvoeringsorganisatie) => msg!(
                "wgr-party-bestuur-bvo",
                "het bestuur van de bedrijfsvoeringsorganisatie"
            ),
            (Party::Bestuur, WgrForm::GemeenschappelijkOrgaan) => {
                msg!("wgr-party-bestuur-go", "het gemeenschappelijk orgaan")
            }
            (Party::Bestuur, _) => msg!("wgr-party-bestuur-ol", "het dagelijks bestuur"),
            (Party::Raden, _) => msg!("wgr-party-raden", "de raden van de deelnemende gemeenten"),
            (Party::Colleges, _) => msg!(
                "wgr-party-colleges",
                "de colleges van burgemeester en wethouders en de burgemeesters"
            ),
            (Party::GedeputeerdeStaten, _) => msg!("wgr-party-gs", "gedeputeerde staten"),
            (Party::MinisterBzk, _) => msg!(
                "wgr-party-minister-bzk",
                "de minister van Binnenlandse Zaken en Koninkrijksrelaties"
            ),
        }
    }
}

/// The body that adopts the budget and the annual accounts (art. 58, first and third
/// paragraph): the algemeen bestuur of an openbaar lichaam, else the body itself.
pub fn adopting_body(form: WgrForm) -> Message {
    match form {
        WgrForm::Bedrijfsvoeringsorganisatie | WgrForm::GemeenschappelijkOrgaan => Party::Bestuur.named(form),
        _ => msg!("wgr-party-algemeen-bestuur", "het algemeen bestuur"),
    }
}

#[cfg(test)]
mod tests;
