//! Sentence embeddings of titles and leads (cargo feature `embeddings`): the all-MiniLM-L6-v2
//! embedder of parley-nlp (`parley_nlp::embed`), used as the stories' [`Embedder`].

use crate::story::Embedder;
use anyhow::Result;

pub use parley_nlp::embed::{MiniLm, MAX_TOKENS, MODEL_DIR_NAME};

impl Embedder for MiniLm {
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        MiniLm::embed(self, texts)
    }
}
