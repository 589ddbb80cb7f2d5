//! Compare parley-nlp with spaCy's output written by bench/nlp/reference.py:
//! `cargo run --release -p parley-nlp --example compare MODEL_DIR REFERENCE.jsonl [--show N]
//! [--tokens-only]` (with `--tokens-only` the reference needs only "text" and token spans).
//! Prints token agreement and, on tokens whose spans agree, NORM / SHAPE / tag agreement,
//! plus the max abs difference of the tok2vec output where the reference has it.
use parley_nlp::Pipeline;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Default)]
struct Count {
    same: usize,
    total: usize,
}

impl Count {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.same += ok as usize;
    }
    fn pct(&self) -> f64 {
        100.0 * self.same as f64 / self.total.max(1) as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: compare MODEL_DIR REFERENCE.jsonl [--show N]");
        std::process::exit(2);
    }
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let tokens_only = args.iter().any(|a| a == "--tokens-only");
    let t0 = std::time::Instant::now();
    let nlp = Pipeline::load(&args[0]).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    eprintln!("model loaded in {:?}", t0.elapsed());
    let input = std::fs::read_to_string(&args[1]).unwrap();
    let (mut ref_n, mut our_n, mut same_span) = (0usize, 0usize, 0usize);
    let (mut norm, mut shape, mut tag) = (Count::default(), Count::default(), Count::default());
    let (mut uas, mut las, mut ent_tok) = (Count::default(), Count::default(), Count::default());
    let (mut pos, mut lemma) = (Count::default(), Count::default());
    let (mut ent_same, mut ent_ref, mut ent_ours) = (0usize, 0usize, 0usize);
    let (mut docs, mut docs_same_parse) = (0usize, 0usize);
    let mut max_diff = 0f32;
    let mut compared_vectors = 0usize;
    let mut shown = 0;
    let mut tag_confusions: HashMap<(String, String), usize> = HashMap::new();
    for line in input.lines() {
        let rec: Value = serde_json::from_str(line).unwrap();
        let doc = rec["text"].as_str().unwrap();
        let refs = rec["tokens"].as_array().unwrap();
        if tokens_only {
            let ours: Vec<(usize, usize)> =
                nlp.tokenize(doc).iter().map(|t| (t.start, t.end)).collect();
            let set: std::collections::HashSet<(usize, usize)> = ours.iter().copied().collect();
            ref_n += refs.len();
            our_n += ours.len();
            for r in refs {
                let span = (
                    r[0].as_u64().unwrap() as usize,
                    r[1].as_u64().unwrap() as usize,
                );
                if set.contains(&span) {
                    same_span += 1;
                } else if shown < show {
                    shown += 1;
                    let a = doc[..span.0]
                        .char_indices()
                        .rev()
                        .nth(15)
                        .map(|x| x.0)
                        .unwrap_or(0);
                    let b = doc[span.1..]
                        .char_indices()
                        .nth(15)
                        .map(|x| x.0 + span.1)
                        .unwrap_or(doc.len());
                    eprintln!(
                        "token {:?} not ours, in {:?}",
                        &doc[span.0..span.1],
                        &doc[a..b]
                    );
                }
            }
            continue;
        }
        let parsed = nlp.analyze(doc);
        let ours: HashMap<(usize, usize), usize> = parsed
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| ((t.start, t.end), i))
            .collect();
        ref_n += refs.len();
        our_n += parsed.tokens.len();
        for r in refs {
            let span = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            let Some(&i) = ours.get(&span) else {
                if shown < show {
                    shown += 1;
                    eprintln!("token {:?} not ours in {:?}", &doc[span.0..span.1], doc);
                }
                continue;
            };
            same_span += 1;
            let t = &parsed.tokens[i];
            let rn = r[7].as_str().unwrap_or("");
            norm.add(t.norm == rn);
            if t.norm != rn && shown < show {
                shown += 1;
                eprintln!("norm of {:?}: spaCy {rn:?} ours {:?}", t.text, t.norm);
            }
            shape.add(parley_nlp::lexeme::shape(&t.text) == r[8].as_str().unwrap_or(""));
            // heads compared by their byte spans
            let rh = &refs[r[3].as_u64().unwrap() as usize];
            let rh_span = (
                rh[0].as_u64().unwrap() as usize,
                rh[1].as_u64().unwrap() as usize,
            );
            let oh = &parsed.tokens[t.head];
            let head_ok = (oh.start, oh.end) == rh_span;
            uas.add(head_ok);
            let rd = r[4].as_str().unwrap_or("");
            las.add(head_ok && t.dep == rd);
            if head_ok && t.dep != rd && shown < show {
                shown += 1;
                eprintln!(
                    "label of {:?} (head {:?}): spaCy {rd} ours {}",
                    t.text, oh.text, t.dep
                );
            }
            ent_tok.add(
                t.ent_iob == r[5].as_str().unwrap_or("")
                    && t.ent_type == r[6].as_str().unwrap_or(""),
            );
            if let (Some(rp), Some(rl)) = (
                r.get(9).and_then(Value::as_str),
                r.get(10).and_then(Value::as_str),
            ) {
                pos.add(t.pos == rp);
                lemma.add(t.lemma == rl);
                if t.lemma != rl && shown < show {
                    shown += 1;
                    eprintln!(
                        "lemma of {:?} ({} {}): spaCy {rl:?} ours {:?}",
                        t.text, t.pos, t.morph, t.lemma
                    );
                }
            }
            let rt = r[2].as_str().unwrap_or("");
            tag.add(t.tag == rt);
            if t.tag != rt {
                *tag_confusions
                    .entry((rt.to_string(), t.tag.clone()))
                    .or_default() += 1;
            }
        }
        docs += 1;
        let same_parse = refs.len() == parsed.tokens.len()
            && refs.iter().zip(&parsed.tokens).all(|(r, t)| {
                r[3].as_u64() == Some(t.head as u64) && r[4].as_str() == Some(t.dep.as_str())
            });
        docs_same_parse += same_parse as usize;
        let ref_ents: Vec<(u64, u64, &str)> = rec["ents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_u64().unwrap(),
                    e[1].as_u64().unwrap(),
                    e[2].as_str().unwrap(),
                )
            })
            .collect();
        ent_ref += ref_ents.len();
        ent_ours += parsed.ents.len();
        for e in &parsed.ents {
            if ref_ents.contains(&(e.start as u64, e.end as u64, e.label.as_str())) {
                ent_same += 1;
            }
        }
        if let Some(tensor) = rec["tensor"].as_array() {
            let ours = nlp.tensor(doc);
            if ours.len() == tensor.len() * 96 {
                compared_vectors += 1;
                for (i, row) in tensor.iter().enumerate() {
                    for (j, v) in row.as_array().unwrap().iter().enumerate() {
                        let d = (ours[i * 96 + j] - v.as_f64().unwrap() as f32).abs();
                        max_diff = max_diff.max(d);
                    }
                }
            }
        }
    }
    println!(
        "tokens: spaCy {ref_n}, ours {our_n}, same span {same_span}: recall {:.4}%, precision {:.4}%",
        100.0 * same_span as f64 / ref_n as f64,
        100.0 * same_span as f64 / our_n as f64
    );
    if tokens_only {
        return;
    }
    println!(
        "norm {:.4}%  shape {:.4}%  tag {:.4}% ({} of {})",
        norm.pct(),
        shape.pct(),
        tag.pct(),
        tag.same,
        tag.total
    );
    if compared_vectors > 0 {
        println!("tok2vec max abs diff {max_diff:e} over {compared_vectors} documents");
    } else {
        println!("tok2vec: no vectors in the reference (write it with reference.py --vectors)");
    }
    println!(
        "pos {:.4}%  lemma {:.4}% (of {})",
        pos.pct(),
        lemma.pct(),
        pos.total
    );
    println!(
        "heads (UAS) {:.4}%  heads+labels (LAS) {:.4}%  docs with identical parse {docs_same_parse}/{docs}",
        uas.pct(),
        las.pct()
    );
    println!(
        "entity per-token iob+type {:.4}%  entity spans: spaCy {ent_ref}, ours {ent_ours}, same {ent_same}: recall {:.4}%, precision {:.4}%",
        ent_tok.pct(),
        100.0 * ent_same as f64 / ent_ref.max(1) as f64,
        100.0 * ent_same as f64 / ent_ours.max(1) as f64
    );
    let mut conf: Vec<_> = tag_confusions.into_iter().collect();
    conf.sort_by_key(|c| std::cmp::Reverse(c.1));
    for ((r, o), n) in conf.iter().take(show) {
        eprintln!("tag spaCy {r} ours {o}: {n}");
    }
}
