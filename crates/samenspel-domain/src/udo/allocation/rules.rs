//! The allocation options as a rule table (see [`crate::rules`]), one row per option in order
//! of preference; its key is the option's [`super::AllocationLayer`] key. The rows read the
//! 2022 letter (seed 002) and the Code Interbestuurlijke Verhoudingen as the ROB describes it
//! (seed 001); how they weigh scale and policy freedom is our reading, said in each reason.

use super::TaskFacts;
use crate::messages::Parts;
use crate::rules::{Condition, Rule, Source, Verdict, date};
use crate::{Message, msg};

const LETTER_2022: &str = "Minister van BZK (2022), Actieagenda Sterk Bestuur";
const ROB_2021: &str = "ROB (2021), Rol nemen, ruimte geven";

/// "Decentraal wat kan, centraal wat moet" (the Code as the ROB describes it).
pub fn code_source() -> Message {
    msg!(
        "allocation-source-code",
        "{report}, bijlage II §5 (Code Interbestuurlijke Verhoudingen): {passage}",
        report = ROB_2021,
        passage = "\"Bij nieuwe taken zal vanuit de uitgangspunten van de code ('decentraal wat kan, centraal wat moet') overlegd worden waar een taak het beste belegd kan worden.\""
    )
}

/// Regional cooperation through a centrumgemeente.
pub fn centrumgemeente_source() -> Message {
    msg!(
        "allocation-source-centrumgemeente",
        "{letter}: {passage}",
        letter = LETTER_2022,
        passage = "\"Er bestaan verschillende vormen van regionale samenwerking. In de vorm van gemeentelijke samenwerking via een centrumgemeente of stichting bijvoorbeeld.\" en \"Bovengemeentelijke samenwerking […] is in beginsel een vrijwillige keuze.\""
    )
}

/// A deconcentrated national service rather than mandatory cooperation.
pub fn rijksdienst_source() -> Message {
    msg!(
        "allocation-source-rijksdienst",
        "{letter}, Werken aan een beleidskader decentraal bestuur: {passage}",
        letter = LETTER_2022,
        passage = "\"Zo kan bijvoorbeeld bij nieuwe taaktoedelingen gedacht worden aan gedeconcentreerde rijksdiensten in plaats van verplichte bovengemeentelijke samenwerking wanneer gemeenten een taak niet zelf kunnen uitvoeren en de taak beperkt beleidsvrij is.\""
    )
}

/// Mandatory cooperation must be explained.
pub fn mandatory_source() -> Message {
    msg!(
        "allocation-source-mandatory",
        "{letter}, Bovengemeentelijke samenwerking: {passage}",
        letter = LETTER_2022,
        passage = "\"Als we van dat uitgangspunt afwijken, moeten we goed kunnen uitleggen welk doel verplichte samenwerking dient en welke alternatieven er zijn\""
    )
}

const NOT_ALONE: Condition<TaskFacts> = Condition {
    holds: |f| !f.municipalities_alone,
    otherwise: || {
        msg!(
            "allocation-municipalities-can",
            "Gemeenten kunnen de taak zelf uitvoeren; decentraal wat kan."
        )
    },
};

fn gemeente(f: &TaskFacts) -> Verdict {
    if f.municipalities_alone {
        Verdict::voldoet(msg!(
            "allocation-gemeente-fits",
            "Gemeenten kunnen de taak zelf uitvoeren: de taak hoort bij de gemeente."
        ))
    } else {
        Verdict::voldoet_niet(msg!(
            "allocation-gemeente-not-alone",
            "Gemeenten kunnen de taak niet alleen uitvoeren; nodig is een schaal van {need}.",
            need = f.need_text()
        ))
    }
}

fn beyond_province(f: &TaskFacts) -> Verdict {
    Verdict::voldoet_niet(msg!(
        "allocation-beyond-province",
        "De taak vraagt een schaal van {need}, groter dan de kleinste provincie ({inhabitants} inwoners, {municipalities} gemeenten).",
        need = f.need_text(),
        inhabitants = f.province_scale.smallest_inhabitants,
        municipalities = f.province_scale.smallest_municipalities
    ))
}

fn centrumgemeente(f: &TaskFacts) -> Verdict {
    if !f.within_a_province() {
        return beyond_province(f);
    }
    Verdict::voldoet(match &f.division {
        Some(d) => msg!(
            "allocation-centrumgemeente-fits-division",
            "Gemeenten kunnen de taak samen dragen op een schaal van {need}, vrijwillig via een centrumgemeente. De indeling '{name}' ({regions} regio's) valt voor {percent}% samen met andere indelingen.",
            need = f.need_text(),
            name = d.name,
            regions = d.regions,
            percent = d.percent()
        ),
        None => msg!(
            "allocation-centrumgemeente-fits",
            "Gemeenten kunnen de taak samen dragen op een schaal van {need}, vrijwillig via een centrumgemeente.",
            need = f.need_text()
        ),
    })
}

