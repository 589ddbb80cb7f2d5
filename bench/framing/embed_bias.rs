//! The sentence-embedding experiment (build with `--features embeddings`; the model comes from
//! scripts/fetch-embedder.sh). Every BABE sentence is run through all-MiniLM-L6-v2 once; the
//! runner keeps vectors pooled from several layers (the product's own pooling,
//! `framing::embedded::input_values`) and the token vectors of two layers. Heads:
//!
//! - (a) a logistic over the sentence embedding `e` (last layer, mean-pooled, unit length);
//! - (b) the same plus the 11 lexicon features; (c) a small MLP over (b);
//! - pooled variants: (b) plus the mean or maximum over the tokens of other layers;
//! - token variants: a token head (a logistic over one layer's token vectors, trained on
//!   BABE's `biased_words`: is this word piece part of a biased word?) scores every word piece,
//!   and the sentence head reads the highest score and the mean of the three highest;
//! - n-gram variants (bench only): a compact word uni/bigram logistic (`ngram.rs`, n-grams seen in at
//!   least 3 training sentences, the strongest few thousand kept) whose log-odds the sentence
//!   head reads (stacking: for the rows a head is fitted on, the log-odds come from 5-fold
//!   cross-fitting, so the head does not learn from scores of sentences the n-gram model saw).
//!
//! Every setting (L2, layers, threshold) is chosen on a dev part of the train split
//! (sha1(text + "#dev") mod 5 == 0): heads are fitted on train minus dev, the token head too;
//! the chosen sentence head is then refitted on all of train and scored once on the test
//! split. `FRAMING_BENCH_HEAD=DIR` writes the best dev variant's head (and its token head) to
//! DIR/bias_embedding_weights.tsv and DIR/bias_token_weights.tsv (with `FRAMING_BENCH_VARIANTS=g,i`
//! only those variants run). The last line scores the
//! test split through the framing stage itself (`FramingStage::analyze`, the shipped files).
//!
//! What the runner keeps of the model's output is cached in the temp directory (keyed by a
//! hash of the texts and of the pooled inputs' names), so reruns skip the model.

use super::logistic::{Logistic, SparseLogistic};
use super::mlp::Mlp;
use super::ngram::{ngrams, NgramModel};
use super::{sha1_mod5, Confusion, Row};
use parley_analyze::framing::bias::FEATURES;
use parley_analyze::framing::embedded::{input_values, top_scores, Input, Sentence};
use parley_analyze::framing::{segment, words::scan_words, FramingStage};
use parley_core::Span;
use parley_nlp::embed::MiniLm;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

const DIMS: usize = 384;

/// Gradient-descent epochs of the sentence heads and of the token head.
const EPOCHS: usize = 1500;
const TOKEN_EPOCHS: usize = 300;

/// The token head's L2 weight (it sees ~90k word pieces, so little is needed).
const TOKEN_L2: f64 = 0.001;

/// Layers whose token vectors the runner keeps for the token head.
const TOKEN_LAYERS: [usize; 2] = [4, 6];

/// Pooled inputs the runner keeps: (name prefix, how the name ends), 384 dimensions each.
const POOLS: [&str; 8] = [
    "e", "mean0_", "mean2_", "mean3_", "mean4_", "mean5_", "max4_", "max6_",
];

fn pool_names(prefix: &str) -> Vec<String> {
    (0..DIMS).map(|k| format!("{prefix}{k}")).collect()
}

/// What the runner keeps of one sentence.
struct Encoded {
    /// The [`POOLS`] inputs, in order.
    pooled: Vec<f32>,
    /// Byte spans of the word pieces ([CLS] and [SEP] left out).
    offsets: Vec<(u32, u32)>,
    /// For each of [`TOKEN_LAYERS`], one vector per word piece.
    tokens: Vec<Vec<Vec<f32>>>,
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend(v.to_le_bytes());
}

fn push_f32s(out: &mut Vec<u8>, vs: &[f32]) {
    out.extend(vs.iter().flat_map(|f| f.to_le_bytes()));
}

