//! `samenspel bench udo-dashboard`: the dashboard of the UDO's use (issue 14, item 10) over a
//! fresh database with a seeded set of generated dossiers, spread over the current ministries
//! and the last five years, each opened and moved through the workflow by the application's
//! own use cases on the days it would have been (a financial paragraph, koepels, BZK's advice
//! and a consultation plan where the normenkader asks for them; some held in the toets without
//! a financial paragraph). It then times the dashboard use case (everything, one year, one
//! ministry), beside the list of dossiers (which reads every column) and the peer: a plain SQL
//! `GROUP BY` over the same table on the same database, whose counts are compared with ours.
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{Datelike, Days, NaiveDate};
use samenspel_app::{App, Clock, Principal};
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::udo::dashboard::{DashboardFilter, UdoYearFigures};
use samenspel_store::{OrgFilter, Page};

use crate::bench::{peak_memory, seconds, summary};
use crate::bench_udo_data::{Seeded, dossier, steps};
use crate::bench_udo_peer::{Peer, Scratch};

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0).replace('.', ",")
}

/// The sums the peer can check: dossiers, consulted, UDO before, term kept, co-signing.
pub(crate) fn sums(figures: &[UdoYearFigures]) -> [i64; 5] {
    figures.iter().fold([0; 5], |s, f| {
        [
            s[0] + i64::from(f.dossiers),
            s[1] + i64::from(f.consulted),
            s[2] + i64::from(f.udo_before_consultation),
            s[3] + i64::from(f.consultation_term_kept),
            s[4] + i64::from(f.cosign),
        ]
    })
}

/// (min, median, p95, max) of the durations.
pub(crate) fn stats(mut durations: Vec<Duration>) -> anyhow::Result<[Duration; 4]> {
    durations.sort();
    let (min, median, max) = summary(&durations).context("geen metingen")?;
    let p95 = durations[(durations.len() * 95).div_ceil(100).saturating_sub(1)];
    Ok([min, median, p95, max])
}

/// Times `ask` `repeats` times after one untimed warm-up.
async fn time<F, Fut>(repeats: u32, ask: F) -> anyhow::Result<[Duration; 4]>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    ask().await?;
    let mut durations = Vec::with_capacity(repeats as usize);
    for _ in 0..repeats {
        let start = Instant::now();
        ask().await?;
        durations.push(start.elapsed());
    }
    stats(durations)
}

fn print_row(name: &str, found: usize, t: [Duration; 4]) {
    println!(
        "{name:<46}{found:>8}{:>12}{:>12}{:>12}{:>12}",
        millis(t[0]),
        millis(t[1]),
        millis(t[2]),
        millis(t[3])
    );
}

/// Opens `count` dossiers spread over `ministries` and the five years up to `today`'s, each
/// taken through its steps on its own days.
pub(crate) async fn load(
    app: &App,
    ministries: &[OrgCode],
    count: u32,
    seed: u64,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let who = Principal::System("bench");
    let mut rng = Seeded::new(seed);
    for n in 0..count {
        let ministry = &ministries[rng.below(ministries.len() as u64) as usize];
        let year = today.year() - 4 + rng.below(5) as i32;
        let last = if year == today.year() {
            today.ordinal0()
        } else {
            364
        };
        let opened = NaiveDate::from_yo_opt(year, 1)
            .and_then(|d| d.checked_add_days(Days::new(rng.below(u64::from(last) + 1))))
            .context("datum")?;
        let (input, plan) = dossier(&mut rng, n, ministry, opened).context("dossier maken")?;
        let at = |day: NaiveDate| {
            app.clone().with_clock(Clock::fixed(
                day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc(),
            ))
        };
        let id = at(opened)
            .create_udo_dossier(&input, &who)
            .await
            .with_context(|| format!("dossier {n} openen"))?;
        let mut version = 1;
        for (i, (day, step)) in steps(&mut rng, opened, plan).into_iter().enumerate() {
            version = at(day)
                .take_udo_step(id, version, &step, &who)
                .await
                .with_context(|| format!("dossier {n}: stap {}", i + 1))?
                .version;
        }
    }
    Ok(())
}

