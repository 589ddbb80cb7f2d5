//! The inference loops allocate per document, not per token: tok2vec, tagger, parser and NER
//! make as many heap allocations for a text four times as long. Counted with a per-thread
//! counting allocator, so the figures are exact and the same on every run.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{counting, CountingAlloc};
use parley_nlp::msgpack::ThincModel;
use parley_nlp::parser::{DependencyParser, EntityRecognizer};
use parley_nlp::tagger::Tagger;
use parley_nlp::tok2vec::Tok2Vec;
use parley_nlp::Pipeline;
use std::path::PathBuf;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn model_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("PARLEY_NLP_MODEL") {
        Some(p) => PathBuf::from(p),
        None => {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.models/en_core_web_sm-3.8.0")
        }
    };
    if dir.join("config.cfg").exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: no model at {}; run scripts/fetch-model.sh",
            dir.display()
        );
        None
    }
}

/// Allocations of each inference stage (tok2vec, tagger, parser, NER) for one text.
fn stage_allocations(
    nlp: &Pipeline,
    tok2vec: &Tok2Vec,
    tagger: &Tagger,
    parser: &DependencyParser,
    ner: &EntityRecognizer,
    text: &str,
) -> (usize, [u64; 4]) {
    let toks = nlp.tokenize(text);
    let n = toks.len();
    let (feats, _) = nlp.features(text, &toks);
    let is_space: Vec<bool> = feats.iter().map(|f| f.is_space == 1).collect();
    let (a_t2v, tensor) = counting(|| tok2vec.forward(&[&feats]).pop().unwrap_or_default());
    let (a_tag, _) = counting(|| tagger.predict(&tensor, n));
    let (a_parse, parse) = counting(|| parser.parse(&tensor, n, &is_space));
    let (a_ner, _) = counting(|| ner.recognize(&feats, &parse.sent_starts, &is_space));
    (n, [a_t2v, a_tag, a_parse, a_ner])
}

#[test]
fn inference_allocations_do_not_grow_with_the_number_of_tokens() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).unwrap();
    let model = |c: &str| {
        ThincModel::from_bytes(&std::fs::read(dir.join(c).join("model")).unwrap(), c).unwrap()
    };
    let tok2vec = Tok2Vec::from_model(&mut model("tok2vec"), "tok2vec").unwrap();
    let cfg =
        serde_json::from_slice(&std::fs::read(dir.join("tagger").join("cfg")).unwrap()).unwrap();
    let tagger = Tagger::load(&mut model("tagger"), &cfg).unwrap();
    let parser = DependencyParser::load(&dir, tok2vec.width).unwrap();
    let ner = EntityRecognizer::load(&dir).unwrap();

    let sentences = include_str!("../../../bench/nlp/sentences.txt");
    let short: String = sentences.lines().collect::<Vec<_>>().join(" ");
    let long = [short.as_str(); 4].join(" ");
    let (n_short, short_allocs) = stage_allocations(&nlp, &tok2vec, &tagger, &parser, &ner, &short);
    let (n_long, long_allocs) = stage_allocations(&nlp, &tok2vec, &tagger, &parser, &ner, &long);
    assert!(
        n_long >= 4 * n_short && n_short > 500,
        "{n_short} {n_long} tokens"
    );
    for (stage, (s, l)) in ["tok2vec", "tagger", "parser", "ner"]
        .iter()
        .zip(short_allocs.iter().zip(&long_allocs))
    {
        eprintln!("{stage}: {s} allocations for {n_short} tokens, {l} for {n_long}");
        // a few buffers grow once or twice more for the longer text; never one per token
        assert!(
            *l <= s + 4,
            "{stage}: {s} allocations for {n_short} tokens, {l} for {n_long}"
        );
    }
}
