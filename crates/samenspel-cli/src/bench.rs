//! `samenspel bench import`: times the three steps of loading the built-in register of
//! gemeenschappelijke regelingen into a database: migrations and reference data, the first
//! import, and a second, unchanged import (the idempotency path).
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::collections::HashSet;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Subcommand;
use samenspel_app::register::{self, SHIPPED};
use samenspel_app::{App, Principal};
use samenspel_store::ImportReport;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Time migrating and importing the built-in register of gemeenschappelijke regelingen.
    ///
    /// Each run times (a) the migrations and reference data, (b) the first import and (c) a
    /// second, unchanged import. Without --database on the command line every run uses a fresh
    /// temporary SQLite file that is removed afterwards (SAMENSPEL_DATABASE_URL is ignored). A
    /// database given with --database is used as is and is written to: use a scratch database.
    Import {
        /// Number of runs.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        runs: u32,
    },
    /// Time importing generated collaborations with the exchange import (CSV: three
    /// municipalities, a ministry as financier and one amount each) into a database with the
    /// demonstration data, then the same file again, with the import's CPU time and peak
    /// memory; beside Python's sqlite3 writing the same rows into three plain tables.
    ///
    /// Without --database a temporary SQLite file is used; with a PostgreSQL URL a new database
    /// on that server; both are removed afterwards.
    Exchange {
        #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        collaborations: u32,
        #[arg(long, default_value_t = 16)]
        seed: u64,
    },
    /// Time finding things in the register: the paged list with each filter, the overview of
    /// one organisation and a congruence, each asked --repeats times.
    ///
    /// Without --database a temporary SQLite file is used; a database given with --database
    /// gets the register loaded into it (idempotently) and is then only read.
    Search {
        /// How often each question is asked.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
        repeats: u32,
    },
    /// Time a synthetic wave of the knelpuntenmonitor: import and report, beside the same report
    /// computed from the same CSV by DuckDB and by polars, each when its Python package is
    /// available (SAMENSPEL_BENCH_PYTHON names the Python, default python3).
    ///
    /// Without --database a temporary SQLite file is used; with --database a new wave is added
    /// to that database (use a scratch database).
    Survey {
        #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        respondents: u64,
        #[arg(long, default_value_t = 2020)]
        seed: u64,
    },
    /// Time importing a generated CBS-shaped cost file of every municipality × every Iv3 task
    /// field valid in one year, with the import's peak memory, beside DuckDB reading the same
    /// CSV and summing per task field when the Python package duckdb is available.
    ///
    /// Without --database a temporary SQLite file is used; with --database the figures are
    /// added to that database (use a scratch database).
    Iv3Costs {
        #[arg(long, default_value_t = 2024, value_parser = clap::value_parser!(i32).range(2000..=2100))]
        year: i32,
    },
    /// Fill a new database at national scale (the demonstration data, generated
    /// collaborations with stances and money, UDO dossiers, Iv3 costs of every municipality
    /// for several years, a closed wave of the knelpuntenmonitor), start `samenspel serve` on
    /// it and drive the main pages and API with many connections, beside the site's stylesheet
    /// from the same server; prints requests per second, p50 and p99 against issue 16's
    /// targets and the servers' memory.
    ///
    /// Without --database a temporary SQLite file is used; with a PostgreSQL URL a new database
    /// on that server; both are removed afterwards. --processes 2 starts two servers on the
    /// same database and spreads the connections over them.
    Serve {
        #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
        collaborations: u32,
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(0..=100_000))]
        dossiers: u32,
        /// Years of Iv3 costs of every municipality (the years before this one).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(0..=20))]
        cost_years: u32,
        #[arg(long, default_value_t = 1_000_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        respondents: u64,
        /// Seconds of load per line (after one second to warm up).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=600))]
        seconds: u32,
        #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=10_000))]
        connections: u64,
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=16))]
        processes: u64,
        /// The Accept-Encoding the load sends (a browser's by default); "" for none.
        #[arg(long, default_value = "br, gzip")]
        accept_encoding: String,
        #[arg(long, default_value_t = 16)]
        seed: u64,
        /// Only the lines whose name contains this text (e.g. "lijst"), to profile one page.
        #[arg(long)]
        only: Option<String>,
    },
    /// Time the dashboard of the UDO's use over generated dossiers, beside a plain SQL GROUP BY
    /// over the same table.
    ///
    /// The dossiers are loaded into a fresh database: without --database a temporary SQLite
    /// file, with a PostgreSQL URL a new database on that server; both are removed afterwards.
    UdoDashboard {
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        dossiers: u32,
        /// How often each question is asked.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
        repeats: u32,
        #[arg(long, default_value_t = 14)]
        seed: u64,
    },
}

/// The phases, in order, with the names printed for them.
const PHASES: [&str; 3] = [
    "voorbereiden (migraties + referentiegegevens)",
    "eerste import",
    "tweede import (ongewijzigd)",
];

