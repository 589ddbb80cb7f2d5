//! Framing evaluation: BABE (word- and sentence-level bias), BSD (correlation with human bias
//! ratings) and a summary of the seed articles.
//!
//! Run from the repository root (release only):
//!
//!     cargo run --release -p parley-analyze --example framing-bench -- all ../shared
//!
//! Sections: `babe`, `bsd`, `seeds`, `all`; with `--features embeddings`, `babe-embed` (the
//! embedding experiments, then the shipped head and its speed) and `babe-shipped` (only the last
//! two). The BABE data is AGPL-3.0 and is only read here,
//! never copied into the repository or the binary. Split (issue 9): test = SG2 rows whose
//! sha1(text) mod 5 == 0, train = the rest; the one "No agreement" row is left out.

#[path = "csv.rs"]
mod csv;
#[cfg(feature = "embeddings")]
#[path = "embed_bias.rs"]
mod embed_bias;
#[path = "logistic.rs"]
mod logistic;
#[cfg(feature = "embeddings")]
#[path = "ngram.rs"]
mod ngram;

use logistic::{Logistic, SparseLogistic};
use parley_analyze::framing::bias::FEATURES;
use parley_analyze::framing::{layer_spans, segment, words::scan_words, FramingStage};
use sha1::{Digest, Sha1};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let section = args.first().map(String::as_str).unwrap_or("all");
    let shared = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("../shared"));
    let built = std::time::Instant::now();
    let stage = FramingStage::new();
    let build_secs = built.elapsed().as_secs_f64();
    let run = |name: &str| section == "all" || section == name;
    let mut ok = true;
    if run("babe") {
        ok &= report(
            "babe",
            babe(
                &stage,
                &shared.join("eval/babe-media-bias/final_labels_SG2.csv"),
            ),
        );
    }
    #[cfg(feature = "embeddings")]
    if run("babe-embed") {
        ok &= report("babe-embed", babe_embed(&stage, &shared));
    }
    #[cfg(feature = "embeddings")]
    if section == "babe-shipped" {
        ok &= report("babe-shipped", babe_shipped(&stage, &shared));
    }
    if run("bsd") {
        ok &= report(
            "bsd",
            bsd(
                &stage,
                &shared.join("eval/bsd-bias-lexicon/collapsedData.csv"),
            ),
        );
    }
    if run("claims") {
        ok &= report("claims", claims_heldout(&stage));
    }
    if run("speed") {
        println!("FramingStage::new(): {build_secs:.3} s");
        ok &= report(
            "speed",
            speed(&stage, &shared.join("eval/wcxb-articles/dev/ground-truth")),
        );
    }
    if run("seeds") {
        ok &= report("seeds", seeds(&stage, &shared.join("seeds")));
    }
    if !ok {
        std::process::exit(1);
    }
}

fn report(name: &str, r: Result<(), String>) -> bool {
    match r {
        Ok(()) => true,
        Err(e) => {
            eprintln!("{name}: {e}");
            false
        }
    }
}

// ---------------------------------------------------------------- BABE

struct Row {
    text: String,
    biased: bool,
    words: Vec<String>,
    test: bool,
}

fn sha1_mod5(text: &str) -> u32 {
    Sha1::digest(text.as_bytes())
        .iter()
        .fold(0u32, |r, b| (r * 256 + *b as u32) % 5)
}

/// The words of a Python list literal such as `['bizarre', "don't"]`.
fn python_list_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<(char, String)> = None;
    for c in s.chars() {
        match &mut cur {
            None if c == '\'' || c == '"' => cur = Some((c, String::new())),
            None => {}
            Some((q, w)) if c == *q => {
                out.push(std::mem::take(w));
                cur = None;
            }
            Some((_, w)) => w.push(c),
        }
    }
    out
}

fn read_babe(path: &Path) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let records = csv::parse(&text, ';');
    let header = records.first().ok_or("empty file")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no column {name}"))
    };
    let (t, l, w) = (col("text")?, col("label_bias")?, col("biased_words")?);
    let mut rows = Vec::new();
    for r in &records[1..] {
        let (Some(text), Some(label)) = (r.get(t), r.get(l)) else {
            continue;
        };
        let biased = match label.as_str() {
            "Biased" => true,
            "Non-biased" => false,
            _ => continue,
        };
        rows.push(Row {
            text: text.clone(),
            biased,
            words: python_list_words(r.get(w).map(String::as_str).unwrap_or("")),
            test: sha1_mod5(text) == 0,
        });
    }
    Ok(rows)
}

