//! Runs the actor and time stages over a directory of WCXB ground-truth JSON files (their
//! `main_content` and `publish_date`): throughput, span checks, and the people found by pattern
//! in articles that mention a given word, for reading by eye.
//!
//!     cargo run --release -p parley-analyze --example corpus_run [-- DIR WORD]

use parley_analyze::actors::ActorStage;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/eval/wcxb-articles/dev/ground-truth")
    });
    let word = args.get(1).cloned().unwrap_or_else(|| "Russia".into());
    let stage = ActorStage::new();
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let gt = &v["ground_truth"];
        let body = gt["main_content"].as_str().unwrap_or("").to_string();
        let date = gt["publish_date"].as_str().and_then(|d| {
            chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(""), "%Y-%m-%d").ok()
        });
        docs.push((p, body, date));
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let t = Instant::now();
    let (mut mentions, mut times, mut bad) = (0, 0, 0);
    for (p, body, date) in &docs {
        let ms = stage.mentions(body, &[], *date);
        let ts = parley_analyze::time::time_expressions(body, *date);
        for m in &ms {
            if body.get(m.span.start..m.span.end) != Some(m.span.text.as_str()) {
                bad += 1;
            }
        }
        mentions += ms.len();
        times += ts.len();
        if std::env::var_os("SHOW_TIMES").is_some() {
            for t in &ts {
                let mut a = t.span.start.saturating_sub(30);
                while !body.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (t.span.end + 10).min(body.len());
                while !body.is_char_boundary(b) {
                    b += 1;
                }
                println!(
                    "TIME {:<22} {:<16} {:?} | {:?}",
                    t.span.text,
                    t.rule,
                    t.value,
                    &body[a..b]
                );
            }
        }
        if body.contains(&word) {
            let people: Vec<String> = ms
                .iter()
                .filter(|m| {
                    m.found_by == "pattern" && m.actor.as_ref().is_some_and(|a| a.kind == "person")
                })
                .map(|m| {
                    let a = m.actor.as_ref().unwrap();
                    format!(
                        "{} ({}/{})",
                        m.span.text,
                        a.country.as_deref().unwrap_or("-"),
                        a.sector.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            println!(
                "{}: {}",
                p.file_name().unwrap().to_string_lossy(),
                people.join("; ")
            );
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB, {mentions} mentions, {times} time expressions, {bad} bad spans, {:.2} s ({:.1} MB/s, {:.0} µs per document)",
        docs.len(),
        bytes as f64 / 1e6,
        s,
        bytes as f64 / 1e6 / s,
        s * 1e6 / docs.len() as f64
    );
}
