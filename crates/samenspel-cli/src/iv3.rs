//! `samenspel iv3 import-costs --shape cbs|openspending FILE`: costs per municipality per Iv3
//! task field, all or nothing.

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use samenspel_app::{App, AppError, Principal};
use samenspel_domain::iv3::costs::CostShape;

#[derive(Subcommand)]
pub enum Iv3Command {
    /// Import costs per municipality per task field from a CSV file (columns in docs/DATA.md,
    /// amounts in thousands of euros); refused whole with bestand:rij:kolom when anything is
    /// wrong; the same file again changes nothing.
    ImportCosts {
        #[arg(long, value_enum)]
        shape: Shape,
        file: std::path::PathBuf,
    },
}

/// The file shapes on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum Shape {
    /// CBS open data, table 45071NED.
    Cbs,
    /// openspending.nl.
    Openspending,
}

impl From<Shape> for CostShape {
    fn from(shape: Shape) -> Self {
        match shape {
            Shape::Cbs => CostShape::Cbs,
            Shape::Openspending => CostShape::Openspending,
        }
    }
}

pub async fn run(app: &App, command: Iv3Command) -> anyhow::Result<std::process::ExitCode> {
    match command {
        Iv3Command::ImportCosts { shape, file } => {
            let bytes = std::fs::read(&file).with_context(|| format!("kan {} niet lezen", file.display()))?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match app
                .import_costs(shape.into(), &name, &bytes, &Principal::System("cli"))
                .await
            {
                Ok(report) if report.already_imported => {
                    println!("Dit bestand is al ingelezen; er is niets veranderd.");
                    Ok(std::process::ExitCode::SUCCESS)
                }
                Ok(report) => {
                    println!(
                        "Kosten: {} toegevoegd, {} vervangen (de oude in de geschiedenis), {} ongewijzigd.",
                        report.added, report.replaced, report.unchanged
                    );
                    Ok(std::process::ExitCode::SUCCESS)
                }
                Err(AppError::Invalid(errors)) => {
                    eprintln!(
                        "Het bestand is niet ingelezen; er is niets opgeslagen. Fouten (bestand:rij:kolom):"
                    );
                    for e in &errors.errors {
                        eprintln!("  {}: {}", e.field, e.message);
                    }
                    Ok(std::process::ExitCode::from(2))
                }
                Err(other) => Err(other.into()),
            }
        }
    }
}
