//! Sentence bias from all-MiniLM-L6-v2 (cargo feature `embeddings`): the embedder runs each
//! sentence, and a logistic head (`data/lexicons/bias_embedding_weights.tsv`) scores the
//! lexicon features and vectors pooled from the model's layers. Optionally a token head
//! (`data/lexicons/bias_token_weights.tsv`) scores every word piece as a biased word, and the
//! sentence head reads the highest token scores. The framing stage uses it when the embedder's
//! folder is there (see [`MiniLm::default_dir`]); otherwise it keeps the lexicon score.
//!
//! The head's inputs are named in its file, so the weights decide what is computed:
//! a lexicon feature ([`bias::FEATURES`]); `e{k}` the sentence embedding (last layer,
//! mean-pooled, unit length, as [`MiniLm::embed`]); `mean{L}_{k}` / `max{L}_{k}` the mean /
//! maximum over the tokens of layer L (0 = the embedding layer); `tok_max` / `tok_top3` the
//! highest token score / the mean of the three highest.

use super::bias::{self, BiasModel};
use super::lexicon::{files, LexiconError};
use parley_nlp::embed::{HiddenStates, MiniLm};
use std::collections::HashMap;
use std::path::Path;

/// One input of the sentence head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Input {
    Lexicon(usize),
    Embedding(usize),
    Mean { layer: usize, dim: usize },
    Max { layer: usize, dim: usize },
    TokenMax,
    TokenTop3,
}

/// Transformer layers of the model, plus the embedding layer (0).
const LAYERS: usize = 7;

impl Input {
    /// The input a head-file name stands for, if any.
    pub fn parse(name: &str) -> Option<Input> {
        if let Some(i) = bias::FEATURES.iter().position(|f| *f == name) {
            return Some(Input::Lexicon(i));
        }
        let dim = |d: &str| d.parse().ok().filter(|&d| d < bias::EMBEDDING_DIMS);
        let layer_dim = |rest: &str| -> Option<(usize, usize)> {
            let (l, d) = rest.split_once('_')?;
            Some((l.parse().ok().filter(|&l| l < LAYERS)?, dim(d)?))
        };
        match name {
            "tok_max" => Some(Input::TokenMax),
            "tok_top3" => Some(Input::TokenTop3),
            _ if name.starts_with("mean") => {
                layer_dim(&name[4..]).map(|(layer, dim)| Input::Mean { layer, dim })
            }
            _ if name.starts_with("max") => {
                layer_dim(&name[3..]).map(|(layer, dim)| Input::Max { layer, dim })
            }
            _ if name.starts_with('e') => dim(&name[1..]).map(Input::Embedding),
            _ => None,
        }
    }

    fn needs_tokens(self) -> bool {
        matches!(self, Input::TokenMax | Input::TokenTop3)
    }
}

/// A head whose inputs are named in its weights file.
#[derive(Debug, Clone)]
pub struct Head {
    pub inputs: Vec<Input>,
    pub model: BiasModel,
}

impl Head {
    /// Parses a head file; every name must be an [`Input`].
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let (names, model) = BiasModel::parse_any(file, text)?;
        let inputs = names
            .iter()
            .map(|n| {
                Input::parse(n).ok_or_else(|| LexiconError {
                    file,
                    line: 0,
                    reason: format!("unknown input {n:?}"),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Head { inputs, model })
    }

    /// The shipped sentence head.
    pub fn shipped() -> Result<Self, LexiconError> {
        Self::parse("bias_embedding_weights.tsv", files::BIAS_EMBEDDING_WEIGHTS)
    }

    /// Whether the head reads token scores.
    pub fn needs_tokens(&self) -> bool {
        self.inputs.iter().any(|i| i.needs_tokens())
    }
}

/// A logistic over one layer's token vectors: the probability that a word piece belongs to a
/// biased word. Its file names its weights `t{L}_{k}` (layer L, dimension k, all 384).
#[derive(Debug, Clone)]
pub struct TokenHead {
    pub layer: usize,
    pub model: BiasModel,
}

impl TokenHead {
    /// Parses a token head file.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let (names, model) = BiasModel::parse_any(file, text)?;
        let err = |reason: String| LexiconError {
            file,
            line: 0,
            reason,
        };
        let layer = names
            .first()
            .and_then(|n| n.strip_prefix('t')?.split_once('_')?.0.parse().ok())
            .filter(|&l| l < LAYERS)
            .ok_or_else(|| err("expected weights t{layer}_{dim}".into()))?;
        for (k, n) in names.iter().enumerate() {
            if *n != format!("t{layer}_{k}") {
                return Err(err(format!("expected t{layer}_{k}, got {n:?}")));
            }
        }
        if names.len() != bias::EMBEDDING_DIMS {
            return Err(err(format!(
                "{} weights, not {}",
                names.len(),
                bias::EMBEDDING_DIMS
            )));
        }
        Ok(TokenHead { layer, model })
    }

    /// The shipped token head.
    pub fn shipped() -> Result<Self, LexiconError> {
        Self::parse("bias_token_weights.tsv", files::BIAS_TOKEN_WEIGHTS)
    }

    /// The score of every word piece of a sentence ([CLS] and [SEP] left out).
    pub fn token_scores(&self, h: &HiddenStates) -> Vec<f64> {
        let Some(vectors) = h.layers.get(self.layer) else {
            return Vec::new();
        };
        vectors
            .iter()
            .zip(&h.offsets)
            .filter(|(_, (start, end))| end > start)
            .map(|(v, _)| self.model.score(&to_f64(v)))
            .collect()
    }
}

fn to_f64(v: &[f32]) -> Vec<f64> {
    v.iter().map(|&x| x as f64).collect()
}

/// Mean, maximum or unit-length mean of one layer's token vectors.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Pool {
    Mean(usize),
    Max(usize),
    UnitMean(usize),
}

