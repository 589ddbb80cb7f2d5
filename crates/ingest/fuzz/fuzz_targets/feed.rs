#![no_main]
//! Any bytes must give entries or an error, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parley_ingest::feed::looks_like_feed(data);
    let _ = parley_ingest::feed::read(data);
});
