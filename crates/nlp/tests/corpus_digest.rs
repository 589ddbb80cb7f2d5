//! Agreement with spaCy 3.8 on the reference corpus: ~380 documents (the seed articles,
//! 300 wcxb-articles main texts and the PETRARCH2 GSR sentences from ../shared). spaCy's
//! output is committed as per-document digests (tests/data/corpus.digest.tsv, written by
//! bench/nlp/digest.py); this test recomputes them and reports, per field, how many
//! documents agree exactly. Skips when the model or ../shared is absent. For per-token
//! figures and the differences themselves, use the `compare` example (see bench/nlp/README.md).

use parley_nlp::{Parsed, Pipeline};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const SEP: &str = "\u{1f}";
const FIELDS: [&str; 6] = ["tokens", "tags", "pos", "lemmas", "parse", "entities"];

fn sha(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn fields(p: &Parsed) -> [String; 6] {
    let join = |f: &dyn Fn(&parley_nlp::Token) -> String| -> String {
        p.tokens.iter().map(f).collect::<Vec<_>>().join(SEP)
    };
    [
        join(&|t| format!("{}:{}", t.start, t.end)),
        join(&|t| t.tag.clone()),
        join(&|t| t.pos.clone()),
        join(&|t| t.lemma.clone()),
        join(&|t| format!("{}:{}", t.head, t.dep)),
        p.ents
            .iter()
            .map(|e| format!("{}:{}:{}", e.start, e.end, e.label))
            .collect::<Vec<_>>()
            .join(SEP),
    ]
}

fn shared_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = [
        std::env::var_os("PARLEY_SHARED").map(PathBuf::from),
        Some(root.join("../shared")),
        Some(root.join("../../shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("eval/wcxb-articles").is_dir())
}

fn petrarch_sentences(shared: &Path) -> Vec<String> {
    let path = shared.join("eval/petrarch2-gsr/PETR2_GSR_validation.xml");
    let Ok(xml) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find("<Text>") {
        let after = &rest[i + 6..];
        let Some(j) = after.find("</Text>") else {
            break;
        };
        out.push(after[..j].split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &after[j + 7..];
    }
    out
}

fn text_of(shared: &Path, id: &str, petrarch: &[String]) -> Option<String> {
    if let Some(name) = id.strip_prefix("seed/") {
        return std::fs::read_to_string(shared.join("seeds").join(name)).ok();
    }
    if let Some(name) = id.strip_prefix("wcxb/") {
        let path = shared
            .join("eval/wcxb-articles/dev/ground-truth")
            .join(name);
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
        return v["ground_truth"]["main_content"]
            .as_str()
            .map(str::to_string);
    }
    if let Some(i) = id.strip_prefix("petrarch2-gsr/") {
        return petrarch.get(i.parse::<usize>().ok()?).cloned();
    }
    None
}

#[test]
fn corpus_agrees_with_spacy() {
    let model = match std::env::var_os("PARLEY_NLP_MODEL") {
        Some(p) => PathBuf::from(p),
        None => {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.models/en_core_web_sm-3.8.0")
        }
    };
    if !model.join("config.cfg").exists() {
        eprintln!(
            "SKIP: no model at {}; run scripts/fetch-model.sh",
            model.display()
        );
        return;
    }
    let Some(shared) = shared_dir() else {
        eprintln!("SKIP: ../shared (eval corpora) not found; set PARLEY_SHARED");
        return;
    };
    let nlp = Pipeline::load(&model).expect("model loads");
    let digest = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus.digest.tsv"),
    )
    .expect("digest file");
    let petrarch = petrarch_sentences(&shared);
    let (mut docs, mut skipped, mut tokens) = (0usize, 0usize, 0usize);
    let mut same = [0usize; 6];
    let mut differing: Vec<String> = Vec::new();
    for line in digest.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 9 {
            continue;
        }
        let Some(text) = text_of(&shared, cols[0], &petrarch).filter(|t| sha(t) == cols[1]) else {
            skipped += 1;
            continue;
        };
        let parsed = nlp.analyze(&text);
        docs += 1;
        tokens += parsed.tokens.len();
        for (k, f) in fields(&parsed).iter().enumerate() {
            if sha(f) == cols[3 + k] {
                same[k] += 1;
            } else {
                differing.push(format!("{} {}", cols[0], FIELDS[k]));
            }
        }
    }
    eprintln!(
        "corpus: {docs} documents, {tokens} tokens, {skipped} skipped (text not found or changed)"
    );
    for (k, name) in FIELDS.iter().enumerate() {
        eprintln!("  {name}: {}/{docs} documents identical to spaCy", same[k]);
    }
    for d in differing.iter().take(20) {
        eprintln!("  differs: {d}");
    }
    assert!(docs >= 300 || skipped > 0, "only {docs} documents compared");
    for (k, name) in FIELDS.iter().enumerate() {
        let rate = same[k] as f64 / docs.max(1) as f64;
        assert!(
            rate >= 0.98,
            "{name}: only {}/{docs} documents agree with spaCy",
            same[k]
        );
    }
}
