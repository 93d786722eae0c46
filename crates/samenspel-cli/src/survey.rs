//! `samenspel survey …`: open and close waves of the knelpuntenmonitor, import a response file,
//! print the report, and check the kept counts against the responses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use samenspel_app::survey::{WaveInput, report_csv};
use samenspel_app::{App, AppError, Principal};

#[derive(Subcommand)]
pub enum SurveyCommand {
    /// Open or close a wave.
    #[command(subcommand)]
    Wave(WaveCommand),
    /// Import responses into an open wave from a CSV file with the header
    /// `respondent,layer,S01,…,S24` (all or nothing).
    Import {
        #[arg(long)]
        wave: String,
        file: PathBuf,
    },
    /// Print the report of a closed wave.
    Report {
        #[arg(long)]
        wave: String,
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
    },
    /// Make personal invitations: prints one link per invitation, once (only a hash is kept).
    Invite {
        #[arg(long)]
        wave: String,
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// Where Samenspel is served, for the links.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base_url: String,
        /// The language the questionnaire opens in: `en` links through the language switch,
        /// so the respondent reads it in English.
        #[arg(long, value_enum, default_value = "nl")]
        taal: Taal,
    },
    /// Recount a wave from its responses and compare with the kept counts.
    Verify {
        #[arg(long)]
        wave: String,
    },
}

#[derive(Subcommand)]
pub enum WaveCommand {
    /// Open a wave for the current instrument.
    Create {
        /// The short name of the wave (lowercase letters, digits and dashes).
        key: String,
        /// Groups with fewer respondents are suppressed in every output.
        #[arg(long, default_value = "10")]
        k: String,
        #[arg(long, default_value = "")]
        title: String,
        /// Opening date (yyyy-mm-dd).
        #[arg(long, default_value = "")]
        opens: String,
        /// Closing date (yyyy-mm-dd).
        #[arg(long, default_value = "")]
        closes: String,
        /// Only about this collaboration (its id); the whole country without.
        #[arg(long)]
        collaboration: Option<i64>,
    },
    /// Close a wave: answering stops and the results become available.
    Close { key: String },
}

/// The language of the pages an invitation links to.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Taal {
    Nl,
    En,
}

/// The link of one invitation: to the form, or in English through the language switch (which
/// remembers the choice and goes on to the form).
fn invitation_link(base: &str, wave: &str, token: &str, taal: Taal) -> String {
    let form = format!("/knelpuntenmonitor/{wave}/invullen?uitnodiging={token}");
    match taal {
        Taal::Nl => format!("{base}{form}"),
        Taal::En => {
            let back = serde_urlencoded::to_string([("terug", form.as_str())]).unwrap_or_default();
            format!("{base}/taal/en?{back}")
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Json,
    Csv,
}

fn refused(error: AppError) -> anyhow::Result<ExitCode> {
    match error {
        AppError::Invalid(errors) => {
            eprintln!("Niet gelukt; er is niets opgeslagen. Fouten:");
            const SHOWN: usize = 50;
            for e in errors.errors.iter().take(SHOWN) {
                eprintln!("  {}: {}", e.field, e.message);
            }
            if errors.errors.len() > SHOWN {
                eprintln!("  … en nog {} fout(en).", errors.errors.len() - SHOWN);
            }
            Ok(ExitCode::from(2))
        }
        AppError::Forbidden(message) => {
            eprintln!("{message}");
            Ok(ExitCode::from(2))
        }
        AppError::Conflict(message) => {
            eprintln!("{message}");
            Ok(ExitCode::from(2))
        }
        AppError::Unavailable { message, .. } => {
            eprintln!("{message}");
            Ok(ExitCode::from(2))
        }
        AppError::NotFound(what) => {
            eprintln!("{what} niet gevonden");
            Ok(ExitCode::from(2))
        }
        other => Err(other.into()),
    }
}

pub async fn run(app: &App, command: SurveyCommand) -> anyhow::Result<ExitCode> {
    let who = Principal::System("cli");
    match command {
        SurveyCommand::Wave(WaveCommand::Create {
            key,
            k,
            title,
            opens,
            closes,
            collaboration,
        }) => {
            let input = WaveInput {
                key,
                title,
                k,
                opens_on: opens,
                closes_on: closes,
                collaboration: collaboration.map(|id| id.to_string()).unwrap_or_default(),
            };
            match app.create_wave(&input, &who).await {
                Ok(wave) => println!("Golf '{}' geopend (k = {}).", wave.key, wave.k),
                Err(e) => return refused(e),
            }
        }
        SurveyCommand::Wave(WaveCommand::Close { key }) => match app.close_wave(&key, &who).await {
            Ok(wave) => println!("Golf '{}' gesloten; de resultaten zijn beschikbaar.", wave.key),
            Err(e) => return refused(e),
        },
        SurveyCommand::Import { wave, file } => {
            let input = std::fs::read(&file).with_context(|| format!("kan {} niet lezen", file.display()))?;
            match app.import_responses(&wave, input, &who).await {
                Ok(n) => println!("{n} antwoorden geïmporteerd in golf '{wave}'."),
                Err(e) => return refused(e),
            }
        }
        SurveyCommand::Report { wave, format } => match app.survey_report(&wave).await {
            Ok(report) => match format {
                ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
                ReportFormat::Csv => print!("{}", report_csv(&report)),
            },
            Err(e) => return refused(e),
        },
        SurveyCommand::Invite {
            wave,
            count,
            base_url,
            taal,
        } => match app.invite(&wave, count, &who).await {
            Ok(tokens) => {
                let base = base_url.trim_end_matches('/');
                for token in tokens {
                    println!("{}", invitation_link(base, &wave, &token, taal));
                }
            }
            Err(e) => return refused(e),
        },
        SurveyCommand::Verify { wave } => match app.verify_survey(&wave, &who).await {
            Ok(v) if v.agrees() => println!(
                "De bijgehouden aantallen van golf '{wave}' kloppen met de antwoorden ({} respondenten).",
                v.respondents()
            ),
            Ok(v) => {
                println!("De bijgehouden aantallen van golf '{wave}' wijken af van de antwoorden:");
                for line in v.differences().iter().take(50) {
                    println!("  {line}");
                }
                return Ok(ExitCode::from(1));
            }
            Err(e) => return refused(e),
        },
    }
    Ok(ExitCode::SUCCESS)
}
