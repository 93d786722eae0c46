//! `samenspel bench search`: times finding things in the register at national scale — the
//! paged list with each filter of the register page, the overview of one organisation, and
//! the congruence of a collaboration-type grouping with a division, the signals page (counts
//! and first page), the last page by keyset, the page of one region, and the site's full-text
//! search — on a database holding the whole register of gemeenschappelijke regelingen. The
//! list's old substring filter ('naam bevat') runs in the same table as the peer of the
//! full-text search.
//!
//! A benchmark, not a test: it reports figures and asserts nothing about them.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use samenspel_app::register::SHIPPED;
use samenspel_app::{App, Principal};
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgCode;
use samenspel_store::{Activity, CollaborationFilter, ListOrder, Page, SignalFilter};

use crate::bench::{peak_memory, summary};

/// One timed question: a name for the table and what it asks.
struct Question {
    name: &'static str,
    ask: Ask,
}

enum Ask {
    List(CollaborationFilter, Page),
    /// The signals page: the count per signal and the first page, most signals first.
    Signals(CollaborationFilter),
    Overview(&'static str),
    Congruence(&'static str, &'static str),
    /// The site's search (`/zoeken`, `GET /api/v1/search`), first page of 25.
    Site(&'static str),
    /// The page of one region (`/regio/{division}/{code}`): division and region code.
    Region(&'static str, &'static str),
}

/// The questions; `total` is the number of collaborations, for the offset of the last page,
/// and `before_last` the id of the collaboration just before the last page (its keyset cursor).
fn questions(total: u64, before_last: Option<i64>) -> anyhow::Result<Vec<Question>> {
    let today = chrono::Utc::now().date_naive();
    let page = Page { limit: 25, offset: 0 };
    let region = samenspel_app::regions::region_members("region", "veiligheidsregio:VR13")
        .map_err(|e| anyhow::anyhow!("regio: {e}"))?;
    let gr = CollaborationFilter {
        kinds: vec![CollaborationKind::GemeenschappelijkeRegeling],
        ..CollaborationFilter::default()
    };
    Ok([
        Question {
            name: "lijst, eerste pagina",
            ask: Ask::List(CollaborationFilter::default(), page),
        },
        Question {
            name: "lijst, laatste pagina",
            ask: Ask::List(
                CollaborationFilter::default(),
                Page {
                    limit: 25,
                    offset: u32::try_from(total.saturating_sub(1) / 25 * 25).unwrap_or(u32::MAX),
                },
            ),
        },
        Question {
            name: "lijst, laatste pagina (na id)",
            ask: Ask::List(
                CollaborationFilter {
                    after: before_last,
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "GR of RES, in VR13, met signaal",
            ask: Ask::List(
                CollaborationFilter {
                    kinds: vec![
                        CollaborationKind::GemeenschappelijkeRegeling,
                        CollaborationKind::Res,
                    ],
                    any_partner: Some(region.clone()),
                    signals: SignalFilter::Any,
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "signalenpagina",
            ask: Ask::Signals(CollaborationFilter {
                signals: SignalFilter::Any,
                order: ListOrder::Signals,
                ..CollaborationFilter::default()
            }),
        },
        Question {
            name: "signalenpagina, ministerie BZK",
            ask: Ask::Signals(CollaborationFilter {
                signals: SignalFilter::Any,
                order: ListOrder::Signals,
                organisations: vec![OrgCode::parse("MNRE1034").map_err(|e| anyhow::anyhow!("{e}"))?],
                ..CollaborationFilter::default()
            }),
        },
        Question {
            name: "naam bevat 'veiligheid'",
            ask: Ask::List(
                CollaborationFilter {
                    query: Some("veiligheid".into()),
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "soort GR, lopend",
            ask: Ask::List(
                CollaborationFilter {
                    activity: Some((Activity::Lopend, today)),
                    ..gr
                },
                page,
            ),
        },
        Question {
            name: "met organisatie GM0363",
            ask: Ask::List(
                CollaborationFilter {
                    organisation: Some(OrgCode::parse("GM0363").map_err(|e| anyhow::anyhow!("{e}"))?),
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "in veiligheidsregio VR13",
            ask: Ask::List(
                CollaborationFilter {
                    any_partner: Some(region),
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "beleidsterrein bevat 'jeugd'",
            ask: Ask::List(
                CollaborationFilter {
                    policy_area: Some("jeugd".into()),
                    ..CollaborationFilter::default()
                },
                page,
            ),
        },
        Question {
            name: "overzicht GM0363 (Amsterdam)",
            ask: Ask::Overview("GM0363"),
        },
        Question {
            name: "congruentie GR's × veiligheidsregio",
            ask: Ask::Congruence("soort-gemeenschappelijke-regeling", "veiligheidsregio"),
        },
        Question {
            name: "regiopagina veiligheidsregio VR09",
            ask: Ask::Region("veiligheidsregio", "VR09"),
        },
    ]
    .into_iter()
    .chain(SITE_QUESTIONS.iter().map(|&(name, q)| Question {
        name,
        ask: Ask::Site(q),
    }))
    .collect())
}

/// The site's search: the done-means queries of issue 12, a word in a quarter of the
/// register (more than are ranked), and the word the list's substring filter also asks.
const SITE_QUESTIONS: [(&str, &str); 7] = [
    ("zoeken 'Den Haag'", "Den Haag"),
    ("zoeken 'BZK'", "BZK"),
    ("zoeken '0344'", "0344"),
    ("zoeken 'veiligheidsregio utrecht'", "veiligheidsregio utrecht"),
    ("zoeken 'jeugdzorg'", "jeugdzorg"),
    ("zoeken 'veiligheid'", "veiligheid"),
    ("zoeken 'gemeente' (> 500)", "gemeente"),
];

/// Asks one question; returns how many items it found (to show the question is not empty).
async fn ask(app: &App, question: &Ask, who: &Principal) -> anyhow::Result<usize> {
    Ok(match question {
        Ask::List(filter, page) => app.list_collaborations(filter, *page, who).await?.total as usize,
        Ask::Signals(filter) => {
            app.signal_counts(filter, who).await?;
            let page = Page { limit: 50, offset: 0 };
            app.list_collaborations(filter, page, who).await?.total as usize
        }
        Ask::Overview(code) => {
            let today = chrono::Utc::now().date_naive();
            app.overview(code, who, today).await?.collaborations.len()
        }
        Ask::Congruence(a, b) => app.congruence(a, b, who).await?.measures.common,
        Ask::Region(division, code) => app.region_report(division, code, who).await?.collaborations.len(),
        Ask::Site(q) => {
            let page = Page { limit: 25, offset: 0 };
            app.search(q, who, page).await?.total as usize
        }
    })
}

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0).replace('.', ",")
}

pub async fn run(repeats: u32, database: Option<&str>) -> anyhow::Result<ExitCode> {
    println!("Benchmark: zoeken in het register ({repeats} herhalingen per vraag)");
    let dir = tempfile::Builder::new()
        .prefix("samenspel-bench-")
        .tempdir()
        .context("kan geen tijdelijke map maken")?;
    let url = match database {
        Some(url) => {
            println!(
                "Database: {} (zoals opgegeven; het register wordt er zo nodig in geladen)",
                crate::redact(url)
            );
            url.to_owned()
        }
        None => {
            println!("Database: een nieuw tijdelijk SQLite-bestand (daarna verwijderd)");
            format!("sqlite://{}", dir.path().join("bench.db").display())
        }
    };
    let app = crate::bench::prepared_app(&url).await?;
    let who = Principal::System("bench");
    app.import_gr_register(SHIPPED, &who, &|_, _| {})
        .await
        .context("het register laden")?;
    let anonymous = Principal::Anonymous;
    println!();
    println!(
        "{:<40}{:>9}{:>12}{:>12}{:>12}",
        "vraag", "gevonden", "min", "mediaan", "max"
    );
    let total = app
        .list_collaborations(
            &CollaborationFilter::default(),
            Page { limit: 1, offset: 0 },
            &anonymous,
        )
        .await?
        .total;
    let last_offset = u32::try_from(total.saturating_sub(1) / 25 * 25).unwrap_or(u32::MAX);
    let before_last = match last_offset.checked_sub(1) {
        Some(offset) => app
            .list_collaborations(
                &CollaborationFilter::default(),
                Page { limit: 1, offset },
                &anonymous,
            )
            .await?
            .items
            .first()
            .map(|c| c.id),
        None => None,
    };
    for q in questions(total, before_last)? {
        // One untimed warm-up, then the timed repeats.
        let found = ask(&app, &q.ask, &anonymous).await?;
        let mut durations = Vec::with_capacity(repeats as usize);
        for _ in 0..repeats {
            let start = Instant::now();
            ask(&app, &q.ask, &anonymous).await?;
            durations.push(start.elapsed());
        }
        durations.sort();
        if let Some((min, median, max)) = summary(&durations) {
            println!(
                "{:<40}{found:>9}{:>12}{:>12}{:>12}",
                q.name,
                millis(min),
                millis(median),
                millis(max)
            );
        }
    }
    println!();
    println!("Piekgeheugen van het proces (VmHWM): {}", peak_memory());
    drop(app);
    dir.close().ok();
    Ok(ExitCode::SUCCESS)
}