/// The index of the first import in `PHASES`.
const FIRST_IMPORT: usize = 1;

struct Run {
    /// The duration of each phase, in the order of `PHASES`.
    durations: [Duration; 3],
    first: ImportReport,
    second: ImportReport,
}

/// Runs the benchmark. `database` is the database named on the command line, if any.
pub async fn run(command: BenchCommand, database: Option<&str>) -> anyhow::Result<ExitCode> {
    match command {
        BenchCommand::Import { runs } => import(runs, database).await,
        BenchCommand::Exchange { collaborations, seed } => {
            crate::bench_exchange::run(collaborations, seed, database).await
        }
        BenchCommand::Iv3Costs { year } => crate::bench_iv3::run(year, database).await,
        BenchCommand::Search { repeats } => crate::bench_search::run(repeats, database).await,
        BenchCommand::Survey { respondents, seed } => {
            crate::bench_survey::run(respondents, seed, database).await
        }
        BenchCommand::Serve {
            collaborations,
            dossiers,
            cost_years,
            respondents,
            seconds,
            connections,
            processes,
            accept_encoding,
            seed,
            only,
        } => {
            let options = crate::bench_serve::Options {
                scale: crate::bench_serve_fill::Scale {
                    collaborations,
                    dossiers,
                    cost_years,
                    respondents,
                },
                seconds,
                connections: connections as usize,
                processes: processes as usize,
                accept_encoding,
                seed,
                only,
            };
            crate::bench_serve::run(options, database).await
        }
        BenchCommand::UdoDashboard {
            dossiers,
            repeats,
            seed,
        } => crate::bench_udo::run(dossiers, repeats, seed, database).await,
    }
}

async fn import(runs: u32, database: Option<&str>) -> anyhow::Result<ExitCode> {
    let (regelingen, versies, deelnames) = source_size()?;
    println!("Benchmark: import van het register gemeenschappelijke regelingen (ingebouwde kopie)");
    println!(
        "Bron: {regelingen} regelingen ({versies} versies), {deelnames} deelnames in de huidige versies"
    );
    match database {
        Some(url) => println!(
            "Database: {} (zoals opgegeven; gebruik een scratch-database)",
            crate::redact(url)
        ),
        None => {
            println!("Database: per run een nieuw tijdelijk SQLite-bestand (daarna verwijderd)");
            if std::env::var_os("SAMENSPEL_DATABASE_URL").is_some() {
                eprintln!(
                    "Let op: SAMENSPEL_DATABASE_URL wordt genegeerd; bench gebruikt alleen een database die met --database is opgegeven."
                );
            }
        }
    }
    println!();

    let mut results = Vec::new();
    for n in 1..=runs {
        let result = match database {
            Some(url) => one_run(url).await?,
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("samenspel-bench-")
                    .tempdir()
                    .context("kan geen tijdelijke map maken")?;
                let url = format!("sqlite://{}", dir.path().join("bench.db").display());
                let result = one_run(&url).await;
                // On error the directory is removed when `dir` is dropped.
                let path = dir.path().to_owned();
                if let Err(error) = dir.close() {
                    eprintln!(
                        "Let op: de tijdelijke map {} is niet verwijderd: {error}",
                        path.display()
                    );
                }
                result?
            }
        };
        println!(
            "Run {n}/{runs}: voorbereiden {}; eerste import {} ({}); tweede import {} ({})",
            seconds(result.durations[0]),
            seconds(result.durations[1]),
            counts(&result.first),
            seconds(result.durations[2]),
            counts(&result.second),
        );
        if result.first.added.len() != regelingen {
            eprintln!(
                "Let op: run {n}: de eerste import voegde {} van de {regelingen} regelingen toe; de database was niet leeg, dus dit is geen meting van een eerste import.",
                result.first.added.len()
            );
        }
        if !result.second.added.is_empty() || !result.second.changed.is_empty() {
            eprintln!("Let op: run {n}: de tweede import voegde toe of wijzigde; verwacht was niets.");
        }
        results.push(result);
    }

    println!();
    println!(
        "{:<46}{:>12}{:>12}{:>12}",
        format!("fase ({runs} run{})", if runs == 1 { "" } else { "s" }),
        "min",
        "mediaan",
        "max"
    );
    // Only a first import into an empty database measures a first import: with a database
    // given on the command line, later runs find the register already there.
    let counts_as_first = |r: &Run| r.first.added.len() == regelingen;
    let fresh = results.iter().filter(|r| counts_as_first(r)).count();
    for (phase, name) in PHASES.iter().enumerate() {
        let only_fresh = phase == FIRST_IMPORT && fresh < results.len();
        let mut durations: Vec<Duration> = results
            .iter()
            .filter(|r| !only_fresh || counts_as_first(r))
            .map(|r| r.durations[phase])
            .collect();
        durations.sort();
        let name = if only_fresh {
            format!("{name} ({fresh} van {runs})*")
        } else {
            (*name).to_owned()
        };
        let [min, median, max] = match summary(&durations) {
            Some((min, median, max)) => [seconds(min), seconds(median), seconds(max)],
            None => ["-".to_owned(), "-".to_owned(), "-".to_owned()],
        };
        println!("{name:<46}{min:>12}{median:>12}{max:>12}");
    }
    if fresh < results.len() {
        println!("* alleen de runs waarin de eerste import alle regelingen toevoegde (lege database)");
    }
    println!();
    println!("Piekgeheugen van het proces (VmHWM): {}", peak_memory());
    Ok(ExitCode::SUCCESS)
}

