//! The information categories of the Wet open overheid (Woo, BWBR0045754) for publishing a UDO
//! dossier's documents, with their names in the DiWoo metadata standard and their TOOI ids.
//!
//! Where the categories come from:
//! - **The law.** Art. 3.3 Woo lists what a bestuursorgaan makes public of its own accord:
//!   lid 1, onderdelen a–e, and lid 2, onderdelen a–l, seventeen categories in all (the
//!   toelichting of the Regeling actieve openbaarmaking Woo, Stcrt. 2024, 30890, counts
//!   "zeventien categorieën"). Each value below carries its lid and onderdeel.
//! - **The names.** The DiWoo waardelijst `scw_woo_informatiecategorieen` names each category
//!   (e.g. "adviezen", "onderzoeksrapporten", "ontwerpen van wet- en regelgeving met
//!   adviesaanvraag") and gives it a TOOI id under `https://identifier.overheid.nl/tooi/def/thes/kern/`.
//!   The names and ids here agree with two independent code bases that publish to the Woo
//!   index (see the DATA notes); check them against the TOOI waardelijst before relying on an id.
//! - **Which category for which UDO document** ([`suggest_category`]) is our choice, read from
//!   the category's description in the law.

use crate::keyed::keyed_enum;
use crate::{Message, msg};

/// The Basiswettenbestand id of the Wet open overheid.
pub const WOO_BWB_ID: &str = "BWBR0045754";

/// The base of every TOOI concept id of an information category.
pub const TOOI_BASE: &str = "https://identifier.overheid.nl/tooi/def/thes/kern/";

keyed_enum!(
    /// An information category of art. 3.3 Wet open overheid, labelled with its DiWoo name.
    InformationCategory, "informatiecategorie", "Woo-informatiecategorie" {
        WettenAvv => "wetten-en-algemeen-verbindende-voorschriften", "wetten en algemeen verbindende voorschriften";
        OverigeBesluiten => "overige-besluiten-van-algemene-strekking", "overige besluiten van algemene strekking";
        OntwerpenMetAdviesaanvraag => "ontwerpen-van-wet-en-regelgeving-met-adviesaanvraag", "ontwerpen van wet- en regelgeving met adviesaanvraag";
        OrganisatieEnWerkwijze => "organisatie-en-werkwijze", "organisatie en werkwijze";
        Bereikbaarheidsgegevens => "bereikbaarheidsgegevens", "bereikbaarheidsgegevens";
        IngekomenStukken => "bij-vertegenwoordigende-organen-ingekomen-stukken", "bij vertegenwoordigende organen ingekomen stukken";
        VergaderstukkenStatenGeneraal => "vergaderstukken-staten-generaal", "vergaderstukken Staten-Generaal";
        VergaderstukkenDecentraal => "vergaderstukken-decentrale-overheden", "vergaderstukken decentrale overheden";
        AgendasEnBesluitenlijsten => "agendas-en-besluitenlijsten-bestuurscolleges", "agenda's en besluitenlijsten bestuurscolleges";
        Adviezen => "adviezen", "adviezen";
        Convenanten => "convenanten", "convenanten";
        JaarplannenEnJaarverslagen => "jaarplannen-en-jaarverslagen", "jaarplannen en jaarverslagen";
        Subsidieverplichtingen => "subsidieverplichtingen-anders-dan-met-beschikking", "subsidieverplichtingen anders dan met beschikking";
        WooVerzoeken => "woo-verzoeken-en-besluiten", "Woo-verzoeken en -besluiten";
        Onderzoeksrapporten => "onderzoeksrapporten", "onderzoeksrapporten";
        Beschikkingen => "beschikkingen", "beschikkingen";
        Klachtoordelen => "klachtoordelen", "klachtoordelen";
    }
);

/// Where a category sits in art. 3.3 Woo and its TOOI concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryPlace {
    /// The lid of art. 3.3: `1` or `2`.
    pub lid: u8,
    /// The onderdeel (letter) within that lid.
    pub letter: char,
    /// The TOOI concept id, e.g. `c_99a836c7` (partly verified: see the module documentation).
    pub tooi_id: &'static str,
}

