//! End-to-end tests of `parley analyze` through the built binary.

use parley_core::Report;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn report_of(output: &Output) -> Report {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not a report: {e}\nstderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Checks the report contract on every document: text is the body, every span reads its text.
fn assert_spans_hold(report: &Report) {
    for doc in &report.documents {
        let problems = doc.check_spans();
        assert!(
            problems.is_empty(),
            "span invariant broken:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn analyze_seeds_gives_both_documents_with_text_equal_to_the_body() {
    let dir = seeds_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (../shared must sit beside the repo)",
            dir.display()
        );
        return;
    }
    let out = parley()
        .arg("analyze")
        .arg(&dir)
        .args(["--published", "2022-01-13"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let report = report_of(&out);
    assert_eq!(report.documents.len(), 2);
    for doc in &report.documents {
        let raw = std::fs::read_to_string(&doc.source_file).unwrap();
        let (title, body) = parley_ingest::text::split_headline(&raw).unwrap();
        assert_eq!(doc.title, title);
        assert_eq!(doc.text, body);
        assert_eq!(
            doc.published.map(|d| d.to_string()).as_deref(),
            Some("2022-01-13")
        );
    }
    assert_spans_hold(&report);
}

#[test]
fn bundled_examples_analyse_with_valid_spans() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds.jsonl");
    let out = parley().arg("analyze").arg(&examples).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let report = report_of(&out);
    assert_eq!(report.documents.len(), 2);
    assert_spans_hold(&report);
}

#[test]
fn bad_inputs_each_give_a_clear_message_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::create_dir(p("binaries")).unwrap();
    std::fs::write(p("binaries/a.bin"), [0x7f, b'E', b'L', b'F', 0, 1, 2, 3]).unwrap();
    std::fs::write(
        p("binaries/b.png"),
        [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0],
    )
    .unwrap();
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("latin1.txt"), b"Headline\n\nCaf\xe9 talks").unwrap();
    std::fs::write(p("lines.jsonl"), "{\"title\": \"A\", \"body\": \"First.\"}\n{\"title\": \"B\", \"body\": \n{\"title\": \"C\", \"body\": \"Third.\"}\n").unwrap();
    std::fs::write(p("good.txt"), "Talks End\n\nThe talks ended.").unwrap();

    let out = parley()
        .arg("analyze")
        .arg(p("missing.txt"))
        .arg(p("binaries"))
        .arg(p("empty.txt"))
        .arg(p("latin1.txt"))
        .arg(p("lines.jsonl"))
        .arg(p("good.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code says something failed"
    );
    let err = stderr_of(&out);
    for expected in [
        "missing.txt: no such file or directory",
        "a.bin: looks like a binary file",
        "b.png: looks like a binary file",
        "empty.txt: empty file",
        "latin1.txt: not valid UTF-8 (bad byte at offset 13)",
        "lines.jsonl:2: malformed JSON line",
    ] {
        assert!(err.contains(expected), "stderr lacks {expected:?}:\n{err}");
    }
    let titles: Vec<String> = report_of(&out)
        .documents
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles, vec!["A", "C", "Talks End"]);
}

#[test]
fn stdin_is_read_with_a_dash_and_output_keeps_input_order() {
    let lines: String = (0..300)
        .map(|i| format!("{{\"title\": \"t{i}\", \"body\": \"Body number {i}.\"}}\n"))
        .collect();
    let mut child = parley()
        .args(["analyze", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let report = report_of(&out);
    let titles: Vec<String> = report.documents.iter().map(|d| d.title.clone()).collect();
    let expected: Vec<String> = (0..300).map(|i| format!("t{i}")).collect();
    assert_eq!(titles, expected);
    assert_eq!(report.documents[5].source_file, "-:6");
}

#[test]
fn out_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Headline\n\nBody.").unwrap();
    let target = dir.path().join("report.json");
    let out = parley()
        .arg("analyze")
        .arg(&input)
        .arg("--out")
        .arg(&target)
        .arg("--pretty")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(out.stdout.is_empty());
    let report: Report = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(report.documents[0].text, "Body.");
}

#[test]
fn a_bad_published_date_is_a_usage_error() {
    let out = parley()
        .args(["analyze", "x.txt", "--published", "13/01/2022"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("is not a date: use YYYY-MM-DD"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn demo_prints_a_summary_of_both_examples_and_stores_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let db = db.to_str().unwrap();
    let out = parley()
        .args(["demo", "--no-serve", "--db", db])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("== Upcoming Russia/US Security Talks"),
        "{text}"
    );
    assert!(text.contains("== Putin Regime Backstabs Putin"), "{text}");
    assert!(text.contains("2 new, 0 already there"), "{text}");
    let again = parley()
        .args(["demo", "--no-serve", "--db", db])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(text.contains("0 new, 2 already there"), "{text}");
}
