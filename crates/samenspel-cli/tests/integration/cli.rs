use std::process::Command;

fn samenspel(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(args)
        .env_remove("SAMENSPEL_DATABASE_URL")
        .output()
        .unwrap()
}

#[test]
fn an_unknown_database_scheme_is_refused_without_creating_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.db");
    let url = format!("mysql://{}", target.display());
    let output = samenspel(&["--database", &url, "migrate"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Onbekende database-URL"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no stray file");
}

#[test]
fn migrate_then_demo_twice_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let output = samenspel(&["--database", &url, "migrate"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let first = samenspel(&["--database", &url, "demo"]);
    assert!(String::from_utf8_lossy(&first.stdout).contains("6 samenwerking(en) toegevoegd"));
    let second = samenspel(&["--database", &url, "demo"]);
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 samenwerking(en) toegevoegd"));
}

#[test]
fn report_staat_compiles_keeps_and_writes_the_report_and_names_a_wrong_date() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("staat.db").display());
    let out = dir.path().join("staat.json");
    let wrong = samenspel(&[
        "--database",
        &url,
        "report",
        "staat",
        "--from",
        "2025-02-30",
        "--to",
        "2025-12-31",
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        stderr.contains("--from") && stderr.contains("geen geldige datum"),
        "{stderr}"
    );
    assert!(!out.exists());
    let output = samenspel(&[
        "--database",
        &url,
        "report",
        "staat",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("01-01-2025 t/m 31-12-2025") && stdout.contains("/staat/1"),
        "{stdout}"
    );
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(report["from"], "2025-01-01");
    assert_eq!(report["schema"], 1);
    let json = samenspel(&[
        "--database",
        &url,
        "report",
        "staat",
        "--from",
        "2025-01-01",
        "--to",
        "2025-06-30",
        "--json",
    ]);
    let again: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(again["to"], "2025-06-30");
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_backup_is_checked_and_a_restore_brings_the_database_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let url = format!("sqlite://{}", db.display());
    let copy = dir.path().join("kopie.db");
    stdout(&samenspel(&["--database", &url, "demo"]));
    let verified = stdout(&samenspel(&["--database", &url, "audit", "verify"]));
    let written = stdout(&samenspel(&[
        "--database",
        &url,
        "backup",
        copy.to_str().unwrap(),
    ]));
    assert!(
        written.contains("gecontroleerd") && written.contains("keten ongebroken"),
        "{written}"
    );
    // Never over an existing file.
    let again = samenspel(&["--database", &url, "backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));

    // A change after the backup: a new account (with its audit event).
    let mut add = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args([
            "--database",
            &url,
            "user",
            "add",
            "--email",
            "na@example.nl",
            "--name",
            "Na",
            "--org",
            "GM0363",
            "--role",
            "lezer",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(add.stdin.as_mut().unwrap(), b"wachtwoord-lang-1\n").unwrap();
    assert!(add.wait().unwrap().success());
    let changed = stdout(&samenspel(&["--database", &url, "audit", "verify"]));
    assert_ne!(changed, verified);

    // A broken copy is refused and the database stays as it is.
    let broken = dir.path().join("kapot.db");
    std::fs::write(&broken, b"geen database").unwrap();
    let refused = samenspel(&["--database", &url, "restore", broken.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("ongewijzigd"));
    assert_eq!(
        stdout(&samenspel(&["--database", &url, "audit", "verify"])),
        changed
    );

    let restored = stdout(&samenspel(&[
        "--database",
        &url,
        "restore",
        copy.to_str().unwrap(),
    ]));
    assert!(restored.contains("teruggezet"), "{restored}");
    assert_eq!(
        stdout(&samenspel(&["--database", &url, "audit", "verify"])),
        verified,
        "the audit trail as it was at the backup"
    );
    assert!(!dir.path().join("live.db.terugzetten").exists());
}

/// The documented PostgreSQL backup (docs/DEPLOY.md): pg_dump in the custom format, pg_restore
/// into an empty database, and the audit trail comes back whole. Runs where the suite runs on
/// PostgreSQL (`SAMENSPEL_TEST_DATABASE_URL`, as in CI).
#[test]
fn a_postgres_backup_with_pg_dump_restores_whole() {
    let Ok(admin) = std::env::var("SAMENSPEL_TEST_DATABASE_URL") else {
        eprintln!("skipped: SAMENSPEL_TEST_DATABASE_URL is not set");
        return;
    };
    let base = admin
        .rsplit_once('/')
        .map_or(admin.as_str(), |(base, _)| base)
        .to_owned();
    let suffix = std::process::id();
    let (live, back) = (format!("ss_dump_{suffix}"), format!("ss_back_{suffix}"));
    let tool = |program: &str, args: &[&str]| {
        let output = Command::new(program).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let maintenance = format!("--maintenance-db={admin}");
    for name in [&live, &back] {
        tool("createdb", &[&maintenance, name]);
    }
    let live_url = format!("{base}/{live}");
    let back_url = format!("{base}/{back}");
    stdout(&samenspel(&["--database", &live_url, "demo"]));
    let verified = stdout(&samenspel(&["--database", &live_url, "audit", "verify"]));
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("samenspel.dump");
    tool(
        "pg_dump",
        &["--format=custom", "--file", dump.to_str().unwrap(), &live_url],
    );
    tool(
        "pg_restore",
        &["--no-owner", "--dbname", &back_url, dump.to_str().unwrap()],
    );
    let restored = stdout(&samenspel(&["--database", &back_url, "audit", "verify"]));
    assert_eq!(restored, verified);
    let refused = samenspel(&[
        "--database",
        &live_url,
        "backup",
        dir.path().join("x.db").to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2), "pg_dump is the way");
    for name in [&live, &back] {
        tool("dropdb", &[&maintenance, name]);
    }
}

#[test]
fn a_configuration_file_sets_what_the_command_line_and_environment_leave_open() {
    let dir = tempfile::tempdir().unwrap();
    let example = stdout(&samenspel(&["config", "default"]));
    assert!(
        example.contains("# database = ") && example.contains("SAMENSPEL_BIND"),
        "{example}"
    );
    let from_file = dir.path().join("uit-bestand.db");
    let config = dir.path().join("samenspel.toml");
    std::fs::write(
        &config,
        format!("{example}\ndatabase = \"sqlite://{}\"\n", from_file.display()),
    )
    .unwrap();
    let migrated = stdout(&samenspel(&["--config", config.to_str().unwrap(), "migrate"]));
    assert!(
        migrated.contains("uit-bestand.db") && from_file.exists(),
        "{migrated}"
    );
    // The environment goes before the file.
    let from_env = dir.path().join("uit-omgeving.db");
    let output = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["--config", config.to_str().unwrap(), "migrate"])
        .env(
            "SAMENSPEL_DATABASE_URL",
            format!("sqlite://{}", from_env.display()),
        )
        .output()
        .unwrap();
    assert!(output.status.success() && from_env.exists());
    // An unknown key: refused by name, nothing opened.
    let typo = dir.path().join("typo.toml");
    let never = dir.path().join("nooit.db");
    std::fs::write(&typo, format!("databse = \"sqlite://{}\"\n", never.display())).unwrap();
    let refused = samenspel(&["--config", typo.to_str().unwrap(), "migrate"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("onbekende sleutel 'databse'"));
    assert!(!never.exists() && !dir.path().join("samenspel.db").exists());
}
