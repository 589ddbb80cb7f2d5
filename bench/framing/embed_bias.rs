//! The sentence-embedding experiment (build with `--features embeddings`; the model comes from
//! scripts/fetch-embedder.sh): BABE sentences embedded by all-MiniLM-L6-v2, then (a) a
//! logistic over the 384 dimensions, (b) the same plus the 11 lexicon features, (c) a small
//! MLP over (b). The L2 weight (and for the MLP the hidden size) and the decision threshold
//! are chosen on a dev part of the train split (sha1(text + "#dev") mod 5 == 0); the head is
//! then refitted on all of train and scored once on the test split.
//!
//! Vectors are cached in the temp directory (keyed by a hash of the texts) so reruns are quick.

use super::logistic::Logistic;
use super::mlp::Mlp;
use super::{sha1_mod5, Confusion, Row};
use parley_analyze::framing::bias::{embedding_features, with_embedding, BiasModel};
use parley_analyze::framing::FramingStage;
use parley_nlp::embed::MiniLm;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

const DIMS: usize = 384;

/// Gradient-descent epochs of the logistic heads.
const EPOCHS: usize = 1500;

/// Embeddings of `texts`, from the cache when it holds them.
pub fn embed_cached(model: &MiniLm, texts: &[String]) -> Result<Vec<Vec<f32>>, String> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    texts.hash(&mut h);
    let cache: PathBuf = std::env::temp_dir().join(format!("parley-babe-{:016x}.f32", h.finish()));
    if let Ok(bytes) = std::fs::read(&cache) {
        if bytes.len() == texts.len() * DIMS * 4 {
            let floats: Vec<f32> = bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            return Ok(floats.chunks(DIMS).map(<[f32]>::to_vec).collect());
        }
    }
    let cpu = super::cpu_seconds();
    let vs = model.embed(texts).map_err(|e| format!("{e:#}"))?;
    let secs = super::cpu_seconds() - cpu;
    println!(
        "  embedded {} sentences in {secs:.1} CPU s ({:.0} sentences per CPU second)",
        texts.len(),
        texts.len() as f64 / secs.max(1e-9)
    );
    let bytes: Vec<u8> = vs.iter().flatten().flat_map(|f| f.to_le_bytes()).collect();
    std::fs::write(&cache, bytes).map_err(|e| format!("{}: {e}", cache.display()))?;
    Ok(vs)
}

/// One example: its input vector and label.
struct Example {
    x: Vec<f64>,
    y: bool,
    dev: bool,
}

/// A fitted head, whatever its kind.
type Head = Box<dyn Fn(&[f64]) -> f64>;

/// The best threshold on `scored` (probability, gold) for macro-F1, from 0.30 to 0.70.
fn best_threshold(scored: &[(f64, bool)]) -> (f64, f64) {
    let mut best = (f64::MIN, 0.5);
    for k in 0..=40 {
        let t = 0.30 + k as f64 * 0.01;
        let mut c = Confusion::default();
        for &(p, y) in scored {
            c.add(p >= t, y);
        }
        if c.macro_f1() > best.0 + 1e-12 {
            best = (c.macro_f1(), t);
        }
    }
    best
}

/// Chooses a setting on dev, refits on all of train, prints the test line; returns the
/// chosen setting's index and threshold.
fn run_variant(
    name: &str,
    settings: &[(String, &dyn Fn(&[Vec<f64>], &[bool]) -> Head)],
    train: &[Example],
    test: &[Example],
) -> (usize, f64) {
    let split = |dev: bool| -> (Vec<Vec<f64>>, Vec<bool>) {
        train
            .iter()
            .filter(|e| e.dev == dev)
            .map(|e| (e.x.clone(), e.y))
            .unzip()
    };
    let (fit_x, fit_y) = split(false);
    let (dev_x, dev_y) = split(true);
    let mut best: (f64, f64, usize) = (f64::MIN, 0.5, 0);
    for (i, (label, fit)) in settings.iter().enumerate() {
        let head = fit(&fit_x, &fit_y);
        let scored: Vec<(f64, bool)> = dev_x.iter().map(|x| head(x)).zip(dev_y.clone()).collect();
        let (f, t) = best_threshold(&scored);
        println!("    {name}: {label}: dev macro-F1 {f:.3} at threshold {t:.2}");
        if f > best.0 {
            best = (f, t, i);
        }
    }
    let (all_x, all_y): (Vec<Vec<f64>>, Vec<bool>) =
        train.iter().map(|e| (e.x.clone(), e.y)).unzip();
    let head = (settings[best.2].1)(&all_x, &all_y);
    let mut c = Confusion::default();
    for e in test {
        c.add(head(&e.x) >= best.1, e.y);
    }
    c.line(&format!(
        "{name} ({}, threshold {:.2} from dev)",
        settings[best.2].0, best.1
    ));
    (best.2, best.1)
}