pub async fn run(dossiers: u32, repeats: u32, seed: u64, database: Option<&str>) -> anyhow::Result<ExitCode> {
    println!(
        "Benchmark: het UDO-dashboard over {dossiers} gegenereerde dossiers (seed {seed}, {repeats} herhalingen)"
    );
    let scratch = Scratch::new(database).await?;
    let result = measure(scratch.url(), dossiers, repeats, seed).await;
    scratch.remove().await;
    result?;
    println!("Piekgeheugen van het proces (VmHWM): {}", peak_memory());
    Ok(ExitCode::SUCCESS)
}

async fn measure(url: &str, dossiers: u32, repeats: u32, seed: u64) -> anyhow::Result<()> {
    println!("Database: {} (nieuw, daarna verwijderd)", crate::redact(url));
    let app = crate::bench::prepared_app(url).await?;
    let current = OrgFilter {
        org_type: Some(OrgType::Ministerie),
        query: None,
        include_ended: false,
    };
    let ministries: Vec<OrgCode> = app
        .list_organisations(
            &current,
            Page {
                limit: 100,
                offset: 0,
            },
        )
        .await?
        .items
        .into_iter()
        .map(|o| o.code)
        .collect();
    anyhow::ensure!(
        !ministries.is_empty(),
        "geen ministeries in de referentiegegevens"
    );
    let today = app.today();
    let start = Instant::now();
    load(&app, &ministries, dossiers, seed, today).await?;
    println!(
        "Geladen: {dossiers} dossiers van {} ministeries over {}–{}, met hun stappen, in {}",
        ministries.len(),
        today.year() - 4,
        today.year(),
        seconds(start.elapsed())
    );
    println!();
    println!(
        "{:<46}{:>8}{:>12}{:>12}{:>12}{:>12}",
        "vraag", "rijen", "min", "mediaan", "p95", "max"
    );
    let app = &app;
    let ours = app.udo_dashboard(&DashboardFilter::default()).await?;
    let filters = [
        ("dashboard, alles".to_owned(), DashboardFilter::default()),
        (
            format!("dashboard, jaar {}", today.year() - 1),
            DashboardFilter {
                year: Some(today.year() - 1),
                ministry: None,
            },
        ),
        (
            format!("dashboard, ministerie {}", ministries[0]),
            DashboardFilter {
                year: None,
                ministry: Some(ministries[0].clone()),
            },
        ),
    ];
    for (name, filter) in &filters {
        let found = app.udo_dashboard(filter).await?.len();
        let t = time(repeats, move || async move {
            app.udo_dashboard(filter).await?;
            Ok::<(), anyhow::Error>(())
        })
        .await?;
        print_row(name, found, t);
    }
    let anonymous = &Principal::Anonymous;
    let found = app.udo_dossiers(anonymous).await?.len();
    let t = time(repeats, move || async move {
        app.udo_dossiers(anonymous).await?;
        Ok::<(), anyhow::Error>(())
    })
    .await?;
    print_row("lijst van dossiers (alle kolommen)", found, t);
    let mut peer = Peer::connect(url).await?;
    let theirs = peer.group_by().await?;
    let t = peer.time(repeats).await?;
    print_row("peer: SQL GROUP BY over dezelfde tabel", theirs.len(), t);
    let (ours_sums, theirs_sums) = (sums(&ours), Peer::sums(&theirs));
    println!();
    println!(
        "Controle (dossiers, geconsulteerd, UDO vooraf, termijn gehaald, medeondertekening): Samenspel {ours_sums:?}, SQL {theirs_sums:?}{}",
        if ours_sums == theirs_sums && ours.len() == theirs.len() {
            " (gelijk)"
        } else {
            " (VERSCHILLEND)"
        }
    );
    Ok(())
}
