//! End-to-end tests of `parley framing` through the built binary.

use serde_json::Value;
use std::process::{Command, Output};

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A headline the body never supports, and an author who calls a government a regime.
const LOADED: &str = "Kremlin Backstabs Its Own Envoy\n\n\
The talks in Geneva ended on Monday. The so-called diplomats of the regime lied again, \
the author writes. Ryabkov denied that Russia had any plans to invade Ukraine.";

fn write_article(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("loaded.txt");
    std::fs::write(&path, LOADED).unwrap();
    path
}

#[test]
fn framing_json_carries_headline_verdict_signals_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir);
    let out = parley()
        .args(["framing", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let doc = &lines[0];
    assert_eq!(doc["title"], "Kremlin Backstabs Its Own Envoy");
    assert_ne!(doc["framing"]["headline"]["verdict"], "supported", "{doc}");
    let terms: Vec<&str> = doc["framing"]["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["term"].as_str())
        .collect();
    assert!(
        terms.iter().any(|t| t.eq_ignore_ascii_case("regime")),
        "{terms:?}"
    );
    let denial = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stance"] == "denies")
        .unwrap_or_else(|| panic!("no denial in {}", doc["claims"]));
    assert!(denial["holder"]["name"]
        .as_str()
        .unwrap()
        .contains("Ryabkov"));
}

#[test]
fn framing_summary_is_readable_and_a_missing_file_fails_without_stopping_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(&dir);
    let missing = dir.path().join("missing.txt");
    let out = parley()
        .arg("framing")
        .arg(&path)
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = stdout_of(&out);
    assert!(text.contains("Kremlin Backstabs Its Own Envoy"), "{text}");
    assert!(text.contains("headline:"), "{text}");
    assert!(text.contains("denies"), "{text}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
}