fn provincie(f: &TaskFacts) -> Verdict {
    if !f.within_a_province() {
        return beyond_province(f);
    }
    Verdict::voldoet(msg!(
        "allocation-provincie-fits",
        "De schaal van {need} past binnen elke provincie; de provincie kan de taak dragen als gemeenten er niet vrijwillig samen in voorzien.",
        need = f.need_text()
    ))
}

fn rijksdienst(f: &TaskFacts) -> Verdict {
    if f.freedom.is_limited() {
        Verdict::voldoet(msg!(parts;
            "allocation-rijksdienst-limited",
            "Gemeenten kunnen de taak niet zelf uitvoeren en de taak is beperkt beleidsvrij ({freedom}): een gedeconcentreerde rijksdienst in plaats van verplichte samenwerking.";
            freedom = Parts::from(f.freedom.label()).lowercase()
        ))
    } else if !f.within_a_province() {
        Verdict::voldoet(msg!(
            "allocation-rijksdienst-scale",
            "De taak vraagt een schaal van {need}, groter dan een provincie: centraal wat moet.",
            need = f.need_text()
        ))
    } else {
        Verdict::voldoet_niet(msg!(parts;
            "allocation-rijksdienst-not-needed",
            "De taak laat beleidsvrijheid ({freedom}) en past op decentrale schaal: centraal alleen wat moet.";
            freedom = Parts::from(f.freedom.label()).lowercase()
        ))
    }
}

fn verplichte_samenwerking(f: &TaskFacts) -> Verdict {
    match &f.justification {
        None => Verdict::voldoet_niet(msg!(
            "allocation-mandatory-unjustified",
            "Verplichte samenwerking vraagt een schriftelijke motivering: welk doel zij dient en welke alternatieven er zijn. Die ontbreekt."
        )),
        Some(_) if f.freedom.is_limited() => Verdict::voldoet_niet(msg!(
            "allocation-mandatory-limited",
            "De taak is beperkt beleidsvrij: het beleidskader noemt dan een gedeconcentreerde rijksdienst in plaats van verplichte bovengemeentelijke samenwerking."
        )),
        Some(justification) => Verdict::voldoet(msg!(
            "allocation-mandatory-justified",
            "Alleen als laatste mogelijkheid, met de motivering: {justification}",
            justification = justification
        )),
    }
}

/// The options in order of preference.
pub const ALLOCATION_RULES: &[Rule<TaskFacts>] = &[
    Rule {
        key: "gemeente",
        text: || {
            msg!(
                "allocation-rule-gemeente",
                "Een taak die gemeenten zelf kunnen uitvoeren, hoort bij de gemeente."
            )
        },
        source: Source::Passage(code_source),
        version: 1,
        valid_from: date(2022, 1, 1),
        applies_when: &[],
        check: gemeente,
    },
    Rule {
        key: "centrumgemeente",
        text: || {
            msg!(
                "allocation-rule-centrumgemeente",
                "Kunnen gemeenten het niet alleen, dan eerst vrijwillige samenwerking, bijvoorbeeld via een centrumgemeente, als de schaal binnen een provincie past."
            )
        },
        source: Source::Passage(centrumgemeente_source),
        version: 1,
        valid_from: date(2022, 1, 1),
        applies_when: &[NOT_ALONE],
        check: centrumgemeente,
    },
    Rule {
        key: "provincie",
        text: || {
            msg!(
                "allocation-rule-provincie",
                "Past de schaal binnen een provincie, dan kan de provincie de taak dragen (decentraal wat kan)."
            )
        },
        source: Source::Passage(code_source),
        version: 1,
        valid_from: date(2022, 1, 1),
        applies_when: &[NOT_ALONE],
        check: provincie,
    },
    Rule {
        key: "gedeconcentreerde-rijksdienst",
        text: || {
            msg!(
                "allocation-rule-rijksdienst",
                "Een gedeconcentreerde rijksdienst als gemeenten de taak niet zelf kunnen uitvoeren en zij beperkt beleidsvrij is, of als de schaal groter is dan een provincie (centraal wat moet)."
            )
        },
        source: Source::Passage(rijksdienst_source),
        version: 1,
        valid_from: date(2022, 1, 1),
        applies_when: &[NOT_ALONE],
        check: rijksdienst,
    },
    Rule {
        key: "verplichte-samenwerking",
        text: || {
            msg!(
                "allocation-rule-mandatory",
                "Verplichte samenwerking alleen met een schriftelijke motivering van het doel en de alternatieven, en niet voor een beperkt beleidsvrije taak."
            )
        },
        source: Source::Passage(mandatory_source),
        version: 1,
        valid_from: date(2022, 1, 1),
        applies_when: &[NOT_ALONE],
        check: verplichte_samenwerking,
    },
];
