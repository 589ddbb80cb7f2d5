//! Heap allocations per token, stage by stage: `alloc_count MODEL_DIR TEXTS` (a `.jsonl` with
//! "text" fields, or a text file with one document per line). Runs the corpus twice and
//! prints the second pass (the tokenizer's chunk cache is warm, as in a long run), plus the
//! whole `analyze` of the first pass.
#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{counting, CountingAlloc};
use parley_nlp::msgpack::ThincModel;
use parley_nlp::parser::{DependencyParser, EntityRecognizer};
use parley_nlp::tagger::Tagger;
use parley_nlp::tok2vec::Tok2Vec;
use parley_nlp::Pipeline;
use std::path::Path;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn texts(path: &str) -> Vec<String> {
    let raw = std::fs::read_to_string(path).expect("read texts");
    if path.ends_with(".jsonl") {
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect()
    } else {
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: alloc_count MODEL_DIR TEXTS");
        std::process::exit(2);
    }
    let dir = Path::new(&args[0]);
    let nlp = Pipeline::load(dir).expect("load");
    let model = |c: &str| {
        let bytes = std::fs::read(dir.join(c).join("model")).expect("read model");
        ThincModel::from_bytes(&bytes, c).expect("model")
    };
    let tok2vec = Tok2Vec::from_model(&mut model("tok2vec"), "tok2vec").expect("tok2vec");
    let cfg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("tagger").join("cfg")).expect("cfg"))
            .expect("cfg");
    let tagger = Tagger::load(&mut model("tagger"), &cfg).expect("tagger");
    let parser = DependencyParser::load(dir, tok2vec.width).expect("parser");
    let ner = EntityRecognizer::load(dir).expect("ner");
    let texts = texts(&args[1]);

    let (first_pass, tokens) = counting(|| {
        texts
            .iter()
            .map(|t| nlp.analyze(t).tokens.len())
            .sum::<usize>()
    });
    let mut stages = [0u64; 7];
    for text in &texts {
        let (a, toks) = counting(|| nlp.tokenize(text));
        stages[0] += a;
        let (a, (feats, _norms)) = counting(|| nlp.features(text, &toks));
        stages[1] += a;
        let is_space: Vec<bool> = feats.iter().map(|f| f.is_space == 1).collect();
        let n = toks.len();
        let (a, tensor) = counting(|| tok2vec.forward(&[&feats]).pop().unwrap_or_default());
        stages[2] += a;
        let (a, _tags) = counting(|| tagger.predict(&tensor, n));
        stages[3] += a;
        let (a, parse) = counting(|| parser.parse(&tensor, n, &is_space));
        stages[4] += a;
        let (a, _ents) = counting(|| ner.recognize(&feats, &parse.sent_starts, &is_space));
        stages[5] += a;
        let (a, _) = counting(|| nlp.analyze(text));
        stages[6] += a;
    }
    let per = |a: u64| a as f64 / tokens.max(1) as f64;
    println!(
        "{} documents, {tokens} tokens; allocations per token:",
        texts.len()
    );
    for (name, a) in [
        "tokenize",
        "features",
        "tok2vec",
        "tagger",
        "parser",
        "ner",
        "analyze (all)",
    ]
    .iter()
    .zip(stages)
    {
        println!("  {name:<14} {:8.3}  ({a} in all)", per(a));
    }
    println!(
        "  analyze, first pass (cold tokenizer cache) {:.3}",
        per(first_pass)
    );
}
