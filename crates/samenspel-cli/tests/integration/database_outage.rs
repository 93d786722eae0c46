//! PostgreSQL out of reach (issue 16, item 3): the server answers 503 with `Retry-After` on
//! pages, in the API and on `/health/ready` — not a 500, not a request that hangs — and serves
//! again, without a restart, once the database can be reached. The database is cut off by a
//! proxy between the server and PostgreSQL that the test closes and opens again
//! (`scripts/fault-harness` does the same by stopping PostgreSQL itself).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use samenspel_testkit::TestDb;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A TCP proxy to PostgreSQL that can be cut: closed, every connection through it dropped and
/// new ones refused, and opened again on the same address.
struct Cuttable {
    address: SocketAddr,
    target: String,
    accepting: Option<JoinHandle<()>>,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Cuttable {
    async fn start(target: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut proxy = Cuttable {
            address: listener.local_addr().unwrap(),
            target: target.to_owned(),
            accepting: None,
            connections: Arc::default(),
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&mut self, listener: TcpListener) {
        let (target, connections) = (self.target.clone(), self.connections.clone());
        self.accepting = Some(tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let target = target.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                connections.lock().unwrap().push(task);
            }
        }));
    }

    async fn cut(&mut self) {
        if let Some(accepting) = self.accepting.take() {
            accepting.abort();
            let _ = accepting.await;
        }
        for connection in self.connections.lock().unwrap().drain(..) {
            connection.abort();
        }
    }

    async fn reopen(&mut self) {
        let listener = TcpListener::bind(self.address).await.unwrap();
        self.serve(listener);
    }
}

/// The URL with its host and port replaced by `address`.
fn through(url: &str, address: SocketAddr) -> (String, String) {
    let scheme_end = url.find("://").unwrap() + 3;
    let authority_end = url[scheme_end..].find('/').map_or(url.len(), |i| i + scheme_end);
    let authority = &url[scheme_end..authority_end];
    let host_start = authority.rfind('@').map_or(0, |i| i + 1);
    let target = authority[host_start..].to_owned();
    let proxied = format!(
        "{}{}{address}{}",
        &url[..scheme_end],
        &authority[..host_start],
        &url[authority_end..]
    );
    (proxied, target)
}

#[tokio::test]
async fn while_postgresql_cannot_be_reached_every_answer_is_a_503_and_then_it_serves_again() {
    let db = TestDb::new().await;
    if db.backend() != "postgres" {
        // SQLite is a file inside the process: there is no connection to lose.
        return;
    }
    let (_, target) = through(&db.url, "127.0.0.1:1".parse().unwrap());
    let mut proxy = Cuttable::start(&target).await;
    let (url, _) = through(&db.url, proxy.address);
    let store = samenspel_store_any::connect(&url).await.unwrap();
    let app = samenspel_app::App::new(store);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = samenspel_web::router(app, samenspel_web::WebConfig::default());
    tokio::spawn(async move {
        let _ = samenspel_web::serve(listener, router, std::future::pending()).await;
    });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let get = |path: &str, lang: &str| {
        client
            .get(format!("{base}{path}"))
            .header("accept-language", lang)
            .send()
    };
    for path in ["/samenwerkingen", "/api/v1/collaborations", "/health/ready"] {
        assert_eq!(get(path, "nl").await.unwrap().status(), StatusCode::OK, "{path}");
    }

    proxy.cut().await;
    for (path, lang, kind, says) in [
        ("/samenwerkingen", "en", "text/html", "Service unavailable"),
        ("/samenwerkingen", "nl", "text/html", "Tijdelijk niet beschikbaar"),
        (
            "/api/v1/collaborations",
            "en",
            "application/problem+json",
            "Service unavailable",
        ),
        ("/health/ready", "nl", "application/json", "database-unreachable"),
    ] {
        let asked = Instant::now();
        let response = get(path, lang).await.unwrap();
        let waited = asked.elapsed();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(response.headers()["retry-after"], "5", "{path}");
        let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(content_type.starts_with(kind), "{path}: {content_type}");
        let body = response.text().await.unwrap();
        assert!(body.contains(says), "{path} ({lang}): {body}");
        assert!(
            !body.contains("PoolTimedOut") && !body.contains("refused"),
            "{body}"
        );
        assert!(
            waited < Duration::from_secs(10),
            "{path} took {waited:?}: a 503 comes after the pool's wait, not a hang"
        );
    }

    proxy.reopen().await;
    let back = Instant::now();
    loop {
        let status = get("/samenwerkingen", "nl").await.unwrap().status();
        if status == StatusCode::OK {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(20),
            "still {status} 20 s after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    for path in ["/api/v1/collaborations", "/health/ready"] {
        assert_eq!(
            get(path, "nl").await.unwrap().status(),
            StatusCode::OK,
            "{path} after"
        );
    }
}

#[test]
fn the_proxy_takes_the_place_of_host_and_port_only() {
    let address: SocketAddr = "127.0.0.1:4000".parse().unwrap();
    assert_eq!(
        through("postgres://postgres@127.0.0.1:5432/samenspel_test_1", address),
        (
            "postgres://postgres@127.0.0.1:4000/samenspel_test_1".to_owned(),
            "127.0.0.1:5432".to_owned()
        )
    );
    assert_eq!(
        through("postgres://u:p@db:5432/x?sslmode=disable", address),
        (
            "postgres://u:p@127.0.0.1:4000/x?sslmode=disable".to_owned(),
            "db:5432".to_owned()
        )
    );
}
