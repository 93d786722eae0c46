//! `samenspel bench import` runs end to end. Its figures are not checked: a benchmark is not a
//! test.

use std::process::Command;

#[test]
fn bench_import_names_its_phases_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // A database from the environment must not be touched: bench only uses --database.
    let environment_db = dir.path().join("from-environment.db");
    let output = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["bench", "import", "--runs", "1"])
        .env(
            "SAMENSPEL_DATABASE_URL",
            format!("sqlite://{}", environment_db.display()),
        )
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    for phase in ["voorbereiden", "eerste import", "tweede import"] {
        assert!(stdout.contains(phase), "{phase} missing in:\n{stdout}");
    }
    assert!(stdout.contains("1186 regelingen"), "{stdout}");
    assert!(stdout.contains("1186 toegevoegd"), "{stdout}");
    assert!(stdout.contains("1186 ongewijzigd"), "{stdout}");
    assert!(stdout.contains("Piekgeheugen"), "{stdout}");
    assert!(!environment_db.exists(), "SAMENSPEL_DATABASE_URL was used");
    assert_eq!(
        std::fs::read_dir(&tmp).unwrap().count(),
        0,
        "the temporary database is removed"
    );
}
