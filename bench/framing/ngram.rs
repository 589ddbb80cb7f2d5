//! A compact word n-gram score of a sentence for the stacking experiment: a logistic over the
//! presence of single words and word pairs (the lower-cased words of `scan_words`). Not
//! shipped: on dev it added nothing to the embedding heads (bench/framing/README.md).

use parley_analyze::framing::words::scan_words;
use std::collections::{HashMap, HashSet};

/// Weights of single words and word pairs ("w1 w2"), and an intercept.
pub struct NgramModel {
    pub intercept: f64,
    pub weights: HashMap<String, f64>,
}

/// The distinct single words and adjacent word pairs of `text`, in first-seen order.
pub fn ngrams(text: &str) -> Vec<String> {
    let words: Vec<String> = scan_words(text, 0).into_iter().map(|w| w.norm).collect();
    let pairs = words.windows(2).map(|w| format!("{} {}", w[0], w[1]));
    let mut seen = HashSet::new();
    words
        .iter()
        .cloned()
        .chain(pairs)
        .filter(|g| seen.insert(g.clone()))
        .collect()
}

impl NgramModel {
    /// The log-odds that `text` is biased.
    pub fn logit(&self, text: &str) -> f64 {
        self.intercept
            + ngrams(text)
                .iter()
                .filter_map(|g| self.weights.get(g))
                .sum::<f64>()
    }
}
