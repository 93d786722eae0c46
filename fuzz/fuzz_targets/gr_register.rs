//! The GR register import: two CSV files (regelingen, deelnemers), given here as one input
//! split at its first NUL byte, checked against the reference organisations.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_app::register::{GrSource, parse};

fuzz_target!(|data: &[u8]| {
    let (first, second) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    // The command line reads both files as UTF-8 text and refuses other bytes before parsing.
    let (Ok(regelingen), Ok(deelnemers)) = (std::str::from_utf8(first), std::str::from_utf8(second)) else {
        return;
    };
    if let Ok(parsed) = parse(
        GrSource {
            regelingen,
            deelnemers,
        },
        samenspel_fuzz::reference_codes(),
    ) {
        // Every organisation the register adds is one the reference data lacks.
        for o in &parsed.organisations {
            assert!(
                !samenspel_fuzz::reference_codes().contains(&o.code),
                "{} added twice",
                o.code
            );
        }
    }
});
