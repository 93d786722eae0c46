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
