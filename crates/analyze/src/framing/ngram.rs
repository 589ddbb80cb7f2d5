//! A word n-gram score of a sentence, one input (`ngram_logit`) of the embedding bias head: a
//! logistic over the presence of single words and adjacent word pairs (the lower-cased words
//! of [`scan_words`]). Weights in `data/lexicons/bias_ngram_weights.tsv` (`ngram<TAB>weight`,
//! a pair written "w1 w2", with a `bias` intercept).

use super::bias::weight_lines;
use super::lexicon::LexiconError;
use super::words::scan_words;
use std::collections::{HashMap, HashSet};

/// Weights of single words and word pairs ("w1 w2"), and an intercept.
#[derive(Debug, Clone, Default)]
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
    /// Reads `ngram<TAB>weight` lines; `bias` is the intercept; an n-gram weighted twice is an
    /// error.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let mut m = NgramModel::default();
        let mut intercept = None;
        for (line, gram, value) in weight_lines(file, text, "ngram")? {
            if gram == "bias" {
                intercept = Some(value);
            } else if m.weights.insert(gram.to_string(), value).is_some() {
                return Err(LexiconError {
                    file,
                    line,
                    reason: format!("{gram:?} is weighted twice"),
                });
            }
        }
        m.intercept = intercept.ok_or(LexiconError {
            file,
            line: 0,
            reason: "no weight for bias".into(),
        })?;
        Ok(m)
    }

    /// The log-odds that `text` is biased.
    pub fn logit(&self, text: &str) -> f64 {
        self.intercept
            + ngrams(text)
                .iter()
                .filter_map(|g| self.weights.get(g))
                .sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngrams_are_distinct_words_then_pairs() {
        assert_eq!(
            ngrams("The radical, radical left"),
            [
                "the",
                "radical",
                "left",
                "the radical",
                "radical radical",
                "radical left"
            ]
        );
    }

    #[test]
    fn a_sentence_adds_the_weights_of_its_ngrams_once() {
        let m = NgramModel::parse("n", "# c\nbias\t-1\nradical\t2\nradical left\t0.5\n").unwrap();
        assert!((m.logit("The radical, radical left") - 1.5).abs() < 1e-12);
        assert_eq!(m.logit("Nothing here"), -1.0);
    }

    #[test]
    fn a_repeated_ngram_or_a_missing_intercept_is_an_error() {
        assert!(NgramModel::parse("n", "bias\t0\na\t1\na\t2\n").is_err());
        assert!(NgramModel::parse("n", "a\t1\n").is_err());
        assert!(NgramModel::parse("n", "bias\t0\na b\n").is_err());
    }
}
