//! `samenspel import programmes DIR`: the national programmes (RES and MIRT regions, Regio
//! Deals, Woondeals) from the files of `data/reference/programmes/`.

use anyhow::Context;
use samenspel_app::App;
use samenspel_app::programmes::{
    MINISTRIES_FILE, MIRT_FILE, ProgrammeSource, REGIO_DEALS_FILE, RES_FILE, WOONDEALS_FILE,
};

/// What an import of the programmes did, in one line.
pub fn print(report: &samenspel_store::ImportReport) {
    println!(
        "Nationale programma's: {} toegevoegd, {} gewijzigd, {} ongewijzigd.",
        report.added.len(),
        report.changed.len(),
        report.unchanged
    );
}

pub async fn import(app: &App, dir: &std::path::Path) -> anyhow::Result<std::process::ExitCode> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("kan {} niet lezen", path.display()))
    };
    let (res, mirt, ministries) = (read(RES_FILE)?, read(MIRT_FILE)?, read(MINISTRIES_FILE)?);
    let (regio_deals, woondeals) = (read(REGIO_DEALS_FILE)?, read(WOONDEALS_FILE)?);
    let source = ProgrammeSource {
        res: &res,
        mirt: &mirt,
        ministries: &ministries,
        regio_deals: &regio_deals,
        woondeals: &woondeals,
    };
    match app
        .import_programmes(source, &samenspel_app::Principal::System("cli"), &|_, _| {})
        .await
    {
        Ok(report) => {
            print(&report);
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(samenspel_app::AppError::Invalid(errors)) => {
            eprintln!(
                "De programma's zijn niet geïmporteerd; er is niets opgeslagen. Fouten (bestand:rij:kolom):"
            );
            for e in &errors.errors {
                eprintln!("  {}: {}", e.field, e.message);
            }
            Ok(std::process::ExitCode::from(2))
        }
        Err(other) => Err(other.into()),
    }
}
