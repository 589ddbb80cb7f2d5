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

/// The news sentences and the edge cases (whitespace, emoticons, URLs, scripts, quotes).
fn fixtures() -> Vec<Value> {
    let mut all = fixture("sentences.ref.jsonl");
    all.extend(fixture("edge.ref.jsonl"));
    all
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
    for rec in fixtures() {
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
    for rec in fixtures() {
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

#[test]
fn parses_match_spacy_on_news_sentences() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixtures() {
        let text = rec["text"].as_str().unwrap();
        let parsed = nlp.analyze(text);
        let ours: Vec<(usize, &str)> = parsed
            .tokens
            .iter()
            .map(|t| (t.head, t.dep.as_str()))
            .collect();
        let theirs: Vec<(usize, &str)> = rec["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t[3].as_u64().unwrap() as usize, t[4].as_str().unwrap()))
            .collect();
        assert_eq!(ours, theirs, "heads and labels of {text:?}");
    }
}

#[test]
fn entities_match_spacy_on_news_sentences() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixtures() {
        let text = rec["text"].as_str().unwrap();
        let parsed = nlp.analyze(text);
        let ours: Vec<(usize, usize, &str)> = parsed
            .ents
            .iter()
            .map(|e| (e.start, e.end, e.label.as_str()))
            .collect();
        let theirs: Vec<(usize, usize, &str)> = rec["ents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(ours, theirs, "entities of {text:?}");
        let iob: Vec<(&str, &str)> = parsed
            .tokens
            .iter()
            .map(|t| (t.ent_iob, t.ent_type.as_str()))
            .collect();
        let their_iob: Vec<(&str, &str)> = rec["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t[5].as_str().unwrap(), t[6].as_str().unwrap()))
            .collect();
        assert_eq!(iob, their_iob, "entity IOB of {text:?}");
    }
}

#[test]
fn move_inventories_follow_spacy_class_order() {
    let dir = model_dir();
    if !dir.join("config.cfg").exists() {
        eprintln!(
            "SKIP: no model at {}; run scripts/fetch-model.sh",
            dir.display()
        );
        return;
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/moves.json");
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let names = |moves: Vec<parley_nlp::moves::Move>, ner: bool| -> Vec<String> {
        moves
            .iter()
            .map(|m| {
                let letter =
                    if ner { "MBILUO" } else { "SDLRB" }.as_bytes()[m.action as usize] as char;
                if ner && m.action == parley_nlp::ner::OUT {
                    "O".to_string()
                } else if m.label.is_empty() && !ner {
                    letter.to_string()
                } else {
                    format!("{letter}-{}", m.label)
                }
            })
            .collect()
    };
    let parser =
        parley_nlp::moves::load_moves(&std::fs::read(dir.join("parser/moves")).unwrap(), |_, _| {
            false
        })
        .unwrap();
    let ner =
        parley_nlp::moves::load_moves(&std::fs::read(dir.join("ner/moves")).unwrap(), |a, l| {
            a == parley_nlp::ner::MISSING || (a == parley_nlp::ner::OUT && !l.is_empty())
        })
        .unwrap();
    let want = |k: &str| -> Vec<String> {
        expected[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(parser, false), want("parser"));
    assert_eq!(names(ner, true), want("ner"));
}

#[test]
fn empty_and_whitespace_texts_do_not_panic() {
    let Some(nlp) = pipeline() else { return };
    for text in [
        "",
        " ",
        "\n\n",
        "  Hello  ",
        "\u{a0}",
        "a",
        "\"",
        "...",
        "\t\tx",
        "Hi.\n\nBye now.",
    ] {
        let parsed = nlp.analyze(text);
        for t in &parsed.tokens {
            assert!(t.head < parsed.tokens.len());
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}

#[test]
fn pos_and_lemmas_match_spacy_on_news_sentences() {
    let Some(nlp) = pipeline() else { return };
    for rec in fixtures() {
        let text = rec["text"].as_str().unwrap();
        let parsed = nlp.analyze(text);
        let ours: Vec<(&str, &str)> = parsed
            .tokens
            .iter()
            .map(|t| (t.pos.as_str(), t.lemma.as_str()))
            .collect();
        let theirs: Vec<(&str, &str)> = rec["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t[9].as_str().unwrap(), t[10].as_str().unwrap()))
            .collect();
        assert_eq!(ours, theirs, "POS and lemmas of {text:?}");
    }
}