fn pool(h: &HiddenStates, p: Pool) -> Vec<f64> {
    let layer = match p {
        Pool::Mean(l) | Pool::Max(l) | Pool::UnitMean(l) => l,
    };
    let tokens = h.layers.get(layer).map(Vec::as_slice).unwrap_or(&[]);
    let mut out = vec![0.0; bias::EMBEDDING_DIMS];
    if tokens.is_empty() {
        return out;
    }
    match p {
        Pool::Max(_) => {
            out.fill(f64::MIN);
            for t in tokens {
                for (o, &v) in out.iter_mut().zip(t) {
                    *o = o.max(v as f64);
                }
            }
        }
        Pool::Mean(_) | Pool::UnitMean(_) => {
            for t in tokens {
                for (o, &v) in out.iter_mut().zip(t) {
                    *o += v as f64 / tokens.len() as f64;
                }
            }
            if matches!(p, Pool::UnitMean(_)) {
                let norm = out.iter().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
                out.iter_mut().for_each(|v| *v /= norm);
            }
        }
    }
    out
}

/// The highest of `scores` and the mean of the three highest (0 when there are none).
pub fn top_scores(scores: &[f64]) -> (f64, f64) {
    let mut s = scores.to_vec();
    s.sort_by(|a, b| b.total_cmp(a));
    let top = &s[..s.len().min(3)];
    if top.is_empty() {
        return (0.0, 0.0);
    }
    (top[0], top.iter().sum::<f64>() / top.len() as f64)
}

/// What the head's inputs are computed from, for one sentence.
pub struct Sentence<'a> {
    /// The lexicon features ([`bias::features`]).
    pub lexicon: &'a [f64],
    pub hidden: &'a HiddenStates,
    /// The token head's scores (empty when the head reads none).
    pub token_scores: &'a [f64],
}

/// The values of `inputs` for one sentence.
pub fn input_values(inputs: &[Input], s: &Sentence) -> Vec<f64> {
    let (lexicon, h, token_scores) = (s.lexicon, s.hidden, s.token_scores);
    let mut pools: HashMap<Pool, Vec<f64>> = HashMap::new();
    let mut pooled =
        |p: Pool, dim: usize| -> f64 { pools.entry(p).or_insert_with(|| pool(h, p))[dim] };
    let (tok_max, tok_top3) = top_scores(token_scores);
    let last = h.layers.len().saturating_sub(1);
    inputs
        .iter()
        .map(|&i| match i {
            Input::Lexicon(k) => lexicon.get(k).copied().unwrap_or(0.0),
            Input::Embedding(dim) => pooled(Pool::UnitMean(last), dim),
            Input::Mean { layer, dim } => pooled(Pool::Mean(layer), dim),
            Input::Max { layer, dim } => pooled(Pool::Max(layer), dim),
            Input::TokenMax => tok_max,
            Input::TokenTop3 => tok_top3,
        })
        .collect()
}

/// The embedder and the heads fitted over its vectors.
pub struct EmbeddedBias {
    embedder: MiniLm,
    head: Head,
    tokens: Option<TokenHead>,
}

