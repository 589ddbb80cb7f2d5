//! Measures the store alone: write throughput, size per article, search latency.
//!
//!     cargo run --release -p parley-store --example store_bench -- DB [ARTICLES] [BATCH]
//!     cargo run --release -p parley-store --features postgres --example store_bench -- "$(scripts/postgres.sh)" 20000
//!
//! DB is a new SQLite file path or a postgres:// URL (every table its migrations created is
//! dropped first!). The
//! documents are synthetic: ~1 KB bodies, each with 10 annotations (entities, quotes, an event,
//! a claim, a framing signal), every 10th a revision of the page before it.

#[path = "../tests/common/mod.rs"]
mod common;

use parley_store::{SearchQuery, Store};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(location) = args.first() else {
        eprintln!("usage: store_bench DB [ARTICLES] [BATCH]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let batch: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(256);
    let postgres = parley_store::is_postgres_url(location);
    if !postgres && std::path::Path::new(location).exists() {
        eprintln!("{location} exists: give a new file");
        std::process::exit(2);
    }
    if postgres {
        reset_postgres(location);
    }
    let mut store = parley_store::open(location).expect("open the store");

    let docs: Vec<_> = (0..n).map(common::document).collect();
    let body_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let started = Instant::now();
    for chunk in docs.chunks(batch) {
        store.put_batch(chunk).expect("store a batch");
    }
    let secs = started.elapsed().as_secs_f64();
    let counts = store.counts().unwrap();
    println!(
        "write: {n} articles, {} annotations in {secs:.1} s = {:.0} articles/s, {:.1} MB/s of body (batch {batch})",
        counts.annotations,
        n as f64 / secs,
        body_bytes as f64 / secs / 1e6
    );
    let size = store_size(location, store.as_mut());
    println!(
        "size: {:.1} MB = {:.0} bytes per article (bodies average {:.0} bytes)",
        size as f64 / 1e6,
        size as f64 / n as f64,
        body_bytes as f64 / n as f64
    );
    let queries = [
        "Geneva",
        "sanctions",
        "security guarantees",
        "Lavrov",
        "reject outright",
        "ceasefire summit",
        "NATO troops border",
        "provocation",
        "agreement",
        "warned",
    ];
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..5 {
        for q in queries {
            let t = Instant::now();
            let hits = store.search(&SearchQuery::new(q)).unwrap();
            if round > 0 {
                times.push(t.elapsed());
            }
            assert!(!hits.is_empty(), "no hit for {q}");
        }
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "search (top 20 articles + top 20 quotes, {} queries): p50 {:.1} ms, p99 {:.1} ms",
        times.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3
    );
    let problems = store.check().unwrap();
    println!("check: {} problem(s)", problems.len());
}

#[cfg(feature = "postgres")]
fn reset_postgres(location: &str) {
    let mut c = postgres::Client::connect(location, postgres::NoTls).expect("connect");
    let tables = parley_store::migrate::tables(parley_store::migrate::POSTGRES);
    c.batch_execute(&format!(
        "DROP TABLE IF EXISTS {} CASCADE",
        tables.join(", ")
    ))
    .unwrap();
}

#[cfg(not(feature = "postgres"))]
fn reset_postgres(_: &str) {
    eprintln!("built without --features postgres");
    std::process::exit(2);
}

/// Bytes the store takes on disk: the SQLite file after a checkpoint, or the tables with their
/// indexes and TOAST on PostgreSQL.
fn store_size(location: &str, _store: &mut dyn Store) -> u64 {
    if parley_store::is_postgres_url(location) {
        pg_size(location)
    } else {
        let conn = rusqlite::Connection::open(location).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        std::fs::metadata(location).unwrap().len()
    }
}

#[cfg(feature = "postgres")]
fn pg_size(location: &str) -> u64 {
    let mut c = postgres::Client::connect(location, postgres::NoTls).expect("connect");
    let row = c
        .query_one(
            "SELECT (pg_total_relation_size('articles') + pg_total_relation_size('annotations'))::bigint",
            &[],
        )
        .unwrap();
    row.get::<_, i64>(0) as u64
}

#[cfg(not(feature = "postgres"))]
fn pg_size(_: &str) -> u64 {
    0
}