impl InformationCategory {
    /// The category's place in the law and its TOOI id.
    pub fn place(self) -> CategoryPlace {
        use InformationCategory::*;
        let (lid, letter, tooi_id) = match self {
            WettenAvv => (1, 'a', "c_139c6280"),
            OverigeBesluiten => (1, 'b', "c_aab6bfc7"),
            OntwerpenMetAdviesaanvraag => (1, 'c', "c_759721e2"),
            OrganisatieEnWerkwijze => (1, 'd', "c_40a05794"),
            Bereikbaarheidsgegevens => (1, 'e', "c_89ee6784"),
            IngekomenStukken => (2, 'a', "c_8c840238"),
            VergaderstukkenStatenGeneraal => (2, 'b', "c_c76862ab"),
            VergaderstukkenDecentraal => (2, 'c', "c_db4862c3"),
            AgendasEnBesluitenlijsten => (2, 'd', "c_3a248e3a"),
            Adviezen => (2, 'e', "c_99a836c7"),
            Convenanten => (2, 'f', "c_8fc2335c"),
            JaarplannenEnJaarverslagen => (2, 'g', "c_c6cd1213"),
            Subsidieverplichtingen => (2, 'h', "c_cf268088"),
            WooVerzoeken => (2, 'i', "c_3baef532"),
            Onderzoeksrapporten => (2, 'j', "c_fdaee95e"),
            Beschikkingen => (2, 'k', "c_46a81018"),
            Klachtoordelen => (2, 'l', "c_a870c43d"),
        };
        CategoryPlace { lid, letter, tooi_id }
    }

    /// The TOOI concept URI, as the DiWoo `informatiecategorie@resource` carries it.
    pub fn tooi_uri(self) -> String {
        format!("{TOOI_BASE}{}", self.place().tooi_id)
    }

    /// The category's code in the national Woo index's sitemaps, `infocat001`–`infocat017`, in
    /// the order of art. 3.3 (partly verified: one code base, see the DATA notes).
    pub fn sitemap_code(self) -> String {
        let position = Self::ALL.iter().position(|c| *c == self).unwrap_or_default();
        format!("infocat{:03}", position + 1)
    }

    /// The article this category comes from, for a person:
    /// `Wet open overheid, artikel 3.3, lid 2, onderdeel e (BWBR0045754)`.
    pub fn citation(self) -> Message {
        let place = self.place();
        msg!(
            "woo-category-source",
            "Wet open overheid, artikel 3.3, lid {lid}, onderdeel {letter} ({bwb_id})",
            lid = place.lid,
            letter = place.letter,
            bwb_id = WOO_BWB_ID
        )
    }

    /// The article on wetten.overheid.nl (the lid and onderdeel as the site addresses them).
    pub fn law_url(self) -> String {
        let place = self.place();
        format!(
            "https://wetten.overheid.nl/jci1.3:c:{WOO_BWB_ID}&hoofdstuk=3&artikel=3.3&lid={}&onderdeel={}",
            place.lid, place.letter
        )
    }
}

keyed_enum!(
    /// A kind of document attached to a UDO dossier, for choosing its Woo information category.
    AttachmentKind, "soort", "soort bijlage" {
        OntwerpRegeling => "ontwerp-regeling", "Ontwerpregeling voorgelegd voor advies of consultatie";
        Adviesaanvraag => "adviesaanvraag", "Adviesaanvraag bij de ontwerpregeling";
        UdoRapport => "udo-rapport", "UDO-rapport";
        Uitvoeringstoets => "uitvoeringstoets", "Uitvoeringstoets";
        Onderzoek => "onderzoek", "Onderzoek dat aan de UDO ten grondslag ligt";
        KoepelOordeel => "koepel-oordeel", "Oordeel van een koepel (VNG, IPO, UvW)";
        BzkAdvies => "bzk-advies", "Advies van BZK";
        BestuurlijkeAfspraken => "bestuurlijke-afspraken", "Bestuurlijke afspraken";
        VastgesteldeRegeling => "vastgestelde-regeling", "Vastgestelde regeling";
    }
);

/// The Woo information category we suggest for a kind of UDO document (our choice, from the
/// categories' descriptions in art. 3.3 Woo; the person publishing can choose another):
/// the draft and the request for advice are one item of lid 1 c ("ontwerpen … waarover een
/// extern advies is gevraagd, met inbegrip van de adviesaanvraag"); the UDO report, the
/// uitvoeringstoets and the studies behind them are onderzoeksrapporten (lid 2 j); the koepels'
/// judgements and BZK's advice are adviezen (lid 2 e); agreements between governments are
/// convenanten (lid 2 f); the adopted regulation is a law or generally binding rule (lid 1 a).
pub fn suggest_category(kind: AttachmentKind) -> InformationCategory {
    use AttachmentKind as K;
    use InformationCategory as C;
    match kind {
        K::OntwerpRegeling | K::Adviesaanvraag => C::OntwerpenMetAdviesaanvraag,
        K::UdoRapport | K::Uitvoeringstoets | K::Onderzoek => C::Onderzoeksrapporten,
        K::KoepelOordeel | K::BzkAdvies => C::Adviezen,
        K::BestuurlijkeAfspraken => C::Convenanten,
        K::VastgesteldeRegeling => C::WettenAvv,
    }
}

#[cfg(test)]
mod tests;