#[derive(Default, Clone, Copy)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn macro_f1(&self) -> f64 {
        let (_, _, fb) = Self::prf(self.tp, self.fp, self.fn_);
        let (_, _, fnb) = Self::prf(self.tn, self.fn_, self.fp);
        (fb + fnb) / 2.0
    }
    /// (P, R, F1) of the positive class, of the negative class, and macro-F1.
    fn line(&self, name: &str) -> f64 {
        let (pb, rb, fb) = Self::prf(self.tp, self.fp, self.fn_);
        let (pn, rn, fnb) = Self::prf(self.tn, self.fn_, self.fp);
        let macro_f1 = (fb + fnb) / 2.0;
        let n = self.tp + self.fp + self.fn_ + self.tn;
        let acc = (self.tp + self.tn) as f64 / n.max(1) as f64;
        println!(
            "  {name:<44} macro-F1 {macro_f1:.3}  acc {acc:.3}  biased P {pb:.3} R {rb:.3} F1 {fb:.3}  non-biased P {pn:.3} R {rn:.3} F1 {fnb:.3}  (n={n})"
        );
        macro_f1
    }
}

/// CPU seconds (user + system) this process has used so far, from /proc (0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    match (f.get(11), f.get(12)) {
        (Some(u), Some(s)) => (u + s) / 100.0,
        _ => 0.0,
    }
}

#[cfg(feature = "embeddings")]
fn babe_embed(stage: &FramingStage, shared: &Path) -> Result<(), String> {
    let rows = read_babe(&shared.join("eval/babe-media-bias/final_labels_SG2.csv"))?;
    let (train, test): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| !r.test);
    embed_bias::experiment(stage, &train, &test)?;
    embed_bias::speed(
        stage,
        &wcxb_bodies(&shared.join("eval/wcxb-articles/dev/ground-truth"))?,
    )
}

/// The shipped embedding head on the test split, through the framing stage, and its speed
/// (the last lines of `babe-embed`, without the experiments).
#[cfg(feature = "embeddings")]
fn babe_shipped(stage: &FramingStage, shared: &Path) -> Result<(), String> {
    let rows = read_babe(&shared.join("eval/babe-media-bias/final_labels_SG2.csv"))?;
    let test: Vec<&Row> = rows.iter().filter(|r| r.test).collect();
    embed_bias::shipped_line(stage, &test)?;
    embed_bias::speed(
        stage,
        &wcxb_bodies(&shared.join("eval/wcxb-articles/dev/ground-truth"))?,
    )
}

fn tokens(text: &str) -> Vec<String> {
    scan_words(text, 0).into_iter().map(|w| w.norm).collect()
}

