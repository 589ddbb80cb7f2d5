//! Sentence bias from all-MiniLM-L6-v2 (cargo feature `embeddings`): the embedder runs each
//! sentence, and logistic heads (`data/lexicons/bias_embedding_weights.tsv`) score the lexicon
//! features and vectors pooled from the model's layers. Token heads
//! (`data/lexicons/bias_token_weights.tsv`, one per layer) score every word piece as a biased
//! word, and the sentence heads may read the highest token scores. With several sentence heads
//! the score is their mean probability, moved so that the file's `threshold` is 0.5 (an
//! ensemble is steadier than any one head). The framing stage uses it when the embedder's
//! folder is there (see [`MiniLm::default_dir`]); otherwise it keeps the lexicon score.
//!
//! A file holds one head, or several each after a `head<TAB>NAME` line. A head's inputs are
//! named in the file, so the weights decide what is computed: a lexicon feature
//! ([`bias::FEATURES`]); `e{k}` the sentence embedding (last layer, mean-pooled, unit length,
//! as [`MiniLm::embed`]); `mean{L}_{k}` / `max{L}_{k}` the mean / maximum over the tokens of
//! layer L (0 = the embedding layer); `tok{L}_max` / `tok{L}_top3` the highest score / the
//! mean of the three highest of the layer-L token head.

use super::bias::{self, sections, BiasModel};
use super::lexicon::{files, LexiconError};
use super::ngram::NgramModel;
use parley_nlp::embed::{HiddenStates, MiniLm};
use std::collections::HashMap;
use std::path::Path;