impl EmbeddedBias {
    /// Loads the embedder from `dir` and the shipped heads.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let head = Head::shipped().map_err(|e| e.to_string())?;
        let tokens = if head.needs_tokens() {
            Some(TokenHead::shipped().map_err(|e| e.to_string())?)
        } else {
            None
        };
        Ok(EmbeddedBias {
            embedder: MiniLm::load(dir).map_err(|e| format!("{e:#}"))?,
            head,
            tokens,
        })
    }

    /// The embedder in the default folder, when it is there; `Err` names a folder that is
    /// there but does not load.
    pub fn load_default() -> Result<Option<Self>, String> {
        match MiniLm::default_dir() {
            Some(dir) => Self::load(&dir).map(Some),
            None => Ok(None),
        }
    }

    /// Bias probabilities of `texts` whose lexicon features are `features` (same order).
    pub fn scores(&self, texts: &[String], features: Vec<Vec<f64>>) -> Result<Vec<f64>, String> {
        let hidden = self
            .embedder
            .hidden_states(texts)
            .map_err(|e| format!("cannot embed sentences: {e:#}"))?;
        Ok(features
            .iter()
            .zip(&hidden)
            .map(|(f, h)| {
                let token_scores = match &self.tokens {
                    Some(t) => t.token_scores(h),
                    None => Vec::new(),
                };
                let sentence = Sentence {
                    lexicon: f,
                    hidden: h,
                    token_scores: &token_scores,
                };
                self.head
                    .model
                    .score(&input_values(&self.head.inputs, &sentence))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedder fetched by scripts/fetch-embedder.sh, when it is there.
    fn model() -> Option<EmbeddedBias> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.models/all-minilm-l6-v2");
        if !dir.join("model.safetensors").is_file() {
            eprintln!("skipped: run scripts/fetch-embedder.sh to test the embedding bias head");
            return None;
        }
        Some(EmbeddedBias::load(&dir).unwrap())
    }

    #[test]
    fn a_slur_laden_sentence_scores_higher_than_a_plain_report() {
        let Some(m) = model() else { return };
        let stage = super::super::FramingStage::new();
        let texts: Vec<String> = [
            "The radical regime's thugs brazenly lied again to cover up their disgraceful crimes.",
            "The committee will meet on Tuesday to discuss the budget for next year.",
        ]
        .map(String::from)
        .to_vec();
        let feats = texts.iter().map(|t| stage.sentence_features(t)).collect();
        let s = m.scores(&texts, feats).unwrap();
        assert!(s[0] > 0.5 && s[1] < 0.5, "{s:?}");
    }

    #[test]
    fn input_names_parse_and_out_of_range_ones_do_not() {
        assert_eq!(Input::parse("log_words"), Some(Input::Lexicon(9)));
        assert_eq!(Input::parse("e383"), Some(Input::Embedding(383)));
        assert_eq!(
            Input::parse("mean4_7"),
            Some(Input::Mean { layer: 4, dim: 7 })
        );
        assert_eq!(
            Input::parse("max6_0"),
            Some(Input::Max { layer: 6, dim: 0 })
        );
        assert_eq!(Input::parse("tok_top3"), Some(Input::TokenTop3));
        for bad in ["e384", "mean7_0", "max6_", "mean", "foo"] {
            assert_eq!(Input::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn pools_and_token_scores_are_computed_from_hidden_states() {
        let h = HiddenStates {
            layers: vec![vec![vec![1.0; 384], vec![3.0; 384]]; LAYERS],
            offsets: vec![(0, 0), (0, 4)],
        };
        let inputs = [
            Input::Lexicon(0),
            Input::Mean { layer: 2, dim: 5 },
            Input::Max { layer: 2, dim: 5 },
            Input::Embedding(0),
            Input::TokenMax,
            Input::TokenTop3,
        ];
        let x = input_values(
            &inputs,
            &Sentence {
                lexicon: &[7.0],
                hidden: &h,
                token_scores: &[0.9, 0.1, 0.5, 0.2],
            },
        );
        let unit = 1.0 / (384f64).sqrt();
        let want = [7.0, 2.0, 3.0, unit, 0.9, (0.9 + 0.5 + 0.2) / 3.0];
        for (a, b) in x.iter().zip(want) {
            assert!((a - b).abs() < 1e-9, "{x:?}");
        }
    }

    #[test]
    fn top_scores_of_few_or_no_tokens() {
        assert_eq!(top_scores(&[]), (0.0, 0.0));
        assert_eq!(top_scores(&[0.4, 0.8]), (0.8, 0.6000000000000001));
    }

    #[test]
    fn a_token_head_needs_one_layer_and_every_dimension() {
        let full: String = (0..384).map(|k| format!("t4_{k}\t0.1\n")).collect();
        let head = TokenHead::parse("t", &format!("bias\t-1\n{full}")).unwrap();
        assert_eq!(head.layer, 4);
        let h = HiddenStates {
            layers: vec![vec![vec![0.0; 384], vec![10.0; 384]]; LAYERS],
            offsets: vec![(0, 0), (0, 3)],
        };
        let s = head.token_scores(&h);
        assert_eq!(s.len(), 1, "the [CLS] token is left out");
        assert!(s[0] > 0.99);
        assert!(TokenHead::parse("t", "bias\t0\nt4_0\t1\n").is_err());
        assert!(TokenHead::parse(
            "t",
            &format!("bias\t0\n{}", full.replace("t4_3\t", "t5_3\t"))
        )
        .is_err());
    }

    #[test]
    fn the_shipped_heads_parse() {
        let head = Head::shipped().unwrap();
        assert!(!head.inputs.is_empty());
        if head.needs_tokens() {
            TokenHead::shipped().unwrap();
        }
    }
}
