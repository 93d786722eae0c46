//! The real `samenspel` binary (issue 3): two `serve` processes on one database share the
//! signed-in user (sessions live in the database); `audit verify` passes on an untouched trail
//! and names the first broken link after a row is altered or removed by hand; `token create`
//! and `token revoke` on the command line govern API access.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdout, Command, Output, Stdio};

use reqwest::{Client, Method, StatusCode};
use serde_json::json;

use crate::helpers::{Harness, PASSWORD, scores};

fn samenspel(database: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_samenspel"));
    command
        .args(["--database", database])
        .env_remove("SAMENSPEL_DATABASE_URL")
        .env_remove("SAMENSPEL_BIND")
        .env_remove("SAMENSPEL_SECURE_COOKIES")
        .env("RUST_LOG", "warn")
        .env_remove("MALLOC_ARENA_MAX");
    command
}

fn run(database: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = samenspel(database)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default().as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A `samenspel serve` process on an ephemeral port; killed when dropped.
pub(crate) struct Server {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    pub(crate) base: String,
}

impl Server {
    pub(crate) fn start(database: &str) -> Self {
        Self::start_with(database, &[], Stdio::null())
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Starts a server with extra environment variables, its log going to `stderr`.
    pub(crate) fn start_with(database: &str, env: &[(&str, &str)], stderr: Stdio) -> Self {
        let mut child = samenspel(database)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let base = line
            .trim()
            .strip_prefix("Samenspel draait op ")
            .unwrap_or_else(|| panic!("the server did not start: {line:?}"))
            .to_owned();
        Self {
            child,
            _stdout: stdout,
            base,
        }
    }
}

impl Server {
    /// Sends SIGTERM (as systemd does to stop a service) and waits for the process to end.
    pub(crate) fn terminate(&mut self) -> std::process::ExitStatus {
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A sign-in by hand on the server at `base` (no cookie store): the form's response, the
/// post's response, and the CSRF and session cookies it gave.
pub(crate) struct SignIn {
    pub(crate) form: reqwest::Response,
    pub(crate) posted: reqwest::Response,
    pub(crate) csrf: String,
    pub(crate) session: String,
}

pub(crate) async fn sign_in(client: &Client, base: &str, email: &str) -> SignIn {
    let form = client.get(format!("{base}/inloggen")).send().await.unwrap();
    let csrf = cookie_value(&form, "samenspel_csrf").unwrap();
    let posted = client
        .post(format!("{base}/inloggen"))
        .header("cookie", format!("samenspel_csrf={csrf}"))
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::SEE_OTHER, "sign-in as {email}");
    let session = cookie_value(&posted, "samenspel_sessie").unwrap();
    SignIn {
        form,
        posted,
        csrf,
        session,
    }
}

pub(crate) fn cookie_value(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")).map(str::to_owned))
        .and_then(|v| v.split(';').next().map(str::to_owned))
}

#[tokio::test]
async fn a_session_started_on_one_server_works_on_another() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let (a, b) = (Server::start(&h.app.db.url), Server::start(&h.app.db.url));
    assert_ne!(a.base, b.base);
    // No cookie store: every cookie below is sent by hand, to the server named.
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let SignIn { csrf, session, .. } = sign_in(&client, &a.base, &email).await;
    let cookies = format!("samenspel_csrf={csrf}; samenspel_sessie={session}");
    let page = |base: &str, cookies: Option<&str>| {
        let mut request = client.get(format!("{base}/samenwerkingen"));
        if let Some(cookies) = cookies {
            request = request.header("cookie", cookies.to_owned());
        }
        request.send()
    };
    let html = page(&b.base, None).await.unwrap().text().await.unwrap();
    assert!(!html.contains("Aangemeld als"), "without the cookie, anonymous");
    let html = page(&b.base, Some(&cookies)).await.unwrap().text().await.unwrap();
    assert!(html.contains("Aangemeld als redacteur van GM0363"), "{html}");

    let created = client
        .post(format!("{}/organisaties", b.base))
        .header("cookie", cookies.clone())
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Stichting Twee Servers"),
            ("type", "bedrijf"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER, "a form on server B");
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let html = page(&a.base, Some(&cookies)).await.unwrap().text().await.unwrap();
    assert!(html.contains("Aangemeld als"));
    let organisation = client
        .get(format!("{}{location}", a.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        organisation.contains("Stichting Twee Servers"),
        "seen on server A"
    );

    let signed_out = client
        .post(format!("{}/uitloggen", b.base))
        .header("cookie", cookies.clone())
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    let html = page(&a.base, Some(&cookies)).await.unwrap().text().await.unwrap();
    assert!(
        !html.contains("Aangemeld als"),
        "signed out on B is signed out on A"
    );
}

#[tokio::test]
async fn audit_verify_names_the_first_broken_link() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration("Woondeal", &[("MNRE1034", "trekker"), ("GM0344", "partner")])
        .await;
    let (status, _) = h
        .put_stance(id, "GM0344", &json!({"scores": scores([3, 1, 3, 3, 3, 1])}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = h
        .put_stance(id, "MNRE1034", &json!({"scores": scores([3, 1, 3, 3, 3, 2])}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let browser = h.browser().await;
    browser
        .post_form("/inloggen", &[("email", "niemand@test.nl"), ("password", "fout")])
        .await;
    let db = &h.app.db;
    let url = db.url.clone();
    let total = db.count("SELECT COUNT(*) FROM audit_events").await;
    let verify = || run(&url, &["audit", "verify"], None);
    let output = verify();
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(&format!("Audittrail in orde: {total} gebeurtenissen")),
        "{}",
        stdout(&output)
    );

    let stance = db
        .count("SELECT MIN(id) FROM audit_events WHERE action = 'stance.record'")
        .await;
    assert!(
        stance < db.count("SELECT MAX(id) FROM audit_events").await,
        "a link in the middle"
    );
    let broken_at = |id: i64| {
        let output = verify();
        assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
        let expected = format!("de eerste gebroken schakel is gebeurtenis {id}.");
        assert!(stdout(&output).contains(&expected), "{}", stdout(&output));
    };
    let set_actor = |actor: &str| format!("UPDATE audit_events SET actor = '{actor}' WHERE id = {stance}");
    assert_eq!(db.execute(&set_actor("iemand.anders@test.nl")).await, 1);
    broken_at(stance);
    // The stance was recorded by the administrator of the harness.
    db.execute(&set_actor("beheerder.mnre1034@test.nl")).await;
    assert!(verify().status.success(), "put back, the chain is whole again");

    // Removing the newest event: the head of the chain remembers it.
    let last = db.count("SELECT MAX(id) FROM audit_events").await;
    let saved = db
        .count(&format!("SELECT COUNT(*) FROM audit_events WHERE id = {last}"))
        .await;
    assert_eq!(saved, 1);
    db.execute(&format!(
        "CREATE TABLE audit_backup AS SELECT * FROM audit_events WHERE id = {last}"
    ))
    .await;
    db.execute(&format!("DELETE FROM audit_events WHERE id = {last}"))
        .await;
    broken_at(last);
    // PostgreSQL generates the id itself unless told to keep the one given.
    let overriding = if db.backend() == "postgres" {
        "OVERRIDING SYSTEM VALUE"
    } else {
        ""
    };
    db.execute(&format!(
        "INSERT INTO audit_events {overriding} SELECT * FROM audit_backup"
    ))
    .await;
    db.execute("DROP TABLE audit_backup").await;
    assert!(verify().status.success(), "restored, the chain is whole again");

    let after = format!("UPDATE audit_events SET after_json = after_json || ' ' WHERE id = {stance}");
    assert_eq!(db.execute(&after).await, 1);
    broken_at(stance);

    // Removing events: the first one left no longer follows from its predecessor.
    let next = db
        .count(&format!("SELECT MIN(id) FROM audit_events WHERE id > {stance}"))
        .await;
    db.execute(&format!("DELETE FROM audit_events WHERE id <= {stance}"))
        .await;
    broken_at(next);
}

#[tokio::test]
async fn api_tokens_are_created_and_revoked_on_the_command_line() {
    let h = Harness::start().await;
    let url = h.app.db.url.clone();
    let email = "cli.redacteur@test.nl";
    #[rustfmt::skip]
    let add = ["user", "add", "--email", email, "--name", "Cli Redacteur", "--org", "GM0363", "--role", "redacteur"];
    let output = run(&url, &add, Some(&format!("{PASSWORD}\n")));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = run(&url, &["token", "create", "--email", email], None);
    assert!(output.status.success());
    let token = stdout(&output).trim().to_owned();
    assert!(token.len() >= 32, "one token on standard output: {token:?}");
    let stored = format!("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{token}'");
    assert_eq!(h.app.db.count(&stored).await, 0, "only a hash is stored");

    let path = "/api/v1/organisations";
    let body = json!({"name": "Stichting Cli", "type": "bedrijf"});
    let (status, created) = h.request(Some(&token), Method::POST, path, Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let output = run(&url, &["token", "revoke", "--email", email], None);
    assert!(stdout(&output).contains("1 token(s)"), "{}", stdout(&output));
    let before = h.fingerprint().await;
    let (status, _) = h.request(Some(&token), Method::POST, path, Some(&body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(before == h.fingerprint().await, "nothing stored");

    let output = run(&url, &["token", "create", "--email", "niemand@test.nl"], None);
    assert!(!output.status.success(), "no token for an unknown account");
    assert!(stdout(&output).trim().is_empty());
}

/// SIGTERM (systemd's, a container runtime's way to stop a service) stops the server
/// gracefully: it answers until then and ends with success, not killed by the signal.
#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let h = Harness::start().await;
    let mut server = Server::start(&h.app.db.url);
    let live = reqwest::get(format!("{}/health/live", server.base))
        .await
        .unwrap();
    assert_eq!(live.status(), reqwest::StatusCode::OK);
    let status = server.terminate();
    assert!(
        status.success(),
        "ended by the signal instead of shutting down: {status:?}"
    );
}

/// One answer by the open link of the demonstration wave, from a fresh browser (no cookies) on
/// the server at `base`; the status of the post.
async fn answer_by_link(base: &str) -> StatusCode {
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let path = format!("{base}/knelpuntenmonitor/demo-open/invullen");
    let form = client.get(&path).send().await.unwrap();
    let csrf = cookie_value(&form, "samenspel_csrf").unwrap();
    let mut fields = vec![
        ("csrf".to_owned(), csrf.clone()),
        ("layer".to_owned(), "gemeente".to_owned()),
    ];
    fields.extend((1..=24).map(|i| (format!("S{i:02}"), "3".to_owned())));
    client
        .post(&path)
        .header("cookie", format!("samenspel_csrf={csrf}"))
        .form(&fields)
        .send()
        .await
        .unwrap()
        .status()
}

/// The limit on answers by a wave's link holds for the address across two processes on one
/// database, not per process (issue 16, item 2).
#[tokio::test]
async fn the_limit_per_address_holds_across_two_servers() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    let (a, b) = (Server::start(&h.app.db.url), Server::start(&h.app.db.url));
    let limit = samenspel_app::survey::LINK_ANSWERS;
    for i in 0..limit {
        let base = if i % 2 == 0 { &a.base } else { &b.base };
        assert_eq!(answer_by_link(base).await, StatusCode::SEE_OTHER, "answer {i}");
    }
    assert_eq!(answer_by_link(&a.base).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer_by_link(&b.base).await, StatusCode::TOO_MANY_REQUESTS);
}

/// A parallel burst of answers by link from one address over two servers lets exactly the
/// limit through.
#[tokio::test]
async fn a_parallel_burst_over_two_servers_lets_exactly_the_limit_through() {
    let h = Harness::start().await;
    samenspel_app::demo_survey::load(&h.app.app).await.unwrap();
    let (a, b) = (Server::start(&h.app.db.url), Server::start(&h.app.db.url));
    let mut burst = tokio::task::JoinSet::new();
    for i in 0..60 {
        let base = if i % 2 == 0 {
            a.base.clone()
        } else {
            b.base.clone()
        };
        burst.spawn(async move { answer_by_link(&base).await });
    }
    let statuses = burst.join_all().await;
    let accepted = statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count();
    let limited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        (accepted, limited),
        (
            samenspel_app::survey::LINK_ANSWERS as usize,
            60 - samenspel_app::survey::LINK_ANSWERS as usize
        ),
        "{statuses:?}"
    );
}

/// The server limits glibc's allocator to two arenas unless the operator chose a number
/// (issue 16, item 4: memory under load), and keeps its process id while doing so.
#[tokio::test]
async fn the_server_runs_with_two_allocator_arenas_unless_told_otherwise() {
    let h = Harness::start().await;
    let environment = |server: &Server| {
        std::fs::read(format!("/proc/{}/environ", server.pid()))
            .unwrap()
            .split(|b| *b == 0)
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .filter(|v| v.starts_with("MALLOC_ARENA_MAX="))
            .collect::<Vec<_>>()
    };
    let chosen = Server::start(&h.app.db.url);
    assert_eq!(environment(&chosen), ["MALLOC_ARENA_MAX=2"]);
    let response = reqwest::get(format!("{}/health/live", chosen.base))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let own = Server::start_with(&h.app.db.url, &[("MALLOC_ARENA_MAX", "4")], Stdio::null());
    assert_eq!(environment(&own), ["MALLOC_ARENA_MAX=4"]);
}