/// One input of the sentence head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Input {
    Lexicon(usize),
    Embedding(usize),
    Mean {
        layer: usize,
        dim: usize,
    },
    Max {
        layer: usize,
        dim: usize,
    },
    TokenMax(usize),
    TokenTop3(usize),
    /// The word n-gram model's log-odds ([`NgramModel`]).
    NgramLogit,
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
        if let Some((l, what)) = name.strip_prefix("tok").and_then(|r| r.split_once('_')) {
            let layer = l.parse().ok().filter(|&l| l < LAYERS)?;
            return match what {
                "max" => Some(Input::TokenMax(layer)),
                "top3" => Some(Input::TokenTop3(layer)),
                _ => None,
            };
        }
        match name {
            "ngram_logit" => Some(Input::NgramLogit),
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

    /// The layer whose token head this input reads, if any.
    fn token_layer(self) -> Option<usize> {
        match self {
            Input::TokenMax(l) | Input::TokenTop3(l) => Some(l),
            _ => None,
        }
    }

    /// The layer whose token vectors this input is pooled from (the last for `e`), if any.
    fn pooled_layer(self) -> Option<usize> {
        match self {
            Input::Embedding(_) => Some(LAYERS - 1),
            Input::Mean { layer, .. } | Input::Max { layer, .. } => Some(layer),
            _ => None,
        }
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
}

/// The sentence heads: their mean probability is decided at `threshold`.
#[derive(Debug, Clone)]
pub struct Heads {
    pub heads: Vec<Head>,
    pub threshold: f64,
}

impl Heads {
    /// Parses a file of one head or of several (`head<TAB>NAME` sections, a `threshold` line).
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let (texts, threshold) = sections(file, text)?;
        let heads = texts
            .iter()
            .map(|t| Head::parse(file, t))
            .collect::<Result<_, _>>()?;
        Ok(Heads { heads, threshold })
    }

    /// The shipped sentence heads.
    pub fn shipped() -> Result<Self, LexiconError> {
        Self::parse("bias_embedding_weights.tsv", files::BIAS_EMBEDDING_WEIGHTS)
    }

    /// Whether a head reads the n-gram model.
    pub fn needs_ngram(&self) -> bool {
        self.heads
            .iter()
            .any(|h| h.inputs.contains(&Input::NgramLogit))
    }

    /// The layers whose token heads the heads read, ascending.
    pub fn token_layers(&self) -> Vec<usize> {
        let mut layers: Vec<usize> = self
            .heads
            .iter()
            .flat_map(|h| h.inputs.iter().filter_map(|i| i.token_layer()))
            .collect();
        layers.sort_unstable();
        layers.dedup();
        layers
    }

    /// The score: the heads' mean probability `p`, as the probability whose log-odds are
    /// logit(p) - logit(threshold), so that 0.5 is the decision point.
    pub fn combine(&self, probabilities: &[f64]) -> f64 {
        let p = probabilities.iter().sum::<f64>() / probabilities.len().max(1) as f64;
        let p = p.clamp(1e-12, 1.0 - 1e-12);
        let logit = |q: f64| (q / (1.0 - q)).ln();
        1.0 / (1.0 + (-(logit(p) - logit(self.threshold))).exp())
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

    /// Parses a file of one token head or of several (`head<TAB>t{L}` sections).
    pub fn parse_all(file: &'static str, text: &str) -> Result<Vec<Self>, LexiconError> {
        let (texts, _) = sections(file, text)?;
        texts.iter().map(|t| Self::parse(file, t)).collect()
    }

    /// The shipped token heads.
    pub fn shipped() -> Result<Vec<Self>, LexiconError> {
        Self::parse_all("bias_token_weights.tsv", files::BIAS_TOKEN_WEIGHTS)
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
    /// Each token head's layer and scores (empty when no head reads them).
    pub token_scores: &'a [(usize, Vec<f64>)],
    /// The n-gram model's log-odds (0 when no head reads it).
    pub ngram_logit: f64,
}

/// The values of `inputs` for one sentence.
pub fn input_values(inputs: &[Input], s: &Sentence) -> Vec<f64> {
    let (lexicon, h, token_scores) = (s.lexicon, s.hidden, s.token_scores);
    let mut pools: HashMap<Pool, Vec<f64>> = HashMap::new();
    let mut pooled =
        |p: Pool, dim: usize| -> f64 { pools.entry(p).or_insert_with(|| pool(h, p))[dim] };
    let top = |layer: usize| {
        token_scores
            .iter()
            .find(|(l, _)| *l == layer)
            .map_or((0.0, 0.0), |(_, s)| top_scores(s))
    };
    let last = h.layers.len().saturating_sub(1);
    inputs
        .iter()
        .map(|&i| match i {
            Input::Lexicon(k) => lexicon.get(k).copied().unwrap_or(0.0),
            Input::Embedding(dim) => pooled(Pool::UnitMean(last), dim),
            Input::Mean { layer, dim } => pooled(Pool::Mean(layer), dim),
            Input::Max { layer, dim } => pooled(Pool::Max(layer), dim),
            Input::TokenMax(l) => top(l).0,
            Input::TokenTop3(l) => top(l).1,
            Input::NgramLogit => s.ngram_logit,
        })
        .collect()
}

/// The embedder and the heads fitted over its vectors.
pub struct EmbeddedBias {
    embedder: MiniLm,
    heads: Heads,
    /// The token heads the sentence heads read.
    tokens: Vec<TokenHead>,
    /// The layers whose token vectors are read (the others are not copied out of the model).
    layers: Vec<usize>,
    /// The n-gram model, when a head reads it.
    ngram: Option<NgramModel>,
}

impl EmbeddedBias {
    /// Loads the embedder from `dir` and the shipped heads.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let heads = Heads::shipped().map_err(|e| e.to_string())?;
        let wanted = heads.token_layers();
        let tokens: Vec<TokenHead> = if wanted.is_empty() {
            Vec::new()
        } else {
            TokenHead::shipped().map_err(|e| e.to_string())?
        };
        let tokens: Vec<TokenHead> = tokens
            .into_iter()
            .filter(|t| wanted.contains(&t.layer))
            .collect();
        if let Some(l) = wanted
            .iter()
            .find(|l| !tokens.iter().any(|t| t.layer == **l))
        {
            return Err(format!(
                "bias_token_weights.tsv has no token head of layer {l}"
            ));
        }
        let mut layers: Vec<usize> = heads
            .heads
            .iter()
            .flat_map(|h| h.inputs.iter().filter_map(|i| i.pooled_layer()))
            .chain(wanted)
            .collect();
        layers.sort_unstable();
        layers.dedup();
        let ngram = if heads.needs_ngram() {
            Some(
                NgramModel::parse("bias_ngram_weights.tsv", files::BIAS_NGRAM_WEIGHTS)
                    .map_err(|e| e.to_string())?,
            )
        } else {
            None
        };
        Ok(EmbeddedBias {
            embedder: MiniLm::load(dir).map_err(|e| format!("{e:#}"))?,
            heads,
            tokens,
            layers,
            ngram,
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
            .hidden_states_of(texts, &self.layers)
            .map_err(|e| format!("cannot embed sentences: {e:#}"))?;
        Ok(features
            .iter()
            .zip(&hidden)
            .zip(texts)
            .map(|((f, h), text)| {
                let token_scores: Vec<(usize, Vec<f64>)> = self
                    .tokens
                    .iter()
                    .map(|t| (t.layer, t.token_scores(h)))
                    .collect();
                let sentence = Sentence {
                    lexicon: f,
                    hidden: h,
                    token_scores: &token_scores,
                    ngram_logit: self.ngram.as_ref().map_or(0.0, |m| m.logit(text)),
                };
                let probabilities: Vec<f64> = self
                    .heads
                    .heads
                    .iter()
                    .map(|head| head.model.score(&input_values(&head.inputs, &sentence)))
                    .collect();
                self.heads.combine(&probabilities)
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
        assert_eq!(Input::parse("tok4_top3"), Some(Input::TokenTop3(4)));
        assert_eq!(Input::parse("tok6_max"), Some(Input::TokenMax(6)));
        assert_eq!(Input::parse("ngram_logit"), Some(Input::NgramLogit));
        for bad in [
            "e384", "mean7_0", "max6_", "mean", "foo", "tok_max", "tok7_max", "tok4_min",
        ] {
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
            Input::TokenMax(4),
            Input::TokenTop3(4),
            Input::TokenMax(6),
            Input::NgramLogit,
        ];
        let x = input_values(
            &inputs,
            &Sentence {
                lexicon: &[7.0],
                hidden: &h,
                token_scores: &[(4, vec![0.9, 0.1, 0.5, 0.2])],
                ngram_logit: -2.0,
            },
        );
        let unit = 1.0 / (384f64).sqrt();
        let want = [7.0, 2.0, 3.0, unit, 0.9, (0.9 + 0.5 + 0.2) / 3.0, 0.0, -2.0];
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
        let heads = Heads::shipped().unwrap();
        assert!(heads.heads.iter().all(|h| !h.inputs.is_empty()));
        let tokens = TokenHead::shipped().unwrap();
        for l in heads.token_layers() {
            assert!(
                tokens.iter().any(|t| t.layer == l),
                "no token head of layer {l}"
            );
        }
        if heads.needs_ngram() {
            let m = NgramModel::parse("bias_ngram_weights.tsv", files::BIAS_NGRAM_WEIGHTS).unwrap();
            assert!(m.weights.len() >= 100 && m.weights.values().any(|w| *w != 0.0));
        }
    }

    #[test]
    fn a_file_of_several_heads_splits_at_head_lines_and_keeps_its_threshold() {
        let text = "# two heads\nthreshold\t0.4\nhead\ta\nbias\t1\ne0\t2\nhead\tb\nbias\t-1\ntok4_max\t3\n";
        let heads = Heads::parse("h", text).unwrap();
        assert_eq!(heads.heads.len(), 2);
        assert_eq!(heads.heads[0].inputs, [Input::Embedding(0)]);
        assert_eq!(heads.heads[1].inputs, [Input::TokenMax(4)]);
        assert_eq!(heads.threshold, 0.4);
        assert_eq!(heads.token_layers(), [4]);
        // A weight outside any head, or a threshold out of range, is an error with its line.
        let err = Heads::parse("h", "bias\t0\nhead\ta\nbias\t1\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(Heads::parse("h", "threshold\t1.5\nbias\t0\ne0\t1\n").is_err());
        let err = Heads::parse("h", "head\ta\nbias\t0\ne0\tx\n").unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn one_head_without_sections_is_read_as_before() {
        let heads = Heads::parse("h", "# c\nbias\t0.5\ne3\t1\n").unwrap();
        assert_eq!(heads.heads.len(), 1);
        assert_eq!(heads.threshold, 0.5);
        assert!((heads.combine(&[0.7]) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn the_ensemble_score_is_the_mean_probability_moved_to_its_threshold() {
        let heads = Heads {
            heads: Vec::new(),
            threshold: 0.4,
        };
        // Mean 0.4 sits at the threshold: 0.5 after the move; above it stays above.
        assert!((heads.combine(&[0.3, 0.5]) - 0.5).abs() < 1e-12);
        assert!(heads.combine(&[0.45, 0.45]) > 0.5);
        assert!(heads.combine(&[0.2, 0.5]) < 0.5);
    }

    #[test]
    fn token_heads_of_two_layers_parse_from_one_file() {
        let head = |l: usize| -> String {
            let w: String = (0..384).map(|k| format!("t{l}_{k}\t0.1\n")).collect();
            format!("head\tt{l}\nbias\t-1\n{w}")
        };
        let heads = TokenHead::parse_all("t", &format!("# c\n{}{}", head(4), head(6))).unwrap();
        assert_eq!(heads.iter().map(|h| h.layer).collect::<Vec<_>>(), [4, 6]);
    }
}
