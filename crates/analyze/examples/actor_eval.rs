//! Actor recall on the gold seed articles, scored the way ../shared/eval/score.py scores it.
//!
//!     cargo run --release -p parley-analyze --example actor_eval [-- -v] [GOLD_DIR SEEDS_DIR]

use chrono::NaiveDate;
use parley_analyze::actors::ActorStage;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let paths: Vec<&String> = args.iter().filter(|a| *a != "-v").collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let gold_dir = paths
        .first()
        .map(PathBuf::from)
        .unwrap_or(root.join("eval/seeds"));
    let seeds_dir = paths
        .get(1)
        .map(PathBuf::from)
        .unwrap_or(root.join("seeds"));
    let stage = ActorStage::new();
    let (mut total, mut found) = (0, 0);
    let mut entries: Vec<_> = std::fs::read_dir(&gold_dir)
        .expect("gold dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if !p.to_string_lossy().ends_with(".gold.json") {
            continue;
        }
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(seeds_dir.join(doc)).unwrap();
        let body = text.split_once('\n').map_or("", |x| x.1).trim_start();
        let date = gold["assume_published"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let ms = stage.mentions(body, &[], date);
        println!("== {doc} ({} mentions)", ms.len());
        if verbose {
            for m in &ms {
                let a = m.actor.as_ref().unwrap();
                println!(
                    "  {:>5} {:<28} -> {:<30} {:<12} {:?}/{:?} [{}]",
                    m.span.start, m.span.text, a.name, a.kind, a.country, a.sector, m.found_by
                );
            }
        }
        if verbose {
            for t in parley_analyze::time::time_expressions(body, date) {
                println!(
                    "  time {:>5} {:<24} -> {:?} [{}]",
                    t.span.start, t.span.text, t.value, t.rule
                );
            }
        }
        let names: Vec<String> = ms
            .iter()
            .map(|m| m.actor.as_ref().unwrap().name.clone())
            .collect();
        for g in gold["actors"].as_array().unwrap() {
            total += 1;
            let mut acc = vec![g["name"].as_str().unwrap().to_string()];
            for a in g["aliases"].as_array().into_iter().flatten() {
                acc.push(a.as_str().unwrap().to_string());
            }
            if names.iter().any(|n| name_matches(n, &acc)) {
                found += 1;
            } else {
                println!("   miss: {}", acc[0]);
            }
        }
    }
    println!(
        "actor_recall {:.1} ({found}/{total})",
        100.0 * found as f64 / total.max(1) as f64
    );
}

fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// score.py's name_matches.
fn name_matches(pred: &str, accepted: &[String]) -> bool {
    let p = norm(pred);
    if p.is_empty() {
        return false;
    }
    accepted.iter().any(|a| {
        let a = norm(a);
        if a == p || a.contains(&p) && p.len() > 3 || p.contains(&a) {
            return true;
        }
        let (al, pl) = (
            a.split(' ').next_back().unwrap_or(""),
            p.split(' ').next_back().unwrap_or(""),
        );
        al == pl && al.chars().count() > 3
    })
}
