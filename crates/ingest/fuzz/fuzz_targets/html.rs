#![no_main]
//! Any bytes, with or without a URL and an HTTP charset, must give a page or an error, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parley_ingest::html::extract(data, None, None);
    let _ = parley_ingest::html::extract(data, Some("https://news.example/2022/01/10/a"), Some("iso-8859-1"));
    let _ = parley_ingest::html::maybe_gunzip(data);
    let _ = parley_ingest::html::looks_like_html(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parley_ingest::html::fragment_text(s);
        let _ = parley_ingest::html::date::parse_text(s);
        let _ = parley_ingest::html::date::parse_machine(s);
        let _ = parley_ingest::html::date::from_url(s);
    }
});
