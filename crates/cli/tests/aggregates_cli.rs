//! End-to-end tests of `parley positions`, `parley claims`, `parley outlets` and
//! `parley export` through the built binary, over a store of the analysed seed articles.

use std::process::{Command, Output};

fn parley(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A store of `examples/seeds.jsonl`, analysed and ingested by the binary.
fn seeded() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite").to_str().unwrap().to_string();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds.jsonl");
    let out = parley(&["ingest", seeds, "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, db)
}

#[test]
fn positions_of_a_named_actor_and_clear_errors_for_unknown_or_ambiguous_ones() {
    let (_d, db) = seeded();
    let out = parley(&["positions", "Lavrov", "--db", &db, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["actor"]["actor_id"], "sergey-lavrov");
    assert!(!v["positions"].as_array().unwrap().is_empty());
    let out = parley(&["positions", "Nobody Atall", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no stored actor matches"),
        "{}",
        text(&out.stderr)
    );
    let out = parley(&["positions", "e", "--db", &db]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is ambiguous"),
        "{}",
        text(&out.stderr)
    );
    let out = parley(&["positions", "Lavrov", "--db", &db, "--since", "2030-01-01"]);
    assert!(
        text(&out.stdout).contains("0 position(s)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn claims_as_csv_have_a_column_per_outlet() {
    let (_d, db) = seeded();
    let out = parley(&["claims", "--db", &db, "--csv", "--min-outlets", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["actors", "polarity", "event_code"]);
    assert!(
        header.contains(&"JustPatriots.com".to_string()),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|row| row.len() == header.len()));
}

#[test]
fn outlets_as_json_lines() {
    let (_d, db) = seeded();
    let out = parley(&["outlets", "--db", &db, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let profiles: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let articles: u64 = profiles
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(articles, 2);
}

#[test]
fn export_writes_a_file_in_gdelt_rows() {
    let (dir, db) = seeded();
    let file = dir.path().join("events.tsv");
    let out = parley(&[
        "export",
        "--db",
        &db,
        "--format",
        "gdelt",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let tsv = std::fs::read_to_string(&file).unwrap();
    assert!(tsv.lines().count() > 0);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 61));
}

/// An article about something else entirely, months after the seeds: a story of its own.
const UNRELATED: &str = r#"{"title": "Harbour festival draws record crowds", "published": "2023-07-02", "outlet": "Coast Gazette", "body": "The harbour festival in Kiel drew a record 40,000 visitors on Saturday, organisers said.\n\nFishing boats, brass bands and a regatta filled the waterfront until late evening."}"#;

#[test]
fn export_of_a_story_holds_only_its_articles_in_every_format() {
    let (dir, db) = seeded();
    let other = dir.path().join("other.jsonl");
    std::fs::write(&other, format!("{UNRELATED}\n")).unwrap();
    let out = parley(&["ingest", other.to_str().unwrap(), "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = parley(&["link", "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = parley(&["stories", "--db", &db, "--json"]);
    let stories: Vec<serde_json::Value> = text(&list.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(stories.len() >= 2, "{stories:?}");
    let festival = stories
        .iter()
        .find(|s| s["label"].as_str().unwrap_or("").contains("Harbour"))
        .expect("the festival's story");
    assert_eq!(festival["size"], 1, "{festival}");
    let id = festival["id"].as_i64().unwrap().to_string();

    let jsonl = parley(&["export", "--db", &db, "--format", "jsonl", "--story", &id]);
    assert!(jsonl.status.success(), "{}", text(&jsonl.stderr));
    let titles: Vec<String> = text(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(titles, ["\"Harbour festival draws record crowds\""]);
    let csv = parley(&["export", "--db", &db, "--format", "csv", "--story", &id]);
    let csv = text(&csv.stdout);
    assert!(csv.lines().count() > 1, "{csv}");
    assert!(
        csv.lines().skip(1).all(|l| l.contains("Coast Gazette")),
        "{csv}"
    );
    for format in ["json", "jsonl", "csv", "gdelt", "plover", "citron"] {
        let out = parley(&["export", "--db", &db, "--format", format, "--story", &id]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("exported 1 article(s)"),
            "{format}: {}",
            text(&out.stderr)
        );
    }
    let all = parley(&["export", "--db", &db, "--format", "jsonl"]);
    assert!(
        text(&all.stderr).contains("exported 3 article(s)"),
        "{}",
        text(&all.stderr)
    );

    let out = parley(&["export", "--db", &db, "--format", "jsonl", "--story", "999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no story 999"),
        "{}",
        text(&out.stderr)
    );
}
