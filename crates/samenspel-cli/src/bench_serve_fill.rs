//! For `samenspel bench serve`: a database at national scale, filled through the use cases
//! (the same checks and audit events as every other write): the demonstration data (every
//! organisation, the register of gemeenschappelijke regelingen, the national programmes, the
//! demonstration collaborations, waves, UDO dossiers, medebewind tasks and costs), then
//! generated collaborations with three municipalities each, their stances and the Rijk's money,
//! UDO dossiers with their steps, Iv3 costs of every municipality for several years and a wave
//! of the knelpuntenmonitor with many respondents, closed.

use std::time::Instant;

use anyhow::Context;
use chrono::Datelike;
use samenspel_app::exchange::Format;
use samenspel_app::survey::WaveInput;
use samenspel_app::{App, Principal};
use samenspel_domain::iv3::costs::CostShape;
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::partnership::{Dimension, ScoreValue, StanceInput};
use samenspel_store::{CollaborationFilter, OrgFilter, Page};

use crate::bench_udo_data::Seeded;

/// How much is generated on top of the demonstration data.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub collaborations: u32,
    pub dossiers: u32,
    pub cost_years: u32,
    pub respondents: u64,
}

/// The filled database's handles for the load: the closed wave and a beheerder's API token.
pub struct Filled {
    pub wave: String,
    pub token: String,
}

/// The words every generated collaboration's name starts with.
const NAME: &str = "Benchsamenwerking";

pub(crate) async fn org_codes(app: &App, org_type: OrgType) -> anyhow::Result<Vec<OrgCode>> {
    let filter = OrgFilter {
        org_type: Some(org_type),
        query: None,
        include_ended: false,
    };
    let page = Page {
        limit: 1000,
        offset: 0,
    };
    Ok(app
        .list_organisations(&filter, page)
        .await?
        .items
        .into_iter()
        .map(|o| o.code)
        .collect())
}

/// The exchange CSV of `count` collaborations, and the three municipalities of each.
pub(crate) fn exchange_csv(
    count: u32,
    municipalities: &[OrgCode],
    financier: &OrgCode,
    rng: &mut Seeded,
) -> (String, Vec<[OrgCode; 3]>) {
    let mut csv =
        String::from("regel;sleutel;naam;soort;start;einde;organisatie;rol;jaar;bedrag;instrument;status\n");
    let mut partners = Vec::with_capacity(count as usize);
    for c in 0..count {
        let key = format!("bench-{c}");
        csv.push_str(&format!(
            "samenwerking;{key};{NAME} {c};regio-deal;1-3-2024;31-12-2027;;;;;;\n"
        ));
        let mut three: Vec<OrgCode> = Vec::with_capacity(3);
        while three.len() < 3 {
            let pick = &municipalities[rng.below(municipalities.len() as u64) as usize];
            if !three.contains(pick) {
                three.push(pick.clone());
            }
        }
        for (i, code) in three.iter().enumerate() {
            let role = if i == 0 { "trekker" } else { "partner" };
            csv.push_str(&format!("partner;{key};;;;;{code};{role};;;;\n"));
        }
        csv.push_str(&format!("partner;{key};;;;;{financier};financier;;;;\n"));
        let cents = 100_000 + rng.below(500_000_000);
        csv.push_str(&format!(
            "geld;{key};;;;;{financier};;2025;{}.{:02};regio-deal-bijdrage;toegezegd\n",
            cents / 100,
            cents % 100
        ));
        partners.push([three[0].clone(), three[1].clone(), three[2].clone()]);
    }
    (csv, partners)
}

fn stance(rng: &mut Seeded) -> StanceInput {
    StanceInput {
        phase: None,
        scores: Dimension::ALL
            .iter()
            .map(|d| (d.key().to_owned(), ScoreValue::Json((1 + rng.below(5)).into())))
            .collect(),
        motivations: Default::default(),
    }
}

