//! The `samenspel` binary: `serve`, `migrate`, `demo`, `user`, `token`, `audit`.

mod accounts;
mod backup;
mod bench;
mod bench_exchange;
mod bench_iv3;
mod bench_load;
mod bench_search;
mod bench_serve;
mod bench_serve_fill;
mod bench_survey;
mod bench_udo;
mod bench_udo_data;
mod bench_udo_peer;
mod config;
mod exchange;
mod iv3;
mod medebewind;
mod programmes;
mod report;
mod survey;

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
    /// Whether `--database` was given on the command line (not taken from the environment or
    /// the default): `bench` only writes to a database named explicitly.
    #[arg(skip)]
    database_given: bool,
    /// A configuration file (TOML; `samenspel config default` prints an example). The command
    /// line and the environment variables go before it.
    #[arg(long, global = true, env = "SAMENSPEL_CONFIG")]
    config: Option<std::path::PathBuf>,
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
        /// Mark cookies `Secure`: set this when the site is served over https.
        #[arg(long, env = "SAMENSPEL_SECURE_COOKIES")]
        secure_cookies: bool,
        /// The site runs behind a reverse proxy that sets X-Forwarded-For: limits per address
        /// (sign-in, answers by a wave's link, anonymous exports) then use the client's address
        /// it forwards.
        #[arg(long, env = "SAMENSPEL_BEHIND_PROXY")]
        behind_proxy: bool,
        /// The organisation that runs this installation, named on the privacy, accessibility
        /// and contact pages.
        #[arg(long, env = "SAMENSPEL_OPERATOR")]
        operator: Option<String>,
        /// How visitors reach that organisation (an e-mail or web address), shown on /contact.
        #[arg(long, env = "SAMENSPEL_CONTACT")]
        contact: Option<String>,
        /// Anyone may read /metrics (for a scraper on a private network); without it only
        /// beheerders may.
        #[arg(long, env = "SAMENSPEL_METRICS_PUBLIC")]
        metrics_public: bool,
    },
    /// Apply the database migrations and load the reference organisations, then stop.
    Migrate,
    /// Load the demonstration data (idempotent), then stop.
    Demo,
    /// Manage accounts and their roles per organisation.
    #[command(subcommand)]
    User(accounts::UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(accounts::TokenCommand),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(accounts::AuditCommand),
    /// Import data.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// The knelpuntenmonitor: waves, responses, reports.
    #[command(subcommand)]
    Survey(survey::SurveyCommand),
    /// The register of medebewind tasks: the starter set, the list.
    #[command(subcommand)]
    Medebewind(medebewind::MedebewindCommand),
    /// Iv3 task fields: import costs per municipality.
    #[command(subcommand)]
    Iv3(iv3::Iv3Command),
    /// Write a checked copy of the SQLite database to FILE while it stays in use (PostgreSQL:
    /// pg_dump, see docs/DEPLOY.md).
    Backup {
        /// A new file; an existing one is never overwritten.
        file: std::path::PathBuf,
    },
    /// Put a copy made by `backup` in place of the SQLite database, after checking its audit
    /// chain; stop the server first (PostgreSQL: pg_restore, see docs/DEPLOY.md).
    Restore { file: std::path::PathBuf },
    /// Periodic reports: the "Staat van het samenspel".
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// The configuration file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Measure performance (figures only, no checks).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import the register of gemeenschappelijke regelingen from DIR (with
    /// gemeenschappelijke_regelingen.csv and gr_deelnemers.csv); importing again updates, never
    /// duplicates.
    GrRegister { dir: std::path::PathBuf },
    /// Import the national programmes (RES and MIRT regions, Regio Deals, Woondeals) from DIR
    /// (the files of data/reference/programmes); all or nothing, importing again changes nothing.
    Programmes { dir: std::path::PathBuf },
    /// Import collaborations with partners and money from a CSV (Dutch Excel) or JSON file in
    /// the format of `samenspel export collaborations`; all or nothing, keyed by `sleutel`.
    Collaborations {
        file: std::path::PathBuf,
        /// csv or json; by default from the file's extension.
        #[arg(long, value_enum)]
        format: Option<exchange::FileFormat>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Every collaboration with its partners and money (schema in docs/DATA.md).
    Collaborations {
        #[arg(long, value_enum, default_value = "csv")]
        format: exchange::FileFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print a commented configuration file with every key and its environment variable.
    Default,
}

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(async_main()),
        Err(error) => {
            eprintln!("Fout: kan de runtime niet starten: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// glibc's allocator gives threads that contend for the heap arenas of their own, up to eight
/// per core, and keeps what they once held. A server has a thread per SQLite connection besides
/// its workers; under 64 connections at once the extra arenas held about 25 MiB
/// (`samenspel bench serve`: 109 MiB resident, 83 MiB with two arenas, and no slower). The
/// number is set through glibc's own variable `MALLOC_ARENA_MAX`, read when a process starts,
/// so the program starts itself once more with it (before any thread exists); a value the
/// operator set is left alone.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    use std::os::unix::process::CommandExt as _;
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut args = std::env::args_os();
    let mut command = std::process::Command::new(exe);
    if let Some(name) = args.next() {
        command.arg0(name);
    }
    // `exec` returns only when it failed; then the program goes on as it is.
    let _ = command.args(args).env("MALLOC_ARENA_MAX", "2").exec();
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

async fn async_main() -> std::process::ExitCode {
    init_logging();
    let args: Vec<String> = std::env::args().collect();
    let file = match config::load(&args) {
        Ok(file) => file,
        Err(problems) => {
            eprintln!("{problems}");
            return std::process::ExitCode::from(2);
        }
    };
    let command = config::apply(<Cli as clap::CommandFactory>::command(), &file);
    let matches = command.get_matches();
    let mut cli = <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
        .map_err(|e| e.format(&mut <Cli as clap::CommandFactory>::command()))
        .unwrap_or_else(|e| e.exit());
    cli.database_given = matches.value_source("database") == Some(clap::parser::ValueSource::CommandLine);
    match run(cli).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("Fout: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Log lines on standard error, filtered by `RUST_LOG` (default `info,sqlx=warn`); as JSON lines
/// when `SAMENSPEL_LOG_FORMAT=json`, for a log collector.
fn init_logging() {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into());
    let logger = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("SAMENSPEL_LOG_FORMAT").is_ok_and(|format| format.eq_ignore_ascii_case("json")) {
        logger.json().flatten_event(true).init();
    } else {
        logger.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    if let Command::Bench(command) = cli.command {
        // Opens its own databases: never the default or the environment's.
        let database = cli.database_given.then_some(cli.database.as_str());
        return bench::run(command, database).await;
    }
    if let Command::Config(ConfigCommand::Default) = cli.command {
        print!("{}", config::default_file());
        return Ok(std::process::ExitCode::SUCCESS);
    }
    if let Command::Restore { file } = &cli.command {
        // Before the database is opened: it is about to be replaced.
        return backup::restore(&cli.database, file).await;
    }
    let store = samenspel_store_any::connect(&cli.database)
        .await
        .with_context(|| format!("kan de database niet openen ({})", redact(&cli.database)))?;
    let app = App::new(store);
    app.prepare().await.context("migraties en referentiegegevens")?;
    match cli.command {
        Command::Migrate => println!("Database bijgewerkt: {}", redact(&cli.database)),
        Command::Demo => {
            let report = samenspel_app::demo::load(&app)
                .await
                .context("demonstratiegegevens laden")?;
            println!(
                "Demonstratiegegevens: {} samenwerking(en) toegevoegd.",
                report.collaborations
            );
            print_import(&report.register);
            programmes::print(&report.programmes);
        }
        Command::Import(ImportCommand::GrRegister { dir }) => return import_gr_register(&app, &dir).await,
        Command::Import(ImportCommand::Programmes { dir }) => return programmes::import(&app, &dir).await,
        Command::Import(ImportCommand::Collaborations { file, format }) => {
            return exchange::import(&app, &file, format).await;
        }
        Command::Export(ExportCommand::Collaborations { format, output }) => {
            exchange::export(&app, format, output.as_deref()).await?;
        }
        Command::Serve {
            bind,
            demo,
            secure_cookies,
            behind_proxy,
            operator,
            contact,
            metrics_public,
        } => {
            if demo {
                let report = samenspel_app::demo::load(&app)
                    .await
                    .context("demonstratiegegevens laden")?;
                tracing::info!(
                    added = report.collaborations,
                    register_added = report.register.added.len(),
                    programmes_added = report.programmes.added.len(),
                    "demonstration data loaded"
                );
            }
            let shutdown = shutdown_signal();
            let listener = tokio::net::TcpListener::bind(bind)
                .await
                .with_context(|| format!("kan niet luisteren op {bind}"))?;
            println!("Samenspel draait op http://{}", listener.local_addr()?);
            let router = samenspel_web::router(
                app,
                samenspel_web::WebConfig {
                    secure_cookies,
                    behind_proxy,
                    // Set once for the life of the process, so the settings stay `Copy`.
                    operator: operator.map(|o| &*Box::leak(o.into_boxed_str())),
                    contact: contact.map(|c| &*Box::leak(c.into_boxed_str())),
                    metrics_public,
                },
            );
            samenspel_web::serve(listener, router, shutdown).await?;
        }
        Command::User(command) => return accounts::user(&app, command).await,
        Command::Token(command) => return accounts::token(&app, command).await,
        Command::Audit(command) => return accounts::audit(&app, command).await,
        Command::Survey(command) => return survey::run(&app, command).await,
        Command::Medebewind(command) => return medebewind::run(&app, command).await,
        Command::Iv3(command) => return iv3::run(&app, command).await,
        Command::Report(command) => return report::run(&app, command).await,
        Command::Backup { file } => return backup::backup(app.store(), &file).await,
        Command::Restore { .. } => unreachable!("restore is handled before the database is opened"),
        Command::Config(_) => unreachable!("config is handled before the database is opened"),
        Command::Bench(_) => unreachable!("bench is handled before the database is opened"),
    }
    Ok(std::process::ExitCode::SUCCESS)
}

fn print_import(report: &samenspel_store::ImportReport) {
    println!(
        "Register gemeenschappelijke regelingen: {} toegevoegd, {} gewijzigd, {} ongewijzigd, {} eerdere versie(s) samengevoegd; {} organisatie(s) toegevoegd of bijgewerkt.",
        report.added.len(),
        report.changed.len(),
        report.unchanged,
        report.merged.len(),
        report.organisations
    );
}

async fn import_gr_register(app: &App, dir: &std::path::Path) -> anyhow::Result<std::process::ExitCode> {
    use samenspel_app::register::{DEELNEMERS_FILE, GrSource, REGELINGEN_FILE};
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("kan {} niet lezen", path.display()))
    };
    let (regelingen, deelnemers) = (read(REGELINGEN_FILE)?, read(DEELNEMERS_FILE)?);
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = move |done: usize, total: usize| {
        if interactive {
            eprint!("\rRegelingen verwerkt: {done}/{total}");
        }
    };
    let result = app
        .import_gr_register(
            GrSource {
                regelingen: &regelingen,
                deelnemers: &deelnemers,
            },
            &samenspel_app::Principal::System("cli"),
            &progress,
        )
        .await;
    if interactive {
        eprintln!();
    }
    match result {
        Ok(report) => {
            print_import(&report);
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(samenspel_app::AppError::Invalid(errors)) => {
            eprintln!(
                "Het register is niet geïmporteerd; er is niets opgeslagen. Fouten (bestand:rij:kolom):"
            );
            for e in &errors.errors {
                eprintln!("  {}: {}", e.field, e.message);
            }
            Ok(std::process::ExitCode::from(2))
        }
        Err(other) => Err(other.into()),
    }
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

/// Ctrl-C, or SIGTERM (what systemd, a container runtime or `kill` sends to stop a service).
/// The handlers are installed when this is called, not when the future is first polled, so a
/// signal that comes as soon as the server listens is not the default action (the end of the
/// process).
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|error| tracing::warn!(%error, "cannot listen for SIGTERM; only Ctrl-C stops the server gracefully"))
        .ok();
    async move {
        #[cfg(unix)]
        if let Some(mut terminate) = terminate {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
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
