//! Time each part of model loading: `load_time MODEL_DIR`.
use std::time::Instant;
fn main() {
    let dir =
        std::path::PathBuf::from(std::env::args().nth(1).expect("usage: load_time MODEL_DIR"));
    let t = Instant::now();
    let bytes = std::fs::read(dir.join("tokenizer")).unwrap();
    let _tok = parley_nlp::tokenizer::Tokenizer::from_bytes(&bytes).unwrap();
    println!("tokenizer {:?}", t.elapsed());
    for c in ["tok2vec", "tagger", "parser", "ner"] {
        let t = Instant::now();
        let b = std::fs::read(dir.join(c).join("model")).unwrap();
        let _m = parley_nlp::msgpack::ThincModel::from_bytes(&b, c).unwrap();
        println!("{c} {:?}", t.elapsed());
    }
    let t = Instant::now();
    let c = cpu_seconds();
    let _p = parley_nlp::Pipeline::load(&dir).unwrap();
    println!(
        "pipeline {:?} wall, {:.0} ms CPU (all threads)",
        t.elapsed(),
        (cpu_seconds() - c) * 1000.0
    );
}

/// CPU seconds (user + system) of this process, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}
