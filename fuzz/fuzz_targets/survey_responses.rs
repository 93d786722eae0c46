//! The survey responses import (`respondent,layer,S01,…`), pulled block by block as the store
//! pulls it, with one respondent the wave already has.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_app::survey::{ResponseFile, instrument};
use samenspel_domain::survey::Group;
use samenspel_domain::survey::packed::{ResponseSource, unpack};

fuzz_target!(|data: &[u8]| {
    let Some(statements) = instrument(1) else {
        panic!("instrument version 1 is shipped");
    };
    let mut source = ResponseFile::new(data, statements);
    source.known("r-bekend");
    let mut stored = 0;
    while let Some(block) = source.next_block() {
        assert!(block.responses > 0, "an empty block");
        // The store unpacks each block again: what was packed must read back whole.
        let Some(responses) = unpack(&block.text) else {
            panic!("a packed block does not unpack: {:?}", block.text);
        };
        assert_eq!(responses.len(), block.responses);
        stored += block.responses;
    }
    match source.finish() {
        Ok(tally) => {
            // Every layer is in exactly one of these groups.
            let counted: i64 = tally
                .respondent_rows()
                .iter()
                .filter(|(g, _)| matches!(g, Group::Rijk | Group::Decentraal | Group::Overig))
                .map(|(_, n)| *n)
                .sum();
            assert_eq!(usize::try_from(counted).ok(), Some(stored));
        }
        Err(errors) => assert!(!errors.is_empty(), "a refusal without a reason"),
    }
});