fn to_bytes(encoded: &[Encoded]) -> Vec<u8> {
    let mut out = Vec::new();
    push_u32(&mut out, encoded.len() as u32);
    for e in encoded {
        push_u32(&mut out, e.offsets.len() as u32);
        for &(s, t) in &e.offsets {
            push_u32(&mut out, s);
            push_u32(&mut out, t);
        }
        push_f32s(&mut out, &e.pooled);
        for layer in &e.tokens {
            for v in layer {
                push_f32s(&mut out, v);
            }
        }
    }
    out
}

/// A reader over the cache's bytes; `None` once they run out.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn u32(&mut self) -> Option<u32> {
        let (head, rest) = self.0.split_at_checked(4)?;
        self.0 = rest;
        Some(u32::from_le_bytes(head.try_into().ok()?))
    }
    fn f32s(&mut self, n: usize) -> Option<Vec<f32>> {
        let (head, rest) = self.0.split_at_checked(n * 4)?;
        self.0 = rest;
        Some(
            head.chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
        )
    }
}

fn from_bytes(bytes: &[u8]) -> Option<Vec<Encoded>> {
    let mut r = Reader(bytes);
    let n = r.u32()? as usize;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let k = r.u32()? as usize;
        let offsets = (0..k)
            .map(|_| Some((r.u32()?, r.u32()?)))
            .collect::<Option<Vec<_>>>()?;
        let pooled = r.f32s(POOLS.len() * DIMS)?;
        let tokens = TOKEN_LAYERS
            .iter()
            .map(|_| (0..k).map(|_| r.f32s(DIMS)).collect::<Option<Vec<_>>>())
            .collect::<Option<Vec<_>>>()?;
        out.push(Encoded {
            pooled,
            offsets,
            tokens,
        });
    }
    r.0.is_empty().then_some(out)
}

/// Runs the model over `texts` (or reads the cache) and keeps what the heads read.
fn encode_cached(model: &MiniLm, texts: &[String]) -> Result<Vec<Encoded>, String> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    texts.hash(&mut h);
    POOLS.hash(&mut h);
    TOKEN_LAYERS.hash(&mut h);
    let cache: PathBuf =
        std::env::temp_dir().join(format!("parley-babe-layers-{:016x}.bin", h.finish()));
    if let Some(encoded) = std::fs::read(&cache).ok().and_then(|b| from_bytes(&b)) {
        if encoded.len() == texts.len() {
            return Ok(encoded);
        }
    }
    let inputs: Vec<Input> = POOLS
        .iter()
        .flat_map(|p| pool_names(p))
        .map(|n| Input::parse(&n).ok_or(format!("{n} is not an input")))
        .collect::<Result<_, _>>()?;
    // Sorted by length so that batches pad little; a few hundred texts at a time.
    let mut order: Vec<usize> = (0..texts.len()).collect();
    order.sort_by_key(|&i| texts[i].len());
    let mut out: Vec<Option<Encoded>> = (0..texts.len()).map(|_| None).collect();
    let cpu = super::cpu_seconds();
    for chunk in order.chunks(256) {
        let batch: Vec<String> = chunk.iter().map(|&i| texts[i].clone()).collect();
        let hidden = model.hidden_states(&batch).map_err(|e| format!("{e:#}"))?;
        for (&i, h) in chunk.iter().zip(&hidden) {
            let pooled = input_values(
                &inputs,
                &Sentence {
                    lexicon: &[],
                    hidden: h,
                    token_scores: &[],
                },
            );
            let keep: Vec<usize> = (0..h.offsets.len())
                .filter(|&t| h.offsets[t].1 > h.offsets[t].0)
                .collect();
            out[i] = Some(Encoded {
                pooled: pooled.iter().map(|&v| v as f32).collect(),
                offsets: keep
                    .iter()
                    .map(|&t| (h.offsets[t].0 as u32, h.offsets[t].1 as u32))
                    .collect(),
                tokens: TOKEN_LAYERS
                    .iter()
                    .map(|&l| keep.iter().map(|&t| h.layers[l][t].clone()).collect())
                    .collect(),
            });
        }
    }
    let secs = super::cpu_seconds() - cpu;
    println!(
        "  ran the model over {} sentences in {secs:.1} CPU s ({:.0} sentences per CPU second, every layer kept)",
        texts.len(),
        texts.len() as f64 / secs.max(1e-9)
    );
    let out: Vec<Encoded> = out.into_iter().flatten().collect();
    std::fs::write(&cache, to_bytes(&out)).map_err(|e| format!("{}: {e}", cache.display()))?;
    Ok(out)
}

