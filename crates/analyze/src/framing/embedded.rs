//! Sentence bias from sentence embeddings (cargo feature `embeddings`): all-MiniLM-L6-v2
//! embeds each sentence, and a logistic head over the lexicon features and the embedding
//! (`data/lexicons/bias_embedding_weights.tsv`) scores it. The framing stage uses it when the
//! embedder's folder is there (see [`MiniLm::default_dir`]); otherwise it keeps the lexicon
//! score.

use super::bias::{self, BiasModel};
use parley_nlp::embed::MiniLm;
use std::path::Path;

/// The embedder and the head fitted over its vectors.
pub struct EmbeddedBias {
    embedder: MiniLm,
    head: BiasModel,
}

impl EmbeddedBias {
    /// Loads the embedder from `dir` and the shipped head.
    pub fn load(dir: &Path) -> Result<Self, String> {
        Ok(EmbeddedBias {
            embedder: MiniLm::load(dir).map_err(|e| format!("{e:#}"))?,
            head: BiasModel::shipped_with_embeddings().map_err(|e| e.to_string())?,
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
        let vectors = self
            .embedder
            .embed(texts)
            .map_err(|e| format!("cannot embed sentences: {e:#}"))?;
        Ok(features
            .into_iter()
            .zip(&vectors)
            .map(|(f, v)| self.head.score(&bias::with_embedding(f, v)))
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
}
