//! End-to-end tests of `parley ingest` and `parley search` through the built binary,
//! including a real `kill -9` in the middle of an ingest.

use parley_store::sqlite::SqliteStore;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const OUTLETS: [&str; 3] = ["Reuters", "TASS", "AP"];

const WORDS: &[&str] = &[
    "talks",
    "Geneva",
    "delegation",
    "security",
    "guarantees",
    "NATO",
    "Moscow",
    "Washington",
    "sanctions",
    "troops",
    "border",
    "minister",
    "spokesman",
    "agreement",
    "proposal",
    "Kremlin",
    "Ukraine",
    "ceasefire",
    "summit",
    "envoy",
    "meeting",
    "rejected",
    "demanded",
    "warned",
];

/// A body of about `paragraphs` paragraphs, different for every `n`.
fn body(n: usize, paragraphs: usize) -> String {
    let mut x = n as u64 * 2_654_435_761 + 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..paragraphs)
        .map(|p| {
            let words: Vec<&str> = (0..60)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect();
            format!(
                "Article {n} paragraph {p}: the minister said “{}.” {}.",
                words[..12].join(" "),
                words[12..].join(" ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Writes `n` articles over `files` JSON Lines files. Every 10th article is a second version of
/// the page of the article before it (same URL, new body); every 25th line repeats an earlier
/// article exactly. Returns the ids that must end up stored.
fn write_corpus(dir: &Path, n: usize, files: usize) -> (Vec<PathBuf>, BTreeSet<String>) {
    let mut ids = BTreeSet::new();
    let mut lines: Vec<Vec<String>> = vec![Vec::new(); files];
    for i in 0..n {
        let url_of = if i % 10 == 9 { i - 1 } else { i };
        let text = body(i, 4);
        ids.insert(parley_core::article_id(&text));
        let record = serde_json::json!({
            "url": format!("https://news.example/{url_of}"),
            "outlet": OUTLETS[i % 3],
            "published": format!("2022-01-{:02}", 1 + i % 28),
            "title": format!("Talks, day {i}"),
            "body": text,
        });
        lines[i % files].push(record.to_string());
        if i % 25 == 24 {
            let again = lines[i % files][lines[i % files].len() / 2].clone();
            lines[(i + 1) % files].push(again);
        }
    }
    let paths = lines
        .into_iter()
        .enumerate()
        .map(|(f, lines)| {
            let path = dir.join(format!("part-{f:02}.jsonl"));
            std::fs::write(&path, lines.join("\n") + "\n").unwrap();
            path
        })
        .collect();
    (paths, ids)
}

/// Opens the store, checks it is consistent (for SQLite, `PRAGMA integrity_check` included),
/// and returns its ids.
fn checked_ids(db: impl AsRef<std::ffi::OsStr>) -> BTreeSet<String> {
    let location = db.as_ref().to_str().unwrap();
    let mut store = parley_store::open(location).unwrap();
    let problems = store.check().unwrap();
    assert!(
        problems.is_empty(),
        "inconsistent store:\n{}",
        problems.join("\n")
    );
    if !parley_store::is_postgres_url(location) {
        let sqlite = SqliteStore::open(location).unwrap();
        let integrity: String = sqlite
            .connection()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
    }
    store.ids().unwrap().into_iter().collect()
}

#[test]
fn ingesting_twice_stores_once_and_says_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, ids) = write_corpus(dir.path(), 60, 2);
    let db = dir.path().join("s.sqlite");
    let run = || {
        parley()
            .args(["ingest", "--no-parse"])
            .args(&paths)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{}", stderr_of(&first));
    let err = stderr_of(&first);
    assert!(
        err.contains("stored 60 new article(s) (6 of them new revisions), 2 already stored"),
        "{err}"
    );
    let second = run();
    assert!(second.status.success(), "{}", stderr_of(&second));
    let err = stderr_of(&second);
    assert!(
        err.contains("stored 0 new article(s)") && err.contains("62 already stored"),
        "{err}"
    );
    assert_eq!(checked_ids(&db), ids);
}

/// The documents of a `{"documents": [...]}` report by id, analysis layers only (a stored
/// article also carries its storing details).
fn analyses_by_id(report: &[u8]) -> std::collections::BTreeMap<String, serde_json::Value> {
    let report: serde_json::Value = serde_json::from_slice(report).unwrap();
    let layers = ["entities", "times", "quotes", "events", "claims", "framing"];
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let analysis: serde_json::Map<_, _> = layers
                .iter()
                .map(|l| (l.to_string(), d[*l].clone()))
                .collect();
            (d["id"].as_str().unwrap().to_string(), analysis.into())
        })
        .collect()
}

#[test]
fn an_ingested_article_exports_the_analysis_parley_analyze_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds.jsonl");
    let succeeds = |args: &[&str]| {
        let out = parley().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
        out
    };
    let db = db.to_str().unwrap();
    let analysed = succeeds(&["analyze", seeds]);
    succeeds(&["ingest", seeds, "--db", db]);
    let exported = succeeds(&["export", "--format", "json", "--db", db]);
    let (want, got) = (
        analyses_by_id(&analysed.stdout),
        analyses_by_id(&exported.stdout),
    );
    assert!(!want.is_empty());
    let claims = |m: &std::collections::BTreeMap<_, serde_json::Value>| {
        m.values()
            .map(|a| a["claims"].as_array().unwrap().len())
            .sum::<usize>()
    };
    assert!(claims(&want) > 0, "the seeds have claims to store");
    assert_eq!(got, want);
}

