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
    assert!(stdout.contains("549 regelingen (1186 versies)"), "{stdout}");
    assert!(stdout.contains("549 toegevoegd"), "{stdout}");
    assert!(stdout.contains("549 ongewijzigd"), "{stdout}");
    assert!(stdout.contains("Piekgeheugen"), "{stdout}");
    assert!(!environment_db.exists(), "SAMENSPEL_DATABASE_URL was used");
    assert_eq!(
        std::fs::read_dir(&tmp).unwrap().count(),
        0,
        "the temporary database is removed"
    );
}

#[test]
fn bench_search_asks_every_question_of_the_register_and_finds_something() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["bench", "search", "--repeats", "2"])
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let row = |name: &str| -> Vec<String> {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name} missing in:\n{stdout}"));
        line[name.len()..].split_whitespace().map(str::to_owned).collect()
    };
    // The whole register is there: the unfiltered list counts every regeling once.
    assert_eq!(row("lijst, eerste pagina")[0], "549", "{stdout}");
    for name in [
        "naam bevat 'veiligheid'",
        "soort GR, lopend",
        "met organisatie GM0363",
        "in veiligheidsregio VR13",
        "beleidsterrein bevat 'jeugd'",
        "overzicht GM0363 (Amsterdam)",
        "congruentie GR's × veiligheidsregio",
        "regiopagina veiligheidsregio VR09",
        "zoeken 'Den Haag'",
        "zoeken 'BZK'",
        "zoeken '0344'",
        "zoeken 'jeugdzorg'",
        "zoeken 'veiligheidsregio utrecht'",
        "zoeken 'veiligheid'",
    ] {
        let found: u64 = row(name)[0].parse().unwrap();
        assert!(found > 0, "{name} found nothing:\n{stdout}");
    }
    // More items contain 'gemeente' than the search ranks.
    assert_eq!(row("zoeken 'gemeente' (> 500)")[0], "500", "{stdout}");
    assert_eq!(
        std::fs::read_dir(&tmp).unwrap().count(),
        0,
        "the temporary database is removed"
    );
}

#[test]
fn bench_survey_imports_a_seeded_wave_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["bench", "survey", "--respondents", "300", "--seed", "7"])
        .env("TMPDIR", dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("Import: 300 antwoorden"), "{stdout}");
    assert!(
        stdout.contains("Rapport uit de bijgehouden tellingen"),
        "{stdout}"
    );
    // Each peer, when its Python package is there, counts what the import counted.
    for peer in ["DuckDB", "polars"] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{peer}:")))
            .unwrap_or_else(|| panic!("no line for {peer}: {stdout}"));
        assert!(
            line.contains("(gelijk)") || line.contains("niet beschikbaar"),
            "{line}"
        );
    }
    assert!(
        stdout.contains("Verhouding import Samenspel / snelste peer")
            || stdout.contains("Geen peer beschikbaar"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing left behind"
    );
}

#[test]
fn bench_udo_dashboard_loads_dossiers_in_a_fresh_database_and_agrees_with_sql() {
    let dir = tempfile::tempdir().unwrap();
    let stdout = bench_on_test_database(
        &["udo-dashboard", "--dossiers", "60", "--repeats", "2"],
        dir.path(),
    );
    assert!(stdout.contains("Geladen: 60 dossiers"), "{stdout}");
    for row in [
        "dashboard, alles",
        "dashboard, jaar",
        "dashboard, ministerie",
        "peer: SQL GROUP BY",
    ] {
        assert!(stdout.contains(row), "{row}: {stdout}");
    }
    assert!(stdout.contains("(gelijk)"), "SQL counts the same: {stdout}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing left behind"
    );
}

#[test]
fn bench_exchange_imports_generated_collaborations_twice_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let stdout = bench_on_test_database(&["exchange", "--collaborations", "40"], dir.path());
    assert!(stdout.contains("Bestand: 240 regels"), "{stdout}");
    assert!(stdout.contains("Import: 40 toegevoegd, 0 gewijzigd"), "{stdout}");
    assert!(
        stdout.contains("(40 ongewijzigd, 0 toegevoegd, 0 gewijzigd)"),
        "the same file again changes nothing: {stdout}"
    );
    assert!(stdout.contains("Peer:"), "{stdout}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing left behind"
    );
}

/// Runs `samenspel bench <args>` with `tmp` as its temporary folder, on the test database when
/// one is named (on PostgreSQL the bench makes its own database on that server and drops it);
/// its output, once it succeeded.
fn bench_on_test_database(args: &[&str], tmp: &std::path::Path) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_samenspel"));
    command.arg("bench").args(args).env("TMPDIR", tmp);
    if let Ok(url) = std::env::var(samenspel_testkit::TEST_DATABASE_ENV)
        && !url.trim().is_empty()
    {
        command.args(["--database", &url]);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
