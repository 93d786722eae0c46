use samenspel_testkit::TestDb;

#[test]
fn both_backends_have_the_same_migrations() {
    let names = |dir: &str| {
        let mut names: Vec<String> =
            std::fs::read_dir(format!("{}/../{dir}/migrations", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        names.sort();
        names
    };
    let sqlite = names("samenspel-store-sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("samenspel-store-postgres"));
}

#[tokio::test]
async fn migrating_and_loading_reference_data_twice_changes_nothing() {
    let db = TestDb::new().await;
    let app = db.app();
    samenspel_app::demo::load(&app).await.unwrap();
    let before = db.fingerprint().await;
    app.prepare().await.unwrap();
    let again = samenspel_app::demo::load(&app).await.unwrap();
    assert_eq!(again.collaborations, 0, "demo data is loaded once");
    assert!(again.register.added.is_empty() && again.register.changed.is_empty());
    assert_eq!(again.register.unchanged, 549);
    assert_eq!(before, db.fingerprint().await);
}
