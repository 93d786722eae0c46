//! Running the server (issue 11): one log line per request with method, route template,
//! status, duration and a request id that is also in the response, as JSON lines when asked,
//! and never a password, token, cookie or the raw path of a request; connections that never
//! finish their headers, or sit idle, are closed.

use std::process::Stdio;
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{Harness, PASSWORD};
use crate::processes::{Server, SignIn, sign_in};

#[tokio::test]
async fn every_request_is_logged_with_its_route_and_id_and_without_secrets() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let token = h.token_for("GM0344", "redacteur").await;
    let log = tempfile::NamedTempFile::new().unwrap();
    let server = Server::start_with(
        &h.app.db.url,
        &[("SAMENSPEL_LOG_FORMAT", "json"), ("RUST_LOG", "info,sqlx=warn")],
        Stdio::from(log.reopen().unwrap()),
    );
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = |path: &str| format!("{}{path}", server.base);

    let SignIn {
        form,
        posted: signed_in,
        csrf,
        session,
    } = sign_in(&client, &server.base, &email).await;
    let api = client
        .get(url("/api/v1/collaborations?q=geheimezoekterm"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::OK);
    let page = client
        .get(url("/samenwerkingen/987654"))
        .header(
            "cookie",
            format!("samenspel_csrf={csrf}; samenspel_sessie={session}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let unknown = client
        .get(url("/uitnodiging-geheimpad/abc"))
        .header("x-request-id", "proxy-given-id-42")
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let id = |r: &reqwest::Response| r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let expected = [
        (id(&form), "GET", "/inloggen", 200),
        (id(&signed_in), "POST", "/inloggen", 303),
        (id(&api), "GET", "/api/v1/collaborations", 200),
        (id(&page), "GET", "/samenwerkingen/{id}", 404),
        (id(&unknown), "GET", "-", 404),
    ];
    assert_eq!(
        expected[4].0, "proxy-given-id-42",
        "a plain id from a proxy is kept"
    );
    let mut ids: Vec<&String> = expected.iter().map(|e| &e.0).collect();
    ids.dedup();
    assert_eq!(ids.len(), expected.len(), "every request has its own id");

    drop(server);
    let text = std::fs::read_to_string(log.path()).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    for (request_id, method, route, status) in expected {
        let line = lines
            .iter()
            .find(|l| l["request_id"] == request_id.as_str())
            .unwrap_or_else(|| panic!("no log line for {method} {route} ({request_id}) in:\n{text}"));
        assert_eq!(line["target"], "samenspel::http", "{line}");
        assert_eq!(line["method"], method, "{line}");
        assert_eq!(line["route"], route, "{line}");
        assert_eq!(line["status"], status, "{line}");
        let duration: f64 = line["duration_ms"].as_str().unwrap().parse().unwrap();
        assert!(duration >= 0.0, "{line}");
    }
    for secret in [
        PASSWORD,
        &token,
        &session,
        &csrf,
        "geheimezoekterm",
        "geheimpad",
        "987654",
    ] {
        assert!(!text.contains(secret), "the log shows {secret:?}:\n{text}");
    }
}

/// Reads from `stream` until the server closes it, or 25 seconds pass; returns how long it took.
async fn until_closed(mut stream: TcpStream) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0_u8; 1024];
    let read_all = async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(25), read_all)
        .await
        .ok()
        .map(|()| started.elapsed())
}

#[tokio::test]
async fn connections_that_never_finish_their_headers_or_stay_idle_are_closed() {
    let h = Harness::start().await;
    let address = h.app.address.trim_start_matches("http://").to_owned();
    let slow = async {
        let mut stream = TcpStream::connect(&address).await.unwrap();
        // Half a request line, then a byte now and then, never the end of the headers.
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        let (mut reader, mut writer) = stream.into_split();
        let trickle = async {
            for _ in 0..20 {
                tokio::time::sleep(Duration::from_secs(1)).await;
                if writer.write_all(b"X").await.is_err() {
                    break;
                }
            }
        };
        let started = Instant::now();
        let mut buffer = [0_u8; 1024];
        let closed = async {
            loop {
                match reader.read(&mut buffer).await {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
            }
        };
        tokio::select! {
            () = closed => Some(started.elapsed()),
            () = trickle => None,
        }
    };
    let idle = async { until_closed(TcpStream::connect(&address).await.unwrap()).await };
    let kept_alive = async {
        // One whole request, answered; then the connection waits for the next one.
        let mut stream = TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET /api/v1/dimensions HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        until_closed(stream).await
    };
    let (slow, idle, kept_alive) = tokio::join!(slow, idle, kept_alive);
    for (what, closed) in [("slow headers", slow), ("idle", idle), ("kept alive", kept_alive)] {
        let closed = closed.unwrap_or_else(|| panic!("{what}: the connection was still open"));
        assert!(
            closed >= samenspel_web::HEADER_TIMEOUT / 2,
            "{what}: closed after {closed:?}, before the client had its time"
        );
    }
}
