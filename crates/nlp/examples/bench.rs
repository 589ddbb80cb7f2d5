//! Speed of the pipeline on one core: `bench MODEL_DIR CORPUS.jsonl` (records with "text").
//! Prints load time, documents, tokens, whitespace-separated words, and words per second.
use std::time::Instant;

/// CPU seconds (user + system) used by this process so far, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // fields after the command name: state is index 0, utime 11, stime 12
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bench MODEL_DIR CORPUS.jsonl");
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let nlp = parley_nlp::Pipeline::load(&args[0]).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let load = t0.elapsed();
    let texts: Vec<String> = std::fs::read_to_string(&args[1])
        .expect("read corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let t1 = Instant::now();
    let c1 = cpu_seconds();
    let mut tokens = 0;
    let mut ents = 0;
    for t in &texts {
        let p = nlp.analyze(t);
        tokens += p.tokens.len();
        ents += p.ents.len();
    }
    let secs = t1.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - c1;
    println!(
        "parley-nlp: load {:.0} ms; {} docs, {tokens} tokens, {words} words, {ents} entities in {secs:.1} s wall, {cpu:.1} s CPU: {:.0} words/s wall, {:.0} words/CPU-s, {:.0} tokens/CPU-s",
        load.as_secs_f64() * 1000.0,
        texts.len(),
        words as f64 / secs,
        words as f64 / cpu.max(1e-9),
        tokens as f64 / cpu.max(1e-9)
    );
}
