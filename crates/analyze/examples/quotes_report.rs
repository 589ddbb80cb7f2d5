//! Runs the text layer and the quote stage over plain-text articles (first line = headline)
//! and writes a report for ../shared/eval/score.py:
//!
//!     cargo run --release -p parley-analyze --example quotes_report -- ../shared/seeds/*.txt > /tmp/quotes.json
//!     python3 ../shared/eval/score.py --gold ../shared/eval/seeds --report /tmp/quotes.json
//!
//! With `--list` it prints the quotes as a readable list instead; with `--bench N` it runs the
//! text layer and the stage N times over the inputs on one thread and prints words per second
//! (whitespace-separated words of the bodies) to stderr. With `--parse` the linguistic layer
//! runs too (its time counted in the bench) and the stage uses it.

use parley_analyze::parse::Parser;
use parley_analyze::quotes::{format_quotes, QuoteStage};
use parley_core::text::TextLayer;
use serde_json::json;
use std::path::Path;

fn main() {
    let mut list = false;
    let mut bench: Option<usize> = None;
    let mut parse = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--list" {
            list = true;
        } else if arg == "--parse" {
            parse = true;
        } else if arg == "--bench" {
            bench = args.next().and_then(|n| n.parse().ok());
        } else {
            paths.push(arg);
        }
    }
    let stage = QuoteStage::new();
    let parser = parse.then(|| {
        Parser::load_default().unwrap_or_else(|e| {
            eprintln!("--parse: {e}");
            std::process::exit(1)
        })
    });
    let speech = |body: &str| {
        let layer = TextLayer::new(body);
        let parsed = parser.as_ref().map(|p| p.parse(body));
        stage.speech_parsed(body, &layer, &[], parsed.as_ref())
    };
    let mut documents = Vec::new();
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let text = text.trim_start();
        let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
        let body = rest.trim();
        let quotes = speech(body);
        let name = Path::new(path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        if list {
            println!("== {name}");
            print!("{}", format_quotes(&quotes));
            continue;
        }
        documents.push(json!({
            "source_file": name,
            "title": title.trim(),
            "text": body,
            "quotes": quotes,
        }));
    }
    if let Some(rounds) = bench {
        let bodies: Vec<String> = documents
            .iter()
            .filter_map(|d| d["text"].as_str().map(str::to_string))
            .collect();
        let words: usize = bodies.iter().map(|b| b.split_whitespace().count()).sum();
        let started = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..rounds.max(1) {
            for body in &bodies {
                found += speech(body).len();
            }
        }
        let secs = started.elapsed().as_secs_f64();
        let rate = (words * rounds.max(1)) as f64 / secs;
        eprintln!("parley quotes: {words} words x {rounds} rounds in {secs:.3} s = {rate:.0} words/s on one thread ({found} quotes)");
    }
    if !list {
        println!("{}", json!({ "documents": documents }));
    }
}
