//! `samenspel bench serve`: fills a new database at national scale
//! ([`crate::bench_serve_fill`]), starts one or more `samenspel serve` processes on it and
//! drives the main pages and API with [`crate::bench_load`] at a fixed number of connections,
//! page by page, beside the site's stylesheet from the same servers (the reference: the most
//! a server process gives here for an answer that costs nothing). Prints each target's
//! requests per second and latencies next to issue 16's targets, and the servers' memory.
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::net::SocketAddr;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use samenspel_app::{App, Principal};
use samenspel_store::{CollaborationFilter, Page};

use crate::bench_load::{Outcome, Request, drive};
use crate::bench_serve_fill::{Scale, fill};
use crate::bench_udo_peer::Scratch;

/// What `bench serve` is asked to do.
pub struct Options {
    pub scale: Scale,
    pub seconds: u32,
    pub connections: usize,
    pub processes: usize,
    /// The `Accept-Encoding` the load sends; empty for none.
    pub accept_encoding: String,
    pub seed: u64,
    /// Only the lines whose name contains this text.
    pub only: Option<String>,
}

/// One line of the table: what is asked, and issue 16's target for it (requests per second,
/// p99), if it has one.
struct Target {
    name: String,
    mix: Vec<Request>,
    target: Option<(f64, Duration)>,
    connections: usize,
}

/// A server process, killed when dropped.
struct Server {
    child: std::process::Child,
    addr: SocketAddr,
}

impl Server {
    /// Starts `samenspel serve` on `url` on a free port and waits until it is ready.
    async fn start(url: &str) -> anyhow::Result<Self> {
        let addr = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0")?;
            probe.local_addr()?
        };
        let exe = std::env::current_exe().context("dit programma zelf")?;
        let child = std::process::Command::new(exe)
            .args(["--database", url, "serve", "--bind", &addr.to_string()])
            .env_remove("SAMENSPEL_CONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("samenspel serve starten")?;
        let server = Server { child, addr };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) {
            if let Ok((200, _)) = crate::bench_load::get(addr, "/health/ready").await {
                return Ok(server);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("samenspel serve op {addr} werd niet gereed binnen 120 s")
    }

    /// (VmRSS, VmHWM) in KiB of the process.
    fn memory(&self) -> Option<(u64, u64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0).replace('.', ",")
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0).replace('.', ",")
}

pub async fn run(options: Options, database: Option<&str>) -> anyhow::Result<ExitCode> {
    let scratch = Scratch::new(database).await?;
    let result = measure(&options, scratch.url(), scratch.dir()).await;
    scratch.remove().await;
    result?;
    Ok(ExitCode::SUCCESS)
}

