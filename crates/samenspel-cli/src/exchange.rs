//! `samenspel export collaborations` and `samenspel import collaborations`: the open-data
//! format of docs/DATA.md, as CSV (Dutch Excel) or JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use samenspel_app::exchange::{ExchangeDocument, Format, to_csv};
use samenspel_app::{App, AppError, Principal};
use samenspel_store::ImportReport;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileFormat {
    Csv,
    Json,
}

impl From<FileFormat> for Format {
    fn from(f: FileFormat) -> Self {
        match f {
            FileFormat::Csv => Format::Csv,
            FileFormat::Json => Format::Json,
        }
    }
}

/// Writes every collaboration with its partners and money to `output` (or standard output).
pub async fn export(app: &App, format: FileFormat, output: Option<&Path>) -> anyhow::Result<()> {
    let items = app.export_collaborations(&Principal::System("cli")).await?;
    let text = match format {
        FileFormat::Csv => format!("\u{feff}{}", to_csv(&items)),
        FileFormat::Json => serde_json::to_string_pretty(&ExchangeDocument {
            collaborations: items,
        })?,
    };
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("kan {} niet schrijven", path.display()))?
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(())
}

/// Imports a file; the format follows from `--format` or the file's extension.
pub async fn import(
    app: &App,
    file: &PathBuf,
    format: Option<FileFormat>,
) -> anyhow::Result<std::process::ExitCode> {
    let format = format.unwrap_or_else(|| {
        if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            FileFormat::Json
        } else {
            FileFormat::Csv
        }
    });
    let bytes = std::fs::read(file).with_context(|| format!("kan {} niet lezen", file.display()))?;
    match app
        .import_collaborations(&bytes, format.into(), &Principal::System("cli"))
        .await
    {
        Ok(report) => {
            println!("{}", imported(file, &report));
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(AppError::Invalid(errors)) => {
            eprintln!(
                "{} is niet geïmporteerd; er is niets opgeslagen. Fouten (bestand:rij:kolom):",
                file.display()
            );
            const SHOWN: usize = 50;
            for e in errors.errors.iter().take(SHOWN) {
                eprintln!("  {}: {}", e.field, e.message);
            }
            if errors.errors.len() > SHOWN {
                eprintln!("  … en nog {} fout(en).", errors.errors.len() - SHOWN);
            }
            Ok(std::process::ExitCode::from(2))
        }
        Err(other) => Err(other.into()),
    }
}

/// What an import of collaborations did, named by its file (the register's import has its
/// own message: it also adds organisations).
fn imported(file: &Path, report: &ImportReport) -> String {
    format!(
        "Samenwerkingen uit {}: {} toegevoegd, {} gewijzigd, {} ongewijzigd.",
        file.display(),
        report.added.len(),
        report.changed.len(),
        report.unchanged
    )
}
