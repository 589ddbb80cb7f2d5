//! Scores story linking against a labelled set: B-cubed precision, recall and F1.
//!
//!     cargo run --release -p parley-link --example story_eval -- DB LABELS [--sweep]
//!     cargo run --release -p parley-link --features embeddings --example story_eval -- \
//!         DB LABELS --embeddings .models/all-minilm-l6-v2 [--sweep]
//!
//! DB is a store made by `parley ingest` from one part of the set (bench/stories/run.sh makes
//! both); LABELS is bench/stories/labels.json (stories as lists of URLs, and singletons).
//! Every article of DB is linked in memory (the store is not changed) with the default
//! parameters, or with each threshold of a sweep, and compared with its label. `--show`
//! prints the predicted stories with their labels.

use parley_link::{link_stories, Embeddings, StoryParams};
use parley_store::StoryTarget;
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: story_eval DB LABELS [--embeddings DIR] [--sweep]");
        std::process::exit(2);
    }
    let sweep = args.iter().any(|a| a == "--sweep");
    let show = args.iter().any(|a| a == "--show");
    let embed_dir = args
        .iter()
        .position(|a| a == "--embeddings")
        .and_then(|i| args.get(i + 1));
    let mut store = parley_store::open(&args[0]).expect("open the store");
    let gold = gold_labels(&args[1]);
    let signals = store.unstoried(usize::MAX).expect("read the articles");
    let mut label_of: HashMap<String, String> = HashMap::new();
    for s in &signals {
        let url = store
            .get(&s.id)
            .unwrap()
            .unwrap()
            .document
            .url
            .unwrap_or_default();
        match gold.get(&url) {
            Some(label) => label_of.insert(s.id.clone(), label.clone()),
            None => panic!("{url} is not in the labels"),
        };
    }
    let embeddings = match embed_dir {
        Some(dir) => embed(dir, &signals),
        None => Embeddings::new(),
    };
    let thresholds: Vec<f32> = if sweep {
        (2..=12).map(|t| t as f32 * 0.05).collect()
    } else {
        vec![StoryParams::default().threshold]
    };
    let stories = label_of
        .values()
        .collect::<std::collections::HashSet<_>>()
        .len();
    println!(
        "{}: {} articles, {} labelled stories (singletons included); embeddings {}",
        args[0],
        signals.len(),
        stories,
        if embed_dir.is_some() { "on" } else { "off" }
    );
    for threshold in thresholds {
        let params = StoryParams {
            threshold,
            ..StoryParams::default()
        };
        let assignments = link_stories(&signals, &[], &params, &embeddings);
        let predicted: HashMap<String, usize> = assignments
            .iter()
            .map(|a| {
                let k = match a.story {
                    StoryTarget::New(k) => k,
                    StoryTarget::Existing(_) => unreachable!("no stored stories"),
                };
                (a.article_id.clone(), k)
            })
            .collect();
        if show {
            show_clusters(&assignments, &label_of, &signals);
        }
        let (p, r) = b_cubed(&predicted, &label_of);
        let clusters = predicted
            .values()
            .collect::<std::collections::HashSet<_>>()
            .len();
        println!(
            "threshold {threshold:.2}: B-cubed precision {p:.3} recall {r:.3} F1 {:.3} ({clusters} predicted stories)",
            2.0 * p * r / (p + r)
        );
    }
}

/// Prints each predicted story: its articles' labels and titles, and why each joined.
fn show_clusters(
    assignments: &[parley_store::StoryAssignment],
    label_of: &HashMap<String, String>,
    signals: &[parley_store::StorySignals],
) {
    let title: HashMap<&str, &str> = signals
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let mut by_story: std::collections::BTreeMap<usize, Vec<&parley_store::StoryAssignment>> =
        Default::default();
    for a in assignments {
        if let StoryTarget::New(k) = a.story {
            by_story.entry(k).or_default().push(a);
        }
    }
    for (k, members) in by_story {
        println!("predicted story {k}:");
        for a in members {
            let label = &label_of[&a.article_id];
            let label = if label.starts_with("http") {
                "(singleton)"
            } else {
                label
            };
            let t: String = title[a.article_id.as_str()].chars().take(60).collect();
            println!(
                "  {label:<42} {t:<60} score {:.2} text {:.2} actors {:?}",
                a.why.score, a.why.similarity, a.why.shared_actors
            );
        }
    }
}

/// URL → story name; each singleton is its own story.
fn gold_labels(path: &str) -> HashMap<String, String> {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read the labels")).unwrap();
    let mut gold = HashMap::new();
    for (name, urls) in json["stories"].as_object().unwrap() {
        for url in urls.as_array().unwrap() {
            gold.insert(url.as_str().unwrap().to_string(), name.clone());
        }
    }
    for url in json["singletons"].as_array().unwrap() {
        let url = url.as_str().unwrap().to_string();
        gold.insert(url.clone(), url);
    }
    gold
}

/// Mean over articles of the share of its predicted story that shares its label (precision)
/// and of its labelled story that shares its prediction (recall).
fn b_cubed(predicted: &HashMap<String, usize>, gold: &HashMap<String, String>) -> (f64, f64) {
    let (mut p, mut r) = (0.0, 0.0);
    for (id, cluster) in predicted {
        let label = &gold[id];
        let same_cluster: Vec<&String> = predicted
            .iter()
            .filter(|(_, c)| *c == cluster)
            .map(|(i, _)| i)
            .collect();
        let same_label = gold.values().filter(|l| *l == label).count();
        let both = same_cluster.iter().filter(|i| &gold[**i] == label).count();
        p += both as f64 / same_cluster.len() as f64;
        r += both as f64 / same_label as f64;
    }
    let n = predicted.len() as f64;
    (p / n, r / n)
}

#[cfg(feature = "embeddings")]
fn embed(dir: &str, signals: &[parley_store::StorySignals]) -> Embeddings {
    use parley_link::story::embedding_text;
    let started = std::time::Instant::now();
    let model =
        parley_link::embed::MiniLm::load(std::path::Path::new(dir)).expect("load the model");
    let texts: Vec<String> = signals.iter().map(|s| embedding_text(s)).collect();
    let vectors = model.embed(&texts).expect("embed");
    eprintln!(
        "embedded {} titles and leads in {:.1} s",
        texts.len(),
        started.elapsed().as_secs_f64()
    );
    signals.iter().map(|s| s.id.clone()).zip(vectors).collect()
}

#[cfg(not(feature = "embeddings"))]
fn embed(_: &str, _: &[parley_store::StorySignals]) -> Embeddings {
    eprintln!("--embeddings needs --features embeddings");
    std::process::exit(2);
}
