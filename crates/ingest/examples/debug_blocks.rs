//! Prints the text blocks of one page and whether the extractor keeps them.
//! Usage: `debug_blocks PAGE.html[.gz]`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_blocks PAGE");
    let raw = std::fs::read(&path).expect("read page");
    let bytes = parley_ingest::html::maybe_gunzip(&raw).expect("gunzip");
    print!("{}", parley_ingest::html::debug_blocks(&bytes));
}
