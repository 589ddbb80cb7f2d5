//! Builds a large store for the load test from a smaller store of analysed articles: each
//! stored article is written again with `(copy K)` appended to its body (so it gets another
//! id, as the analyze benchmark's corpus does), keeping its annotations, whose spans all lie
//! before the addition. Real text and real analyses at a size the machine could not analyse
//! in the time available.
//!
//!     cargo run --release -p parley-serve --example replicate_store -- SOURCE_DB TARGET_DB ARTICLES
//!
//! TARGET_DB must not exist. Stops once it holds ARTICLES articles.

use parley_core::article_id;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, target, wanted] = args.as_slice() else {
        eprintln!("usage: replicate_store SOURCE_DB TARGET_DB ARTICLES");
        std::process::exit(2);
    };
    let wanted: usize = wanted
        .parse()
        .unwrap_or_else(|_| fail("ARTICLES: give a whole number"));
    if std::path::Path::new(target).exists() {
        fail(&format!("{target} exists: give a new file"));
    }
    let mut from = parley_store::open(source).unwrap_or_else(|e| fail(&format!("{source}: {e}")));
    let mut to = parley_store::open(target).unwrap_or_else(|e| fail(&format!("{target}: {e}")));
    let ids = from.ids().unwrap_or_else(|e| fail(&e.to_string()));
    let mut docs = Vec::new();
    for id in &ids {
        match from.get(id) {
            Ok(Some(stored)) => docs.push(stored.document),
            Ok(None) => {}
            Err(e) => eprintln!("replicate_store: skipped {id}: {e}"),
        }
    }
    if docs.is_empty() {
        fail(&format!("{source} holds no articles"));
    }
    let started = Instant::now();
    let mut written = 0;
    let mut copy = 0;
    while written < wanted {
        let batch: Vec<_> = docs
            .iter()
            .take(wanted - written)
            .map(|d| {
                let mut d = d.clone();
                d.text = format!("{}\n\n(copy {copy})", d.text);
                d.id = article_id(&d.text);
                // URLs are unique per revision chain; copies are separate articles.
                d.url = d.url.map(|u| format!("{u}#copy-{copy}"));
                d
            })
            .collect();
        for chunk in batch.chunks(256) {
            to.put_batch(chunk)
                .unwrap_or_else(|e| fail(&format!("writing copy {copy}: {e}")));
        }
        written += batch.len();
        copy += 1;
        eprintln!(
            "replicate_store: {written} articles ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }
    println!(
        "{target}: {written} articles from {} analysed ones in {source}, {:.0} s",
        docs.len(),
        started.elapsed().as_secs_f64()
    );
}

fn fail(msg: &str) -> ! {
    eprintln!("replicate_store: {msg}");
    std::process::exit(1)
}
