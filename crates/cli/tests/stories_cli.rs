//! End-to-end: `parley ingest`, `parley link`, `parley stories` and `parley timeline` through
//! the built binary.

use std::process::{Command, Output};

fn parley(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parley"))
        .args(args)
        .output()
        .expect("run parley")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const ARTICLES: &str = r#"{"title": "Russia and US open security talks in Geneva", "outlet": "Reuters", "published": "2022-01-10", "body": "Russian Deputy Foreign Minister Sergei Ryabkov met US Deputy Secretary of State Wendy Sherman in Geneva on Monday. \"We reject NATO expansion outright,\" Ryabkov said after the talks in Geneva."}
{"title": "Geneva talks between Russia and the US end without a breakthrough", "outlet": "TASS", "published": "2022-01-11", "body": "Talks in Geneva between Ryabkov and Sherman ended on Monday evening. Sherman said Washington pushed back on security proposals that were non-starters in Geneva."}
{"title": "Central bank raises interest rates", "outlet": "AP", "published": "2022-01-11", "body": "The central bank raised interest rates by half a point on Tuesday as inflation reached a forty-year high, and markets fell."}
"#;

#[test]
fn linked_articles_are_listed_as_stories_with_reasons_and_a_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, ARTICLES).unwrap();
    let db = dir.path().join("s.sqlite");
    let db = db.to_str().unwrap();
    assert!(parley(&["ingest", input.to_str().unwrap(), "--db", db])
        .status
        .success());

    let link = parley(&["link", "--db", db]);
    assert!(link.status.success());
    let said = String::from_utf8_lossy(&link.stderr);
    assert!(said.contains("put 3 article(s) in stories"), "{said}");

    let list = parley(&["stories", "--db", db, "--json"]);
    assert!(list.status.success());
    let stories: Vec<serde_json::Value> = stdout(&list)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), 2, "{stories:?}");
    let talks = stories
        .iter()
        .find(|s| s["size"] == 2)
        .expect("the talks story");
    assert_eq!(
        talks["label"],
        "Russia and US open security talks in Geneva"
    );
    assert_eq!(talks["first_date"], "2022-01-10");
    assert_eq!(talks["last_date"], "2022-01-11");
    let id = talks["id"].as_i64().unwrap().to_string();

    let shown = stdout(&parley(&["stories", &id, "--db", db]));
    assert!(shown.contains("started the story"), "{shown}");
    assert!(shown.contains("text similarity"), "{shown}");

    let timeline = parley(&["timeline", &id, "--db", db, "--json"]);
    assert!(timeline.status.success());
    let entries: Vec<serde_json::Value> = stdout(&timeline)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(entries.iter().any(|e| e["kind"] == "quote"), "{entries:?}");
    let dates: Vec<&str> = entries.iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(entries
        .iter()
        .all(|e| e["start"].is_i64() && e["article_id"].is_string()));

    // A second run has nothing new to link; an unknown story is a clear error.
    let again = parley(&["link", "--db", db]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("put 0 article(s)"));
    let missing = parley(&["timeline", "999", "--db", db]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no story 999"));
}
