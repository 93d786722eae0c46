//! `samenspel report staat --from … --to …`: compile and keep a "Staat van het samenspel" for
//! a period, and write it as JSON (to a file or standard output). The HTML, printable on A4,
//! is the page `/staat/{id}` of a running server.

use clap::Subcommand;
use samenspel_app::{App, Principal};
use samenspel_domain::staat::Period;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Compile the "Staat van het samenspel" for a period and keep it; prints its id and where
    /// to read it, and writes the report as JSON to --out (or standard output with --json).
    Staat {
        /// The first day of the period (2025-01-01).
        #[arg(long)]
        from: String,
        /// The last day of the period (2025-12-31).
        #[arg(long)]
        to: String,
        /// Write the report as JSON to this file.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        /// Print the report as JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(app: &App, command: ReportCommand) -> anyhow::Result<std::process::ExitCode> {
    match command {
        ReportCommand::Staat { from, to, out, json } => {
            let period = match Period::parse(&from, &to) {
                Ok(period) => period,
                Err(errors) => {
                    for e in &errors.errors {
                        let flag = if e.field == "from" { "--from" } else { "--to" };
                        eprintln!("{flag}: {}", e.message);
                    }
                    return Ok(std::process::ExitCode::from(2));
                }
            };
            let id = app
                .compile_staat_report(period, &Principal::System("cli"))
                .await?;
            let view = app.staat_report(id).await?;
            let text = serde_json::to_string_pretty(&view.record.report)?;
            if let Some(path) = &out {
                std::fs::write(path, &text)?;
            }
            if json {
                println!("{text}");
            } else {
                let r = &view.record.report;
                println!(
                    "Staat van het samenspel {} t/m {} samengesteld (rapport {id}): {} samenwerkingen, {} met een signaal, {} UDO-dossiers, {} medebewindstaken gemarkeerd, {} evaluaties achterstallig. Te lezen op /staat/{id}{}.",
                    r.period.from.format("%d-%m-%Y"),
                    r.period.to.format("%d-%m-%Y"),
                    r.collaboration.running,
                    r.collaboration.with_any_signal,
                    r.impulses.total.dossiers,
                    r.money.flagged(),
                    r.control.evaluations_overdue,
                    out.as_ref()
                        .map(|p| format!("; JSON in {}", p.display()))
                        .unwrap_or_default()
                );
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
