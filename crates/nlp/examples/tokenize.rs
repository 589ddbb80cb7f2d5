//! Tokenize each line of a file and print the tokens joined by `|`:
//! `cargo run --release --example tokenize MODEL_DIR FILE`.
use std::io::Write;
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: tokenize MODEL_DIR FILE"));
    let file = args.next().expect("usage: tokenize MODEL_DIR FILE");
    let bytes = std::fs::read(dir.join("tokenizer")).expect("read tokenizer");
    let t0 = std::time::Instant::now();
    let tok = parley_nlp::tokenizer::Tokenizer::from_bytes(&bytes).expect("load");
    eprintln!("loaded in {:?}", t0.elapsed());
    let text = std::fs::read_to_string(file).expect("read input");
    let out = std::io::stdout();
    let mut out = out.lock();
    let t0 = std::time::Instant::now();
    for line in text.lines() {
        let toks = tok.tokenize(line);
        let parts: Vec<&str> = toks.iter().map(|t| &line[t.start..t.end]).collect();
        writeln!(out, "{}", parts.join("|")).unwrap();
    }
    eprintln!("tokenized in {:?}", t0.elapsed());
}
