//! The instrument: the question as the ROB put it in July 2020, the 24 statements with their
//! ids S01–S24, their themes, the answer scale, and the layers and groups of respondents.

use serde::Serialize;

use crate::ValidationErrors;
use crate::keyed::keyed_enum;

/// The text above the statements (ROB 2021, §3.5).
pub const INTRODUCTION: &str = "Voor zover de uitkomsten van de samenwerking in uw ogen niet optimaal zijn, aan welke factoren ligt dat volgens u? Hieronder ziet u een lijst met mogelijke beperkende factoren. Geef voor elk van de factoren aan in hoeverre deze in uw beleving van toepassing is.";

/// The stem every statement completes.
pub const STEM: &str = "Dat de uitkomsten van de samenwerking niet optimaal zijn, komt in mijn ogen doordat…";

/// The ends of the scale; 2, 3 and 4 have no label in the original.
pub const SCALE_LOW: &str = "helemaal niet van toepassing";
pub const SCALE_HIGH: &str = "heel erg van toepassing";
pub const DONT_KNOW: &str = "weet niet / niet van toepassing";

keyed_enum!(
    /// The four themes of the ROB's figure; which statement belongs to which is our choice
    /// (DOMAIN.md §5), the text of the report does not say.
    Theme, "theme", "thema" {
        Doelen => "doelen", "Doelen";
        Spelregels => "spelregels-en-verantwoording", "Spelregels en verantwoording";
        Relatie => "relatie", "Relatie";
        Middelen => "middelen", "Middelen";
    }
);

/// One statement of the instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Statement {
    pub id: &'static str,
    /// The text completing [`STEM`].
    pub text: &'static str,
    pub theme: Theme,
}

const fn s(id: &'static str, text: &'static str, theme: Theme) -> Statement {
    Statement { id, text, theme }
}

/// The 24 statements of the ROB survey; every version of the instrument keeps them and their
/// ids.
pub const CORE: [Statement; 24] = [
    s(
        "S01",
        "er te veel ruimte voor de betrokken partijen is om binnen de geformuleerde doelstelling(en) hun eigen doelen na te streven",
        Theme::Doelen,
    ),
    s(
        "S02",
        "de personele capaciteit voor de samenwerking ontoereikend is",
        Theme::Middelen,
    ),
    s(
        "S03",
        "partijen onvoldoende worden aangesproken op de resultaten die ze behalen",
        Theme::Spelregels,
    ),
    s(
        "S04",
        "partijen onvoldoende worden aangesproken op de inbreng die ze moeten leveren",
        Theme::Spelregels,
    ),
    s(
        "S05",
        "rijksoverheidsorganisaties niet met één mond spreken",
        Theme::Relatie,
    ),
    s(
        "S06",
        "rijksoverheidsorganisaties onvoldoende op de hoogte zijn van de inhoudelijke zorgen en uitdagingen van de decentrale overheden",
        Theme::Relatie,
    ),
    s(
        "S07",
        "de manier van samenwerken te weinig gebruik maakt van de ruimte om te experimenteren binnen de bestaande wetten en regels",
        Theme::Spelregels,
    ),
    s("S08", "de financiële middelen ontoereikend zijn", Theme::Middelen),
    s(
        "S09",
        "rijksoverheidsorganisaties de zorgen en uitdagingen van de decentrale overheden onvoldoende serieus nemen",
        Theme::Relatie,
    ),
    s(
        "S10",
        "rijksoverheidsorganisaties onvoldoende op de hoogte zijn van de heersende bestuurlijke verhoudingen bij decentrale overheden",
        Theme::Relatie,
    ),
    s(
        "S11",
        "er onvoldoende vertrouwen tussen de rijksoverheidsorganisaties en decentrale partners is",
        Theme::Relatie,
    ),
    s(
        "S12",
        "er onvoldoende ruimte is om flexibel met doelstellingen om te gaan (bijv. d.m.v. zogenoemd 'meekoppelen', meervoudige doelstellingen hanteren, of uitruilen tussen deelprojecten)",
        Theme::Doelen,
    ),
    s(
        "S13",
        "rijksoverheidsorganisaties te weinig regie nemen",
        Theme::Relatie,
    ),
    s(
        "S14",
        "rijksoverheidsorganisaties zich te veel sturend opstellen",
        Theme::Relatie,
    ),
    s(
        "S15",
        "er onvoldoende draagvlak voor de doelstelling(en) is bij de regionale/lokale stakeholders van buiten de overheid",
        Theme::Doelen,
    ),
    s(
        "S16",
        "de taakverdeling tussen rijksoverheidsorganisaties en decentrale overheden onvoldoende helder is",
        Theme::Spelregels,
    ),
    s(
        "S17",
        "er onvoldoende vertrouwen tussen decentrale partners onderling is",
        Theme::Relatie,
    ),
    s(
        "S18",
        "de manier van samenwerken botst met de wetten en regels voor autonomie en medebewind",
        Theme::Spelregels,
    ),
    s(
        "S19",
        "de democratische verantwoording na afloop van de beleidsactiviteiten onvoldoende is",
        Theme::Spelregels,
    ),
    s(
        "S20",
        "de doelstelling(en) onvoldoende duidelijk geformuleerd is/zijn",
        Theme::Doelen,
    ),
    s(
        "S21",
        "de democratische aansturing voorafgaand aan de beleidsactiviteiten onvoldoende is",
        Theme::Spelregels,
    ),
    s(
        "S22",
        "decentrale overheden zich te afhankelijk opstellen",
        Theme::Relatie,
    ),
    s(
        "S23",
        "decentrale overheden zich te assertief opstellen",
        Theme::Relatie,
    ),
    s(
        "S24",
        "er te weinig ruimte voor de betrokken partijen is om binnen de geformuleerde doelstelling(en) hun eigen doel na te streven",
        Theme::Doelen,
    ),
];