/// Whether each word piece of `text` lies in one of the sentence's `biased` words.
fn token_labels(text: &str, offsets: &[(u32, u32)], biased: &[String]) -> Vec<bool> {
    let biased: HashSet<String> = biased
        .iter()
        .flat_map(|w| scan_words(w, 0))
        .map(|w| w.norm)
        .collect();
    let words = scan_words(text, 0);
    offsets
        .iter()
        .map(|&(s, e)| {
            let piece = Span::new(s as usize, e as usize);
            words.iter().any(|w| {
                w.span.start < piece.end && piece.start < w.span.end && biased.contains(&w.norm)
            })
        })
        .collect()
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

/// The chosen setting of a variant: its index, dev macro-F1 and threshold.
struct Chosen {
    setting: usize,
    dev_f1: f64,
    threshold: f64,
}

/// Chooses a setting on dev (heads fitted on train minus dev of `train`), refits on all of
/// `train_final`, prints the test line. (The two differ only in a stacked input.)
fn run_variant(
    name: &str,
    settings: &[(String, &dyn Fn(&[Vec<f64>], &[bool]) -> Head)],
    train: &[Example],
    train_final: &[Example],
    test: &[Example],
) -> Chosen {
    let split = |dev: bool| -> (Vec<Vec<f64>>, Vec<bool>) {
        train
            .iter()
            .filter(|e| e.dev == dev)
            .map(|e| (e.x.clone(), e.y))
            .unzip()
    };
    let (fit_x, fit_y) = split(false);
    let (dev_x, dev_y) = split(true);
    let mut best = Chosen {
        setting: 0,
        dev_f1: f64::MIN,
        threshold: 0.5,
    };
    for (i, (label, fit)) in settings.iter().enumerate() {
        let head = fit(&fit_x, &fit_y);
        let scored: Vec<(f64, bool)> = dev_x.iter().map(|x| head(x)).zip(dev_y.clone()).collect();
        let (f, t) = best_threshold(&scored);
        println!("    {name}: {label}: dev macro-F1 {f:.3} at threshold {t:.2}");
        if f > best.dev_f1 {
            best = Chosen {
                setting: i,
                dev_f1: f,
                threshold: t,
            };
        }
    }
    let (all_x, all_y): (Vec<Vec<f64>>, Vec<bool>) =
        train_final.iter().map(|e| (e.x.clone(), e.y)).unzip();
    let head = (settings[best.setting].1)(&all_x, &all_y);
    let mut c = Confusion::default();
    for e in test {
        c.add(head(&e.x) >= best.threshold, e.y);
    }
    c.line(&format!(
        "{name} ({}, threshold {:.2}, dev {:.3})",
        settings[best.setting].0, best.threshold, best.dev_f1
    ));
    best
}

/// A head file: raw-scale weights named by `names`, the dev threshold (if any) folded into the
/// intercept so that 0.5 is the decision point, under `comment`.
fn head_file(comment: &str, names: &[String], m: &Logistic, threshold: f64) -> String {
    let logit = (threshold / (1.0 - threshold)).ln();
    let mut out: String = comment.lines().map(|l| format!("# {l}\n")).collect();
    out.push_str(&format!("bias\t{:.6}\n", m.raw_intercept() - logit));
    for (name, w) in names.iter().zip(m.raw_weights()) {
        out.push_str(&format!("{name}\t{w:.6}\n"));
    }
    out
}

/// A sentence-head variant: which pooled inputs (indices into [`POOLS`]), which token head
/// (index into [`TOKEN_LAYERS`]) and whether the n-gram log-odds it reads besides (or, for (a),
/// instead of) the lexicon features.
struct Variant {
    name: &'static str,
    lexicon: bool,
    pools: &'static [usize],
    token_layer: Option<usize>,
    ngram: bool,
}

const VARIANTS: [Variant; 13] = [
    Variant {
        name: "(a) e",
        lexicon: false,
        pools: &[0],
        token_layer: None,
        ngram: false,
    },
    Variant {
        name: "(b) lexicon + e",
        lexicon: true,
        pools: &[0],
        token_layer: None,
        ngram: false,
    },
    Variant {
        name: "(d) lexicon + e + max6",
        lexicon: true,
        pools: &[0, 7],
        token_layer: None,
        ngram: false,
    },
    Variant {
        name: "(e) lexicon + e + mean4",
        lexicon: true,
        pools: &[0, 4],
        token_layer: None,
        ngram: false,
    },
    Variant {
        name: "(g) lexicon + e + mean0",
        lexicon: true,
        pools: &[0, 1],
        token_layer: None,
        ngram: false,
    },
    Variant {
        name: "(h) lexicon + e + tokens(6)",
        lexicon: true,
        pools: &[0],
        token_layer: Some(1),
        ngram: false,
    },
    Variant {
        name: "(i) lexicon + e + tokens(4)",
        lexicon: true,
        pools: &[0],
        token_layer: Some(0),
        ngram: false,
    },
    Variant {
        name: "(j) lexicon + e + mean4 + tokens(6)",
        lexicon: true,
        pools: &[0, 4],
        token_layer: Some(1),
        ngram: false,
    },
    Variant {
        name: "(k) lexicon + e + n-grams",
        lexicon: true,
        pools: &[0],
        token_layer: None,
        ngram: true,
    },
    Variant {
        name: "(l) lexicon + e + tokens(6) + n-grams",
        lexicon: true,
        pools: &[0],
        token_layer: Some(1),
        ngram: true,
    },
    Variant {
        name: "(m) lexicon + e + mean4 + tokens(6) + n-grams",
        lexicon: true,
        pools: &[0, 4],
        token_layer: Some(1),
        ngram: true,
    },
    Variant {
        name: "(n) lexicon + e + tokens(4) + n-grams",
        lexicon: true,
        pools: &[0],
        token_layer: Some(0),
        ngram: true,
    },
    Variant {
        name: "(o) lexicon + e + mean0 + tokens(4)",
        lexicon: true,
        pools: &[0, 1],
        token_layer: Some(0),
        ngram: false,
    },
];

/// N-grams a sentence must share with this many training sentences to get a weight.
const NGRAM_MIN_SENTENCES: usize = 3;

/// Fits the n-gram model on the rows `pick` selects: a sparse logistic (L2 `l2`) over the
/// n-grams seen in at least [`NGRAM_MIN_SENTENCES`] of them, pruned to the `keep` largest
/// weights and refitted on those.
fn fit_ngrams(
    grams: &[Vec<String>],
    ys: &[bool],
    pick: &[usize],
    l2: f64,
    keep: usize,
) -> NgramModel {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &i in pick {
        for g in &grams[i] {
            *seen.entry(g).or_default() += 1;
        }
    }
    let mut vocab: Vec<&str> = seen
        .iter()
        .filter(|(_, &n)| n >= NGRAM_MIN_SENTENCES)
        .map(|(g, _)| *g)
        .collect();
    vocab.sort_unstable();
    let fit = |vocab: &[&str]| -> (SparseLogistic, Vec<String>) {
        let ids: HashMap<&str, usize> = vocab.iter().enumerate().map(|(k, g)| (*g, k)).collect();
        let xs: Vec<Vec<usize>> = pick
            .iter()
            .map(|&i| {
                grams[i]
                    .iter()
                    .filter_map(|g| ids.get(g.as_str()).copied())
                    .collect()
            })
            .collect();
        let y: Vec<bool> = pick.iter().map(|&i| ys[i]).collect();
        let m = SparseLogistic::train(&xs, &y, vocab.len(), l2, 30);
        (m, vocab.iter().map(|g| g.to_string()).collect())
    };
    let (m, names) = fit(&vocab);
    let mut ranked: Vec<usize> = (0..names.len()).collect();
    ranked.sort_by(|&a, &b| {
        m.weights()[b]
            .abs()
            .total_cmp(&m.weights()[a].abs())
            .then(a.cmp(&b))
    });
    let mut kept: Vec<&str> = ranked.iter().take(keep).map(|&k| vocab[k]).collect();
    kept.sort_unstable();
    let (m, names) = fit(&kept);
    NgramModel {
        intercept: m.intercept(),
        weights: names.into_iter().zip(m.weights().iter().copied()).collect(),
    }
}

/// Log-odds for every row: rows of `pool` cross-fitted (5 folds of `pool`), the others
/// scored by a model fitted on all of `pool`.
fn stacked_logits(
    grams: &[Vec<String>],
    ys: &[bool],
    texts: &[String],
    pool: &[usize],
    l2: f64,
    keep: usize,
) -> Vec<f64> {
    let whole = fit_ngrams(grams, ys, pool, l2, keep);
    let mut out: Vec<f64> = texts.iter().map(|t| whole.logit(t)).collect();
    for fold in 0..5 {
        let (held, rest): (Vec<(usize, usize)>, Vec<(usize, usize)>) = pool
            .iter()
            .copied()
            .enumerate()
            .partition(|(j, _)| j % 5 == fold);
        let rest: Vec<usize> = rest.into_iter().map(|(_, i)| i).collect();
        let m = fit_ngrams(grams, ys, &rest, l2, keep);
        for (_, i) in held {
            out[i] = m.logit(&texts[i]);
        }
    }
    out
}

/// A fitted token head: the bench's logistic and its layer.
struct TokenFit {
    layer: usize,
    model: Logistic,
}

/// Fits a token head over the word pieces of the rows `fit` selects.
fn fit_token_head(
    k: usize,
    rows: &[&Row],
    encoded: &[Encoded],
    fit: &dyn Fn(usize) -> bool,
) -> TokenFit {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for (i, (r, e)) in rows.iter().zip(encoded).enumerate() {
        if !fit(i) {
            continue;
        }
        let labels = token_labels(&r.text, &e.offsets, &r.words);
        for (v, y) in e.tokens[k].iter().zip(labels) {
            xs.push(v.iter().map(|&f| f as f64).collect::<Vec<f64>>());
            ys.push(y);
        }
    }
    let positives = ys.iter().filter(|&&y| y).count();
    let cpu = super::cpu_seconds();
    let model = Logistic::train(&xs, &ys, TOKEN_L2, TOKEN_EPOCHS);
    println!(
        "    token head, layer {}: {} word pieces ({positives} in biased words), fitted in {:.0} CPU s",
        TOKEN_LAYERS[k],
        xs.len(),
        super::cpu_seconds() - cpu
    );
    TokenFit { layer: k, model }
}

/// (max, top-3 mean) token scores of one sentence.
fn token_features(t: &TokenFit, e: &Encoded) -> [f64; 2] {
    let scores: Vec<f64> = e.tokens[t.layer]
        .iter()
        .map(|v| {
            t.model
                .predict(&v.iter().map(|&f| f as f64).collect::<Vec<_>>())
        })
        .collect();
    let (max, top3) = top_scores(&scores);
    [max, top3]
}

/// Word-piece precision / recall / F1 of a token head (score >= 0.5) on the rows `pick` selects.
fn token_line(
    name: &str,
    t: &TokenFit,
    rows: &[&Row],
    encoded: &[Encoded],
    pick: &dyn Fn(usize) -> bool,
) {
    let mut c = Confusion::default();
    for (i, (r, e)) in rows.iter().zip(encoded).enumerate() {
        if !pick(i) {
            continue;
        }
        let labels = token_labels(&r.text, &e.offsets, &r.words);
        for (v, y) in e.tokens[t.layer].iter().zip(labels) {
            let p = t
                .model
                .predict(&v.iter().map(|&f| f as f64).collect::<Vec<_>>());
            c.add(p >= 0.5, y);
        }
    }
    c.line(name);
}

pub fn experiment(stage: &FramingStage, train: &[&Row], test: &[&Row]) -> Result<(), String> {
    let dir = MiniLm::default_dir()
        .ok_or("no .models/all-minilm-l6-v2 here or above; run scripts/fetch-embedder.sh")?;
    let model = MiniLm::load(&dir).map_err(|e| format!("{e:#}"))?;
    println!("sentence embeddings (all-MiniLM-L6-v2, {}):", dir.display());
    let rows: Vec<&Row> = train.iter().chain(test).copied().collect();
    let texts: Vec<String> = rows.iter().map(|r| r.text.clone()).collect();
    let encoded = encode_cached(&model, &texts)?;
    let lexicon: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| stage.sentence_features(&r.text))
        .collect();
    let dev: Vec<bool> = rows
        .iter()
        .map(|r| sha1_mod5(&format!("{}#dev", r.text)) == 0)
        .collect();
    let n_train = train.len();
    let fit_rows = |i: usize| i < n_train && !dev[i];

    // Token heads, fitted on train minus dev.
    let token_fits: Vec<TokenFit> = (0..TOKEN_LAYERS.len())
        .map(|k| fit_token_head(k, &rows, &encoded, &fit_rows))
        .collect();
    for t in &token_fits {
        let name = format!(
            "token head layer {}, dev word pieces",
            TOKEN_LAYERS[t.layer]
        );
        token_line(&name, t, &rows, &encoded, &|i| i < n_train && dev[i]);
    }
    let token_feats: Vec<Vec<[f64; 2]>> = token_fits
        .iter()
        .map(|t| encoded.iter().map(|e| token_features(t, e)).collect())
        .collect();

    let logistic = |l2: f64| {
        move |xs: &[Vec<f64>], ys: &[bool]| -> Head {
            let m = Logistic::train(xs, ys, l2, EPOCHS);
            Box::new(move |x: &[f64]| m.predict(x))
        }
    };
    let l2s = [0.01, 0.03, 0.1, 0.3, 1.0];
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
    // The n-gram model: L2 and size chosen on dev as a model of its own.
    let grams: Vec<Vec<String>> = texts.iter().map(|t| ngrams(t)).collect();
    let ys: Vec<bool> = rows.iter().map(|r| r.biased).collect();
    let fit_idx: Vec<usize> = (0..n_train).filter(|&i| !dev[i]).collect();
    let all_train: Vec<usize> = (0..n_train).collect();
    let mut ngram_best = (f64::MIN, 0.0, 0);
    for l2 in [0.001, 0.003, 0.01] {
        for keep in [1000, 3000] {
            let m = fit_ngrams(&grams, &ys, &fit_idx, l2, keep);
            let scored: Vec<(f64, bool)> = (0..n_train)
                .filter(|&i| dev[i])
                .map(|i| (1.0 / (1.0 + (-m.logit(&texts[i])).exp()), ys[i]))
                .collect();
            let (f, _) = best_threshold(&scored);
            println!(
                "    n-gram model: l2 {l2}, {keep} kept ({} n-grams): dev macro-F1 {f:.3}",
                m.weights.len()
            );
            if f > ngram_best.0 {
                ngram_best = (f, l2, keep);
            }
        }
    }
    let (_, ngram_l2, ngram_keep) = ngram_best;
    let ngram_select = stacked_logits(&grams, &ys, &texts, &fit_idx, ngram_l2, ngram_keep);
    let ngram_final = stacked_logits(&grams, &ys, &texts, &all_train, ngram_l2, ngram_keep);
    let ngram_shipped = fit_ngrams(&grams, &ys, &all_train, ngram_l2, ngram_keep);
    let mut c = Confusion::default();
    for i in n_train..rows.len() {
        c.add(ngram_shipped.logit(&texts[i]) >= 0.0, ys[i]);
    }
    c.line(&format!(
        "n-gram model alone (l2 {ngram_l2}, {ngram_keep} kept, >= 0.5)"
    ));

    // Inputs of a variant: names, train examples for the dev choice, for the final fit, test.
    let inputs = |v: &Variant| -> (Vec<String>, Vec<Example>, Vec<Example>, Vec<Example>) {
        let mut names: Vec<String> = Vec::new();
        if v.lexicon {
            names.extend(FEATURES.iter().map(|f| f.to_string()));
        }
        for &p in v.pools {
            names.extend(pool_names(POOLS[p]));
        }
        if v.token_layer.is_some() {
            names.extend(["tok_max".to_string(), "tok_top3".to_string()]);
        }
        if v.ngram {
            names.push("ngram_logit".to_string());
        }
        let examples = |ngram: &[f64]| -> Vec<Example> {
            (0..rows.len())
                .map(|i| {
                    let mut x = if v.lexicon {
                        lexicon[i].clone()
                    } else {
                        Vec::new()
                    };
                    for &p in v.pools {
                        x.extend(
                            encoded[i].pooled[p * DIMS..(p + 1) * DIMS]
                                .iter()
                                .map(|&f| f as f64),
                        );
                    }
                    if let Some(k) = v.token_layer {
                        x.extend(token_feats[k][i]);
                    }
                    if v.ngram {
                        x.push(ngram[i]);
                    }
                    Example {
                        x,
                        y: rows[i].biased,
                        dev: dev[i],
                    }
                })
                .collect()
        };
        let mut select = examples(&ngram_select);
        select.truncate(n_train);
        let mut final_train = examples(&ngram_final);
        let test = final_train.split_off(n_train);
        (names, select, final_train, test)
    };
    let mut best: Option<(usize, Chosen)> = None;
    // FRAMING_BENCH_VARIANTS=g,i runs only those variants (by letter), to save time.
    let only: Option<Vec<String>> = std::env::var("FRAMING_BENCH_VARIANTS")
        .ok()
        .map(|v| v.split(',').map(|l| format!("({})", l.trim())).collect());
    for (vi, v) in VARIANTS.iter().enumerate() {
        if only
            .as_ref()
            .is_some_and(|o| !o.iter().any(|l| v.name.starts_with(l.as_str())))
        {
            continue;
        }
        let (_, select, final_train, te) = inputs(v);
        let chosen = run_variant(v.name, &settings, &select, &final_train, &te);
        if vi == 1 && std::env::var_os("FRAMING_BENCH_MLP").is_some() {
            let mlp = |hidden: usize, l2: f64| {
                move |xs: &[Vec<f64>], ys: &[bool]| -> Head {
                    let m = Mlp::train(xs, ys, hidden, l2, 20);
                    Box::new(move |x: &[f64]| m.predict(x))
                }
            };
            let grid = [(16, 0.001), (32, 0.001), (32, 0.01), (64, 0.003)];
            let mlps: Vec<_> = grid.iter().map(|&(h, l2)| mlp(h, l2)).collect();
            let mlp_settings: Vec<(String, &dyn Fn(&[Vec<f64>], &[bool]) -> Head)> = grid
                .iter()
                .zip(&mlps)
                .map(|((h, l2), f)| {
                    (
                        format!("hidden {h}, l2 {l2}"),
                        f as &dyn Fn(&[Vec<f64>], &[bool]) -> Head,
                    )
                })
                .collect();
            run_variant(
                "(c) lexicon + e, MLP",
                &mlp_settings,
                &select,
                &final_train,
                &te,
            );
        }
        if best
            .as_ref()
            .is_none_or(|(_, b)| chosen.dev_f1 > b.dev_f1 + 1e-9)
        {
            best = Some((vi, chosen));
        }
    }
    let (vi, chosen) = best.ok_or("no variant")?;
    let v = &VARIANTS[vi];
    println!(
        "  best on dev: {} (dev macro-F1 {:.3})",
        v.name, chosen.dev_f1
    );
    if let Some(out) = std::env::var_os("FRAMING_BENCH_HEAD") {
        if v.ngram {
            return Err(
                "the n-gram model is bench-only; the framing stage cannot read ngram_logit".into(),
            );
        }
        let dir = PathBuf::from(out);
        let (names, _, final_train, _) = inputs(v);
        write_heads(
            &dir,
            v,
            &chosen,
            l2s[chosen.setting],
            &names,
            &final_train,
            &token_fits,
        )?;
    }
    shipped_line(stage, test)
}