fn babe(stage: &FramingStage, path: &Path) -> Result<(), String> {
    let rows = read_babe(path)?;
    let (train, test): (Vec<&Row>, Vec<&Row>) = rows.iter().partition(|r| !r.test);
    println!(
        "BABE SG2 ({}): {} rows, train {} / test {} (test = sha1(text) mod 5 == 0)",
        path.display(),
        rows.len(),
        train.len(),
        test.len()
    );

    // Word level: the words our lexicon hits cover (either voice) against `biased_words`.
    let mut word = Confusion::default();
    let mut sent_any = Confusion::default();
    for r in &test {
        let body = &r.text;
        let f = stage.analyze(body, "", &[], &segment::quotations(body));
        let flagged: HashSet<String> = f
            .signals
            .iter()
            .filter(|s| !s.span.text.starts_with(['“', '"']))
            .flat_map(|s| tokens(&s.span.text))
            .collect();
        let gold: HashSet<String> = r.words.iter().flat_map(|w| tokens(w)).collect();
        for t in tokens(body).into_iter().collect::<HashSet<_>>() {
            word.add(flagged.contains(&t), gold.contains(&t));
        }
        sent_any.add(!f.signals.is_empty(), r.biased);
    }
    let (p, rec, f1) = Confusion::prf(word.tp, word.fp, word.fn_);
    println!("word level (test split, distinct words per sentence, lexicon hits vs biased_words):");
    println!(
        "  precision {p:.3}  recall {rec:.3}  F1 {f1:.3}  (tp {} fp {} fn {})",
        word.tp, word.fp, word.fn_
    );

    println!("sentence level (test split):");
    let mut majority = Confusion::default();
    for r in &test {
        majority.add(false, r.biased);
    }
    majority.line("baseline: majority class (non-biased)");
    sent_any.line("baseline: any lexicon signal");

    let tone_neg = |t: &str| {
        let f = stage.sentence_features(t);
        f[FEATURES
            .iter()
            .position(|n| *n == "strong_words")
            .unwrap_or(0)]
            > 0.0
    };
    let mut neg = Confusion::default();
    for r in &test {
        neg.add(tone_neg(&r.text), r.biased);
    }
    neg.line("baseline: any strong VADER word (|v|>=2)");

    let mut shipped = Confusion::default();
    for r in &test {
        shipped.add(stage.sentence_bias(&r.text) >= 0.5, r.biased);
    }
    shipped.line("shipped score (bias_weights.tsv) >= 0.5");

    // Logistic regression on the same lexicon features, trained on the train split.
    let xs: Vec<Vec<f64>> = train
        .iter()
        .map(|r| stage.sentence_features(&r.text))
        .collect();
    let ys: Vec<bool> = train.iter().map(|r| r.biased).collect();
    let model = Logistic::train(&xs, &ys, 0.01, 3000);
    let mut lr = Confusion::default();
    for r in &test {
        lr.add(
            model.predict(&stage.sentence_features(&r.text)) >= 0.5,
            r.biased,
        );
    }
    lr.line("logistic on lexicon features (trained on train)");
    println!("  learned weights, in bias_weights.tsv form (raw feature scale):");
    println!("    bias\t{:.3}", model.raw_intercept());
    for (name, w) in FEATURES.iter().zip(model.raw_weights()) {
        println!("    {name}\t{w:.3}");
    }

    // References: sparse logistic regressions over token features, L2 chosen on a dev part
    // of the train split (sha1(text + "#dev") mod 5 == 0), then trained on all of train.
    let unigrams = |text: &str| tokens(text);
    let rich = |text: &str| rich_features(stage, text, false);
    let richer = |text: &str| rich_features(stage, text, true);
    sparse_experiment("reference: bag-of-words logistic", &unigrams, &train, &test);
    sparse_experiment(
        "reference: uni+bigrams+lexicon tokens logistic",
        &rich,
        &train,
        &test,
    );
    sparse_experiment(
        "reference: + char 4-grams + valence tokens",
        &richer,
        &train,
        &test,
    );
    Ok(())
}

