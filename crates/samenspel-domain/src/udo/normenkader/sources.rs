//! Where the rules of the normenkader come from, as sentences for the page: the Rijk's
//! procedure texts (cited by title and address as the research found them) and the seed
//! passages, quoted as published. "Onze lezing" marks where the rule is our reading of the
//! source rather than its words.

use crate::rules::Source;
use crate::{Message, msg};

pub const FVW_2: Source = Source::Law {
    law: "Financiële-verhoudingswet",
    article: "2",
    lid: None,
    bwb_id: "BWBR0007750",
};

pub const GEMEENTEWET_108_3: Source = Source::Law {
    law: "Gemeentewet",
    article: "108",
    lid: Some("3"),
    bwb_id: "BWBR0005416",
};

pub const PROVINCIEWET_105_3: Source = Source::Law {
    law: "Provinciewet",
    article: "105",
    lid: Some("3"),
    bwb_id: "BWBR0005645",
};

const KCBR_AR_7_6: &str = "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/aanwijzingen-voor-de-regelgeving/hoofdstuk-7-procedures-71-726/ss-71-interdepartementale-voorbereiding-71-76/aanwijzing-76-toetsing-gevolgen-voor-decentrale-overheden";
const KCBR_DRAAIBOEK_10A: &str = "https://www.kcbr.nl/beleid-en-regelgeving-ontwikkelen/draaiboek-voor-de-regelgeving/wetten-nr-4-110/1-interdepartementale-voorbereiding-nr-4-14/nr-10a-toetsing-van-ontwerpregelingen-door-bzk";
const ROB_2021_ANNEX_II: &str =
    "ROB (2021), Rol nemen, ruimte geven, bijlage II, §5 Code Interbestuurlijke Verhoudingen";
const SEED_002: &str = "Brief van de minister van BZK (H. Bruins Slot) over een sterk bestuur en de UDO, §2 \"Zorgen voor een passende verdeling van taken en bevoegdheden\"";

/// The financial paragraph as Ar 4.46 asks it, with art. 2 Fvw.
pub fn ar_4_46() -> Message {
    msg!(
        "udo-source-ar-4-46",
        "Aanwijzingen voor de regelgeving, aanwijzing 4.46 (kcbr.nl): {quote}; artikel 2 Financiële-verhoudingswet (BWBR0007750).",
        quote = "\"bekostigingswijze\"; bij een algemene maatregel van bestuur of ministeriële regeling \"zo nodig\""
    )
}

/// Plan and report obligations: our reading of art. 2 Fvw with the Code.
pub fn plan_obligations() -> Message {
    msg!(
        "udo-source-plan-obligations",
        "Onze lezing van artikel 2 Financiële-verhoudingswet (BWBR0007750) met {rob}: {quote}.",
        rob = ROB_2021_ANNEX_II,
        quote = "\"alleen de noodzakelijke interbestuurlijke informatie en verantwoording\""
    )
}

/// The koepels' judgement: the Code and the Draaiboek.
pub fn koepels() -> Message {
    msg!(
        "udo-source-koepels",
        "{rob}: {quote} (onze lezing: het oordeel van de koepels van de geraakte bestuurslagen wordt gevraagd); Draaiboek voor de regelgeving nr. 10a ({url}).",
        rob = ROB_2021_ANNEX_II,
        quote = "\"Overheden betrekken elkaar bij de ontwikkeling van nieuwe beleidsvoornemens […] op een dusdanig tijdstip dat de beleidsvoornemens nog kunnen worden aangepast.\"",
        url = KCBR_DRAAIBOEK_10A
    )
}

/// BZK's check: Ar 7.6 and Draaiboek nr. 10a.
pub fn bzk() -> Message {
    msg!(
        "udo-source-bzk",
        "Aanwijzingen voor de regelgeving, aanwijzing 7.6 ({ar}): BZK toetst, {quote}; Draaiboek voor de regelgeving nr. 10a ({draaiboek}): toetsing in het ambtelijk voorportaal, de onderraad en de ministerraad.",
        ar = KCBR_AR_7_6,
        quote = "\"in een zo vroeg mogelijk stadium\"",
        draaiboek = KCBR_DRAAIBOEK_10A
    )
}

/// "Decentraal wat kan, centraal wat moet": the Code and seed 002.
pub fn decentral() -> Message {
    msg!(
        "udo-source-decentral",
        "Onze lezing van {rob}: {quote}; en {seed}: {quote_seed}.",
        rob = ROB_2021_ANNEX_II,
        quote = "\"Bij nieuwe taken zal vanuit de uitgangspunten van de code (‘decentraal wat kan, centraal wat moet’) overlegd worden waar een taak het beste belegd kan worden.\"",
        seed = SEED_002,
        quote_seed = "\"zodat duidelijk is waar verantwoordelijkheden en bevoegdheden liggen en waarom voor één van de bestuurslagen gekozen is\""
    )
}

/// The formal consultation of the co-governments: two months.
pub fn consultation_term() -> Message {
    msg!(
        "udo-source-consultation-term",
        "{rob}: {quote}.",
        rob = ROB_2021_ANNEX_II,
        quote = "\"Na afronding van de voorstellen, waaronder (concept)wet en regelgeving volgt een formele consultatietermijn van twee maanden.\""
    )
}

/// The public internet consultation: four to twelve weeks.
pub fn internet_consultation() -> Message {
    msg!(
        "udo-source-internet-consultation",
        "Internetconsultatie: een termijn van 4 tot 12 weken (parlement.com, https://www.parlement.com/id/vl1lcy62bpvw; Draaiboek voor de regelgeving nr. 16)."
    )
}

/// Seed 002 on co-signing, quoted as published.
pub fn cosign() -> Message {
    msg!(
        "udo-source-cosign",
        "{seed}, \"Medeondertekening van wetten die gemeenten en provincies raken\": {quote}.",
        seed = "Brief van de minister van BZK (H. Bruins Slot) over een sterk bestuur en de UDO",
        quote = "\"De minister van Binnenlandse Zaken en Koninkrijksrelaties medeondertekent wetgeving die medeoverheden raakt als sprake is van afwijking van de uitgangspunten die we hanteren bij decentralisaties (zoals verplichte bovengemeentelijke samenwerking) of als sprake is van taken met grote impact op de decentrale overheden.\""
    )
}
