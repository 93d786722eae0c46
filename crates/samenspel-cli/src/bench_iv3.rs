//! `samenspel bench iv3-costs`: a generated CBS-shaped cost file of every municipality × every
//! task field valid in one year (four lasten and two baten categories each), imported whole
//! (read, check every row, sum, store in one transaction) with its time and the peak memory of
//! the import; in the same run DuckDB reads the same CSV and sums lasten per task field, when
//! the Python package `duckdb` is available (`SAMENSPEL_BENCH_PYTHON` names the Python to use,
//! default `python3`), and the two sums are compared.
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use samenspel_app::Principal;
use samenspel_domain::attachment::sha256_hex;
use samenspel_domain::audit::Actor;
use samenspel_domain::iv3::costs::{CostShape, ReportKind};
use samenspel_domain::org::OrgType;
use samenspel_store::{CostFile, FiguresRead};

use crate::bench::{peak_memory, seconds};

const LASTEN: [&str; 4] = ["L1.1", "L3.1", "L4.3.1", "L7.1"];
const BATEN: [&str; 2] = ["B3.1", "B4.3.1"];

/// Writes the file; returns the number of rows. Amounts (thousands of euros, three decimals)
/// follow a fixed formula, so the file is the same every run.
pub(crate) fn write_csv(year: i32, out: &mut impl std::io::Write) -> anyhow::Result<usize> {
    let catalogue = samenspel_domain::iv3::shipped().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut codes: Vec<&str> = catalogue
        .fields
        .iter()
        .filter(|f| f.holds_in(year))
        .map(|f| f.code.as_str())
        .collect();
    codes.dedup();
    let municipalities: Vec<String> = samenspel_app::reference::organisations()
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .filter(|o| o.org_type == OrgType::Gemeente)
        .map(|o| o.code.to_string())
        .collect();
    println!(
        "Bestand: {} gemeenten × {} taakvelden geldig in {year} × {} categorieën",
        municipalities.len(),
        codes.len(),
        LASTEN.len() + BATEN.len()
    );
    writeln!(
        out,
        "Gemeenten,TaakveldBalanspost,Categorie,Verslagsoort,Perioden,Bedrag"
    )?;
    let mut rows = 0;
    let mut line = String::with_capacity(80);
    for (m, gm) in municipalities.iter().enumerate() {
        for (c, code) in codes.iter().enumerate() {
            for (k, category) in LASTEN.iter().chain(BATEN.iter()).enumerate() {
                let millis = ((m * 7919 + c * 104_729 + k * 1_299_709) % 9_999_991) as u64;
                line.clear();
                let _ = writeln!(
                    line,
                    "{gm},{code},{category},jaarrekening,{year}JJ00,{}.{:03}",
                    millis / 1000,
                    millis % 1000
                );
                out.write_all(line.as_bytes())?;
                rows += 1;
            }
        }
    }
    out.flush()?;
    Ok(rows)
}

/// DuckDB: read the CSV and sum lasten per task field (in cents), timed inside Python; prints
/// the seconds, the number of task fields and the total in cents.
const DUCKDB_SCRIPT: &str = r#"
import sys, time, duckdb
path = sys.argv[1]
start = time.perf_counter()
con = duckdb.connect()
rows = con.execute(f"""
SELECT TaakveldBalanspost, sum(CAST(Bedrag AS DECIMAL(18, 3))) AS lasten
FROM read_csv('{path}', header = true, all_varchar = true)
WHERE Categorie LIKE 'L%'
GROUP BY TaakveldBalanspost ORDER BY TaakveldBalanspost
""").fetchall()
elapsed = time.perf_counter() - start
total = sum(int(r[1] * 100000) for r in rows)
print(f"{elapsed:.6f} {len(rows)} {total}")
"#;

