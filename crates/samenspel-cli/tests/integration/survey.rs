//! The knelpuntenmonitor through the real `samenspel` binary: a wave is opened, a file whose
//! group means equal the ROB's table is imported, the report (only after closing) gives the
//! ROB's two rankings and the shared top six, a group below k never appears, bad files and a
//! closed wave store nothing, and `survey verify` agrees with the kept counts — and notices
//! when one is changed by hand.

use std::process::{Command, Output};

use samenspel_domain::survey::instrument::ROB_2020_MEANS;
use samenspel_testkit::TestDb;

fn run(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args(["--database", &db.url])
        .args(args)
        .env_remove("SAMENSPEL_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// 100 answers with exactly this mean: threes, with fours or twos to reach the sum.
fn answers_with_mean(mean: f64) -> Vec<u8> {
    let sum = (mean * 100.0).round() as i64;
    let (fours, twos) = if sum >= 300 {
        (sum - 300, 0)
    } else {
        (0, 300 - sum)
    };
    let mut v = vec![2u8; twos as usize];
    v.extend(std::iter::repeat_n(4u8, fours as usize));
    v.extend(std::iter::repeat_n(3u8, (100 - fours - twos) as usize));
    v
}

/// 100 respondents of `layer` whose means per statement are the ROB's (column 0 Rijk, 1
/// decentraal), as CSV lines.
fn rob_lines(prefix: &str, layer: &str, column: usize) -> Vec<String> {
    let per_statement: Vec<Vec<u8>> = ROB_2020_MEANS
        .iter()
        .map(|r| answers_with_mean(if column == 0 { r.1 } else { r.2 }))
        .collect();
    (0..100)
        .map(|i| {
            let cells: Vec<String> = per_statement.iter().map(|a| a[i].to_string()).collect();
            format!("{prefix}{i},{layer},{}", cells.join(","))
        })
        .collect()
}

fn header() -> String {
    let ids: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    format!("respondent,layer,{}", ids.join(","))
}

fn write(dir: &tempfile::TempDir, name: &str, lines: &[String]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, format!("{}\n{}\n", header(), lines.join("\n"))).unwrap();
    path.display().to_string()
}

#[tokio::test]
async fn a_wave_with_the_rob_means_gives_the_rob_rankings_end_to_end() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let created = run(&db, &["survey", "wave", "create", "rob-2020", "--k", "10"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let again = run(&db, &["survey", "wave", "create", "rob-2020"]);
    assert_eq!(again.status.code(), Some(2), "a wave key is unique");

    // A bad file first: an unknown layer, an answer 6, a duplicate respondent.
    let mut bad = rob_lines("r", "rijk", 0);
    bad[3] = bad[3].replacen(",rijk,", ",ministerie,", 1);
    bad[5] = format!("{}6", &bad[5][..bad[5].len() - 1]);
    bad[7] = bad[6].clone();
    let before = db.fingerprint().await;
    let refused = run(
        &db,
        &[
            "survey",
            "import",
            "--wave",
            "rob-2020",
            &write(&dir, "bad.csv", &bad),
        ],
    );
    assert_eq!(refused.status.code(), Some(2), "{}", stdout(&refused));
    let errors = stderr(&refused);
    for expected in ["bestand:5:layer", "bestand:7:S24", "bestand:9:respondent"] {
        assert!(errors.contains(expected), "{expected} in {errors}");
    }
    assert!(before == db.fingerprint().await, "nothing stored");

    let mut good = rob_lines("r", "rijk", 0);
    good.extend(rob_lines("g", "gemeente", 1));
    // Five respondents of another kind (not decentraal): below k, so never shown.
    good.extend((0..5).map(|i| format!("o{i},overig,{}", vec!["5"; 24].join(","))));
    let imported = run(
        &db,
        &[
            "survey",
            "import",
            "--wave",
            "rob-2020",
            &write(&dir, "good.csv", &good),
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("205 antwoorden"),
        "{}",
        stdout(&imported)
    );

    let early = run(&db, &["survey", "report", "--wave", "rob-2020"]);
    assert_eq!(early.status.code(), Some(2), "no results while the wave is open");
    assert!(stderr(&early).contains("nog open"), "{}", stderr(&early));
    let verify = run(&db, &["survey", "verify", "--wave", "rob-2020"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    assert!(
        stdout(&verify).contains("205 respondenten"),
        "{}",
        stdout(&verify)
    );

    let invited = run(
        &db,
        &[
            "survey",
            "invite",
            "--wave",
            "rob-2020",
            "--count",
            "3",
            "--base-url",
            "https://samenspel.example/",
        ],
    );
    assert!(invited.status.success(), "{}", stderr(&invited));
    let links: Vec<String> = stdout(&invited).lines().map(str::to_owned).collect();
    assert_eq!(links.len(), 3);
    assert!(links.iter().all(|l| {
        l.starts_with("https://samenspel.example/knelpuntenmonitor/rob-2020/invullen?uitnodiging=")
    }));
    assert_ne!(links[0], links[1]);
    // In English: through the language switch, which remembers the choice and goes on to the
    // form.
    let english = run(
        &db,
        &[
            "survey",
            "invite",
            "--wave",
            "rob-2020",
            "--base-url",
            "https://samenspel.example",
            "--taal",
            "en",
        ],
    );
    assert!(english.status.success(), "{}", stderr(&english));
    assert!(
        stdout(&english).starts_with(
            "https://samenspel.example/taal/en?terug=%2Fknelpuntenmonitor%2Frob-2020%2Finvullen%3Fuitnodiging%3D"
        ),
        "{}",
        stdout(&english)
    );

    assert!(
        run(&db, &["survey", "wave", "close", "rob-2020"])
            .status
            .success()
    );
    let late = run(
        &db,
        &[
            "survey",
            "import",
            "--wave",
            "rob-2020",
            &write(&dir, "late.csv", &rob_lines("x", "rijk", 0)),
        ],
    );
    assert_eq!(late.status.code(), Some(2), "a closed wave takes no answers");
    assert!(stderr(&late).contains("gesloten"), "{}", stderr(&late));
    let no_invitations = run(&db, &["survey", "invite", "--wave", "rob-2020", "--count", "2"]);
    assert_eq!(
        no_invitations.status.code(),
        Some(2),
        "a closed wave gets no invitations"
    );
    assert!(
        stderr(&no_invitations).contains("Geen uitnodigingen gemaakt: deze golf is gesloten."),
        "{}",
        stderr(&no_invitations)
    );
    assert!(stdout(&no_invitations).is_empty(), "no link printed");

    let report = run(
        &db,
        &["survey", "report", "--wave", "rob-2020", "--format", "json"],
    );
    assert!(report.status.success(), "{}", stderr(&report));
    let json: serde_json::Value = serde_json::from_str(&stdout(&report)).unwrap();
    let ranking = |group: &str| -> Vec<String> {
        json["groups"][group]["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let rijk: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    assert_eq!(ranking("rijk"), rijk);
    assert_eq!(
        ranking("decentraal")[..6],
        ["S06", "S09", "S02", "S07", "S05", "S14"]
    );
    assert_eq!(
        json["shared_top"]["statements"],
        serde_json::json!(["S02", "S05", "S06"])
    );
    let s06 = &json["groups"]["decentraal"]["statements"]["S06"];
    assert_eq!(s06["n"], 100);
    assert_eq!(s06["rank"], 1);
    assert_eq!(s06["counts"].as_array().unwrap().len(), 5);
    assert!((s06["mean"].as_f64().unwrap() - 3.59).abs() < 1e-9);
    assert!(json["groups"].get("overig").is_none(), "below k");
    assert!(json["suppressed"].to_string().contains("overig"));
    assert_eq!(json["tests"].as_array().unwrap().len(), 24);

    let csv = stdout(&run(
        &db,
        &["survey", "report", "--wave", "rob-2020", "--format", "csv"],
    ));
    assert!(csv.contains("decentraal;S06;100;3,59;"), "{csv}");
    assert!(
        !csv.lines().any(|l| l.starts_with("overig;S")),
        "no figures of a small group"
    );
    assert!(csv.contains("\r\noverig;;"), "but a note that it was left out");

    // A kept count changed by hand is noticed.
    db.execute("UPDATE survey_counts SET n = n + 1 WHERE grp = 'rijk' AND statement = 'S01' AND answer = 2")
        .await;
    let tampered = run(&db, &["survey", "verify", "--wave", "rob-2020"]);
    assert_eq!(tampered.status.code(), Some(1));
    assert!(
        stdout(&tampered).contains("rijk S01 antwoord 3"),
        "{}",
        stdout(&tampered)
    );
}

/// The import is one transaction: a process killed halfway through leaves the wave as it
/// was — the earlier import kept, nothing of the interrupted one — and `survey verify` agrees
/// with the kept counts. A respondent the wave already has is refused in a later import.
#[tokio::test]
async fn an_import_killed_halfway_leaves_nothing_behind() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    assert!(run(&db, &["survey", "wave", "create", "crash"]).status.success());
    let first: Vec<String> = (0..10)
        .map(|i| format!("a{i},rijk,{}", vec!["4"; 24].join(",")))
        .collect();
    let imported = run(
        &db,
        &[
            "survey",
            "import",
            "--wave",
            "crash",
            &write(&dir, "first.csv", &first),
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let again = run(
        &db,
        &[
            "survey",
            "import",
            "--wave",
            "crash",
            &write(&dir, "again.csv", &first[3..4]),
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("bestand:2:respondent") && stderr(&again).contains("al geantwoord"),
        "{}",
        stderr(&again)
    );
    let counted = "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM survey_counts";
    let counts_before = db.count(counted).await;
    let blocks_before = db.count("SELECT COUNT(*) FROM survey_response_blocks").await;

    let big: Vec<String> = (0..300_000)
        .map(|i| format!("b{i},gemeente,{}", vec!["2"; 24].join(",")))
        .collect();
    let path = write(&dir, "big.csv", &big);
    drop(big);
    let size_before = db.disk_bytes();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_samenspel"))
        .args([
            "--database",
            &db.url,
            "survey",
            "import",
            "--wave",
            "crash",
            &path,
        ])
        .env_remove("SAMENSPEL_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import is writing its transaction, then kill it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !db
        .another_transaction_has_written(size_before, "survey_response_blocks")
        .await
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it could be interrupted"
        );
        assert!(std::time::Instant::now() < deadline, "the import wrote nothing");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed halfway, not finished");

    assert_eq!(
        db.count(counted).await,
        counts_before,
        "no counts of the killed import"
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM survey_response_blocks").await,
        blocks_before,
        "no responses of the killed import"
    );
    let verify = run(&db, &["survey", "verify", "--wave", "crash"]);
    assert!(verify.status.success(), "{}", stdout(&verify));
    assert!(stdout(&verify).contains("10 respondenten"), "{}", stdout(&verify));
}