async fn measure(options: &Options, url: &str, dir: &std::path::Path) -> anyhow::Result<()> {
    let scale = options.scale;
    println!(
        "Benchmark: de server op landelijke schaal — {} samenwerkingen, {} UDO-dossiers, Iv3-kosten {} jaar, {} respondenten",
        scale.collaborations, scale.dossiers, scale.cost_years, scale.respondents
    );
    println!("Database: {} (nieuw, daarna verwijderd)", crate::redact(url));
    let app = crate::bench::prepared_app(url).await?;
    println!("Vullen:");
    let start = Instant::now();
    let filled = fill(&app, scale, options.seed, dir).await?;
    println!("  samen: {}", crate::bench::seconds(start.elapsed()));
    let last_page = last_page(&app).await?;
    drop(app);

    let mut servers = Vec::new();
    for _ in 0..options.processes {
        servers.push(Server::start(url).await?);
    }
    let addrs: Vec<SocketAddr> = servers.iter().map(|s| s.addr).collect();
    let css = stylesheet(addrs[0]).await?;
    let mut targets = targets(options, &filled, &last_page, &css);
    if let Some(only) = &options.only {
        targets.retain(|t| t.name.contains(only.as_str()));
    }
    for target in &targets {
        for request in &target.mix {
            check(addrs[0], request, &target.name).await?;
        }
    }
    let uptime = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "Belasting: {} verbindingen over {} serverproces(sen), {} s per regel na 1 s inlopen, Accept-Encoding: {}; load average bij de start: {}",
        options.connections,
        options.processes,
        options.seconds,
        if options.accept_encoding.is_empty() {
            "(geen)"
        } else {
            &options.accept_encoding
        },
        uptime.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "Serverprocessen: {}",
        servers
            .iter()
            .map(|s| s.child.id().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!();
    println!("| wat | verzoeken/s | p50 | p99 | weigeringen | doel (issue 16) |");
    println!("|---|---:|---:|---:|---|---|");
    for target in &targets {
        drive(&addrs, &target.mix, target.connections, Duration::from_secs(1)).await?;
        let outcome = drive(
            &addrs,
            &target.mix,
            target.connections,
            Duration::from_secs(u64::from(options.seconds)),
        )
        .await?;
        println!("{}", row(target, &outcome));
    }
    println!();
    for (n, server) in servers.iter().enumerate() {
        if let Some((rss, hwm)) = server.memory() {
            println!(
                "Geheugen van serverproces {}: nu {} (VmRSS), piek {} (VmHWM)",
                n + 1,
                mib(rss),
                mib(hwm)
            );
        }
    }
    Ok(())
}

fn row(target: &Target, outcome: &Outcome) -> String {
    let refused = if outcome.refused.is_empty() && outcome.broken == 0 {
        "0".to_owned()
    } else {
        let mut parts: Vec<String> = outcome
            .refused
            .iter()
            .map(|(status, count)| format!("{count}× {status}"))
            .collect();
        if outcome.broken > 0 {
            parts.push(format!("{} verbroken", outcome.broken));
        }
        parts.join(", ")
    };
    let goal = match target.target {
        Some((rate, p99)) => {
            let met = outcome.per_second() >= rate && outcome.quantile(0.99) <= p99;
            format!(
                "≥ {rate:.0}/s, p99 ≤ {}: {}",
                ms(p99),
                if met { "gehaald" } else { "**niet gehaald**" }
            )
        }
        None => "—".to_owned(),
    };
    format!(
        "| {} | {:.0} | {} | {} | {} | {} |",
        target.name,
        outcome.per_second(),
        ms(outcome.quantile(0.5)),
        ms(outcome.quantile(0.99)),
        refused,
        goal
    )
}

/// The address of the register's last page as the list's "last" link gives it
/// ([`Page::DEFAULT_LIMIT`] a page), as an anonymous visitor sees the register.
async fn last_page(app: &App) -> anyhow::Result<String> {
    let filter = CollaborationFilter::default();
    let first = app
        .list_collaborations(&filter, Page { limit: 1, offset: 0 }, &Principal::Anonymous)
        .await?;
    let pages = first.total.div_ceil(u64::from(Page::DEFAULT_LIMIT)).max(1);
    Ok(format!("/samenwerkingen?pagina={pages}"))
}

/// The site's stylesheet's address as the home page links it (with its version).
async fn stylesheet(server: SocketAddr) -> anyhow::Result<String> {
    let (_, body) = crate::bench_load::get(server, "/").await?;
    let html = String::from_utf8_lossy(&body);
    let at = html
        .find("/assets/css/site.css")
        .context("de stylesheet in de startpagina")?;
    let end = html[at..].find('"').context("het einde van de stylesheet-link")?;
    Ok(html[at..at + end].replace("&amp;", "&"))
}

/// Every request of a target answers with a success before the load starts.
async fn check(server: SocketAddr, request: &Request, name: &str) -> anyhow::Result<()> {
    let status = crate::bench_load::once(server, request).await?;
    if !(200..400).contains(&status) {
        bail!("{name}: de server antwoordde {status}");
    }
    Ok(())
}

fn targets(
    options: &Options,
    filled: &crate::bench_serve_fill::Filled,
    last_page: &str,
    css: &str,
) -> Vec<Target> {
    let accept = options.accept_encoding.as_str();
    let headers: Vec<(&str, &str)> = if accept.is_empty() {
        vec![]
    } else {
        vec![("Accept-Encoding", accept)]
    };
    let get = |path: &str| vec![Request::new("GET", path, &headers, None)];
    let pages = |rate: f64, p99_ms: u64| Some((rate, Duration::from_millis(p99_ms)));
    let c = options.connections;
    let bearer = format!("Bearer {}", filled.token);
    let mut writes = Vec::new();
    for n in 0..9 {
        writes.push(Request::new(
            "GET",
            &format!("/api/v1/collaborations?limit=25&offset={}", n * 25),
            &headers,
            None,
        ));
    }
    let body = br#"{"name":"Benchmark: nieuw gemaakt","type":"regio-deal"}"#;
    let mut write_headers = headers.clone();
    write_headers.push(("Authorization", &bearer));
    write_headers.push(("Content-Type", "application/json"));
    writes.push(Request::new(
        "POST",
        "/api/v1/collaborations",
        &write_headers,
        Some(body),
    ));
    let list = vec![
        ("stylesheet (referentie, zelfde server)", get(css), None, c),
        (
            "samenwerking met radar (/samenwerkingen/1)",
            get("/samenwerkingen/1"),
            pages(5000.0, 10),
            c,
        ),
        (
            "lijst samenwerkingen, eerste pagina",
            get("/samenwerkingen"),
            pages(5000.0, 10),
            c,
        ),
        (
            "lijst samenwerkingen, laatste pagina",
            get(last_page),
            pages(5000.0, 10),
            c,
        ),
        (
            "zoeken ?q=Dronten",
            get("/samenwerkingen?q=Dronten"),
            pages(5000.0, 10),
            c,
        ),
        (
            "organisatie (Amsterdam)",
            get("/organisaties/GM0363"),
            pages(5000.0, 10),
            c,
        ),
        ("regiokaart (/regio)", get("/regio"), pages(2000.0, 25), c),
        (
            "rapport van een gesloten golf",
            get(&format!("/knelpuntenmonitor/{}", filled.wave)),
            pages(5000.0, 10),
            c,
        ),
        (
            "API: lijst samenwerkingen",
            get("/api/v1/collaborations"),
            None,
            c,
        ),
        (
            "API: partner-sets (1 verbinding)",
            get("/api/v1/partner-sets"),
            Some((5.0, Duration::from_millis(200))),
            1,
        ),
        ("API: 9 lezen + 1 nieuwe samenwerking", writes, None, c),
    ];
    list.into_iter()
        .map(|(name, mix, target, connections)| Target {
            name: name.to_owned(),
            mix,
            target,
            connections,
        })
        .collect()
}
