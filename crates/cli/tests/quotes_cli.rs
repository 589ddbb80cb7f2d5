//! End-to-end tests of `parley quotes` through the built binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const TALKS: &str = "Talks In Geneva End\n\n\
“We are ready to talk,” Lavrov said on Monday. \
Blinken said that the talks were useful. \
According to the Kremlin, nothing has changed at all.";

const SUMMIT: &str = "Summit Postponed\n\n\
“The summit will wait,” Peskov told reporters.";

/// Two text articles in a fresh directory.
fn articles() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let talks = dir.path().join("talks.txt");
    let summit = dir.path().join("summit.txt");
    std::fs::write(&talks, TALKS).unwrap();
    std::fs::write(&summit, SUMMIT).unwrap();
    (dir, talks, summit)
}

/// Runs `parley quotes ARGS INPUTS...`, which must succeed.
fn quotes_ok(args: &[&str], inputs: &[&Path]) -> Output {
    let out = parley()
        .arg("quotes")
        .args(args)
        .args(inputs)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    out
}

/// The JSON lines of `parley quotes --format json ARGS INPUTS...`, which must succeed.
fn quotes_json(args: &[&str], inputs: &[&Path]) -> Vec<Value> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    json_lines(&quotes_ok(&all, inputs))
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout_of(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

fn speakers(doc: &Value) -> Vec<String> {
    doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speaker"]["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_list_gives_each_article_its_title_and_its_quotes() {
    let (_dir, talks, summit) = articles();
    let out = quotes_ok(&[], &[&talks, &summit]);
    let text = stdout_of(&out);
    let talks_at = text.find("== Talks In Geneva End").expect(&text);
    let summit_at = text.find("== Summit Postponed").expect(&text);
    assert!(talks_at < summit_at, "input order: {text}");
    assert!(
        text.contains("[direct] “We are ready to talk,” — Sergey Lavrov (said)"),
        "{text}"
    );
    assert!(text.contains("[indirect] “the talks were useful"), "{text}");
    assert!(
        text.contains("[indirect] “nothing has changed at all” — Kremlin (According to)"),
        "{text}"
    );
    // Speakers the knowledge base knows get the actor's full name.
    assert!(text.contains("— Dmitry Peskov (told)"), "{text}");
    assert!(
        stderr_of(&out).contains("from 2 article(s)"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn json_gives_one_line_per_article_with_source_title_and_quotes() {
    let (_dir, talks, summit) = articles();
    let docs = quotes_json(&[], &[&talks, &summit]);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["title"], "Talks In Geneva End");
    assert!(docs[0]["source_file"]
        .as_str()
        .unwrap()
        .ends_with("talks.txt"));
    let talks_speakers = speakers(&docs[0]);
    assert_eq!(
        talks_speakers,
        ["Sergey Lavrov", "Antony Blinken", "Kremlin"]
    );
    assert_eq!(docs[0]["quotes"][0]["speaker"]["actor_id"], "sergey-lavrov");
    assert_eq!(speakers(&docs[1]), ["Dmitry Peskov"]);
    // Every quote's text is the body's text at its offsets.
    let body = TALKS.split_once("\n\n").unwrap().1;
    for q in docs[0]["quotes"].as_array().unwrap() {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        assert_eq!(
            &body[start as usize..end as usize],
            q["text"].as_str().unwrap()
        );
    }
}

#[test]
fn speaker_filters_by_case_insensitive_substring() {
    let (_dir, talks, summit) = articles();
    let docs = quotes_json(&["--speaker", "LAV"], &[&talks, &summit]);
    assert_eq!(docs.len(), 2, "every article keeps its line");
    assert_eq!(speakers(&docs[0]), ["Sergey Lavrov"]);
    assert!(speakers(&docs[1]).is_empty());

    // The actor's id ("antony-blinken") and the text's words ("Blinken") match too.
    for needle in ["Antony-B", "blinken"] {
        let docs = quotes_json(&["--speaker", needle], &[&talks]);
        assert_eq!(speakers(&docs[0]), ["Antony Blinken"]);
    }

    let list = quotes_ok(&["--speaker", "nobody"], &[&talks]);
    assert!(
        stdout_of(&list).contains("(no quotes)"),
        "{}",
        stdout_of(&list)
    );
}

#[test]
fn speaker_matches_the_resolved_actor_of_the_bundled_examples() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds.jsonl");
    let docs = quotes_json(&[], &[&examples]);
    // A speaker the knowledge base resolved: filtering by its actor id keeps its quotes.
    let resolved = docs
        .iter()
        .flat_map(|d| d["quotes"].as_array().unwrap().iter())
        .find_map(|q| q["speaker"]["actor_id"].as_str().map(str::to_string));
    let Some(id) = resolved else {
        panic!("no quote of the examples has a resolved speaker");
    };
    let kept: Vec<Value> = quotes_json(&["--speaker", &id.to_uppercase()], &[&examples])
        .iter()
        .flat_map(|d| d["quotes"].as_array().unwrap().clone())
        .collect();
    assert!(!kept.is_empty());
    for q in &kept {
        let matches = q["speaker"]["actor_id"]
            .as_str()
            .is_some_and(|a| a.to_lowercase().contains(&id.to_lowercase()))
            || q["speaker"]["name"]
                .as_str()
                .is_some_and(|n| n.to_lowercase().contains(&id.to_lowercase()));
        assert!(matches, "{q}");
    }
}

#[test]
fn citron_gives_the_body_and_character_offsets() {
    let (_dir, _talks, summit) = articles();
    let docs = json_lines(&quotes_ok(&["--format", "citron"], &[&summit]));
    assert_eq!(docs.len(), 1);
    let body = SUMMIT.split_once("\n\n").unwrap().1;
    assert_eq!(docs[0]["text"], body);
    let q = &docs[0]["quotes"][0];
    assert_eq!(q["sources"][0]["text"], "Peskov");
    assert_eq!(q["cue"]["text"], "told");
    let content = &q["contents"][0];
    let (start, end) = (
        content["start"].as_u64().unwrap() as usize,
        content["end"].as_u64().unwrap() as usize,
    );
    let by_chars: String = body.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, "The summit will wait,");
}

#[test]
fn a_missing_input_fails_and_a_bad_format_is_a_usage_error() {
    let (_dir, talks, _summit) = articles();
    let out = parley()
        .arg("quotes")
        .arg(&talks)
        .arg("/nonexistent/parley-quotes.txt")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stdout_of(&out).contains("== Talks In Geneva End"));
    assert!(stderr_of(&out).contains("skipped"), "{}", stderr_of(&out));

    let bad = parley()
        .args(["quotes", "x.txt", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
