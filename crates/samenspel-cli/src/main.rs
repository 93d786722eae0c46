//! The `samenspel` binary: `serve`, `migrate`, `demo`.

use std::net::SocketAddr;

use anyhow::Context;
use clap::{Parser, Subcommand};
use samenspel_app::App;

#[derive(Parser)]
#[command(
    name = "samenspel",
    version,
    about = "Samenspel: interbestuurlijke samenwerking in de praktijk"
)]
struct Cli {
    /// Database URL: sqlite://bestand.db (standaard) of postgres://gebruiker@host/database.
    #[arg(
        long,
        global = true,
        env = "SAMENSPEL_DATABASE_URL",
        default_value = "sqlite://samenspel.db"
    )]
    database: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (pages and API).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "SAMENSPEL_BIND", default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Load the demonstration data first (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations and load the reference organisations, then stop.
    Migrate,
    /// Load the demonstration data (idempotent), then stop.
    Demo,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let store = samenspel_store_any::connect(&cli.database)
        .await
        .with_context(|| format!("kan de database niet openen ({})", redact(&cli.database)))?;
    let app = App::new(store);
    app.prepare()
        .await
        .context("migraties en referentiegegevens")?;
    match cli.command {
        Command::Migrate => {
            println!("Database bijgewerkt: {}", redact(&cli.database));
        }
        Command::Demo => {
            let added = samenspel_app::demo::load(&app)
                .await
                .context("demonstratiegegevens laden")?;
            println!("Demonstratiegegevens: {added} samenwerking(en) toegevoegd.");
        }
        Command::Serve { bind, demo } => {
            if demo {
                let added = samenspel_app::demo::load(&app)
                    .await
                    .context("demonstratiegegevens laden")?;
                tracing::info!(added, "demonstration data loaded");
            }
            let listener = tokio::net::TcpListener::bind(bind)
                .await
                .with_context(|| format!("kan niet luisteren op {bind}"))?;
            println!("Samenspel draait op http://{}", listener.local_addr()?);
            samenspel_web::serve(listener, samenspel_web::router(app), shutdown_signal()).await?;
        }
    }
    Ok(())
}

/// The URL without a password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:geheim@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://x.db"), "sqlite://x.db");
    }
}
