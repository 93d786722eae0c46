//! Builds the list of message catalogues: every `locales/<lang>/*.ftl` file is compiled into
//! the binary, so a module adds its own catalogue file without touching the code that loads
//! them (see `src/i18n.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut code = String::new();
    for lang in ["nl", "en"] {
        let dir = locales.join(lang);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        writeln!(
            code,
            "const {}_SOURCES: &[(&str, &str)] = &[",
            lang.to_uppercase()
        )
        .unwrap();
        for path in files {
            let name = path.file_name().expect("a file name").to_string_lossy();
            let absolute = path.canonicalize().expect("a catalogue path");
            writeln!(
                code,
                "    ({name:?}, include_str!({:?})),",
                absolute.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
    std::fs::write(out.join("catalogues.rs"), code).expect("writing the catalogue list");
}
