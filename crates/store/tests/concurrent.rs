//! Many writer processes storing overlapping ranges of documents into one store at once:
//! every document is stored exactly once, nothing is lost, the store stays consistent.
//! SQLite serialises the writers (busy timeout); PostgreSQL runs them concurrently.

mod common;

use common::*;
use std::collections::BTreeSet;

const WORKERS: usize = 6;
const PER_WORKER: usize = 400;
/// Each worker also writes the first half of the next worker's range.
const OVERLAP: usize = PER_WORKER / 2;

#[test]
fn child_range_writer() {
    if let (Ok(location), Ok(from), Ok(to)) = (
        std::env::var("PARLEY_CHILD_DB"),
        std::env::var("PARLEY_CHILD_FROM"),
        std::env::var("PARLEY_CHILD_TO"),
    ) {
        // Batches of 25, in the order of the range: workers meet on the overlapping documents.
        write_range(&location, from.parse().unwrap(), to.parse().unwrap(), 25);
    }
}

fn workers_store_every_document_once(location: &str) {
    let total = WORKERS * PER_WORKER;
    let children: Vec<_> = (0..WORKERS)
        .map(|w| {
            let from = w * PER_WORKER;
            let to = (from + PER_WORKER + OVERLAP).min(total);
            spawn_child(
                "child_range_writer",
                &[
                    ("PARLEY_CHILD_DB", location.to_string()),
                    ("PARLEY_CHILD_FROM", from.to_string()),
                    ("PARLEY_CHILD_TO", to.to_string()),
                ],
            )
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a worker failed");
    }
    let mut store = parley_store::open(location).unwrap();
    let problems = store.check().unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let ids: BTreeSet<String> = store.ids().unwrap().into_iter().collect();
    assert_eq!(ids, ids_of(0, total));
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles as usize, total);
    assert_eq!(
        counts.annotations,
        total as i64 * annotations_per_document()
    );
    // Every 10th document is the second revision of the page before it, whichever worker
    // stored which.
    assert_eq!(counts.revisions as usize, total / 10);
}

#[test]
fn concurrent_sqlite_writers_store_every_document_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.sqlite");
    workers_store_every_document_once(path.to_str().unwrap());
}

#[cfg(feature = "postgres")]
#[test]
fn concurrent_postgres_writers_store_every_document_once() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "concurrent_test");
    workers_store_every_document_once(&location);
}
