//! Sentence-level bias: a logistic score over lexicon features, and (when parley is built with
//! sentence embeddings and the embedder is there) over the lexicon features and the sentence's
//! embedding.
//!
//! Features ([`FEATURES`]) are counts of framing hits by technique and voice, and tone-lexicon
//! counts. The weights live in `data/lexicons/bias_weights.tsv` (`feature<TAB>weight`, with a
//! `bias` intercept); the embedding head's in `data/lexicons/bias_embedding_weights.tsv`
//! (its inputs named in the file, see `embedded.rs`); the README says where they come from.

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
        for (line, name, value) in weight_lines(file, text, "feature")? {
            if name == "bias" {
                intercept = Some(value);
            } else if let Some(k) = names.iter().position(|f| f == name) {
                weights[k] = Some(value);
            } else {
                return Err(LexiconError {
                    file,
                    line,
                    reason: format!("unknown feature {name:?}"),
                });
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

    /// Reads `feature<TAB>weight` lines whatever their names; returns the names in file order
    /// (the caller checks them) and the model; `bias` is the intercept.
    pub fn parse_any(file: &'static str, text: &str) -> Result<(Vec<String>, Self), LexiconError> {
        let names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t').map(|(name, _)| name.to_string()))
            .filter(|name| name != "bias")
            .collect();
        let mut seen = std::collections::HashSet::new();
        if let Some(dup) = names.iter().find(|n| !seen.insert(n.as_str())) {
            return Err(LexiconError {
                file,
                line: 0,
                reason: format!("feature {dup:?} is weighted twice"),
            });
        }
        let model = Self::parse_named(file, text, &names)?;
        Ok((names, model))
    }

    /// The probability that a sentence with features `x` is biased.
    pub fn score(&self, x: &[f64]) -> f64 {
        let z: f64 = self.intercept + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// A weights file split into its heads: the text of each `head<TAB>NAME` section (the whole
/// file when there is none; other lines blanked so that error lines stay the file's), and the
/// `threshold<TAB>T` line's value (0.5 when there is none).
pub fn sections(file: &'static str, text: &str) -> Result<(Vec<String>, f64), LexiconError> {
    let lines: Vec<&str> = text.lines().collect();
    let err = |line: usize, reason: String| LexiconError { file, line, reason };
    let mut threshold = 0.5;
    let mut starts: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(t) = line.strip_prefix("threshold\t") {
            threshold = t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|t| *t > 0.0 && *t < 1.0)
                .ok_or_else(|| err(i + 1, format!("threshold {t:?} is not in (0, 1)")))?;
        } else if line.starts_with("head\t") {
            starts.push(i);
        }
    }
    let is_weight = |l: &str| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#') && !l.starts_with("threshold\t")
    };
    let Some(&first) = starts.first() else {
        let body = lines
            .iter()
            .map(|l| if l.starts_with("threshold\t") { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        return Ok((vec![body], threshold));
    };
    if let Some(i) = lines[..first].iter().position(|l| is_weight(l)) {
        return Err(err(i + 1, "a weight before the first `head` line".into()));
    }
    let ends = starts[1..].iter().copied().chain([lines.len()]);
    let bounds = starts.iter().copied().zip(ends);
    let heads = bounds
        .map(|(a, b)| {
            (0..lines.len())
                .map(|i| {
                    if i > a && i < b && !lines[i].starts_with("threshold\t") {
                        lines[i]
                    } else {
                        ""
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    Ok((heads, threshold))
}

/// The `name<TAB>weight` lines of a weights file (blank lines and `#` comments skipped), each
/// with its 1-based line number; `what` names the first column in the error message.
pub(crate) fn weight_lines<'a>(
    file: &'static str,
    text: &'a str,
    what: &str,
) -> Result<Vec<(usize, &'a str, f64)>, LexiconError> {
    let mut out = Vec::new();
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
            .ok_or_else(|| err(format!("expected `{what}<TAB>weight`, got {line:?}")))?;
        let value: f64 = value
            .trim()
            .parse()
            .map_err(|_| err(format!("weight {value:?} is not a number")))?;
        out.push((i + 1, name, value));
    }
    Ok(out)
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
    fn shipped_embedding_and_token_heads_parse_with_nonzero_weights() {
        for (file, text) in [
            ("bias_embedding_weights.tsv", files::BIAS_EMBEDDING_WEIGHTS),
            ("bias_token_weights.tsv", files::BIAS_TOKEN_WEIGHTS),
        ] {
            let (heads, _) = sections(file, text).unwrap();
            for head in heads {
                let (names, m) = BiasModel::parse_any(file, &head).unwrap();
                assert_eq!(names.len(), m.weights.len());
                assert!(m.weights.iter().any(|w| *w != 0.0), "{file}");
            }
        }
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
    fn any_names_parse_in_file_order_and_a_repeated_one_is_an_error() {
        let (names, m) = BiasModel::parse_any("w", "# c\nbias\t0.5\nb\t2\na\t-1\n").unwrap();
        assert_eq!(names, ["b", "a"]);
        assert_eq!((m.intercept, m.weights.clone()), (0.5, vec![2.0, -1.0]));
        assert!(BiasModel::parse_any("w", "bias\t0\na\t1\na\t2\n").is_err());
        assert!(BiasModel::parse_any("w", "a\t1\n").is_err());
    }

    #[test]
    fn a_missing_or_unknown_weight_is_an_error() {
        assert!(BiasModel::parse("w", "bias\t0\n").is_err());
        assert!(BiasModel::parse("w", "bias\t0\nfoo\t1\n").is_err());
    }
}
