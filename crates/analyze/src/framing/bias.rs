//! Sentence-level bias: a logistic score over lexicon features, and (when parley is built with
//! sentence embeddings and the embedder is there) over the lexicon features and the sentence's
//! embedding.
//!
//! Features ([`FEATURES`]) are counts of framing hits by technique and voice, and tone-lexicon
//! counts. The weights live in `data/lexicons/bias_weights.tsv` (`feature<TAB>weight`, with a
//! `bias` intercept); the embedding head's in `data/lexicons/bias_embedding_weights.tsv`
//! (the same features, then `e0` … `e383`); the README says where they come from.

use super::lexicon::{files, LexiconError};

/// Feature names, in the order [`features`] fills them.
pub const FEATURES: [&str; 11] = [
    "loaded_language",
    "name_calling",
    "doubt",
    "exaggeration",
    "source_signals",
    "negative_words",
    "positive_words",
    "strong_words",
    "quoted_share",
    "log_words",
    "subjective_pronouns",
];

/// The inputs of one sentence's features.
#[derive(Debug, Clone, Default)]
pub struct SentenceCounts {
    /// Author-voice hits by technique: loaded, name-calling, doubt, exaggeration.
    pub author_hits: [usize; 4],
    pub source_hits: usize,
    pub negative_words: usize,
    pub positive_words: usize,
    /// Words whose absolute valence is at least [`STRONG_VALENCE`].
    pub strong_words: usize,
    pub quoted_share: f64,
    pub words: usize,
    /// First- and second-person pronouns.
    pub subjective_pronouns: usize,
}

/// Absolute VADER valence from which a word counts as strong.
pub const STRONG_VALENCE: f64 = 2.0;

/// The feature vector of a sentence, in [`FEATURES`] order.
pub fn features(c: &SentenceCounts) -> Vec<f64> {
    let mut v: Vec<f64> = c.author_hits.iter().map(|&k| k as f64).collect();
    v.push(c.source_hits as f64);
    v.push(c.negative_words as f64);
    v.push(c.positive_words as f64);
    v.push(c.strong_words as f64);
    v.push(c.quoted_share);
    v.push((1.0 + c.words as f64).ln());
    v.push(c.subjective_pronouns as f64);
    v
}

/// Dimensions of a sentence embedding (all-MiniLM-L6-v2).
pub const EMBEDDING_DIMS: usize = 384;

/// The names of the embedding head's inputs: [`FEATURES`], then `e0` … `e383`.
pub fn embedding_features() -> Vec<String> {
    FEATURES
        .iter()
        .map(|f| f.to_string())
        .chain((0..EMBEDDING_DIMS).map(|i| format!("e{i}")))
        .collect()
}

/// The embedding head's input: lexicon features, then the embedding.
pub fn with_embedding(mut features: Vec<f64>, embedding: &[f32]) -> Vec<f64> {
    features.extend(embedding.iter().map(|&v| v as f64));
    features
}

/// Logistic weights over [`FEATURES`] (or the names given to [`BiasModel::parse_named`]).
#[derive(Debug, Clone, PartialEq)]
pub struct BiasModel {
    pub intercept: f64,
    pub weights: Vec<f64>,
}

impl BiasModel {
    /// The shipped weights.
    pub fn shipped() -> Result<Self, LexiconError> {
        Self::parse("bias_weights.tsv", files::BIAS_WEIGHTS)
    }

    /// The shipped head over the lexicon features and a sentence embedding
    /// ([`embedding_features`]).
    pub fn shipped_with_embeddings() -> Result<Self, LexiconError> {
        Self::parse_named(
            "bias_embedding_weights.tsv",
            files::BIAS_EMBEDDING_WEIGHTS,
            &embedding_features(),
        )
    }

    /// Reads `feature<TAB>weight` lines over [`FEATURES`]; `bias` is the intercept.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let names: Vec<String> = FEATURES.iter().map(|f| f.to_string()).collect();
        Self::parse_named(file, text, &names)
    }

    /// Reads `feature<TAB>weight` lines over `names`; `bias` is the intercept; every feature
    /// is required.
    pub fn parse_named(
        file: &'static str,
        text: &str,
        names: &[String],
    ) -> Result<Self, LexiconError> {
        let mut intercept = None;
        let mut weights = vec![None; names.len()];
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: String| LexiconError {
                file,
                line: i + 1,
                reason,
            };
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| err(format!("expected `feature<TAB>weight`, got {line:?}")))?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| err(format!("weight {value:?} is not a number")))?;
            if name == "bias" {
                intercept = Some(value);
            } else if let Some(k) = names.iter().position(|f| f == name) {
                weights[k] = Some(value);
            } else {
                return Err(err(format!("unknown feature {name:?}")));
            }
        }
        let missing = |what: &str| LexiconError {
            file,
            line: 0,
            reason: format!("no weight for {what}"),
        };
        Ok(BiasModel {
            intercept: intercept.ok_or_else(|| missing("bias"))?,
            weights: weights
                .into_iter()
                .zip(names)
                .map(|(w, name)| w.ok_or_else(|| missing(name)))
                .collect::<Result<_, _>>()?,
        })
    }

    /// The probability that a sentence with features `x` is biased.
    pub fn score(&self, x: &[f64]) -> f64 {
        let z: f64 = self.intercept + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_parse() {
        let m = BiasModel::shipped().unwrap();
        assert_eq!(m.weights.len(), FEATURES.len());
    }

    #[test]
    fn shipped_embedding_head_parses_with_a_weight_per_feature_and_dimension() {
        let m = BiasModel::shipped_with_embeddings().unwrap();
        assert_eq!(m.weights.len(), FEATURES.len() + EMBEDDING_DIMS);
        assert!(m.weights.iter().any(|w| *w != 0.0));
    }

    #[test]
    fn a_loaded_sentence_scores_higher_than_a_plain_one() {
        let m = BiasModel::shipped().unwrap();
        let plain = SentenceCounts {
            words: 20,
            ..Default::default()
        };
        let loaded = SentenceCounts {
            author_hits: [2, 1, 0, 0],
            negative_words: 3,
            strong_words: 2,
            words: 20,
            ..Default::default()
        };
        assert!(m.score(&features(&loaded)) > 0.5);
        assert!(m.score(&features(&plain)) < 0.5);
    }

    #[test]
    fn a_missing_or_unknown_weight_is_an_error() {
        assert!(BiasModel::parse("w", "bias\t0\n").is_err());
        assert!(BiasModel::parse("w", "bias\t0\nfoo\t1\n").is_err());
    }
}
