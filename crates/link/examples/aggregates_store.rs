//! Builds a SQLite store of real analysed news text for timing the aggregates (`parley claims`,
//! `parley outlets`, `parley positions`, `parley export`) at scale.
//!
//!     cargo run --release -p parley-link --example aggregates_store -- DB [ARTICLES] [GROUND_TRUTH_DIR]
//!
//! The texts are the WCXB article bodies (`../shared/eval/wcxb-articles/dev/ground-truth`, 711
//! pages from as many sites), each analysed once by the standard pipeline. The store holds
//! ARTICLES (default 100,000) copies: copy k of a page has " (copy k)" appended to its body
//! (a new id; every span still points at the same words), the page's site as its outlet, and
//! its URL with `#copy-k`, its publication date moved k % 28 days on, so claims recur across outlets and weeks as in a
//! month of coverage. Prints what it built and how long storing took.

use chrono::{Duration, NaiveDate};
use parley_analyze::Pipeline;
use parley_core::{Article, DateSource, Document};
use std::time::Instant;

const BATCH: usize = 500;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(db) = args.first() else {
        eprintln!("usage: aggregates_store DB [ARTICLES] [GROUND_TRUTH_DIR]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = args.get(2).cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/wcxb-articles/dev/ground-truth"
        )
        .into()
    });
    if std::path::Path::new(db).exists() {
        eprintln!("{db} exists: give a new file");
        std::process::exit(2);
    }
    let pages = read_pages(&dir);
    let pipeline = Pipeline::standard();
    let started = Instant::now();
    let analysed: Vec<Document> = pages
        .into_iter()
        .map(|article| {
            let analysis = pipeline.analyze(&article);
            Document::new("wcxb".into(), article, analysis)
        })
        .collect();
    println!(
        "analysed {} pages in {:.1} s",
        analysed.len(),
        started.elapsed().as_secs_f64()
    );
    let mut store = parley_store::open(db).expect("open the store");
    let started = Instant::now();
    let mut batch = Vec::with_capacity(BATCH);
    for i in 0..n {
        let copy = i / analysed.len();
        batch.push(copy_of(&analysed[i % analysed.len()], copy));
        if batch.len() == BATCH || i + 1 == n {
            store.put_batch(&batch).expect("store a batch");
            batch.clear();
        }
    }
    let counts = store.counts().unwrap();
    let secs = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    println!(
        "stored {} articles, {} annotations in {secs:.0} s; {:.0} MB ({:.0} bytes per article, before checkpoint)",
        counts.articles,
        counts.annotations,
        size as f64 / 1e6,
        size as f64 / counts.articles.max(1) as f64
    );
}

/// Copy `k` of an analysed page: a body that differs at its end, the same annotations.
fn copy_of(doc: &Document, k: usize) -> Document {
    let mut doc = doc.clone();
    doc.text.push_str(&format!("\n\n(copy {k})"));
    doc.id = parley_core::article_id(&doc.text);
    doc.published = doc.published.map(|d| d + Duration::days((k % 28) as i64));
    // Another page, not a revision of the first.
    doc.url = doc.url.map(|u| format!("{u}#copy-{k}"));
    doc
}

/// The WCXB pages with a body: title, body, site as outlet, date.
fn read_pages(dir: &str) -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let fallback = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    paths
        .iter()
        .filter_map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()?;
            let gt = &v["ground_truth"];
            let body = gt["main_content"].as_str()?.trim();
            if body.is_empty() {
                return None;
            }
            let url = v["url"].as_str().unwrap_or("");
            let host = url
                .split("//")
                .nth(1)
                .and_then(|r| r.split('/').next())
                .unwrap_or("");
            let published = gt["publish_date"]
                .as_str()
                .and_then(|d| d.parse().ok())
                .unwrap_or(fallback);
            let mut a = Article::new(gt["title"].as_str().unwrap_or(""), body)
                .with_published(published, DateSource::Metadata);
            a.outlet = Some(host.trim_start_matches("www.").to_string());
            a.url = Some(url.to_string());
            Some(a)
        })
        .collect()
}