/// One run against `url`: connect, then time each phase.
async fn one_run(url: &str) -> anyhow::Result<Run> {
    let store = samenspel_store_any::connect(url)
        .await
        .with_context(|| format!("kan de database niet openen ({})", crate::redact(url)))?;
    let app = App::new(store);
    let who = Principal::System("bench");
    let quiet = |_: usize, _: usize| {};

    let start = Instant::now();
    app.prepare().await.context("migraties en referentiegegevens")?;
    let prepare = start.elapsed();

    let start = Instant::now();
    let first = app
        .import_gr_register(SHIPPED, &who, &quiet)
        .await
        .context("eerste import")?;
    let first_import = start.elapsed();

    let start = Instant::now();
    let second = app
        .import_gr_register(SHIPPED, &who, &quiet)
        .await
        .context("tweede import")?;
    let second_import = start.elapsed();

    Ok(Run {
        durations: [prepare, first_import, second_import],
        first,
        second,
    })
}

/// The number of regelingen and of participations in the built-in register.
/// Regelingen, their versions, and the participations in their current versions.
fn source_size() -> anyhow::Result<(usize, usize, usize)> {
    let known: HashSet<_> = samenspel_app::reference::organisations()
        .context("referentiegegevens")?
        .into_iter()
        .map(|o| o.code)
        .collect();
    let parsed = register::parse(SHIPPED, &known).map_err(|errors| {
        anyhow::anyhow!(
            "het ingebouwde register is ongeldig: {}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        )
    })?;
    let participations = parsed.collaborations.iter().map(|c| c.partners.len()).sum();
    let versions = parsed
        .collaborations
        .iter()
        .map(|c| c.history.as_ref().map_or(1, Vec::len))
        .sum();
    Ok((parsed.collaborations.len(), versions, participations))
}

/// The application on the database at `url`, migrated and with its reference data.
pub(crate) async fn prepared_app(url: &str) -> anyhow::Result<App> {
    let store = samenspel_store_any::connect(url)
        .await
        .with_context(|| format!("kan de database niet openen ({})", crate::redact(url)))?;
    let app = App::new(store);
    app.prepare().await.context("migraties en referentiegegevens")?;
    Ok(app)
}

/// Minimum, median and maximum of sorted durations; `None` when there are none.
pub(crate) fn summary(sorted: &[Duration]) -> Option<(Duration, Duration, Duration)> {
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return None;
    };
    let middle = sorted.len() / 2;
    let median = if sorted.len() % 2 == 1 {
        sorted[middle]
    } else {
        (sorted[middle - 1] + sorted[middle]) / 2
    };
    Some((min, median, max))
}

fn counts(report: &ImportReport) -> String {
    format!(
        "{} toegevoegd, {} gewijzigd, {} ongewijzigd",
        report.added.len(),
        report.changed.len(),
        report.unchanged
    )
}

/// A duration in seconds with three decimals and a decimal comma, e.g. `1,234 s`.
pub(crate) fn seconds(duration: Duration) -> String {
    format!("{:.3} s", duration.as_secs_f64()).replace('.', ",")
}

/// The peak resident memory of this process (Linux: VmHWM in /proc/self/status), or "n/a".
pub(crate) fn peak_memory() -> String {
    let kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        });
    match kib {
        Some(kib) => format!("{:.1} MiB", kib as f64 / 1024.0).replace('.', ","),
        None => "n/a".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_takes_the_middle_or_the_mean_of_the_two_middles() {
        let ms = Duration::from_millis;
        assert_eq!(summary(&[ms(1), ms(5), ms(9)]), Some((ms(1), ms(5), ms(9))));
        assert_eq!(
            summary(&[ms(2), ms(4), ms(6), ms(10)]),
            Some((ms(2), ms(5), ms(10)))
        );
        assert_eq!(summary(&[ms(3)]), Some((ms(3), ms(3), ms(3))));
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn seconds_use_a_decimal_comma() {
        assert_eq!(seconds(Duration::from_millis(1234)), "1,234 s");
    }
}
