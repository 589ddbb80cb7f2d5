#![no_main]
//! Any bytes (plain or gzip) must give records or errors and stop, never panic or loop.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parley_ingest::warc::looks_like_warc(data);
    let mut reader = parley_ingest::warc::read(data);
    for _ in reader.by_ref().take(10_000) {}
    let _ = reader.stats();
});
