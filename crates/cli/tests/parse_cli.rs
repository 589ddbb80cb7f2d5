//! End-to-end tests of `parley parse` through the built binary. Tests that need the model
//! (scripts/fetch-model.sh) skip with a message when it is absent.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn parley() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parley"))
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The model folder, or None (and a message) when it has not been fetched.
fn model() -> Option<PathBuf> {
    let dir = parley_nlp::Pipeline::default_model_dir();
    if dir.is_none() {
        eprintln!("skipped: no model; run scripts/fetch-model.sh");
    }
    dir
}

const TALKS: &str = "Talks In Geneva\n\n\
“We are ready to talk,” Lavrov said on Monday in Geneva. \
Blinken said the talks were useful.";

/// A text article and a JSON Lines file with one good record and one broken line.
fn inputs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("talks.txt");
    std::fs::write(&text, TALKS).unwrap();
    let jsonl = dir.path().join("more.jsonl");
    std::fs::write(
        &jsonl,
        "{\"title\": \"Summit\", \"body\": \"Peskov told reporters in Moscow that the summit will wait.\"}\n\
         {not json at all\n",
    )
    .unwrap();
    (dir, text, jsonl)
}

#[test]
fn parse_prints_one_json_line_per_article_with_offsets_heads_and_entities() {
    let Some(model) = model() else { return };
    let (_dir, text, jsonl) = inputs();
    let out = parley()
        .arg("parse")
        .arg("--model")
        .arg(&model)
        .arg(&text)
        .arg(&jsonl)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    // the broken JSON line is skipped with a message; the batch goes on
    assert!(!out.status.success(), "a skipped item fails the run");
    assert!(stderr.contains("skipped"), "{stderr}");
    assert!(stderr.contains("parsed 2 article(s)"), "{stderr}");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["source_file"]
        .as_str()
        .unwrap()
        .ends_with("talks.txt"));
    for line in &lines {
        let tokens = line["tokens"].as_array().unwrap();
        assert!(!tokens.is_empty());
        let mut roots = 0;
        for (i, t) in tokens.iter().enumerate() {
            for key in ["text", "start", "end", "tag", "pos", "lemma", "head", "dep"] {
                assert!(t.get(key).is_some(), "token without {key}: {t}");
            }
            let head = t["head"].as_u64().unwrap() as usize;
            assert!(head < tokens.len());
            if head == i {
                roots += 1;
                assert_eq!(t["dep"], "ROOT");
            }
        }
        assert!(roots >= 1, "no root: {line}");
    }
    // offsets are byte offsets into the body: the token text is the body's slice
    let body = TALKS.split_once("\n\n").unwrap().1;
    let tokens = lines[0]["tokens"].as_array().unwrap();
    for t in tokens {
        let (s, e) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
        assert_eq!(&body[s as usize..e as usize], t["text"].as_str().unwrap());
    }
    let said = tokens.iter().position(|t| t["text"] == "said").unwrap();
    let lavrov = tokens.iter().find(|t| t["text"] == "Lavrov").unwrap();
    assert_eq!(lavrov["head"], said);
    assert_eq!(lavrov["dep"], "nsubj");
    assert_eq!(tokens[said]["lemma"], "say");
    let ents: Vec<(String, String)> = lines[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (s, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            assert_eq!(&body[s as usize..end as usize], e["text"].as_str().unwrap());
            (
                e["text"].as_str().unwrap().into(),
                e["label"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        ents.contains(&("Blinken".into(), "PERSON".into())),
        "{ents:?}"
    );
    assert!(ents.contains(&("Geneva".into(), "GPE".into())), "{ents:?}");
}

#[test]
fn conllu_has_ten_columns_one_based_ids_and_a_root_per_sentence() {
    let Some(model) = model() else { return };
    let (_dir, text, _) = inputs();
    let out = parley()
        .args(["parse", "--format", "conllu", "--model"])
        .arg(&model)
        .arg(&text)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let conllu = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(conllu.starts_with("# newdoc id = "), "{conllu}");
    let sentences: Vec<&str> = conllu
        .split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert_eq!(sentences.len(), 2, "{conllu}");
    for sentence in &sentences {
        let rows: Vec<Vec<&str>> = sentence
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(sentence.contains("# text = "), "{sentence}");
        let mut roots = 0;
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), 10, "{row:?}");
            assert_eq!(row[0], (i + 1).to_string());
            let head: usize = row[6].parse().unwrap();
            assert!(head <= rows.len());
            if head == 0 {
                roots += 1;
                assert_eq!(row[7], "ROOT");
            }
        }
        assert_eq!(roots, 1, "{sentence}");
    }
    // "Geneva." — no space between the word and the full stop
    let geneva = conllu
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("Geneva"))
        .unwrap();
    assert!(geneva.contains("SpaceAfter=No"), "{geneva}");
    let lavrov = conllu
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("Lavrov"))
        .unwrap();
    assert!(!lavrov.contains("SpaceAfter=No"), "{lavrov}");
}

#[test]
fn a_missing_model_is_a_clear_error_that_names_the_fetch_script() {
    let (dir, text, _) = inputs();
    let out = parley()
        .arg("parse")
        .arg("--model")
        .arg(dir.path().join("no-model-here"))
        .arg(&text)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = stderr_of(&out);
    assert!(stderr.contains("no-model-here"), "{stderr}");
    assert!(stderr.contains("scripts/fetch-model.sh"), "{stderr}");
}
