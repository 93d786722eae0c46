//! `samenspel bench exchange`: times importing generated collaborations through the exchange
//! import (the use case `import_collaborations`: read, check every row, store in one
//! transaction with the search index, the signals and one audit event), then the same file
//! again (nothing changes), with the import's CPU time and memory; beside the peer, Python's
//! `sqlite3` reading the same CSV and inserting the same rows into three plain tables in one
//! transaction (WAL, `synchronous=FULL`, as the store runs SQLite).
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use samenspel_app::exchange::Format;
use samenspel_app::{App, Principal};
use samenspel_domain::org::OrgType;

use crate::bench::{peak_memory, seconds};
use crate::bench_serve_fill::{exchange_csv, org_codes};
use crate::bench_udo_data::Seeded;
use crate::bench_udo_peer::Scratch;

/// The peer: the same rows into plain tables, timed inside Python; prints the seconds.
const PEER_SCRIPT: &str = r#"
import csv, sqlite3, sys, time
path, db = sys.argv[1], sys.argv[2]
start = time.perf_counter()
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=FULL")
con.execute("PRAGMA foreign_keys=ON")
con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL, start TEXT, ending TEXT)")
con.execute("CREATE TABLE p (c INTEGER NOT NULL REFERENCES c(id), org TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (c, org))")
con.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, c INTEGER NOT NULL REFERENCES c(id), org TEXT NOT NULL, year INTEGER NOT NULL, cents INTEGER NOT NULL, instrument TEXT NOT NULL, status TEXT NOT NULL)")
con.execute("BEGIN IMMEDIATE")
ids = {}
with open(path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter=";"):
        key = row["sleutel"]
        if row["regel"] == "samenwerking":
            ids[key] = con.execute("INSERT INTO c (key, name, kind, start, ending) VALUES (?, ?, ?, ?, ?)",
                (key, row["naam"], row["soort"], row["start"], row["einde"])).lastrowid
        elif row["regel"] == "partner":
            con.execute("INSERT INTO p (c, org, role) VALUES (?, ?, ?)", (ids[key], row["organisatie"], row["rol"]))
        elif row["regel"] == "geld":
            euros, cents = row["bedrag"].split(".")
            con.execute("INSERT INTO m (c, org, year, cents, instrument, status) VALUES (?, ?, ?, ?, ?, ?)",
                (ids[key], row["organisatie"], int(row["jaar"]), int(euros) * 100 + int(cents), row["instrument"], row["status"]))
con.execute("COMMIT")
con.close()
print(f"{time.perf_counter() - start:.6f}")
"#;

fn peer(dir: &Path, csv: &Path) -> Option<Duration> {
    let script = dir.join("peer_exchange.py");
    std::fs::write(&script, PEER_SCRIPT).ok()?;
    let db = dir.join("peer.db");
    let python = std::env::var("SAMENSPEL_BENCH_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = std::process::Command::new(python)
        .arg(&script)
        .arg(csv)
        .arg(&db)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let seconds: f64 = String::from_utf8_lossy(&output.stdout).trim().parse().ok()?;
    Some(Duration::from_secs_f64(seconds))
}

/// The CPU time (user and system) this process has used so far, from /proc/self/stat
/// (Linux); `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux reports them in USER_HZ, which is 100 on every architecture it runs on.
    Some(Duration::from_millis(ticks * 10))
}

/// The resident memory of this process now (VmRSS), in KiB.
fn resident_kib() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("n/a".to_owned(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0).replace('.', ",")
    })
}

pub async fn run(collaborations: u32, seed: u64, database: Option<&str>) -> anyhow::Result<ExitCode> {
    println!(
        "Benchmark: {collaborations} samenwerkingen inlezen met het uitwisselbestand (CSV), seed {seed}"
    );
    let scratch = Scratch::new(database).await?;
    let result = measure(scratch.url(), collaborations, seed, scratch.dir()).await;
    scratch.remove().await;
    result?;
    Ok(ExitCode::SUCCESS)
}

async fn measure(url: &str, collaborations: u32, seed: u64, dir: &Path) -> anyhow::Result<()> {
    println!("Database: {} (nieuw, daarna verwijderd)", crate::redact(url));
    let app: App = crate::bench::prepared_app(url).await?;
    let start = Instant::now();
    samenspel_app::demo::load(&app)
        .await
        .context("de demonstratiegegevens")?;
    println!("Demonstratiegegevens geladen in {}", seconds(start.elapsed()));

    let municipalities = org_codes(&app, OrgType::Gemeente).await?;
    let ministries = org_codes(&app, OrgType::Ministerie).await?;
    let financier = ministries
        .first()
        .context("geen ministerie in de referentiegegevens")?;
    let (csv, _) = exchange_csv(collaborations, &municipalities, financier, &mut Seeded::new(seed));
    let csv_path = dir.join("samenwerkingen.csv");
    std::fs::write(&csv_path, &csv).context("het CSV-bestand schrijven")?;
    println!(
        "Bestand: {} regels, {} MB",
        csv.lines().count() - 1,
        format!("{:.1}", csv.len() as f64 / 1e6).replace('.', ",")
    );
    let who = Principal::System("bench");

    let before = resident_kib();
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let cpu = cpu_time();
    let start = Instant::now();
    let report = app
        .import_collaborations(csv.as_bytes(), Format::Csv, &who)
        .await
        .context("de import")?;
    let import = start.elapsed();
    let cpu = cpu.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a));
    println!(
        "Import: {} toegevoegd, {} gewijzigd, {} ongewijzigd in {} (processortijd {})",
        report.added.len(),
        report.changed.len(),
        report.unchanged,
        seconds(import),
        cpu.map_or("n/a".to_owned(), seconds)
    );
    println!(
        "Geheugen: {} vóór de import, piek {} {}",
        mib(before),
        if reset {
            "tijdens de import"
        } else {
            "van het proces"
        },
        peak_memory()
    );

    let start = Instant::now();
    let again = app
        .import_collaborations(csv.as_bytes(), Format::Csv, &who)
        .await
        .context("de tweede import")?;
    println!(
        "Tweede import van hetzelfde bestand: {} ({} ongewijzigd, {} toegevoegd, {} gewijzigd)",
        seconds(start.elapsed()),
        again.unchanged,
        again.added.len(),
        again.changed.len()
    );

    match peer(dir, &csv_path) {
        Some(theirs) => {
            println!(
                "Peer: Python sqlite3 leest hetzelfde bestand en schrijft dezelfde rijen in drie kale tabellen in {}",
                seconds(theirs)
            );
            println!(
                "Verhouding import Samenspel / peer: {}",
                format!("{:.2}", import.as_secs_f64() / theirs.as_secs_f64().max(1e-9)).replace('.', ",")
            );
        }
        None => {
            println!("Peer: niet beschikbaar (python3 niet gevonden of het script faalde); geen vergelijking")
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_time_is_read_and_grows_with_work() {
        let Some(first) = cpu_time() else {
            return; // not Linux
        };
        let start = Instant::now();
        let mut x = 0u64;
        let mut now = first;
        while now < first + Duration::from_millis(50) && start.elapsed() < Duration::from_secs(20) {
            for _ in 0..100_000 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            }
            now = cpu_time().expect("read once, read again");
        }
        std::hint::black_box(x);
        assert!(now >= first + Duration::from_millis(50), "{first:?} → {now:?}");
    }
}
