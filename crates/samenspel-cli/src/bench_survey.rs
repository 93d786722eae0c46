//! `samenspel bench survey`: a seeded synthetic wave of the knelpuntenmonitor, written as the
//! import's CSV, imported whole (read, parse, validate, store durably, update the kept counts)
//! and reported; the same report is computed from the same CSV in the same run by DuckDB and by
//! polars, each when its Python package is available (`SAMENSPEL_BENCH_PYTHON` names the Python
//! to use, default `python3`), and the ratio of the import to each and to the fastest is
//! printed, with the sum of n each counted.
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use samenspel_app::Principal;
use samenspel_app::survey::{WaveInput, header, instrument};

use crate::bench::{peak_memory, seconds, summary};

/// A small seeded generator (xorshift64*): the same seed gives the same file everywhere.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const LAYERS: [(&str, u64); 6] = [
    ("rijk", 30),
    ("gemeente", 40),
    ("provincie", 10),
    ("waterschap", 8),
    ("gemeenschappelijke-regeling", 7),
    ("overig", 5),
];

/// Writes the CSV of `respondents` synthetic respondents, a line at a time.
pub fn write_synthetic_csv(
    respondents: u64,
    seed: u64,
    file: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let statements = instrument(samenspel_app::survey::CURRENT_VERSION).unwrap_or_default();
    let mut rng = Seeded(seed.max(1));
    writeln!(file, "{}", header(statements).join(","))?;
    let mut out = String::with_capacity(128);
    for r in 0..respondents {
        out.clear();
        let mut pick = rng.below(100);
        let layer = LAYERS
            .iter()
            .find(|(_, share)| {
                if pick < *share {
                    true
                } else {
                    pick -= share;
                    false
                }
            })
            .map_or("overig", |(l, _)| l);
        let _ = write!(out, "r{r},{layer}");
        for s in 0..statements.len() as u64 {
            out.push(',');
            match rng.below(100) {
                0..=2 => {}
                3..=7 => out.push('n'),
                _ => {
                    // Each statement leans a little differently.
                    let v = (rng.below(5) + rng.below(5) + s % 3) / 2;
                    out.push(char::from(b'1' + v.min(4) as u8));
                }
            }
        }
        out.push('\n');
        file.write_all(out.as_bytes())?;
    }
    file.flush()
}

/// The same report in DuckDB (per group and statement: n, mean, sd, median, counts), timed
/// inside Python; prints the seconds and the sum of n (exit code 3: no package `duckdb`).
const DUCKDB_SCRIPT: &str = r#"
import sys, time
try:
    import duckdb
except ImportError:
    sys.exit(3)
path = sys.argv[1]
start = time.perf_counter()
con = duckdb.connect()
rows = con.execute(f"""
WITH r AS (SELECT * FROM read_csv('{path}', header = true, all_varchar = true)),
u AS (UNPIVOT r ON COLUMNS('^S[0-9]+$') INTO NAME statement VALUE answer),
s AS (SELECT layer, statement, CAST(answer AS INTEGER) AS v FROM u WHERE answer IN ('1','2','3','4','5')),
g AS (
  SELECT CASE WHEN layer IN ('rijk', 'overig') THEN layer ELSE 'decentraal' END AS grp, statement, v FROM s
  UNION ALL SELECT layer AS grp, statement, v FROM s WHERE layer NOT IN ('rijk', 'overig'))
SELECT grp, statement, count(*) AS n, avg(v), stddev_samp(v), median(v),
  count(*) FILTER (WHERE v = 1), count(*) FILTER (WHERE v = 2), count(*) FILTER (WHERE v = 3),
  count(*) FILTER (WHERE v = 4), count(*) FILTER (WHERE v = 5)
FROM g GROUP BY grp, statement ORDER BY grp, statement
""").fetchall()
elapsed = time.perf_counter() - start
print(f"{elapsed:.6f} {sum(r[2] for r in rows)}")
"#;