/// Fills `app`'s (new) database at `scale`.
pub async fn fill(app: &App, scale: Scale, seed: u64, dir: &std::path::Path) -> anyhow::Result<Filled> {
    let who = Principal::System("bench");
    let mut rng = Seeded::new(seed);
    let timed = |name: String, start: Instant| {
        println!("  {name}: {}", crate::bench::seconds(start.elapsed()));
    };

    let start = Instant::now();
    samenspel_app::demo::load(app)
        .await
        .context("de demonstratiegegevens")?;
    timed(
        "demonstratiegegevens (organisaties, GR-register, programma's, demo)".into(),
        start,
    );

    let municipalities = org_codes(app, OrgType::Gemeente).await?;
    let ministries = org_codes(app, OrgType::Ministerie).await?;
    let financier = ministries
        .first()
        .context("geen ministerie in de referentiegegevens")?;
    anyhow::ensure!(municipalities.len() >= 3, "te weinig gemeenten");

    let start = Instant::now();
    let (csv, partners) = exchange_csv(scale.collaborations, &municipalities, financier, &mut rng);
    app.import_collaborations(csv.as_bytes(), Format::Csv, &who)
        .await
        .context("de samenwerkingen inlezen")?;
    timed(
        format!(
            "{} samenwerkingen met geld (uitwisselbestand)",
            scale.collaborations
        ),
        start,
    );

    let start = Instant::now();
    let filter = CollaborationFilter {
        query: Some(NAME.to_owned()),
        ..CollaborationFilter::default()
    };
    let mut stances = 0;
    let mut offset = 0;
    loop {
        let page = Page { limit: 500, offset };
        let found = app.list_collaborations(&filter, page, &who).await?;
        if found.items.is_empty() {
            break;
        }
        for item in &found.items {
            let Some(n) = item
                .name
                .strip_prefix(NAME)
                .and_then(|rest| rest.trim().parse::<usize>().ok())
            else {
                continue;
            };
            for code in partners.get(n).into_iter().flatten() {
                app.record_stance(item.id, code.as_str(), &stance(&mut rng), &who)
                    .await
                    .with_context(|| format!("standpunt in samenwerking {}", item.id))?;
                stances += 1;
            }
        }
        offset += found.items.len() as u32;
    }
    timed(format!("{stances} standpunten van partners"), start);

    let start = Instant::now();
    let today = app.today();
    crate::bench_udo::load(app, &ministries, scale.dossiers, seed, today).await?;
    timed(format!("{} UDO-dossiers met hun stappen", scale.dossiers), start);

    let start = Instant::now();
    let last = today.year() - 1;
    for year in (last + 1 - scale.cost_years as i32)..=last {
        let mut bytes = Vec::new();
        crate::bench_iv3::write_csv(year, &mut bytes)?;
        app.import_costs(CostShape::Cbs, &format!("iv3_{year}.csv"), &bytes, &who)
            .await
            .with_context(|| format!("de Iv3-kosten van {year}"))?;
    }
    timed(
        format!("Iv3-kosten van alle gemeenten, {} jaren", scale.cost_years),
        start,
    );

    let start = Instant::now();
    let wave = "bench-landelijk".to_owned();
    let path = dir.join("golf.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
    crate::bench_survey::write_synthetic_csv(scale.respondents, seed, &mut file)?;
    drop(file);
    app.create_wave(
        &WaveInput {
            key: wave.clone(),
            title: "Knelpuntenmonitor (benchmark)".into(),
            ..WaveInput::default()
        },
        &who,
    )
    .await?;
    app.import_responses(&wave, std::fs::read(&path)?, &who)
        .await
        .context("de antwoorden inlezen")?;
    app.close_wave(&wave, &who).await?;
    std::fs::remove_file(&path).ok();
    timed(
        format!(
            "golf van de knelpuntenmonitor, {} respondenten, gesloten",
            scale.respondents
        ),
        start,
    );

    let email = "bench-beheerder@example.org";
    let organisation = financier.as_str();
    app.add_user(
        email,
        "Bench",
        organisation,
        "beheerder",
        Some("bench-wachtwoord-lang"),
        &who,
    )
    .await
    .context("een beheerder voor de schrijfverzoeken")?;
    let token = app.create_api_token(email, &who).await?;
    Ok(Filled { wave, token })
}
