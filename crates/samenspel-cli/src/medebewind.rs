//! `samenspel medebewind …`: the register of medebewind tasks from the command line — load the
//! starter set, list the register.

use clap::Subcommand;
use samenspel_app::{App, Principal};

#[derive(Subcommand)]
pub enum MedebewindCommand {
    /// Load the starter set (eight tasks with their legal bases, data/reference/medebewind);
    /// tasks already in the register are left as they are.
    Starter,
    /// List the register: one task per line, or the whole register as JSON.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(app: &App, command: MedebewindCommand) -> anyhow::Result<std::process::ExitCode> {
    let system = Principal::System("cli");
    match command {
        MedebewindCommand::Starter => {
            let report = app.load_medebewind_starter(&system).await?;
            println!(
                "Startset medebewindstaken: {} toegevoegd ({}), {} stonden er al.",
                report.added.len(),
                report.added.join(", "),
                report.already_present.len()
            );
        }
        MedebewindCommand::List { json } => {
            let tasks = app.medebewind_tasks(&system).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&tasks)?);
            } else {
                for view in &tasks {
                    let budget = view
                        .task
                        .budget_years()
                        .last()
                        .and_then(|year| {
                            view.task
                                .national_budget(*year)
                                .map(|b| format!("{year}: {}", b.format_nl()))
                        })
                        .unwrap_or_else(|| "geen budget bekend".to_owned());
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        view.id,
                        view.task.name,
                        view.task.basis.citation(),
                        view.ministry_name,
                        budget
                    );
                }
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
