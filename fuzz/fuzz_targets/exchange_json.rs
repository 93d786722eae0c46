//! The exchange import of collaborations, JSON form: read, then checked against the reference
//! organisations as the store would answer for the partners it names.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use samenspel_app::exchange::{FILE_PREFIX, Format, ReadFile};

fuzz_target!(|data: &[u8]| {
    let read = ReadFile::read(data, Format::Json);
    let known: HashSet<_> = read
        .partner_codes()
        .into_iter()
        .filter(|code| samenspel_fuzz::reference_codes().contains(code))
        .collect();
    match read.check(&known) {
        // What would be stored: keyed in the file's namespace, partners that exist, and money
        // only from those partners.
        Ok(collaborations) => {
            for c in &collaborations {
                assert!(c.source_key.starts_with(FILE_PREFIX), "{}", c.source_key);
                assert!(c.partners.iter().all(|p| known.contains(&p.code)));
                for m in c.money.iter().flatten() {
                    assert!(
                        c.partners.iter().any(|p| p.code == m.partner),
                        "money of {}",
                        m.partner
                    );
                }
            }
        }
        Err(errors) => assert!(!errors.is_empty(), "a refusal without a reason"),
    }
});
