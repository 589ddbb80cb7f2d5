//! spaCy's `Tok2Vec.v2` encoder: `MultiHashEmbed` over lexical features (NORM, PREFIX,
//! SUFFIX, SHAPE, SPACY, IS_SPACE), a Maxout+LayerNorm mixer, then `depth` residual
//! window layers (`expand_window >> Maxout >> LayerNorm`). Docs are laid out as thinc's
//! `with_array(pad=4)` does: four zero rows before, between and after them.

use crate::error::{Error, Result};
use crate::layers::{HashEmbed, LayerNorm, Maxout};
use crate::msgpack::{value_str, ThincModel};

/// The lexical features a token can give to an embedding table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    Norm,
    Prefix,
    Suffix,
    Shape,
    Spacy,
    IsSpace,
}

/// Per-token feature ids (spaCy string ids; 0/1 for flags).
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenFeatures {
    pub norm: u64,
    pub prefix: u64,
    pub suffix: u64,
    pub shape: u64,
    pub spacy: u64,
    pub is_space: u64,
}

impl TokenFeatures {
    fn get(&self, f: Feature) -> u64 {
        match f {
            Feature::Norm => self.norm,
            Feature::Prefix => self.prefix,
            Feature::Suffix => self.suffix,
            Feature::Shape => self.shape,
            Feature::Spacy => self.spacy,
            Feature::IsSpace => self.is_space,
        }
    }
}

const PAD: usize = 4;

/// A Tok2Vec encoder.
pub struct Tok2Vec {
    columns: Vec<Feature>,
    embeds: Vec<HashEmbed>,
    mixer: Maxout,
    mixer_norm: LayerNorm,
    layers: Vec<(Maxout, LayerNorm)>,
    pub width: usize,
}

impl Tok2Vec {
    /// Build from the nodes of a thinc model that contains one Tok2Vec.v2 subtree.
    pub fn from_model(model: &mut ThincModel, what: &str) -> Result<Tok2Vec> {
        let features_node = model
            .nodes_named("extract_features")
            .next()
            .ok_or_else(|| Error::model(format!("{what}: no extract_features layer")))?;
        let columns = match features_node.attrs.get("columns") {
            Some(rmpv::Value::Array(cols)) => cols
                .iter()
                .map(|c| match value_str(c) {
                    Some("NORM") => Ok(Feature::Norm),
                    Some("PREFIX") => Ok(Feature::Prefix),
                    Some("SUFFIX") => Ok(Feature::Suffix),
                    Some("SHAPE") => Ok(Feature::Shape),
                    Some("SPACY") => Ok(Feature::Spacy),
                    Some("IS_SPACE") => Ok(Feature::IsSpace),
                    other => Err(Error::model(format!(
                        "{what}: unsupported feature {other:?}"
                    ))),
                })
                .collect::<Result<Vec<_>>>()?,
            _ => {
                return Err(Error::model(format!(
                    "{what}: extract_features has no columns"
                )))
            }
        };
        let mut embeds = model
            .nodes_named_mut("hashembed")
            .map(HashEmbed::from_node)
            .collect::<Result<Vec<_>>>()?;
        embeds.sort_by_key(|e| e.column);
        if embeds.len() != columns.len() || embeds.iter().enumerate().any(|(i, e)| e.column != i) {
            return Err(Error::model(format!(
                "{what}: {} hash embeddings for {} feature columns",
                embeds.len(),
                columns.len()
            )));
        }
        let maxouts = model
            .nodes_named_mut("maxout")
            .map(Maxout::from_node)
            .collect::<Result<Vec<_>>>()?;
        let norms = model
            .nodes_named_mut("layernorm")
            .map(LayerNorm::from_node)
            .collect::<Result<Vec<_>>>()?;
        if maxouts.len() < 2 || maxouts.len() != norms.len() {
            return Err(Error::model(format!(
                "{what}: {} maxout and {} layernorm layers",
                maxouts.len(),
                norms.len()
            )));
        }
        let mut pairs = maxouts.into_iter().zip(norms);
        let (mixer, mixer_norm) = pairs.next().expect("checked above");
        let width = mixer.n_out;
        let embed_width: usize = embeds.iter().map(|e| e.width).sum();
        if mixer.n_in != embed_width {
            return Err(Error::model(format!(
                "{what}: mixer takes {} inputs, embeddings give {embed_width}",
                mixer.n_in
            )));
        }
        let layers: Vec<(Maxout, LayerNorm)> = pairs.collect();
        for (m, _) in &layers {
            if m.n_in != 3 * width || m.n_out != width {
                return Err(Error::model(format!(
                    "{what}: window layer {}→{}, expected {}→{width}",
                    m.n_in,
                    m.n_out,
                    3 * width
                )));
            }
        }
        Ok(Tok2Vec {
            columns,
            embeds,
            mixer,
            mixer_norm,
            layers,
            width,
        })
    }

    /// Encode a batch of docs; returns one n×width matrix (row-major) per doc.
    pub fn forward(&self, docs: &[&[TokenFeatures]]) -> Vec<Vec<f32>> {
        let w = self.width;
        let total: usize = docs.iter().map(|d| d.len()).sum();
        // 1. embeddings and mixer over all tokens at once
        let embed_width = self.mixer.n_in;
        let mut emb = vec![0f32; total * embed_width];
        let mut row = 0;
        for doc in docs {
            for tok in doc.iter() {
                let dst = &mut emb[row * embed_width..(row + 1) * embed_width];
                let mut off = 0;
                for (e, &col) in self.embeds.iter().zip(&self.columns) {
                    e.embed_into(tok.get(col), &mut dst[off..off + e.width]);
                    off += e.width;
                }
                row += 1;
            }
        }
        let mut scratch = Vec::new();
        let mut mixed = Vec::new();
        self.mixer.forward(&emb, total, &mut scratch, &mut mixed);
        self.mixer_norm.forward_inplace(&mut mixed);
        // 2. lay out with padding: PAD zero rows before, between and after docs
        let padded_rows = total + PAD * (docs.len() + 1);
        let mut x = vec![0f32; padded_rows * w];
        let mut starts = Vec::with_capacity(docs.len());
        let (mut src, mut dst) = (0usize, PAD);
        for doc in docs {
            starts.push(dst);
            let n = doc.len();
            x[dst * w..(dst + n) * w].copy_from_slice(&mixed[src * w..(src + n) * w]);
            src += n;
            dst += n + PAD;
        }
        // 3. residual window layers over the whole padded array
        let mut window = vec![0f32; padded_rows * 3 * w];
        let mut y = Vec::new();
        for (maxout, norm) in &self.layers {
            // every cell is written: neighbours, or zeros past either end
            for i in 0..padded_rows {
                let out = &mut window[i * 3 * w..(i + 1) * 3 * w];
                if i > 0 {
                    out[..w].copy_from_slice(&x[(i - 1) * w..i * w]);
                } else {
                    out[..w].fill(0.0);
                }
                out[w..2 * w].copy_from_slice(&x[i * w..(i + 1) * w]);
                if i + 1 < padded_rows {
                    out[2 * w..].copy_from_slice(&x[(i + 1) * w..(i + 2) * w]);
                } else {
                    out[2 * w..].fill(0.0);
                }
            }
            maxout.forward(&window, padded_rows, &mut scratch, &mut y);
            norm.forward_inplace(&mut y);
            for (a, b) in x.iter_mut().zip(&y) {
                *a += b;
            }
        }
        docs.iter()
            .zip(starts)
            .map(|(doc, s)| x[s * w..(s + doc.len()) * w].to_vec())
            .collect()
    }
}
