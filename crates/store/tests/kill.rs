//! A writer process killed with SIGKILL at any moment leaves a consistent store, and writing
//! the same documents again completes it with no duplicate and nothing lost. Run against
//! SQLite always, and against PostgreSQL when PARLEY_TEST_POSTGRES is set.

mod common;

use common::*;
use std::time::{Duration, Instant};

const DOCS: usize = 3000;
const BATCH: usize = 30;

/// The child: writes every document into the store named by PARLEY_CHILD_DB. (As a test of its
/// own, without the variable, it does nothing.)
#[test]
fn child_writer() {
    if let Ok(location) = std::env::var("PARLEY_CHILD_DB") {
        write_range(&location, 0, DOCS, BATCH);
    }
}

/// Kills writers at growing delays, checking the store after each kill, then lets one finish.
fn kill_repeatedly_then_complete(location: &str) {
    let expected = ids_of(0, DOCS);
    let mut killed_midway = 0;
    let mut delay = Duration::from_millis(20);
    loop {
        let mut child = spawn_child("child_writer", &[("PARLEY_CHILD_DB", location.to_string())]);
        let started = Instant::now();
        while started.elapsed() < delay && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap(); // SIGKILL
        }
        let status = child.wait().unwrap();
        let mut store = parley_store::open(location).unwrap();
        let problems = store.check().unwrap();
        assert!(
            problems.is_empty(),
            "after a kill at {delay:?}:\n{}",
            problems.join("\n")
        );
        let ids: std::collections::BTreeSet<String> = store.ids().unwrap().into_iter().collect();
        assert!(ids.is_subset(&expected));
        let counts = store.counts().unwrap();
        assert_eq!(
            counts.annotations,
            ids.len() as i64 * annotations_per_document()
        );
        eprintln!(
            "{location}: after {delay:?}: {} of {DOCS} stored, consistent",
            ids.len()
        );
        if finished {
            assert!(status.success(), "the writer failed");
            assert_eq!(ids, expected);
            break;
        }
        if !ids.is_empty() && ids.len() < DOCS {
            killed_midway += 1;
        }
        delay = delay * 3 / 2;
    }
    assert!(
        killed_midway >= 2,
        "no kill landed in the middle of the writing"
    );
}

#[test]
fn sqlite_survives_kill_9_and_completes_on_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.sqlite");
    let location = path.to_str().unwrap();
    kill_repeatedly_then_complete(location);
    let store = parley_store::sqlite::SqliteStore::open(location).unwrap();
    let integrity: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_survives_kill_9_and_completes_on_rerun() {
    let Some(url) = pg_url() else { return };
    let location = fresh_pg_schema(&url, "kill_test");
    kill_repeatedly_then_complete(&location);
}
