//! UDO dossiers for the demonstration (issue 14, item 11), each titled "(demonstratie)": one
//! that went through the toets and the consultation into force, with co-signing by BZK
//! (mandatory cooperation and a large financial consequence); one held in the toets because its
//! financial paragraph is missing (the outcome step is refused, and the page says why); one
//! policy intention still in its verkenning. The proposals are invented; the rules, articles
//! and terms they are checked against are those of `samenspel_domain::udo`.

use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::StepInput;

use crate::{App, AppResult, Principal};

struct DemoDossier {
    key: &'static str,
    content: &'static str,
    /// The day it was opened (`jjjj-mm-dd`), so that its dates read as one story whatever the
    /// day the demonstration is loaded.
    opened: &'static str,
    /// The steps taken, each on its day, as the API takes them.
    steps: &'static [(&'static str, &'static str)],
}

const DOSSIERS: [DemoDossier; 3] = [
    DemoDossier {
        key: "udo-wet-regionale-zorgtoegang",
        content: r#"{
            "ministry": "MNRE1025",
            "title": "Wet regionale zorgtoegang (demonstratie)",
            "summary": "Gemeenten richten per jeugdzorgregio één toegang tot zorg in en werken daarvoor verplicht samen.",
            "form": "wet", "layers": ["gemeenten", "provincies"], "scope": "uitgebreid",
            "scope_reason": "Een nieuwe taak met verplichte samenwerking voor alle gemeenten.",
            "phase": "aangenomen",
            "koepels": [
                {"koepel": "vng", "asked_on": "2026-01-12", "judgement": "Uitvoerbaar als de middelen structureel meegaan."},
                {"koepel": "ipo", "asked_on": "2026-01-12", "judgement": "Geen bezwaar; provincies houden toezicht."}
            ],
            "aspects": {
                "tasks": "Eén regionale toegang tot jeugd- en zorgvoorzieningen inrichten en bemensen.",
                "policy_freedom": "dwingend", "powers": "Besluiten over toegang per regio.",
                "execution_capacity": "Circa 2 fte per regio.", "information_burden": "Jaarlijkse verantwoording via de jaarrekening.",
                "supervision": "Interbestuurlijk toezicht door de provincie.",
                "medebewind": true, "plan_or_report_obligations": true,
                "compensation": "Via de algemene uitkering, vastgesteld met het fondsbeheer.",
                "mandatory_cooperation": true,
                "allocation_reason": "De toegang vraagt een schaal die één gemeente alleen niet heeft; de jeugdzorgregio's bestaan al.",
                "governments_affected": "354"
            },
            "bzk_advice": [
                {"moment": "ambtelijk-voorportaal", "given_on": "2026-02-02", "advice": "Verplichte samenwerking motiveren; kosten per laag kwantificeren."},
                {"moment": "onderraad", "given_on": "2026-03-09", "advice": "Akkoord na aanvulling van de financiële paragraaf."}
            ],
            "financial_consequences_expected": true,
            "financial": {
                "rows": [
                    {"layer": "gemeenten", "year": "2027", "structural": "42.000.000", "incidental": "8.500.000", "reasoning": "42 regio's maal 1 miljoen; invoeringskosten eenmalig.", "source": "Kostenraming (demonstratie)"},
                    {"layer": "gemeenten", "year": "2028", "structural": "42.000.000", "incidental": "0", "reasoning": "Structurele kosten van de toegang.", "source": "Kostenraming (demonstratie)"},
                    {"layer": "provincies", "year": "2027", "structural": "1.200.000", "incidental": "0", "reasoning": "Toezicht door twaalf provincies.", "source": "Kostenraming (demonstratie)"}
                ],
                "articles": ["fvw-2", "gemeentewet-108-3", "provinciewet-105-3"],
                "funding": "algemene-uitkering",
                "consulted_bzk_on": "2026-02-16", "consulted_financien_on": "2026-02-18"
            },
            "consultation": {
                "co_governments_opens": "2026-04-01", "co_governments_closes": "2026-05-31",
                "internet_opens": "2026-04-01", "internet_closes": "2026-05-13"
            },
            "allocation": {
                "policy_freedom": "dwingend", "municipalities_alone": "nee",
                "need_inhabitants": "150.000", "division": "jeugdzorgregio",
                "justification": "Eén toegang per regio vraagt dat alle gemeenten van de regio meedoen. Gewogen zijn vrijwillige samenwerking via een centrumgemeente (kwam in een derde van de regio's niet tot stand), de provincie (heeft geen taak in het sociaal domein) en een rijksdienst (te ver van de lokale voorzieningen).",
                "principles": {
                    "inhoud-centraal": {"met": "ja", "note": "De regio volgt de zorgvraag, niet de bestuurlijke grens."},
                    "democratisch-gelegitimeerd": {"met": "nee", "note": "De gemeenteraden sturen alleen via de gemeenschappelijke regeling."},
                    "congruente-indeling": {"met": "ja", "note": "De bestaande jeugdzorgregio's."},
                    "passend-financieel-arrangement": {"met": "ja", "note": "Via de algemene uitkering."}
                }
            }
        }"#,
        opened: "2026-01-05",
        steps: &[
            ("2026-01-05", r#"{"event": "start-verkenning"}"#),
            ("2026-01-12", r#"{"event": "start-toets"}"#),
            (
                "2026-03-16",
                r#"{"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar-onder-voorwaarden", "conditions": ["De middelen gaan structureel mee via de algemene uitkering."]}}"#,
            ),
            ("2026-04-01", r#"{"event": "open-consultation"}"#),
            ("2026-07-01", r#"{"event": "adopt", "on": "2026-07-01"}"#),
            (
                "2026-10-01",
                r#"{"event": "enter-into-force", "on": "2026-10-01"}"#,
            ),
        ],
    },
    DemoDossier {
        key: "udo-amvb-klimaatadaptatie",
        content: r#"{
            "ministry": "MNRE1130",
            "title": "Besluit klimaatadaptatieplannen (demonstratie)",
            "summary": "Gemeenten en waterschappen stellen elke vier jaar een klimaatadaptatieplan op.",
            "form": "amvb", "layers": ["gemeenten", "waterschappen"], "scope": "beperkt",
            "scope_reason": "Een planverplichting bij bestaande taken.",
            "phase": "in-voorbereiding",
            "koepels": [
                {"koepel": "vng", "asked_on": "2026-09-01", "judgement": ""},
                {"koepel": "uvw", "asked_on": "2026-09-01", "judgement": ""}
            ],
            "aspects": {
                "tasks": "Een klimaatadaptatieplan opstellen en elke vier jaar herzien.",
                "policy_freedom": "wenselijk", "plan_or_report_obligations": true,
                "allocation_reason": "Gemeenten en waterschappen beheren de openbare ruimte en het water."
            },
            "financial_consequences_expected": true
        }"#,
        opened: "2026-08-17",
        steps: &[
            ("2026-08-17", r#"{"event": "start-verkenning"}"#),
            ("2026-09-01", r#"{"event": "start-toets"}"#),
        ],
    },
    DemoDossier {
        key: "udo-beleid-regionale-energie",
        content: r#"{
            "ministry": "MNRE1045",
            "title": "Beleidsvoornemen regionale energieopslag (demonstratie)",
            "summary": "Verkenning of provincies een rol krijgen bij de ruimtelijke inpassing van energieopslag.",
            "form": "beleid", "layers": ["provincies"], "scope": "beperkt",
            "scope_reason": "Nog een verkenning; de omvang volgt uit de opties.",
            "phase": "in-voorbereiding",
            "aspects": {"tasks": "Nog te bepalen.", "allocation_reason": "Provincies kennen de ruimtelijke afwegingen per regio."},
            "financial_consequences_expected": false
        }"#,
        opened: "2026-11-02",
        steps: &[("2026-11-02", r#"{"event": "start-verkenning"}"#)],
    },
];

impl App {
    /// This app with its clock at noon (UTC) of `day`.
    fn on_day(&self, day: &str) -> AppResult<App> {
        let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(crate::AppError::internal)?;
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        Ok(self.clone().with_clock(crate::Clock::fixed(noon)))
    }

    /// Opens the demonstration dossiers that are not there yet and takes their steps
    /// (idempotent: a dossier with its key is left as it is).
    pub(crate) async fn load_demo_udo(&self) -> AppResult<()> {
        let who = Principal::System("demo");
        for demo in &DOSSIERS {
            if self.store().find_demo_udo_dossier(demo.key).await?.is_some() {
                continue;
            }
            let content: DossierInput =
                serde_json::from_str(demo.content).map_err(crate::AppError::internal)?;
            let id = self
                .on_day(demo.opened)?
                .open_udo_dossier(&content, Some(demo.key), &who)
                .await?;
            let mut version = 1;
            for (day, step) in demo.steps {
                let step: StepInput = serde_json::from_str(step).map_err(crate::AppError::internal)?;
                version = self
                    .on_day(day)?
                    .take_udo_step(id, version, &step, &who)
                    .await?
                    .version;
            }
            self.load_demo_udo_reactions(demo.key, id).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_domain::rules::Outcome;
    use samenspel_domain::udo::cosign::{CosignThresholds, cosign};
    use samenspel_domain::udo::normenkader::evaluate;

    fn dossier(key: &str) -> samenspel_domain::udo::dossier::Dossier {
        let demo = DOSSIERS.iter().find(|d| d.key == key).unwrap();
        serde_json::from_str::<DossierInput>(demo.content)
            .unwrap()
            .parse()
            .unwrap()
    }

    #[test]
    fn the_demonstration_dossiers_are_valid_and_show_what_they_are_for() {
        for demo in &DOSSIERS {
            let d = dossier(demo.key);
            assert!(d.title.ends_with("(demonstratie)"), "{}", demo.key);
            let mut last = demo.opened;
            for (day, step) in demo.steps {
                serde_json::from_str::<StepInput>(step).unwrap().parse().unwrap();
                assert!(*day >= last, "{}: the steps' days follow each other", demo.key);
                last = day;
            }
        }
        let law = dossier("udo-wet-regionale-zorgtoegang");
        assert!(cosign(&law, CosignThresholds::default()).raised());
        assert!(evaluate(&law).iter().all(|c| c.outcome != Outcome::VoldoetNiet));
        let held = dossier("udo-amvb-klimaatadaptatie");
        assert!(
            evaluate(&held)
                .iter()
                .any(|c| c.key == "financiele-paragraaf-aanwezig" && c.outcome == Outcome::VoldoetNiet),
            "held in the toets for its missing financial paragraph"
        );
    }
}
