//! Benchmark runner: extracts every page of a manifest and writes a prediction file for
//! `../shared/eval/bench_extraction.py --score-predictions`.
//!
//! Usage: `extract_eval MANIFEST.tsv OUT.json [--repeat N]`; the manifest has
//! `id<TAB>path<TAB>url` lines (`bench_extraction.py --write-manifests`). Pages without main
//! text count as errors but keep their metadata (title, author, date) in the output. Pages are read and
//! gunzipped before timing; only the `html::extract_page` call is timed, on one thread.

use parley_ingest::html;
use serde_json::{json, Map, Value};
use std::time::Instant;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn thread_cpu_seconds() -> f64 {
    // /proc/thread-self/stat fields 14 and 15: utime and stime in clock ticks (100 Hz).
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: extract_eval MANIFEST.tsv OUT.json [--repeat N]");
        std::process::exit(2);
    }
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let manifest = std::fs::read_to_string(&args[1]).expect("read manifest");
    let mut pages = Vec::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split('\t');
        let (id, path, url) = (
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        let raw = std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let bytes = html::maybe_gunzip(&raw).expect("gunzip").into_owned();
        pages.push((
            id.to_string(),
            bytes,
            (!url.is_empty()).then(|| url.to_string()),
        ));
    }
    let mut output = Map::new();
    let mut times = Vec::with_capacity(pages.len() * repeat);
    let mut errors = 0usize;
    let cpu0 = thread_cpu_seconds();
    let total = Instant::now();
    for round in 0..repeat {
        for (id, bytes, url) in &pages {
            let t0 = Instant::now();
            let opts = html::Options {
                url: url.as_deref(),
                ..Default::default()
            };
            let result = html::extract_page(bytes, &opts);
            times.push(t0.elapsed().as_secs_f64());
            if round > 0 {
                continue;
            }
            if result.as_ref().is_ok_and(|p| p.body.trim().is_empty()) {
                errors += 1;
            }
            let v = match result {
                Ok(p) => json!({
                    // A page without main text still reports its metadata (`extract_page`).
                    "error": p.body.trim().is_empty().then_some("no main text"),
                    "articleBody": p.body,
                    "title": p.title,
                    "author": if p.authors.is_empty() { Value::Null } else { Value::String(p.authors.join("; ")) },
                    "date": p.published.map(|d| d.to_string()),
                    "date_from": format!("{:?}", p.published_from),
                    "sitename": p.site_name,
                }),
                Err(e) => {
                    errors += 1;
                    json!({"articleBody": "", "error": e.to_string()})
                }
            };
            output.insert(id.clone(), v);
        }
    }
    let wall = total.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds() - cpu0;
    let seconds: f64 = times.iter().sum();
    let mb = pages.iter().map(|p| p.1.len()).sum::<usize>() as f64 * repeat as f64 / 1e6;
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let n = sorted.len();
    let speed = json!({
        "pages": n,
        "html_MB": (mb * 100.0).round() / 100.0,
        "seconds": (seconds * 100.0).round() / 100.0,
        "wall_seconds": (wall * 100.0).round() / 100.0,
        "cpu_seconds": (cpu * 100.0).round() / 100.0,
        "pages_per_s": (n as f64 / seconds * 10.0).round() / 10.0,
        "pages_per_cpu_s": if cpu > 0.0 { (n as f64 / cpu * 10.0).round() / 10.0 } else { 0.0 },
        "MB_per_s": (mb / seconds * 100.0).round() / 100.0,
        "median_ms": (sorted[n / 2] * 10000.0).round() / 10.0,
        "p95_ms": (sorted[((n - 1) as f64 * 0.95) as usize] * 10000.0).round() / 10.0,
        "peak_rss_MB": peak_rss_kb().map(|k| k / 1024),
        "errors": errors,
    });
    eprintln!("{}: {}", args[1], speed);
    let out = json!({"extractor": "parley", "speed": speed, "output": output});
    std::fs::write(&args[2], serde_json::to_string(&out).unwrap()).expect("write output");
}