/// The (b) head in `data/lexicons/bias_embedding_weights.tsv` form: raw-scale weights, the
/// dev threshold folded into the intercept so that 0.5 is the decision point.
fn head_file(m: &Logistic, l2: f64, threshold: f64) -> String {
    let logit = (threshold / (1.0 - threshold)).ln();
    let mut out = format!(
        "# Logistic head of the sentence bias score with sentence embeddings\n\
         # (crates/analyze/src/framing/bias.rs, used when parley is built with `--features\n\
         # embeddings` and .models/all-minilm-l6-v2 is there). feature<TAB>weight; \"bias\" is the\n\
         # intercept; e0 … e383 weigh the all-MiniLM-L6-v2 embedding (unit length, mean-pooled).\n\
         # TRAINED on the BABE SG2 train split (rows whose sha1(text) mod 5 != 0; BABE is\n\
         # AGPL-3.0, Spinde et al. 2021): logistic regression on standardised inputs, L2 {l2}\n\
         # and threshold {threshold:.2} chosen on a dev part of train (sha1(text + \"#dev\") mod 5\n\
         # == 0), refitted on all of train; the threshold is folded into the intercept. Written by\n\
         #   FRAMING_BENCH_HEAD=data/lexicons/bias_embedding_weights.tsv \\\n\
         #   cargo run --release -p parley-analyze --features embeddings --example framing-bench -- babe-embed ../shared\n\
         # Only these 396 numbers come from BABE; no BABE text is in the repository. Whether\n\
         # weights fitted on AGPL data are a derived work is an open licence question (README).\n\
         bias\t{:.6}\n",
        m.raw_intercept() - logit
    );
    for (name, w) in embedding_features().iter().zip(m.raw_weights()) {
        out.push_str(&format!("{name}\t{w:.6}\n"));
    }
    out
}