/// The published means of July 2020 (Rijk, decentraal) per statement, in the order of
/// [`CORE`]: a reference wave of means only (no n, no spread).
pub const ROB_2020_MEANS: [(&str, f64, f64); 24] = [
    ("S01", 3.40, 3.19),
    ("S02", 3.38, 3.39),
    ("S03", 3.31, 3.21),
    ("S04", 3.30, 3.25),
    ("S05", 3.26, 3.31),
    ("S06", 3.19, 3.59),
    ("S07", 3.11, 3.35),
    ("S08", 3.06, 3.15),
    ("S09", 3.01, 3.42),
    ("S10", 2.98, 3.16),
    ("S11", 2.96, 2.98),
    ("S12", 2.93, 3.10),
    ("S13", 2.87, 2.85),
    ("S14", 2.86, 3.30),
    ("S15", 2.83, 2.76),
    ("S16", 2.78, 2.96),
    ("S17", 2.75, 2.59),
    ("S18", 2.72, 2.70),
    ("S19", 2.70, 2.80),
    ("S20", 2.67, 2.57),
    ("S21", 2.66, 2.81),
    ("S22", 2.66, 2.73),
    ("S23", 2.65, 2.20),
    ("S24", 2.45, 2.58),
];

keyed_enum!(
    /// The layer of government a respondent works for, as stated by the respondent.
    RespondentLayer, "layer", "bestuurslaag" {
        Rijk => "rijk", "Rijk";
        Provincie => "provincie", "Provincie";
        Gemeente => "gemeente", "Gemeente";
        Waterschap => "waterschap", "Waterschap";
        GemeenschappelijkeRegeling => "gemeenschappelijke-regeling", "Gemeenschappelijke regeling";
        Overig => "overig", "Overig";
    }
);

keyed_enum!(
    /// A group of the report: Rijk, decentraal (every government layer but the Rijk, as the
    /// ROB grouped provinces, water boards, gemeenschappelijke regelingen and municipalities),
    /// or one layer.
    Group, "group", "groep" {
        Rijk => "rijk", "Rijk";
        Decentraal => "decentraal", "Decentraal";
        Provincie => "provincie", "Provincie";
        Gemeente => "gemeente", "Gemeente";
        Waterschap => "waterschap", "Waterschap";
        GemeenschappelijkeRegeling => "gemeenschappelijke-regeling", "Gemeenschappelijke regeling";
        Overig => "overig", "Overig";
    }
);

impl RespondentLayer {
    /// The groups a respondent of this layer counts in.
    pub fn groups(self) -> &'static [Group] {
        match self {
            RespondentLayer::Rijk => &[Group::Rijk],
            RespondentLayer::Provincie => &[Group::Decentraal, Group::Provincie],
            RespondentLayer::Gemeente => &[Group::Decentraal, Group::Gemeente],
            RespondentLayer::Waterschap => &[Group::Decentraal, Group::Waterschap],
            RespondentLayer::GemeenschappelijkeRegeling => {
                &[Group::Decentraal, Group::GemeenschappelijkeRegeling]
            }
            RespondentLayer::Overig => &[Group::Overig],
        }
    }
}

/// One answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Answer {
    /// 1 (helemaal niet van toepassing) to 5 (heel erg van toepassing).
    Score(u8),
    /// Weet niet / niet van toepassing.
    DontKnow,
}

impl Answer {
    /// Parses a cell of a response file: `1`–`5`, `n` for weet niet / n.v.t., empty for no
    /// answer. Anything else (`0`, `6`, `3,5`, `drie`) names the field.
    pub fn parse_cell(field: &str, raw: &str) -> Result<Option<Answer>, ValidationErrors> {
        match raw.trim() {
            "" => Ok(None),
            "n" | "N" => Ok(Some(Answer::DontKnow)),
            "1" => Ok(Some(Answer::Score(1))),
            "2" => Ok(Some(Answer::Score(2))),
            "3" => Ok(Some(Answer::Score(3))),
            "4" => Ok(Some(Answer::Score(4))),
            "5" => Ok(Some(Answer::Score(5))),
            other => Err(ValidationErrors::single(
                field,
                "invalid_answer",
                crate::msg!(
                    "error-invalid-answer",
                    "'{value}' is geen antwoord: 1 tot en met 5, n (weet niet / niet van toepassing) of leeg.",
                    value = other
                ),
            )),
        }
    }

    /// The index in a kept count: 0–4 for scores 1–5, 5 for weet niet.
    pub fn index(self) -> usize {
        match self {
            Answer::Score(v) => usize::from(v.clamp(1, 5) - 1),
            Answer::DontKnow => 5,
        }
    }
}
