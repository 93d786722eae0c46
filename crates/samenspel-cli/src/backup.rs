//! `samenspel backup FILE` and `samenspel restore FILE` (issue 16, item 1), for SQLite: a
//! consistent copy of the running database (SQLite's `VACUUM INTO`), checked by opening it and
//! recomputing its audit chain; and putting such a copy back in place of the database, checked
//! the same way first and swapped in whole (a copy beside the database, then a rename), so a
//! restore that fails leaves the database as it was. PostgreSQL is backed up and restored with
//! pg_dump and pg_restore (docs/DEPLOY.md).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use samenspel_store::{DatabaseUrl, Store};

/// The file of a SQLite URL (`sqlite://data.db?mode=rwc`, `sqlite:data.db`); `None` for
/// PostgreSQL and for an in-memory database.
pub fn sqlite_file(url: &str) -> anyhow::Result<Option<PathBuf>> {
    let DatabaseUrl::Sqlite(url) = DatabaseUrl::parse(url)? else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(&url);
    let path = rest.split('?').next().unwrap_or_default();
    Ok((!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path)))
}

/// Opens the SQLite file `path` (which must exist) and checks what a database must pass to be
/// put in use: its audit chain is whole. Returns the number of audit events and the
/// migrations it lacks (applied when the server starts on it). Closes it again.
async fn check(path: &Path) -> anyhow::Result<(u64, Vec<i64>)> {
    if !path.is_file() {
        bail!("{} bestaat niet", path.display());
    }
    let store = samenspel_store_any::connect(&format!("sqlite://{}", path.display()))
        .await
        .with_context(|| format!("kan {} niet openen als SQLite-database", path.display()))?;
    let result = async {
        let chain = store.verify_audit_chain().await?;
        if let Some(id) = chain.first_broken {
            bail!(
                "de audittrail van {} is gebroken bij gebeurtenis {id}",
                path.display()
            );
        }
        Ok((chain.events, store.pending_migrations().await?))
    }
    .await;
    store.close().await;
    result
}

/// Writes the copy to `target` (never over an existing file) and checks it.
pub async fn backup(store: &dyn Store, target: &Path) -> anyhow::Result<ExitCode> {
    if store.backend() != "sqlite" {
        eprintln!("Een reservekopie van PostgreSQL maakt u met pg_dump; zie docs/DEPLOY.md.");
        return Ok(ExitCode::from(2));
    }
    if target.exists() {
        eprintln!("{} bestaat al; kies een nieuwe bestandsnaam.", target.display());
        return Ok(ExitCode::from(2));
    }
    let text = target.to_str().context("de bestandsnaam is geen UTF-8")?;
    store.backup_into(text).await.context("reservekopie schrijven")?;
    let (events, _) = check(target).await.context("de reservekopie controleren")?;
    println!(
        "Reservekopie geschreven naar {} en gecontroleerd: {events} auditgebeurtenissen, keten ongebroken.",
        target.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Puts the copy `source` in place of the database of `url` (the server must be stopped).
pub async fn restore(url: &str, source: &Path) -> anyhow::Result<ExitCode> {
    let Some(database) = sqlite_file(url)? else {
        eprintln!(
            "Terugzetten kan alleen voor een SQLite-bestand; PostgreSQL zet u terug met pg_restore (docs/DEPLOY.md)."
        );
        return Ok(ExitCode::from(2));
    };
    if !source.is_file() {
        eprintln!("{} bestaat niet.", source.display());
        return Ok(ExitCode::from(2));
    }
    // The copy goes beside the database first, so the rename below is one step on one disk.
    let mut staged = database.clone().into_os_string();
    staged.push(".terugzetten");
    let staged = PathBuf::from(staged);
    std::fs::copy(source, &staged).with_context(|| format!("{} kopiëren", source.display()))?;
    let checked = check(&staged).await;
    let (events, pending) = match checked {
        Ok(found) => found,
        Err(error) => {
            let _ = std::fs::remove_file(&staged);
            eprintln!("Niet teruggezet, de database is ongewijzigd: {error:#}");
            return Ok(ExitCode::FAILURE);
        }
    };
    std::fs::File::open(&staged)?.sync_all()?;
    for suffix in ["-wal", "-shm"] {
        let mut side = database.clone().into_os_string();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    std::fs::rename(&staged, &database).context("de database vervangen")?;
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    println!(
        "{} teruggezet in {}: {events} auditgebeurtenissen, keten ongebroken{}.",
        source.display(),
        database.display(),
        if pending.is_empty() {
            String::new()
        } else {
            format!("; {} migratie(s) worden bij de start toegepast", pending.len())
        }
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn the_file_of_a_sqlite_url() {
        let file = |url: &str| sqlite_file(url).unwrap().map(|p| p.display().to_string());
        assert_eq!(file("sqlite://data/x.db?mode=rwc").as_deref(), Some("data/x.db"));
        assert_eq!(file("sqlite:/tmp/y.db").as_deref(), Some("/tmp/y.db"));
        assert_eq!(file("sqlite::memory:"), None);
        assert_eq!(file("postgres://postgres@127.0.0.1/db"), None);
        assert!(sqlite_file("mysql://x").is_err());
    }
}