pub fn experiment(stage: &FramingStage, train: &[&Row], test: &[&Row]) -> Result<(), String> {
    let dir = MiniLm::default_dir()
        .ok_or("no .models/all-minilm-l6-v2 here or above; run scripts/fetch-embedder.sh")?;
    let model = MiniLm::load(&dir).map_err(|e| format!("{e:#}"))?;
    println!("sentence embeddings (all-MiniLM-L6-v2, {}):", dir.display());
    let rows: Vec<&Row> = train.iter().chain(test).copied().collect();
    let texts: Vec<String> = rows.iter().map(|r| r.text.clone()).collect();
    let vectors = embed_cached(&model, &texts)?;
    let examples = |with_lexicon: bool| -> (Vec<Example>, Vec<Example>) {
        rows.iter()
            .zip(&vectors)
            .map(|(r, v)| {
                let x = if with_lexicon {
                    with_embedding(stage.sentence_features(&r.text), v)
                } else {
                    v.iter().map(|&f| f as f64).collect()
                };
                Example {
                    x,
                    y: r.biased,
                    dev: sha1_mod5(&format!("{}#dev", r.text)) == 0,
                }
            })
            .partition(|_| true)
    };
    let n_train = train.len();
    let split = |(all, _): (Vec<Example>, Vec<Example>)| {
        let mut all = all;
        let test = all.split_off(n_train);
        (all, test)
    };
    let logistic = |l2: f64| {
        move |xs: &[Vec<f64>], ys: &[bool]| -> Head {
            let m = Logistic::train(xs, ys, l2, EPOCHS);
            Box::new(move |x: &[f64]| m.predict(x))
        }
    };
    let mlp = |hidden: usize, l2: f64| {
        move |xs: &[Vec<f64>], ys: &[bool]| -> Head {
            let m = Mlp::train(xs, ys, hidden, l2, 20);
            Box::new(move |x: &[f64]| m.predict(x))
        }
    };
    let l2s = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0];
    let fits: Vec<_> = l2s.iter().map(|&l2| logistic(l2)).collect();
    let settings: Vec<(String, &dyn Fn(&[Vec<f64>], &[bool]) -> Head)> = l2s
        .iter()
        .zip(&fits)
        .map(|(l2, f)| {
            (
                format!("l2 {l2}"),
                f as &dyn Fn(&[Vec<f64>], &[bool]) -> Head,
            )
        })
        .collect();
    let (tr, te) = split(examples(false));
    run_variant("(a) embeddings, logistic", &settings, &tr, &te);
    let (tr, te) = split(examples(true));
    let (k, threshold) = run_variant("(b) embeddings + lexicon, logistic", &settings, &tr, &te);
    if let Some(path) = std::env::var_os("FRAMING_BENCH_HEAD") {
        let (xs, ys): (Vec<Vec<f64>>, Vec<bool>) = tr.iter().map(|e| (e.x.clone(), e.y)).unzip();
        let m = Logistic::train(&xs, &ys, l2s[k], EPOCHS);
        std::fs::write(&path, head_file(&m, l2s[k], threshold))
            .map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
        println!("  wrote the (b) head to {}", path.to_string_lossy());
    }
    match BiasModel::shipped_with_embeddings() {
        Ok(head) => {
            let mut c = Confusion::default();
            for e in &te {
                c.add(head.score(&e.x) >= 0.5, e.y);
            }
            c.line("shipped head (bias_embedding_weights.tsv) >= 0.5");
        }
        Err(e) => println!("  no shipped head: {e}"),
    }
    let grid = [(16, 0.001), (32, 0.001), (32, 0.01), (64, 0.003)];
    let mlps: Vec<_> = grid.iter().map(|&(h, l2)| mlp(h, l2)).collect();
    let settings: Vec<(String, &dyn Fn(&[Vec<f64>], &[bool]) -> Head)> = grid
        .iter()
        .zip(&mlps)
        .map(|((h, l2), f)| {
            (
                format!("hidden {h}, l2 {l2}"),
                f as &dyn Fn(&[Vec<f64>], &[bool]) -> Head,
            )
        })
        .collect();
    run_variant("(c) embeddings + lexicon, MLP", &settings, &tr, &te);
    Ok(())
}

/// Articles the speed figure reads (the embedder makes the full WCXB dev set slow).
const SPEED_ARTICLES: usize = 40;

/// CPU cost of the framing stage (text layer + framing + claims) with the embedding head, over
/// the first [`SPEED_ARTICLES`] WCXB dev bodies (in file-name order).
pub fn speed(stage: &FramingStage, bodies: &[String]) -> Result<(), String> {
    if !stage.uses_embeddings() {
        return Err("the framing stage did not load the embedder".into());
    }
    let mut bodies: Vec<&String> = bodies.iter().collect();
    bodies.sort();
    bodies.truncate(SPEED_ARTICLES);
    let mut sentences = 0;
    let cpu = super::cpu_seconds();
    for body in &bodies {
        let layer = parley_core::TextLayer::new(body);
        let (spans, quotations) = parley_analyze::framing::layer_spans(&layer);
        let (f, _) = stage.analyze_with_claims(body, "", &spans, &quotations);
        sentences += f.sentences.len();
    }
    let secs = super::cpu_seconds() - cpu;
    println!(
        "speed with embeddings (WCXB dev, first {} bodies by text, 1 thread): {sentences} sentences in {secs:.1} CPU s = {:.0} sentences per CPU second",
        bodies.len(),
        sentences as f64 / secs.max(1e-9)
    );
    Ok(())
}
