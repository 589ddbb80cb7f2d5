//! spaCy's `TransitionBasedParser.v2` network, shared by the parser and the NER: a linear
//! layer over the token vectors, a "precomputable affine" hidden layer (one weight block
//! per state feature, maxout over pieces, a learned padding vector for missing features),
//! and a linear output layer over the moves.

use crate::error::{Error, Result};
use crate::layers::{matmul_bt, Linear};
use crate::msgpack::ThincModel;

pub struct ParserModel {
    lower: Linear,
    /// (nF·nO·nP) × nI
    w: Vec<f32>,
    /// nO·nP
    b: Vec<f32>,
    /// nF·nO·nP
    pad: Vec<f32>,
    upper: Linear,
    pub n_feats: usize,
    n_hidden: usize,
    n_pieces: usize,
    pub n_classes: usize,
}

/// Per-document precomputed hidden-layer contributions: n × nF × nO × nP.
pub struct Precomputed {
    data: Vec<f32>,
}

impl ParserModel {
    pub fn from_model(model: &mut ThincModel, width: usize, what: &str) -> Result<ParserModel> {
        let affine = model
            .nodes_named_mut("precomputable_affine")
            .next()
            .ok_or_else(|| Error::model(format!("{what}: no precomputable_affine layer")))?;
        let dim = |name: &str| -> Result<usize> {
            affine
                .dims
                .get(name)
                .filter(|&&d| d > 0)
                .map(|&d| d as usize)
                .ok_or_else(|| Error::model(format!("{what}: precomputable_affine has no {name}")))
        };
        let (n_feats, n_hidden, n_pieces, n_in) = (dim("nF")?, dim("nO")?, dim("nP")?, dim("nI")?);
        let w = affine.take_param("W", &[n_feats, n_hidden, n_pieces, n_in])?;
        let b = affine.take_param("b", &[n_hidden, n_pieces])?;
        let pad = affine.take_param("pad", &[1, n_feats, n_hidden, n_pieces])?;
        let mut lower = None;
        let mut upper = None;
        for node in model.nodes_named_mut("linear") {
            let lin = Linear::from_node(node)?;
            if lin.n_in == width && lin.n_out == n_in {
                lower = Some(lin);
            } else if lin.n_in == n_hidden {
                upper = Some(lin);
            }
        }
        let lower =
            lower.ok_or_else(|| Error::model(format!("{what}: no {width}→{n_in} linear layer")))?;
        let upper = upper.ok_or_else(|| Error::model(format!("{what}: no output layer")))?;
        let n_classes = upper.n_out;
        Ok(ParserModel {
            lower,
            w,
            b,
            pad,
            upper,
            n_feats,
            n_hidden,
            n_pieces,
            n_classes,
        })
    }

    /// Project the token vectors (n × width) and precompute each feature's contribution.
    pub fn precompute(&self, tokvecs: &[f32], n: usize) -> Precomputed {
        let mut x = Vec::new();
        self.lower.forward(tokvecs, n, &mut x);
        let wide = self.n_feats * self.n_hidden * self.n_pieces;
        let mut data = vec![0f32; n * wide];
        matmul_bt(&x, &self.w, &mut data, n, self.lower.n_out, wide);
        Precomputed { data }
    }

    /// Scores of every move for a state whose feature tokens are `ids` (-1 = none).
    /// `hidden` and `scores` are scratch buffers (resized here).
    pub fn scores(
        &self,
        pre: &Precomputed,
        ids: &[i32],
        unmaxed: &mut Vec<f32>,
        hidden: &mut Vec<f32>,
        scores: &mut Vec<f32>,
    ) {
        let o = self.n_hidden * self.n_pieces;
        let stride = self.n_feats * o;
        unmaxed.clear();
        unmaxed.resize(o, 0.0);
        for (f, &id) in ids.iter().enumerate() {
            let src = if id < 0 {
                &self.pad[f * o..(f + 1) * o]
            } else {
                let base = id as usize * stride + f * o;
                &pre.data[base..base + o]
            };
            for (u, s) in unmaxed.iter_mut().zip(src) {
                *u += s;
            }
        }
        for (u, b) in unmaxed.iter_mut().zip(&self.b) {
            *u += b;
        }
        hidden.clear();
        for piece in unmaxed.chunks_exact(self.n_pieces) {
            let mut best = piece[0];
            for &v in &piece[1..] {
                if v > best {
                    best = v;
                }
            }
            hidden.push(best);
        }
        self.upper.forward(hidden, 1, scores);
    }
}

/// The highest-scoring valid move (the first one on ties), as spaCy's `arg_max_if_valid`.
pub fn best_valid(scores: &[f32], valid: &[bool]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, (&s, &ok)) in scores.iter().zip(valid).enumerate() {
        if ok && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}