/// Writes the chosen head (refitted on all of train) and, if it reads token scores, its token
/// head into `dir`.
fn write_heads(
    dir: &std::path::Path,
    v: &Variant,
    chosen: &Chosen,
    l2: f64,
    names: &[String],
    train: &[Example],
    token_fits: &[TokenFit],
) -> Result<(), String> {
    let write = |file: &str, text: String| {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  wrote {}", path.display());
        Ok::<(), String>(())
    };
    let (xs, ys): (Vec<Vec<f64>>, Vec<bool>) = train.iter().map(|e| (e.x.clone(), e.y)).unzip();
    let m = Logistic::train(&xs, &ys, l2, EPOCHS);
    let rerun = "  FRAMING_BENCH_HEAD=data/lexicons \\\n  cargo run --release -p parley-analyze --features embeddings --example framing-bench -- babe-embed ../shared";
    write(
        "bias_embedding_weights.tsv",
        head_file(
            &format!(
                "Logistic head of the sentence bias score with all-MiniLM-L6-v2 (crates/analyze/src/\n\
                 framing/embedded.rs names the inputs; used when parley is built with `--features\n\
                 embeddings` and .models/all-minilm-l6-v2 is there). Variant {}.\n\
                 feature<TAB>weight; \"bias\" is the intercept.\n\
                 TRAINED on the BABE SG2 train split (rows whose sha1(text) mod 5 != 0; BABE is\n\
                 AGPL-3.0, Spinde et al. 2021): logistic regression on standardised inputs; the\n\
                 variant, L2 {l2} and threshold {:.2} chosen on a dev part of train (sha1(text +\n\
                 \"#dev\") mod 5 == 0), refitted on all of train; the threshold is folded into the\n\
                 intercept. Written by\n{rerun}\n\
                 Only these {} numbers come from BABE; no BABE text is in the repository. Whether\n\
                 weights fitted on AGPL data are a derived work is an open licence question (README).",
                v.name,
                chosen.threshold,
                names.len() + 1
            ),
            names,
            &m,
            chosen.threshold,
        ),
    )?;
    if let Some(k) = v.token_layer {
        let t = &token_fits[k];
        let layer = TOKEN_LAYERS[t.layer];
        let names: Vec<String> = (0..DIMS).map(|d| format!("t{layer}_{d}")).collect();
        write(
            "bias_token_weights.tsv",
            head_file(
                &format!(
                    "Token head of the sentence bias score (crates/analyze/src/framing/embedded.rs):\n\
                     a logistic over all-MiniLM-L6-v2's layer-{layer} vector of a word piece, the\n\
                     probability that the piece belongs to a word BABE's annotators marked as biased;\n\
                     the sentence head reads the highest score (tok_max) and the mean of the three\n\
                     highest (tok_top3). t{{L}}_{{k}}<TAB>weight; \"bias\" is the intercept.\n\
                     TRAINED on BABE's `biased_words` (AGPL-3.0, Spinde et al. 2021) of the SG2 train\n\
                     split minus its dev part; L2 {TOKEN_L2}, {TOKEN_EPOCHS} epochs. Written by\n{rerun}\n\
                     Only these 385 numbers come from BABE; no BABE text is in the repository."
                ),
                &names,
                &t.model,
                0.5,
            ),
        )?;
    }
    Ok(())
}

/// The test split scored by the framing stage itself (each sentence its own body), with the
/// files compiled into this binary.
pub fn shipped_line(stage: &FramingStage, test: &[&Row]) -> Result<(), String> {
    if !stage.uses_embeddings() {
        return Err("the framing stage did not load the embedder".into());
    }
    let mut c = Confusion::default();
    for r in test {
        let whole = [Span::new(0, r.text.len())];
        let f = stage.analyze(&r.text, "", &whole, &segment::quotations(&r.text));
        let s = f.sentences.first().ok_or("no sentence")?;
        c.add(s.biased, r.biased);
    }
    c.line("shipped: FramingStage::analyze, bias >= 0.5");
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