/// The same report in polars (per group and statement: n, mean, sd, median, counts), timed
/// inside Python; prints the seconds and the sum of n (exit code 3: no package `polars`).
/// Every column is read as text (as DuckDB's `all_varchar`); polars counts each answer per
/// layer and statement and computes the report from those counts (as the import's kept counts
/// do): on this machine several times faster than unpivoting the 24 million answers and
/// aggregating them, and the same figures as DuckDB's.
const POLARS_SCRIPT: &str = r#"
import sys, time
try:
    import polars as pl
except ImportError:
    sys.exit(3)
path = sys.argv[1]
start = time.perf_counter()
r = pl.read_csv(path, infer_schema_length=0)
statements = [c for c in r.columns if c[:1] == "S" and c[1:].isdigit()]
counts = pl.concat([
    r.group_by("layer", pl.col(c).alias("answer")).len().with_columns(pl.lit(c).alias("statement"))
    for c in statements
]).filter(pl.col("answer").is_in(["1", "2", "3", "4", "5"])).with_columns(pl.col("answer").cast(pl.Int32).alias("v"))
own = ["rijk", "overig"]
g = pl.concat([
    counts.with_columns(pl.when(pl.col("layer").is_in(own)).then(pl.col("layer")).otherwise(pl.lit("decentraal")).alias("grp")),
    counts.filter(~pl.col("layer").is_in(own)).with_columns(pl.col("layer").alias("grp")),
]).group_by("grp", "statement", "v").agg(pl.col("len").sum().alias("c")).sort("grp", "statement", "v")
c, v = pl.col("c"), pl.col("v")
n = c.sum()
mean = (c * v).sum() / n
below = c.cum_sum()
rows = g.group_by("grp", "statement", maintain_order=True).agg(
    n.alias("n"), mean.alias("mean"),
    (((c * (v - mean) ** 2).sum()) / (n - 1)).sqrt().alias("sd"),
    ((v.filter(below >= (n + 1) // 2).first() + v.filter(below >= n // 2 + 1).first()) / 2).alias("median"),
    *[c.filter(v == k).sum().alias(f"c{k}") for k in range(1, 6)])
elapsed = time.perf_counter() - start
print(f"{elapsed:.6f} {rows['n'].sum()}")
"#;

/// A peer that computes the report from the CSV: its name, its Python package and its script.
struct Peer {
    name: &'static str,
    package: &'static str,
    script: &'static str,
}

const PEERS: [Peer; 2] = [
    Peer {
        name: "DuckDB",
        package: "duckdb",
        script: DUCKDB_SCRIPT,
    },
    Peer {
        name: "polars",
        package: "polars",
        script: POLARS_SCRIPT,
    },
];

/// What a peer did: its time and the sum of n it counted, or why there is none.
enum PeerRun {
    Done(Duration, u64),
    /// The Python package (or Python itself) is not there.
    Missing,
    Failed(String),
}

/// Runs a peer's script with the Python named by `SAMENSPEL_BENCH_PYTHON` (default `python3`).
fn run_peer(peer: &Peer, dir: &std::path::Path, csv: &std::path::Path) -> PeerRun {
    let script = dir.join(format!("{}_report.py", peer.package));
    if let Err(e) = std::fs::write(&script, peer.script) {
        return PeerRun::Failed(e.to_string());
    }
    let python = std::env::var("SAMENSPEL_BENCH_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = match std::process::Command::new(python).arg(&script).arg(csv).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return PeerRun::Missing,
        Err(e) => return PeerRun::Failed(e.to_string()),
    };
    if output.status.code() == Some(3) {
        return PeerRun::Missing;
    }
    if !output.status.success() {
        let error = String::from_utf8_lossy(&output.stderr);
        let last = error
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        return PeerRun::Failed(format!("{} ({last})", output.status));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut parts = text.split_whitespace();
    let seconds = parts.next().and_then(|s| s.parse::<f64>().ok());
    let n = parts.next().and_then(|s| s.parse::<u64>().ok());
    match (seconds, n) {
        (Some(seconds), Some(n)) => PeerRun::Done(Duration::from_secs_f64(seconds), n),
        _ => PeerRun::Failed(format!("onverwachte uitvoer: {}", text.trim())),
    }
}

fn ratio(ours: Duration, theirs: Duration) -> String {
    format!("{:.2}", ours.as_secs_f64() / theirs.as_secs_f64().max(1e-9)).replace('.', ",")
}

fn micros(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6).replace('.', ",")
}

pub async fn run(respondents: u64, seed: u64, database: Option<&str>) -> anyhow::Result<ExitCode> {
    println!("Benchmark: knelpuntenmonitor, {respondents} synthetische respondenten (seed {seed})");
    let dir = tempfile::Builder::new()
        .prefix("samenspel-bench-")
        .tempdir()
        .context("kan geen tijdelijke map maken")?;
    let csv_path = dir.path().join("golf.csv");
    let start = Instant::now();
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(&csv_path).context("het CSV-bestand maken")?);
    write_synthetic_csv(respondents, seed, &mut file).context("het CSV-bestand schrijven")?;
    drop(file);
    let size = std::fs::metadata(&csv_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "Bestand: {} MB, gemaakt in {}",
        format!("{:.1}", size as f64 / 1e6).replace('.', ","),
        seconds(start.elapsed())
    );
    let url = match database {
        Some(url) => url.to_owned(),
        None => format!("sqlite://{}", dir.path().join("bench.db").display()),
    };
    println!("Database: {}", crate::redact(&url));
    let app = crate::bench::prepared_app(&url).await?;
    let who = Principal::System("bench");
    let key = format!("bench-{}", std::process::id());
    app.create_wave(
        &WaveInput {
            key: key.clone(),
            ..WaveInput::default()
        },
        &who,
    )
    .await?;

    // The whole import: read the file, parse, validate, store, update the counts.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = Instant::now();
    let input = std::fs::read(&csv_path)?;
    let imported = app.import_responses(&key, input, &who).await?;
    let import = start.elapsed();
    println!(
        "Import: {imported} antwoorden in {} (lezen, controleren, opslaan, tellingen bijwerken)",
        seconds(import)
    );

    if reset {
        println!("Piekgeheugen van de import (VmHWM): {}", peak_memory());
    }

    app.close_wave(&key, &who).await?;
    let report = app.survey_report(&key).await?;
    let ours: u64 = report
        .report
        .groups
        .values()
        .flat_map(|g| g.statements.values().map(|s| s.n))
        .sum();
    let mut durations = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        app.survey_report(&key).await?;
        durations.push(start.elapsed());
    }
    durations.sort();
    if let Some((min, median, max)) = summary(&durations) {
        println!(
            "Rapport uit de bijgehouden tellingen (100×): min {}, mediaan {}, max {}",
            micros(min),
            micros(median),
            micros(max)
        );
    }
    let mut fastest: Option<(&str, Duration)> = None;
    for peer in &PEERS {
        match run_peer(peer, dir.path(), &csv_path) {
            PeerRun::Done(time, n) => {
                println!(
                    "{}: hetzelfde rapport uit het CSV-bestand in {} (verhouding import / {}: {}); som van n: Samenspel {ours}, {} {n}{}",
                    peer.name,
                    seconds(time),
                    peer.name,
                    ratio(import, time),
                    peer.name,
                    if ours == n { " (gelijk)" } else { " (VERSCHILLEND)" }
                );
                if fastest.is_none_or(|(_, best)| time < best) {
                    fastest = Some((peer.name, time));
                }
            }
            PeerRun::Missing => println!(
                "{}: niet beschikbaar (pip install {}, of SAMENSPEL_BENCH_PYTHON naar een Python met {}); overgeslagen",
                peer.name, peer.package, peer.package
            ),
            PeerRun::Failed(why) => println!("{}: mislukt: {why}; overgeslagen", peer.name),
        }
    }
    match fastest {
        Some((name, time)) => println!(
            "Verhouding import Samenspel / snelste peer ({name}, {}): {}",
            seconds(time),
            ratio(import, time)
        ),
        None => println!("Geen peer beschikbaar; geen vergelijking"),
    }
    println!("Piekgeheugen van het proces (VmHWM): {}", peak_memory());
    Ok(ExitCode::SUCCESS)
}
