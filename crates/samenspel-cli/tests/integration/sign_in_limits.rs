//! A burst of sign-in attempts (issue 11): 100 wrong passwords for one account sent at once
//! to the real binary. Each attempt is counted before its password is checked, so at most the
//! limit of 5 reach the (Argon2id, ~17 MB) check and the rest are refused with 429 at once;
//! hashes run at most one per core, so the server's memory stays small.

use std::process::Stdio;

use reqwest::{Client, StatusCode};

use crate::helpers::Harness;
use crate::processes::{Server, cookie_value};

/// The resident memory of a process in MB, from /proc.
fn resident_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kb / 1024
}

#[tokio::test]
async fn a_hundred_parallel_wrong_passwords_check_at_most_five_and_keep_memory_small() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let server = Server::start_with(&h.app.db.url, &[("RUST_LOG", "warn")], Stdio::null());
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = client
        .get(format!("{}/inloggen", server.base))
        .send()
        .await
        .unwrap();
    let csrf = cookie_value(&form, "samenspel_csrf").unwrap();
    let attempts = (0..100).map(|i| {
        let (client, csrf, email) = (client.clone(), csrf.clone(), email.clone());
        let url = format!("{}/inloggen", server.base);
        tokio::spawn(async move {
            client
                .post(url)
                .header("cookie", format!("samenspel_csrf={csrf}"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("email", email.as_str()),
                    ("password", &format!("fout wachtwoord {i}")),
                ])
                .send()
                .await
                .unwrap()
                .status()
        })
    });
    let mut checked = 0;
    let mut refused = 0;
    for attempt in attempts.collect::<Vec<_>>() {
        match attempt.await.unwrap() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("unexpected answer {other}"),
        }
    }
    assert!(checked <= 5, "{checked} passwords were checked, the limit is 5");
    assert_eq!(checked + refused, 100);
    let memory = resident_mb(server.pid());
    assert!(memory < 200, "the server uses {memory} MB after the burst");
    // Every attempt is on record; the refused ones are audited.
    assert_eq!(
        h.app
            .db
            .count("SELECT COUNT(*) FROM login_attempts WHERE succeeded = FALSE")
            .await,
        100
    );
    assert_eq!(
        h.app
            .db
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'auth.login_refused'")
            .await,
        100
    );
}