/// Unigrams, bigrams, the lexicon signals as tokens, and (with `more`) character 4-grams and
/// VADER valence buckets.
fn rich_features(stage: &FramingStage, text: &str, more: bool) -> Vec<String> {
    let toks = tokens(text);
    let mut feats: Vec<String> = toks.clone();
    feats.extend(toks.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    let f = stage.analyze(text, "", &[], &segment::quotations(text));
    feats.extend(
        f.signals
            .iter()
            .map(|s| format!("#{}:{}", s.technique, s.voice)),
    );
    if more {
        for t in &toks {
            let padded: Vec<char> = format!("<{t}>").chars().collect();
            feats.extend(
                padded
                    .windows(4)
                    .map(|w| format!("~{}", w.iter().collect::<String>())),
            );
            if let Some(v) = stage.valence(t) {
                feats.push(format!("#v{}", v.round() as i64));
            }
        }
    }
    feats
}

fn sparse_experiment(
    name: &str,
    featurize: &dyn Fn(&str) -> Vec<String>,
    train: &[&Row],
    test: &[&Row],
) {
    let encode =
        |rows: &[&Row], vocab: &mut HashMap<String, usize>, grow: bool| -> Vec<Vec<usize>> {
            rows.iter()
                .map(|r| {
                    let mut ids: Vec<usize> = featurize(&r.text)
                        .into_iter()
                        .filter_map(|t| {
                            let n = vocab.len();
                            if grow {
                                Some(*vocab.entry(t).or_insert(n))
                            } else {
                                vocab.get(&t).copied()
                            }
                        })
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect()
        };
    let labels = |rows: &[&Row]| rows.iter().map(|r| r.biased).collect::<Vec<bool>>();
    let (dev, fit): (Vec<&Row>, Vec<&Row>) = train
        .iter()
        .copied()
        .partition(|r| sha1_mod5(&format!("{}#dev", r.text)) == 0);
    let mut best = (f64::MIN, 0.0);
    for l2 in [0.0, 0.0005, 0.001, 0.003, 0.006, 0.01] {
        let mut vocab = HashMap::new();
        let xs = encode(&fit, &mut vocab, true);
        let m = SparseLogistic::train(&xs, &labels(&fit), vocab.len(), l2, 30);
        let mut c = Confusion::default();
        for (x, r) in encode(&dev, &mut vocab, false).iter().zip(&dev) {
            c.add(m.predict(x) >= 0.5, r.biased);
        }
        let f = c.macro_f1();
        if f > best.0 {
            best = (f, l2);
        }
    }
    let mut vocab = HashMap::new();
    let xs = encode(train, &mut vocab, true);
    let m = SparseLogistic::train(&xs, &labels(train), vocab.len(), best.1, 30);
    let mut c = Confusion::default();
    for (x, r) in encode(test, &mut vocab, false).iter().zip(test) {
        c.add(m.predict(x) >= 0.5, r.biased);
    }
    c.line(&format!("{name} (l2 {} from dev)", best.1));
}

// ---------------------------------------------------------------- BSD

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    if vx == 0.0 || vy == 0.0 {
        0.0
    } else {
        cov / (vx.sqrt() * vy.sqrt())
    }
}

fn bsd(stage: &FramingStage, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let records = csv::parse(&text, ',');
    let header = records.first().ok_or("empty file")?;
    let t = header
        .iter()
        .position(|h| h == "text")
        .ok_or("no text column")?;
    let a = header
        .iter()
        .position(|h| h == "avgBias")
        .ok_or("no avgBias column")?;
    let mut bias = Vec::new();
    let mut score = Vec::new();
    let mut density = Vec::new();
    let mut neg = Vec::new();
    for r in &records[1..] {
        let (Some(body), Some(avg)) = (r.get(t), r.get(a).and_then(|v| v.parse::<f64>().ok()))
        else {
            continue;
        };
        let f = stage.analyze(
            body,
            "",
            &[parley_core::Span::new(0, body.len())],
            &segment::quotations(body),
        );
        bias.push(avg);
        score.push(f.loadedness.bias_score);
        density.push(f.loadedness.signals_per_100_words);
        neg.push(f.tone.polarity);
    }
    println!(
        "BSD collapsedData ({}): {} sentences with avgBias",
        path.display(),
        bias.len()
    );
    println!(
        "  Pearson r(article bias score (loadedness.bias_score), avgBias)  {:+.3}",
        pearson(&score, &bias)
    );
    println!(
        "  Pearson r(signals per 100 words, avgBias)                     {:+.3}",
        pearson(&density, &bias)
    );
    println!(
        "  Pearson r(tone polarity, avgBias)                             {:+.3}",
        pearson(&neg, &bias)
    );
    Ok(())
}

// ---------------------------------------------------------------- speed

/// Articles per second of the framing stage (text layer included) over the WCXB article bodies.
/// The article bodies of the WCXB ground-truth folder `dir`.
fn wcxb_bodies(dir: &Path) -> Result<Vec<String>, String> {
    let mut bodies = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries.filter_map(Result::ok) {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if let Some(body) = json["ground_truth"]["main_content"].as_str() {
            bodies.push(body.to_string());
        }
    }
    Ok(bodies)
}

fn speed(stage: &FramingStage, dir: &Path) -> Result<(), String> {
    let bodies = wcxb_bodies(dir)?;
    let bytes: usize = bodies.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    for body in &bodies {
        std::hint::black_box(parley_core::TextLayer::new(body));
    }
    println!("  text layer alone: {:.2} s", start.elapsed().as_secs_f64());
    let start = std::time::Instant::now();
    let cpu = cpu_seconds();
    let mut signals = 0;
    let mut terms: HashMap<String, usize> = HashMap::new();
    for body in &bodies {
        let layer = parley_core::TextLayer::new(body);
        let (sentences, quotations) = layer_spans(&layer);
        let (f, _) = stage.analyze_with_claims(body, "", &sentences, &quotations);
        signals += f.signals.len();
        for s in &f.signals {
            *terms
                .entry(format!("{}:{}", s.technique, s.term))
                .or_default() += 1;
            if s.term == "scare_quote" && std::env::var("FRAMING_BENCH_SCARE").is_ok() {
                let from = body.floor_char_boundary(s.span.start.saturating_sub(40));
                println!("    scare: {:?} {}", &body[from..s.span.start], s.span.text);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    if std::env::var("FRAMING_BENCH_VERBOSE").is_ok() {
        let mut top: Vec<_> = terms.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let shown: Vec<String> = top
            .iter()
            .take(40)
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        println!("  most frequent signal terms: {}", shown.join(", "));
    }
    println!(
        "speed (WCXB dev bodies, 1 thread, text layer + framing + claims): {} articles, {:.1} MB in {:.2} s ({cpu:.2} CPU s) = {:.0} articles/s, {:.1} MB/s ({} signals)",
        bodies.len(),
        bytes as f64 / 1e6,
        secs,
        bodies.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        signals
    );
    Ok(())
}

// ---------------------------------------------------------------- claims

fn claims_heldout(stage: &FramingStage) -> Result<(), String> {
    let cases = include_str!("claims_heldout.tsv");
    let (mut n, mut pass) = (0, 0);
    let mut failures = Vec::new();
    for line in cases
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(format!("bad case line {line:?}"));
        }
        n += 1;
        let text = f[0];
        let (_, claims) = stage.analyze_with_claims(
            text,
            "",
            &segment::sentences(text),
            &segment::quotations(text),
        );
        let ok = claims.iter().any(|c| {
            let holder_ok = if f[1] == "author" {
                c.holder.kind == "author"
            } else {
                c.holder.kind == "source"
                    && c.holder.name.as_deref().map(|x| x.replace('’', "'"))
                        == Some(f[1].to_string())
            };
            holder_ok && c.stance.as_str() == f[2]
        });
        if ok {
            pass += 1;
        } else {
            let got: Vec<String> = claims
                .iter()
                .map(|c| {
                    format!(
                        "{}:{:?}:{}",
                        c.holder.kind,
                        c.holder.name,
                        c.stance.as_str()
                    )
                })
                .collect();
            failures.push(format!("    FAIL {line}  got {got:?}"));
        }
    }
    println!("claims (held-out cases, bench/framing/claims_heldout.tsv): {pass}/{n} pass (holder and stance)");
    for f in failures {
        println!("{f}");
    }
    Ok(())
}

// ---------------------------------------------------------------- seeds

fn seeds(stage: &FramingStage, dir: &Path) -> Result<(), String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let raw = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let (title, body) = raw.split_once('\n').unwrap_or(("", &raw));
        let body = body.trim_start_matches('\n');
        // The standard pipeline (actors, times, quotes) with the framing stage after it, so
        // claims take their speakers from the quote stage.
        let _ = stage;
        let article = parley_core::Article::new(title.trim(), body);
        let analysis = parley_analyze::Pipeline::standard()
            .with_stage(FramingStage::new())
            .analyze(&article);
        let (f, claims) = (analysis.framing, analysis.claims);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let h = f.headline.as_ref();
        println!(
            "{name}: level {} ({:.2} author signals/100 words, {} signals), author share {:.2} ({}/{} claim sentences), tone {:+.2} polarity {:.2}, headline {} (coverage {:.2}, missing {:?}, unsupported framing {:?})",
            f.loadedness.level,
            f.loadedness.author_signals_per_100_words,
            f.signals.len(),
            f.author_voice.author_share,
            f.author_voice.author_asserted,
            f.author_voice.claim_sentences,
            f.tone.tone,
            f.tone.polarity,
            h.map(|h| h.verdict.as_str()).unwrap_or("-"),
            h.map(|h| h.coverage).unwrap_or(0.0),
            h.map(|h| h.missing.clone()).unwrap_or_default(),
            h.map(|h| h.unsupported_framing.clone()).unwrap_or_default(),
        );
        let shown: Vec<String> = f
            .signals
            .iter()
            .map(|s| format!("{}:{}:{}", s.span.text, s.technique, s.voice))
            .collect();
        println!("  signals: {}", shown.join(" | "));
        println!("  insertions: {}", f.author_voice.insertions.len());
        let disputes: Vec<String> = claims
            .iter()
            .filter(|c| c.holder.kind == "author" && c.stance == parley_core::Stance::Disputes)
            .map(|c| {
                let target = c.target.as_ref().and_then(|t| t.name.clone());
                format!(
                    "{:?} via {:?}",
                    target.unwrap_or_default(),
                    c.cue.as_ref().map(|x| x.text.as_str()).unwrap_or("")
                )
            })
            .collect();
        println!(
            "  claims: {} ({} author disputes: {})",
            claims.len(),
            disputes.len(),
            disputes.join("; ")
        );
        if std::env::var("FRAMING_BENCH_VERBOSE").is_ok() {
            print!(
                "{}",
                parley_analyze::framing::summary::summary(title.trim(), &f, &claims)
            );
            for c in &claims {
                println!(
                    "    {} {:?} {} target {:?} prop {:?}",
                    c.holder.kind,
                    c.holder.name,
                    c.stance.as_str(),
                    c.target.as_ref().and_then(|t| t.name.clone()),
                    c.proposition
                        .as_ref()
                        .map(|p| p.text.chars().take(60).collect::<String>())
                );
            }
        }
    }
    Ok(())
}
