//! The public API: output formats, robustness on odd input, thread safety.

use parley_nlp::Pipeline;
use std::path::PathBuf;
use std::sync::OnceLock;

fn pipeline() -> Option<&'static Pipeline> {
    static NLP: OnceLock<Option<Pipeline>> = OnceLock::new();
    NLP.get_or_init(|| {
        let dir = match std::env::var_os("PARLEY_NLP_MODEL") {
            Some(p) => PathBuf::from(p),
            None => {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.models/en_core_web_sm-3.8.0")
            }
        };
        if !dir.join("config.cfg").exists() {
            eprintln!(
                "SKIP: no model at {}; run scripts/fetch-model.sh",
                dir.display()
            );
            return None;
        }
        Some(Pipeline::load(&dir).expect("model loads"))
    })
    .as_ref()
}

#[test]
fn pipeline_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Pipeline>();
}

#[test]
fn load_reports_missing_model_with_fetch_hint() {
    let err = Pipeline::load("/nonexistent/model/dir")
        .err()
        .expect("fails");
    assert!(err.to_string().contains("fetch-model.sh"), "{err}");
}

#[test]
fn json_output_has_the_parse_command_fields() {
    let Some(nlp) = pipeline() else { return };
    let text = "Kremlin spokesman Dmitry Peskov spoke in Moscow on Monday.";
    let v = nlp.analyze(text).to_json("a.txt", text);
    assert_eq!(v["source_file"], "a.txt");
    let tok = &v["tokens"][0];
    for key in ["text", "start", "end", "tag", "pos", "lemma", "head", "dep"] {
        assert!(!tok[key].is_null(), "token field {key}");
    }
    let ents = v["entities"].as_array().unwrap();
    assert!(
        ents.iter()
            .any(|e| e["text"] == "Dmitry Peskov" && e["label"] == "PERSON"),
        "{ents:?}"
    );
    assert!(
        ents.iter()
            .any(|e| e["text"] == "Moscow" && e["label"] == "GPE"),
        "{ents:?}"
    );
}

#[test]
fn conllu_numbers_tokens_per_sentence_and_skips_whitespace() {
    let Some(nlp) = pipeline() else { return };
    let text = "Talks resumed in Vienna.\n\nThe envoy left early.";
    let out = nlp.analyze(text).to_conllu(text);
    let blocks: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), 2, "{out}");
    for block in blocks {
        let rows: Vec<Vec<&str>> = block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert!(rows.iter().all(|r| r.len() == 10));
        assert_eq!(
            rows.iter().filter(|r| r[6] == "0").count(),
            1,
            "one root: {block}"
        );
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r[0], (i + 1).to_string());
            assert!(!r[1].trim().is_empty());
        }
    }
}

#[test]
fn odd_inputs_do_not_panic_and_offsets_stay_on_char_boundaries() {
    let Some(nlp) = pipeline() else { return };
    let long = "word ".repeat(3000);
    let texts = [
        "",
        " ",
        "\u{200b}",
        "😀😀 emoji 👍🏽!",
        "é\u{301}clair naïve café",
        "مرحبا بالعالم",
        "中文文本。日本語のテキスト",
        "\u{0}\u{1}\u{1f}control",
        "a\r\nb\rc\u{2028}d",
        "((((((((((",
        "http://example.com/path?q=1 and www.example.org.",
        "--- ... !!! ??? ''",
        long.as_str(),
    ];
    for text in texts {
        let p = nlp.analyze(text);
        for t in &p.tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.head < p.tokens.len());
        }
        for e in &p.ents {
            assert!(e.start < e.end && e.end <= text.len());
        }
        let _ = p.to_conllu(text);
    }
}
