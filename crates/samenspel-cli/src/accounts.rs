//! `samenspel user …`, `samenspel token …` and `samenspel audit verify`: run by whoever
//! controls the server, so they act as the system.

use std::io::Read;
use std::process::ExitCode;

use clap::Subcommand;
use samenspel_app::{App, AppError, Principal};

const WHO: Principal = Principal::System("cli");

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account with a role in one organisation. The password is read from standard
    /// input; with --invite an invitation link is printed instead.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Organisation code, e.g. GM0363.
        #[arg(long)]
        org: String,
        /// beheerder, redacteur or lezer.
        #[arg(long)]
        role: String,
        /// Print an invitation link (valid 7 days) instead of reading a password.
        #[arg(long)]
        invite: bool,
        /// The site's address, for the invitation link.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        base_url: String,
    },
    /// Give an account a role in an organisation (replacing an earlier role there).
    Grant {
        #[arg(long)]
        email: String,
        #[arg(long)]
        org: String,
        #[arg(long)]
        role: String,
    },
    /// Take an account's role in an organisation away.
    Revoke {
        #[arg(long)]
        email: String,
        #[arg(long)]
        org: String,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token; it is printed once and stored only as a hash.
    Create {
        #[arg(long)]
        email: String,
    },
    /// Revoke all API tokens of an account.
    Revoke {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain of the audit trail and name the first broken link.
    Verify,
}

/// Prints a refusal the way a user reads it: one line per field.
fn refused(error: AppError) -> ExitCode {
    match error {
        AppError::Invalid(errors) => {
            for e in errors.errors {
                eprintln!("{}: {}", e.field, e.message);
            }
        }
        other => eprintln!("Fout: {other}"),
    }
    ExitCode::from(2)
}

pub async fn user(app: &App, command: UserCommand) -> anyhow::Result<ExitCode> {
    let result = match command {
        UserCommand::Add {
            email,
            name,
            org,
            role,
            invite,
            base_url,
        } => {
            let password = if invite {
                None
            } else {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text)?;
                Some(text.trim_end_matches(['\r', '\n']).to_owned())
            };
            app.add_user(&email, &name, &org, &role, password.as_deref(), &WHO)
                .await
                .map(|account| match account.invitation {
                    Some(token) => println!(
                        "Account {email} aangemaakt. Uitnodiging (7 dagen geldig): {}/uitnodiging/{token}",
                        base_url.trim_end_matches('/')
                    ),
                    None => println!("Account {email} aangemaakt."),
                })
        }
        UserCommand::Grant { email, org, role } => app
            .grant_role(&email, &org, &role, &WHO)
            .await
            .map(|()| println!("{email} is nu {role} bij {org}.")),
        UserCommand::Revoke { email, org } => app
            .revoke_role(&email, &org, &WHO)
            .await
            .map(|()| println!("{email} heeft geen rol meer bij {org}.")),
    };
    Ok(result.map_or_else(refused, |()| ExitCode::SUCCESS))
}

pub async fn token(app: &App, command: TokenCommand) -> anyhow::Result<ExitCode> {
    let result = match command {
        TokenCommand::Create { email } => app.create_api_token(&email, &WHO).await.map(|token| {
            eprintln!("Nieuw API-token voor {email}; het wordt maar één keer getoond:");
            println!("{token}");
        }),
        TokenCommand::Revoke { email } => app
            .revoke_api_tokens(&email, &WHO)
            .await
            .map(|n| println!("{n} token(s) van {email} ingetrokken.")),
    };
    Ok(result.map_or_else(refused, |()| ExitCode::SUCCESS))
}

pub async fn audit(app: &App, command: AuditCommand) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::Verify => {
            let verification = app.verify_audit_chain().await?;
            match verification.first_broken {
                None => {
                    println!(
                        "Audittrail in orde: {} gebeurtenissen, keten ongebroken.",
                        verification.events
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Some(id) => {
                    println!("Audittrail GEBROKEN: de eerste gebroken schakel is gebeurtenis {id}.");
                    Ok(ExitCode::from(1))
                }
            }
        }
    }
}
