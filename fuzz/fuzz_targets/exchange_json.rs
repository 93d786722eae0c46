//! The exchange import of collaborations, JSON form: see [`samenspel_fuzz::exchange`].
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_app::exchange::Format;

fuzz_target!(|data: &[u8]| samenspel_fuzz::exchange(data, Format::Json));
