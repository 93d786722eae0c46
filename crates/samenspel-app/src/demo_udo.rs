//! UDO dossiers for the demonstration (issue 14, item 11), each titled "(demonstratie)": one
//! that went through the toets and the consultation into force, with co-signing by BZK
//! (mandatory cooperation and a large financial consequence); one held in the toets because its
//! financial paragraph is missing (the outcome step is refused, and the page says why); one
//! policy intention still in its verkenning; one evaluated a year after it came into force;
//! and one in consultation on the day the demonstration is loaded, whose reaction form is
//! open. Together they pass every state. The proposals are invented; the rules, articles
//! and terms they are checked against are those of `samenspel_domain::udo`.

use samenspel_domain::udo::dossier::DossierInput;
use samenspel_domain::udo::workflow::StepInput;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::{App, AppError, AppResult, Principal};

struct DemoDossier {
    key: &'static str,
    content: &'static str,
    /// The day it was opened (`jjjj-mm-dd`), so that its dates read as one story whatever the
    /// day the demonstration is loaded.
    opened: &'static str,
    /// The steps taken, each on its day, as the API takes them.
    steps: &'static [(&'static str, &'static str)],
}

const DOSSIERS: [DemoDossier; 5] = [
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
    DemoDossier {
        key: "udo-wet-schuldhulp-in-de-wijk",
        content: r#"{
            "ministry": "MNRE1073",
            "title": "Wet schuldhulpverlening in de wijk (demonstratie)",
            "summary": "Gemeenten bieden schuldhulpverlening ook in de wijk aan, binnen vier weken na een melding.",
            "form": "wet", "layers": ["gemeenten"], "scope": "beperkt",
            "scope_reason": "Een aanscherping van een bestaande gemeentelijke taak.",
            "phase": "aangenomen",
            "koepels": [
                {"koepel": "vng", "asked_on": "2024-02-12", "judgement": "Uitvoerbaar met de genoemde middelen."}
            ],
            "aspects": {
                "tasks": "Spreekuren in de wijk en een eerste gesprek binnen vier weken.",
                "policy_freedom": "wenselijk", "medebewind": true,
                "compensation": "Via de algemene uitkering.",
                "allocation_reason": "Gemeenten voeren de schuldhulpverlening al uit.",
                "governments_affected": "342"
            },
            "bzk_advice": [
                {"moment": "ambtelijk-voorportaal", "given_on": "2024-03-04", "advice": "Akkoord."}
            ],
            "financial_consequences_expected": true,
            "financial": {
                "rows": [
                    {"layer": "gemeenten", "year": "2025", "structural": "12.000.000", "incidental": "2.000.000", "reasoning": "Spreekuren in de wijk; eenmalige invoering.", "source": "Kostenraming (demonstratie)"}
                ],
                "articles": ["fvw-2", "gemeentewet-108-3"],
                "funding": "algemene-uitkering",
                "consulted_bzk_on": "2024-03-11", "consulted_financien_on": "2024-03-11"
            },
            "consultation": {
                "co_governments_opens": "2024-05-01", "co_governments_closes": "2024-06-30"
            }
        }"#,
        opened: "2024-02-05",
        steps: &[
            ("2024-02-05", r#"{"event": "start-verkenning"}"#),
            ("2024-02-19", r#"{"event": "start-toets"}"#),
            (
                "2024-04-15",
                r#"{"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar"}}"#,
            ),
            ("2024-05-01", r#"{"event": "open-consultation"}"#),
            ("2024-10-01", r#"{"event": "adopt", "on": "2024-10-01"}"#),
            (
                "2025-01-01",
                r#"{"event": "enter-into-force", "on": "2025-01-01"}"#,
            ),
            ("2026-02-02", r#"{"event": "evaluate", "on": "2026-02-02"}"#),
        ],
    },
    // In consultation on the day the demonstration is loaded, so that its reaction form is
    // open: its dates are counted back from that day ("-N": N days before it; `@…@` in the
    // content, see `App::demo_content`).
    DemoDossier {
        key: "udo-wet-lokale-bibliotheken",
        content: r#"{
            "ministry": "MNRE1109",
            "title": "Wet lokale bibliotheekvoorziening (demonstratie)",
            "summary": "Elke gemeente zorgt voor een bibliotheekvoorziening; de provincie voor de ondersteuning ervan.",
            "form": "wet", "layers": ["gemeenten", "provincies"], "scope": "uitgebreid",
            "scope_reason": "Een nieuwe wettelijke taak voor alle gemeenten.",
            "phase": "in-voorbereiding",
            "koepels": [
                {"koepel": "vng", "asked_on": "@ASKED@", "judgement": "Uitvoerbaar als de middelen structureel meegaan."},
                {"koepel": "ipo", "asked_on": "@ASKED@", "judgement": ""}
            ],
            "aspects": {
                "tasks": "Een bibliotheekvoorziening in elke gemeente; provinciale ondersteuning.",
                "policy_freedom": "dwingend", "medebewind": true,
                "compensation": "Via een decentralisatie-uitkering.",
                "allocation_reason": "Gemeenten kennen hun inwoners; provincies ondersteunen al.",
                "governments_affected": "354"
            },
            "bzk_advice": [
                {"moment": "ambtelijk-voorportaal", "given_on": "@ASKED@", "advice": "Kosten per laag kwantificeren."}
            ],
            "financial_consequences_expected": true,
            "financial": {
                "rows": [
                    {"layer": "gemeenten", "year": "@NEXT_YEAR@", "structural": "25.000.000", "incidental": "3.000.000", "reasoning": "Openstelling en collectie; eenmalige inrichting.", "source": "Kostenraming (demonstratie)"},
                    {"layer": "provincies", "year": "@NEXT_YEAR@", "structural": "4.000.000", "incidental": "0", "reasoning": "Ondersteuning door twaalf provincies.", "source": "Kostenraming (demonstratie)"}
                ],
                "articles": ["fvw-2", "gemeentewet-108-3", "provinciewet-105-3"],
                "funding": "decentralisatie-uitkering",
                "consulted_bzk_on": "@ASKED@", "consulted_financien_on": "@ASKED@"
            },
            "consultation": {
                "co_governments_opens": "@OPENS@", "co_governments_closes": "@CLOSES@",
                "internet_opens": "@OPENS@", "internet_closes": "@INTERNET_CLOSES@"
            }
        }"#,
        opened: "-90",
        steps: &[
            ("-90", r#"{"event": "start-verkenning"}"#),
            ("-76", r#"{"event": "start-toets"}"#),
            (
                "-21",
                r#"{"event": "record-outcome", "outcome": {"outcome": "uitvoerbaar"}}"#,
            ),
            ("-14", r#"{"event": "open-consultation"}"#),
        ],
    },
];

/// A demonstration day: `jjjj-mm-dd`, or `-N` for N days before `today`.
fn demo_day(spec: &str, today: NaiveDate) -> AppResult<NaiveDate> {
    match spec.strip_prefix('-').map(str::parse::<u64>) {
        Some(Ok(days)) => today
            .checked_sub_days(Days::new(days))
            .ok_or_else(|| AppError::internal("demonstration day")),
        Some(Err(e)) => Err(AppError::internal(e)),
        None => NaiveDate::parse_from_str(spec, "%Y-%m-%d").map_err(AppError::internal),
    }
}

/// The content with its `@…@` dates filled in from `today`: the consultation opened 14 days
/// ago and runs two months (the internet consultation six weeks), the koepels and BZK were
/// asked 60 days ago, the money counts from next year.
fn demo_content(content: &str, today: NaiveDate) -> AppResult<String> {
    let back = |days| demo_day(&format!("-{days}"), today);
    let opens = back(14)?;
    let closes = opens
        .checked_add_months(Months::new(2))
        .ok_or_else(|| AppError::internal("demonstration day"))?;
    let internet_closes = opens
        .checked_add_days(Days::new(42))
        .ok_or_else(|| AppError::internal("demonstration day"))?;
    Ok(content
        .replace("@ASKED@", &back(60)?.to_string())
        .replace("@OPENS@", &opens.to_string())
        .replace("@CLOSES@", &closes.to_string())
        .replace("@INTERNET_CLOSES@", &internet_closes.to_string())
        .replace("@NEXT_YEAR@", &(today.year() + 1).to_string()))
}

impl App {
    /// This app with its clock at noon (UTC) of the demonstration day `spec`.
    fn on_day(&self, spec: &str) -> AppResult<App> {
        let day = demo_day(spec, self.today())?;
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
            let content: DossierInput = serde_json::from_str(&demo_content(demo.content, self.today())?)
                .map_err(AppError::internal)?;
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn dossier(key: &str) -> samenspel_domain::udo::dossier::Dossier {
        let demo = DOSSIERS.iter().find(|d| d.key == key).unwrap();
        serde_json::from_str::<DossierInput>(&demo_content(demo.content, today()).unwrap())
            .unwrap()
            .parse()
            .unwrap()
    }

    #[test]
    fn the_demonstration_dossiers_are_valid_and_show_what_they_are_for() {
        for demo in &DOSSIERS {
            let d = dossier(demo.key);
            assert!(d.title.ends_with("(demonstratie)"), "{}", demo.key);
            let mut last = demo_day(demo.opened, today()).unwrap();
            for (day, step) in demo.steps {
                serde_json::from_str::<StepInput>(step).unwrap().parse().unwrap();
                let day = demo_day(day, today()).unwrap();
                assert!(
                    day >= last && day <= today(),
                    "{}: the steps' days follow each other",
                    demo.key
                );
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

    #[test]
    fn the_dossier_in_consultation_is_open_on_the_day_it_is_loaded() {
        let d = dossier("udo-wet-lokale-bibliotheken");
        let plan = d.consultation.unwrap();
        assert!(plan.co_governments.opens < today() && today() < plan.co_governments.closes);
        assert!(
            evaluate(&d).iter().all(|c| c.outcome != Outcome::VoldoetNiet),
            "{:?}",
            evaluate(&d)
        );
        assert_eq!(
            demo_day("-14", today()).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
        assert!(demo_day("-x", today()).is_err());
    }
}
