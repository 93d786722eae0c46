//! The Iv3 costs import, openspending shape, checked against the shipped municipalities and the
//! shipped catalogue of task fields.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_app::AppError;
use samenspel_app::iv3_costs::parse_with;
use samenspel_domain::iv3::costs::CostShape;

fuzz_target!(|data: &[u8]| {
    match parse_with(
        CostShape::Openspending,
        data,
        samenspel_fuzz::municipality_codes(),
    ) {
        // One figure per key, in key order.
        Ok(figures) => assert!(figures.windows(2).all(|w| w[0].key < w[1].key)),
        Err(AppError::Invalid(errors)) => assert!(!errors.is_empty(), "a refusal without a reason"),
        Err(other) => panic!("not a refusal of the file: {other}"),
    }
});
