//! Runs the text layer and the quote stage over plain-text articles (first line = headline)
//! and writes a report for ../shared/eval/score.py:
//!
//!     cargo run --release -p parley-analyze --example quotes_report -- ../shared/seeds/*.txt > /tmp/quotes.json
//!     python3 ../shared/eval/score.py --gold ../shared/eval/seeds --report /tmp/quotes.json
//!
//! With `--list` it prints the quotes as a readable list instead.

use parley_analyze::quotes::{format_quotes, QuoteStage};
use parley_core::text::TextLayer;
use serde_json::json;
use std::path::Path;

fn main() {
    let mut list = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--list" {
            list = true;
        } else {
            paths.push(arg);
        }
    }
    let stage = QuoteStage::new();
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
        let layer = TextLayer::new(body);
        let quotes = stage.speech(body, &layer, &[]);
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
    if !list {
        println!("{}", json!({ "documents": documents }));
    }
}