/// Kills `parley ingest` runs at growing delays, checking the store after each kill, until one
/// finishes; then checks that a last run adds nothing and the store holds exactly the corpus.
fn kill_ingest_repeatedly_then_complete(db: &std::ffi::OsStr) {
    let dir = tempfile::tempdir().unwrap();
    let (paths, ids) = write_corpus(dir.path(), 4000, 4);
    let ingest = || {
        parley()
            .args(["ingest", "--no-parse"])
            .args(&paths)
            .arg("--db")
            .arg(db)
            .args(["--batch", "40"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // Kill runs at growing delays until one finishes before its kill; check after each kill.
    let mut killed_midway = 0;
    let mut delay = Duration::from_millis(5);
    loop {
        let mut child = ingest();
        let started = Instant::now();
        while started.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap(); // SIGKILL
        }
        child.wait().unwrap();
        let stored = checked_ids(db);
        assert!(
            stored.is_subset(&ids),
            "stored an id that is not in the corpus"
        );
        if finished {
            break;
        }
        if !stored.is_empty() && stored.len() < ids.len() {
            killed_midway += 1;
        }
        eprintln!(
            "killed after {delay:?}: {} of {} articles stored, store consistent",
            stored.len(),
            ids.len()
        );
        delay = delay * 3 / 2;
    }
    assert!(
        killed_midway >= 2,
        "no kill landed in the middle of the ingest ({killed_midway})"
    );
    // A last, complete run stores nothing new and nothing twice.
    let out = parley()
        .args(["ingest", "--no-parse"])
        .args(&paths)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("stored 0 new article(s)"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(checked_ids(db), ids);
}

#[test]
fn killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    kill_ingest_repeatedly_then_complete(dir.path().join("kill.sqlite").as_os_str());
}

/// Eight `parley ingest` processes at once: shards 0..3 of 4, each also taking the next
/// worker's shard, so every article is ingested by two workers.
fn concurrent_workers_store_every_article_once(db: &std::ffi::OsStr) {
    let dir = tempfile::tempdir().unwrap();
    let (paths, ids) = write_corpus(dir.path(), 800, 3);
    let children: Vec<_> = (0..4)
        .flat_map(|i| [(i, 4), ((i + 1) % 4, 4)])
        .map(|(i, n)| {
            parley()
                .args(["ingest", "--no-parse"])
                .args(&paths)
                .arg("--db")
                .arg(db)
                .args(["--shard", &format!("{i}/{n}"), "--batch", "25"])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    assert_eq!(checked_ids(db), ids);
}

#[test]
fn concurrent_workers_on_overlapping_shards_store_every_article_once() {
    let dir = tempfile::tempdir().unwrap();
    concurrent_workers_store_every_article_once(dir.path().join("shards.sqlite").as_os_str());
}

#[test]
fn input_shards_split_the_files_between_workers() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, ids) = write_corpus(dir.path(), 90, 3);
    let db = dir.path().join("by-input.sqlite");
    for i in 0..3 {
        let out = parley()
            .args(["ingest", "--no-parse"])
            .args(&paths)
            .arg("--db")
            .arg(&db)
            .args(["--shard", &format!("{i}/3"), "--shard-by", "input"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains("by input: 1 input(s)"),
            "{}",
            stderr_of(&out)
        );
    }
    assert_eq!(checked_ids(&db), ids);
}

#[test]
fn search_shows_hits_with_snippets_and_fails_on_no_hit() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, _) = write_corpus(dir.path(), 20, 1);
    let db = dir.path().join("search.sqlite");
    let out = parley()
        .args(["ingest", "--no-parse"])
        .args(&paths)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = parley()
        .args(["search", "Article 7 paragraph"])
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Talks, day 7"), "{stdout}");
    assert!(stdout.contains("[Article] [7] [paragraph]"), "{stdout}");
    let out = parley()
        .args(["search", "zanzibar"])
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = parley()
        .args(["search", "x", "--db"])
        .arg(dir.path().join("none.sqlite"))
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("no store at"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_store_error_stops_the_ingest_with_what_was_stored_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, _) = write_corpus(dir.path(), 60, 1);
    let db = dir.path().join("fail.sqlite");
    let store = SqliteStore::open(db.to_str().unwrap()).unwrap();
    store
        .connection()
        .execute_batch(
            "CREATE TRIGGER fail BEFORE INSERT ON articles WHEN NEW.title = 'Talks, day 30'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    drop(store);
    let out = parley()
        .args(["ingest", "--no-parse"])
        .args(&paths)
        .arg("--db")
        .arg(&db)
        .args(["--batch", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "ingest stopped after storing 29 new article(s); rerun the same command to finish"
        ),
        "{err}"
    );
    assert_eq!(err.matches("injected failure").count(), 1, "{err}");
    // The first three batches of 10 lines (one line repeats an earlier article) are stored.
    assert_eq!(checked_ids(&db).len(), 29);
}

#[test]
fn link_groups_wire_copies_and_marks_the_earliest_as_original() {
    let dir = tempfile::tempdir().unwrap();
    let story = body(1, 6);
    let records = [
        (
            "AP",
            "2022-01-11",
            format!("GENEVA (AP) - {story}\n\nAssociated Press writers contributed."),
        ),
        ("Reuters", "2022-01-10", story.clone()),
        (
            "TASS",
            "2022-01-12",
            format!("{story}\n\nMore on the talks later today."),
        ),
        ("BBC", "2022-01-10", body(2, 6)),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(outlet, day, text)| {
            serde_json::json!({"outlet": outlet, "published": day, "title": "Talks", "body": text})
                .to_string()
        })
        .collect();
    let input = dir.path().join("wire.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = dir.path().join("link.sqlite");
    let out = parley()
        .args(["ingest", "--no-parse"])
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = parley()
        .args(["link", "--show", "5", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out)
            .contains("fingerprinted 4 new article(s); 1 group(s) of near-duplicates: 2 copies"),
        "{}",
        stderr_of(&out)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with("original  2022-01-10  Reuters"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("AP") && lines[2].contains("TASS"),
        "{stdout}"
    );
    // A second run fingerprints nothing new and finds the same group.
    let out = parley().args(["link", "--db"]).arg(&db).output().unwrap();
    assert!(
        stderr_of(&out).contains("fingerprinted 0 new article(s); 1 group(s)"),
        "{}",
        stderr_of(&out)
    );
}

/// The same tests against PostgreSQL (`--features postgres`, PARLEY_TEST_POSTGRES set).
#[cfg(feature = "postgres")]
mod postgres {
    use super::*;

    /// A URL whose tables live in a fresh, empty schema `name`, or `None` (test skipped) when
    /// no test server is given (a failure instead with PARLEY_REQUIRE_POSTGRES set, as in CI).
    fn fresh_schema(name: &str) -> Option<String> {
        let Some(url) = std::env::var("PARLEY_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            assert!(
                std::env::var_os("PARLEY_REQUIRE_POSTGRES").is_none(),
                "PARLEY_REQUIRE_POSTGRES is set but PARLEY_TEST_POSTGRES is not: run scripts/postgres.sh"
            );
            eprintln!("skipped: set PARLEY_TEST_POSTGRES=$(scripts/postgres.sh)");
            return None;
        };
        let mut admin = parley_store::postgres::PgStore::open(&url).unwrap();
        admin
            .client()
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        let sep = if url.contains('?') { '&' } else { '?' };
        Some(format!("{url}{sep}options=-c%20search_path%3D{name}"))
    }

    #[test]
    fn killed_ingest_into_postgres_leaves_it_consistent_and_a_rerun_completes_it() {
        let Some(url) = fresh_schema("cli_kill") else {
            return;
        };
        kill_ingest_repeatedly_then_complete(url.as_ref());
    }

    #[test]
    fn concurrent_workers_into_postgres_store_every_article_once() {
        let Some(url) = fresh_schema("cli_workers") else {
            return;
        };
        concurrent_workers_store_every_article_once(url.as_ref());
    }
}
