//! Compare the Rust pipeline with spaCy 3.8's own output on news sentences (fixtures written
//! by bench/nlp/reference.py). Needs the model folder; skips with a message when it is absent.

use parley_nlp::Pipeline;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

fn model_dir() -> PathBuf {
    match std::env::var_os("PARLEY_NLP_MODEL") {
        Some(p) => PathBuf::from(p),
        None => {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.models/en_core_web_sm-3.8.0")
        }
    }
}

fn pipeline() -> Option<&'static Pipeline> {
    static NLP: OnceLock<Option<Pipeline>> = OnceLock::new();
    NLP.get_or_init(|| {
        let dir = model_dir();
        if !dir.join("config.cfg").exists() {
            eprintln!(
                "SKIP: no model at {}; run scripts/fetch-model.sh (or set PARLEY_NLP_MODEL)",
                dir.display()
            );
            return None;
        }
        Some(Pipeline::load(&dir).expect("model loads"))
    })
    .as_ref()
}

fn fixture(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(&path)
        .expect("fixture")
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture line is JSON"))
        .collect()
}

fn spans(rec: &Value) -> Vec<(usize, usize)> {
    rec["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t[0].as_u64().unwrap() as usize,
                t[1].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

#[test]
fn tokens_match_spacy_on_news_sentences() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixture("sentences.ref.jsonl") {
        let text = rec["text"].as_str().unwrap();
        let ours: Vec<(usize, usize)> = nlp
            .tokenize(text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        assert_eq!(ours, spans(&rec), "tokens of {text:?}");
    }
}

#[test]
fn tags_match_spacy_on_news_sentences() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixture("sentences.ref.jsonl") {
        let text = rec["text"].as_str().unwrap();
        let parsed = nlp.analyze(text);
        let ours: Vec<&str> = parsed.tokens.iter().map(|t| t.tag.as_str()).collect();
        let theirs: Vec<&str> = rec["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t[2].as_str().unwrap())
            .collect();
        assert_eq!(ours, theirs, "tags of {text:?}");
    }
}

#[test]
fn tok2vec_output_matches_spacy_within_1e_4() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixture("vectors.ref.jsonl") {
        let text = rec["text"].as_str().unwrap();
        let ours = nlp.tensor(text);
        let theirs: Vec<f32> = rec["tensor"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| {
                row.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap() as f32)
            })
            .collect();
        assert_eq!(ours.len(), theirs.len());
        let max = ours
            .iter()
            .zip(&theirs)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(max < 1e-4, "max abs diff {max} for {text:?}");
    }
}
