//! Builds the list of message catalogues: every `locales/<lang>/*.ftl` file is compiled into
//! the binary, so a module adds its own catalogue file without touching the code that loads
//! them (see `src/i18n.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> BuildResult<()> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR")?;
    let locales = Path::new(&manifest).join("../../locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut code = String::new();
    for lang in ["nl", "en"] {
        let dir = locales.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        writeln!(
            code,
            "const {}_SOURCES: &[(&str, &str)] = &[",
            lang.to_uppercase()
        )?;
        for path in catalogue_files(&dir)? {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let absolute = path.canonicalize()?;
            writeln!(
                code,
                "    ({name:?}, include_str!({:?})),",
                absolute.display().to_string()
            )?;
        }
        writeln!(code, "];")?;
    }
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out.join("catalogues.rs"), code)?;
    Ok(())
}

/// The `.ftl` files of one language's directory, sorted by name.
fn catalogue_files(dir: &Path) -> BuildResult<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "ftl") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
