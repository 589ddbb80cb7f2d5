//! On the PETR-2 GSR sentences: for how many expected (source, target) event triples do both
//! country codes appear among the actors the stage finds in the sentence?
//!
//!     cargo run --release -p parley-analyze --example gsr_eval [-- -v]
//!
//! A code's first three letters are its country (`USAGOV` → USA, `IGOWSTNAT` → IGO, with
//! `IGOUNO...` → UNO and `IGOEUR...` → EUR as the stage writes them); codes
//! with no country (`---LEG`) are not required. Runs with the built-in knowledge base, then with
//! the Phoenix dictionaries added.

use chrono::NaiveDate;
use parley_analyze::actors::ActorStage;
use std::path::PathBuf;

struct Case {
    date: Option<NaiveDate>,
    text: String,
    triples: Vec<(String, String)>,
}

fn cases(xml: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for block in xml.split("<Sentence ").skip(1) {
        let attr = |name: &str, s: &str| -> Option<String> {
            let k = format!("{name}=\"");
            let a = s.find(&k)? + k.len();
            let b = s[a..].find('"')? + a;
            Some(s[a..b].to_string())
        };
        let head = block.split('>').next().unwrap_or("");
        let date = attr("date", head).and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok());
        let mut triples = Vec::new();
        for ev in block.split("<EventCoding").skip(1) {
            let ev = ev.split('>').next().unwrap_or("");
            if let (Some(s), Some(t)) = (attr("sourcecode", ev), attr("targetcode", ev)) {
                triples.push((s, t));
            }
        }
        let text = block
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !triples.is_empty() && !text.is_empty() {
            out.push(Case {
                date,
                text,
                triples,
            });
        }
    }
    out
}

fn run(stage: &ActorStage, cases: &[Case], verbose: bool) -> (usize, usize) {
    let (mut ok, mut n) = (0, 0);
    for c in cases {
        let found: Vec<String> = stage
            .mentions(&c.text, &[], c.date)
            .into_iter()
            .filter_map(|m| m.actor.and_then(|a| a.country))
            .collect();
        for (s, t) in &c.triples {
            n += 1;
            // CAMEO's IGOUNO.../IGOEUR... are PLOVER's UNO/EUR, which the stage uses.
            let need = |code: &str| {
                let (cc, _) = parley_analyze::actors::phoenix::split_code(code);
                cc.starts_with("---") || cc.is_empty() || found.contains(&cc)
            };
            if need(s) && need(t) {
                ok += 1;
            } else if verbose {
                println!("  miss {s} -> {t}: found {found:?} in {:?}", c.text);
            }
        }
    }
    (ok, n)
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch2-gsr");
    let xml = String::from_utf8_lossy(
        &std::fs::read(dir.join("PETR2_GSR_validation.xml")).expect("GSR file"),
    )
    .to_string();
    let cases = cases(&xml);
    let t = std::time::Instant::now();
    let stage = ActorStage::new();
    let (ok, n) = run(&stage, &cases, verbose);
    println!(
        "built-in KB: {ok}/{n} triples with both countries found ({:.1} %), {} sentences",
        100.0 * ok as f64 / n as f64,
        cases.len()
    );
    let phx = ActorStage::with_phoenix(&dir).expect("Phoenix dictionaries");
    println!(
        "(Phoenix knowledge base built in {:.2} s)",
        t.elapsed().as_secs_f64()
    );
    let (ok, n) = run(&phx, &cases, verbose);
    println!(
        "built-in + Phoenix: {ok}/{n} triples ({:.1} %)",
        100.0 * ok as f64 / n as f64
    );
}
