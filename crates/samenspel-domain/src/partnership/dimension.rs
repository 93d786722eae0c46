//! The six dimensions with the exact wording of annex III.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    BeleidsambitieRijk,
    VerplichtKarakter,
    DecentraleMiddelen,
    EisenAanUitvoering,
    VerantwoordelijkheidUitvoering,
    VerantwoordingAanRijk,
}

impl Dimension {
    /// In the order of annex III; a [`super::Profile`] stores its scores in this order.
    pub const ALL: [Dimension; 6] = [
        Dimension::BeleidsambitieRijk,
        Dimension::VerplichtKarakter,
        Dimension::DecentraleMiddelen,
        Dimension::EisenAanUitvoering,
        Dimension::VerantwoordelijkheidUitvoering,
        Dimension::VerantwoordingAanRijk,
    ];

    pub fn index(self) -> usize {
        match self {
            Dimension::BeleidsambitieRijk => 0,
            Dimension::VerplichtKarakter => 1,
            Dimension::DecentraleMiddelen => 2,
            Dimension::EisenAanUitvoering => 3,
            Dimension::VerantwoordelijkheidUitvoering => 4,
            Dimension::VerantwoordingAanRijk => 5,
        }
    }

    /// The number as printed in annex III (1–6).
    pub fn number(self) -> usize {
        self.index() + 1
    }

    pub fn key(self) -> &'static str {
        match self {
            Dimension::BeleidsambitieRijk => "beleidsambitie-rijk",
            Dimension::VerplichtKarakter => "verplicht-karakter",
            Dimension::DecentraleMiddelen => "decentrale-middelen",
            Dimension::EisenAanUitvoering => "eisen-aan-uitvoering",
            Dimension::VerantwoordelijkheidUitvoering => "verantwoordelijkheid-uitvoering",
            Dimension::VerantwoordingAanRijk => "verantwoording-aan-rijk",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The short label of the radar chart in annex III.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::BeleidsambitieRijk => "Beleidsambitie Rijk",
            Dimension::VerplichtKarakter => "Verplicht karakter",
            Dimension::DecentraleMiddelen => "Decentrale middelen",
            Dimension::EisenAanUitvoering => "Eisen aan uitvoering",
            Dimension::VerantwoordelijkheidUitvoering => "Verantwoordelijkheid uitvoering",
            Dimension::VerantwoordingAanRijk => "Verantwoording aan Rijk",
        }
    }

    /// The question exactly as annex III asks it.
    pub fn question(self) -> &'static str {
        match self {
            Dimension::BeleidsambitieRijk => "In hoeverre heeft het Rijk een eigen beleidsambitie?",
            Dimension::VerplichtKarakter => {
                "In hoeverre verplicht het Rijk de decentrale overheden tot de samenwerking?"
            }
            Dimension::DecentraleMiddelen => {
                "In hoeverre dienen de decentrale overheden eigen middelen in te zetten?"
            }
            Dimension::EisenAanUitvoering => "In hoeverre stelt het Rijk eisen aan de uitvoering?",
            Dimension::VerantwoordelijkheidUitvoering => {
                "Hoe is de verantwoordelijkheid voor de uitvoering verdeeld?"
            }
            Dimension::VerantwoordingAanRijk => {
                "In hoeverre dienen decentrale overheden zich aan het Rijk te verantwoorden over bestedingen en resultaten?"
            }
        }
    }

    /// What a score of 1 means.
    pub fn scale_low(self) -> &'static str {
        match self {
            Dimension::VerantwoordelijkheidUitvoering => "het Rijk 100%",
            _ => "geenszins",
        }
    }

    /// What a score of 5 means.
    pub fn scale_high(self) -> &'static str {
        match self {
            Dimension::VerantwoordelijkheidUitvoering => "de decentrale overheden 100%",
            _ => "in zeer hoge mate",
        }
    }

    /// What the ROB says equal partnership in its purest form means on this dimension (§5.3).
    pub fn ideal_explained(self) -> &'static str {
        match self {
            Dimension::BeleidsambitieRijk => {
                "In een verhouding van gelijkwaardig partnerschap tellen de beleidsambities van het Rijk en van de decentrale overheden even zwaar mee."
            }
            Dimension::VerplichtKarakter => {
                "In een verhouding van gelijkwaardig partnerschap hebben Rijk en decentrale overheden dezelfde vrijheid om de samenwerking al dan niet aan te gaan."
            }
            Dimension::DecentraleMiddelen => {
                "In een verhouding van gelijkwaardig partnerschap dragen Rijk en decentrale overheden in vergelijkbare mate bij in de kosten. Dat betekent niet per se evenveel, maar vooral in een mate die de gelijkwaardige positie uitdrukt."
            }
            Dimension::EisenAanUitvoering => {
                "Het getuigt van kracht en gelijkwaardig partnerschap als het Rijk wel zijn financiële slagkracht in een samenwerking inbrengt maar terughoudend is om daar eisen in de uitkomsten of de wijze van uitvoering tegenover te stellen."
            }
            Dimension::VerantwoordelijkheidUitvoering => {
                "In een verhouding van gelijkwaardig partnerschap in zijn meest zuivere vorm zijn Rijk en decentrale overheden gezamenlijk naar evenredigheid verantwoordelijk voor de uitvoering."
            }
            Dimension::VerantwoordingAanRijk => {
                "In een gelijkwaardig partnerschap leggen alle betrokken bestuurders verantwoording af aan de volksvertegenwoordiging op hun eigen bestuurslaag."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_api_keys_in_annex_order() {
        let keys: Vec<_> = Dimension::ALL.iter().map(|d| d.key()).collect();
        assert_eq!(
            keys,
            [
                "beleidsambitie-rijk",
                "verplicht-karakter",
                "decentrale-middelen",
                "eisen-aan-uitvoering",
                "verantwoordelijkheid-uitvoering",
                "verantwoording-aan-rijk"
            ]
        );
        for (i, d) in Dimension::ALL.iter().enumerate() {
            assert_eq!(d.index(), i);
            assert_eq!(Dimension::from_key(d.key()), Some(*d));
            assert_eq!(serde_json::to_string(d).unwrap(), format!("\"{}\"", d.key()));
        }
    }

    #[test]
    fn only_dimension_five_has_other_scale_ends() {
        for d in Dimension::ALL {
            if d == Dimension::VerantwoordelijkheidUitvoering {
                assert_eq!(
                    (d.scale_low(), d.scale_high()),
                    ("het Rijk 100%", "de decentrale overheden 100%")
                );
            } else {
                assert_eq!(
                    (d.scale_low(), d.scale_high()),
                    ("geenszins", "in zeer hoge mate")
                );
            }
        }
    }

    #[test]
    fn questions_are_annex_three_verbatim() {
        assert_eq!(
            Dimension::VerantwoordingAanRijk.question(),
            "In hoeverre dienen decentrale overheden zich aan het Rijk te verantwoorden over bestedingen en resultaten?"
        );
        assert_eq!(
            Dimension::VerplichtKarakter.question(),
            "In hoeverre verplicht het Rijk de decentrale overheden tot de samenwerking?"
        );
    }
}