fn duckdb(dir: &std::path::Path, csv: &std::path::Path) -> Option<(Duration, usize, i64)> {
    let script = dir.join("duckdb_costs.py");
    std::fs::write(&script, DUCKDB_SCRIPT).ok()?;
    let python = std::env::var("SAMENSPEL_BENCH_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = std::process::Command::new(python)
        .arg(&script)
        .arg(csv)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut parts = text.split_whitespace();
    let seconds: f64 = parts.next()?.parse().ok()?;
    let fields: usize = parts.next()?.parse().ok()?;
    let total: i64 = parts.next()?.parse().ok()?;
    Some((Duration::from_secs_f64(seconds), fields, total))
}

/// The import as it was before figures were stored while the file is read: the whole file
/// read and checked (its SHA-256 on another thread meanwhile), then stored in one
/// transaction, into a fresh database at `path`. The peer within the same run.
async fn read_then_store(path: &std::path::Path, csv: &std::path::Path) -> anyhow::Result<Duration> {
    let app = crate::bench::prepared_app(&format!("sqlite://{}", path.display())).await?;
    let start = Instant::now();
    let bytes = std::fs::read(csv)?;
    let (sha256, figures) = std::thread::scope(|scope| {
        let sha256 = scope.spawn(|| sha256_hex(&bytes));
        let figures = samenspel_app::iv3_costs::parse(CostShape::Cbs, &bytes);
        (sha256.join(), figures)
    });
    let file = CostFile {
        sha256: sha256.map_err(|_| anyhow::anyhow!("de SHA-256 van het bestand"))?,
        shape: CostShape::Cbs,
        file_name: "iv3_kosten.csv".to_owned(),
        demo: false,
    };
    let mut source = FiguresRead::new(figures?, Actor::system("bench"));
    app.store().import_costs(&file, &mut source).await?;
    Ok(start.elapsed())
}

/// Resets the peak resident memory (Linux: `5` into /proc/self/clear_refs), so the next
/// reading is the peak of what follows; false when the system does not allow it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

pub async fn run(year: i32, database: Option<&str>) -> anyhow::Result<ExitCode> {
    println!("Benchmark: import van Iv3-kosten in de CBS-vorm (45071NED), jaar {year}");
    let dir = tempfile::Builder::new()
        .prefix("samenspel-bench-")
        .tempdir()
        .context("kan geen tijdelijke map maken")?;
    let csv_path = dir.path().join("iv3_kosten.csv");
    let start = Instant::now();
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(&csv_path).context("het CSV-bestand maken")?);
    let rows = write_csv(year, &mut file).context("het CSV-bestand schrijven")?;
    drop(file);
    let size = std::fs::metadata(&csv_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "Bestand: {rows} rijen, {} MB, gemaakt in {}",
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
    println!("Piekgeheugen vóór de import (VmHWM): {}", peak_memory());

    let reset = reset_peak();
    let start = Instant::now();
    let bytes = std::fs::read(&csv_path)?;
    let report = app
        .import_costs(CostShape::Cbs, "iv3_kosten.csv", &bytes, &who)
        .await?;
    let import = start.elapsed();
    drop(bytes);
    println!(
        "Import: {} kostencijfers ({} toegevoegd, {} vervangen, {} ongewijzigd) in {} (lezen, elke rij controleren, optellen, opslaan in één transactie)",
        report.added + report.replaced + report.unchanged,
        report.added,
        report.replaced,
        report.unchanged,
        seconds(import)
    );
    println!(
        "Piekgeheugen {} (VmHWM): {}",
        if reset { "van de import" } else { "van het proces" },
        peak_memory()
    );
    let start = Instant::now();
    let again = app
        .import_costs(CostShape::Cbs, "iv3_kosten.csv", &std::fs::read(&csv_path)?, &who)
        .await?;
    println!(
        "Tweede import van hetzelfde bestand: {} ({})",
        seconds(start.elapsed()),
        if again.already_imported {
            "herkend, niets veranderd"
        } else {
            "NIET herkend"
        }
    );

    if database.is_none() {
        let two_steps = read_then_store(&dir.path().join("two_steps.db"), &csv_path).await?;
        println!(
            "Ter vergelijking, zonder opslaan tijdens het lezen (eerst het hele bestand lezen, dan opslaan; eigen database): {}",
            seconds(two_steps)
        );
    }

    let sums = app.store().cost_sums(year, ReportKind::Jaarrekening).await?;
    let ours: i64 = sums.iter().map(|s| s.lasten.get()).sum();
    match duckdb(dir.path(), &csv_path) {
        Some((duck, fields, total)) => {
            println!(
                "DuckDB: hetzelfde CSV-bestand lezen en lasten per taakveld optellen in {}",
                seconds(duck)
            );
            let ratio = import.as_secs_f64() / duck.as_secs_f64().max(1e-9);
            println!(
                "Verhouding import Samenspel / DuckDB: {}",
                format!("{ratio:.2}").replace('.', ",")
            );
            println!(
                "Controle: {} taakvelden, som lasten {ours} cent (Samenspel) — {fields} taakvelden, {total} cent (DuckDB){}",
                sums.len(),
                if ours == total && fields == sums.len() {
                    " (gelijk)"
                } else {
                    " (VERSCHILLEND)"
                }
            );
        }
        None => println!(
            "DuckDB: niet beschikbaar (pip install duckdb, of SAMENSPEL_BENCH_PYTHON naar een Python met duckdb); geen vergelijking"
        ),
    }
    Ok(ExitCode::SUCCESS)
}
