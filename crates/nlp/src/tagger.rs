//! spaCy's tagger: a linear layer over the shared tok2vec output, argmax over the tag set
//! (the `labels` of `tagger/cfg`).

use crate::error::{Error, Result};
use crate::layers::Linear;
use crate::msgpack::ThincModel;

pub struct Tagger {
    linear: Linear,
    pub labels: Vec<String>,
}

impl Tagger {
    pub fn load(model: &mut ThincModel, cfg: &serde_json::Value) -> Result<Tagger> {
        let node = model
            .nodes_named_mut("softmax")
            .next()
            .ok_or_else(|| Error::model("tagger: no softmax layer"))?;
        let linear = Linear::from_node(node)?;
        let labels: Vec<String> = cfg["labels"]
            .as_array()
            .ok_or_else(|| Error::model("tagger/cfg: no labels"))?
            .iter()
            .filter_map(|l| l.as_str().map(str::to_string))
            .collect();
        if labels.len() != linear.n_out {
            return Err(Error::model(format!(
                "tagger: {} labels for {} outputs",
                labels.len(),
                linear.n_out
            )));
        }
        Ok(Tagger { linear, labels })
    }

    /// Tag ids for n tokens given their n×width vectors.
    pub fn predict(&self, vectors: &[f32], n: usize) -> Vec<usize> {
        let mut scores = Vec::new();
        self.linear.forward(vectors, n, &mut scores);
        scores
            .chunks_exact(self.linear.n_out)
            .map(|row| {
                let mut best = 0;
                for (i, &v) in row.iter().enumerate() {
                    if v > row[best] {
                        best = i;
                    }
                }
                best
            })
            .collect()
    }
}
