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
